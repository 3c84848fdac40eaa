"""The result cache and history (vnsum.cache): keys, hits and misses, history, and a database
that is damaged, locked, read-only or shared by several processes."""

from __future__ import annotations

import enum
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from vnsum import cache as cache_mod
from vnsum.cache import CacheInfo, HistoryEntry, ResultCache, cache_key, default_path

BASE = dict(
    text="Sáng nay, Hà Nội mưa to.\n\nNhiều tuyến phố ngập sâu.",
    recipe_text='name = "default"\n[summarizer]\nmodel = "VietAI/vit5-base"\n',
    models={"summarizer": "VietAI/vit5-base@abc123", "translator": "VietAI/envit5@def456"},
    options={"length": "medium", "engine": "ct2", "compute_type": "int8", "keypoints": 5},
    version="0.1.0",
)


def brief(n: int = 0) -> dict:
    return {
        "source": f"article-{n}.txt",
        "headline_en": f"Heavy rain in Hanoi ({n})",
        "summary_vi": "Hà Nội mưa to, nhiều tuyến phố ngập.",
        "summary_en": "Heavy rain floods Hanoi streets.",
        "key_points": [{"text_en": "Streets flooded.", "text_vi": "Nhiều tuyến phố ngập sâu.", "score": 0.5}],
        "notes": [],
    }


class Warnings(list):
    def __call__(self, message: str) -> None:
        self.append(message)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "results.sqlite3"


# -- keys ---------------------------------------------------------------------------------


def test_key_is_stable_and_ignores_dict_order():
    k1 = cache_key(**BASE)
    reordered = dict(BASE)
    reordered["options"] = dict(reversed(list(BASE["options"].items())))
    reordered["models"] = dict(reversed(list(BASE["models"].items())))
    assert cache_key(**reordered) == k1
    assert len(k1) == 64 and int(k1, 16) >= 0


@pytest.mark.parametrize(
    "change",
    [
        {"text": BASE["text"] + " "},
        {"recipe_text": BASE["recipe_text"].replace("vit5-base", "vit5-large")},
        {"models": {**BASE["models"], "translator": "VietAI/envit5@fff000"}},
        {"models": {**BASE["models"], "headline": "VietAI/vit5-base@abc123"}},
        {"options": {**BASE["options"], "length": "short"}},
        {"options": {**BASE["options"], "keypoints": 6}},
        {"options": {**BASE["options"], "keypoints": "5"}},
        {"options": {**BASE["options"], "num_beams": 4}},
        {"version": "0.1.1"},
    ],
    ids=["text", "recipe", "model-revision", "extra-model", "option", "option-int", "option-type", "new-option", "version"],
)
def test_any_change_changes_the_key(change):
    assert cache_key(**{**BASE, **change}) != cache_key(**BASE)


def test_key_accepts_paths_and_enums_and_refuses_other_objects():
    class Length(enum.Enum):
        short = "short"

    k = cache_key(**{**BASE, "options": {"length": Length.short, "recipe": Path("/r/x.toml")}})
    assert k == cache_key(**{**BASE, "options": {"length": "short", "recipe": "/r/x.toml"}})
    with pytest.raises(TypeError):
        cache_key(**{**BASE, "options": {"x": object()}})


def test_default_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "c"))
    assert default_path() == tmp_path / "c" / "results.sqlite3"
    monkeypatch.delenv("VNSUM_CACHE_DIR")
    from platformdirs import user_cache_dir

    assert default_path() == Path(user_cache_dir("vnsum")) / "results.sqlite3"


# -- the cache and history ----------------------------------------------------------------


def test_miss_then_hit(db):
    warn = Warnings()
    key = cache_key(**BASE)
    with ResultCache(db, warn) as cache:
        assert cache.get(key) is None
        hid = cache.put(key, brief(1), source="a.txt", headline="Heavy rain in Hanoi (1)")
        assert isinstance(hid, int)
        assert cache.get(key) == brief(1)
        assert cache.get(cache_key(**{**BASE, "version": "9"})) is None
    # a new process (object) sees it; the file was created with its directory
    with ResultCache(db, warn) as cache:
        assert cache.get(key) == brief(1)
        assert cache.show(hid) == brief(1)
    assert warn == []
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_put_replaces_and_history_keeps_each_run(db):
    with ResultCache(db) as cache:
        h1 = cache.put("k", brief(1), source="a", headline="one")
        h2 = cache.put("k", brief(2), source="a", headline="two")
        assert cache.get("k") == brief(2)
        assert cache.show(h1) == brief(1) and cache.show(h2) == brief(2)
        assert cache.info().entries == 1


def test_history_order_limit_and_record(db):
    with ResultCache(db) as cache:
        ids = [cache.put(f"k{i}", brief(i), source=f"s{i}", headline=f"h{i}") for i in range(5)]
        served = dict(brief(3), notes=["served from the result cache"])
        rid = cache.record(served, source="s3", headline="h3", key="k3")
        nocache = cache.record(brief(9), source="s9", headline=None, cached=False)
        entries = cache.history()
        assert [e.id for e in entries] == [nocache, rid, *reversed(ids)]
        assert entries[0] == HistoryEntry(nocache, entries[0].time, "s9", None, False)
        assert entries[1].cached is True and entries[2].cached is False
        assert entries[1].headline_en == "h3" and entries[1].source == "s3"
        assert all(e.time.endswith("Z") and "T" in e.time for e in entries)
        assert [e.id for e in cache.history(limit=2)] == [nocache, rid]
        assert cache.history(limit=0) == []
        assert len(cache.history(limit=None)) == 7
        assert cache.show(rid) == served
        assert cache.show(10_000) is None
        assert entries[0].to_dict()["headline_en"] is None
        # recording does not touch the cache
        assert cache.info().entries == 5


def test_info_and_clear(db):
    cache = ResultCache(db)
    info = cache.info()
    assert info == CacheInfo(str(db), 0, 0, 0, True, None)
    assert not db.exists(), "info must not create the database"
    for i in range(3):
        cache.put(f"k{i}", brief(i), source="s", headline="h")
    cache.record(brief(0), source="s", headline="h", key="k0")
    info = cache.info()
    assert (info.entries, info.history_rows, info.ok, info.error) == (3, 4, True, None)
    assert info.size_bytes > 0 and info.to_dict()["path"] == str(db)
    assert cache.clear(history=False) == 2 + 1
    assert (cache.info().entries, cache.info().history_rows) == (0, 4)
    cache.put("k", brief(), source="s", headline="h")
    assert cache.clear() == 1
    assert (cache.info().entries, cache.info().history_rows) == (0, 0)
    assert cache.history() == [] and cache.get("k") is None
    cache.close()
    cache.close()  # twice is fine
    assert cache.get("k") is None and cache.put("k", brief(), source="s", headline=None)  # reopens


def test_threads_share_one_cache(db):
    cache = ResultCache(db)
    errors = []

    def work(t: int) -> None:
        try:
            for i in range(25):
                cache.put(f"{t}-{i}", brief(i), source=f"t{t}", headline=None)
                assert cache.get(f"{t}-{i}") == brief(i)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and cache.available
    assert cache.info().entries == 100


def test_lookup_after_many_entries(db):
    """A lookup among 500 entries, the database opened each time (its time: benchmarks/bench_limits.py)."""
    with ResultCache(db) as cache:
        for i in range(500):
            cache.put(cache_key(**{**BASE, "text": f"article {i}"}), brief(i), source="s", headline="h")
    key = cache_key(**{**BASE, "text": "article 250"})
    for _ in range(3):
        cache = ResultCache(db)
        assert cache.get(key) == brief(250)
        cache.close()


# -- trouble ------------------------------------------------------------------------------


def test_damaged_file_warns_once_and_runs_disabled(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(3000) + b"this is not a database" * 100)
    warn = Warnings()
    cache = ResultCache(db, warn)
    assert cache.get("k") is None
    assert cache.put("k", brief(), source="s", headline="h") is None
    assert cache.record(brief(), source="s", headline="h", key="k") is None
    assert cache.history() == [] and cache.show(1) is None
    assert len(warn) == 1
    assert warn[0].startswith("result cache unavailable (") and warn[0].endswith("); running without it")
    assert "not a database" in warn[0]
    assert not cache.available and "not a database" in cache.error
    info = cache.info()
    assert info.ok is False and info.entries is None and "not a database" in info.error
    assert len(warn) == 1
    # clear is the repair: the damaged file is replaced by a fresh database
    assert cache.clear() == 0
    assert cache.available
    assert cache.put("k", brief(), source="s", headline="h") == 1
    assert cache.get("k") == brief()


def test_damaged_inside_a_page_is_survived(db):
    with ResultCache(db) as cache:
        for i in range(200):
            cache.put(f"k{i}", brief(i), source="s", headline="h")
    size = db.stat().st_size
    with open(db, "r+b") as f:  # keep the header, trash the pages
        f.seek(100)
        f.write(b"\xff" * (size - 100))
    warn = Warnings()
    cache = ResultCache(db, warn)
    assert cache.get("k7") is None
    assert cache.put("k7", brief(), source="s", headline=None) is None
    assert len(warn) == 1


def test_broken_warn_callback_does_not_raise(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\0garbage" * 512)

    def warn(message: str) -> None:
        raise RuntimeError("broken")

    cache = ResultCache(db, warn)
    assert cache.get("k") is None


def test_info_on_a_damaged_file_does_not_swallow_the_warning(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"garbage" * 512)
    warn = Warnings()
    cache = ResultCache(db, warn)
    assert cache.info().ok is False and warn == []
    assert cache.get("k") is None and len(warn) == 1


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    path, mode = sys.argv[1], sys.argv[2]
    conn = sqlite3.connect(path, isolation_level=None)
    if mode == "write":          # a writer in the middle of a long transaction (WAL)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO history (time, source, brief) VALUES ('t', 'holder', '{}')")
    elif mode == "exclusive":    # exclusive locking mode: nobody else may even read
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM results").fetchone()
    elif mode == "rollback":     # a rollback-journal database locked by its owner
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT INTO t VALUES (1)")
    print("ready", flush=True)
    sys.stdin.read()
    """
)


@pytest.mark.parametrize("mode", ["write", "exclusive", "rollback"])
def test_locked_database_warns_without_hanging(db, mode):
    if mode != "rollback":
        with ResultCache(db) as cache:
            cache.put("k", brief(), source="s", headline="h")
    else:
        db.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        warn = Warnings()
        cache = ResultCache(db, warn)
        start = time.perf_counter()
        got = cache.get("k")
        put = cache.put("k2", brief(2), source="s", headline="h")
        again = cache.get("k2")
        elapsed = time.perf_counter() - start
        if mode == "write":
            assert got == brief(), "WAL readers must not wait for a writer"
        else:
            assert got is None
        assert put is None and again is None
        assert len(warn) == 1 and "locked" in warn[0], warn
        # no hang: the wait ends at the lock timeout (1.5 s); the bound is 10 times that
        assert elapsed < 10 * cache_mod.DEFAULT_TIMEOUT, f"waited {elapsed:.1f} s"
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    # once the lock is gone a new cache works again (nothing was damaged)
    if mode != "rollback":
        with ResultCache(db) as cache:
            assert cache.get("k") == brief()
            assert cache.put("k3", brief(3), source="s", headline=None) is not None


def test_unwritable_location(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    warn = Warnings()
    cache = ResultCache(blocker / "results.sqlite3", warn)
    assert cache.get("k") is None
    assert cache.put("k", brief(), source="s", headline=None) is None
    assert cache.history() == []
    assert len(warn) == 1 and warn[0].startswith("result cache unavailable (")
    assert cache.info().ok is False


def _readonly_probe(path: str, queue) -> None:
    """In a child process: drop root (so permissions apply), then use the cache."""
    try:
        if os.geteuid() == 0:
            os.setgid(65534)
            os.setuid(65534)
        warn = Warnings()
        cache = ResultCache(Path(path), warn)
        got = cache.get("k")
        put = cache.put("k2", brief(2), source="s", headline=None)
        queue.put(("ok", got, put, list(warn)))
    except BaseException as exc:  # reported to the parent
        queue.put(("raised", repr(exc), None, []))


@pytest.mark.parametrize("existing", [False, True], ids=["new-db", "existing-db"])
def test_read_only_directory(existing):
    if not hasattr(os, "fork"):
        pytest.skip("needs fork")
    # /tmp itself, not pytest's 0700 tmp_path: the unprivileged child must be able to reach it
    root = Path(tempfile.mkdtemp(prefix="vnsum-ro-"))
    path = root / "results.sqlite3"
    try:
        if existing:
            with ResultCache(path) as cache:
                cache.put("k", brief(), source="s", headline=None)
            os.chmod(path, 0o444)
        os.chmod(root, 0o555)
        ctx = multiprocessing.get_context("fork")
        queue = ctx.Queue()
        child = ctx.Process(target=_readonly_probe, args=(str(path), queue))
        child.start()
        status, got, put, warnings = queue.get(timeout=30)
        child.join(timeout=30)
        assert status == "ok", got
        assert put is None
        assert got in (None, brief())  # reading may or may not be possible; writing is not
        assert len(warnings) == 1 and warnings[0].startswith("result cache unavailable ("), warnings
    finally:
        os.chmod(root, 0o755)
        for p in root.iterdir():
            p.unlink()
        root.rmdir()


def _writer(path: str, worker: int, count: int, start, queue) -> None:
    warn = Warnings()
    cache = ResultCache(Path(path), warn)
    start.wait(30)
    ids = []
    for i in range(count):
        key = f"w{worker}-{i}"
        ids.append(cache.put(key, brief(i), source=f"w{worker}", headline=f"h{i}"))
        if i % 3 == 0:
            ids.append(cache.record(brief(i), source=f"w{worker}", headline=f"h{i}", key=key))
        assert cache.get(key) == brief(i)
    cache.close()
    queue.put((worker, ids, list(warn)))


def test_two_processes_write_at_once(db):
    count = 150
    ctx = multiprocessing.get_context("spawn")
    start, queue = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(db), w, count, start, queue)) for w in (1, 2)]
    for p in procs:
        p.start()
    start.set()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    all_ids = []
    for _worker, ids, warnings in results:
        assert warnings == [], warnings
        assert None not in ids
        all_ids += ids
    assert len(set(all_ids)) == len(all_ids) == 2 * (count + 50)
    with ResultCache(db) as cache:
        info = cache.info()
        assert (info.entries, info.history_rows) == (2 * count, 2 * (count + 50))
        for w in (1, 2):
            for i in range(count):
                assert cache.get(f"w{w}-{i}") == brief(i)
        assert sorted(e.id for e in cache.history(limit=None)) == sorted(all_ids)


def _first_put(path: str, worker: int, start, queue) -> None:
    warn = Warnings()
    cache = ResultCache(Path(path), warn)
    start.wait(30)
    queue.put((cache.put(f"k{worker}", brief(worker), source="s", headline=None), list(warn)))


def test_many_processes_create_the_database_at_once(tmp_path):
    """Switching a new file to WAL does not wait on the busy handler: opening must retry."""
    ctx = multiprocessing.get_context("fork")
    for round_ in range(8):
        path = tmp_path / f"r{round_}" / "results.sqlite3"
        start, queue = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_first_put, args=(str(path), w, start, queue)) for w in range(4)]
        for p in procs:
            p.start()
        start.set()
        results = [queue.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=30)
        assert all(hid is not None and warnings == [] for hid, warnings in results), results
        with ResultCache(path) as cache:
            assert cache.info().entries == 4


def test_a_forked_child_opens_its_own_connection(db):
    cache = ResultCache(db)
    cache.put("parent", brief(1), source="s", headline=None)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()

    def child() -> None:
        queue.put((cache.get("parent"), cache.put("child", brief(2), source="s", headline=None), cache.error))

    proc = ctx.Process(target=child)
    proc.start()
    got, hid, error = queue.get(timeout=30)
    proc.join(timeout=30)
    assert (got, error) == (brief(1), None) and hid is not None
    assert cache.get("child") == brief(2) and cache.available
    cache.close()
