"""Inputs to reports: the INPUT arguments of ``vnsum batch`` (folders, JSONL, URL lists, feeds)
briefed through one Pipeline in the batch's groups (the result cache applies), and batch
outputs (``{"id", "source", "brief"}`` lines) taken as they are: their briefs are never made
again. ``digest()`` is the library's one call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from vnsum import jsonsafe
from vnsum.brief import Brief
from vnsum.errors import VnsumError, human_bytes
from vnsum.reading.source import DEFAULT_MAX_BYTES, Source
from vnsum.stories.build import Settings, digest_events
from vnsum.stories.reports import from_article, from_brief
from vnsum.story import ArticleRead, Digest, DigestDone, Event, Failure, Report
from vnsum.text import parse_article

if TYPE_CHECKING:
    from vnsum.batch.inputs import BadItem, Item
    from vnsum.pipeline import Pipeline

#: Articles briefed together (one model call for their summaries, one for their translations).
GROUP = 8

Article = Union[str, Source, Brief, Report, Mapping[str, Any]]


def is_batch_output(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """Whether ``path`` is a ``vnsum batch`` output: its first record has an id and a brief or an error."""
    p = Path(path)
    if p.suffix.lower() not in (".jsonl", ".ndjson") or not p.is_file():
        return False
    try:
        with open(p, "rb") as f:
            for line in jsonsafe.lines(f, max_bytes):
                if line.data is None:
                    return False
                if line.data.strip():
                    rec = jsonsafe.loads(line.data)
                    return isinstance(rec, dict) and "id" in rec and ("brief" in rec or "error" in rec)
    except (OSError, ValueError):
        return False
    return False


def batch_output(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Report | Failure]:
    """The reports of a batch output, and a Failure for each error line or unreadable line
    (a line longer than ``max_bytes`` included: it is read past, never held whole)."""
    with open(path, "rb") as f:
        for line in jsonsafe.lines(f, max_bytes):
            where = f"{path}:{line.number}"
            if line.data is None:
                yield Failure(where, where, "bad_input", f"the line is larger than the {human_bytes(max_bytes)} limit")
                continue
            if not line.data.strip():
                continue
            try:
                rec = jsonsafe.loads(line.data)
            except ValueError as exc:
                yield Failure(where, where, "bad_input", f"not valid JSON ({exc})")
                continue
            if not isinstance(rec, dict):
                yield Failure(where, where, "bad_input", "not a JSON object")
                continue
            ident, source = str(rec.get("id", where)), str(rec.get("source", where))
            if isinstance(rec.get("brief"), dict):
                try:
                    brief = Brief.from_dict(rec["brief"])
                except (TypeError, ValueError) as exc:
                    yield Failure(ident, source, "bad_input", f"not a brief ({exc})")
                    continue
                yield from_brief(ident, source, brief)
            else:
                err: dict[str, Any] = rec["error"] if isinstance(rec.get("error"), dict) else {}
                yield Failure(ident, source, str(err.get("code", "bad_input")), str(err.get("message", "no brief")))


def _record_meta(item: Item) -> dict[str, str]:
    """The ``url``, ``date`` and ``outlet`` of a JSONL text record (``vnsum batch`` keeps only its text)."""
    if item.path is None or item.line_offset is None:
        return {}
    try:
        with open(item.path, "rb") as f:
            f.seek(item.line_offset)
            raw, _ = jsonsafe.read_line(f, item.line_size)
            rec = jsonsafe.loads(raw) if raw is not None else None
    except (OSError, ValueError):
        return {}
    if not isinstance(rec, dict):
        return {}
    return {k: v.strip() for k in ("url", "date", "outlet") if isinstance(v := rec.get(k), str) and v.strip()}


def _item_report(item: Item, source: Source, brief: Brief | None) -> Report:
    article = parse_article(source.text)
    meta = _record_meta(item) if item.kind == "text" else {}
    url = item.url or meta.get("url") or (source.name if source.name.startswith(("http://", "https://")) else None)
    return from_article(
        item.id, item.source, article, url=url, date=meta.get("date"), brief=brief, outlet_name=meta.get("outlet")
    )


def from_inputs(
    inputs: Iterable[str],
    pipeline: Pipeline | None,
    *,
    fetch_feed: Callable[[str], bytes] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    group: int = GROUP,
    on_event: Callable[[Event], None] | None = None,
    output: str | None = None,
) -> tuple[list[Report], list[Failure]]:
    """Reports of every article the INPUT arguments name. Batch outputs are read as they are;
    the other inputs are expanded as ``vnsum batch`` does and briefed by ``pipeline`` in groups
    (``pipeline=None``: no model, key points from the extractive selector). ``output``: the
    digest's own file, never read as an article when a folder holds it (nor its temporary files)."""
    from vnsum.batch.inputs import BadItem, collect
    from vnsum.batch.runner import read_item, summarise_group

    reports: list[Report] = []
    failures: list[Failure] = []
    done_outputs = [a for a in inputs if is_batch_output(a, max_bytes)]
    rest = [a for a in inputs if a not in done_outputs]
    items: list[Item | BadItem] = collect(rest, fetch_feed=fetch_feed, max_bytes=max_bytes, output=output) if rest else []
    known: list[Report | Failure] = [r for path in done_outputs for r in batch_output(path, max_bytes)]
    total = len(known) + len(items)
    done = 0

    def tell(ident: str, source: str, ok: bool) -> None:
        nonlocal done
        done += 1
        if on_event is not None:
            on_event(ArticleRead(ident, source, ok, done, total))

    for r in known:
        (reports if isinstance(r, Report) else failures).append(r)  # type: ignore[arg-type]
        tell(r.id, r.source, isinstance(r, Report))
    pending: list[tuple[Item, Source]] = []

    def flush() -> None:
        if not pending:
            return
        records: list[Any] = summarise_group(pipeline, pending) if pipeline is not None else [None] * len(pending)
        for (item, source), record in zip(pending, records):
            if record is not None and "error" in record:
                failures.append(Failure(item.id, item.source, record["error"]["code"], record["error"]["message"]))
                tell(item.id, item.source, False)
                continue
            brief = Brief.from_dict(record["brief"]) if record is not None else None
            reports.append(_item_report(item, source, brief))
            tell(item.id, item.source, True)
        pending.clear()

    for item in items:
        if isinstance(item, BadItem):
            failures.append(Failure(item.id, item.source, item.code, item.message))
            tell(item.id, item.source, False)
            continue
        try:
            source = read_item(item, max_bytes)
        except VnsumError as exc:
            failures.append(Failure(item.id, item.source, exc.exit_code.name.lower(), exc.cli_message))
            tell(item.id, item.source, False)
            continue
        pending.append((item, source))
        if len(pending) >= max(1, group):
            flush()
    flush()
    return reports, failures


def _as_source(n: int, a: Article) -> tuple[str, Source, Mapping[str, Any]]:
    if isinstance(a, str):
        return f"{n + 1}", Source(name=f"<article {n + 1}>", text=a, encoding="utf-8"), {}
    if isinstance(a, Source):
        return a.name, a, {}
    if isinstance(a, Mapping):
        text = a.get("text")
        if not isinstance(text, str):
            raise TypeError(f"article {n + 1}: a mapping needs a 'text' string")
        title = a.get("title") if isinstance(a.get("title"), str) else None
        ident = str(a.get("id", n + 1))
        name = str(a.get("url") or a.get("source") or ident)
        return ident, Source(name=name, text=f"{title}\n{text}" if title else text, encoding="utf-8", title=title), a
    raise TypeError(f"article {n + 1}: expected text, a Source, a Brief, a Report or a mapping, got {type(a).__name__}")


def digest_stream(
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    settings: Settings | None = None,
    group: int = GROUP,
) -> Iterator[Event]:
    """The library's events: :class:`ArticleRead` per article, :class:`StoryReady` per story,
    then :class:`DigestDone`."""
    import time

    from vnsum.stories.urls import outlet

    items = list(articles)
    reports: list[Report] = []
    failures: list[Failure] = []
    timings: dict[str, float] = {}
    start = time.perf_counter()
    pending: list[tuple[str, Source, Mapping[str, Any]]] = []
    done = 0
    events: list[Event] = []

    def flush() -> None:
        nonlocal done
        results: list[Any] = [None] * len(pending)
        if pipeline is not None and pending:
            results = pipeline.run_many([s for _, s, _ in pending])
        for (ident, source, meta), result in zip(pending, results):
            done += 1
            if isinstance(result, VnsumError):
                failures.append(Failure(ident, source.name, result.exit_code.name.lower(), str(result)))
                events.append(ArticleRead(ident, source.name, False, done, len(items)))
                continue
            url = (
                meta.get("url") if isinstance(meta.get("url"), str) else (source.name if source.name.startswith("http") else None)
            )
            date = meta.get("date") if isinstance(meta.get("date"), str) else None
            name = meta.get("outlet") if isinstance(meta.get("outlet"), str) else outlet(source.name, url)
            reports.append(
                from_article(ident, source.name, parse_article(source.text), url=url, date=date, brief=result, outlet_name=name)
            )
            events.append(ArticleRead(ident, source.name, True, done, len(items)))
        pending.clear()

    for n, a in enumerate(items):
        if isinstance(a, Report):
            reports.append(a)
            done += 1
            events.append(ArticleRead(a.id, a.source, True, done, len(items)))
        elif isinstance(a, Brief):
            reports.append(from_brief(str(n + 1), a.source, a))
            done += 1
            events.append(ArticleRead(str(n + 1), a.source, True, done, len(items)))
        else:
            pending.append(_as_source(n, a))
            if len(pending) >= max(1, group):
                flush()
        yield from events
        events.clear()
    flush()
    yield from events
    timings["brief"] = time.perf_counter() - start
    yield from digest_events(reports, settings or Settings(), failures, timings)


def digest(
    articles: Iterable[Article],
    *,
    pipeline: Pipeline | None = None,
    models: bool = True,
    points: int = 5,
    disagreements: bool = True,
    on_event: Callable[[Event], None] | None = None,
    **options: Any,
) -> Digest:
    """The digest of ``articles``: texts, Sources, Briefs (e.g. ``Brief.from_dict`` of batch
    output lines), Reports or mappings ``{"text", "title"?, "url"?, "date"?, "id"?, "outlet"?}``.

    Articles are briefed by ``pipeline`` (or a Pipeline made from ``options``, the fields of
    :class:`vnsum.Options`), several per model call; ``models=False`` makes no brief (key
    points from the extractive selector, no headline or summary in English).
    """
    settings = Settings(points=points, disagreements=disagreements)
    own = None
    if pipeline is None and models:
        from vnsum.pipeline import Options, Pipeline

        own = pipeline = Pipeline(Options(**options))
    try:
        for event in digest_stream(articles, pipeline=pipeline, settings=settings):
            if on_event is not None:
                on_event(event)
            if isinstance(event, DigestDone):
                return event.digest
    finally:
        if own is not None:
            own.close()
    raise AssertionError("digest_stream ended without DigestDone")
