"""The output of ``vnsum batch``: an append-only JSONL journal that survives any interruption.

One line per article, and one article per line::

    {"id": ..., "source": ..., "brief": {...}}
    {"id": ..., "source": ..., "error": {"code": ..., "message": ...}}

Why it stays valid whatever happens:

* each line is written whole, with a single ``os.write`` on an ``O_APPEND`` descriptor,
  then ``fsync``; an exception part-way (a short write, disk full, Ctrl-C) truncates the
  file back to where the line started before it propagates;
* what a kill -9 or a power cut can still leave is a torn last line (no newline, or bytes
  that are not JSON, e.g. zeros); :meth:`Journal.open` cuts it away (``repaired``, and a
  line in ``notes``). A last line that is a complete record but lost only its newline is
  kept and given its newline back;
* a sidecar lock (``OUT.lock``, an OS lock released by the kernel when the process dies)
  keeps a second batch from writing to the same OUT;
* :meth:`Journal.write` refuses an id that already has a line, so each article is
  recorded at most once; a rerun skips :meth:`Journal.done_ids` and so completes the file
  with each article exactly once;
* ``--retry-failed``: :meth:`Journal.drop_errors` rewrites the file without the error
  lines of the ids to be redone (a temporary file in the same directory, fsync,
  ``os.replace``, fsync of the directory), before any of them is redone: at every moment
  the file is either the old one or the new one, and an id never has two lines.

Opening a file that is not a vnsum batch output (a line in the middle that is not a
record) is refused with UsageError rather than "repaired".
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from vnsum import jsonsafe
from vnsum.errors import UsageError

_OUR_PREFIX = b'{"id"'
#: A line of a batch output longer than this is not one of ours (a brief is a few kB): it is
#: read past in chunks, never held whole.
MAX_RECORD_BYTES = 64_000_000


def ok_record(id: str, source: str, brief: dict[str, Any]) -> dict[str, Any]:
    """The journal line of an article that was summarised."""
    return {"id": id, "source": source, "brief": brief}


def error_record(id: str, source: str, code: str, message: str) -> dict[str, Any]:
    """The journal line of an article that failed (``code``: e.g. ``bad_input``)."""
    return {"id": id, "source": source, "error": {"code": code, "message": message}}


class Outcome(str, Enum):
    """What a journal record says happened to its article."""

    OK = "ok"
    ERROR = "error"


def outcome(record: dict[str, Any]) -> Outcome | None:
    """The record's outcome (an ``error`` object, else a ``brief`` object), None when it is neither."""
    if isinstance(record.get("error"), dict):
        return Outcome.ERROR
    if isinstance(record.get("brief"), dict):
        return Outcome.OK
    return None


def _status(line: bytes) -> tuple[str, str] | None:
    """(id, "ok" | "error") of a journal line, or None when it is not a record."""
    try:
        rec = jsonsafe.loads(line)
    except ValueError:
        return None
    if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
        return None
    found = outcome(rec)
    return (rec["id"], found.value) if found is not None else None


def _is_json(line: bytes) -> bool:
    """Well-formed JSON (a record of someone else's, not a torn line of ours), even past our limits."""
    try:
        jsonsafe.loads(line)
    except jsonsafe.JSONError as exc:
        return exc.limit
    return True


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _encode(record: dict[str, Any]) -> bytes:
    try:
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        # JSON allows U+2028/2029 raw, but some line splitters treat them as newlines.
        data = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a bad decode: escape everything
        data = json.dumps(record, ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")
    return data + b"\n"


class Journal:
    """The resumable output file of one batch. Use as a context manager or open()/close().

    ``durable=False`` skips the fsyncs (tests, throwaway runs); the file is still valid
    JSONL after a crash of the process, but not after a power cut.
    """

    def __init__(self, path: str | os.PathLike[str], *, durable: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable
        self.repaired = False
        self.notes: list[str] = []
        self._real = ""
        self._fd: int | None = None
        self._lock: Any = None
        self._ok: set[str] = set()
        self._err: set[str] = set()
        self._mutex = threading.Lock()

    # ------------------------------------------------------------------ open / close

    @property
    def lock_path(self) -> Path:
        return Path((self._real or os.path.realpath(self.path)) + ".lock")

    def open(self, *, retry_failed: bool = False) -> None:
        """Create OUT or open it for append, lock it, repair a torn last line and read every
        line's id and status. ``retry_failed=True`` also drops every error line at once
        (see :meth:`drop_errors` to drop only the ones about to be redone).

        Raises UsageError (naming the file) when OUT is a directory or not a regular file,
        its directory is missing, it cannot be written, another batch holds it, or it is
        not a vnsum batch output.
        """
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already open")
        name = str(self.path)
        if "\0" in name:
            raise UsageError(f"{name}: not a valid file name (it contains a NUL character)")
        self._real = os.path.realpath(self.path)
        parent = os.path.dirname(self._real) or "."
        if os.path.isdir(self._real):
            raise UsageError(f"{name}: is a directory; give a file name for the results (e.g. results.jsonl)")
        if not os.path.isdir(parent):
            raise UsageError(f"{name}: the directory {parent} does not exist")
        try:
            st = os.stat(self._real)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise UsageError(f"{name}: {exc.strerror or exc}") from None
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise UsageError(f"{name}: not a regular file; give a file name for the results")
        self._acquire_lock(name)
        try:
            try:
                fd = os.open(self._real, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0), 0o666)
            except OSError as exc:
                raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None
            self._fd = fd
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the checks
                raise UsageError(f"{name}: not a regular file; give a file name for the results")
            if st is None and self.durable:
                _fsync_dir(parent)
            self._remove_stale_temps()
            self._scan(name)
            if retry_failed:
                self.drop_errors()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the file and release the lock (safe to call twice)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
        lock, self._lock = self._lock, None
        if lock is not None:
            with contextlib.suppress(Exception):
                lock.release()

    def __enter__(self) -> Journal:
        if self._fd is None:
            self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _acquire_lock(self, name: str) -> None:
        from filelock import FileLock, Timeout

        lock = FileLock(self._real + ".lock", thread_local=False, blocking=False)
        try:
            lock.acquire()
        except Timeout:
            raise UsageError(
                f"{name}: another vnsum batch is writing to it (lock {self._real}.lock); "
                "wait for it to finish or choose another output file"
            ) from None
        except OSError as exc:
            raise UsageError(f"cannot lock {name} ({self._real}.lock): {exc.strerror or exc}") from None
        self._lock = lock

    def _temp_prefix(self) -> str:
        return f".{os.path.basename(self._real)}.tmp-"

    def _remove_stale_temps(self) -> None:
        """Temporary files of a rewrite that was killed (we hold the lock: none is live)."""
        parent = os.path.dirname(self._real) or "."
        prefix = self._temp_prefix()
        with contextlib.suppress(OSError), os.scandir(parent) as it:
            for entry in it:
                if entry.name.startswith(prefix):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    # ------------------------------------------------------------------ reading

    def _scan(self, name: str) -> None:
        """Read ids and statuses line by line (briefs are parsed and dropped one at a time)."""
        assert self._fd is not None
        ok, err = self._ok, self._err
        ok.clear()
        err.clear()
        good_end = 0  # the file is valid up to here
        records = 0
        repeated = 0
        bad: tuple[int, int, bytes] | None = None  # (line number, offset, line) of an invalid line
        tail_keep = False
        offset = 0
        with open(self._real, "rb") as f:
            for line in jsonsafe.lines(f, MAX_RECORD_BYTES):
                lineno, start, offset = line.number, line.offset, line.offset + line.size
                if bad is not None or line.data is None:  # not ours to repair: more after it, or huge
                    raise UsageError(
                        f"{name}:{bad[0] if bad is not None else lineno}: not a vnsum batch record; this file is "
                        "not a batch output (or was edited): fix that line or choose another output file"
                    )
                raw = line.data
                complete = raw.endswith(b"\n")
                if not raw.strip(b" \t\r\n"):
                    if complete:
                        good_end = offset
                    continue
                got = _status(raw)
                if got is None:
                    bad = (lineno, start, raw)
                    continue
                ident, status = got
                records += 1
                if ident in ok or ident in err:
                    repeated += 1
                (ok if status == "ok" else err).add(ident)
                good_end = offset
                if not complete:
                    tail_keep = True
        ok_err = ok & err  # an id both done and failed: it is done
        err -= ok_err
        size = offset
        if bad is not None:
            lineno, start, raw = bad
            body = raw.lstrip(b"\0").lstrip()
            ours = records > 0 or not body or body.startswith(_OUR_PREFIX)
            if _is_json(raw) or not ours:
                raise UsageError(
                    f"{name}:{lineno}: not a vnsum batch record; this file is not a batch output "
                    "(or was edited): fix that line or choose another output file"
                )
            self._truncate(start)
            self.repaired = True
            self.notes.append(
                f"{name}: removed a torn last line ({size - start} bytes, line {lineno}) left by an interrupted run"
            )
        elif good_end < size:  # only blank space after the last newline
            self._truncate(good_end)
        if tail_keep and bad is None:
            self._append(b"\n")
            self.repaired = True
            self.notes.append(f"{name}: the last line had lost its newline; added it back")
        if repeated:
            self.notes.append(f"{name}: {repeated} line(s) repeat an id of an earlier line")

    def _truncate(self, size: int) -> None:
        assert self._fd is not None
        os.ftruncate(self._fd, size)
        if self.durable:
            os.fsync(self._fd)

    def _append(self, data: bytes) -> None:
        """Write all of ``data`` at the end, or nothing: a failure part-way is cut back."""
        assert self._fd is not None
        fd = self._fd
        before = os.fstat(fd).st_size
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            if self.durable:
                os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, before)
            raise

    # ------------------------------------------------------------------ state

    def done_ids(self, retry_failed: bool = False) -> set[str]:
        """Ids to skip: every id with a line, or with ``retry_failed`` only the successful ones.

        With ``retry_failed``, call :meth:`drop_errors` (or ``open(retry_failed=True)``)
        before writing the redone ids: :meth:`write` refuses an id whose error line is
        still in the file.
        """
        return set(self._ok) if retry_failed else self._ok | self._err

    @property
    def ok_ids(self) -> frozenset[str]:
        return frozenset(self._ok)

    @property
    def error_ids(self) -> frozenset[str]:
        """Ids whose line in the file is an error."""
        return frozenset(self._err)

    @property
    def ok_count(self) -> int:
        return len(self._ok)

    @property
    def error_count(self) -> int:
        return len(self._err)

    def __contains__(self, ident: object) -> bool:
        return ident in self._ok or ident in self._err

    # ------------------------------------------------------------------ writing

    def write(self, record: dict[str, Any]) -> None:
        """Append one record, ``{"id", "source", "brief"}`` or ``{"id", "source", "error":
        {"code", "message"}}`` (other keys are kept), as one line: one ``os.write`` on the
        O_APPEND descriptor, then fsync.

        Raises ValueError for a malformed record or an id that already has a line (the file
        is not touched); OSError (e.g. disk full) after cutting the partial line away.
        Thread-safe.
        """
        ident, status = self._check(record)
        ordered = {"id": ident, "source": record["source"]}
        ordered.update((k, v) for k, v in record.items() if k not in ordered)
        data = _encode(ordered)
        with self._mutex:
            if self._fd is None:
                raise RuntimeError(f"{self.path} is not open")
            if ident in self._ok or ident in self._err:
                where = "an error line (drop it with drop_errors first)" if ident in self._err else "a line"
                raise ValueError(f"id {ident!r} already has {where} in {self.path}")
            self._append(data)
            (self._ok if status == "ok" else self._err).add(ident)

    @staticmethod
    def _check(record: dict[str, Any]) -> tuple[str, str]:
        if not isinstance(record, dict):
            raise ValueError("a journal record is a dict")
        ident = record.get("id")
        if not isinstance(ident, str) or not ident:
            raise ValueError('a journal record needs a non-empty string "id"')
        if not isinstance(record.get("source"), str):
            raise ValueError(f'record {ident!r}: "source" must be a string')
        has_brief, has_error = "brief" in record, "error" in record
        if has_brief == has_error:
            raise ValueError(f'record {ident!r}: give exactly one of "brief" and "error"')
        if has_brief:
            if not isinstance(record["brief"], dict):
                raise ValueError(f'record {ident!r}: "brief" must be a dict')
            return ident, "ok"
        error = record["error"]
        if not (isinstance(error, dict) and isinstance(error.get("code"), str) and isinstance(error.get("message"), str)):
            raise ValueError(f'record {ident!r}: "error" must be {{"code": str, "message": str}}')
        return ident, "error"

    def drop_errors(self, ids: Iterable[str] | None = None) -> int:
        """Remove the error lines of ``ids`` (default: every error line) so those articles can
        be redone; returns how many lines were removed.

        The file is rewritten through a temporary file in its directory and ``os.replace``
        (atomic), so an interruption leaves either the old or the new file. Nothing is
        rewritten when there is nothing to drop. The new file is a new inode with the old
        permission bits.
        """
        with self._mutex:
            if self._fd is None:
                raise RuntimeError(f"{self.path} is not open")
            drop = set(self._err) if ids is None else self._err.intersection(ids)
            if not drop:
                return 0
            parent = os.path.dirname(self._real) or "."
            tmp = os.path.join(parent, f"{self._temp_prefix()}{os.getpid()}")
            mode = stat.S_IMODE(os.fstat(self._fd).st_mode)
            removed = 0
            try:
                out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o600)
                try:
                    with open(self._real, "rb") as src, open(out, "wb", closefd=False) as dst:
                        for raw in src:
                            got = _status(raw)
                            # (an error line of an id that also has a brief goes too)
                            if got is not None and got[1] == "error" and (got[0] in drop or got[0] in self._ok):
                                removed += 1
                                continue
                            dst.write(raw)
                        dst.flush()
                    os.chmod(tmp, mode)
                    if self.durable:
                        os.fsync(out)
                finally:
                    os.close(out)
                os.replace(tmp, self._real)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            if self.durable:
                _fsync_dir(parent)
            new_fd = os.open(self._real, os.O_RDWR | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
            old, self._fd = self._fd, new_fd
            os.close(old)
            self._err -= drop
            return removed
