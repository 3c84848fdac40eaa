"""Markdown: for notes and reports; every character from the article is escaped."""

from __future__ import annotations

import re
from typing import IO

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, check_lines, flagged, mark_values, register, source_ref, summary_marks
from vnsum.render.sanitize import sanitize, sanitize_brief

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")

#: After an item the faithfulness checks flagged.
MARK = " ⚠"


def md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def to_markdown(brief: Brief, show_source: bool = False, level: int = 1) -> str:
    b = sanitize_brief(brief)
    marks = flagged(b)
    h = "#" * level
    out: list[str] = []
    if b.headline_en:
        out += [f"{h} {md(b.headline_en)}" + (MARK if "headline_en" in marks else ""), ""]
    summary_mark = MARK if {"summary_en", "summary_vi"} & set(marks) else ""
    summary = mark_values(md(b.summary_en), [md(v) for v in summary_marks(b)], "**", "**" + MARK)
    out += [f"{h}# Summary{summary_mark}", "", summary, "", f"{h}# Key points", ""]
    for i, p in enumerate(b.key_points, 1):
        out.append(f"{i}. {md(p.text_en)}" + (MARK if f"key_points[{i - 1}].text_en" in marks else ""))
        if show_source:
            out.append(f"   > {md(p.text_vi)} *({source_ref(p)})*")
    if b.checks:
        out += ["", f"{h}# Checks", "", f"{len(b.checks)} of {b.values_checked} values did not match (marked ⚠ above):", ""]
        out += [f"- {md(line)}" for line in check_lines(b)]
    if b.notes or b.warnings:
        out += ["", *[f"*Note: {md(n)}*" for n in b.notes], *[f"**Warning:** {md(w)}" for w in b.warnings]]
    return "\n".join(out) + "\n"


@register("markdown", "Markdown")
def write_markdown(briefs: list[Brief], file: IO[str], options: RenderOptions) -> None:
    several = len(briefs) > 1
    for n, brief in enumerate(briefs):
        if n:
            file.write("\n")
        if several:
            file.write(f"# {md(sanitize(brief.source))}\n\n")
        file.write(to_markdown(brief, options.show_source, level=2 if several else 1))
