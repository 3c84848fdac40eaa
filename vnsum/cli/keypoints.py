"""``vnsum keypoints``: the article's key Vietnamese sentences, no model needed."""

from __future__ import annotations

from typing import Optional

import typer

from vnsum.cli.choices import Format, resolve_format
from vnsum.cli.common import MAX_BYTES
from vnsum.cli.env import Environment
from vnsum.errors import InputError, UsageError


def keypoints_command(
    ctx: typer.Context,
    file: Optional[str] = typer.Argument(None, help="Article file; '-' or nothing reads stdin.", show_default=False),
    points: int = typer.Option(5, "--points", "-n", help="Number of sentences (1-50)."),
    fmt: Format = typer.Option("auto", "--format", "-f", help="auto: rich on a terminal, plain otherwise."),
    max_bytes: Optional[int] = MAX_BYTES,
) -> None:
    """Print the article's key Vietnamese sentences with their indexes (no model needed)."""
    from vnsum import keypoints
    from vnsum.cli.inputs import read_inputs, size_limit
    from vnsum.options import MAX_POINTS
    from vnsum.render import RenderOptions, render
    from vnsum.render.views import KeySentence, KeySentences
    from vnsum.text import parse_article

    env: Environment = ctx.obj
    if not 1 <= points <= MAX_POINTS:
        raise UsageError(f"--points must be between 1 and {MAX_POINTS}, got {points}")
    src = read_inputs(env, [file] if file else [], None, size_limit(max_bytes))[0]
    article = parse_article(src.text)
    if not article.body_sentences():
        raise InputError(f"{src.name}: no article text found (only a title, captions or a byline)")
    lines = article.lines()
    chosen = [
        KeySentence(c.text, c.paragraph, c.sentence, lines[c.paragraph], c.score) for c in keypoints.select(article, points)
    ]
    assert env.stdout is not None
    fmt_name = resolve_format(fmt.value, bool(env.stdout_isatty))
    render([KeySentences(src.name, article.title, chosen)], fmt_name, env.stdout, RenderOptions(width=env.width))
