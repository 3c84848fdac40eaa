"""One layout of a brief, shared by the rich, plain and markdown formats: its sections in
order, each item with its field address (the one the checks use) and whether it is flagged.

A format only decides how a section looks; which sections there are, in which order, which
items are marked and the words of the check lines are decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from vnsum.brief import Brief, KeyPoint, key_point_field
from vnsum.render.base import check_lines, flagged, summary_marks


class Part(Enum):
    HEADLINE = "headline"
    SUMMARY = "summary"
    KEY_POINTS = "key_points"
    CHECKS = "checks"
    NOTES = "notes"


#: The fields whose problems mark each section's title (the summary: both languages).
SUMMARY_FIELDS = ("summary_en", "summary_vi")


@dataclass(frozen=True)
class Item:
    text: str
    #: Where the checks address it: ``headline_en``, ``summary_en``, ``key_points[2].text_en``.
    field: str
    flagged: bool = False
    #: A key point's provenance.
    point: KeyPoint | None = None
    #: Values inside ``text`` to mark where they are (the summary's unsupported values, in English).
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    part: Part
    items: tuple[Item, ...]
    #: A mark on the section's title (the summary's).
    flagged: bool = False
    #: Not ready yet (a live display shows a placeholder).
    pending: bool = False
    #: The checks: how many problems of how many values compared.
    counts: tuple[int, int] = (0, 0)
    #: The notes section: warnings after the notes.
    warnings: tuple[str, ...] = ()


def layout(brief: Brief, pending: frozenset[Part] = frozenset(), marks: frozenset[str] | None = None) -> list[Section]:
    """The sections of ``brief`` (already sanitised), in reading order; empty ones left out.

    ``pending``: sections not ready yet; ``marks``: the flagged fields when the problems are not in
    the brief yet (a live display, from the events)."""
    marks = frozenset(flagged(brief)) if marks is None else marks
    out: list[Section] = []
    if brief.headline_en:
        out.append(Section(Part.HEADLINE, (Item(brief.headline_en, "headline_en", "headline_en" in marks),)))
    out.append(
        Section(
            Part.SUMMARY,
            (Item(brief.summary_en, "summary_en", values=tuple(summary_marks(brief))),),
            flagged=bool(set(SUMMARY_FIELDS) & set(marks)),
            pending=Part.SUMMARY in pending,
        )
    )
    points = tuple(Item(p.text_en, key_point_field(i), key_point_field(i) in marks, p) for i, p in enumerate(brief.key_points))
    out.append(Section(Part.KEY_POINTS, points, pending=Part.KEY_POINTS in pending))
    if brief.checks:
        lines = tuple(Item(line, "checks") for line in check_lines(brief))
        out.append(Section(Part.CHECKS, lines, counts=(len(brief.checks), brief.values_checked)))
    if brief.notes or brief.warnings:
        out.append(Section(Part.NOTES, tuple(Item(n, "notes") for n in brief.notes), warnings=tuple(brief.warnings)))
    return out
