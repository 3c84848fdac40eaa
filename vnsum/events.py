"""What ``Pipeline.iter_run`` yields, one typed event as each part of a brief is final.

A section's event comes only once the checks have chosen its hypothesis, so what is shown
never changes afterwards. Per article: ``Started``, then (in this order) ``Headline`` (when
the article has one), every ``KeyPoint``, ``Summary``, ``Checks``, and ``Done`` with the whole
brief; or ``Failed`` at any point after ``Started``. A cached brief goes from ``Started`` to
``Done``. Events of different articles of one run may interleave; ``index`` says whose.

``to_dict()`` is one line of ``--format jsonl`` (schema: docs/events.schema.json). A new event
is a frozen dataclass here, with its ``kind`` and an entry in ``EVENTS``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from vnsum.brief import Brief, KeyPoint

if TYPE_CHECKING:
    from vnsum.checks.compare import Problem
    from vnsum.errors import VnsumError


@dataclass(frozen=True)
class Event:
    """Something about the ``index``-th source of a run (``source``: its name)."""

    kind: ClassVar[str] = "event"
    index: int
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.kind, **asdict(self)}


@dataclass(frozen=True)
class Started(Event):
    """The source was read and passed the gate (or is about to be served from the cache)."""

    kind: ClassVar[str] = "started"


@dataclass(frozen=True)
class Headline(Event):
    """The headline's translation, checked."""

    kind: ClassVar[str] = "headline"
    text_en: str
    text_vi: str
    #: The checks found a value that does not match (the problems come with ``Checks``).
    flagged: bool


@dataclass(frozen=True)
class KeyPointReady(Event):
    """One key point, translated and checked (``number``: its 0-based place in the brief)."""

    kind: ClassVar[str] = "key_point"
    number: int
    point: KeyPoint
    flagged: bool


@dataclass(frozen=True)
class Summary(Event):
    """The summary, in both languages, its sentences' translations checked."""

    kind: ClassVar[str] = "summary"
    summary_en: str
    summary_vi: str
    flagged: bool


@dataclass(frozen=True)
class Checks(Event):
    """Everything the faithfulness checks found in this brief, and how many values they compared."""

    kind: ClassVar[str] = "checks"
    problems: tuple[Problem, ...]
    checked: int


@dataclass(frozen=True)
class Done(Event):
    """The whole brief (what ``run`` returns)."""

    kind: ClassVar[str] = "done"
    brief: Brief

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.kind, "index": self.index, "source": self.source, "brief": self.brief.to_dict()}


@dataclass(frozen=True)
class Failed(Event):
    """This source gives no brief: its error (the others go on)."""

    kind: ClassVar[str] = "failed"
    error: VnsumError

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.kind,
            "index": self.index,
            "source": self.source,
            "error": self.error.cli_message,
            "exit_code": int(self.error.exit_code),
        }


#: Every event type by its ``kind`` (the jsonl schema lists the same).
EVENTS: dict[str, type[Event]] = {e.kind: e for e in (Started, Headline, KeyPointReady, Summary, Checks, Done, Failed)}
__all__ = [
    "EVENTS",
    "Checks",
    "Done",
    "Event",
    "Failed",
    "Headline",
    "KeyPointReady",
    "Started",
    "Summary",
]
