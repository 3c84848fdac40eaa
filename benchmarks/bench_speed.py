"""Speed of a whole vnsum brief on random-weight models of the real shapes.

Speed depends on shapes and lengths, not on weight values, so this builds
ViT5-base, envit5 and opus-mt-vi-en shaped models with random weights and a
tokenizer of exactly the right vocabulary size, forces fixed output lengths
(summary 96 tokens, each translated segment 48 tokens), and times the brief
of tests/data/seed_binhduong.txt for each engine / compute type / decoding /
recipe. It writes benchmarks/RESULTS.md (or --out).

    python benchmarks/bench_speed.py              # the real shapes (about 30 minutes on 2 cores)
    python benchmarks/bench_speed.py --tiny       # smoke run on tiny shapes (seconds)
    python benchmarks/bench_speed.py --first-content   # only the default recipe: time to first content

Time to first content is when the first headline or key point is final (its event from
``Pipeline.iter_run``; on a terminal that is when it is drawn), warm in one process and cold in
a fresh ``vnsum -f jsonl`` process (the time its first headline or key_point line arrives).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

SEED = ROOT / "tests" / "data" / "seed_binhduong.txt"
SUMMARY_TOKENS = 96
SEGMENT_TOKENS = 48
#: BPE vocabulary trained on tests/data: gives the seed body about 700 tokens, as ViT5's tokenizer does.
BENCH_SPM_VOCAB = 360


@dataclass(frozen=True)
class Config:
    recipe: str  # default | fast
    engine: str  # transformers | ctranslate2
    compute_type: str  # float32 | int8
    beams: int

    @property
    def label(self) -> str:
        eng = "transformers fp32" if self.engine == "transformers" else f"CTranslate2 {self.compute_type}"
        return f"{self.recipe} / {eng} / {'greedy' if self.beams == 1 else f'beam {self.beams}'}"


def build_models(work: Path, tiny: bool) -> dict[str, Path]:
    """Random-weight models (built once, kept under ``work``)."""
    from modelfactory import (
        ENVIT5_BASE,
        OPUS_MT_VI_EN,
        VIT5_BASE,
        MarianShape,
        T5Shape,
        build_marian,
        build_t5,
        train_sentencepiece,
    )

    shapes = (
        {"vit5": T5Shape(), "envit5": T5Shape(feed_forward_proj="gated-gelu", tie_word_embeddings=False), "opus": MarianShape()}
        if tiny
        else {"vit5": VIT5_BASE, "envit5": ENVIT5_BASE, "opus": OPUS_MT_VI_EN}
    )
    out: dict[str, Path] = {}
    spm_t5 = work / "bench-t5.model"
    spm_marian = work / "bench-marian.model"
    if not spm_t5.exists():
        train_sentencepiece(spm_t5, BENCH_SPM_VOCAB, model_type="bpe")
    if not spm_marian.exists():
        train_sentencepiece(spm_marian, BENCH_SPM_VOCAB, pad_last=True, model_type="bpe")
    for i, (name, shape) in enumerate(shapes.items()):
        path = work / name
        if not (path / "config.json").exists():
            print(f"building {name} {shape}", file=sys.stderr)
            if isinstance(shape, MarianShape):
                build_marian(path, shape, seed=i, spm_model=spm_marian)
            else:
                build_t5(path, shape, seed=i, spm_model=spm_t5)
        out[name] = path
    return out


def write_recipe(work: Path, models: dict[str, Path], recipe: str, beams: int) -> Path:
    """A recipe with the real one's prompts and budgets, forced to fixed output lengths."""
    translator = models["envit5"] if recipe == "default" else models["opus"]
    prefix, strip = ('"vi: "', '"en: "') if recipe == "default" else ('""', '""')
    max_in = 128 if recipe == "default" else 256
    path = work / f"recipe-{recipe}-b{beams}.toml"
    path.write_text(
        f"""name = "bench-{recipe}"
[summarizer]
model = "{models["vit5"]}"
max_input_tokens = 1024
num_beams = {beams}
min_new_tokens = {SUMMARY_TOKENS}
max_new_tokens = {SUMMARY_TOKENS}
[summarizer.length.medium]
min_new_tokens = {SUMMARY_TOKENS}
max_new_tokens = {SUMMARY_TOKENS}
[translator]
model = "{translator}"
prefix = {prefix}
strip_output_prefix = {strip}
max_input_tokens = {max_in}
num_beams = {beams}
min_new_tokens = {SEGMENT_TOKENS}
max_new_tokens = {SEGMENT_TOKENS}
max_batch_size = 16
max_batch_tokens = {shipped_batch_tokens(recipe)}
""",
        encoding="utf-8",
    )
    return path


def shipped_batch_tokens(recipe: str) -> int:
    """The shipped recipe's translator sub-batch bound, so the benchmark batches as users do."""
    import tomllib

    text = (ROOT / "prompts" / f"{recipe}.toml").read_text(encoding="utf-8")
    return int(tomllib.loads(text)["translator"].get("max_batch_tokens", 0))


GENERATION_METHODS = ("generate", "generate_nbest")


def instrument(engine: object, spans: list[tuple[float, float]]) -> None:
    """Record the wall-time span of every generation call of ``engine``: the plain path and the
    n-best path the translator takes when the checks may choose among hypotheses."""
    for name in GENERATION_METHODS:
        original = getattr(engine, name, None)
        if original is None:
            continue

        def timed(*args, _original=original, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spans.append((start, time.perf_counter()))

        setattr(engine, name, timed)


def child_warm(cfg: dict, runs: int) -> dict:
    """In this process: load, warm up once, then time ``runs`` briefs (median reported)."""
    from vnsum import render
    from vnsum.engines import EngineOptions
    from vnsum.pipeline import Options, Pipeline
    from vnsum.reading.source import read_path

    options = Options(
        recipe=cfg["recipe_path"], engine=EngineOptions(name=cfg["engine"], compute_type=cfg["compute_type"], device="cpu")
    )
    pipeline = Pipeline(options)
    spans: list[tuple[float, float]] = []
    pipeline.engine_for(pipeline.recipe.summarizer)
    pipeline.engine_for(pipeline.recipe.translator)
    for engine in pipeline._engines.values():
        instrument(engine, spans)

    def one() -> dict:
        from vnsum.events import Done, Headline, KeyPointReady

        spans.clear()
        t0 = time.perf_counter()
        src = read_path(SEED)
        t1 = time.perf_counter()
        first = None
        for event in pipeline.iter_run([src]):
            if first is None and isinstance(event, (Headline, KeyPointReady)):
                first = time.perf_counter() - t0
            if isinstance(event, Done):
                brief = event.brief
        t2 = time.perf_counter()
        render.render([brief], "plain", io.StringIO())
        t3 = time.perf_counter()
        stages = {"read": t1 - t0, **brief.timings, "render": t3 - t2}
        stages.pop("load", None)
        return {
            "total": t3 - t0,
            "first": first if first is not None else t2 - t0,
            "generate": _union(spans),
            "stages": stages,
            "summary_tokens": len(pipeline.engine_for(pipeline.recipe.summarizer).count_tokens([brief.summary_vi])),
        }

    one()  # warm-up
    results = [one() for _ in range(runs)]
    totals = [r["total"] for r in results]
    med = results[totals.index(statistics.median_low(totals))]
    summarizer = pipeline.engine_for(pipeline.recipe.summarizer)
    from vnsum.text import parse_article

    body = " ".join(s for _, _, s in parse_article(SEED.read_text(encoding="utf-8")).body_sentences())
    return {
        "warm": statistics.median(totals),
        "warm_all": totals,
        "first": statistics.median(r["first"] for r in results),
        "generate": med["generate"],
        "stages": med["stages"],
        "input_tokens": summarizer.count_tokens([body])[0],
    }


def _union(spans: list[tuple[float, float]]) -> float:
    """Wall time covered by at least one generate call (calls may overlap in two threads)."""
    total, end = 0.0, float("-inf")
    for a, b in sorted(spans):
        if b > end:
            total += b - max(a, end)
            end = b
    return total


def run_child(cfg: dict, runs: int, env: dict) -> dict:
    """Run child_warm in a fresh process (so every configuration starts clean)."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", json.dumps(cfg), "--runs", str(runs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"child failed for {cfg}: {err[-2000:]}")
    return json.loads(out.strip().splitlines()[-1])


_MEASURE = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = proc.communicate()
wall = time.perf_counter() - start
import resource
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss": rss, "code": proc.returncode, "out": out.decode(), "err": err.decode()[-2000:]}))
"""


def timed_process(argv: list[str], env: dict) -> tuple[float, int, str]:
    """Wall time and peak RSS (KB) of one fresh process, from start to exit.

    A small helper process starts it: Linux counts a child's peak RSS from the
    memory of the process it was forked from, which here holds the built models.
    """
    helper = subprocess.run([sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, env=env)
    res = json.loads(helper.stdout.strip().splitlines()[-1])
    if res["code"] != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {res['err']}")
    return res["wall"], res["rss"], res["out"]


def cold(cfg: dict, env: dict, runs: int) -> tuple[float, int]:
    argv = [
        sys.executable,
        "-m",
        "vnsum",
        str(SEED),
        "--recipe",
        cfg["recipe_path"],
        "--engine",
        cfg["engine"],
        "--compute-type",
        cfg["compute_type"] if cfg["engine"] == "ctranslate2" else "auto",
        "--device",
        "cpu",
        "-f",
        "plain",
        "-q",
        "--no-cache",  # a cold brief runs the models: the result cache would serve it without them
    ]
    walls, rss = [], []
    for _ in range(runs):
        w, r, out = timed_process(argv, env)
        assert "Key points:" in out
        walls.append(w)
        rss.append(r)
    return statistics.median(walls), max(rss)


_FIRST = """
import json, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
first = None
for line in proc.stdout:
    if first is None and json.loads(line)["event"] in ("headline", "key_point"):
        first = time.perf_counter() - start
err = proc.stderr.read()
code = proc.wait()
print(json.dumps({"first": first, "wall": time.perf_counter() - start, "code": code, "err": err[-2000:]}))
"""


def cold_first(cfg: dict, env: dict, runs: int) -> tuple[float, float]:
    """Median time to the first headline or key point line of a fresh ``vnsum -f jsonl``, and to its end."""
    argv = [sys.executable, "-m", "vnsum", str(SEED), "--recipe", cfg["recipe_path"], "--engine", cfg["engine"]]
    argv += ["--compute-type", cfg["compute_type"] if cfg["engine"] == "ctranslate2" else "auto", "--device", "cpu"]
    argv += ["-f", "jsonl", "-q", "--no-cache"]
    firsts, walls = [], []
    for _ in range(runs):
        helper = subprocess.run([sys.executable, "-c", _FIRST, *argv], capture_output=True, text=True, env=env)
        res = json.loads(helper.stdout.strip().splitlines()[-1])
        if res["code"] != 0 or res["first"] is None:
            raise RuntimeError(f"{' '.join(argv)} failed: {res['err']}")
        firsts.append(res["first"])
        walls.append(res["wall"])
    return statistics.median(firsts), statistics.median(walls)


def help_time(env: dict, runs: int = 5) -> float:
    return statistics.median(timed_process([sys.executable, "-m", "vnsum", "--help"], env)[0] for _ in range(runs))


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from vnsum.engines.ct2 import physical_cores

    return f"{os.cpu_count()} logical CPUs ({physical_cores()} physical cores), {cpu}, {platform.system()} {platform.machine()}"


def versions() -> str:
    from importlib.metadata import version

    return ", ".join(
        f"{p} {version(p)}" for p in ("vnsum", "torch", "transformers", "ctranslate2", "tokenizers", "sentencepiece")
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tiny", action="store_true", help="tiny shapes (a smoke run)")
    ap.add_argument("--runs", type=int, default=5, help="timed warm briefs per configuration")
    ap.add_argument("--cold-runs", type=int, default=3, help="fresh processes per configuration")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    ap.add_argument("--only", default="", help="comma-separated substrings of configuration labels to run")
    ap.add_argument("--first-content", action="store_true", help="only the default recipe's time to first content")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child_warm(json.loads(args.child), args.runs)))
        return

    work = args.work / ("tiny" if args.tiny else "real")
    work.mkdir(parents=True, exist_ok=True)
    models = build_models(work, args.tiny)
    env = {**os.environ, "VNSUM_CACHE_DIR": str(work / "cache"), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    configs = [
        Config(recipe, engine, ctype, beams)
        for recipe in ("default", "fast")
        for beams in (1, 4)
        for engine, ctype in (("transformers", "float32"), ("ctranslate2", "float32"), ("ctranslate2", "int8"))
    ]
    if args.first_content:
        first_content(args, work, models, env)
        return
    if args.only:
        keys = [k.strip() for k in args.only.split(",") if k.strip()]
        configs = [c for c in configs if any(k in c.label for k in keys)]
    rows = []
    for cfg in configs:
        d = {
            "recipe_path": str(write_recipe(work, models, cfg.recipe, cfg.beams)),
            "engine": cfg.engine,
            "compute_type": cfg.compute_type,
        }
        print(f"== {cfg.label}", file=sys.stderr, flush=True)
        warm_res = run_child(d, args.runs, env)
        cold_s, rss_kb = cold(d, env, args.cold_runs)
        rows.append((cfg, warm_res, cold_s, rss_kb))
        print(f"   warm {warm_res['warm']:.2f}s cold {cold_s:.2f}s rss {rss_kb / 1024:.0f}MB", file=sys.stderr, flush=True)
    helps = help_time(env)
    write_results(args, rows, helps)


def first_content(args: argparse.Namespace, work: Path, models: dict[str, Path], env: dict) -> None:
    """The default recipe (CTranslate2 int8, beam 4): first headline or key point vs the whole brief, warm and cold."""
    cfg = Config("default", "ctranslate2", "int8", 4)
    d = {
        "recipe_path": str(write_recipe(work, models, cfg.recipe, cfg.beams)),
        "engine": cfg.engine,
        "compute_type": cfg.compute_type,
    }
    warm = run_child(d, args.runs, env)
    first_cold, whole_cold = cold_first(d, env, args.cold_runs)
    plain_cold, rss_kb = cold(d, env, args.cold_runs)
    lines = [
        "## Time to first content (`benchmarks/bench_speed.py --first-content`)" + (" (tiny shapes)" if args.tiny else ""),
        "",
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; machine: {machine()}",
        f"- command: `python benchmarks/bench_speed.py {' '.join(sys.argv[1:])}`",
        f"- {cfg.label}, random weights of the real shapes; first content: the first headline or key point final"
        " (checked), as the terminal shows it; warm: median of the in-process briefs; cold: median of fresh"
        " `vnsum -f jsonl` processes, converted models on disk, start to that line / to exit",
        "",
        "| | first content (s) | whole brief (s) | first / whole |",
        "|---|---|---|---|",
        f"| warm | {warm['first']:.2f} | {warm['warm']:.2f} | {100 * warm['first'] / warm['warm']:.0f}% |",
        f"| cold | {first_cold:.2f} | {whole_cold:.2f} | {100 * first_cold / whole_cold:.0f}% |",
        "",
        f"Same sitting, as the speed table measures them: warm brief {warm['warm']:.2f} s (runs: "
        + ", ".join(f"{t:.2f}" for t in warm["warm_all"])
        + f"), cold `-f plain` brief {plain_cold:.2f} s ({plain_cold / warm['warm']:.2f}x warm), peak RSS {rss_kb / 1024:.0f} MB.",
    ]
    from _results import write_section

    write_section("first-content", "\n".join(lines), args.out)
    print("\n".join(lines))


def write_results(args: argparse.Namespace, rows: list, help_s: float) -> None:
    base = {(c.recipe, c.beams): w["warm"] for c, w, _, _ in rows if c.engine == "transformers"}
    lines = [
        "## Speed (`benchmarks/bench_speed.py`)" + (" (tiny shapes: smoke run only)" if args.tiny else ""),
        "",
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}",
        f"- packages: {versions()}, Python {platform.python_version()}",
        f"- command: `python benchmarks/bench_speed.py {' '.join(sys.argv[1:])}`".rstrip(),
        f"- models: random weights, real shapes ({'tiny' if args.tiny else 'ViT5-base 36096x768, 12+12 layers; envit5 50048x768 untied gated-GELU; opus-mt-vi-en Marian 53685x512, 6+6'}),"
        f" summarizer input {rows[0][1]['input_tokens'] if rows else '?'} tokens, summary exactly {SUMMARY_TOKENS} tokens,"
        f" each translated segment exactly {SEGMENT_TOKENS} tokens",
        f"- warm: median of {args.runs} briefs in one process after a warm-up (read + segment + summarize + select + translate + render);"
        f" cold: median of {args.cold_runs} fresh `vnsum` processes, converted models on disk, start to exit; RSS: peak of the cold processes",
        "",
        "| configuration | warm brief (s) | vs transformers fp32 | cold brief (s) | peak RSS (MB) | outside generate (s, % of warm) |",
        "|---|---|---|---|---|---|",
    ]
    for cfg, w, cold_s, rss in rows:
        ratio = base.get((cfg.recipe, cfg.beams))
        outside = w["warm"] - w["generate"]
        lines.append(
            f"| {cfg.label} | {w['warm']:.2f} | {ratio / w['warm']:.2f}x |" if ratio else f"| {cfg.label} | {w['warm']:.2f} | - |"
        )
        lines[-1] += f" {cold_s:.2f} | {rss / 1024:.0f} | {outside:.3f} ({100 * outside / w['warm']:.1f}%) |"
    lines += [
        "",
        "### Time by stage (warm brief, seconds)",
        "",
        "`translate ahead` runs on the second core during `summarize` (CTranslate2 only), so it is not added to the total.",
        "",
        "| configuration | read | segment | summarize | (translate ahead) | select | translate | render |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for cfg, w, _, _ in rows:
        s = w["stages"]
        lines.append(
            f"| {cfg.label} | "
            + " | ".join(
                f"{s.get(k, 0.0):.3f}"
                for k in ("read", "segment", "summarize", "translate_ahead", "select", "translate", "render")
            )
            + " |"
        )
    lines += ["", f"`vnsum --help`: {help_s:.3f} s (median of 5 fresh processes)", ""]
    from _results import write_section

    write_section("speed", "\n".join(lines), args.out)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
