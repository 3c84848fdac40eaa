"""The result cache and the history of briefs: one SQLite file, safe with several processes.

The cache maps a key (:func:`cache_key`: the cleaned text, the recipe's content, the model
revisions, every option that changes the brief, and vnsum's version) to a brief, stored as the
JSON of ``Brief.to_dict()``. The history lists every brief vnsum produced, served from the cache
or not, newest first, and keeps its own copy of each brief, so ``history show`` still works when
the cached brief was replaced or cleared (``clear(history=False)``).

The cache is an optimisation, never a reason for a brief to fail: a damaged, locked, unwritable
or otherwise unusable database makes :class:`ResultCache` call ``warn`` once ("result cache
unavailable (...); running without it") and then behave as a disabled cache (``get`` returns
``None``, ``put``/``record`` return ``None``, ``history`` returns ``[]``). No method raises
``sqlite3`` or ``OSError`` exceptions to the caller, and a lock held by another process is
waited on for about ``timeout`` seconds (default 1.5) before the cache gives up. A disabled
cache stays disabled for the life of the object; :meth:`ResultCache.clear` replaces a damaged
file with a fresh database.

The file is opened lazily (the first call that needs it), in WAL mode with a busy timeout, so
readers never wait for writers and several processes (``vnsum batch`` workers, two terminals) can
write at once. Every write is one short ``BEGIN IMMEDIATE`` transaction. Only the standard
library is used (platformdirs for :func:`default_path`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from vnsum import jsonsafe
from vnsum.brief import Brief
from vnsum.errors import StorageError

__all__ = [
    "PER_REQUEST_FIELDS",
    "STORED_FIELDS",
    "CacheInfo",
    "DamagedEntry",
    "HistoryEntry",
    "Request",
    "ResultCache",
    "cache_key",
    "default_path",
]

#: File name inside vnsum's cache directory.
FILE_NAME = "results.sqlite3"
#: Bumped when the layout of the database changes (stored as ``PRAGMA user_version``).
SCHEMA_VERSION = 1
#: Bumped when the meaning of a key changes; part of every key.
KEY_FORMAT = "vnsum-result-key/1"
#: Seconds a call may wait for another process's lock before the cache gives up.
DEFAULT_TIMEOUT = 1.5

#: Connections inherited from a parent process through fork; never used, never closed.
_INHERITED: list[sqlite3.Connection] = []

_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key      TEXT PRIMARY KEY,
    brief    TEXT NOT NULL,
    created  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    time         TEXT NOT NULL,
    source       TEXT NOT NULL,
    headline_en  TEXT,
    key          TEXT,
    cached       INTEGER NOT NULL DEFAULT 0,
    brief        TEXT NOT NULL
);
"""


#: Brief fields that describe one request, not the article: never stored, filled from each
#: request (the page's own date and author, its reading notes, this run's timings).
PER_REQUEST_FIELDS = frozenset({"source", "date", "author", "timings", "notes"})
#: Brief fields that follow from what the key covers (the cleaned text, the recipe, the models'
#: revisions, the options, vnsum's version): stored, served as they are. Every field of Brief
#: is in exactly one of the two sets (a test says so, so a new field is a choice, not an accident).
STORED_FIELDS = frozenset(
    {
        "headline_vi",
        "headline_en",
        "summary_vi",
        "summary_en",
        "key_points",
        "models",
        "recipe",
        "engine",
        "chunks",
        "warnings",
        "checks",
        "values_checked",
    }
)
#: The stored notes that follow from the article (chunking, the checks' choices), not from the run.
CONTENT_NOTES = "content_notes"
#: The note a brief served from the cache carries.
SERVED_NOTE = "served from the result cache (no model was run; --no-cache to make it again)"


@dataclass(frozen=True)
class Request:
    """What one request adds to a stored brief: its source name, the page's date and author,
    and the notes of reading it (an encoding repaired, page furniture left out)."""

    source: str
    date: str | None = None
    author: str | None = None
    notes: tuple[str, ...] = ()


def stored_part(brief: Brief, *, run_notes: Iterable[str] = ()) -> dict[str, Any]:
    """What the cache keeps of ``brief``: its :data:`STORED_FIELDS`, and its notes less
    ``run_notes`` (those of this run: loading a model, the request's own reading notes, batching)."""
    data = brief.to_dict()
    stored = {k: data[k] for k in STORED_FIELDS}
    skip = set(run_notes)
    stored[CONTENT_NOTES] = [n for n in brief.notes if n not in skip and n != SERVED_NOTE]
    return stored


def served(stored: Mapping[str, Any], request: Request) -> Brief:
    """The Brief for ``request`` from a stored part; raises ValueError when the row is not one
    (a damaged or foreign row: valid JSON of the wrong shape)."""
    if not isinstance(stored, Mapping):
        raise ValueError("the stored brief is not an object")
    content = stored.get(CONTENT_NOTES, [])
    if not isinstance(content, list) or not all(isinstance(n, str) for n in content):
        raise ValueError(f"the stored brief's {CONTENT_NOTES} is not a list of strings")
    data = {k: v for k, v in stored.items() if k in STORED_FIELDS}
    data.update(
        source=request.source,
        date=request.date,
        author=request.author,
        timings={},
        notes=[*request.notes, *content, SERVED_NOTE],
    )
    return Brief.from_dict(data)


def default_path() -> Path:
    """``$VNSUM_CACHE_DIR/results.sqlite3`` if that is set, else the platform's user cache
    directory for vnsum (``~/.cache/vnsum/results.sqlite3`` on Linux). Nothing is created."""
    env = os.environ.get("VNSUM_CACHE_DIR")
    if env:
        return Path(env).expanduser() / FILE_NAME
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("vnsum")) / FILE_NAME


def _json_default(value: Any) -> Any:
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cache_key: cannot use a {type(value).__name__} as an option value")


def cache_key(
    *,
    text: str,
    recipe_text: str,
    models: Mapping[str, str],
    options: Mapping[str, object],
    version: str,
) -> str:
    """The cache key of one brief: a sha256 hex digest over a canonical JSON of its inputs.

    ``text`` is the cleaned article text, ``recipe_text`` the recipe file's content,
    ``models`` maps each role to its model's revision (e.g. ``{"summarizer": "<id>@<sha>"}``),
    ``options`` every option that changes the brief (length, engine, compute type, ...), and
    ``version`` vnsum's version. Dict order does not matter; any change of a value does.
    Option values must be JSON-like (str, int, float, bool, None, lists, dicts) or a path,
    enum or set; anything else raises ``TypeError`` (a bug in the caller, not a cache miss).
    """
    payload = {
        "format": KEY_FORMAT,
        "version": version,
        "text": text,
        "recipe": recipe_text,
        "models": dict(models),
        "options": dict(options),
    }
    canonical = json.dumps(
        payload,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
        default=_json_default,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class HistoryEntry:
    """One past brief: ``time`` is ISO 8601 UTC (``2025-01-31T08:15:00Z``); ``cached`` says it
    was served from the result cache."""

    id: int
    time: str
    source: str
    headline_en: str | None
    cached: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CacheInfo:
    """What ``vnsum cache info`` shows. ``size_bytes`` counts the database and its WAL files;
    ``entries`` and ``history_rows`` are ``None`` when the database cannot be read, and then
    ``ok`` is false and ``error`` says why."""

    path: str
    size_bytes: int
    entries: int | None
    history_rows: int | None
    ok: bool
    error: str | None
    #: The file is not a database (or a damaged one): ``clear`` replaces it. False for a path
    #: that cannot be opened or written (a directory, a read-only disk), which clear cannot mend.
    damaged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = str(exc).strip() or exc.__class__.__name__
    return text


def _is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(exc).lower()


def _is_damage(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    message = str(exc).lower()
    return "not a database" in message or "malformed" in message


class DamagedEntry(ValueError):
    """A row that exists but holds no brief (not JSON, or not an object); the message says which."""


class _Unavailable(Exception):
    """Internal: the cache is disabled; carries nothing (the reason is on the instance)."""


class ResultCache:
    """The result cache and history in the SQLite file at ``path``.

    Opens lazily and never raises on database trouble (see the module docstring): the first
    failure calls ``warn("result cache unavailable (<reason>); running without it")`` once and
    disables the cache; :attr:`error` keeps the reason. Thread-safe (one connection, one lock);
    after a ``fork`` the child opens its own connection. Usable as a context manager.
    """

    def __init__(
        self,
        path: Path | str,
        warn: Callable[[str], None] | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.path = Path(path).expanduser()
        self._warn = warn
        self._timeout = float(timeout)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._error: str | None = None
        self._warned = False
        self._damaged = False

    # -- state ---------------------------------------------------------------------------

    @property
    def error(self) -> str | None:
        """Why the cache is disabled, or ``None`` while it works (or has not been opened)."""
        return self._error

    @property
    def available(self) -> bool:
        """False once the cache has been disabled by a failure."""
        return self._error is None

    def _fail(self, exc: BaseException) -> None:
        """Disable the cache for the rest of this object's life (until a repairing clear)."""
        if self._error is not None:
            return
        self._damaged = _is_damage(exc)
        self._error = _describe(exc)
        self._drop_connection()

    def _notify(self) -> None:
        """Call ``warn`` once about the reason the cache is disabled."""
        if self._error is None or self._warned or self._warn is None:
            return
        self._warned = True
        try:
            self._warn(f"result cache unavailable ({self._error}); running without it")
        except Exception:  # a broken warn callback must not break a brief either
            pass

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            if self._pid == os.getpid():
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            else:  # inherited through fork: see _connection
                _INHERITED.append(conn)
        self._pid = None

    def _connection(self) -> sqlite3.Connection:
        """The open connection, opening (and creating) the database on first use."""
        if self._error is not None:
            raise _Unavailable
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        if self._conn is not None:
            # Inherited through fork: closing it here could disturb the parent's locks, so
            # keep it alive (unused) and open a connection of our own.
            _INHERITED.append(self._conn)
            self._conn = None
        try:
            self._conn = self._open()
            self._pid = os.getpid()
        except (sqlite3.Error, OSError, ValueError) as exc:
            self._fail(exc)
            raise _Unavailable from None
        return self._conn

    def _open(self) -> sqlite3.Connection:
        deadline = time.monotonic() + self._timeout
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            os.fspath(self.path),
            timeout=self._timeout,
            isolation_level=None,  # autocommit; writes use explicit BEGIN IMMEDIATE
            check_same_thread=False,  # guarded by self._lock
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                mode = self._switch_to_wal(conn, deadline)
                if str(mode).lower() != "wal":
                    raise sqlite3.OperationalError(f"cannot switch to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                self._create_schema(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _switch_to_wal(conn: sqlite3.Connection, deadline: float) -> str:
        # Changing the journal mode does not call the busy handler: when several processes
        # create the database at once, retry until the deadline.
        while True:
            try:
                return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.02)

    @staticmethod
    def _create_schema(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"unknown cache schema version {version} (written by another vnsum version?)")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _run(self, work: Callable[[sqlite3.Connection], Any], default: Any, *, quiet: bool = False) -> Any:
        """Run ``work`` on the connection; any database failure disables the cache and (unless
        ``quiet``) warns once."""
        with self._lock:
            try:
                conn = self._connection()
            except _Unavailable:
                if not quiet:
                    self._notify()
                return default
            try:
                return work(conn)
            except (sqlite3.Error, OSError) as exc:
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                self._fail(exc)
                if not quiet:
                    self._notify()
                return default

    @staticmethod
    def _write(conn: sqlite3.Connection, statements: Callable[[], Any]) -> Any:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = statements()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    # -- the cache -----------------------------------------------------------------------

    def get(self, key: str) -> dict[str, Any] | None:
        """The brief stored under ``key``, or ``None`` (a miss, or the cache is unavailable)."""

        def work(conn: sqlite3.Connection) -> dict[str, Any] | None:
            row = conn.execute("SELECT brief FROM results WHERE key = ?", (key,)).fetchone()
            return None if row is None else _loads(row[0])

        return self._run(work, None)

    def lookup(self, key: str, request: Request) -> Brief | None:
        """The brief stored under ``key`` made for ``request`` (:func:`served`), or ``None``: a
        miss, the cache unavailable, or a damaged row (then ``warn`` says so and the brief is made again)."""

        def work(conn: sqlite3.Connection) -> object:
            row = conn.execute("SELECT brief FROM results WHERE key = ?", (key,)).fetchone()
            return None if row is None else row[0]

        text = self._run(work, None)
        if text is None:
            return None
        try:
            if not isinstance(text, (str, bytes)):
                raise ValueError("not text")
            return served(jsonsafe.loads_object(text), request)
        except ValueError as exc:
            if self._warn is not None:
                try:
                    self._warn(f"result cache: a damaged entry ({exc}); making the brief again")
                except Exception:
                    pass
            return None

    def store(self, key: str, brief: Brief, *, run_notes: Iterable[str] = ()) -> int | None:
        """Keep :func:`stored_part` of ``brief`` under ``key`` and add the whole brief to the history."""
        return self.put(
            key, stored_part(brief, run_notes=run_notes), source=brief.source, headline=brief.headline_en, full=brief.to_dict()
        )

    def put(
        self,
        key: str,
        brief: Mapping[str, Any],
        *,
        source: str,
        headline: str | None,
        full: Mapping[str, Any] | None = None,
    ) -> int | None:
        """Store ``brief`` under ``key`` (replacing any older one) and add a history entry, in
        one transaction; the history keeps ``full`` (the whole brief) when given, else ``brief``.
        Returns the history id, or ``None`` if the cache is unavailable.
        Raises ``TypeError``/``ValueError`` only if ``brief`` is not JSON-serialisable."""
        text = _dumps(brief)
        history_text = text if full is None else _dumps(full)

        def work(conn: sqlite3.Connection) -> int:
            def statements() -> int:
                now = _now()
                conn.execute(
                    "INSERT OR REPLACE INTO results (key, brief, created) VALUES (?, ?, ?)",
                    (key, text, now),
                )
                return _insert_history(conn, now, source, headline, key, False, history_text)

            return self._write(conn, statements)

        return self._run(work, None)

    def record(
        self,
        brief: Mapping[str, Any],
        *,
        source: str,
        headline: str | None,
        key: str | None = None,
        cached: bool = True,
    ) -> int | None:
        """Add a history entry without touching the cache: for a brief served from the cache
        (``cached=True``, the default) or one made with the cache bypassed (``--no-cache``:
        pass ``cached=False``, ``key=None``), so the history lists every run. Returns the
        history id, or ``None`` if the cache is unavailable."""
        text = _dumps(brief)

        def work(conn: sqlite3.Connection) -> int:
            return self._write(conn, lambda: _insert_history(conn, _now(), source, headline, key, cached, text))

        return self._run(work, None)

    def history(self, limit: int | None = 20) -> list[HistoryEntry]:
        """The last ``limit`` entries (all of them for ``None``), newest first."""
        if limit is not None and limit <= 0:
            return []
        if limit is not None and limit >= 2**63:
            limit = None

        def work(conn: sqlite3.Connection) -> list[HistoryEntry]:
            rows = conn.execute(
                "SELECT id, time, source, headline_en, cached FROM history ORDER BY id DESC LIMIT ?",
                (-1 if limit is None else int(limit),),
            ).fetchall()
            return [HistoryEntry(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]

        return self._run(work, [])

    def show(self, entry_id: int) -> dict[str, Any] | None:
        """The brief of history entry ``entry_id``, or ``None`` if there is no such entry.
        Raises :class:`DamagedEntry` when the entry exists but its brief is not a JSON object."""

        if not 0 < int(entry_id) < 2**63:  # SQLite's rowids: anything else is no entry
            return None

        def work(conn: sqlite3.Connection) -> Any:
            row = conn.execute("SELECT brief FROM history WHERE id = ?", (int(entry_id),)).fetchone()
            if row is None:
                return None
            try:
                return jsonsafe.loads_object(row[0]) if isinstance(row[0], (str, bytes)) else jsonsafe.loads_object("")
            except jsonsafe.JSONError as exc:
                return DamagedEntry(f"history entry {entry_id} is damaged ({exc})")

        got = self._run(work, None)
        if isinstance(got, DamagedEntry):
            raise got
        return got

    def info(self) -> CacheInfo:
        """Path, size on disk and row counts. Never warns (the reason is in ``error``), and does
        not create the database if it does not exist yet."""
        size = 0
        for suffix in ("", "-wal", "-shm"):
            try:
                size += os.stat(f"{self.path}{suffix}").st_size
            except OSError:
                pass
        if self._error is None and self._conn is None and not self.path.exists():
            return CacheInfo(str(self.path), 0, 0, 0, True, None)

        def work(conn: sqlite3.Connection) -> tuple[int, int]:
            entries = conn.execute("SELECT count(*) FROM results").fetchone()[0]
            rows = conn.execute("SELECT count(*) FROM history").fetchone()[0]
            return entries, rows

        counts = self._run(work, None, quiet=True)
        if counts is None:
            return CacheInfo(str(self.path), size, None, None, False, self._error, self._damaged)
        return CacheInfo(str(self.path), size, counts[0], counts[1], True, None)

    def clear(self, *, history: bool = True) -> int:
        """Remove every cached brief (and the history too unless ``history=False``); returns
        the number of cached briefs removed. A damaged database file (not a locked one) is
        deleted and started afresh, so ``vnsum cache clear`` is also the repair.

        The one method that raises: clearing is what was asked, so a database that cannot be
        opened or written (a directory in its place, a read-only disk, a lock held past the
        timeout) is :class:`~vnsum.errors.StorageError`, never a report of success."""
        with self._lock:
            if self._damaged:
                return self._reset_damaged()

            def work(conn: sqlite3.Connection) -> int:
                def statements() -> int:
                    removed = conn.execute("DELETE FROM results").rowcount
                    if history:
                        conn.execute("DELETE FROM history")
                    return removed

                removed = self._write(conn, statements)
                try:  # give the space back; best effort (another process may be reading)
                    conn.execute("VACUUM")
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error:
                    pass
                return removed

            removed = self._run(work, None, quiet=True)
            if self._damaged:  # discovered only now
                return self._reset_damaged()
            if removed is None:
                raise StorageError(f"cannot clear the result cache {self.path}: {self._error}")
            return int(removed)

    def _reset_damaged(self) -> int:
        self._drop_connection()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                try:
                    os.unlink(f"{self.path}{suffix}")
                except FileNotFoundError:
                    pass
        except OSError as exc:
            self._error = _describe(exc)
            self._damaged = False
            raise StorageError(f"cannot replace the damaged result cache {self.path}: {self._error}") from None
        self._error = None
        self._warned = False
        self._damaged = False
        return 0

    def close(self) -> None:
        """Close the connection (a later call opens it again unless the cache was disabled)."""
        with self._lock:
            self._drop_connection()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "ok" if self._error is None else f"unavailable: {self._error}"
        return f"ResultCache({str(self.path)!r}, {state})"


def _dumps(brief: Mapping[str, Any]) -> str:
    text = json.dumps(brief, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (an undecodable file name): escape it, still JSON
        text = json.dumps(brief, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text


def _column(text: str | None) -> str | None:
    """A string SQLite can store (a lone surrogate becomes ``\\udcff``)."""
    return None if text is None else text.encode("utf-8", "backslashreplace").decode("utf-8")


def _loads(text: object) -> dict[str, Any] | None:
    if not isinstance(text, (str, bytes)):
        return None
    try:
        value = jsonsafe.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _insert_history(
    conn: sqlite3.Connection,
    now: str,
    source: str,
    headline: str | None,
    key: str | None,
    cached: bool,
    text: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO history (time, source, headline_en, key, cached, brief) VALUES (?, ?, ?, ?, ?, ?)",
        (now, _column(source), _column(headline), key, int(cached), text),
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return int(cursor.lastrowid)
