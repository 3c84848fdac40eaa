"""Markdown: for notes and reports; every character from the article is escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, mark_values, source_ref
from vnsum.render.layout import Part, layout
from vnsum.render.sanitize import sanitize, sanitize_brief

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")

#: After an item the faithfulness checks flagged.
MARK = " ⚠"


def md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def to_markdown(brief: Brief, show_source: bool = False, level: int = 1) -> str:
    b = sanitize_brief(brief)
    h = "#" * level
    out: list[str] = []
    for s in layout(b):
        if s.part is Part.HEADLINE:
            out += [f"{h} {md(s.items[0].text)}" + (MARK if s.items[0].flagged else ""), ""]
        elif s.part is Part.SUMMARY:
            summary = mark_values(md(s.items[0].text), [md(v) for v in s.items[0].values], "**", "**" + MARK)
            out += [f"{h}# Summary{MARK if s.flagged else ''}", "", summary, ""]
        elif s.part is Part.KEY_POINTS:
            out += [f"{h}# Key points", ""]
            for i, item in enumerate(s.items, 1):
                out.append(f"{i}. {md(item.text)}" + (MARK if item.flagged else ""))
                if show_source and item.point is not None:
                    out.append(f"   > {md(item.point.text_vi)} *({source_ref(item.point)})*")
        elif s.part is Part.CHECKS:
            out += ["", f"{h}# Checks", "", f"{s.counts[0]} of {s.counts[1]} values did not match (marked ⚠ above):", ""]
            out += [f"- {md(item.text)}" for item in s.items]
        elif s.part is Part.NOTES:
            out += ["", *[f"*Note: {md(n.text)}*" for n in s.items], *[f"**Warning:** {md(w)}" for w in s.warnings]]
    return "\n".join(out) + "\n"


def write_markdown(briefs: Sequence[Brief], file: IO[str], options: RenderOptions) -> None:
    for n, brief in enumerate(briefs):
        write_markdown_one(brief, file, options, n, len(briefs) > 1)


def write_markdown_one(brief: Brief, file: IO[str], options: RenderOptions, n: int, several: bool) -> None:
    """The ``n``-th of a run's briefs (the CLI writes each as soon as it is done)."""
    if n:
        file.write("\n")
    if several:
        file.write(f"# {md(sanitize(brief.source))}\n\n")
    file.write(to_markdown(brief, options.show_source, level=2 if several else 1))
