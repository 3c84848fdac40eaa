"""``vnsum eval`` on a small labelled set with the tiny models: structure and counts."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA, SEED, TinyModels

from vnsum.evaluate import METRICS, TABLE_HEADER

ENGLISH = "This is an English text about the weather in London. " * 20


def _models(tiny: TinyModels) -> list[str]:
    return ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-n", "2"]


def _record(path: Path, **fields: object) -> dict:
    title, _, text = path.read_text(encoding="utf-8").partition("\n")
    return {"title": title, "text": text, "reference_vi": "Giá xăng giảm mạnh tại Bình Dương.", **fields}


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_eval_json_report(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    data = _write(
        tmp_path / "dev.jsonl",
        [_record(SEED, id="a", dataset="vnexpress"), _record(DATA / "extra_vi.txt", id=7, dataset="wiki")],
    )
    r = run_cli("eval", data, *_models(tiny), "-f", "json", "--rows")
    assert r.code == 0, r.err
    report = json.loads(r.out)
    overall = report["overall"]
    assert overall["count"] == 2 and overall["errors"] == 0
    for part in ("summary", "key_points"):
        assert set(overall[part]) == set(METRICS)
        assert all(0.0 <= v <= 100.0 for v in overall[part].values())
    assert overall["seconds_mean"] > 0
    assert overall["checked"] == 2 and overall["flag_rate"] is not None and 0.0 <= overall["flag_rate"] <= 1.0
    assert set(report["datasets"]) == {"vnexpress", "wiki"}
    assert [row["id"] for row in report["rows"]] == ["a", "7"]


def test_eval_table_and_failed_article(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    data = _write(
        tmp_path / "dev.jsonl",
        [_record(SEED), {"title": "", "text": ENGLISH, "reference_vi": "Thời tiết ở London."}],
    )
    r = run_cli("eval", data, *_models(tiny))
    assert r.code == 0, r.err
    lines = [line.split("\t") for line in r.out.splitlines()]
    assert lines[0] == TABLE_HEADER
    assert lines[-1][:3] == ["all", "2", "1"]
    rich = run_cli("eval", data, *_models(tiny), "-f", "rich", "-q", width=200)
    assert rich.code == 0 and "summary R-1" in rich.out


def test_eval_bad_data_file(run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    r = run_cli("eval", bad)
    assert r.code == 1 and "missing field" in r.err
    assert run_cli("eval", tmp_path / "missing.jsonl").code == 1
