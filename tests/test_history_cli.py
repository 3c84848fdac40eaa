"""``vnsum history [show ID]`` and ``vnsum cache info|clear`` on a result cache filled directly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnsum.brief import Brief, KeyPoint


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _brief(n: int) -> Brief:
    return Brief(
        source=f"article{n}.txt",
        headline_vi=f"Tiêu đề {n}",
        headline_en=f"Headline {n}",
        summary_vi="Tóm tắt bài báo.",
        summary_en=f"Summary number {n}.",
        key_points=[KeyPoint("Point one.", "Ý một.", 1, 0, 2, 0.9), KeyPoint("Point two.", "Ý hai.", 2, 1, 3, 0.5)],
        models={"summarizer": "s", "translator": "t"},
        recipe="default",
        engine="hf",
        timings={"total": 1.0},
    )


def _fill(count: int) -> list[int]:
    from vnsum.cache import ResultCache, default_path

    ids = []
    with ResultCache(default_path()) as cache:
        for n in range(1, count + 1):
            brief = _brief(n)
            got = cache.put(f"key{n}", brief.to_dict(), source=brief.source, headline=brief.headline_en)
            assert got is not None
            ids.append(got)
    return ids


def test_history_lists_newest_first(run_cli, cache_dir: Path) -> None:
    r = run_cli("history")
    assert r.code == 0 and r.out == ""
    ids = _fill(3)
    r = run_cli("history", "-f", "json")
    assert r.code == 0, r.err
    entries = json.loads(r.out)
    assert [e["id"] for e in entries] == ids[::-1]
    assert entries[0]["headline_en"] == "Headline 3" and entries[0]["source"] == "article3.txt"
    assert set(entries[0]) == {"id", "time", "source", "headline_en", "cached"}
    r = run_cli("history", "--limit", "2")
    lines = r.out.splitlines()
    assert len(lines) == 2 and lines[0].split("\t")[0] == str(ids[2]) and "Headline 3" in lines[0]
    rich = run_cli("history", "-f", "rich")
    assert rich.code == 0 and "Headline 1" in rich.out
    assert run_cli("history", "--limit", "-1").code == 2


def test_history_show_renders_again(run_cli, cache_dir: Path) -> None:
    ids = _fill(2)
    r = run_cli("history", "show", str(ids[0]), "-f", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    brief = data[0] if isinstance(data, list) else data
    expected = _brief(1).to_dict()
    assert brief["headline_en"] == "Headline 1"
    assert brief["key_points"] == expected["key_points"]
    plain = run_cli("history", "show", str(ids[1]))
    assert plain.code == 0 and "Summary number 2." in plain.out and "Point two." in plain.out
    md = run_cli("history", "show", str(ids[1]), "-f", "markdown")
    assert md.code == 0 and "Headline 2" in md.out
    missing = run_cli("history", "show", "999")
    assert missing.code == 2 and "no history entry 999" in missing.err


def test_cache_info_and_clear(run_cli, cache_dir: Path) -> None:
    r = run_cli("cache", "info", "-f", "json")
    assert r.code == 0, r.err
    info = json.loads(r.out)
    assert info["path"] == str(cache_dir / "results.sqlite3") and info["entries"] == 0
    _fill(2)
    r = run_cli("cache", "info")
    assert r.code == 0 and "cached briefs: 2" in r.out and "history entries: 2" in r.out
    r = run_cli("cache", "clear", "--keep-history")
    assert r.code == 0 and "removed 2 cached briefs" in r.out
    assert json.loads(run_cli("cache", "info", "-f", "json").out)["history_rows"] == 2
    r = run_cli("cache", "clear")
    assert r.code == 0
    info = json.loads(run_cli("cache", "info", "-f", "json").out)
    assert info["entries"] == 0 and info["history_rows"] == 0


def test_damaged_database_warns_and_clear_repairs(run_cli, cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    (cache_dir / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    r = run_cli("history")
    assert r.code == 0 and r.out == ""
    assert "warning: result cache unavailable" in r.err
    info = json.loads(run_cli("cache", "info", "-f", "json").out)
    assert info["ok"] is False and info["error"]
    assert run_cli("cache", "clear").code == 0
    assert json.loads(run_cli("cache", "info", "-f", "json").out)["ok"] is True
