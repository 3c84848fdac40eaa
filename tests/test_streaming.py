"""Briefs as they are made: the event stream, ``--format jsonl`` against its documented schema,
the live display on a pseudo-terminal, several files with one failing.

The pty test drives a scripted test engine (named as such) whose summarizer waits until the
test has seen the first key point on the terminal: if key points were shown only with the
summary, it would never see one and fail (no time is measured; the deadline only stops a hang).
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import SEED, TinyModels
from test_brief_checks import ARTICLE, _scripted

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "events.schema.json"

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from vnsum.cli import main
    from vnsum.cli.env import Environment

    release = Path(sys.argv[1])


    class ScriptedEngine:
        '''A scripted test engine: the summarizer waits for the test's go; the translator tags its input.'''

        runs_beside_another = True  # the translator works while the summary is written, as CTranslate2's do

        def __init__(self, role):
            self.name = "scripted"
            self.model_id = role
            self.role = role

        def count_tokens(self, texts):
            return [len(t.split()) + 1 for t in texts]

        def generate(self, batch, settings):
            if self.role == "S":
                while not release.exists():
                    time.sleep(0.02)
                return ["Doanh thu của Sao Mai tăng mạnh trong năm." for _ in batch]
            return ["EN<" + t.split(": ", 1)[-1][:24] + ">" for t in batch]


    env = Environment(
        engine_factory=lambda path, ref, options, notify=None: ScriptedEngine(ref),
        resolver=lambda ref, **kw: Path(ref),
        width=110,
    )
    main([sys.argv[2], "--summarizer", "S", "--translator", "T", "-q", "--no-cache"], env=env)
    """
)


def _read_until(master: int, seen: bytearray, needle: bytes, deadline: float) -> bool:
    while needle not in seen:
        if time.monotonic() > deadline:
            return False
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                block = os.read(master, 65536)
            except OSError:
                return needle in seen
            if not block:
                return needle in seen
            seen += block
    return True


def test_the_first_key_point_is_on_the_terminal_before_the_summary_is_written(tmp_path: Path) -> None:
    article = tmp_path / "sao-mai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    release = tmp_path / "go"
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, str(script), str(release), str(article)], stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path
    )
    os.close(slave)
    seen = bytearray()
    try:
        deadline = time.monotonic() + 120
        assert _read_until(master, seen, b"1. EN<", deadline), seen.decode(errors="replace")
        before = bytes(seen)
        assert b"EN<Doanh thu c" not in before or b"Summary" in before  # the headline may be there
        assert "writing…".encode() in before  # the summary's place is shown, waiting
        release.write_text("go")
        assert _read_until(master, seen, "EN<Doanh thu của Sao Mai".encode(), deadline), seen.decode(errors="replace")
        _read_until(master, seen, b"\x00never", time.monotonic() + 5)  # the rest, until the process ends
    finally:
        os.close(master)
        code = proc.wait(timeout=60)
    assert code == 0, seen.decode(errors="replace")
    text = seen.decode(errors="replace")
    # Drawn in place: the final panel is the last thing written, with every section filled.
    last = text[text.rfind("sao-mai.txt") :]
    assert "writing…" not in last and "EN<Doanh thu của Sao Mai" in last and "Key points" in last


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_jsonl_events_follow_the_documented_schema(run_cli, tiny: TinyModels, tmp_path: Path) -> None:
    validator = _validator()
    article = tmp_path / "sao-mai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    beams = {"Các cửa hàng mới sẽ tuyển khoảng 300 nhân viên trong quý đầu tiên của năm.": ["About 30 employees."]}
    r = run_cli(article, "--recipe", tiny.recipe, "-q", "--no-cache", "-n", "4", "-f", "jsonl", **_scripted(tiny, beams=beams))
    assert r.code == 0, r.err
    events = [json.loads(line) for line in r.out.splitlines()]
    for event in events:
        errors = [e.message for e in validator.iter_errors(event)]
        assert not errors, (event, errors)
    kinds = [e["event"] for e in events]
    assert kinds == ["started", "headline", *["key_point"] * 4, "summary", "checks", "done"]
    done = events[-1]["brief"]
    assert [e["point"] for e in events if e["event"] == "key_point"] == done["key_points"]
    assert events[-2]["problems"] == done["checks"] and events[-2]["problems"]
    assert any(e["flagged"] for e in events if e["event"] == "key_point")
    # a failure is an event too
    bad = tmp_path / "english.txt"
    bad.write_text("This is an English text about nothing in particular, long enough to pass the size gate.\n" * 3)
    r = run_cli(bad, "--recipe", tiny.recipe, "-q", "--no-cache", "-f", "jsonl", **_scripted(tiny))
    assert r.code == 1


def test_the_library_stream_matches_the_collected_brief(tiny: TinyModels) -> None:
    from vnsum.events import Checks, Done, Headline, KeyPointReady, Started, Summary
    from vnsum.options import Options
    from vnsum.pipeline import Pipeline
    from vnsum.reading.source import Source

    src = Source(name="seed", text=SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with Pipeline(Options(recipe=str(tiny.recipe), points=3)) as p:
        events = list(p.iter_run([src]))
        again = p.run(src)
    assert [type(e) for e in events] == [Started, Headline, KeyPointReady, KeyPointReady, KeyPointReady, Summary, Checks, Done]
    brief = events[-1].brief  # type: ignore[attr-defined]
    assert [e.point for e in events if isinstance(e, KeyPointReady)] == brief.key_points
    assert events[1].text_en == brief.headline_en  # type: ignore[attr-defined]
    assert (again.summary_en, again.key_points) == (brief.summary_en, brief.key_points)


def test_a_failing_file_keeps_the_other_briefs(run_cli, tiny: TinyModels, tmp_path: Path) -> None:
    good = tmp_path / "sao-mai.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text("This is an English text about nothing in particular, long enough to pass the size gate.\n" * 3)
    for fmt in ("plain", "json"):
        r = run_cli(good, english, tmp_path / "missing.txt", SEED, "--recipe", tiny.recipe, "-q", "--no-cache", "-f", fmt)
        assert r.code == 1, r.err  # bad input: the first failure's code
        errors = r.err.strip().splitlines()
        assert len(errors) == 2 and "does not look like Vietnamese" in errors[0] and "missing.txt" in errors[1], r.err
        if fmt == "plain":
            assert r.out.count("==> ") == 2 and "sao-mai.txt" in r.out and str(SEED) in r.out
        else:
            assert [b["source"] for b in json.loads(r.out)] == [str(good), str(SEED)]


def test_a_new_event_is_one_class_and_its_registration(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where new things go (docs/architecture.md): an event is a frozen dataclass in events.py with a kind, in EVENTS."""
    from dataclasses import dataclass

    from vnsum import events
    from vnsum.render import render

    @dataclass(frozen=True)
    class Translated(events.Event):
        kind: ClassVar[str] = "translated"
        segments: int

    monkeypatch.setitem(events.EVENTS, Translated.kind, Translated)
    import io

    out = io.StringIO()
    render([Translated(0, "a.txt", 7)], "jsonl", out)
    assert json.loads(out.getvalue()) == {"event": "translated", "index": 0, "source": "a.txt", "segments": 7}


def test_a_new_result_type_is_one_renderer_and_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where new things go: a result type gets a renderer per format and its rows in render.RENDERERS."""
    import io
    from dataclasses import dataclass

    from vnsum import render

    @dataclass(frozen=True)
    class Digest:
        title: str

    def plain(items, file, options) -> None:
        for d in items:
            file.write(render.sanitize(d.title) + "\n")

    monkeypatch.setitem(render.RENDERERS, (Digest, "plain"), plain)
    out = io.StringIO()
    render.render([Digest("Morning \x1b[31mdigest")], "plain", out)
    assert out.getvalue() == "Morning digest\n"
    with pytest.raises(Exception, match="not available"):
        render.render([Digest("x")], "markdown", out)
