"""Time of one brief's checks, this tree against an older one, side by side in one run.

    git archive <commit> vnsum | tar -x -C /tmp/old && python benchmarks/checks_time_compare.py --old /tmp/old

Each tree's checks run on the same data, alternately (old, new, old, new), so that the
shared machine's load falls on both: one brief is the summary check of a dev article's
reference against title + text, plus 8 random tst2012 pairs, with the checks' memory of
analysed texts cleared; the tables are built before timing.  Only ratios compare.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import checks_eval as ce


def _load(root: Path):  # type: ignore[no-untyped-def]
    for k in [m for m in sys.modules if m == "vnsum" or m.startswith("vnsum.")]:
        del sys.modules[k]
    sys.path.insert(0, str(root))
    try:
        from vnsum.checks import check_summary, check_translation, compare
    finally:
        sys.path.remove(str(root))

    def clear() -> None:
        if hasattr(getattr(compare, "_vi_side", None), "cache_clear"):  # before the lexicon
            compare._vi_side.cache_clear()
            compare._en_side.cache_clear()
            compare._article.cache_clear()
        else:
            from vnsum.checks import default_lexicon

            default_lexicon().memo.clear()

    return check_summary, check_translation, clear


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", type=Path, required=True, help="a directory holding an older vnsum/ package")
    ap.add_argument("--corpus", type=Path, default=ce.DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    pairs = [(v, e) for _, v, e in ce.read_pairs(args.corpus)]
    arts = ce.read_articles(args.corpus)
    means: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(args.rounds):
        for name, root in (("old", args.old), ("new", ROOT)):
            cs, ct, clear = _load(root)
            cs("Ông Định nói.", "Ông Lê Xuân Định nói.")
            rng = random.Random(12)
            ms = []
            for a in arts:
                article = (a.get("title") or "") + "\n" + a["text"]
                sample = rng.sample(pairs, 8)
                clear()
                t0 = time.perf_counter()
                cs(a["reference_vi"], article)
                for vi, en in sample:
                    ct(vi, en, "en")
                ms.append((time.perf_counter() - t0) * 1000)
            means[name].append(statistics.mean(ms))
            print(f"{name}: mean {statistics.mean(ms):.2f} ms, median {statistics.median(ms):.2f} ms", flush=True)
    old, new = statistics.mean(means["old"]), statistics.mean(means["new"])
    print(f"new / old: {new / old:.2f} (means of {args.rounds} rounds: old {old:.2f} ms, new {new:.2f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
