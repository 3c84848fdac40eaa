"""Grouping time for 10,000 articles (VietNews test and val files 000001-005000 only): tf-idf
vectors, inverted-index candidates, average linkage. Not a test; run it on an idle machine.

    python benchmarks/digest_bench.py --n 10000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _digest_data as data

from vnsum.stories import group as grouping


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    args = ap.parse_args()
    half = min(5000, (args.n + 1) // 2)
    docs = data.vietnews(range(1, half + 1), "test") + data.vietnews(range(1, args.n - half + 1), "val")
    texts = [grouping.document(d.title, d.text.splitlines()) for d in docs]
    import sklearn  # noqa: F401  (import time is not grouping time)

    start = time.perf_counter()
    x = grouping.vectors(texts)
    mid = time.perf_counter()
    g = grouping.group(x)
    end = time.perf_counter()
    multi = sum(1 for s in g.groups if len(s) > 1)
    print(
        f"| {len(docs)} articles | {os.cpu_count()} CPUs visible | vectors {mid - start:.1f} s | group {end - mid:.1f} s | "
        f"total {end - start:.1f} s | {len(g.groups)} stories ({multi} with several articles), {len(g.duplicates)} copies folded |"
    )


if __name__ == "__main__":
    main()
