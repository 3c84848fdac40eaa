"""Render a Brief as rich, plain, markdown or JSON.

Article text and model output are data, never markup: every string is
sanitised (no ANSI/OSC sequences, control or bidi-override characters) and
Rich renders it as ``Text``, so "[bold]" prints literally.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import IO, Any

from vnsum.brief import Brief

FORMATS = ("rich", "plain", "markdown", "json")

_ESCAPES = re.compile(
    r"(?:\x1b|\x9b|\x9d|\x90|\x9e|\x9f)"  # ESC, or a C1 introducer (CSI, OSC, DCS, PM, APC)
    r"(?:\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL/ST (hyperlinks, titles)
    r"|[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS/PM/APC/SOS strings
    r"|[ -/]*[0-~])?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def sanitize(text: str) -> str:
    """Remove terminal escape sequences and control/bidi characters; keep newlines and tabs."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def sanitize_brief(brief: Brief) -> Brief:
    """A copy of the Brief with every string sanitised (recursively)."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return sanitize(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{f.name: clean(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return value

    return clean(brief)


def _source_ref(p: Any) -> str:
    return f"paragraph {p.paragraph}, sentence {p.sentence}, line {p.line}"


def to_json(briefs: list[Brief]) -> str:
    data = [sanitize_brief(b).to_dict() for b in briefs]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"


def to_plain(brief: Brief, show_source: bool = False) -> str:
    b = sanitize_brief(brief)
    out: list[str] = []
    if b.headline_en:
        out += [b.headline_en, ""]
    out += ["Summary:", b.summary_en, "", "Key points:"]
    for i, p in enumerate(b.key_points, 1):
        out.append(f"{i}. {p.text_en}")
        if show_source:
            out.append(f"   vi: {p.text_vi} ({_source_ref(p)})")
    notes = b.notes + b.warnings
    if notes:
        out += ["", *[f"Note: {n}" for n in notes]]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def to_markdown(brief: Brief, show_source: bool = False) -> str:
    b = sanitize_brief(brief)
    out: list[str] = []
    if b.headline_en:
        out += [f"# {_md(b.headline_en)}", ""]
    out += ["## Summary", "", _md(b.summary_en), "", "## Key points", ""]
    for i, p in enumerate(b.key_points, 1):
        out.append(f"{i}. {_md(p.text_en)}")
        if show_source:
            out.append(f"   > {_md(p.text_vi)} *({_source_ref(p)})*")
    notes = b.notes + b.warnings
    if notes:
        out += ["", *[f"*Note: {_md(n)}*" for n in notes]]
    return "\n".join(out) + "\n"


def print_rich(brief: Brief, file: IO[str], show_source: bool = False, width: int | None = None) -> None:
    """Pretty terminal output; every string goes in as Text, never as markup."""
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.text import Text

    b = sanitize_brief(brief)
    console = Console(file=file, width=width, highlight=False, emoji=False, markup=False)
    body: list[Any] = [Text("Summary", style="bold cyan"), Text(b.summary_en), Text(""), Text("Key points", style="bold cyan")]
    for i, p in enumerate(b.key_points, 1):
        line = Text(f"{i}. ", style="bold")
        line.append(p.text_en)
        body.append(line)
        if show_source:
            src = Text("   ", style="dim")
            src.append(p.text_vi, style="dim italic")
            src.append(f"  ({_source_ref(p)})", style="dim")
            body.append(src)
    for n in b.notes:
        body.append(Text(f"note: {n}", style="dim"))
    for w in b.warnings:
        body.append(Text(f"warning: {w}", style="yellow"))
    title = Text(b.headline_en or b.source, style="bold")
    console.print(
        Panel(Group(*body), title=title, title_align="left", subtitle=Text(b.source, style="dim"), subtitle_align="right")
    )


def render(briefs: list[Brief], fmt: str, file: IO[str], show_source: bool = False) -> None:
    """Write ``briefs`` to ``file`` in format ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        file.write(to_json(briefs))
        return
    for n, brief in enumerate(briefs):
        if n:
            file.write("\n")
        if fmt == "rich":
            print_rich(brief, file, show_source)
        elif fmt == "markdown":
            file.write(to_markdown(brief, show_source))
        else:
            file.write(to_plain(brief, show_source))
