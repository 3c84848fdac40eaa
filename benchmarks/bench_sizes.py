"""Time of a whole brief against the article's length: linear, not worse.

Builds articles of 125 KB to 1 MB from the test data and times a full brief of each
(chunked summarisation, key points, translation, checks) with the tiny test models,
in one process with the models loaded once. Tiny models make the model share of the
time small, so this measures what grows with length around the models: reading,
structure, chunking, key-point selection, checks. With real models each extra
1024-token chunk adds one summarizer call (see bench_speed.py for its cost).

    python benchmarks/bench_sizes.py [--results]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", action="store_true")
    args = ap.parse_args()
    from modelfactory import build_pair

    from vnsum.pipeline import Options, Pipeline
    from vnsum.reading.source import Source

    work = Path(tempfile.mkdtemp(prefix="vnsum-sizes-"))
    os.environ["VNSUM_CACHE_DIR"] = str(work / "cache")
    summarizer, translator = build_pair(work / "tiny")
    lines = (ROOT / "tests" / "data" / "seed_binhduong.txt").read_text(encoding="utf-8").splitlines()
    body = "\n".join(lines[1:])
    rows = []
    with Pipeline(Options(summarizer=str(summarizer), translator=str(translator))) as pipeline:
        pipeline.run(Source(name="warm-up", text="\n".join(lines), encoding="utf-8"))
        for size in (125_000, 250_000, 500_000, 1_000_000):
            text = lines[0] + "\n" + "\n".join([body] * max(1, size // len(body.encode())))
            start = time.perf_counter()
            brief = pipeline.run(Source(name=f"{size}", text=text, encoding="utf-8"))
            took = time.perf_counter() - start
            rows.append((len(text.encode()), took, brief.chunks, brief.timings))
    out = [
        "## Brief time against article length (`benchmarks/bench_sizes.py`)",
        "",
        "Command: `python benchmarks/bench_sizes.py`; tiny test models, one process, models loaded once.",
        "",
        "| article | seconds | seconds per 100 KB | summarizer chunks | slowest stages |",
        "|---|---|---|---|---|",
    ]
    for size, took, chunks, timings in rows:
        top = ", ".join(f"{k} {v:.2f}s" for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:3])
        out.append(f"| {size / 1e6:.2f} MB | {took:.2f} | {took / (size / 1e5):.3f} | {chunks} | {top} |")
    print("\n".join(out))
    if args.results:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
