"""``vnsum read`` on a large article: the rich view against the plain one, side by side.

The article is generated (seeded random sentences over a small Vietnamese word list, about
``--mb`` MB in 2-5 sentence paragraphs), so the script needs no corpus. Each format is run in
this process, alternately, ``--repeat`` times; the figure that counts is the ratio rich/plain
of the medians, measured in one sitting (the machine is shared: absolute times drift).

    python benchmarks/bench_read_render.py [--mb 4.8] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "Hà",
    "Nội",
    "thành",
    "phố",
    "người",
    "dân",
    "công",
    "ty",
    "doanh",
    "nghiệp",
    "năm",
    "tháng",
    "ngày",
    "chính",
    "phủ",
    "kinh",
    "tế",
    "phát",
    "triển",
    "tăng",
    "trưởng",
    "đồng",
    "tỷ",
    "triệu",
    "xe",
    "buýt",
    "điện",
    "tuyến",
    "mới",
    "khu",
    "đô",
    "thị",
]


def article(megabytes: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs, size = ["Tiêu đề bài báo"], 0
    while size < megabytes * 1e6:
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + f" {rng.randint(1, 999)}."
            for _ in range(rng.randint(2, 5))
        ]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1].encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def run(path: Path, fmt: str) -> float:
    from vnsum.cli import main
    from vnsum.cli.env import Environment

    out = io.StringIO()
    start = time.perf_counter()
    try:
        main(
            ["read", str(path), "-f", fmt, "--max-bytes", "10000000"],
            env=Environment(stdout=out, stderr=io.StringIO(), width=100),
        )
    except SystemExit as exc:
        if exc.code:
            raise RuntimeError(f"vnsum read -f {fmt} exited {exc.code}") from None
    return time.perf_counter() - start


def main_() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.8)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(article(args.mb), encoding="utf-8")
        times: dict[str, list[float]] = {"plain": [], "rich": []}
        for _ in range(args.repeat):
            for fmt in times:
                times[fmt].append(run(path, fmt))
    plain, rich = (statistics.median(times[f]) for f in ("plain", "rich"))
    print(f"article: {args.mb} MB generated; {args.repeat} runs each, alternating")
    print(f"plain: median {plain:.2f} s; rich: median {rich:.2f} s; rich/plain = {rich / plain:.2f}")


if __name__ == "__main__":
    main_()
