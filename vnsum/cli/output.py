"""``-o FILE``: checked before any model loads, written completely or not at all, never destroying what is there.

- a new path or a regular file (also behind a symlink, whose target is replaced): a temporary
  file in the same directory, renamed over it once complete; an existing file keeps its mode,
  a new one gets the user's umask;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe): written as a stream, never replaced;
- a directory, a socket or anything else, or one of this run's input files: refused (exit 2).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from vnsum.errors import UsageError


@dataclass(frozen=True)
class OutputTarget:
    given: str
    path: Path
    #: Write in place as a stream (devices, FIFOs) instead of replacing atomically.
    stream: bool
    #: Mode for the new file.
    mode: int


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _why(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def check_output(given: str | os.PathLike[str], inputs: Sequence[str] = ()) -> OutputTarget:
    """Decide how to write ``given``, or refuse it (UsageError) before any work starts."""
    name = str(given)
    if not name:
        raise UsageError("--output: empty path")
    raw = Path(name).expanduser()
    try:
        target = Path(os.path.realpath(raw))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write {name}: {exc}") from None
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {_why(exc)}") from None
    if st is not None:
        for inp in inputs:
            try:
                ist = os.stat(inp)
            except OSError:
                continue
            if stat.S_ISREG(ist.st_mode) and (ist.st_dev, ist.st_ino) == (st.st_dev, st.st_ino):
                raise UsageError(f"refusing to write {name}: it is the input {inp}")
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(f"cannot write {name}: is a directory")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            if not os.access(target, os.W_OK):
                raise UsageError(f"cannot write {name}: permission denied")
            return OutputTarget(name, target, stream=True, mode=0)
        if not stat.S_ISREG(st.st_mode):
            raise UsageError(f"refusing to write {name}: not a regular file, a device or a pipe")
        mode = stat.S_IMODE(st.st_mode)
    else:
        mode = _umask_mode()
    directory = target.parent
    if not directory.is_dir():
        raise UsageError(f"cannot write {name}: no such directory {directory}")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {name}: permission denied in {directory}")
    return OutputTarget(name, target, stream=False, mode=mode)


@contextmanager
def open_output(target: OutputTarget, pending: list[str]) -> Iterator[IO[str]]:
    """A text stream for ``target``; an atomic file is renamed into place only if the block completes.

    The temporary file's name is in ``pending`` (the Environment's) while it exists, for the signal handler."""
    if target.stream:
        try:
            fh = open(target.path, "w", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {target.given}: {_why(exc)}") from None
        with fh:
            yield fh
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=".tmp", dir=target.path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {target.given}: {_why(exc)}") from None
    pending.append(tmp)
    try:
        os.fchmod(fd, target.mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target.path)
    except BaseException:
        remove_quietly(tmp)
        raise
    finally:
        if tmp in pending:
            pending.remove(tmp)


def remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def remove_pending(pending: list[str]) -> None:
    """Signal handlers: delete every temporary output file not yet renamed."""
    for tmp in list(pending):
        remove_quietly(tmp)
