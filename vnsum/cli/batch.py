"""``vnsum batch INPUT... -o OUT.jsonl``: many articles through one Pipeline, resumably.

The model and recipe options are those of ``vnsum brief`` (``cli.common.model_options``, shared
with ``vnsum eval``). ``--ray`` (with ``--ray-address``, ``--ray-actors``) runs the articles on
Ray instead (:mod:`vnsum.batch.ray_runner`), with the same journal and the same results.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Optional

import typer

from vnsum.cli.common import MAX_BYTES, model_options, services
from vnsum.cli.env import Environment
from vnsum.errors import UsageError
from vnsum.options import Options

if TYPE_CHECKING:
    pass


def _fetcher(max_bytes: int) -> Any:
    """``fetch_feed(url) -> bytes`` with the ``--url`` limits and machinery (one deadline for the
    whole fetch, http(s)-only redirects, short bodies refused, passwords redacted)."""

    def fetch_feed(url: str) -> bytes:
        from vnsum.reading.fetch import fetch_bytes

        return fetch_bytes(url, max_bytes=max_bytes)[0]

    return fetch_feed


def _ray_settings(ray: bool, address: str | None, actors: int | None) -> bool:
    """Whether to run on Ray; checks the --ray options and that Ray is installed (UsageError)."""
    if address is not None and not address.strip():
        raise UsageError("--ray-address: empty address")
    use_ray = ray or address is not None
    if actors is not None:
        if not use_ray:
            raise UsageError("--ray-actors needs --ray")
        if actors < 1:
            raise UsageError(f"--ray-actors must be 1 or more, got {actors}")
    if use_ray:
        from vnsum.batch.ray_runner import require_ray

        require_ray()
    return use_ray


class BatchProgress:
    """A rich progress bar on stderr (terminal only): done/total, failures, articles per minute,
    time left. Without a terminal (or with -q) it shows nothing."""

    def __init__(self, env: Environment, total: int, enabled: bool) -> None:
        self.env = env
        self.total = total
        self.enabled = enabled and bool(env.stderr_isatty) and total > 0
        self.failed = 0
        self.count = 0
        self._start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[failed]} failed"),
                TextColumn("{task.fields[rate]} articles/min"),
                TimeRemainingColumn(),
                console=Console(file=self.env.stderr, force_terminal=True),
                transient=True,
            )
            self._task = self._bar.add_task("batch", total=self.total, failed=0, rate="–")
            self._bar.start()
        return self

    def advance(self, failed: bool) -> None:
        self.count += 1
        self.failed += int(failed)
        if self._bar is None:
            return
        minutes = (time.monotonic() - self._start) / 60
        rate = f"{self.count / minutes:.1f}" if minutes > 0 else "–"
        self._bar.update(self._task, advance=1, failed=self.failed, rate=rate)

    def clear(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __exit__(self, *exc: object) -> None:
        self.clear()


@model_options(quiet=True)
def batch_command(
    ctx: typer.Context,
    options: Options,
    inputs: list[str] = typer.Argument(
        None, help="Directories, JSONL files, URL lists, feed files or feed URLs.", show_default=False
    ),
    output: str = typer.Option(..., "--output", "-o", help="The JSONL results file (appended to; resumable)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Redo the articles recorded as errors."),
    max_bytes: Optional[int] = MAX_BYTES,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary on stderr."),
    no_cache: bool = typer.Option(
        False,
        "--no-cache",
        help="Make every brief again even if the result cache has it (Ray actors never use it).",
        envvar="VNSUM_NO_CACHE",
    ),
    ray: bool = typer.Option(
        False, "--ray", help='Run on Ray (a local Ray, or the cluster of --ray-address); needs pip install "vnsum[ray]".'
    ),
    ray_address: Optional[str] = typer.Option(
        None,
        "--ray-address",
        help="The Ray cluster to use (ray://HOST:10001, HOST:6379 or auto); implies --ray.",
        show_default=False,
    ),
    ray_actors: Optional[int] = typer.Option(
        None, "--ray-actors", help="Ray actors, each with its own models (default: one per node).", show_default=False
    ),
) -> int:
    """Summarise many articles into a JSONL file, one line each; a rerun skips what is done.

    Exit 0 even when some articles failed (their error lines are in OUT); 1 when articles
    failed and none in OUT succeeded; 2 for a bad INPUT or OUT.
    """
    from vnsum.batch.inputs import collect, validate
    from vnsum.batch.journal import Journal, Outcome, outcome
    from vnsum.batch.runner import run_batch
    from vnsum.cli.inputs import size_limit
    from vnsum.pipeline import Pipeline

    env: Environment = ctx.obj
    limit = size_limit(max_bytes)
    if not output.strip():
        raise UsageError("-o/--output: empty file name")
    use_ray = _ray_settings(ray, ray_address, ray_actors)
    validate(inputs or [], output=output)
    with Journal(output) as journal:
        if not quiet:
            for note in journal.notes:
                env.err(f"vnsum: {note}")
        items = collect(inputs or [], fetch_feed=_fetcher(limit), output=output, max_bytes=limit)
        skip = journal.done_ids(retry_failed=retry_failed)
        if retry_failed:
            journal.drop_errors([item.id for item in items if item.id not in skip])
        todo = [item for item in items if item.id not in skip]
        skipped = len(items) - len(todo)
        failed = 0
        done = 0
        any_ok = journal.ok_count > 0
        if todo:
            progress = BatchProgress(env, len(todo), enabled=not quiet)
            env.before_error.append(progress.clear)

            def on_result(item: Any, record: dict[str, Any]) -> None:
                progress.advance(outcome(record) is Outcome.ERROR)

            if use_ray:
                from vnsum.batch.ray_runner import run_ray

                with progress:
                    counts = run_ray(
                        todo,
                        options,
                        journal,
                        on_result,
                        address=ray_address or None,
                        actors=ray_actors,
                        services=services(env, bars=False),
                        max_bytes=limit,
                        cpus_per_actor=max(1, options.engine.threads),
                    )
            else:
                from vnsum.cli.history import open_cache

                cache = None if no_cache else open_cache(env)
                with Pipeline(options, cache=cache, **services(env)) as pipeline, progress:
                    counts = run_batch(todo, pipeline, journal, on_result, skip=frozenset(), max_bytes=limit)
                if cache is not None:
                    cache.close()
            failed, done = counts.failed, counts.done
        any_ok = journal.ok_count > 0
    if not quiet:
        env.err(f"vnsum: {done} done, {failed} failed, {skipped} skipped ({output})")
    # Failed articles are recorded, not fatal; but a batch whose every article failed is.
    return 1 if failed and not any_ok else 0
