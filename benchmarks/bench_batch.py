"""Throughput of ``vnsum batch``: articles per minute of the batched path (``Pipeline.run_many``
in groups, as ``vnsum batch`` runs them) against calling the single-article pipeline in a loop,
in the same process with the models loaded once, on random-weight models of the real shapes
(ViT5-base summarizer, envit5 translator; CTranslate2 int8, the default) with fixed output
lengths (summary 96 tokens, each translated segment 48), side by side in one run.

    python benchmarks/bench_batch.py              # real shapes: about 15 minutes on 2 cores
    python benchmarks/bench_batch.py --tiny       # smoke run on tiny shapes
    python benchmarks/bench_batch.py --articles 16 --group 8

Articles: the first N of ../shared/corpus/dev/articles.jsonl (title + text), else the
test data repeated. The figures go to stdout and, with --results, into RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_speed import build_models, write_recipe

CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"


def articles(n: int) -> list[tuple[str, str]]:
    if CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(r["id"], f"{r['title']}\n{r['text']}") for r in rows[:n]]
    texts = [(ROOT / "tests" / "data" / name).read_text(encoding="utf-8") for name in ("seed_binhduong.txt", "extra_vi.txt")]
    return [(f"test-{i}", texts[i % len(texts)]) for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--articles", type=int, default=16)
    ap.add_argument("--group", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=2, help="alternate loop and batched this many times; medians reported")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work")
    ap.add_argument("--results", action="store_true", help="append the figures to benchmarks/RESULTS.md")
    args = ap.parse_args()
    work = args.work / ("tiny" if args.tiny else "real")
    work.mkdir(parents=True, exist_ok=True)
    os.environ.update({"VNSUM_CACHE_DIR": str(work / "cache"), "HF_HUB_OFFLINE": "1"})
    models = build_models(work, args.tiny)
    recipe = write_recipe(work, models, "default", 1)

    from vnsum.engines import EngineOptions
    from vnsum.pipeline import Options, Pipeline
    from vnsum.reading.source import Source

    sources = [Source(name=name, text=text, encoding="utf-8") for name, text in articles(args.articles)]
    options = Options(recipe=str(recipe), engine=EngineOptions(name="ctranslate2", compute_type="int8", device="cpu"))
    loop_s: list[float] = []
    batch_s: list[float] = []
    with Pipeline(options) as pipeline:
        pipeline.run(sources[0])  # load and warm up
        for _ in range(args.rounds):
            start = time.perf_counter()
            for s in sources:
                pipeline.run(s)
            loop_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            for i in range(0, len(sources), args.group):
                pipeline.run_many(sources[i : i + args.group])
            batch_s.append(time.perf_counter() - start)
    n = len(sources)
    loop_apm = 60 * n / statistics.median(loop_s)
    batch_apm = 60 * n / statistics.median(batch_s)
    lines = [
        "## Batch throughput (`benchmarks/bench_batch.py`)",
        "",
        f"Command: `python benchmarks/bench_batch.py{' --tiny' if args.tiny else ''} --articles {n} --group {args.group}`; "
        f"{'tiny' if args.tiny else 'real-shape'} random-weight models (default recipe, greedy, CTranslate2 int8), summary 96 tokens, "
        f"segments 48 tokens, {n} dev articles, models loaded once, loop and batched alternated {args.rounds} times in one process "
        f"(medians). Machine: {os.cpu_count()} cores.",
        "",
        "| path | seconds for all articles | articles per minute | ratio |",
        "|---|---|---|---|",
        f"| single-article pipeline in a loop | {statistics.median(loop_s):.1f} | {loop_apm:.1f} | 1.00x |",
        f"| batched (`run_many`, groups of {args.group}) | {statistics.median(batch_s):.1f} | {batch_apm:.1f} | {batch_apm / loop_apm:.2f}x |",
        "",
        f"All rounds (s): loop {', '.join(f'{x:.1f}' for x in loop_s)}; batched {', '.join(f'{x:.1f}' for x in batch_s)}.",
    ]
    print("\n".join(lines))
    if args.results:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
