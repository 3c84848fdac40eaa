"""The process's streams and whether each is a terminal, in one object tests can swap (httpie's idea)."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from typing import IO, Any


def _isatty(stream: Any) -> bool:
    """A closed or missing stream (``>&-``) is not a terminal, and asking must not fail."""
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class ReaderGone(Exception):
    """stdout's reader went away (``vnsum ... | head``). Not an OSError, so Click does not turn it into exit 1."""


class _PipeGuard:
    """stdout as it is, except that a broken pipe raises ``ReaderGone``."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            raise ReaderGone from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@dataclass
class Environment:
    """Where the CLI reads and writes. ``Environment()`` is the real process."""

    stdin: IO[str] | None = field(default_factory=lambda: sys.stdin)
    stdout: IO[str] | None = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] | None = field(default_factory=lambda: sys.stderr)
    stdin_isatty: bool | None = None
    stdout_isatty: bool | None = None
    stderr_isatty: bool | None = None
    #: Columns for rich output (None: ask the terminal).
    width: int | None = None
    #: Collaborators the commands hand to the library's Pipeline (None: the real ones);
    #: tests pass scripted engines here instead of patching modules.
    engine_factory: Any = None
    resolver: Any = None

    def __post_init__(self) -> None:
        if self.stdin_isatty is None:
            self.stdin_isatty = _isatty(self.stdin)
        if self.stdout_isatty is None:
            self.stdout_isatty = _isatty(self.stdout)
        if self.stderr_isatty is None:
            self.stderr_isatty = _isatty(self.stderr)
        if self.stdout is not None and not isinstance(self.stdout, _PipeGuard):
            self.stdout = _PipeGuard(self.stdout)  # type: ignore[assignment]

    @property
    def stdout_open(self) -> bool:
        """False for ``>&-``: no stream, a closed one, or a descriptor that is not open."""
        out = self.stdout
        if out is None or getattr(out, "closed", False):
            return False
        try:
            fd = out.fileno()
        except (AttributeError, ValueError, io.UnsupportedOperation):
            return True  # an in-memory stream (tests)
        try:
            os.fstat(fd)
        except OSError:
            return False
        return True

    def err(self, line: str) -> None:
        """One line on stderr, sanitised (a file name or URL in a message is data, never a terminal
        control); a closed stderr is not an error worth dying of."""
        if self.stderr is None:
            return
        from vnsum.reading.urls import redact_text
        from vnsum.render.sanitize import sanitize

        try:
            self.stderr.write(redact_text(sanitize(line.rstrip("\n"))) + "\n")
            self.stderr.flush()
        except (OSError, ValueError):
            pass
