"""The CLI's choices, each taken from the one list the library keeps."""

from __future__ import annotations

from enum import Enum

from vnsum.engines.registry import ENGINE_CHOICES
from vnsum.recipes import LENGTHS
from vnsum.render.base import FORMATS

Format = Enum("Format", {name: name for name in ("auto", *FORMATS)}, type=str)  # type: ignore[misc]
Length = Enum("Length", {name: name for name in LENGTHS}, type=str)  # type: ignore[misc]
EngineName = Enum("EngineName", {name: name for name in ENGINE_CHOICES}, type=str)  # type: ignore[misc]
Device = Enum("Device", {name: name for name in ("auto", "cpu", "cuda")}, type=str)  # type: ignore[misc]
#: What CTranslate2 can be asked for; whether this machine runs it is checked when the model loads.
ComputeType = Enum(  # type: ignore[misc]
    "ComputeType", {name: name for name in ("auto", "int8", "int8_float32", "int16", "float32", "float16", "bfloat16")}, type=str
)


def resolve_format(fmt: str, to_terminal: bool) -> str:
    """``auto``: the terminal format on a terminal, plain otherwise."""
    if fmt != "auto":
        return fmt
    return "rich" if to_terminal else "plain"
