"""The benchmark scripts themselves: a smoke run on tiny shapes, and the metrics they compute."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from keypoints_eval import rouge_l, rouge_n, rouge_tokens
from splitter_eval import prf, starts_of


def test_rouge_definitions() -> None:
    ref = rouge_tokens("Giá xăng giảm mạnh, hôm nay.")
    assert ref == ["giá", "xăng", "giảm", "mạnh", "hôm", "nay"]
    assert rouge_n(ref, ref, 1) == rouge_n(ref, ref, 2) == rouge_l(ref, ref) == 1.0
    cand = rouge_tokens("giá xăng tăng mạnh")
    assert abs(rouge_n(cand, ref, 1) - 2 * (3 / 4) * (3 / 6) / (3 / 4 + 3 / 6)) < 1e-9
    assert abs(rouge_n(cand, ref, 2) - 2 * (1 / 3) * (1 / 5) / (1 / 3 + 1 / 5)) < 1e-9
    assert rouge_n([], ref, 1) == 0.0


def test_splitter_metric_helpers() -> None:
    unit = "Câu một. Câu hai! Câu ba?"
    assert starts_of(unit, ["Câu một.", "Câu hai!", "Câu ba?"]) == [9, 18]
    assert prf([9, 18], [9, 20]) == (1, 1, 1)


def test_speed_benchmark_smoke_run(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_speed.py"),
            "--tiny",
            "--runs",
            "1",
            "--cold-runs",
            "1",
            "--only",
            "default / CTranslate2 int8 / greedy",
            "--work",
            str(tmp_path / "work"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "| default / CTranslate2 int8 / greedy |" in text and "`vnsum --help`" in text
    assert "<!-- speed:start -->" in text
