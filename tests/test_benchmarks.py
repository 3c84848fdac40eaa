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


def test_speed_benchmark_times_the_nbest_path_as_generation() -> None:
    """The translator goes through ``generate_nbest`` when the checks may choose: that is generation too."""
    from bench_speed import instrument

    class Scripted:  # a scripted engine: plumbing only, no model
        def generate(self, batch: list[str], settings: object) -> list[str]:
            return list(batch)

        def generate_nbest(self, batch: list[str], settings: object, n: int) -> list[list[str]]:
            return [[b] * n for b in batch]

    engine = Scripted()
    spans: list[tuple[float, float]] = []
    instrument(engine, spans)
    assert engine.generate_nbest(["a"], None, 2) == [["a", "a"]]
    assert engine.generate(["b"], None) == ["b"]
    assert len(spans) == 2 and all(b >= a for a, b in spans)


def test_real_models_fails_fast_without_the_hub(tmp_path: Path) -> None:
    """No hub: one line, exit 3, nothing downloaded (an address nobody listens on answers at once)."""
    env = {**__import__("os").environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_OFFLINE": "0"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "real_models.py"), "--recipes", "default"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 3
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "unreachable" in lines[0] and "VietAI/" in lines[0]


def test_real_models_runs_on_local_checkpoints(tiny, tmp_path: Path) -> None:
    """The conformance run end to end on the tiny models, the recipe's ids mapped to local directories."""
    import json

    from vnsum.recipes import load_recipe

    recipe = load_recipe("default")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({recipe.summarizer.model: str(tiny.summarizer), recipe.translator.model: str(tiny.translator)}))
    seed = (ROOT / "tests" / "data" / "seed_binhduong.txt").read_text(encoding="utf-8").splitlines()
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"id": "d1", "title": seed[0], "text": "\n".join(seed[1:]), "reference_vi": seed[1]}) + "\n")
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "real_models.py"),
            "--recipes",
            "default",
            "--engines",
            "ctranslate2",
            "--dev",
            str(dev),
            "--model-map",
            str(mapping),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    (res,) = json.loads(out.read_text())
    assert res["briefs"] == 2 and res["peak_rss_mb"] > 0 and res["seconds_per_brief"] > 0
    assert 0 <= res["scores"]["vi_R1"] <= 100 and 0 <= res["scores"]["paper_R1"] <= 100
    assert 0 <= res["flag_rate"] <= 1 and "| default | ctranslate2 | 2 |" in proc.stdout
    assert res["rows"][0]["models"]["summarizer_revision"]
