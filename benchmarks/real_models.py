"""Conformance run of the real models, for a machine that reaches the Hugging Face Hub.

Downloads the recipes' models, briefs the seed article and the dev articles with each recipe and
engine, and reports per recipe and engine:

* ROUGE-1/2/L F1 of ``summary_vi`` against the dev leads, twice: with a Vietnamese-aware
  tokenizer (words with their diacritics), and in the scoring mode of the ViT5 paper (``rouge_score``'s
  default tokenizer, which keeps only ASCII letters and digits, as ``datasets.load_metric("rouge")`` in
  vietai/ViT5 src/metrics.py does), so the second can be set beside the paper's 62.77 / 33.16 for
  ViT5-large on vietnews (a different test set: the dev leads are not vietnews);
* the checks' flag rate (briefs with at least one problem, problems per brief);
* seconds per brief (warm, the load apart) and the peak RSS of the process (one process per pair).

    python benchmarks/real_models.py [--recipes default,fast,quality] [--engines ctranslate2,transformers]
        [--dev ../shared/corpus/dev/articles.jsonl] [--limit N] [--json out.json]

Where the hub cannot be reached it stops at once with one line (exit 3). ``--model-map map.json``
({"hub id": "local directory"}) runs it on local checkpoints instead (the tests use tiny models).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SEED = ROOT / "tests" / "data" / "seed_binhduong.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
PAPER = "ViT5-large on vietnews, paper: R-1 62.77 / R-2 33.16"


def hub_unreachable(endpoint: str, model: str, timeout: float = 10.0) -> str | None:
    """Why the hub cannot be used for ``model`` (one line), or None."""
    url = f"{endpoint.rstrip('/')}/api/models/{model}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        return None if exc.code < 500 and exc.code != 404 else f"{url} answered HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return f"{endpoint} is unreachable ({reason})"


def articles(dev: Path | None, limit: int | None) -> list[dict[str, str]]:
    """The seed article, then the dev articles (with their leads as references)."""
    out = [{"id": "seed", "text": SEED.read_text(encoding="utf-8"), "reference_vi": ""}]
    if dev is not None:
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text = "\n".join(filter(None, [row.get("title", ""), row["text"]]))
                out.append({"id": row["id"], "text": text, "reference_vi": row.get("reference_vi") or ""})
    return out[: limit + 1] if limit is not None else out


def child(recipe: str, engine: str, items: Path, model_map: dict[str, str]) -> dict:
    """One recipe with one engine, in its own process: briefs of every article, then peak RSS."""
    from vnsum.engines import EngineOptions
    from vnsum.pipeline import Options, Pipeline
    from vnsum.recipes import load_recipe

    rec = load_recipe(recipe)
    options = Options(
        recipe=recipe,
        summarizer=model_map.get(rec.summarizer.model),
        translator=model_map.get(rec.translator.model),
        quiet=True,
        engine=EngineOptions(name=engine),
    )
    rows = []
    with Pipeline(options) as pipeline:
        start = time.perf_counter()
        pipeline.engine_for(pipeline.recipe.summarizer)
        pipeline.engine_for(pipeline.recipe.translator)
        load = time.perf_counter() - start
        for item in json.loads(items.read_text(encoding="utf-8")):
            t0 = time.perf_counter()
            try:
                brief = pipeline.summarize(item["text"], item["id"])
            except Exception as exc:  # an article the gate refuses is counted, not fatal
                rows.append({"id": item["id"], "error": f"{exc.__class__.__name__}: {exc}"[:200]})
                continue
            rows.append(
                {
                    "id": item["id"],
                    "seconds": time.perf_counter() - t0,
                    "summary_vi": brief.summary_vi,
                    "problems": len(brief.checks),
                    "models": brief.models,
                }
            )
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"recipe": recipe, "engine": engine, "load_seconds": load, "peak_rss_mb": peak_kb / 1024, "rows": rows}


def scores(rows: list[dict], refs: dict[str, str]) -> dict[str, float | None]:
    """ROUGE F1 (mean over articles with a lead), Vietnamese-aware and in the ViT5 paper's mode."""
    from keypoints_eval import rouge_l, rouge_n, rouge_tokens
    from rouge_score import rouge_scorer

    paper = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    vi: dict[str, list[float]] = {"R1": [], "R2": [], "RL": []}
    en: dict[str, list[float]] = {"R1": [], "R2": [], "RL": []}
    for row in rows:
        ref = refs.get(row["id"], "")
        if not ref or "summary_vi" not in row:
            continue
        c, r = rouge_tokens(row["summary_vi"]), rouge_tokens(ref)
        vi["R1"].append(rouge_n(c, r, 1))
        vi["R2"].append(rouge_n(c, r, 2))
        vi["RL"].append(rouge_l(c, r))
        s = paper.score(ref, row["summary_vi"])
        en["R1"].append(s["rouge1"].fmeasure)
        en["R2"].append(s["rouge2"].fmeasure)
        en["RL"].append(s["rougeL"].fmeasure)
    out: dict[str, float | None] = {}
    for prefix, table in (("vi", vi), ("paper", en)):
        for key, values in table.items():
            out[f"{prefix}_{key}"] = 100 * statistics.fmean(values) if values else None
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="Conformance run of the real models (needs the Hugging Face Hub).")
    ap.add_argument("--recipes", default="default,fast,quality")
    ap.add_argument("--engines", default="ctranslate2,transformers")
    ap.add_argument("--dev", type=Path, default=DEV if DEV.is_file() else None)
    ap.add_argument("--limit", type=int, default=None, help="dev articles to brief (default: all)")
    ap.add_argument("--model-map", type=Path, help='JSON {"hub id": "local directory"}: no hub needed')
    ap.add_argument("--json", type=Path, help="write the full results here")
    ap.add_argument("--child", nargs=3, metavar=("RECIPE", "ENGINE", "ITEMS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    model_map = json.loads(args.model_map.read_text(encoding="utf-8")) if args.model_map else {}
    if args.child:
        recipe, engine, items = args.child
        print(json.dumps(child(recipe, engine, Path(items), model_map)))
        return 0

    from vnsum.hub import hub_endpoint
    from vnsum.recipes import load_recipe

    recipes = [r for r in args.recipes.split(",") if r]
    engines = [e for e in args.engines.split(",") if e]
    needed = sorted(
        {m for r in recipes for m in (load_recipe(r).summarizer.model, load_recipe(r).translator.model)} - set(model_map)
    )
    if needed:
        why = hub_unreachable(hub_endpoint() or "https://huggingface.co", needed[0])
        if why:
            print(
                f"real_models: the Hugging Face Hub is needed for {needed[0]} and {why}; run this on a machine with network",
                file=sys.stderr,
            )
            return 3
    items = articles(args.dev, args.limit)
    refs = {i["id"]: i["reference_vi"] for i in items}
    results = []
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"vnsum-real-{os.getpid()}.json"
    work.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    try:
        for recipe in recipes:
            for engine in engines:
                cmd = [sys.executable, __file__, "--child", recipe, engine, str(work)]
                if args.model_map:
                    cmd += ["--model-map", str(args.model_map)]
                proc = subprocess.run(cmd, capture_output=True, text=True)
                if proc.returncode != 0:
                    last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                    print(f"real_models: {recipe} with {engine} failed: {last}", file=sys.stderr)
                    return 1
                res = json.loads(proc.stdout.strip().splitlines()[-1])
                ok = [r for r in res["rows"] if "summary_vi" in r]
                res["scores"] = scores(ok, refs)
                res["briefs"] = len(ok)
                res["refused"] = len(res["rows"]) - len(ok)
                res["flag_rate"] = sum(r["problems"] > 0 for r in ok) / len(ok) if ok else None
                res["problems_per_brief"] = sum(r["problems"] for r in ok) / len(ok) if ok else None
                res["seconds_per_brief"] = statistics.median(r["seconds"] for r in ok) if ok else None
                results.append(res)
    finally:
        work.unlink(missing_ok=True)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def report(results: list[dict]) -> str:
    def f(x: float | None, fmt: str = "{:.2f}") -> str:
        return "-" if x is None else fmt.format(x)

    lines = [
        f"ROUGE F1 x100 of summary_vi against the dev leads ({PAPER}).",
        "| recipe | engine | briefs | vi R-1 | vi R-2 | vi R-L | paper-mode R-1 | R-2 | R-L | flag rate | problems/brief | s/brief | load s | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        s = r["scores"]
        lines.append(
            f"| {r['recipe']} | {r['engine']} | {r['briefs']} | {f(s['vi_R1'])} | {f(s['vi_R2'])} | {f(s['vi_RL'])} | "
            f"{f(s['paper_R1'])} | {f(s['paper_R2'])} | {f(s['paper_RL'])} | {f(r['flag_rate'], '{:.1%}')} | "
            f"{f(r['problems_per_brief'])} | {f(r['seconds_per_brief'])} | {f(r['load_seconds'])} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
