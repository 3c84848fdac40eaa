"""``vnsum brief`` (also plain ``vnsum FILE``): the main job."""

from __future__ import annotations

from typing import Optional

import typer

from vnsum.cli.choices import ComputeType, Device, EngineName, Format, Length, resolve_format
from vnsum.cli.common import (
    COMPUTE_TYPE,
    DEVICE,
    ENGINE,
    FORCE,
    GLOSSARY,
    LENGTH,
    MAX_BYTES,
    OFFLINE,
    POINTS,
    RECIPE,
    SUMMARIZER,
    THREADS,
    TRANSLATOR,
    build_options,
    services,
)
from vnsum.cli.env import Environment
from vnsum.errors import UsageError


def brief_command(
    ctx: typer.Context,
    files: list[str] = typer.Argument(
        None, help="Article files (.txt or .html); '-' or nothing reads stdin.", show_default=False
    ),
    url: Optional[str] = typer.Option(None, "--url", help="Fetch the article from this web page."),
    fmt: Format = typer.Option(
        "auto", "--format", "-f", help="auto: rich on a terminal, plain otherwise.", envvar="VNSUM_FORMAT"
    ),
    points: int = POINTS,
    show_source: bool = typer.Option(False, "--show-source", "-s", help="Show the Vietnamese sentence behind each key point."),
    recipe: str = RECIPE,
    summarizer: Optional[str] = SUMMARIZER,
    translator: Optional[str] = TRANSLATOR,
    length: Length = LENGTH,
    offline: bool = OFFLINE,
    engine: EngineName = ENGINE,
    compute_type: ComputeType = COMPUTE_TYPE,
    device: Device = DEVICE,
    threads: int = THREADS,
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the brief to FILE (atomically) instead of stdout."),
    force: bool = FORCE,
    glossary: Optional[str] = GLOSSARY,
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
    """Turn a Vietnamese news article into an English brief: headline, summary, key points."""
    from vnsum.cli.history import open_cache
    from vnsum.cli.inputs import read_inputs, size_limit
    from vnsum.cli.output import check_output, open_output
    from vnsum.cli.progress import Progress
    from vnsum.cli.run import on_error_line
    from vnsum.pipeline import Pipeline
    from vnsum.render import RenderOptions, render

    env: Environment = ctx.obj
    limit = size_limit(max_bytes)
    options = build_options(
        points=points,
        recipe=recipe,
        summarizer=summarizer,
        translator=translator,
        length=length,
        offline=offline,
        engine=engine,
        compute_type=compute_type,
        device=device,
        threads=threads,
        force=force,
        glossary=glossary,
        quiet=quiet,
    )
    target = check_output(output, [f for f in files or [] if f != "-"]) if output is not None else None
    chosen = resolve_format(fmt.value, target is None and bool(env.stdout_isatty))
    if target is None and not env.stdout_open:
        raise UsageError("standard output is closed; use -o FILE")
    progress = Progress(env, enabled=not quiet)
    on_error_line(progress.clear)
    sources = read_inputs(env, files or [], url, limit)
    briefs = []
    cache = None if no_cache else open_cache(env)
    with (
        Pipeline(options, on_stage=progress.update, on_download=progress.pause, cache=cache, **services(env)) as pipeline,
        progress,
    ):
        for src in sources:
            briefs.append(pipeline.run(src))
            progress.timings(briefs[-1])
    view = RenderOptions(show_source=show_source, width=env.width)
    if target is None:
        assert env.stdout is not None
        render(briefs, chosen, env.stdout, view)
    else:
        with open_output(target) as fh:
            render(briefs, chosen, fh, view)
    if cache is not None:
        cache.close()
    flagged = sum(1 for b in briefs for c in b.checks if c.counts)  # a unit conversion is shown, not counted
    if strict and flagged:
        raise typer.Exit(fail_quietly(env, f"vnsum: {flagged} value(s) did not pass the checks (--strict)"))


def fail_quietly(env: Environment, line: str) -> int:
    """``--strict``: the output is written; one line says why the exit code is not 0."""
    from vnsum.errors import ExitCode

    env.err(line)
    return int(ExitCode.CHECKS_FAILED)
