"""The CLI's choices, each taken from the one list the library keeps."""

from __future__ import annotations

from enum import Enum

from vnsum.render.base import FORMATS

Format = Enum("Format", {name: name for name in ("auto", *FORMATS)}, type=str)  # type: ignore[misc]


def resolve_format(fmt: str, to_terminal: bool) -> str:
    """``auto``: the terminal format on a terminal, plain otherwise."""
    if fmt != "auto":
        return fmt
    return "rich" if to_terminal else "plain"
