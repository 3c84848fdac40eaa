"""JSON: exactly ``Brief.to_dict()``, one object for one brief, a list for several; and JSON
lines: one event of ``Pipeline.iter_run`` a line (``--format jsonl``, docs/events.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO

from vnsum.brief import Brief
from vnsum.events import Event
from vnsum.render.base import RenderOptions
from vnsum.render.sanitize import sanitize_brief


def to_json(briefs: Sequence[Brief], several: bool | None = None) -> str:
    data = [sanitize_brief(b).to_dict() for b in briefs]
    one = len(data) == 1 if several is None else not several
    return json.dumps(data[0] if one and data else data, ensure_ascii=False, indent=2) + "\n"


def write_json(briefs: Sequence[Brief], file: IO[str], options: RenderOptions) -> None:
    file.write(to_json(briefs))


def event_line(event: Event) -> str:
    """One line of ``--format jsonl``: the event's fields, every string sanitised."""
    return json.dumps(sanitize_brief(event.to_dict()), ensure_ascii=False) + "\n"


def write_events(events: Sequence[Event], file: IO[str], options: RenderOptions) -> None:
    for event in events:
        file.write(event_line(event))
        file.flush()


def write_briefs_jsonl(briefs: Sequence[Brief], file: IO[str], options: RenderOptions) -> None:
    """A brief a line (its ``to_dict()``): what ``jsonl`` means for a finished brief."""
    for brief in briefs:
        file.write(json.dumps(sanitize_brief(brief).to_dict(), ensure_ascii=False) + "\n")
