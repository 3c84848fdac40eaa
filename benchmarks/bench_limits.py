"""Speeds that used to be asserted in tests (no test may depend on the machine's speed): measured here.

    python benchmarks/bench_limits.py

Each line: what was timed, best and median of a few runs. The tests keep the behaviour
(tests/test_structure.py, test_cache.py, test_checks.py, test_cli.py, test_keypoints.py).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPH = (
    "Sáng 12/3, UBND TP.HCM tổ chức hội nghị tổng kết năm. Ông Nguyễn Văn A. cho biết doanh thu tăng 5,66%. "
    "Lãnh đạo thành phố phát biểu tại hội nghị - Ảnh: Minh Hòa Theo báo cáo, năm nay thành phố đạt nhiều kết quả "
    "tốt.Niềm vui lớnSau nhiều năm, người dân đã có nhà mới. >> Tin liên quan hôm nay Phát biểu tại buổi lễ, "
    'bà nói: "Chúng tôi rất vui. Cảm ơn mọi người." Giá cả ổn định v.v. Năm 2024 sẽ còn tốt hơn. '
)


def timed(name: str, fn: Callable[[], object], runs: int = 3, clock: Callable[[], float] = time.perf_counter) -> None:
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    print(f"{name:<52} best {min(times) * 1000:9.1f} ms   median {statistics.median(times) * 1000:9.1f} ms")


def main() -> None:
    from vnsum.cache import ResultCache, cache_key
    from vnsum.checks import check_summary, check_translation
    from vnsum.text import parse_article

    text = (PARAGRAPH * (5_000_000 // len(PARAGRAPH.encode()) + 1)).encode()[:5_000_000].decode("utf-8", "ignore")
    timed("parse_article, 5 MB in one line (CPU time)", lambda: parse_article("Tiêu đề\n" + text), clock=time.process_time)
    many = text.replace("tốt.Niềm", "tốt.\nNiềm")
    timed("parse_article, 5 MB in many lines (CPU time)", lambda: parse_article("Tiêu đề\n" + many), clock=time.process_time)

    article = " ".join(
        ["Chiều ngày 25/3/2021, thứ trưởng Lê Xuân Định đến Bình Dương. Doanh thu đạt 10.000 tỷ đồng, tăng 5,66%."] * 8
    )
    pairs = [("Ngày 25/3/2021, ông Lê Xuân Định đến Bình Dương.", "On March 25, 2021, Mr. Le Xuan Dinh came to Binh Duong.")] * 8

    from vnsum.checks import compare

    def checks() -> None:
        for cached in (compare._vi_side, compare._en_side, compare._article):  # measure the work, not the memo
            cached.cache_clear()
        check_summary("Ngày 25/3, ông Định thăm Bình Dương; doanh thu 10 nghìn tỷ đồng.", article)
        for vi, en in pairs:
            check_translation(vi, en, "x")

    timed("checks of one brief (summary + 8 translations)", checks, runs=5)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cache.sqlite"
        base = dict(recipe_text="r", models={"summarizer": "s@1", "translator": "t@1"}, options={}, version="0")
        with ResultCache(db) as cache:
            for i in range(500):
                cache.put(cache_key(text=f"article {i}", **base), {"i": i}, source="s", headline="h")  # type: ignore[arg-type]
        key = cache_key(text="article 250", **base)  # type: ignore[arg-type]

        def lookup() -> None:
            with ResultCache(db) as c:
                c.get(key)

        timed("result cache: open + lookup among 500", lookup, runs=15)

        env = {**os.environ, "VNSUM_CACHE_DIR": tmp}
        timed(
            "vnsum --version (a new process)",
            lambda: subprocess.run([sys.executable, "-m", "vnsum", "--version"], env=env, capture_output=True, check=True),
        )
        body = "\n".join((ROOT / "tests" / "data" / "seed_binhduong.txt").read_text(encoding="utf-8").splitlines()[1:])
        big = Path(tmp) / "big.txt"
        big.write_text("Tiêu đề\n" + "\n".join([body] * (4_900_000 // len(body.encode()))), encoding="utf-8")
        timed(
            "vnsum keypoints, a 5 MB article (a new process)",
            lambda: subprocess.run(
                [sys.executable, "-m", "vnsum", "keypoints", str(big), "-f", "json"], env=env, capture_output=True, check=True
            ),
            runs=1,
        )


if __name__ == "__main__":
    main()
