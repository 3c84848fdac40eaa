"""Plain text: for pipes, files and screen readers; no colour, no markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from vnsum.brief import Brief
from vnsum.render.base import RenderOptions, header, mark_values, source_ref
from vnsum.render.layout import Part, layout
from vnsum.render.sanitize import sanitize_brief

#: After an item the faithfulness checks flagged.
MARK = " [check]"


def to_plain(brief: Brief, show_source: bool = False) -> str:
    b = sanitize_brief(brief)
    out: list[str] = []
    for s in layout(b):
        if s.part is Part.HEADLINE:
            out += [s.items[0].text + (MARK if s.items[0].flagged else ""), ""]
        elif s.part is Part.SUMMARY:
            summary = mark_values(s.items[0].text, list(s.items[0].values), "", MARK)  # each unsupported value where it is
            out += ["Summary:" + (MARK if s.flagged else ""), summary, ""]
        elif s.part is Part.KEY_POINTS:
            out.append("Key points:")
            for i, item in enumerate(s.items, 1):
                out.append(f"{i}. {item.text}" + (MARK if item.flagged else ""))
                if show_source and item.point is not None:
                    out.append(f"   vi: {item.point.text_vi} ({source_ref(item.point)})")
        elif s.part is Part.CHECKS:
            out += ["", f"Checks ({s.counts[0]} of {s.counts[1]} values did not match; marked [check] above):"]
            out += [f"- {item.text}" for item in s.items]
        elif s.part is Part.NOTES:
            out += ["", *[f"Note: {n.text}" for n in s.items], *[f"Warning: {w}" for w in s.warnings]]
    return "\n".join(out) + "\n"


def write_plain(briefs: Sequence[Brief], file: IO[str], options: RenderOptions) -> None:
    for n, brief in enumerate(briefs):
        write_plain_one(brief, file, options, n, len(briefs) > 1)


def write_plain_one(brief: Brief, file: IO[str], options: RenderOptions, n: int, several: bool) -> None:
    """The ``n``-th of a run's briefs (the CLI writes each as soon as it is done)."""
    if n:
        file.write("\n")
    if several:
        file.write(sanitize_brief(header(brief)) + "\n\n")
    file.write(to_plain(brief, options.show_source))
