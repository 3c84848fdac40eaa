"""The render stage's vocabulary: the output formats (one list, used by the CLI's choices and
the docs), how to show things, and the field addresses shared by every format.

What is rendered in which format is ``vnsum.render.RENDERERS``, keyed by (result type, format).
"""

from __future__ import annotations

from dataclasses import dataclass

from vnsum.brief import Brief, KeyPoint


@dataclass(frozen=True)
class RenderOptions:
    """How to show results, whatever the format."""

    #: Show each key point's Vietnamese sentence and where it is in the article.
    show_source: bool = False
    #: Columns for the rich format (None: the terminal's width).
    width: int | None = None


@dataclass(frozen=True)
class OutputFormat:
    name: str
    description: str
    #: Made for a person at a terminal (the CLI's ``auto`` picks it there).
    terminal: bool = False


#: Every output format, in the order ``--format`` lists them.
FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("json", "JSON, for scripts (Brief.to_dict())"),
        OutputFormat("jsonl", "one JSON event a line as each part is ready (docs/events.md)"),
        OutputFormat("markdown", "Markdown"),
        OutputFormat("plain", "plain text (the default when not on a terminal)"),
        OutputFormat("rich", "panels for the terminal (the default there)", terminal=True),
    )
}


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
    """One line per check problem, the same words in every format."""
    return [f"{c.field}: {c.kind} {c.value!r} {c.problem} (Vietnamese: {c.text_vi})" for c in brief.checks]
