"""Hostile world, round 3: one safe JSON loader, one URL parser/redactor, batch never reading its own
files, the result cache's stored part and per-request fields, honest cache commands."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from vnsum import jsonsafe
from vnsum.batch.inputs import BadItem, Item, collect, validate
from vnsum.batch.journal import Journal
from vnsum.brief import Brief, KeyPoint
from vnsum.cache import PER_REQUEST_FIELDS, SERVED_NOTE, STORED_FIELDS, Request, ResultCache, served, stored_part
from vnsum.checks import Problem
from vnsum.errors import InputError, StorageError, UsageError
from vnsum.reading import urls

DEEP = "[" * 100_000 + "]" * 100_000
HOSTILE_JSON = [
    DEEP,
    "[" * 100_000,  # unclosed
    '{"id": "x", "text": ' + "[" * 70 + "1" + "]" * 70 + "}",  # loads, but deeper than the limit
    "NaN",
    '{"id": 1, "text": Infinity}',
    "[1e999]",
    "-1e400",
    "1" * 5000,
    '{"a": ' + "9" * 200 + "}",
]


@pytest.mark.parametrize("text", HOSTILE_JSON)
def test_safe_loader_refuses_with_one_line(text: str) -> None:
    with pytest.raises(jsonsafe.JSONError) as info:
        jsonsafe.loads(text)
    message = str(info.value)
    assert "\n" not in message and len(message) < 200
    assert info.value.limit  # well-formed text past a limit, not a syntax error


def test_safe_loader_keeps_ordinary_json() -> None:
    assert jsonsafe.loads('\ufeff{"a": [1, 2.5, "x", null, true]}') == {"a": [1, 2.5, "x", None, True]}
    assert jsonsafe.loads(b'{"n": -12345678901234567890}') == {"n": -12345678901234567890}
    assert jsonsafe.loads("[" * 60 + "]" * 60) is not None
    with pytest.raises(jsonsafe.JSONError) as info:
        jsonsafe.loads('{"a": ')
    assert not info.value.limit
    with pytest.raises(jsonsafe.JSONError, match="not a JSON object"):
        jsonsafe.loads_object("[1]")
    with pytest.raises(jsonsafe.JSONError, match="UTF-8"):
        jsonsafe.loads(b"\xff\xfe")


def test_jsonl_input_hostile_lines_are_error_lines_and_the_rest_goes_on(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": "Bài một."}), *HOSTILE_JSON, json.dumps({"id": "b", "text": "Bài hai."})]
    data = tmp_path / "in.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = collect([str(data)])
    good = [i for i in items if isinstance(i, Item)]
    bad = [i for i in items if isinstance(i, BadItem)]
    assert [i.id for i in good] == ["a", "b"]
    assert len(bad) == len(HOSTILE_JSON) and all("not valid JSON" in b.message for b in bad)
    assert good[1].load_text() == "Bài hai."


def test_batch_output_with_a_deep_line_is_refused_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    ok = json.dumps({"id": "a", "source": "a", "error": {"code": "bad_input", "message": "x"}})
    for body in (f"{ok}\n{DEEP}\n{ok.replace('a', 'b')}\n", f"{ok}\n{DEEP}\n"):
        out.write_text(body)
        with pytest.raises(UsageError, match="not a vnsum batch record"):
            Journal(out).open()
        assert out.read_text() == body  # a well-formed foreign line is never cut away as torn


def test_check_and_eval_records_nested_deep(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text(DEEP + "\n" + json.dumps({"vi": "Năm 2020 có 5 người.", "en": "In 2020 there were 5 people."}) + "\n")
    r = run_cli("check", str(data), "-f", "json")
    assert r.code == 1, r.err
    first, second = (json.loads(line) for line in r.out.splitlines())
    assert "nested deeper" in first["error"] and second["ok"] is True
    ev = tmp_path / "e.jsonl"
    ev.write_text(DEEP + "\n")
    r = run_cli("eval", str(ev))
    assert r.code == 1 and "nested deeper" in r.err and "internal error" not in r.err


# --------------------------------------------------------------------------- URLs

BAD_URLS = [
    "http://[::1",
    "http://[::1/x",
    "http://host:99999/",
    "http://host:port/",
    "http://host:-1/",
    "http://ho st/",
    "http://host/\x1b[31mred",
    "http://host/a\x00b",
    "http://ho\u202est/",
    "http://",
    "http:///path",
    "https://user@/",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_malformed_urls_are_one_input_error(url: str) -> None:
    with pytest.raises(InputError) as info:
        urls.parse(url)
    assert "\n" not in str(info.value) and "\x1b" not in str(info.value)


@pytest.mark.parametrize(
    "url", ["http://example.com/a", "https://[::1]:8080/x?y=1#z", "http://127.0.0.1:9/", "https://xn--bcher-kva.example/"]
)
def test_wellformed_urls_pass(url: str) -> None:
    assert urls.parse(url) == url


def test_redaction_everywhere_in_a_url_and_in_text() -> None:
    assert urls.redact("http://alice:S3cretPW@127.0.0.1:9/p") == "http://***@127.0.0.1:9/p"
    assert urls.redact("http://alice@h/") == "http://***@h/"
    assert "S3cret" not in urls.redact("http://alice:S3cretPW@[::1")  # too malformed to split
    assert urls.redact("http://h/\x1b]0;x\x07") == "http://h/]0;x"
    text = urls.redact_text("failed: https://bob:pw@h/a and ftp://u:p@x/")
    assert "pw" not in text and "u:p" not in text and "https://***@h/a" in text


def test_url_list_feed_and_jsonl_malformed_links_are_error_lines(tmp_path: Path) -> None:
    listing = tmp_path / "list.urls"
    listing.write_text("\n".join([*BAD_URLS[:6], "http://alice:S3cretPW@127.0.0.1:9/", "http://ok.example/a"]) + "\n")
    feed = tmp_path / "feed.xml"
    entries = "".join(
        f"<item><title>t{n}</title><link>{u}</link></item>"
        for n, u in enumerate(["http://[::1", "http://h:99999/", "http://ok.example/f"])
    )
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{entries}</channel></rss>')
    jsonl = tmp_path / "u.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps({"id": f"j{n}", "url": u}) for n, u in enumerate(["http://[::1", "http://carol:pw@h.example/x"]))
        + "\n"
    )
    items = collect([str(listing), str(feed), str(jsonl)])
    good = [i for i in items if isinstance(i, Item)]
    bad = [i for i in items if isinstance(i, BadItem)]
    assert sorted(i.source for i in good) == sorted(
        ["http://***@127.0.0.1:9/", "http://ok.example/a", "http://ok.example/f", "http://***@h.example/x"]
    )
    assert len(bad) == 6 + 2 + 1
    everything = json.dumps([dataclasses.asdict(i) for i in bad] + [[i.id, i.source] for i in good])
    assert "S3cret" not in everything and "carol:pw" not in everything
    fetched = {i.url for i in good}  # the fetch still gets the credentials
    assert "http://alice:S3cretPW@127.0.0.1:9/" in fetched


# --------------------------------------------------------------------------- batch's own files


def test_batch_never_reads_its_own_output_lock_or_temps(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Bài báo.")
    out = d / "briefs.txt"
    (tmp_path / "elsewhere").mkdir()
    link = d / "link.txt"
    with Journal(out):
        os.symlink(out, link)  # the output again, through a symlink
        os.symlink(str(out) + ".lock", d / "lock.txt")
        (d / ".briefs.txt.tmp-123").write_text("x")
        ids = [i.id for i in collect([str(d)], output=str(out))]
        assert ids == ["d/a.txt"]
        with pytest.raises(UsageError, match="output file"):
            validate([str(link)], output=str(out))
        with pytest.raises(UsageError, match="output file"):
            validate([str(out) + ".lock"], output=str(out))


# --------------------------------------------------------------------------- the result cache


def _brief(**changes: object) -> Brief:
    b = Brief(
        source="page.html",
        headline_vi="Tiêu đề",
        headline_en="Headline",
        summary_vi="Tóm tắt.",
        summary_en="Summary.",
        key_points=[KeyPoint("Point.", "Ý.", 0, 0, 2, 0.5)],
        models={"summarizer": "s", "translator": "t"},
        recipe="default",
        engine="hf",
        date="2024-01-02",
        author="Nguyễn A",
        timings={"load": 4.5, "summarize": 1.0},
        notes=["input is not UTF-8; decoded as cp1258", "converting s for CTranslate2 once", "chunked: 2"],
        warnings=["only 1 key point(s)"],
        checks=[Problem("summary_en", "number", "5", "not in the article", "x")],
        values_checked=3,
    )
    return dataclasses.replace(b, **changes)  # type: ignore[arg-type]


def test_every_brief_field_is_either_stored_or_per_request() -> None:
    names = {f.name for f in dataclasses.fields(Brief)}
    assert not (STORED_FIELDS & PER_REQUEST_FIELDS)
    assert names == STORED_FIELDS | PER_REQUEST_FIELDS, (
        "a new Brief field must be added to cache.STORED_FIELDS (it follows from the key) "
        "or cache.PER_REQUEST_FIELDS (filled per request)"
    )
    assert {"source", "date", "author", "timings", "notes"} <= PER_REQUEST_FIELDS


def test_a_hit_carries_this_requests_fields_and_no_run_notes() -> None:
    first = _brief()
    stored = stored_part(first, run_notes=["input is not UTF-8; decoded as cp1258", "converting s for CTranslate2 once"])
    assert not set(stored) & PER_REQUEST_FIELDS
    again = served(json.loads(json.dumps(stored)), Request(source="other.html", date="2025-05-05", author=None, notes=("n",)))
    assert (again.source, again.date, again.author, again.timings) == ("other.html", "2025-05-05", None, {})
    assert again.notes == ["n", "chunked: 2", SERVED_NOTE]
    assert (again.summary_en, again.key_points, again.checks, again.warnings) == (
        first.summary_en,
        first.key_points,
        first.checks,
        first.warnings,
    )


@pytest.mark.parametrize(
    "row",
    [
        "{}",
        '{"key_points": 5}',
        "[]",
        '"text"',
        "not json",
        DEEP,
        '{"summary_en": 3, "content_notes": []}',
        json.dumps({**stored_part(_brief()), "key_points": [{"text_en": None}]}),
        json.dumps({**stored_part(_brief()), "content_notes": "x"}),
    ],
)
def test_damaged_rows_are_a_warning_and_a_miss(tmp_path: Path, row: str) -> None:
    warnings: list[str] = []
    cache = ResultCache(tmp_path / "c.sqlite3", warnings.append)
    assert cache.put("k", {"x": 1}, source="s", headline=None) is not None
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        conn.execute("UPDATE results SET brief = ? WHERE key = 'k'", (row,))
    assert cache.lookup("k", Request("s")) is None
    assert len(warnings) == 1 and "damaged" in warnings[0]
    cache.close()


def test_history_show_of_a_damaged_row_says_so(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "cache"))
    from vnsum.cache import default_path

    with ResultCache(default_path()) as cache:
        ident = cache.put("k", _brief().to_dict(), source="s", headline="h")
        second = cache.put("k2", _brief().to_dict(), source="s", headline="h")
    with sqlite3.connect(default_path()) as conn:
        conn.execute("UPDATE history SET brief = 'not json{' WHERE id = ?", (ident,))
        conn.execute("UPDATE history SET brief = ? WHERE id = ?", (json.dumps({**_brief().to_dict(), "key_points": 5}), second))
    r = run_cli("history", "show", str(ident))
    assert r.code == 1 and f"history entry {ident} is damaged" in r.err and "no history entry" not in r.err
    r = run_cli("history", "show", str(second), "-f", "plain")
    assert r.code == 1 and "key_points" in r.err and "internal error" not in r.err


def test_cache_clear_and_info_report_failures(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(cache_dir))
    (cache_dir / "results.sqlite3").mkdir(parents=True)  # the database path is a directory
    r = run_cli("cache", "clear")
    assert r.code == 74 and "removed" not in r.out and len(r.err.strip().splitlines()) == 1, (r.out, r.err)
    r = run_cli("cache", "info")
    assert r.code == 74 and "cache clear" not in r.err and "VNSUM_CACHE_DIR" in r.err
    r = run_cli("cache", "info", "-f", "rich")
    assert r.code == 2  # cache info offers what it prints: plain or json


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_cache_clear_on_a_read_only_directory(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(cache_dir))
    with ResultCache(cache_dir / "results.sqlite3") as cache:
        cache.put("k", {"x": 1}, source="s", headline=None)
    for name in os.listdir(cache_dir):
        os.chmod(cache_dir / name, 0o444)
    os.chmod(cache_dir, 0o555)
    try:
        with pytest.raises(StorageError):
            ResultCache(cache_dir / "results.sqlite3").clear()
        r = run_cli("cache", "clear")
        assert r.code == 74 and "removed" not in r.out
    finally:
        os.chmod(cache_dir, 0o755)


def test_same_body_other_page_gets_its_own_date_and_author(run_cli, tiny, tmp_path: Path, monkeypatch) -> None:
    """Two pages with one body and different meta: the second is a cache hit, with its own date and
    author, no load time and none of the first run's notes."""
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "cache"))
    page = (Path(__file__).parent / "data" / "news_page.html").read_text(encoding="utf-8")
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    first.write_text(page, encoding="utf-8")
    second.write_text(
        page.replace("Minh Châu", "Lan Anh").replace("2024-05-28T08:30:00+07:00", "2024-06-30T10:00:00+07:00"), encoding="utf-8"
    )
    models = ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-f", "json"]
    one = run_cli(first, *models)
    assert one.code == 0, one.err
    two = run_cli(second, *models)
    assert two.code == 0, two.err
    a, b = json.loads(one.out), json.loads(two.out)
    assert (a["author"], b["author"]) == ("Minh Châu", "Lan Anh")
    assert a["date"] != b["date"] and b["date"].startswith("2024-06-30")
    assert b["source"].endswith("second.html") and SERVED_NOTE in b["notes"]
    assert b["timings"] == {} and "load" not in two.err
    assert a["summary_en"] == b["summary_en"] and a["key_points"] == b["key_points"]
    assert [n for n in b["notes"] if n != SERVED_NOTE] == [n for n in a["notes"] if not n.startswith("convert")]


def test_cache_dir_a_regular_file_is_said_not_hidden(run_cli, tiny, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(blocker))
    seed = Path(__file__).parent / "data" / "seed_binhduong.txt"
    models = ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-f", "json"]
    r = run_cli(seed, *models)
    assert r.code == 74, r.err
    line = r.err.strip().splitlines()[-1]
    assert "conversion cache" in line and "VNSUM_CACHE_DIR" in line and "cannot use this model" not in r.err
    r = run_cli(seed, *models, "--engine", "transformers")
    assert r.code == 0, r.err
    assert "result cache unavailable" in r.err and "cannot use this model" not in r.out


COMMANDS = ["", "brief", "batch", "check", "eval", "read", "keypoints", "history", "history show", "cache", "cache info"]
COMMANDS += ["cache clear", "models", "models list", "models pull", "models rm", "models path"]


def test_help_reads_as_git_does_and_leaks_no_python_types(run_cli) -> None:
    top = run_cli("--help")
    assert top.code == 0
    lines = top.out.splitlines()
    assert lines[0] == "Usage: vnsum [OPTIONS] [FILE]..." and lines[1].strip() == "vnsum COMMAND [ARGS]..."
    assert top.out.index("Commands:") < top.out.index("Options of vnsum [FILE]...")
    for name in ("brief", "batch", "check", "eval", "read", "history", "cache", "models"):
        assert f"\n  {name} " in top.out
    assert run_cli("-h").out == top.out
    for command in COMMANDS:
        r = run_cli(*command.split(), "--help")
        assert r.code == 0, (command, r.err)
        assert not re_search(r"<(?:list\[)?(?:str|int|float|path)\]?>", r.out), (command, r.out)
        body = r.out.split("Commands:")[-1] if "Commands:" in r.out else ""
        assert not any(line.rstrip().endswith("...") for line in body.splitlines()), (command, body)
    assert "<auto|json|rich>" in run_cli("check", "--help").out
    assert "<plain|json>" in run_cli("cache", "info", "--help").out
    assert "--max-bytes" in run_cli("eval", "--help").out


def re_search(pattern: str, text: str) -> object:
    import re

    return re.search(pattern, text)


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ray_address_where_nothing_listens_is_one_line_before_ray_starts(run_cli, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Bài báo.")
    port = _closed_port()
    for address in (f"127.0.0.1:{port}", f"ray://127.0.0.1:{port}", f"[::1]:{port}"):
        r = run_cli("batch", d, "-o", tmp_path / "o.jsonl", "--ray-address", address, "-q")
        assert r.code == 2, r.err
        assert len(r.err.strip().splitlines()) == 1 and "nothing answers there" in r.err and "ray start" in r.err
    r = run_cli("batch", d, "-o", tmp_path / "o.jsonl", "--ray-address", "127.0.0.1:99999", "-q")
    assert r.code == 2 and "expected ray://HOST:PORT" in r.err


def test_ray_address_refusal_in_a_real_process(tmp_path: Path) -> None:
    """A subprocess against a closed port ends by itself with exit 2; the limit is 10x the connect
    timeout, a margin, not a speed check."""
    import subprocess
    import sys

    pytest.importorskip("ray")
    from vnsum.batch.ray_runner import RAY_CONNECT_TIMEOUT_S

    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Bài báo.")
    cmd = [
        sys.executable,
        "-m",
        "vnsum",
        "batch",
        str(d),
        "-o",
        str(tmp_path / "o.jsonl"),
        "--ray-address",
        f"127.0.0.1:{_closed_port()}",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=10 * RAY_CONNECT_TIMEOUT_S + 60)
    assert done.returncode == 2 and "nothing answers there" in done.stderr


def test_checks_are_grouped_by_the_sentence_they_concern() -> None:
    from vnsum.render.base import check_lines

    long_vi = "Năm 2021, doanh thu đạt 10.000 tỷ đồng, tăng 5,66% so với năm 2020 tại Hà Nội."
    problems = [
        Problem("summary_en", kind, value, "missing from the English", long_vi)
        for kind, value in (("number", "10.000"), ("percent", "5,66%"), ("date", "2021"), ("date", "2020"), ("name", "Hà Nội"))
    ]
    problems += [Problem("summary_vi", "number", "7", "not in the article", long_vi)]
    problems += [Problem("key_points[0].text_en", "name", "Huế", "not in the Vietnamese", "Ông Huế nói.")]
    brief = dataclasses.replace(_brief(), checks=problems)
    lines = check_lines(brief)
    assert len(lines) == 2
    assert sum(line.count(long_vi) for line in lines) == 1
    assert (
        "summary_en: number '10.000', percent '5,66%', date '2021', date '2020', name 'Hà Nội' missing from the English"
        in lines[0]
    )
    assert "summary_vi: number '7' not in the article" in lines[0]
    for fmt in ("plain", "markdown", "rich"):
        from vnsum.render import render

        out = io.StringIO()
        render([brief], fmt, out)
        assert out.getvalue().count("doanh thu") == 1, fmt


def test_sentence_lookup_is_the_scan_it_replaced() -> None:
    """compare._sentence finds sentence ends once per text (a long record was quadratic); it
    returns what the scan from the start returned, for every offset."""
    import random

    from vnsum.checks import compare

    def scan(text: str, start: int) -> str:
        begin = 0
        for m in compare._SENT_END.finditer(text):
            if m.end() > start:
                return text[begin : m.end()].strip()
            begin = m.end()
        return text[begin:].strip()

    rng = random.Random(3)
    pieces = ["Năm 2020 có 5 người.", " ", "TP. Hồ Chí Minh", "!", "\n", "Ông A nói: “Được.”", " B", "…", "? ", "x"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for start in range(len(text) + 1):
            assert compare._sentence(text, start) == scan(text, start), (text, start)


def test_deep_toml_recipe_and_huge_history_ids(run_cli, tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 100_000 + "]" * 100_000)
    inline = tmp_path / "inline.toml"
    inline.write_text("[summarizer]\nx = " + "{a=" * 5000 + "1" + "}" * 5000)
    for recipe in (deep, inline):
        r = run_cli("models", "list", recipe)
        assert r.code == 2 and "nested too deeply" in r.err
    r = run_cli("history", "show", "9" * 30)
    assert r.code == 2 and "no history entry" in r.err
    assert run_cli("history", "--limit", "9" * 30).code == 0


def test_glossary_must_be_a_regular_file_of_sane_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnsum.checks import glossary

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # nobody writes: opening it for reading used to block for ever
    for path in (fifo, Path("/dev/zero"), tmp_path, "a\0b"):
        if isinstance(path, Path) and not path.exists():
            continue
        with pytest.raises(glossary.GlossaryError):
            glossary.load_glossary(path)
    big = tmp_path / "big.tsv"
    big.write_text("Tô Lâm\tTo Lam\n", encoding="utf-8")
    assert glossary.load_glossary(big) is not None
    monkeypatch.setattr(glossary, "MAX_GLOSSARY_BYTES", 5)
    with pytest.raises(glossary.GlossaryError, match="larger than"):
        glossary.load_glossary(big)
