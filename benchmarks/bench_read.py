"""`vnsum read`'s text stage on 5 MB, this tree against another revision, side by side.

The time of ``parse_article`` + ``reading_report`` (what ``vnsum read`` does besides decoding and
rendering) on a 5 MB article made of the seed article repeated, as many short lines and as one
line. Each revision runs in its own process, alternating, ``--rounds`` times; the figure is the
ratio of the fastest CPU times (on a shared, loaded machine the least disturbed run of each is
the fairest comparison; CPU time, not wall time, so waiting for a core does not count).

    python benchmarks/bench_read.py [--base 3a51f64] [--rounds 3] [--write]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from vnsum.text import parse_article, reading_report
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
body = [l for l in lines[1:] if l.strip()]
unit = "\n".join(body)
many = "\n".join([unit] * (5_000_000 // len(unit.encode()) + 1)).encode()[:5_000_000].decode("utf-8", "ignore")
one = many.replace("\n", " ")
out = {}
for name, text in (("many lines", many), ("one line", one)):
    start = time.process_time()
    reading_report(parse_article("Tiêu đề\n" + text))
    out[name] = time.process_time() - start
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="3a51f64", help="the revision to compare with (default: before issue 20)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="also store the output in benchmarks/RESULTS.md")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _results import run_and_record

    run_and_record("read", "## `vnsum read` on 5 MB, side by side (`benchmarks/bench_read.py`)", __file__, _run, args)


def _run(args: argparse.Namespace) -> None:
    seed = ROOT / "tests" / "data" / "seed_binhduong.txt"
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "vnsum"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        times: dict[str, dict[str, list[float]]] = {"base": {}, "this tree": {}}
        for _ in range(args.rounds):
            for label, tree in (("base", base), ("this tree", ROOT)):
                res = subprocess.run(
                    [sys.executable, "-c", CHILD, str(tree), str(seed)], check=True, capture_output=True, text=True
                )
                for k, v in json.loads(res.stdout).items():
                    times[label].setdefault(k, []).append(v)
    print(f"5 MB, CPU seconds, fastest of {args.rounds} alternating rounds; base = {args.base}\n")
    print("| input | base | this tree | ratio |\n|---|---|---|---|")
    for k in times["base"]:
        b = min(times["base"][k])
        t = min(times["this tree"][k])
        print(f"| {k} | {b:.2f} | {t:.2f} | {t / b:.2f} |")


if __name__ == "__main__":
    main()
