"""Plain text: for pipes, files and screen readers; no colour, no markup."""

from __future__ import annotations

from typing import IO

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, check_lines, flagged, header, mark_values, register, source_ref, summary_marks
from vnsum.render.sanitize import sanitize_brief

#: After an item the faithfulness checks flagged.
MARK = " [check]"


def to_plain(brief: Brief, show_source: bool = False) -> str:
    b = sanitize_brief(brief)
    marks = flagged(b)
    out: list[str] = []
    if b.headline_en:
        out += [b.headline_en + (MARK if "headline_en" in marks else ""), ""]
    summary = mark_values(b.summary_en, summary_marks(b), "", MARK)  # each unsupported value where it is
    out += ["Summary:" + (MARK if {"summary_en", "summary_vi"} & set(marks) else ""), summary, "", "Key points:"]
    for i, p in enumerate(b.key_points, 1):
        out.append(f"{i}. {p.text_en}" + (MARK if f"key_points[{i - 1}].text_en" in marks else ""))
        if show_source:
            out.append(f"   vi: {p.text_vi} ({source_ref(p)})")
    if b.checks:
        out += ["", f"Checks ({len(b.checks)} of {b.values_checked} values did not match; marked [check] above):"]
        out += [f"- {line}" for line in check_lines(b)]
    if b.notes or b.warnings:
        out += ["", *[f"Note: {n}" for n in b.notes], *[f"Warning: {w}" for w in b.warnings]]
    return "\n".join(out) + "\n"


@register("plain", "plain text (the default when not on a terminal)")
def write_plain(briefs: list[Brief], file: IO[str], options: RenderOptions) -> None:
    for n, brief in enumerate(briefs):
        if n:
            file.write("\n")
        if len(briefs) > 1:
            file.write(sanitize_brief(header(brief)) + "\n\n")
        file.write(to_plain(brief, options.show_source))
