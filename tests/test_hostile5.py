"""Hostile world, round 3, continued: huge lines, the streaming output and digest under attack."""

from __future__ import annotations

import io
import json
import os
import re
import select
import socket
import threading
from pathlib import Path

import pytest

from vnsum import jsonsafe
from vnsum.batch.inputs import BadItem, Item, collect
from vnsum.batch.journal import Journal
from vnsum.errors import UsageError
from vnsum.stories.run import batch_output, from_inputs, is_batch_output

ROOT_DATA = Path(__file__).resolve().parent / "data"


class Watched(io.BytesIO):
    """A file that remembers the most bytes any one read returned (what reading held at once)."""

    most = 0

    def readline(self, size: int | None = -1) -> bytes:
        got = super().readline(size)
        self.most = max(self.most, len(got))
        return got

    def read(self, size: int | None = -1) -> bytes:
        got = super().read(size)
        self.most = max(self.most, len(got))
        return got

    def __iter__(self):  # type: ignore[override]
        raise AssertionError("iterating a file reads each line whole")


def test_a_huge_line_is_read_past_in_bounded_chunks() -> None:
    body = b'{"id": "a"}\n' + b'{"id": "b", "text": "' + b"x" * 5_000_000 + b'"}\n' + b"tail\n" + b"y" * 3_000_000
    f = Watched(body)
    got = list(jsonsafe.lines(f, 1000))
    assert [(g.number, g.too_long) for g in got] == [(1, False), (2, True), (3, False), (4, True)]
    assert got[0].data == b'{"id": "a"}\n' and got[2].data == b"tail\n"
    assert sum(g.size for g in got) == len(body) and [g.offset for g in got] == [0, 12, 12 + got[1].size, len(body) - 3_000_000]
    assert f.most <= 1 << 20  # never the whole 5 MB line at once


@pytest.mark.parametrize("size", [999, 1000, 1001])
def test_the_limit_is_the_line_without_its_newline(size: int) -> None:
    (line,) = jsonsafe.lines(io.BytesIO(b"x" * size + b"\n"), 1000)
    assert line.too_long == (size > 1000) and line.size == size + 1


def test_jsonl_input_huge_line_is_that_lines_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    huge = json.dumps({"id": "big", "text": "Bài " * 400_000})
    data.write_text(
        "\n".join([json.dumps({"id": "a", "text": "Bài một."}), huge, json.dumps({"id": "b", "text": "Bài hai."})]) + "\n"
    )
    items = collect([str(data)], max_bytes=100_000)
    assert [type(i).__name__ for i in items] == ["Item", "BadItem", "Item"]
    bad = items[1]
    assert isinstance(bad, BadItem) and bad.source == f"{data}:2" and "larger than the 100 kB limit" in bad.message
    good = items[2]
    assert isinstance(good, Item) and good.load_text() == "Bài hai."
    # the same line under the default limit (5 MB) is an article
    assert [i.id for i in collect([str(data)]) if isinstance(i, Item)] == ["a", "big", "b"]


def test_jsonl_line_grown_since_listing_is_the_changed_file_error(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "a", "text": "Bài một."}) + "\n")
    (item,) = collect([str(data)])
    assert isinstance(item, Item)
    data.write_text(json.dumps({"id": "a", "text": "Bài một." * 100_000}) + "\n")
    with pytest.raises(Exception, match="changed since the batch started"):
        item.load_text()


def test_batch_output_with_a_huge_line_for_digest(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    ok = json.dumps({"id": "a", "source": "a", "error": {"code": "bad_input", "message": "x"}})
    out.write_text(
        ok + "\n" + '{"id": "b", "brief": {"headline": "' + "h" * 2_000_000 + '"}}\n' + ok.replace('"a"', '"c"') + "\n"
    )
    assert is_batch_output(out, 1000)
    got = list(batch_output(out, 1000))
    assert [g.id for g in got] == ["a", f"{out}:2", "c"] and "larger than the 1 kB limit" in got[1].message  # type: ignore[union-attr]
    huge_first = tmp_path / "first.jsonl"
    huge_first.write_text('{"id": "b", "brief": {"headline": "' + "h" * 2_000_000 + '"}}\n')
    assert not is_batch_output(huge_first, 1000)  # then read as JSONL input: that line's error
    reports, failures = from_inputs([str(huge_first)], None, max_bytes=1000)
    assert not reports and len(failures) == 1 and "larger than" in failures[0].message


def test_journal_with_a_huge_foreign_line_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnsum.batch import journal

    monkeypatch.setattr(journal, "MAX_RECORD_BYTES", 1000)
    out = tmp_path / "out.jsonl"
    ok = json.dumps({"id": "a", "source": "a", "error": {"code": "bad_input", "message": "x"}})
    for body in (f"{ok}\n{'x' * 5000}\n{ok}\n", f"{ok}\n{'x' * 5000}"):
        out.write_text(body)
        with pytest.raises(UsageError, match=r"out\.jsonl:2: not a vnsum batch record"):
            Journal(out).open()
        assert out.read_text() == body


# --------------------------------------------------------------------------- model files: the safe loader too

HOSTILE_HEADERS = [
    b"[1, 2]",
    b"[" * 100_000,
    b'{"w": {"data_offsets": [0, NaN]}}',
    b'{"w": {"data_offsets": 5}}',
    b'{"w": 3}',
    b"{}x",
]


@pytest.mark.parametrize("header", HOSTILE_HEADERS)
def test_hostile_safetensors_header_is_a_damaged_header(tmp_path: Path, header: bytes) -> None:
    import struct

    from vnsum.hub import weights_problem

    (tmp_path / "config.json").write_text("{}")
    (tmp_path / "model.safetensors").write_bytes(struct.pack("<Q", len(header)) + header)
    assert weights_problem(tmp_path) == "model.safetensors has a damaged header"


def test_safetensors_header_length_past_the_file_is_damaged_not_read(tmp_path: Path) -> None:
    import struct

    from vnsum.hub import weights_problem

    (tmp_path / "model.safetensors").write_bytes(struct.pack("<Q", 1 << 62) + b"{}")
    assert weights_problem(tmp_path) == "model.safetensors has a damaged header"


@pytest.mark.parametrize("body", ["[" * 100_000, "[1]", '{"model_type": NaN}', "\ufeff{", '"t5"'])
def test_hostile_model_json_files_read_as_unreadable(tmp_path: Path, body: str) -> None:
    from vnsum.engines.ct2 import MARKER, is_converted, model_type_of

    (tmp_path / "config.json").write_text(body)
    assert model_type_of(tmp_path) is None
    (tmp_path / MARKER).write_text(body)
    (tmp_path / "model.bin").write_bytes(b"")
    assert is_converted(tmp_path) is False


def test_ray_rows_are_read_with_the_safe_loader() -> None:
    from vnsum.batch.ray_runner import _record

    deep = "[" * 100_000
    for row in ({"id": "a", "source": "s", "error": deep}, {"id": "a", "source": "s", "brief": deep, "error": ""}):
        rec = _record(row)
        assert rec["id"] == "a" and rec["error"]["code"] == "internal" and "could not be read back" in rec["error"]["message"]


# --------------------------------------------------------------------------- --ray-address: a port that is not Ray


class Listener:
    """A local TCP server that accepts and then behaves as ``mode`` says: ``silent`` (reads,
    never answers), ``http`` (an HTTP/1.1 error), ``close`` (hangs up), ``grpc`` (a server's
    HTTP/2 SETTINGS frame, as Ray's GCS sends first). Scripted peers for the probe's plumbing."""

    def __init__(self, mode: str, host: str = "127.0.0.1") -> None:
        self.mode, self.accepted, self.held = mode, threading.Event(), threading.Event()
        self.sock = socket.socket()
        self.sock.bind((host, 0))
        self.sock.listen(8)
        self.port = int(self.sock.getsockname()[1])
        self.conns: list = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            self.accepted.set()
            if self.mode == "silent":
                threading.Thread(target=self._hold, args=(conn,), daemon=True).start()
            if self.mode == "http":
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            elif self.mode == "close":
                conn.close()
            elif self.mode == "grpc":
                conn.sendall(b"\x00\x00\x06\x04\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x64")

    def _hold(self, conn) -> None:  # type: ignore[no-untyped-def]
        """``held`` once a client has kept a connection open 2 s (a probe that closes at once does not)."""
        readable, _, _ = select.select([conn], [], [], 2.0)
        try:
            if not readable or conn.recv(1 << 16):
                self.held.set()
        except OSError:
            pass

    def close(self) -> None:
        self.sock.close()
        for c in self.conns:
            c.close()


@pytest.mark.parametrize(("mode", "why"), [("silent", "says nothing"), ("http", "does not speak gRPC"), ("close", "")])
def test_a_port_that_is_not_ray_is_one_line_within_the_limit(mode: str, why: str) -> None:
    from vnsum.batch.ray_runner import probe

    peer = Listener(mode)
    try:
        for address in (f"127.0.0.1:{peer.port}", f"ray://127.0.0.1:{peer.port}"):
            with pytest.raises(UsageError, match="something listens there but it is not Ray") as got:
                probe(address, timeout=1.0)
            assert why in str(got.value) and "\n" not in str(got.value)
    finally:
        peer.close()


def test_a_grpc_peer_passes_the_probe() -> None:
    from vnsum.batch.ray_runner import probe

    peer = Listener("grpc")
    try:
        probe(f"127.0.0.1:{peer.port}", timeout=5.0)
    finally:
        peer.close()


def test_ctrl_c_on_a_port_that_accepts_but_is_not_ray(tmp_path: Path) -> None:
    """SIGINT while vnsum waits on a silent peer: exit 130 ("interrupted") and nothing else said,
    not the probe's own timeout (exit 2) nor Ray's half-minute wait with its retry warnings. The
    signal is sent once a connection has been held open 2 s: by vnsum's probe, or (before the
    probe waited for an answer) by ``ray.init`` itself, where Ctrl-C took 35 s."""
    import signal
    import subprocess
    import sys

    pytest.importorskip("ray")
    from vnsum.batch.ray_runner import RAY_CONNECT_TIMEOUT_S

    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Bài báo.")
    peer = Listener("silent", "0.0.0.0")  # all interfaces: Ray connects to 127.0.0.1 by the node's own address
    cmd = [
        sys.executable,
        "-m",
        "vnsum",
        "batch",
        str(d),
        "-o",
        str(tmp_path / "o.jsonl"),
        "--ray-address",
        f"127.0.0.1:{peer.port}",
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        assert peer.held.wait(timeout=120), "vnsum never held a connection"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10 * RAY_CONNECT_TIMEOUT_S)
    finally:
        proc.kill()
        peer.close()
    assert proc.returncode == 130 and err.strip().splitlines() == ["vnsum: error: interrupted"], err


# --------------------------------------------------------------------------- streaming output and digest under attack

#: Escapes, markup, a bidi override and control characters, as a file name, a model or a batch output may carry.
NASTY = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e[blink red]x[/]\x1bP1$r\x1b\\\r\x08"
#: vnsum's own terminal sequences (a spinner, the live view redrawn in place): not the attack's.
OWN = re.compile(r"\x1b\[\?25[lh]|\x1b\[[0-9]*[ABCDGK]|\r")


@pytest.mark.parametrize("fmt", ["jsonl", "plain", "rich", "json", "markdown"])
@pytest.mark.parametrize("tty", [False, True])
def test_streamed_briefs_of_several_files_carry_no_live_sequence(run_cli, tiny, tmp_path: Path, fmt: str, tty: bool) -> None:
    """Hostile file names and model outputs through every format, the live view on a terminal
    included, with a missing file among them: nothing acts on the terminal, no traceback."""
    from conftest import SEED
    from test_brief_checks import ARTICLE, ScriptedEngine
    from test_sanitize_property import LIVE

    class Hostile(ScriptedEngine):
        """Scripted: every translation carries the hostile text."""

        def _hyps(self, text: str) -> list[str]:
            return ["Revenue " + NASTY + " rose."]

    a = tmp_path / ("a" + NASTY.replace("/", "_") + ".txt")
    a.write_text(ARTICLE, encoding="utf-8")
    engines = {
        str(tiny.summarizer): ScriptedEngine(str(tiny.summarizer) + "/summarizer", summary="Doanh thu " + NASTY + " tăng 5%."),
        str(tiny.translator): Hostile(str(tiny.translator)),
    }
    r = run_cli(
        a, SEED, tmp_path / ("missing" + NASTY.replace("/", "_") + ".txt"), "--recipe", tiny.recipe, "--no-cache", "-f", fmt,
        engine_factory=lambda path, ref, options, notify=None: engines[ref], resolver=lambda ref, **kw: Path(ref),
        stdout_isatty=tty, stderr_isatty=tty, width=100,
    )  # fmt: skip
    assert r.code == 1 and "Traceback" not in r.err, r.err
    assert "missing" in r.err and ("Revenue" in r.out)
    for text in (r.out, r.err):
        text = OWN.sub("", text) if tty else text
        hit = LIVE.search(text)
        assert hit is None, repr(text[max(0, hit.start() - 40) : hit.end() + 20])


def test_jsonl_stream_ended_by_a_signal_is_whole_lines(tiny, tmp_path: Path) -> None:
    """SIGTERM once the first event is out: exit 143, one line on stderr, every line written whole JSON."""
    import signal
    import subprocess
    import sys

    from conftest import SEED

    cmd = [sys.executable, "-m", "vnsum", *[str(SEED)] * 30, "--recipe", str(tiny.recipe), "--no-cache", "-f", "jsonl"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "VNSUM_CACHE_DIR": str(tmp_path)}
    )
    first = proc.stdout.readline()  # type: ignore[union-attr]
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 143 and err.decode().strip().splitlines()[-1] == "vnsum: error: terminated"
    events = [json.loads(line) for line in (first + out).decode().splitlines()]
    assert events and events[0]["event"] == "started"


def test_digest_of_hostile_batch_outputs(run_cli, tmp_path: Path) -> None:
    """Wrong shapes, escapes, non-UTF-8 bytes and a huge line in batch outputs: each is that line's
    failure, listed without a live sequence; nothing digested is exit 1, some digested is exit 0."""
    from test_sanitize_property import LIVE, _brief

    lines = [
        {"id": "a", "brief": {"key_points": 5}},
        {"id": "b", "brief": {"headline_en": ["x"], "summary_en": 3}},
        {"id": NASTY, "source": NASTY, "brief": {"headline_en": NASTY, "key_points": [{"en": 1}]}},
        {"id": "d", "error": "a string"},
        {"id": "e", "error": {"code": NASTY, "message": {"x": 1}}},
    ]
    out = tmp_path / "out.jsonl"
    body = "".join(json.dumps({"id": "z", "error": {"code": "bad_input", "message": NASTY}}) + "\n" for _ in range(1))
    body += "".join(json.dumps(rec) + "\n" for rec in lines)
    out.write_bytes(body.encode() + b"\xff\xfe\x00\n" + b'{"id": "h", "brief": {"headline_en": "' + b"h" * 3000 + b'"}}\n')
    for fmt in ("plain", "json", "markdown", "rich", "jsonl"):
        r = run_cli("digest", out, "-f", fmt, "--max-bytes", "2000", "-q")
        assert r.code == 1 and "Traceback" not in r.err, (fmt, r.err)
        assert LIVE.search(r.out) is None and LIVE.search(r.err) is None, fmt
        if fmt == "plain":
            assert "larger than the 2 kB limit" in r.out and "not valid JSON" in r.out
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g", "source": "g.txt", "brief": _brief("Doanh thu").to_dict()}) + "\n" + body)
    r = run_cli("digest", good, "-f", "plain", "-q")
    assert r.code == 0 and LIVE.search(r.out) is None, r.err


def test_digest_never_reads_its_own_output_in_an_input_folder(run_cli, tmp_path: Path) -> None:
    """``digest DIR -o DIR/digest.txt`` run twice: the second digest is the first, not a story of it."""
    from conftest import SEED

    for name, fmt in (("digest.txt", "plain"), ("digest.html", "markdown"), ("digest.htm", "plain")):
        d = tmp_path / name.replace(".", "_")
        d.mkdir()
        (d / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        (d / "b.txt").write_text((ROOT_DATA / "extra_vi.txt").read_text(encoding="utf-8"), encoding="utf-8")
        first = run_cli("digest", d, "--no-models", "-o", d / name, "-f", fmt)
        written = (d / name).read_text(encoding="utf-8")
        again = run_cli("digest", d, "--no-models", "-o", d / name, "-f", fmt)
        assert first.code == again.code == 0, again.err
        assert (d / name).read_text(encoding="utf-8") == written, fmt
        assert again.err.strip().splitlines()[-1] == "vnsum: 2 articles, 0 failed", again.err


@pytest.mark.parametrize("text", ['"a\\ud800b"', '{"\\udcff": 1}', '["\\ude00\\ud83d"]'])
def test_jsonsafe_keeps_lone_surrogates_for_round_trips(text: str) -> None:
    """The journal and cache write an undecodable file name's surrogates as ``\\udcXX`` escapes and
    must read them back; an article's text is made whole where it becomes a Source."""
    assert jsonsafe.loads(text) == json.loads(text)
    assert jsonsafe.loads('["\\ud83d\\ude00"]') == ["\U0001f600"]  # a pair is a character


def test_jsonl_lone_surrogates_become_replacement_characters(run_cli, tiny, tmp_path: Path) -> None:
    """A scraped text with a ``\\ud800`` escape stopped the whole batch with exit 70 (UnicodeEncodeError
    at the first output); now the Source holds U+FFFD there and every line is digested."""
    from conftest import SEED
    from test_brief_checks import _scripted

    text = SEED.read_text(encoding="utf-8")
    data = tmp_path / "in.jsonl"
    data.write_text(
        json.dumps({"id": "s1", "text": "B\\ud800" + text}).replace("\\\\ud800", "\\ud800") + "\n"
        + json.dumps({"id": "s\\udcff2", "title": "T\\udfff", "text": text}).replace("\\\\u", "\\u") + "\n"
        + json.dumps({"id": "ok", "text": text}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    items = collect([str(data)])
    assert [type(i).__name__ for i in items] == ["Item", "Item", "Item"]
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", data, "-o", out, "--recipe", tiny.recipe, "-q", **_scripted(tiny))
    assert r.code == 0, r.err
    raw = out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in raw.splitlines()]
    assert [("brief" in rec) for rec in records] == [True, True, True], records
    assert "\ufffd" in json.dumps(records[0], ensure_ascii=False), records[0]
