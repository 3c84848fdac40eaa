"""The one JSON reader: every JSON that comes from outside (a JSONL input line, a batch output
or journal line, a ``check``/``eval`` record, a cache or history row) is read with :func:`loads`.

``json.loads`` alone lets hostile text through in ways that stop a whole run: 100,000 nested
``[`` raise ``RecursionError``, a 5,000-digit integer raises a ``ValueError`` with a long message,
``NaN``/``Infinity``/``1e999`` become floats that no JSON writer accepts back, and a structure
900 levels deep loads but breaks whatever walks it later. :func:`loads` turns each of these into
:class:`JSONError` (a ``ValueError`` with a one-line reason), so a caller makes that one line an
error record and goes on.

A JSONL file is read with :func:`lines`: a line longer than the caller's limit is skipped in
chunks (never held whole) and comes back as a :class:`Line` without data, that line's error.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "JSONError", "Line", "lines", "loads", "loads_object", "read_line"]

#: Deeper than this is refused (a brief is 4 levels deep; a record of anything vnsum reads, < 10).
MAX_DEPTH = 64
#: Digits of an integer literal (Python's own limit is 4300, with a long message).
MAX_DIGITS = 100


class JSONError(ValueError):
    """Text that is not JSON vnsum will use; ``str()`` is one short line. ``limit`` is true when
    the text is well-formed JSON that goes past a limit (depth, digits, NaN), false for a syntax error."""

    def __init__(self, message: str, *, limit: bool = True) -> None:
        super().__init__(message)
        self.limit = limit


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JSONError(f"a number with more than {MAX_DIGITS} digits")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > 2 * MAX_DIGITS:
        raise JSONError(f"a number longer than {2 * MAX_DIGITS} characters")
    value = float(text)
    if not math.isfinite(value):
        raise JSONError(f"a number out of range ({text[:20]})")
    return value


def _parse_constant(name: str) -> Any:
    raise JSONError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)


def _too_deep(value: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def loads(data: str | bytes | bytearray, *, max_depth: int = MAX_DEPTH) -> Any:
    """``data`` as a JSON value. Raises :class:`JSONError` (never ``RecursionError``) when it is
    not JSON, nests deeper than ``max_depth``, or holds NaN, Infinity or an absurd number. A lone
    surrogate escape is kept: the journal and cache write undecodable file names that way; an
    article's text and title are made whole where they become a ``Source``."""
    try:
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    except UnicodeDecodeError as exc:
        raise JSONError(f"not UTF-8 (byte {exc.start})", limit=False) from None
    text = text.removeprefix("\ufeff")
    try:
        value = _DECODER.decode(text)
    except JSONError:
        raise
    except RecursionError:
        raise JSONError(f"nested deeper than {max_depth} levels") from None
    except ValueError as exc:  # json.JSONDecodeError, and int()'s own digit limit
        raise JSONError(_first_line(exc), limit=False) from None
    if _too_deep(value, max_depth):
        raise JSONError(f"nested deeper than {max_depth} levels")
    return value


def loads_object(data: str | bytes | bytearray, *, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """:func:`loads` for text that must be a JSON object; anything else is :class:`JSONError`."""
    value = loads(data, max_depth=max_depth)
    if not isinstance(value, dict):
        raise JSONError(f"not a JSON object (a {_kind(value)})")
    return value


def _kind(value: Any) -> str:
    return {list: "list", str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else exc.__class__.__name__)[:160]


#: Bytes read at a time while skipping past a line that is too long.
_SKIP_CHUNK = 1 << 20


@dataclass(frozen=True)
class Line:
    """One line of a file: its number (from 1), byte offset, size, and its bytes (newline kept),
    or ``data=None`` when it is longer than the limit it was read with."""

    number: int
    offset: int
    size: int
    data: bytes | None

    @property
    def too_long(self) -> bool:
        return self.data is None


def read_line(f: IO[bytes], max_bytes: int) -> tuple[bytes | None, int]:
    """The next line of ``f`` and its size; ``None`` for the data of a line longer than
    ``max_bytes`` (its newline aside), which is read past in chunks, never held whole."""
    raw = f.readline(max_bytes + 1)
    if len(raw) <= max_bytes or raw.endswith(b"\n"):
        return raw, len(raw)
    size = len(raw)
    del raw
    while True:
        chunk = f.readline(_SKIP_CHUNK)
        size += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return None, size


def lines(f: IO[bytes], max_bytes: int) -> Iterator[Line]:
    """The lines of a binary file, each at most ``max_bytes`` long or marked too long."""
    offset, number = 0, 0
    while True:
        data, size = read_line(f, max_bytes)
        if size == 0:
            return
        number += 1
        yield Line(number, offset, size, data)
        offset += size
