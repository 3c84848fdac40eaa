"""The render stage: results in every format, from one registry keyed by (result type, format).

``RENDERERS`` is written out below, not filled by importing modules: a new result type or a
new format is a function in its module plus its rows here (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import IO, Any

from vnsum.brief import Brief
from vnsum.errors import UsageError
from vnsum.events import Event
from vnsum.render import digest, jsonout, markdown, plain, tables, terminal, views
from vnsum.render.base import FORMATS, OutputFormat, RenderOptions
from vnsum.render.sanitize import sanitize, sanitize_brief
from vnsum.story import ArticleRead, Digest, DigestDone, StoryReady

Renderer = Callable[[Sequence[Any], IO[str], RenderOptions], None]

#: (what is rendered, format) -> how. Lookup follows the type's base classes (every event is an ``Event``).
RENDERERS: dict[tuple[type, str], Renderer] = {
    (Brief, "rich"): terminal.write_rich,
    (Brief, "plain"): plain.write_plain,
    (Brief, "markdown"): markdown.write_markdown,
    (Brief, "json"): jsonout.write_json,
    (Brief, "jsonl"): jsonout.write_briefs_jsonl,
    (Event, "jsonl"): jsonout.write_events,
    **{(views.KeySentences, fmt): views.keypoints_renderer(fmt) for fmt in ("rich", "plain", "markdown", "json")},
    **{(views.ModelList, fmt): views.models_renderer(fmt) for fmt in ("rich", "plain", "markdown", "json")},
    (tables.HistoryList, "json"): tables.history_json,
    (tables.HistoryList, "plain"): tables.history_plain,
    (tables.HistoryList, "rich"): tables.history_rich,
    # vnsum check: JSON lines unless a table is asked for (plain, markdown and jsonl are the same lines)
    (tables.CheckResults, "rich"): tables.checks_rich,
    **{(tables.CheckResults, fmt): tables.checks_json for fmt in ("json", "jsonl", "plain", "markdown")},
    (tables.EvalReport, "json"): tables.eval_json,
    (tables.EvalReport, "plain"): tables.eval_plain,
    (tables.EvalReport, "rich"): tables.eval_rich,
    (tables.ReadingReport, "json"): tables.reading_json,
    (tables.ReadingReport, "plain"): tables.reading_text(markdown=False),
    (tables.ReadingReport, "markdown"): tables.reading_text(markdown=True),
    (tables.ReadingReport, "rich"): tables.reading_rich,
    (Digest, "rich"): digest.write_rich,
    (Digest, "plain"): digest.write_plain,
    (Digest, "markdown"): digest.write_markdown,
    (Digest, "json"): digest.write_json,
    (Digest, "jsonl"): digest.write_jsonl,
    # vnsum digest -f jsonl: its events as they come
    **{(kind, "jsonl"): digest.write_events for kind in (ArticleRead, StoryReady, DigestDone)},
}

__all__ = ["FORMATS", "RENDERERS", "OutputFormat", "RenderOptions", "render", "renderer", "sanitize", "sanitize_brief"]


def renderer(kind: type, fmt: str) -> Renderer:
    """The renderer of ``kind`` in ``fmt``; UsageError (naming the format) when there is none."""
    for base in kind.__mro__:
        if (base, fmt) in RENDERERS:
            return RENDERERS[(base, fmt)]
    what = "briefs" if kind is Brief else kind.__name__
    raise UsageError(f"--format {fmt} is not available for {what}")


def render(items: Sequence[Any], fmt: str, file: IO[str], options: RenderOptions | None = None, kind: type | None = None) -> None:
    """Write ``items`` (all of one type, or ``kind``) to ``file`` in the format ``fmt``."""
    if kind is None:
        kind = type(items[0]) if items else Brief
    renderer(kind, fmt)(items, file, options or RenderOptions())
