"""What the commands read: files, stdin or a URL, each checked against the size limit."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from vnsum.cli.env import Environment
from vnsum.errors import InputError, UsageError, VnsumError
from vnsum.reading.source import Source, check_max_bytes, max_bytes_from_env


def size_limit(max_bytes: int | None) -> int:
    """``--max-bytes``, else VNSUM_MAX_BYTES, else 5 MB; validated the same way in every command."""
    if max_bytes is None:
        return max_bytes_from_env()
    return check_max_bytes(max_bytes, "--max-bytes")


def read_inputs(env: Environment, files: list[str], url: str | None, max_bytes: int) -> list[Source]:
    from vnsum.reading import source

    if url:
        from vnsum.reading.fetch import fetch_url

        return [fetch_url(url, max_bytes=max_bytes)]
    if not files:
        if env.stdin is None or env.stdin_isatty:
            raise UsageError("no article given. Usage: vnsum [OPTIONS] [FILES]... (a file, '-' for stdin, or pipe text in)")
        files = ["-"]
    out = []
    for name in files:
        if name == "-":
            stream = getattr(env.stdin, "buffer", None) or sys.stdin.buffer
            out.append(source.read_stream(stream, "<stdin>", max_bytes))
        else:
            out.append(source.read_path(name, max_bytes))
    return out


def iter_inputs(env: Environment, files: list[str], url: str | None, max_bytes: int) -> Iterator[Source | VnsumError]:
    """Each input in turn, read when its turn comes: its Source, or the error that file gives
    (an unreadable file among several does not stop the others). Usage errors still raise."""
    if url or not files or files == ["-"]:
        yield from read_inputs(env, files, url, max_bytes)
        return
    for name in files:
        try:
            yield from read_inputs(env, [name], None, max_bytes)
        except InputError as exc:
            yield exc
