"""vnsum.batch.journal: valid JSONL after any interruption, each article at most once, resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnsum.batch import journal as journal_mod
from vnsum.batch.journal import Journal, error_record, ok_record
from vnsum.errors import ExitCode, UsageError

ROOT = Path(__file__).resolve().parent.parent


def lines_of(path: Path) -> list[dict]:
    """Every line parsed; fails on an invalid line or a missing final newline."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), "last line has no newline"
    return [json.loads(line) for line in data.split(b"\n")[:-1]]


def brief(n: int = 0) -> dict:
    return {"headline": f"Tin số {n}", "summary": "Tóm tắt.", "key_points": ["một", "hai"]}


def test_write_and_reopen(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with Journal(out) as j:
        assert not j.repaired and j.done_ids() == set()
        j.write(ok_record("a", "news/a.txt", brief(1)))
        j.write(error_record("b", "news/b.txt", "bad_input", "news/b.txt: looks like a PDF document"))
        j.write({"source": "s", "brief": brief(3), "id": "c", "time_s": 1.5})
    recs = lines_of(out)
    assert [list(r)[:2] for r in recs] == [["id", "source"]] * 3  # id first: greppable, and our prefix
    assert recs[1]["error"] == {"code": "bad_input", "message": "news/b.txt: looks like a PDF document"}
    assert recs[2]["time_s"] == 1.5 and recs[0]["brief"]["headline"] == "Tin số 1"
    assert "Tin số 1" in out.read_text(encoding="utf-8")  # not \\u-escaped
    j = Journal(out)
    j.open()
    try:
        assert j.done_ids() == {"a", "b", "c"}
        assert j.done_ids(retry_failed=True) == {"a", "c"}
        assert j.error_ids == {"b"} and j.ok_count == 2 and "b" in j
        assert not j.repaired and j.notes == []
    finally:
        j.close()
    j.close()  # twice is fine


def test_write_refuses_a_second_line_for_an_id_and_bad_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with Journal(out) as j:
        j.write(ok_record("a", "s", brief()))
        before = out.read_bytes()
        with pytest.raises(ValueError, match="already has a line"):
            j.write(error_record("a", "s", "model_failed", "x"))
        for bad in (
            {"id": "", "source": "s", "brief": {}},
            {"id": "x", "brief": {}},
            {"id": "x", "source": "s"},
            {"id": "x", "source": "s", "brief": {}, "error": {"code": "c", "message": "m"}},
            {"id": "x", "source": "s", "error": {"code": "c"}},
            {"id": "x", "source": "s", "brief": "text"},
        ):
            with pytest.raises(ValueError):
                j.write(bad)
        assert out.read_bytes() == before


def test_awkward_characters_stay_on_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with Journal(out, durable=False) as j:
        j.write(ok_record("u2028", "s", {"headline": "a\u2028b\u2029c\nd\re"}))
        j.write(ok_record("surrogate", "s", {"headline": "bad \udcff byte"}))
    recs = lines_of(out)
    assert recs[0]["brief"]["headline"] == "a\u2028b\u2029c\nd\re"
    assert recs[1]["brief"]["headline"] == "bad \udcff byte"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # str.splitlines splits on U+2028 too


# --------------------------------------------------------------------------- repair


def _two_good_lines(out: Path) -> bytes:
    with Journal(out, durable=False) as j:
        j.write(ok_record("a", "s", brief(1)))
        j.write(error_record("b", "s", "bad_input", "m"))
    return out.read_bytes()


@pytest.mark.parametrize(
    "tail",
    [
        b'{"id":"c","source":"s","brief":{"headline":"Tin',  # torn: no newline
        b'{"id":"c","source":"s","brief":{"headl\n',  # torn, and a newline that is not the end of a record
        b"\0" * 700,  # power loss: the file grew but the data never landed
        b"\0\0\0\0" + b'rce":"s","brief":{}}\n',
        b"   ",
    ],
)
def test_torn_last_line_is_repaired(tmp_path: Path, tail: bytes) -> None:
    out = tmp_path / "out.jsonl"
    good = _two_good_lines(out)
    with open(out, "ab") as f:
        f.write(tail)
    j = Journal(out)
    j.open()
    try:
        assert out.read_bytes() == good
        assert j.done_ids() == {"a", "b"}
        if tail.strip():
            assert j.repaired and "torn last line" in j.notes[0]
        j.write(ok_record("c", "s", brief(3)))
    finally:
        j.close()
    assert [r["id"] for r in lines_of(out)] == ["a", "b", "c"]


def test_first_line_torn(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"a","source":"s","bri')
    with Journal(out) as j:
        assert j.repaired and j.done_ids() == set()
    assert out.read_bytes() == b""


def test_complete_last_record_without_newline_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = _two_good_lines(out)
    out.write_bytes(good[:-1])
    with Journal(out) as j:
        assert j.repaired and "newline" in j.notes[0]
        assert j.done_ids() == {"a", "b"}
    assert out.read_bytes() == good


@pytest.mark.parametrize(
    "content",
    [
        "Hà Nội - Sáng nay, Thủ tướng đã chủ trì cuộc họp.\nĐoạn hai không có dòng mới",  # an article by mistake
        '{"id":"a","source":"s","brief":{}}\nnot json\n{"id":"b","source":"s","brief":{}}\n',  # damage mid-file
        '{"name": "config"}\n',  # JSON, but not ours
        '{"id":"a","source":"s","brief":{}}\n{"id": "b", "other": 1}\n',
    ],
)
def test_foreign_or_damaged_file_is_refused_untouched(tmp_path: Path, content: str) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match="not a vnsum batch record") as exc:
        Journal(out).open()
    assert str(out) in str(exc.value)
    assert out.read_text(encoding="utf-8") == content
    with Journal(tmp_path / "other.jsonl"):  # the lock was released
        pass
    Journal(out).close()


def test_interrupted_write_leaves_no_partial_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    good = _two_good_lines(out)
    real_write = os.write

    def half_then_ctrl_c(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise KeyboardInterrupt

    with Journal(out) as j:
        monkeypatch.setattr(journal_mod.os, "write", half_then_ctrl_c)
        with pytest.raises(KeyboardInterrupt):
            j.write(ok_record("c", "s", brief(3)))
        monkeypatch.setattr(journal_mod.os, "write", real_write)
        assert out.read_bytes() == good and "c" not in j
        j.write(ok_record("c", "s", brief(3)))  # a short write is completed, not torn
        calls = []

        def short(fd: int, data: bytes) -> int:
            calls.append(len(data))
            return real_write(fd, bytes(data[:7]))

        monkeypatch.setattr(journal_mod.os, "write", short)
        j.write(ok_record("d", "s", brief(4)))
        monkeypatch.setattr(journal_mod.os, "write", real_write)
        assert len(calls) > 1
    assert [r["id"] for r in lines_of(out)] == ["a", "b", "c", "d"]


# --------------------------------------------------------------------------- retry failed


def _mixed(out: Path) -> None:
    with Journal(out, durable=False) as j:
        for n in range(6):
            if n % 2:
                j.write(error_record(f"e{n}", f"src{n}", "bad_input", "failed"))
            else:
                j.write(ok_record(f"o{n}", f"src{n}", brief(n)))


def test_retry_failed_rewrites_without_error_lines(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _mixed(out)
    os.chmod(out, 0o640)
    with Journal(out) as j:
        pass
    j = Journal(out)
    j.open(retry_failed=True)
    try:
        assert [r["id"] for r in lines_of(out)] == ["o0", "o2", "o4"]
        assert j.done_ids(retry_failed=True) == j.done_ids() == {"o0", "o2", "o4"}
        assert j.error_ids == frozenset()
        for n in (1, 3, 5):  # redone: one succeeds now, the others fail again
            j.write(ok_record(f"e{n}", f"src{n}", brief(n)) if n == 3 else error_record(f"e{n}", f"src{n}", "bad_input", "again"))
    finally:
        j.close()
    recs = lines_of(out)
    assert sorted(r["id"] for r in recs) == ["e1", "e3", "e5", "o0", "o2", "o4"]  # each id once
    assert os.stat(out).st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.tmp")]


def test_drop_errors_only_the_ids_being_redone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _mixed(out)
    with Journal(out) as j:
        ino = os.stat(out).st_ino
        assert j.drop_errors(["o0", "unknown"]) == 0 and os.stat(out).st_ino == ino  # nothing to drop: untouched
        with pytest.raises(ValueError, match="drop_errors"):
            j.write(ok_record("e1", "src1", brief(1)))
        assert j.drop_errors({"e1", "o2"}) == 1
        assert j.error_ids == {"e3", "e5"}
        j.write(ok_record("e1", "src1", brief(1)))  # appends to the new file
    assert [r["id"] for r in lines_of(out)] == ["o0", "o2", "e3", "o4", "e5", "e1"]


def test_stale_temp_file_of_a_killed_rewrite_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _mixed(out)
    stale = tmp_path / ".out.jsonl.tmp-99999"
    stale.write_text('{"id":"o0"', encoding="utf-8")
    with Journal(out) as j:
        assert j.ok_count == 3
    assert not stale.exists()


# --------------------------------------------------------------------------- refusals and the lock


def test_directory_and_special_outputs_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory") as exc:
        Journal(tmp_path).open()
    assert exc.value.exit_code == ExitCode.USAGE
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        Journal(fifo).open()
    with pytest.raises(UsageError, match="does not exist"):
        Journal(tmp_path / "missing" / "out.jsonl").open()
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path)
    with pytest.raises(UsageError, match="is a directory"):
        Journal(link).open()


def test_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    _mixed(real)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    with Journal(link) as j:
        j.drop_errors()
        j.write(ok_record("z", "s", brief()))
    assert link.is_symlink() and [r["id"] for r in lines_of(real)] == ["o0", "o2", "o4", "z"]
    with Journal(real), pytest.raises(UsageError, match="another vnsum batch"):
        Journal(link).open()  # one lock for the file, whatever the name


def test_second_journal_on_the_same_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = Journal(out)
    first.open()
    try:
        with pytest.raises(UsageError, match="another vnsum batch is writing to it") as exc:
            Journal(out).open()
        assert str(out) in str(exc.value) and exc.value.exit_code == 2
    finally:
        first.close()
    with Journal(out):
        pass


HOLDER = """
import sys, time
from vnsum.batch.journal import Journal
j = Journal(sys.argv[1]); j.open()
print("locked", flush=True)
time.sleep(60)
"""


def test_lock_held_by_another_process_and_freed_when_it_dies(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(UsageError, match="another vnsum batch"):
            Journal(out).open()
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdout.close()
    with Journal(out):  # the kernel released the lock of the killed process
        pass


# --------------------------------------------------------------------------- kill -9 at random moments


WRITER = """
import random, sys
from vnsum.batch.journal import Journal, error_record, ok_record
path, total, seed, biggest = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
j = Journal(path)
j.open()
done = j.done_ids()
print("ready", len(done), flush=True)
for n in range(total):
    ident = f"art-{n}"
    if ident in done:
        continue
    size = rng.choice([10, 1000, rng.randint(10, biggest)])
    if n % 7 == 3:
        j.write(error_record(ident, f"src/{n}", "bad_input", "x" * size))
    else:
        j.write(ok_record(ident, f"src/{n}", {"headline": "Tin " * (size // 4), "n": n}))
j.close()
print("done", flush=True)
"""


def _run_writer(out: Path, total: int, seed: int, biggest: int, kill_after: float | None, sig: int) -> str:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(out), str(total), str(seed), str(biggest)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ready = child.stdout.readline()
        assert ready.startswith("ready"), ready
        if kill_after is None:
            assert child.stdout.readline().strip() == "done"
        else:
            time.sleep(kill_after)
            child.send_signal(sig)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    return ready


def _check_valid_unique(out: Path) -> tuple[set[str], bool]:
    j = Journal(out)
    j.open()  # repairs a torn last line, if the kill left one
    try:
        repaired = j.repaired
        recs = lines_of(out)
        found = [r["id"] for r in recs]
        assert len(found) == len(set(found)), "an id was written twice"
        assert set(found) == j.done_ids()
        for r in recs:
            assert ("brief" in r) != ("error" in r)
        return set(found), repaired
    finally:
        j.close()


@pytest.mark.parametrize("round_", range(5))
def test_kill_at_random_moments_then_resume_exactly_once(tmp_path: Path, round_: int) -> None:
    rng = random.Random(1000 + round_)
    out = tmp_path / "out.jsonl"
    total = 120
    biggest = [4_000, 200_000, 2_000_000, 600_000, 50_000][round_]  # big lines: a kill can tear a write
    signals = [signal.SIGKILL, signal.SIGKILL, signal.SIGINT if round_ % 2 else signal.SIGTERM]
    previous: set[str] = set()
    for sig in signals:
        _run_writer(out, total, seed=rng.randrange(10**6), biggest=biggest, kill_after=rng.uniform(0.0, 0.25), sig=sig)
        ids, _ = _check_valid_unique(out)
        assert previous <= ids  # nothing that was done is lost
        previous = ids
    _run_writer(out, total, seed=rng.randrange(10**6), biggest=biggest, kill_after=None, sig=0)
    ids, _ = _check_valid_unique(out)
    assert ids == {f"art-{n}" for n in range(total)}  # completed, each exactly once
    assert len(lines_of(out)) == total


def test_kill_during_retry_rewrite_keeps_one_line_per_id(tmp_path: Path) -> None:
    """os.replace is atomic: kill the process while it rewrites, the file is old or new."""
    out = tmp_path / "out.jsonl"
    with Journal(out, durable=False) as j:
        for n in range(400):
            rec = error_record if n % 2 else ok_record
            j.write(rec(f"i{n}", "s", "bad_input", "m" * 20_000) if n % 2 else rec(f"i{n}", "s", {"t": "x" * 20_000}))
    code = (
        "import sys\nfrom vnsum.batch.journal import Journal\n"
        "j = Journal(sys.argv[1]); print('go', flush=True); j.open(retry_failed=True); print('done', flush=True)\n"
    )
    for delay in (0.0, 0.01, 0.03, 0.06):
        child = subprocess.Popen([sys.executable, "-c", code, str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        child.stdout.readline()
        time.sleep(delay)
        child.kill()
        child.wait()
        child.stdout.close()
        ids, _ = _check_valid_unique(out)
        assert {f"i{n}" for n in range(0, 400, 2)} <= ids


def test_an_id_repeated_in_an_edited_file_counts_as_done(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(
        '{"id":"a","source":"s","error":{"code":"bad_input","message":"m"}}\n'
        '{"id":"a","source":"s","brief":{}}\n'
        '{"id":"b","source":"s","error":{"code":"bad_input","message":"m"}}\n',
        encoding="utf-8",
    )
    with Journal(out) as j:
        assert "repeat an id" in j.notes[0]
        assert j.ok_ids == {"a"} and j.error_ids == {"b"}
        assert j.drop_errors() == 2  # b's, and a's stale error line with it
    assert lines_of(out) == [{"id": "a", "source": "s", "brief": {}}]
