"""Results shown as tables or lines: the history list (``vnsum history``), the check results
(``vnsum check``), the reading report (``vnsum read``) and the evaluation report (``vnsum eval``),
in each format they offer (their rows in ``vnsum.render.RENDERERS``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from vnsum.render.base import RenderOptions
from vnsum.render.sanitize import console, one_line, sanitize, write_rows, write_table


@dataclass(frozen=True)
class HistoryList:
    """Past briefs, newest first: ``cache.HistoryEntry``-like records (id, time, source, headline_en, cached)."""

    entries: Sequence[Any]


@dataclass(frozen=True)
class CheckResults:
    """``vnsum check``: one result a record line (``{"line", "kind", "ok", "checked", "problems"}`` or ``{"line", "error"}``)."""

    results: Sequence[dict[str, Any]]


def history_json(items: Sequence[HistoryList], file: IO[str], options: RenderOptions) -> None:
    for h in items:
        file.write(sanitize(json.dumps([e.to_dict() for e in h.entries], ensure_ascii=False, indent=2)) + "\n")


def _history_rows(h: HistoryList) -> list[list[object]]:
    return [[e.id, e.time, e.source, (e.headline_en or "") + (" (cached)" if e.cached else "")] for e in h.entries]


def history_plain(items: Sequence[HistoryList], file: IO[str], options: RenderOptions) -> None:
    for h in items:
        write_rows(file, _history_rows(h))


def history_rich(items: Sequence[HistoryList], file: IO[str], options: RenderOptions) -> None:
    for h in items:
        if h.entries:
            write_table(
                file, ["id", "time", "source", "headline"], _history_rows(h), width=options.width, force_terminal=True, box=False
            )
        else:
            file.write("no briefs yet\n")


def checks_json(items: Sequence[CheckResults], file: IO[str], options: RenderOptions) -> None:
    for c in items:
        for r in c.results:
            file.write(sanitize(json.dumps(r, ensure_ascii=False)) + "\n")


def checks_rich(items: Sequence[CheckResults], file: IO[str], options: RenderOptions) -> None:
    for c in items:
        rows: list[list[object]] = []
        for r in c.results:
            if "error" in r:
                rows.append([r["line"], "-", "-", f"error: {r['error']}"])
                continue
            found = "; ".join(f"{p['kind']} {p['value']!r} {p['problem']}" for p in r["problems"]) or "ok"
            rows.append([r["line"], r["kind"], r["checked"], found])
        write_table(file, ["line", "kind", "checked", "result"], rows, width=options.width)


@dataclass(frozen=True)
class EvalReport:
    """``vnsum eval``: ``evaluate.aggregate``'s report and its table (``evaluate.format_table``: the header row first)."""

    report: dict[str, Any]
    table: Sequence[Sequence[str]]


def eval_json(items: Sequence[EvalReport], file: IO[str], options: RenderOptions) -> None:
    for e in items:
        file.write(sanitize(json.dumps(e.report, ensure_ascii=False, indent=2)) + "\n")


def eval_plain(items: Sequence[EvalReport], file: IO[str], options: RenderOptions) -> None:
    for e in items:
        write_rows(file, [list(row) for row in e.table])


def eval_rich(items: Sequence[EvalReport], file: IO[str], options: RenderOptions) -> None:
    for e in items:
        write_table(file, list(e.table[0]), [list(r) for r in e.table[1:]], width=options.width, force_terminal=True, box=False)


@dataclass(frozen=True)
class ReadingReport:
    """``vnsum read``: ``text.reading_report`` with the source's name and notes."""

    report: dict[str, Any]


def reading_json(items: Sequence[ReadingReport], file: IO[str], options: RenderOptions) -> None:
    for r in items:
        file.write(sanitize(json.dumps(r.report, ensure_ascii=False, indent=2)) + "\n")


def reading_text(markdown: bool) -> Any:
    def write(items: Sequence[ReadingReport], file: IO[str], options: RenderOptions) -> None:
        for r in items:
            file.write(_reading_plain(r.report, markdown))

    return write


def _reading_plain(report: dict[str, Any], markdown: bool = False) -> str:
    from vnsum.render.markdown import md

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


def reading_rich(items: Sequence[ReadingReport], file: IO[str], options: RenderOptions) -> None:
    """Line, kind (with why) and text in columns, wrapped here (textwrap) and printed as one styled
    Text without Rich's own wrapping: a Rich Table measured every cell twice and took several times
    the plain format's time on a 5 MB article (benchmarks/bench_read_render.py)."""
    import shutil
    import textwrap

    from rich.text import Text

    width = options.width or shutil.get_terminal_size((100, 24)).columns
    gutter = 6 + 12  # "line " and "kind        "
    wrap = textwrap.TextWrapper(width=max(20, width - gutter), break_long_words=True, break_on_hyphens=False)
    pad = " " * gutter
    for r in items:
        report = r.report
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
            out.append(f"Note: {one_line(n)}\n", style="dim")
        console(file, width=width).print(out, soft_wrap=True, end="")
