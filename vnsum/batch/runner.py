"""Run the work items of ``vnsum batch`` through one loaded Pipeline, recording each in the journal.

Articles go through the same Pipeline (models loaded once) in groups of ``group`` (default 8):
each group's summaries are one ``generate`` call and its translations another
(``Pipeline.run_many``), which keeps both cores busy. If a model call of a group fails, the
group's articles are run one by one, so the error lands on the article that caused it.

Every :class:`~vnsum.errors.VnsumError` raised for one article (unreadable file, not
Vietnamese, a URL that cannot be fetched, a model that fails on this input) becomes an
error line and the batch goes on; anything else (a bug, an OS error writing the journal,
Ctrl-C) propagates, and the journal stays valid for a rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vnsum.batch.inputs import BadItem, Item
from vnsum.batch.journal import Journal, Outcome, error_record, ok_record, outcome
from vnsum.errors import VnsumError
from vnsum.reading.source import DEFAULT_MAX_BYTES, Source

if TYPE_CHECKING:
    from vnsum.pipeline import Pipeline

__all__ = ["BatchCounts", "read_item", "run_batch", "summarise_group"]


@dataclass
class BatchCounts:
    """What one run did: articles summarised, failed (recorded as errors), skipped (done before)."""

    done: int = 0
    failed: int = 0
    skipped: int = 0

    def write(
        self,
        journal: Journal,
        item: Item | BadItem,
        record: dict[str, Any],
        on_result: Callable[[Item | BadItem, dict[str, Any]], None] | None,
    ) -> None:
        """Journal one record, count it, tell ``on_result`` (the local and the Ray path alike)."""
        journal.write(record)
        if outcome(record) is Outcome.ERROR:
            self.failed += 1
        else:
            self.done += 1
        if on_result is not None:
            on_result(item, record)


def read_item(item: Item, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The Source of one work item: its file read, its URL fetched, or its JSONL text."""
    if item.kind == "text":
        text = item.load_text()
        if item.title:
            text = f"{item.title}\n{text}"
        return Source(name=item.source, text=text, encoding="utf-8", title=item.title)
    if item.kind == "url":
        from vnsum.reading.fetch import fetch_url

        assert item.url is not None
        return fetch_url(item.url, max_bytes=max_bytes)
    from vnsum.reading.source import read_path

    assert item.path is not None
    return read_path(item.path, max_bytes)


def _code(exc: VnsumError) -> str:
    return exc.exit_code.name.lower()


def run_batch(
    items: Iterable[Item | BadItem],
    pipeline: Pipeline,
    journal: Journal,
    on_result: Callable[[Item | BadItem, dict[str, Any]], None] | None = None,
    *,
    skip: set[str] | frozenset[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    group: int = 8,
) -> BatchCounts:
    """Summarise every item whose id is not in ``skip`` (default: the ids the journal already
    has) and write one journal line for each; ``on_result(item, record)`` is called after each
    line is written. Returns the counts of this run."""
    done = journal.done_ids() if skip is None else skip
    counts = BatchCounts()
    pending: list[tuple[Item, Source]] = []

    def write(item: Item | BadItem, record: dict[str, Any]) -> None:
        counts.write(journal, item, record, on_result)

    def flush() -> None:
        if not pending:
            return
        for (item, _), record in zip(pending, summarise_group(pipeline, pending)):
            write(item, record)
        pending.clear()

    for item in items:
        if item.id in done:
            counts.skipped += 1
            continue
        if isinstance(item, BadItem):
            write(item, error_record(item.id, item.source, item.code, item.message))
            continue
        try:
            source = read_item(item, max_bytes)
        except VnsumError as exc:
            write(item, error_record(item.id, item.source, _code(exc), exc.cli_message))
            continue
        pending.append((item, source))
        if len(pending) >= max(1, group):
            flush()
    flush()
    return counts


def summarise_group(pipeline: Pipeline, group: list[tuple[Item, Source]]) -> list[dict[str, Any]]:
    """Journal records for a group of articles summarised together (the local and the Ray path share it)."""
    try:
        results: list[Any] = pipeline.run_many([source for _, source in group])
    except VnsumError:  # a model call failed: find the article that made it fail
        results = [_one(pipeline, source) for _, source in group]
    out = []
    for (item, _), result in zip(group, results):
        if isinstance(result, VnsumError):
            out.append(error_record(item.id, item.source, _code(result), result.cli_message))
        else:
            out.append(ok_record(item.id, item.source, result.to_dict()))
    return out


def _one(pipeline: Pipeline, source: Source) -> Any:
    try:
        return pipeline.run(source)
    except VnsumError as exc:
        return exc
