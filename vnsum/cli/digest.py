"""``vnsum digest INPUT...``: the articles as stories, one brief each, with where the outlets disagree.

INPUTs are those of ``vnsum batch`` (folders, JSONL, URL lists, feeds) and batch outputs
(their briefs are used as they are: ``vnsum batch … -o briefs.jsonl`` then ``vnsum digest
briefs.jsonl`` never makes a brief twice). The model options are those of ``vnsum brief``.
"""

from __future__ import annotations

from enum import Enum
from typing import IO, Any, Optional

import typer

from vnsum.cli.batch import BatchProgress
from vnsum.cli.common import MAX_BYTES, model_options, services
from vnsum.cli.env import Environment
from vnsum.errors import ExitCode, UsageError
from vnsum.options import Options


def _fetch_feed(max_bytes: int) -> Any:
    """A feed URL's bytes with the ``--url`` limits (as ``vnsum batch`` fetches them)."""

    def fetch(url: str) -> bytes:
        from vnsum.reading.fetch import fetch_bytes

        return fetch_bytes(url, max_bytes=max_bytes)[0]

    return fetch


DigestFormat = Enum("DigestFormat", {n: n for n in ("auto", "rich", "plain", "markdown", "json", "jsonl")}, type=str)  # type: ignore[misc]


@model_options(quiet=True)
def digest_command(
    ctx: typer.Context,
    options: Options,
    inputs: list[str] = typer.Argument(
        None, help="Directories, JSONL files, URL lists, feed files, feed URLs, or vnsum batch outputs.", show_default=False
    ),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the digest to FILE (atomically) instead of stdout."),
    fmt: DigestFormat = typer.Option(
        "auto", "--format", "-f", help="rich on a terminal, plain otherwise; markdown, json, jsonl (events)."
    ),
    no_models: bool = typer.Option(
        False, "--no-models", help="Make no brief: group and merge the Vietnamese key sentences only (no model needed)."
    ),
    max_bytes: Optional[int] = MAX_BYTES,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Make every brief again even if the result cache has it.", envvar="VNSUM_NO_CACHE"
    ),
) -> None:
    """Group articles about the same event across outlets into stories: one brief per story, key
    points citing every outlet, and the numbers, dates and names on which the outlets disagree.

    Exit 0 even when some articles failed (the digest lists them); 1 when articles failed and
    none could be digested; 2 for a bad INPUT."""
    from vnsum.batch.inputs import validate
    from vnsum.cli.choices import resolve_format
    from vnsum.cli.inputs import size_limit
    from vnsum.cli.output import check_output, open_output
    from vnsum.render import RenderOptions, render
    from vnsum.stories import ArticleRead, DigestDone, Settings, digest_events
    from vnsum.stories.run import from_inputs, is_batch_output

    env: Environment = ctx.obj
    limit = size_limit(max_bytes)
    settings = Settings(points=options.points)
    args = inputs or []
    if not args:
        raise UsageError("no INPUT: give folders, JSONL files, URL lists, feeds or batch outputs")
    validate(args)
    target = check_output(output, [a for a in args if not a.startswith(("http://", "https://"))]) if output is not None else None
    chosen = resolve_format(fmt.value, target is None and bool(env.stdout_isatty))
    if target is None and not env.stdout_open:
        raise UsageError("standard output is closed; use -o FILE")
    progress = BatchProgress(env, 0, enabled=False)

    def on_event(event: Any) -> None:
        nonlocal progress
        if isinstance(event, ArticleRead):
            if progress.total == 0 and not quiet:
                progress = BatchProgress(env, event.total, enabled=True).__enter__()
                env.before_error.append(progress.clear)
            progress.advance(not event.ok)

    needs_models = not no_models and not all(is_batch_output(a, limit) for a in args)
    cache = None
    try:
        if needs_models:
            from vnsum.cli.history import open_cache
            from vnsum.pipeline import Pipeline

            cache = None if no_cache else open_cache(env)
            with Pipeline(options, cache=cache, **services(env)) as pipeline:
                reports, failures = from_inputs(
                    args, pipeline, fetch_feed=_fetch_feed(limit), max_bytes=limit, on_event=on_event, output=output
                )
        else:
            reports, failures = from_inputs(
                args, None, fetch_feed=_fetch_feed(limit), max_bytes=limit, on_event=on_event, output=output
            )
    finally:
        progress.clear()
        if cache is not None:
            cache.close()

    shown = RenderOptions(width=env.width)

    def write(fh: IO[str]) -> None:
        for event in digest_events(reports, settings, failures):
            if chosen == "jsonl":
                render([event], "jsonl", fh, shown)
            elif isinstance(event, DigestDone):
                render([event.digest], chosen, fh, shown)

    if target is None:
        assert env.stdout is not None
        write(env.stdout)
    else:
        with open_output(target, env.pending) as fh:
            write(fh)
    if not quiet:
        env.err(f"vnsum: {len(reports)} articles, {len(failures)} failed")
    if failures and not reports:  # as batch: failures alone are exit 1 (the digest lists them)
        raise typer.Exit(int(ExitCode.BAD_INPUT))
