"""``vnsum brief`` (also plain ``vnsum FILE``): the main job."""

from __future__ import annotations

import os
from typing import Optional

import typer

from vnsum.cli.choices import ComputeType, Device, EngineName, Format, Length, resolve_format
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
    points: int = typer.Option(5, "--points", "-n", help="Number of key points (1-50)."),
    show_source: bool = typer.Option(False, "--show-source", "-s", help="Show the Vietnamese sentence behind each key point."),
    recipe: str = typer.Option(
        "default", "--recipe", "-r", help="Recipe name (default, fast, quality) or a .toml file.", envvar="VNSUM_RECIPE"
    ),
    summarizer: Optional[str] = typer.Option(None, "--summarizer", help="Summarizer model: hub id or local directory."),
    translator: Optional[str] = typer.Option(None, "--translator", help="Translator model: hub id or local directory."),
    length: Length = typer.Option("medium", "--length", "-l", help="Summary length."),
    offline: bool = typer.Option(
        False, "--offline", help="Never use the network (also HF_HUB_OFFLINE=1).", envvar="VNSUM_OFFLINE"
    ),
    engine: EngineName = typer.Option(
        "auto", "--engine", help="auto: CTranslate2 when available, else transformers.", envvar="VNSUM_ENGINE"
    ),
    compute_type: ComputeType = typer.Option(
        "auto", "--compute-type", help="auto: int8 on CPU, float16 on CUDA.", envvar="VNSUM_COMPUTE_TYPE"
    ),
    device: Device = typer.Option("auto", "--device", help="Where models run.", envvar="VNSUM_DEVICE"),
    threads: int = typer.Option(0, "--threads", help="CPU threads (0: physical cores).", envvar="VNSUM_THREADS"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the brief to FILE (atomically) instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Summarise even if the text does not look Vietnamese."),
    max_bytes: Optional[int] = typer.Option(
        None, "--max-bytes", help="Refuse inputs larger than this (default 5 MB, or VNSUM_MAX_BYTES)."
    ),
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
    from vnsum.engines import EngineOptions
    from vnsum.pipeline import Options, Pipeline
    from vnsum.render import RenderOptions, render

    env: Environment = ctx.obj
    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
    if threads < 0:
        raise UsageError(f"--threads must be 0 or more, got {threads}")
    for flag, value in (("--summarizer", summarizer), ("--translator", translator)):
        if value is not None and not value.strip():
            raise UsageError(f"{flag}: empty model id")
    limit = size_limit(max_bytes)
    options = Options(
        points=points,
        recipe=recipe,
        summarizer=summarizer,
        translator=translator,
        length=length.value,
        offline=offline,
        force=force,
        quiet=quiet,
        engine=EngineOptions(name=engine.value, device=device.value, compute_type=compute_type.value, threads=threads),
    )
    target = check_output(output, [f for f in files or [] if f != "-"]) if output is not None else None
    chosen = resolve_format(fmt.value, target is None and bool(env.stdout_isatty))
    if target is None and not env.stdout_open:
        raise UsageError("standard output is closed; use -o FILE")
    progress = Progress(env, enabled=not quiet)
    on_error_line(progress.clear)
    sources = read_inputs(env, files or [], url, limit)
    briefs = []
    services = {k: v for k, v in (("engine_factory", env.engine_factory), ("resolver", env.resolver)) if v is not None}
    cache = None if no_cache else open_cache(env)
    with Pipeline(options, on_stage=progress.update, on_download=progress.pause, cache=cache, **services) as pipeline, progress:
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
    if strict and any(b.checks for b in briefs):
        flagged = sum(len(b.checks) for b in briefs)
        raise typer.Exit(fail_quietly(env, f"vnsum: {flagged} value(s) did not pass the checks (--strict)"))


def fail_quietly(env: Environment, line: str) -> int:
    """``--strict``: the output is written; one line says why the exit code is not 0."""
    from vnsum.errors import ExitCode

    env.err(line)
    return int(ExitCode.CHECKS_FAILED)
