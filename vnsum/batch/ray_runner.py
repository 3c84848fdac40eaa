"""``vnsum batch --ray``: the same batch on a Ray cluster, with Ray Data.

The driver (the ``vnsum batch`` process) keeps everything that makes the output safe: it
lists the inputs, skips what the journal already has, and writes every result with the
same :class:`~vnsum.batch.journal.Journal` as the local path, so the output format, the
resume rule and ``--retry-failed`` are identical. Only the summarising moves to the
cluster:

* each pending article becomes one plain row, ``{"id", "source", "url", "article"}``:
  files and JSONL texts are read here, on the driver (the cluster need not see its
  files), and travel as the read :class:`~vnsum.reading.source.Source` in JSON
  (``article``); URL items travel as their URL and the actor fetches them, with the
  ``--url`` limits;
* ``map_batches`` runs the rows through a pool of ``--ray-actors`` actors
  (:class:`BriefActor`), each holding one :class:`~vnsum.pipeline.Pipeline` built
  with the same Options as the local path, so the models load once per actor;
* an actor answers each row with ``{"id", "source", "brief": <JSON text>, "error": ""}``
  or ``{"id", "source", "brief": "", "error": <JSON of {"code", "message"}>}``; the
  driver iterates the results as they come and journals each one.

An input entry that cannot be an article (a :class:`~vnsum.batch.inputs.BadItem`) or a
file that cannot be read is journalled by the driver at once, as the local path does.
Results are written in the order they finish, not in input order (ids are what the
journal keys on). Anything other than a :class:`~vnsum.errors.VnsumError` in an actor
fails the Ray job and propagates; the journal stays valid, and a rerun resumes.

Ray is an optional extra (``pip install "vnsum[ray]"``), imported only here and only
when ``--ray`` is given.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from vnsum import jsonsafe
from vnsum.batch.inputs import BadItem, Item
from vnsum.batch.journal import Journal, error_record, ok_record
from vnsum.batch.runner import BatchCounts, read_item
from vnsum.errors import UsageError, VnsumError, one_line
from vnsum.reading.source import DEFAULT_MAX_BYTES, Source

if TYPE_CHECKING:
    from vnsum.pipeline import Options

__all__ = ["RAY_MISSING", "BriefActor", "connect", "require_ray", "run_ray"]

RAY_MISSING = '--ray needs Ray, which is not installed: pip install "vnsum[ray]"'
#: Rows per ``map_batches`` call, run through the Pipeline together: the local path's group
#: (``run_batch(group=8)``), so the same articles share the model calls.
BATCH_SIZE = 8
_COLUMNS = ("id", "source", "brief", "error")


def require_ray() -> Any:
    """The ``ray`` module with Ray Data, or UsageError (one line) when it is not installed."""
    try:
        import ray
        import ray.data  # Ray Data is the part we need
    except ImportError:
        raise UsageError(RAY_MISSING) from None
    return ray


#: Seconds ``--ray-address`` waits for the TCP connection to the cluster (README, "Ray").
RAY_CONNECT_TIMEOUT_S = 10.0


def probe(address: str, timeout: float = RAY_CONNECT_TIMEOUT_S) -> None:
    """A TCP connection to ``address`` (``ray://HOST:PORT``, ``HOST:PORT``; ``auto`` is not
    probed) before Ray is even imported: Ray itself retries an address where nothing listens for
    minutes, without reacting to Ctrl-C. Raises UsageError in one line."""
    import socket

    if address.strip().lower() in ("auto", "local"):
        return
    client = address.startswith("ray://")
    rest = address.removeprefix("ray://").rstrip("/")
    host, colon, port_text = rest.rpartition(":")
    if not colon or host.endswith(":"):  # no port given, or a bare IPv6 address
        host, port_text = rest, "10001" if client else "6379"
    host = host.strip("[]")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"--ray-address {address!r}: expected ray://HOST:PORT, HOST:PORT or auto")
    deadline = time.monotonic() + timeout
    try:
        conn = socket.create_connection((host, int(port_text)), timeout=timeout)
    except OSError as exc:
        why = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or exc.__class__.__name__)
        raise UsageError(
            f"--ray-address {address}: nothing answers there ({why}, {timeout:.0f} s limit); "
            "start Ray there ('ray start --head') or check the address"
        ) from None
    with conn:
        problem = _grpc_problem(conn, deadline)
    if problem:
        raise UsageError(
            f"--ray-address {address}: something listens there but it is not Ray ({problem}, {timeout:.0f} s limit); "
            "check the address and port ('ray status' on the cluster shows them)"
        )


#: An HTTP/2 client's connection preface and an empty SETTINGS frame (RFC 9113, 3.4 and 6.5).
_H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"


def _grpc_problem(conn: Any, deadline: float) -> str | None:
    """Why the peer is not a gRPC server (Ray's GCS and Ray Client both are), or None.

    A gRPC server answers the HTTP/2 preface with its own SETTINGS frame at once; a server of
    anything else answers otherwise, closes, or says nothing. Without this, ``ray.init`` waits on
    such a peer for minutes and only notices Ctrl-C after half a minute; here every wait is a
    socket wait with a deadline, which Ctrl-C interrupts at once."""
    head = b""
    try:
        conn.sendall(_H2_PREFACE)
        while len(head) < 9:
            left = deadline - time.monotonic()
            if left <= 0:
                return "it says nothing"
            conn.settimeout(left)
            chunk = conn.recv(9 - len(head))
            if not chunk:
                return "it closed the connection"
            head += chunk
    except TimeoutError:
        return "it says nothing"
    except OSError as exc:
        return exc.strerror or exc.__class__.__name__
    if head[3] != 0x04 or head[4] & 0x01:  # the first frame of a server is SETTINGS, not an ACK
        return "it does not speak gRPC"
    return None


@contextlib.contextmanager
def connect(address: str | None, num_cpus: int | None = None) -> Iterator[Any]:
    """Ray, ready: the running Ray of this process if there is one (left running), else a
    local Ray started with ``num_cpus`` CPUs (``address`` None) or the cluster at
    ``address`` (``ray://HOST:10001``, ``HOST:6379`` or ``auto``), shut down on exit."""
    if address:
        probe(address)
    ray = require_ray()
    if ray.is_initialized():
        yield ray
        return
    try:  # in this thread: Ray ties the processes it starts to the thread that started them
        if address:
            ray.init(address=address, logging_level="ERROR")
        else:
            ray.init(address="local", num_cpus=num_cpus, include_dashboard=False, logging_level="ERROR")
    except (ConnectionError, RuntimeError, ValueError, TimeoutError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise UsageError(f"--ray: cannot start or reach {where}: {one_line(exc)}") from None
    try:
        yield ray
    finally:
        ray.shutdown()


# --------------------------------------------------------------------------- actor


def _code(exc: VnsumError) -> str:
    return exc.exit_code.name.lower()


class BriefActor:
    """One Ray actor's work: a Pipeline (models loaded on first use, then kept) that turns
    rows into results. A callable class, as ``map_batches`` wants for an actor pool."""

    def __init__(self, options: Options, services: dict[str, Any] | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        from vnsum.pipeline import Pipeline

        self.pipeline = Pipeline(options, **(services or {}))
        self.max_bytes = max_bytes

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        """The results of one batch of rows: the articles that could be read go through the
        Pipeline together, as one group of the local path does (:func:`run_batch`)."""
        from vnsum.batch.runner import summarise_group

        rows = [
            (str(i), str(s), str(u), str(a)) for i, s, u, a in zip(batch["id"], batch["source"], batch["url"], batch["article"])
        ]
        records: dict[str, dict[str, Any]] = {}
        group: list[tuple[Item, Source]] = []
        for ident, source, url, article in rows:
            try:
                read = self.read(url, article)
            except VnsumError as exc:
                records[ident] = error_record(ident, source, _code(exc), exc.cli_message)
                continue
            group.append((Item(id=ident, source=source), read))
        if group:
            for (item, _), rec in zip(group, summarise_group(self.pipeline, group)):
                records[item.id] = rec
        out: dict[str, list[str]] = {name: [] for name in _COLUMNS}
        for ident, source, _, _ in rows:
            rec = records[ident]
            brief = json.dumps(rec["brief"], ensure_ascii=False) if "brief" in rec else ""
            error = json.dumps(rec["error"], ensure_ascii=False) if "error" in rec else ""
            for name, value in zip(_COLUMNS, (ident, source, brief, error)):
                out[name].append(value)
        return out

    def read(self, url: str, article: str) -> Source:
        """The Source of one row: its URL fetched (with the ``--url`` limits), or the Source the driver read."""
        if url:
            from vnsum.reading.fetch import fetch_url

            return fetch_url(url, max_bytes=self.max_bytes)
        return Source(**jsonsafe.loads_object(article))


# --------------------------------------------------------------------------- driver


def _row(item: Item, max_bytes: int) -> dict[str, str]:
    """The plain row for one item; reads files and JSONL texts here (may raise VnsumError)."""
    if item.kind == "url":
        assert item.url is not None
        return {"id": item.id, "source": item.source, "url": item.url, "article": ""}
    source = read_item(item, max_bytes)
    return {"id": item.id, "source": item.source, "url": "", "article": json.dumps(dataclasses.asdict(source))}


def _quiet_ray_data(context: Any) -> None:
    """No Ray Data progress bars or INFO lines on stderr: vnsum shows its own progress.
    Ray Data's warnings (e.g. not enough CPUs for the actor pool) still show."""
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled"
    context.enable_progress_bars = False


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """The journal record of one result row."""
    ident, source = str(row["id"]), str(row["source"])
    try:
        if row.get("error"):
            error = jsonsafe.loads_object(row["error"])
            return error_record(ident, source, str(error.get("code", "internal")), str(error.get("message", "")))
        return ok_record(ident, source, jsonsafe.loads_object(row["brief"]))
    except jsonsafe.JSONError as exc:  # that item's error; the other rows go on
        return error_record(ident, source, "internal", f"the worker's result could not be read back ({exc})")


def run_ray(
    items: Sequence[Item | BadItem],
    options: Options,
    journal: Journal,
    on_result: Callable[[Item | BadItem, dict[str, Any]], None] | None = None,
    *,
    address: str | None = None,
    actors: int | None = None,
    services: dict[str, Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cpus_per_actor: float = 1,
    batch_size: int = BATCH_SIZE,
) -> BatchCounts:
    """Summarise ``items`` (the pending ones: the caller has skipped what the journal has)
    on Ray and journal each result; the same contract as :func:`~vnsum.batch.runner.run_batch`.

    ``actors``: the size of the actor pool (default: one per node of the cluster).
    ``cpus_per_actor``: the CPUs each actor reserves (``--threads``, or 1).
    A local Ray (``address`` None) gets the CPUs of this machine, or enough for the pool.
    """
    counts = BatchCounts()
    by_id: dict[str, Item | BadItem] = {}
    rows: list[dict[str, str]] = []

    def record(item: Item | BadItem, rec: dict[str, Any]) -> None:
        counts.write(journal, item, rec, on_result)

    for item in items:
        if item.id in journal:
            counts.skipped += 1
            continue
        if isinstance(item, BadItem):
            record(item, error_record(item.id, item.source, item.code, item.message))
            continue
        try:
            rows.append(_row(item, max_bytes))
        except VnsumError as exc:
            record(item, error_record(item.id, item.source, _code(exc), exc.cli_message))
            continue
        by_id[item.id] = item
    if not rows:
        return counts

    local_cpus = max(os.cpu_count() or 1, int((actors or 1) * cpus_per_actor + 0.999))
    with connect(address, num_cpus=None if address else local_cpus) as ray:
        from ray.data import ActorPoolStrategy, DataContext

        _quiet_ray_data(DataContext.get_current())
        if actors is None:
            actors = max(1, sum(1 for node in ray.nodes() if node.get("Alive")))
        batches = -(-len(rows) // batch_size)
        actors = min(actors, batches)  # an actor with no batch would load its models for nothing
        dataset = ray.data.from_items(rows, override_num_blocks=min(batches, 10_000))
        del rows
        results = dataset.map_batches(
            BriefActor,
            fn_constructor_kwargs={"options": options, "services": services or {}, "max_bytes": max_bytes},
            compute=ActorPoolStrategy(size=actors),
            batch_size=batch_size,
            batch_format="numpy",
            num_cpus=cpus_per_actor,
        )
        for row in results.iter_rows():
            rec = _record(row)
            record(by_id.pop(rec["id"]), rec)
    return counts
