"""Rich: the terminal format. Every string goes in as ``Text``, never as markup, so "[bold]" prints literally."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, source_ref
from vnsum.render.layout import Part, layout
from vnsum.render.sanitize import sanitize_brief

MARK = " ⚠"


def console(file: IO[str], width: int | None = None) -> Any:
    from rich.console import Console

    return Console(file=file, width=width, highlight=False, emoji=False, markup=False)


def brief_panel(
    brief: Brief, show_source: bool = False, pending: frozenset[Part] = frozenset(), marks: frozenset[str] | None = None
) -> Any:
    """The brief as one Rich panel; ``pending`` sections show a placeholder (the live display)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    b = sanitize_brief(brief)

    def mark(text: Text, on: bool) -> Text:
        if on:
            text.append(MARK, style="bold yellow")
        return text

    body: list[Any] = []
    for s in layout(b, pending, marks):
        if s.part is Part.HEADLINE:
            # In the panel, not its title: a title is cut to one line, a headline must be read whole.
            body += [mark(Text(s.items[0].text, style="bold"), s.items[0].flagged), Text("")]
        elif s.part is Part.SUMMARY:
            body.append(mark(Text("Summary", style="bold cyan"), s.flagged))
            summary = Text(s.items[0].text)
            for value in s.items[0].values:  # each unsupported value where it is
                summary.highlight_words([value], style="bold yellow reverse")
            body += [Text("writing…", style="dim italic") if s.pending else summary, Text("")]
        elif s.part is Part.KEY_POINTS:
            body.append(Text("Key points", style="bold cyan"))
            for i, item in enumerate(s.items, 1):
                line = Text(f"{i}. ", style="bold")
                line.append(item.text)
                body.append(mark(line, item.flagged))
                if show_source and item.point is not None:
                    src = Text("   ", style="dim")
                    src.append(item.point.text_vi, style="dim italic")
                    src.append(f"  ({source_ref(item.point)})", style="dim")
                    body.append(src)
            if s.pending:
                body.append(Text("…", style="dim"))
        elif s.part is Part.CHECKS:
            body += [Text(""), Text(f"Checks: {s.counts[0]} of {s.counts[1]} values did not match (⚠)", style="bold yellow")]
            body += [Text(f"• {item.text}", style="yellow") for item in s.items]
        elif s.part is Part.NOTES:
            body += [Text(f"Note: {n.text}", style="dim") for n in s.items]
            body += [Text(f"Warning: {w}", style="yellow") for w in s.warnings]
    return Panel(Group(*body), title=Text(b.source, style="dim"), title_align="left")


def print_rich(brief: Brief, file: IO[str], show_source: bool = False, width: int | None = None) -> None:
    console(file, width).print(brief_panel(brief, show_source))


def write_rich(briefs: Sequence[Brief], file: IO[str], options: RenderOptions) -> None:
    for n, brief in enumerate(briefs):
        write_rich_one(brief, file, options, n, len(briefs) > 1)


def write_rich_one(brief: Brief, file: IO[str], options: RenderOptions, n: int, several: bool) -> None:
    if n:
        file.write("\n")
    print_rich(brief, file, options.show_source, options.width)
