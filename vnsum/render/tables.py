"""Results shown as tables or lines: the history list (``vnsum history``), the check results
(``vnsum check``) and the reading report (``vnsum read``), in each format they offer (their rows
in ``vnsum.render.RENDERERS``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from vnsum.render.base import RenderOptions
from vnsum.render.sanitize import sanitize


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
        file.write(json.dumps([e.to_dict() for e in h.entries], ensure_ascii=False, indent=2) + "\n")


def history_plain(items: Sequence[HistoryList], file: IO[str], options: RenderOptions) -> None:
    for h in items:
        for e in h.entries:
            cached = " (cached)" if e.cached else ""
            cells = [str(e.id), e.time, e.source, (e.headline_en or "") + cached]
            file.write("\t".join(" ".join(sanitize(c).split()) for c in cells) + "\n")


def history_rich(items: Sequence[HistoryList], file: IO[str], options: RenderOptions) -> None:
    from rich.console import Console
    from rich.table import Table

    for h in items:
        table = Table("id", "time", "source", "headline", box=None)
        for e in h.entries:
            headline = sanitize(e.headline_en or "") + (" (cached)" if e.cached else "")
            table.add_row(str(e.id), e.time, sanitize(e.source), headline)
        Console(file=file, force_terminal=True, width=options.width).print(table if h.entries else "no briefs yet")


def checks_json(items: Sequence[CheckResults], file: IO[str], options: RenderOptions) -> None:
    for c in items:
        for r in c.results:
            file.write(json.dumps(r, ensure_ascii=False) + "\n")


def checks_rich(items: Sequence[CheckResults], file: IO[str], options: RenderOptions) -> None:
    from rich.console import Console
    from rich.table import Table

    for c in items:
        table = Table("line", "kind", "checked", "result")
        for r in c.results:
            if "error" in r:
                table.add_row(str(r["line"]), "-", "-", sanitize(f"error: {r['error']}"))
                continue
            found = "; ".join(f"{p['kind']} {p['value']!r} {p['problem']}" for p in r["problems"]) or "ok"
            table.add_row(str(r["line"]), r["kind"], str(r["checked"]), sanitize(found))
        Console(file=file, width=options.width, markup=False, highlight=False, emoji=False).print(table)


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
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    for r in items:
        report = r.report
        table = Table("line", "kind", "why", "text", title=sanitize(report["title"] or report["source"]), title_justify="left")
        for p in report["paragraphs"]:
            body = p["kind"] in ("body", "lead")
            text = Text()
            if p["sentences"]:
                for n, s in enumerate(p["sentences"], 1):
                    text.append(f"{'' if n == 1 else chr(10)}{n}. ", style="bold")
                    text.append(sanitize(s))
            else:
                text.append(sanitize(p["text"]), style="" if body else "dim")
            kind = Text(p["kind"] + (" ?" if p.get("unsure") else ""), style="green" if body else "yellow")
            table.add_row(str(p["line"]), kind, Text(sanitize(p.get("why") or ""), style="dim"), text)
        console = Console(file=file, width=options.width, markup=False, highlight=False, emoji=False)
        console.print(table)
        for n in report["notes"]:
            console.print(Text(f"Note: {sanitize(n)}", style="dim"))
