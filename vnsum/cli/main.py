"""Run the app: one line on stderr and a documented exit code for every failure; signals; a closed pipe.

Exit codes are ``vnsum.errors.ExitCode`` (README, "Exit codes").
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
from typing import Any

import typer

from vnsum.cli.env import Environment, ReaderGone
from vnsum.cli.output import remove_pending
from vnsum.errors import ExitCode, VnsumError


def fail(message: str, code: int, env: Environment | None = None) -> int:
    """One line on stderr (after ``env.before_error`` has cleared any live display); returns the exit code."""
    (env or Environment()).error(message)
    return int(code)


def _on_signal(env: Environment, signum: int, frame: object) -> None:
    """Ctrl-C or SIGTERM: remove temporary output files, one line, exit at once (130 / 143).

    Not a KeyboardInterrupt: raised inside torch's import or a native model call it can
    abort the process (SIGABRT) instead of unwinding. Model caches are written atomically
    under locks that end with the process, so nothing else needs unwinding.
    """
    remove_pending(env.pending)
    code = ExitCode.INTERRUPTED if signum == signal.SIGINT else ExitCode.TERMINATED
    fail("interrupted" if signum == signal.SIGINT else "terminated", code, env)
    exit_now(code)


def exit_now(code: int) -> None:
    """Exit without waiting for a model call in a worker thread, and without interpreter teardown,
    which can meet a half-imported torch and die of the same signal instead of exiting with the code."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(int(code))


def main(argv: list[str] | None = None, env: Environment | None = None) -> None:
    """Console entry point: run the app, turning every failure into one line and an exit code."""
    from vnsum.cli.app import app

    env = env or Environment()
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, functools.partial(_on_signal, env))
    try:
        code = _run(app, argv, env)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    _flush_stdout(env)
    raise SystemExit(code)


def _flush_stdout(env: Environment) -> None:
    """A reader that went away (``| head``) is no error: quiet exit, as cat and grep do."""
    try:
        if env.stdout is not None:
            env.stdout.flush()
    except (BrokenPipeError, ReaderGone):
        _silence_stdout()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """After EPIPE: point stdout at /dev/null so the interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run(app: typer.Typer, argv: list[str] | None, env: Environment) -> int:
    try:
        code = app(args=argv, prog_name="vnsum", standalone_mode=False, obj=env)
        if code == ExitCode.INTERRUPTED:  # Click turns Ctrl-C into this return value, silently
            return fail("interrupted", ExitCode.INTERRUPTED, env)
        return int(code) if isinstance(code, int) else 0
    except VnsumError as exc:
        return fail(exc.cli_message, exc.exit_code, env)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        return fail("interrupted", ExitCode.INTERRUPTED, env)
    except typer.TyperException as exc:  # Typer's own Click: usage errors
        if exc.__class__.__name__ == "NoArgsIsHelpError":  # `vnsum models`: the group's help
            ctx = getattr(exc, "ctx", None)
            if ctx is not None and env.stdout is not None:
                env.stdout.write(ctx.get_help() + "\n")
                return ExitCode.OK
        if isinstance(exc.__context__, BrokenPipeError) or "Broken pipe" in exc.format_message():
            _silence_stdout()
            return ExitCode.OK
        msg = exc.format_message().strip().splitlines()
        return fail(f"{msg[0] if msg else 'usage error'} (see vnsum --help)", ExitCode.USAGE, env)
    except (BrokenPipeError, ReaderGone):
        _silence_stdout()
        return ExitCode.OK
    except MemoryError:
        return fail("out of memory", ExitCode.MODEL_FAILED, env)
    except OSError as exc:  # the OS refused something vnsum did: full disk, a name too long, a lost device
        where = f" ({exc.filename})" if exc.filename else ""
        return fail(f"{exc.strerror or exc.__class__.__name__}{where}", ExitCode.OS_ERROR, env)
    except Exception as exc:  # a bug: still one line, with a way to see the traceback
        if os.environ.get("VNSUM_DEBUG"):
            raise
        text = str(exc).strip().splitlines()
        what = f"{exc.__class__.__name__}: {text[0][:200]}" if text else exc.__class__.__name__
        return fail(f"internal error: {what} (set VNSUM_DEBUG=1 for details)", ExitCode.INTERNAL, env)
