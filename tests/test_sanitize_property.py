"""Property: whatever a file name, an input, a model or a database row holds (Rich markup, ANSI/OSC/DCS
sequences, bidi overrides, control characters, lone surrogates), no command in any format lets it act on
the terminal or crash: markup prints literally, escapes and controls are removed, the exit code is a
documented one."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnsum.brief import Brief, KeyPoint
from vnsum.checks import Problem
from vnsum.render import FORMATS, RenderOptions, render

PIECES = [
    "[/]",
    "[blink red]",
    "[bold]b[/bold]",
    "[link=https://evil.example]l[/link]",
    "\\[x]",
    ":smile:",
    "\x1b[31m",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x1bP1$r\x1b\\",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\u202e",
    "\u2066",
    "\u200f",
    "\x00",
    "\x07",
    "\x08",
    "\r",
    "\x7f",
    "\udcff",
    "ă",
    "Hà Nội",
    " ",
    "\t",
]
#: Anything that still acts on a terminal: an ESC not starting a colour (SGR) sequence, a C0/C1
#: control other than tab and newline, a bidi override or isolate, a lone surrogate.
LIVE = re.compile(r"\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
DOCUMENTED = {0, 1, 2, 3, 4, 5, 74}

nasty = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _clean(text: str) -> None:
    hit = LIVE.search(text)
    assert hit is None, repr(text[max(0, hit.start() - 20) : hit.end() + 20])
    assert "Traceback" not in text and "internal error" not in text and "MarkupError" not in text


def _brief(s: str) -> Brief:
    return Brief(
        source=s + ".txt",
        headline_vi=s,
        headline_en=s,
        summary_vi=s,
        summary_en=s + " summary",
        key_points=[KeyPoint(s, s, 0, 0, 1, 0.5), KeyPoint("ok " + s, s, 1, 0, 2, 0.25)],
        models={"summarizer": s, "translator": s},
        recipe=s,
        engine=s,
        date=s,
        author=s,
        timings={s: 1.0},
        notes=[s],
        warnings=[s],
        checks=[Problem("summary_en", "number", s, "not in the article", s)],
        values_checked=2,
    )


@PROPERTY
@given(s=nasty)
def test_every_brief_format(s: str) -> None:
    for fmt in FORMATS:
        for show_source in (False, True):
            out = io.StringIO()
            render([_brief(s), _brief(s[::-1])], fmt, out, RenderOptions(show_source=show_source, width=60))
            _clean(out.getvalue())
    if "[/]" in s:
        out = io.StringIO()
        render([_brief(s)], "rich", out, RenderOptions(width=400))
        assert "[/]" in out.getvalue()  # markup is text


@PROPERTY
@given(s=nasty)
def test_history_and_cache_commands(
    run_cli, tmp_path_factory: pytest.TempPathFactory, s: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vnsum.cache import ResultCache

    cache_dir = tmp_path_factory.mktemp("c")
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("FORCE_COLOR", "1")
    with ResultCache(cache_dir / "results.sqlite3") as cache:
        ident = cache.put("k", _brief(s).to_dict(), source=s, headline=s)
        cache.record(_brief(s).to_dict(), source=s + "b", headline=None, key="k")
    runs = [run_cli("history", "-f", fmt) for fmt in ("rich", "plain", "json")]
    runs += [run_cli("history", stdout_isatty=True, width=50)]
    runs += [run_cli("history", "show", ident, "-f", fmt, "-s") for fmt in ("rich", "plain", "markdown", "json")]
    runs += [run_cli("cache", "info", "-f", fmt) for fmt in ("plain", "json")]
    for r in runs:
        assert r.code == 0, r.err
        _clean(r.out + r.err)
    assert "[/]" not in s or "[/]" in runs[0].out


@PROPERTY
@given(s=nasty)
def test_check_read_keypoints_and_errors(run_cli, tmp_path_factory: pytest.TempPathFactory, s: str) -> None:
    d = tmp_path_factory.mktemp("in")
    records = d / "r.jsonl"
    records.write_text(
        "\n".join(
            [
                json.dumps({"vi": f"Năm 2020 {s} có 5 người ở Hà Nội.", "en": f"In 2021 {s} there were 6 people in Hue."}),
                json.dumps({"article": f"Ông {s} nói 7 điều.", "summary": f"{s} 8"}),
                s,
                json.dumps([s]),
            ]
        ),
        encoding="utf-8",
        errors="surrogateescape",
    )
    article = d / "a.txt"
    article.write_text(
        f"{s}\n\nHà Nội {s} mở thêm ba tuyến xe buýt điện. Giá vé {s} là 7.000 đồng.\n\nÔng {s} nói.",
        encoding="utf-8",
        errors="surrogateescape",
    )
    runs = [run_cli("check", records, "-f", fmt, width=60) for fmt in ("json", "rich")]
    runs += [run_cli("read", article, "-f", fmt, width=60) for fmt in ("rich", "plain", "markdown", "json")]
    runs += [run_cli("keypoints", article, "-f", fmt, width=60) for fmt in ("rich", "plain", "markdown", "json")]
    runs += [run_cli(d / (s.replace("/", "_")[:80] + ".txt"))]  # a file that is not there: the error line
    runs += [run_cli("models", "list", s)]
    for r in runs:
        assert r.code in DOCUMENTED, (r.code, r.err)
        _clean(r.out + r.err)


@PROPERTY
@given(s=nasty)
def test_eval_dataset_names_and_batch_file_names(run_cli, tmp_path_factory: pytest.TempPathFactory, s: str) -> None:
    d = tmp_path_factory.mktemp("ev")
    data = d / "e.jsonl"
    record = {"text": "Only English text here, nothing Vietnamese.", "title": s, "reference_vi": "a", "dataset": s + "d"}
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    runs = [run_cli("batch", d / "x\0y", "-o", d / "o\0.jsonl")]
    runs += [run_cli("eval", data, "-f", fmt, "--offline", "-q", width=80) for fmt in ("rich", "plain", "json")]
    news = d / "news"
    news.mkdir()
    name = s.replace("/", "_").replace("\x00", "")[:80] or "x"
    try:
        (news / (name + ".txt")).write_text("Only English text here.", encoding="utf-8", errors="surrogateescape")
    except (OSError, UnicodeEncodeError):
        (news / "plain.txt").write_text("Only English text here.", encoding="utf-8")
    out = d / (name + ".jsonl")
    runs += [run_cli("batch", news, "-o", os.fsencode(out).decode("utf-8", "surrogateescape"), "--offline")]
    for r in runs:
        assert r.code in DOCUMENTED, (r.code, r.err)
        _clean(r.out + r.err)


def test_the_pieces_really_are_hostile() -> None:
    """The strategy's pieces are live before sanitising (else the property says nothing)."""
    assert sum(bool(LIVE.search(p)) for p in PIECES) >= 12
    assert Path(__file__).exists()
