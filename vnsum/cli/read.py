"""``vnsum read FILE``: how vnsum read the article (title, each piece with its kind, sentences, what was dropped)."""

from __future__ import annotations

import json
from typing import Any, Optional

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
    from vnsum.render.sanitize import sanitize
    from vnsum.text import parse_article, reading_report

    env: Environment = ctx.obj
    src = read_inputs(env, [file] if file else [], url, size_limit(max_bytes))[0]
    report = reading_report(parse_article(src.text))
    report = {"source": src.name, **report, "notes": [*src.notes, *report["notes"], *_glossary_notes(glossary, src.text)]}
    chosen = resolve_format(fmt.value, bool(env.stdout_isatty))
    out = env.stdout
    assert out is not None
    if chosen == "json":
        out.write(sanitize(json.dumps(report, ensure_ascii=False, indent=2)) + "\n")
    elif chosen == "rich":
        _rich(report, env)
    else:
        out.write(_plain(report, markdown=chosen == "markdown"))


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


def _plain(report: dict[str, Any], markdown: bool = False) -> str:
    from vnsum.render.markdown import md
    from vnsum.render.sanitize import sanitize

    esc = md if markdown else (lambda t: t)
    lines = [f"{'# ' if markdown else ''}{esc(sanitize(report['title'] or report['source']))}", ""]
    for p in report["paragraphs"]:
        tag = f"[{p['line']}:{p['kind']}]"
        if p["sentences"]:
            lines.append(f"{'- ' if markdown else ''}{tag}")
            lines += [f"    {n}. {esc(sanitize(s))}" for n, s in enumerate(p["sentences"], 1)]
        else:
            lines.append(f"{'- ' if markdown else ''}{tag} {esc(sanitize(p['text']))}")
    if report["notes"]:
        lines += ["", *[f"Note: {esc(sanitize(n))}" for n in report["notes"]]]
    return "\n".join(lines) + "\n"


def _rich(report: dict[str, Any], env: Environment) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from vnsum.render.sanitize import sanitize

    table = Table("line", "kind", "text", title=sanitize(report["title"] or report["source"]), title_justify="left")
    for p in report["paragraphs"]:
        body = p["kind"] in ("body", "lead")
        text = Text()
        if p["sentences"]:
            for n, s in enumerate(p["sentences"], 1):
                text.append(f"{'' if n == 1 else chr(10)}{n}. ", style="bold")
                text.append(sanitize(s))
        else:
            text.append(sanitize(p["text"]), style="" if body else "dim")
        table.add_row(str(p["line"]), Text(p["kind"], style="green" if body else "yellow"), text)
    console = Console(file=env.stdout, width=env.width, markup=False, highlight=False, emoji=False)
    console.print(table)
    for n in report["notes"]:
        console.print(Text(f"Note: {sanitize(n)}", style="dim"))
