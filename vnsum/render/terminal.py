"""Rich: the terminal format. Every string goes in as ``Text``, never as markup, so "[bold]" prints literally."""

from __future__ import annotations

from typing import IO, Any

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, check_lines, flagged, register, source_ref, summary_marks
from vnsum.render.sanitize import sanitize_brief


def print_rich(brief: Brief, file: IO[str], show_source: bool = False, width: int | None = None) -> None:
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.text import Text

    b = sanitize_brief(brief)
    marks = flagged(b)
    console = Console(file=file, width=width, highlight=False, emoji=False, markup=False)

    def mark(text: Text, field_names: set[str]) -> Text:
        if field_names & set(marks):
            text.append(" ⚠", style="bold yellow")
        return text

    body: list[Any] = []
    if b.headline_en:
        # In the panel, not its title: a title is cut to one line, a headline must be read whole.
        body += [mark(Text(b.headline_en, style="bold"), {"headline_en"}), Text("")]
    summary = Text(b.summary_en)
    for value in summary_marks(b):  # each unsupported value where it is
        summary.highlight_words([value], style="bold yellow reverse")
    body += [mark(Text("Summary", style="bold cyan"), {"summary_en", "summary_vi"}), summary, Text("")]
    body.append(Text("Key points", style="bold cyan"))
    for i, p in enumerate(b.key_points, 1):
        line = Text(f"{i}. ", style="bold")
        line.append(p.text_en)
        body.append(mark(line, {f"key_points[{i - 1}].text_en"}))
        if show_source:
            src = Text("   ", style="dim")
            src.append(p.text_vi, style="dim italic")
            src.append(f"  ({source_ref(p)})", style="dim")
            body.append(src)
    if b.checks:
        body += [Text(""), Text(f"Checks: {len(b.checks)} of {b.values_checked} values did not match (⚠)", style="bold yellow")]
        body += [Text(f"• {line}", style="yellow") for line in check_lines(b)]
    for n in b.notes:
        body.append(Text(f"Note: {n}", style="dim"))
    for w in b.warnings:
        body.append(Text(f"Warning: {w}", style="yellow"))
    console.print(Panel(Group(*body), title=Text(b.source, style="dim"), title_align="left"))


@register("rich", "panels for the terminal (the default there)", terminal=True)
def write_rich(briefs: list[Brief], file: IO[str], options: RenderOptions) -> None:
    for n, brief in enumerate(briefs):
        if n:
            file.write("\n")
        print_rich(brief, file, options.show_source, options.width)
