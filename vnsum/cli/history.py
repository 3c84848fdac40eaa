"""``vnsum history [show ID]`` and ``vnsum cache info|clear``: the result cache's SQLite file.

A damaged or locked database is never an error here: one warning line, and the commands
show what they can (an empty history, ``ok: false`` in ``cache info``).
"""

from __future__ import annotations

import json
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer

from vnsum.cli.choices import Format, resolve_format
from vnsum.cli.env import Environment
from vnsum.errors import ExitCode, InputError, UsageError, human_bytes
from vnsum.render.sanitize import sanitize, write_rows, write_table

if TYPE_CHECKING:
    from vnsum.brief import Brief
    from vnsum.cache import ResultCache


class ListFormat(str, Enum):
    auto = "auto"
    plain = "plain"
    rich = "rich"
    json = "json"


class InfoFormat(str, Enum):
    plain = "plain"
    json = "json"


history_app = typer.Typer(
    help="Past briefs (kept in the result cache's database).",
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
cache_app = typer.Typer(
    help="The result cache: 'info' or 'clear'.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def open_cache(env: Environment) -> ResultCache:
    """The result cache at its default path; trouble is one warning line on stderr."""
    from vnsum.cache import ResultCache, default_path

    return ResultCache(default_path(), warn=lambda message: env.err(f"vnsum: warning: {message}"))


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """A stored ``Brief.to_dict()`` back as a Brief."""
    from vnsum.brief import Brief

    try:
        return Brief.from_dict(data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"the stored brief cannot be read ({exc}); 'vnsum cache clear' removes it") from None


def _stdout(env: Environment) -> Any:
    if not env.stdout_open or env.stdout is None:
        raise UsageError("standard output is closed")
    return env.stdout


@history_app.callback(invoke_without_command=True)
def history_command(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", help="How many entries, newest first (0: all)."),
    fmt: ListFormat = typer.Option("auto", "--format", "-f", help="auto: a table on a terminal, plain lines otherwise."),
) -> None:
    """List past briefs: id, time (UTC), source and English headline. 'vnsum history show ID' prints one."""
    if ctx.invoked_subcommand is not None:
        return
    env: Environment = ctx.obj
    if limit < 0:
        raise UsageError(f"--limit must be 0 or more, got {limit}")
    out = _stdout(env)
    with open_cache(env) as cache:
        entries = cache.history(None if limit == 0 else limit)
    chosen = fmt.value if fmt.value != "auto" else ("rich" if env.stdout_isatty else "plain")
    if chosen == "json":
        out.write(sanitize(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2)) + "\n")
        return
    rows = [[e.id, e.time, e.source, (e.headline_en or "") + (" (cached)" if e.cached else "")] for e in entries]
    if chosen == "plain":
        write_rows(out, rows)
    elif entries:
        write_table(out, ["id", "time", "source", "headline"], rows, width=env.width, force_terminal=True, box=False)
    else:
        out.write("no briefs yet\n")


@history_app.command("show")
def history_show(
    ctx: typer.Context,
    entry: int = typer.Argument(..., help="The id from 'vnsum history'."),
    fmt: Format = typer.Option("auto", "--format", "-f", help="auto: rich on a terminal, plain otherwise."),
    show_source: bool = typer.Option(False, "--show-source", "-s", help="Show the Vietnamese sentence behind each key point."),
) -> None:
    """Print a past brief again, in any format."""
    from vnsum.render import RenderOptions, render

    env: Environment = ctx.obj
    out = _stdout(env)
    from vnsum.cache import DamagedEntry

    with open_cache(env) as cache:
        try:
            data = cache.show(entry)
        except DamagedEntry as exc:
            raise InputError(f"{exc}; 'vnsum cache clear' removes it") from None
    if data is None:
        raise UsageError(f"no history entry {entry} (see 'vnsum history')")
    brief = brief_from_dict(data)
    render(
        [brief], resolve_format(fmt.value, bool(env.stdout_isatty)), out, RenderOptions(show_source=show_source, width=env.width)
    )


@cache_app.command("info")
def cache_info(
    ctx: typer.Context,
    fmt: InfoFormat = typer.Option("plain", "--format", "-f", help="plain lines, or json."),
) -> None:
    """Where the result cache is, its size and how many briefs it holds."""
    env: Environment = ctx.obj
    out = _stdout(env)
    with open_cache(env) as cache:
        info = cache.info()
    if fmt.value == "json":
        out.write(json.dumps(info.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(f"path: {sanitize(info.path)}\n")
        out.write(f"size: {human_bytes(info.size_bytes)}\n")
        if info.ok:
            out.write(f"cached briefs: {info.entries}\n")
            out.write(f"history entries: {info.history_rows}\n")
    if not info.ok:
        advice = (
            "'vnsum cache clear' replaces the damaged file"
            if info.damaged
            else "check the path, its permissions and free space, or set VNSUM_CACHE_DIR to a writable directory"
        )
        env.err(f"vnsum: the result cache is unavailable: {sanitize(info.error or '')} ({advice})")
        raise typer.Exit(int(ExitCode.OS_ERROR))


@cache_app.command("clear")
def cache_clear(
    ctx: typer.Context,
    keep_history: bool = typer.Option(False, "--keep-history", help="Remove cached briefs but keep the history."),
) -> None:
    """Remove every cached brief (and the history, unless --keep-history)."""
    env: Environment = ctx.obj
    out = _stdout(env)
    with open_cache(env) as cache:
        removed = cache.clear(history=not keep_history)
    what = "" if keep_history else " and the history"
    out.write(f"removed {removed} cached brief{'s' if removed != 1 else ''}{what}\n")
