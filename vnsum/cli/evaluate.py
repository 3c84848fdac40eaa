"""``vnsum eval DATA.jsonl``: ROUGE of the briefs against reference summaries, per dataset.

Each record (``text``, ``title``, ``reference_vi``; ``id`` and ``dataset`` optional, see
:func:`vnsum.evaluate.read_records`) is summarised through one Pipeline with the same model
and recipe options as ``vnsum brief``; an article that fails is counted as an error and the
evaluation goes on.
"""

from __future__ import annotations

import time
from typing import Optional

import typer

from vnsum.cli.batch import BatchProgress
from vnsum.cli.common import MAX_BYTES, model_options, services
from vnsum.cli.env import Environment
from vnsum.cli.history import ListFormat
from vnsum.errors import InputError, UsageError, VnsumError, human_bytes
from vnsum.options import Options


@model_options(quiet=True)
def eval_command(
    ctx: typer.Context,
    options: Options,
    data: str = typer.Argument(..., help="JSONL records with text, title and reference_vi (id, dataset optional)."),
    fmt: ListFormat = typer.Option("auto", "--format", "-f", help="auto: a table on a terminal, tab-separated otherwise."),
    rows: bool = typer.Option(False, "--rows", help="With -f json: include every article's scores."),
    max_bytes: Optional[int] = MAX_BYTES,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
) -> None:
    """Score summaries and key points (ROUGE-1/2/L F1 ×100) against reference_vi, overall and per dataset."""
    from vnsum.cli.inputs import size_limit
    from vnsum.evaluate import EvalRow, aggregate, format_table, read_records
    from vnsum.pipeline import Pipeline
    from vnsum.reading.source import Source

    env: Environment = ctx.obj
    if not env.stdout_open or env.stdout is None:
        raise UsageError("standard output is closed")
    limit = size_limit(max_bytes)
    records = list(read_records(data))  # every line checked before any model loads
    results: list[EvalRow] = []
    progress = BatchProgress(env, len(records), enabled=not quiet)
    env.before_error.append(progress.clear)
    with Pipeline(options, **services(env)) as pipeline, progress:
        for record in records:
            start = time.perf_counter()
            source = Source(name=record["id"], text=f"{record['title']}\n{record['text']}", encoding="utf-8")
            try:
                size = len(source.text.encode("utf-8", "surrogatepass"))
                if size > limit:
                    raise InputError(f"{record['id']}: {human_bytes(size)} is larger than the {human_bytes(limit)} limit")
                brief = pipeline.run(source)
            except VnsumError as exc:
                results.append(EvalRow.failed(record, exc.cli_message, seconds=time.perf_counter() - start))
                progress.advance(True)
                continue
            results.append(
                EvalRow.from_brief(
                    record, brief.to_dict(), seconds=time.perf_counter() - start, flags=sum(1 for c in brief.checks if c.counts)
                )
            )
            progress.advance(False)
    from vnsum.render import RenderOptions, render
    from vnsum.render.tables import EvalReport

    report = aggregate(results, include_rows=rows)
    chosen = fmt.value if fmt.value != "auto" else ("rich" if env.stdout_isatty else "plain")
    render([EvalReport(report, format_table(report))], chosen, env.stdout, RenderOptions(width=env.width))
