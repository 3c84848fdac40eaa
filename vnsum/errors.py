"""Every failure a user can act on, with its exit code.

The CLI is the one place that turns these into a line on stderr and an exit
status; the core raises them and never prints.
"""

from __future__ import annotations

import re
from enum import IntEnum


class ExitCode(IntEnum):
    """Documented process exit codes (README, "Exit codes")."""

    OK = 0
    BAD_INPUT = 1
    USAGE = 2
    MODEL_UNAVAILABLE = 3
    MODEL_FAILED = 4
    #: ``--strict``: the brief was written, but the faithfulness checks found problems.
    CHECKS_FAILED = 5
    INTERNAL = 70
    #: The operating system refused: a full disk, a name too long, an I/O error.
    OS_ERROR = 74
    INTERRUPTED = 130
    TERMINATED = 143


class VnsumError(Exception):
    """Base class: a one-line message and the exit code that goes with it."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, cli: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: The same message in the CLI's words (``--force`` where the library says ``force=True``).
        self.cli_message = cli or message

    def __str__(self) -> str:
        return self.message


class InputError(VnsumError):
    """The article cannot be read or is not something vnsum can summarise."""

    exit_code = ExitCode.BAD_INPUT


class UsageError(VnsumError):
    """An option or recipe is invalid."""

    exit_code = ExitCode.USAGE


class RecipeError(UsageError):
    """A recipe file is missing or malformed; the message names file and field."""


class ModelUnavailable(VnsumError):
    """A model is not on disk and cannot be downloaded (offline, bad id, no network)."""

    exit_code = ExitCode.MODEL_UNAVAILABLE


class ModelFailed(VnsumError):
    """A model loaded but could not run (out of memory, unsupported device)."""

    exit_code = ExitCode.MODEL_FAILED


class StorageError(VnsumError):
    """vnsum's own files cannot be written or read (the result cache on a read-only disk, a
    cache path that is a directory): exit 74, as for any refusal of the operating system."""

    exit_code = ExitCode.OS_ERROR


def human_bytes(n: int) -> str:
    """A size for people: "100 bytes", "5 MB", "1.2 GB"."""
    if n < 1000:
        return f"{n} byte{'s' if n != 1 else ''}"
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 100 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"  # pragma: no cover


_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def one_line(exc: BaseException, limit: int = 140) -> str:
    """A library's exception as one short line for a message: its first line, terminal escapes and
    runs of spaces removed; the class name when it says nothing."""
    text = _ESCAPE.sub("", str(exc)).strip()
    line = re.sub(r"\s+", " ", text.splitlines()[0]) if text else ""
    return line[:limit] or exc.__class__.__name__
