"""Article text and model output are data, never markup or terminal control.

Every string is cleaned of ANSI/OSC/DCS sequences, control and bidi-override
characters before any format writes it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

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


def sanitize(text: str) -> str:
    """Remove terminal escape sequences and control/bidi characters; keep newlines and tabs."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


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
