"""``vnsum batch`` end to end on the tiny real models: errors recorded, resume, retry, repair."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DATA, SEED, TinyModels

ENGLISH = "This is an English text about the weather in London. " * 20


def _models(tiny: TinyModels) -> list[str]:
    return ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-n", "2"]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    shutil.copy(SEED, root / "a.txt")
    shutil.copy(DATA / "extra_vi.txt", root / "b.txt")
    (root / "c.txt").write_text(ENGLISH, encoding="utf-8")
    return root


def test_batch_records_errors_resumes_and_retries(tiny: TinyModels, run_cli, news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", news, "-o", out, *_models(tiny))
    assert r.code == 0, r.err
    lines = _lines(out)
    assert [rec["id"] for rec in lines] == ["news/a.txt", "news/b.txt", "news/c.txt"]
    errors = [rec for rec in lines if "error" in rec]
    assert len(errors) == 1 and errors[0]["id"] == "news/c.txt"
    assert errors[0]["error"]["code"] == "bad_input" and errors[0]["error"]["message"]
    assert lines[0]["brief"]["summary_en"] and len(lines[0]["brief"]["key_points"]) == 2
    assert "2 done, 1 failed, 0 skipped" in r.err

    before = out.read_bytes()
    r = run_cli("batch", news, "-o", out, *_models(tiny))
    assert r.code == 0, r.err
    assert out.read_bytes() == before
    assert "0 done, 0 failed, 3 skipped" in r.err

    (news / "c.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli("batch", news, "-o", out, "--retry-failed", *_models(tiny))
    assert r.code == 0, r.err
    assert "1 done, 0 failed, 2 skipped" in r.err
    lines = _lines(out)
    assert sorted(rec["id"] for rec in lines) == ["news/a.txt", "news/b.txt", "news/c.txt"]
    assert all("brief" in rec for rec in lines)
    assert out.read_bytes().startswith(before.split(b"\n")[0])


def test_batch_repairs_torn_last_line(tiny: TinyModels, run_cli, news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", news, "-o", out, *_models(tiny), "-q").code == 0
    data = out.read_bytes()
    lines = data.split(b"\n")
    # Cut the last record in half, as a kill -9 during the write would.
    torn = b"\n".join(lines[:2]) + b"\n" + lines[2][: len(lines[2]) // 2]
    out.write_bytes(torn)
    r = run_cli("batch", news, "-o", out, *_models(tiny))
    assert r.code == 0, r.err
    recs = _lines(out)
    assert [rec["id"] for rec in recs] == ["news/a.txt", "news/b.txt", "news/c.txt"]
    assert "1 failed, 2 skipped" in r.err


def test_batch_jsonl_text_records(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    seed = SEED.read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    src.write_text(
        json.dumps({"id": 1, "title": title, "text": body}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "x", "text": seed}, ensure_ascii=False)
        + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", src, "-o", out, *_models(tiny))
    assert r.code == 0, r.err
    recs = {rec["id"]: rec for rec in _lines(out)}
    assert len(recs) == 3 and {"1", "x"} <= set(recs)
    assert recs["1"]["brief"]["headline_vi"]
    assert "brief" in recs["x"]
    assert sum("error" in rec for rec in recs.values()) == 1


def test_batch_all_failed_exits_1_and_usage_errors(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "e.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", bad, "-o", out, *_models(tiny))
    assert r.code == 1
    assert "0 done, 1 failed" in r.err
    assert run_cli("batch", tmp_path / "missing", "-o", out).code == 2
    assert run_cli("batch", bad, "-o", tmp_path).code == 2
    assert run_cli("batch", bad).code == 2


def test_batch_progress_bar_on_a_terminal(tiny: TinyModels, run_cli, news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", news, "-o", out, *_models(tiny), stderr_isatty=True)
    assert r.code == 0, r.err
    assert "2 done, 1 failed, 0 skipped" in r.err
    assert len(_lines(out)) == 3


def test_batch_serves_repeated_articles_from_the_result_cache(run_cli, tiny, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "cache"))
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_bytes(SEED.read_bytes())
    models = ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-q"]
    assert run_cli("batch", news, "-o", tmp_path / "one.jsonl", *models).code == 0
    assert run_cli("batch", news, "-o", tmp_path / "two.jsonl", *models).code == 0
    again = json.loads((tmp_path / "two.jsonl").read_text().splitlines()[0])["brief"]
    assert any("result cache" in n for n in again["notes"])
    assert run_cli("batch", news, "-o", tmp_path / "three.jsonl", *models, "--no-cache").code == 0
    fresh = json.loads((tmp_path / "three.jsonl").read_text().splitlines()[0])["brief"]
    assert not any("result cache" in n for n in fresh["notes"])
