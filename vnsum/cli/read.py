"""``vnsum read FILE``: how vnsum read the article (title, each piece with its kind, sentences, what was dropped)."""

from __future__ import annotations

from typing import Optional

import typer

from vnsum.cli.choices import Format, resolve_format
from vnsum.cli.common import MAX_BYTES
from vnsum.cli.env import Environment


def read_command(
    ctx: typer.Context,
    file: Optional[str] = typer.Argument(
        None, help="Article file (.txt or .html); '-' or nothing reads stdin.", show_default=False
    ),
    url: Optional[str] = typer.Option(None, "--url", help="Fetch the article from this web page."),
    fmt: Format = typer.Option("auto", "--format", "-f", help="rich on a terminal, plain otherwise; json for scripts."),
    max_bytes: Optional[int] = MAX_BYTES,
) -> None:
    """Show how vnsum read the article: each paragraph's kind (body, lead, caption, credit, byline, ...), the body
    sentences, and what was left out. No model needed."""
    from vnsum.cli.inputs import read_inputs, size_limit
    from vnsum.render import RenderOptions, render
    from vnsum.render.tables import ReadingReport
    from vnsum.text import parse_article, reading_report

    env: Environment = ctx.obj
    src = read_inputs(env, [file] if file else [], url, size_limit(max_bytes))[0]
    report = reading_report(parse_article(src.text))
    report = {"source": src.name, **report, "notes": [*src.notes, *report["notes"]]}
    assert env.stdout is not None
    render(
        [ReadingReport(report)], resolve_format(fmt.value, bool(env.stdout_isatty)), env.stdout, RenderOptions(width=env.width)
    )
