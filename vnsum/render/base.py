"""The format registry: one list of output formats, used by the CLI's choices, the renderer and the docs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from vnsum.brief import Brief, CheckProblem, KeyPoint


@dataclass(frozen=True)
class RenderOptions:
    """How to show briefs, whatever the format."""

    #: Show each key point's Vietnamese sentence and where it is in the article.
    show_source: bool = False
    #: Columns for the rich format (None: the terminal's width).
    width: int | None = None


Renderer = Callable[[list[Brief], IO[str], RenderOptions], None]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    description: str
    write: Renderer
    #: Made for a person at a terminal (the CLI's ``auto`` picks it there).
    terminal: bool = False


FORMATS: dict[str, OutputFormat] = {}


def register(name: str, description: str, terminal: bool = False) -> Callable[[Renderer], Renderer]:
    """Add an output format: a function writing briefs to a text stream."""

    def add(write: Renderer) -> Renderer:
        FORMATS[name] = OutputFormat(name, description, write, terminal)
        return write

    return add


def source_ref(p: KeyPoint) -> str:
    return f"paragraph {p.paragraph}, sentence {p.sentence}, line {p.line}"


def header(brief: Brief) -> str:
    """The line that starts each brief when several are written one after another."""
    return f"==> {brief.source} <=="


def flagged(brief: Brief) -> dict[str, int]:
    """Field name -> how many check problems concern it (to mark the item where it appears)."""
    out: dict[str, int] = {}
    for c in brief.checks:
        out[c.field] = out.get(c.field, 0) + 1
    return out


def check_lines(brief: Brief) -> list[str]:
    """The check problems, the same words in every format: one line per Vietnamese sentence they
    concern, which is quoted once, each field's values together (``summary_en: number '5', date
    '1/6' not in the Vietnamese; key_points[1].text_en: name 'Huế' missing from the English``)."""
    groups: dict[str, dict[tuple[str, str], list[str]]] = {}
    for c in brief.checks:
        groups.setdefault(c.text_vi, {}).setdefault((c.field, c.problem), []).append(_check_value(c))
    lines = []
    for text_vi, problems in groups.items():
        found = "; ".join(f"{field_name}: {', '.join(values)} {problem}" for (field_name, problem), values in problems.items())
        lines.append(f"{found} (Vietnamese: {text_vi})" if text_vi else found)
    return lines


def _check_value(c: CheckProblem) -> str:
    what = {"misspelled": "the other side writes", "converted to other units": "from"}.get(c.problem, "expected")
    expected = f" ({what} {c.expected!r})" if c.expected else ""
    shown = f", in the English {c.value_en!r}" if c.value_en else ""
    return f"{c.kind} {c.value!r}{expected}{shown}"


def mark_values(text: str, values: list[str], before: str, after: str) -> str:
    """``text`` with each of ``values`` wrapped where it occurs (whole words; the first
    occurrence of each), so the reader sees which value of the summary is not supported."""
    import re

    for v in dict.fromkeys(x for x in values if x):
        m = re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text)
        if m:
            text = text[: m.start()] + before + m.group(0) + after + text[m.end() :]
    return text


def summary_marks(brief: Brief) -> list[str]:
    """The English of each summary value the article does not support."""
    return [c.value_en for c in brief.checks if c.field == "summary_vi" and c.value_en and c.counts]
