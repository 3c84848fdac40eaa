"""The split of the development human pairs used by the checks, fixed before any tuning.

A pair of ``iwslt15-tst2012`` is in the *unseen* part when the SHA-256 of
``"tst2012:<line index>"`` (0-based) is divisible by 3 as a number, else in the
*work* part.  Rules, tables and thresholds of ``vnsum.checks`` are written while
looking at work pairs only; the flagged unseen pairs are counted, never read
(``checks_eval.py --part unseen`` prints figures only).

    python benchmarks/checks_split.py   # prints the size of each part
"""

from __future__ import annotations

import hashlib

WORK = "work"
UNSEEN = "unseen"


def part(index: int, corpus: str = "tst2012") -> str:
    """Which part line ``index`` of a pair file belongs to."""
    h = int(hashlib.sha256(f"{corpus}:{index}".encode()).hexdigest(), 16)
    return UNSEEN if h % 3 == 0 else WORK


if __name__ == "__main__":
    n = 1553
    parts = [part(i) for i in range(n)]
    print(f"tst2012: {parts.count(WORK)} work, {parts.count(UNSEEN)} unseen of {n}")
