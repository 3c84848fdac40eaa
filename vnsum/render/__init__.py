"""The render stage: a Brief as rich, plain, markdown or JSON (the ``FORMATS`` registry).

A new format is a module here with a function decorated by ``register``, imported below.
"""

from __future__ import annotations

from typing import IO

from vnsum.brief import Brief
from vnsum.render import jsonout, markdown, plain, terminal
from vnsum.render.base import FORMATS, OutputFormat, RenderOptions, register
from vnsum.render.sanitize import sanitize, sanitize_brief

__all__ = ["FORMATS", "OutputFormat", "RenderOptions", "register", "render", "sanitize", "sanitize_brief"]
_FORMAT_MODULES = (jsonout, markdown, plain, terminal)


def render(briefs: list[Brief], fmt: str, file: IO[str], options: RenderOptions | None = None) -> None:
    """Write ``briefs`` to ``file`` in the registered format ``fmt``."""
    FORMATS[fmt].write(briefs, file, options or RenderOptions())
