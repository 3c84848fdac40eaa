"""``vnsum brief`` (also plain ``vnsum FILE``): the main job."""

from __future__ import annotations

import contextlib
from typing import Optional

import typer

from vnsum.cli.choices import Format, resolve_format
from vnsum.cli.common import MAX_BYTES, model_options, services
from vnsum.cli.env import Environment
from vnsum.errors import UsageError
from vnsum.options import Options


@model_options()
def brief_command(
    ctx: typer.Context,
    options: Options,
    files: list[str] = typer.Argument(
        None, help="Article files (.txt or .html); '-' or nothing reads stdin.", show_default=False
    ),
    url: Optional[str] = typer.Option(None, "--url", help="Fetch the article from this web page."),
    fmt: Format = typer.Option(
        "auto", "--format", "-f", help="auto: rich on a terminal, plain otherwise.", envvar="VNSUM_FORMAT"
    ),
    show_source: bool = typer.Option(False, "--show-source", "-s", help="Show the Vietnamese sentence behind each key point."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the brief to FILE (atomically) instead of stdout."),
    max_bytes: Optional[int] = MAX_BYTES,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or timings on stderr."),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Exit 5 when the checks find a number, date, amount or name that does not match (the brief is still written).",
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Make the brief again even if the result cache has it.", envvar="VNSUM_NO_CACHE"
    ),
) -> None:
    """Turn a Vietnamese news article into an English brief: headline, summary, key points.

    Each brief is written as soon as it is done; on a terminal the headline and key points appear
    while the summary is written, and with -f jsonl every event is a line (docs/events.md). A file
    that fails gets its error line and the others go on; the exit code is the first failure's."""
    from vnsum.cli.history import open_cache
    from vnsum.cli.inputs import iter_inputs, size_limit
    from vnsum.cli.output import check_output, open_output
    from vnsum.cli.progress import Progress
    from vnsum.errors import VnsumError
    from vnsum.events import Done, Failed
    from vnsum.pipeline import Pipeline
    from vnsum.render import RenderOptions
    from vnsum.render.stream import BriefStream

    env: Environment = ctx.obj
    limit = size_limit(max_bytes)
    target = check_output(output, [f for f in files or [] if f != "-"]) if output is not None else None
    chosen = resolve_format(fmt.value, target is None and bool(env.stdout_isatty))
    if target is None and not env.stdout_open:
        raise UsageError("standard output is closed; use -o FILE")
    live = target is None and chosen == "rich" and bool(env.stdout_isatty)
    inputs = iter_inputs(env, files or [], url, limit)
    several = len(files or []) > 1
    view = RenderOptions(show_source=show_source, width=env.width)
    progress = Progress(env, enabled=not quiet, spinner=not live)
    cache = None if no_cache else open_cache(env)
    briefs = []
    failures: list[VnsumError] = []
    with contextlib.ExitStack() as stack:
        out = env.stdout if target is None else stack.enter_context(open_output(target, env.pending))
        assert out is not None
        stream = BriefStream(chosen, out, view, several=several, live=live)
        env.before_error += [progress.clear, stream.clear]

        def on_stage(label: str) -> None:
            progress.update(label)
            stream.stage(label)

        pipeline = stack.enter_context(
            Pipeline(options, on_stage=on_stage, on_download=progress.pause, cache=cache, **services(env))
        )
        stack.enter_context(progress)
        for src in inputs:
            if isinstance(src, VnsumError):
                if not several:
                    raise src
                failures.append(src)
                env.error(src.cli_message)
                continue
            for event in pipeline.iter_run([src]):
                if isinstance(event, Failed):
                    if not several:
                        raise event.error
                    stream.clear()
                    failures.append(event.error)
                    env.error(event.error.cli_message)
                    continue
                stream(event)
                if isinstance(event, Done):
                    briefs.append(event.brief)
                    progress.timings(event.brief)
        stream.close()
    if cache is not None:
        cache.close()
    if failures:
        raise typer.Exit(int(failures[0].exit_code))
    flagged = sum(1 for b in briefs for c in b.checks if c.counts)  # a unit conversion is shown, not counted
    if strict and flagged:
        raise typer.Exit(fail_quietly(env, f"vnsum: {flagged} value(s) did not pass the checks (--strict)"))


def fail_quietly(env: Environment, line: str) -> int:
    """``--strict``: the output is written; one line says why the exit code is not 0."""
    from vnsum.errors import ExitCode

    env.err(line)
    return int(ExitCode.CHECKS_FAILED)
