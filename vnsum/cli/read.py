"""``vnsum read FILE``: how vnsum read the article (title, each piece with its kind, sentences, what was dropped)."""

from __future__ import annotations

from typing import Optional

import typer

from vnsum.cli.choices import Format, resolve_format
from vnsum.cli.common import GLOSSARY, MAX_BYTES
from vnsum.cli.env import Environment


def read_command(
    ctx: typer.Context,
    file: Optional[str] = typer.Argument(
        None, help="Article file (.txt or .html); '-' or nothing reads stdin.", show_default=False
    ),
    url: Optional[str] = typer.Option(None, "--url", help="Fetch the article from this web page."),
    fmt: Format = typer.Option("auto", "--format", "-f", help="rich on a terminal, plain otherwise; json for scripts."),
    max_bytes: Optional[int] = MAX_BYTES,
    glossary: Optional[str] = GLOSSARY,
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
    report = {"source": src.name, **report, "notes": [*src.notes, *report["notes"], *_glossary_notes(glossary, src.text)]}
    assert env.stdout is not None
    render(
        [ReadingReport(report)], resolve_format(fmt.value, bool(env.stdout_isatty)), env.stdout, RenderOptions(width=env.width)
    )


def _glossary_notes(path: Optional[str], text: str) -> list[str]:
    """With --glossary: which of its terms the article holds (the brief enforces those)."""
    if not path:
        return []
    from vnsum import checks
    from vnsum.errors import UsageError

    try:
        glossary = checks.load_glossary(path)
    except checks.GlossaryError as exc:
        raise UsageError(f"--glossary {exc}") from None
    terms = glossary.present(text)
    if not terms:
        return [f"glossary: none of its {len(glossary.terms)} terms occurs in the article"]
    shown = "; ".join(f"{t.vi} -> {t.en}" for t in terms[:12]) + (" ..." if len(terms) > 12 else "")
    return [f"glossary: {len(terms)} of its {len(glossary.terms)} terms occur in the article: {shown}"]
