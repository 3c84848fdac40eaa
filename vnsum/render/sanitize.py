"""Article text, file names, model output and database rows are data, never markup or terminal control.

The one sanitizer of every rendered string, in every command and format: :func:`sanitize`
removes ANSI/OSC/DCS sequences, control and bidi-override characters and replaces lone
surrogates (an undecodable file name); :func:`console` is the one Rich console, with markup,
emoji and highlighting off, so ``[/]`` or ``[blink]`` in a string prints as written;
:func:`write_table` and :func:`write_rows` draw every table and tab-separated listing
(history, eval, check, models) with each cell sanitised.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import IO, Any, TypeVar

T = TypeVar("T")

_ESCAPES = re.compile(
    r"(?:\x1b|\x9b|\x9d|\x90|\x9e|\x9f)"  # ESC, or a C1 introducer (CSI, OSC, DCS, PM, APC)
    r"(?:\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL/ST (hyperlinks, titles)
    r"|[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS/PM/APC/SOS strings
    r"|[ -/]*[0-~])?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


_SURROGATES = re.compile(r"[\ud800-\udfff]")


def sanitize(text: object) -> str:
    """``str(text)`` without terminal escape sequences and control/bidi characters (newlines and
    tabs kept); a lone surrogate (from an undecodable file name) becomes U+FFFD."""
    value = text if isinstance(text, str) else str(text)
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _ESCAPES.sub("", value)))


def one_line(text: object) -> str:
    """:func:`sanitize`, with every run of whitespace (newlines, tabs) made one space."""
    return " ".join(sanitize(text).split())


def console(file: IO[str], *, width: int | None = None, force_terminal: bool | None = None) -> Any:
    """The Rich console of every command: markup, emoji and highlighting off."""
    from rich.console import Console

    return Console(file=file, width=width, force_terminal=force_terminal, markup=False, highlight=False, emoji=False)


def write_table(
    file: IO[str],
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    width: int | None = None,
    title: str | None = None,
    force_terminal: bool | None = None,
    box: bool = True,
) -> None:
    """A Rich table with every cell (and the title) sanitised and shown literally."""
    from rich.box import HEAVY_HEAD as HEAVY
    from rich.table import Column, Table
    from rich.text import Text

    columns = [Column(Text(one_line(h)), overflow="fold") for h in header]  # folded, never cut: ids and sources are copied
    table = Table(*columns, title=Text(one_line(title)) if title else None, title_justify="left", box=None if not box else HEAVY)
    for row in rows:
        table.add_row(*[Text(sanitize(cell)) for cell in row])
    console(file, width=width, force_terminal=force_terminal).print(table)


def write_rows(file: IO[str], rows: Sequence[Sequence[object]]) -> None:
    """Tab-separated lines, every cell sanitised and on one line (a tab or newline inside a cell is a space)."""
    for row in rows:
        file.write("\t".join(one_line(cell) for cell in row) + "\n")


def sanitize_brief(brief: T) -> T:
    """A copy of a Brief (or any dataclass tree) with every string sanitised."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return sanitize(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, tuple):
            return tuple(clean(v) for v in value)
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{f.name: clean(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return value

    return clean(brief)
