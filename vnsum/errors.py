"""Every failure a user can act on, with its exit code.

The CLI is the one place that turns these into a line on stderr and an exit
status; the core raises them and never prints.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented process exit codes (README, "Exit codes")."""

    OK = 0
    BAD_INPUT = 1
    USAGE = 2
    MODEL_UNAVAILABLE = 3
    MODEL_FAILED = 4
    INTERNAL = 70
    INTERRUPTED = 130


class VnsumError(Exception):
    """Base class: a one-line message and the exit code that goes with it."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

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
