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
        tag = f"[{p['line']}:{p['kind']}{' ?' if p.get('unsure') else ''}]" + (f" ({sanitize(p['why'])})" if p.get("why") else "")
        if p["sentences"]:
            lines.append(f"{'- ' if markdown else ''}{tag}")
            lines += [f"    {n}. {esc(sanitize(s))}" for n, s in enumerate(p["sentences"], 1)]
        else:
            lines.append(f"{'- ' if markdown else ''}{tag} {esc(sanitize(p['text']))}")
    if report["notes"]:
        lines += ["", *[f"Note: {esc(sanitize(n))}" for n in report["notes"]]]
    return "\n".join(lines) + "\n"


def _rich(report: dict[str, Any], env: Environment) -> None:
    """The rich view: line, kind and text in columns, wrapped here (textwrap) and printed as one
    styled Text without Rich's own wrapping; a Rich Table measured every cell twice and took
    several times the plain format's time on a 5 MB article (benchmarks/bench_read_render.py)."""
    import shutil
    import textwrap

    from rich.text import Text

    from vnsum.render.sanitize import console, one_line, sanitize

    width = env.width or shutil.get_terminal_size((100, 24)).columns
    gutter = 6 + 12  # "line " and "kind        "
    wrap = textwrap.TextWrapper(width=max(20, width - gutter), break_long_words=True, break_on_hyphens=False)
    pad = " " * gutter
    out = Text()
    out.append(one_line(report["title"] or report["source"]) + "\n\n", style="bold")
    for p in report["paragraphs"]:
        body = p["kind"] in ("body", "lead")
        out.append(f"{p['line']:>5} ", style="dim")
        kind = one_line(p["kind"]) + (" ?" if p.get("unsure") else "")
        out.append(f"{kind[:11]:<12}", style="green" if body else "yellow")
        if p.get("why"):
            out.append(f"({one_line(p['why'])}) ", style="dim")
        pieces = [(f"{n}. ", one_line(t)) for n, t in enumerate(p["sentences"], 1)] or [("", one_line(p["text"]))]
        for i, (mark, text) in enumerate(pieces):
            lines = wrap.wrap(mark + text) or [mark]
            for j, line in enumerate(lines):
                if i or j:
                    out.append(pad)
                if j == 0 and mark:
                    out.append(mark, style="bold")
                    line = line[len(mark) :]
                out.append(line + "\n", style="" if body else "dim")
    for n in report["notes"]:
        out.append(f"Note: {sanitize(n)}\n", style="dim")
    assert env.stdout is not None
    console(env.stdout, width=width).print(out, soft_wrap=True, end="")
