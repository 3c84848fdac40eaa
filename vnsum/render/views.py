"""Results besides the brief: ``vnsum keypoints`` (``KeySentences``) and ``vnsum models list``
(``ModelList``), in every format of the registry (``vnsum.render.RENDERERS``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from vnsum.render.base import RenderOptions
from vnsum.render.markdown import md
from vnsum.render.sanitize import sanitize


@dataclass(frozen=True)
class KeySentence:
    text_vi: str
    paragraph: int
    sentence: int
    line: int
    score: float


@dataclass(frozen=True)
class KeySentences:
    """An article's key sentences, chosen without a model (``vnsum keypoints``)."""

    source: str
    title: str | None
    points: Sequence[KeySentence]


@dataclass(frozen=True)
class ModelList:
    """``vnsum models list``: hub.CachedModel-like records (ref, used_by, cached, size_bytes, path, converted)."""

    rows: Sequence[Any]


def keypoints_renderer(fmt: str) -> Any:
    def write(items: Sequence[KeySentences], file: IO[str], options: RenderOptions) -> None:
        for k in items:
            write_keypoints(k.source, k.title, k.points, fmt, file, options.width)

    return write


def models_renderer(fmt: str) -> Any:
    def write(items: Sequence[ModelList], file: IO[str], options: RenderOptions) -> None:
        for m in items:
            write_models(m.rows, fmt, file, options.width)

    return write


def write_keypoints(
    source: str, title: str | None, points: Sequence[KeySentence], fmt: str, file: IO[str], width: int | None = None
) -> None:
    if fmt == "json":
        data = {
            "source": source,
            "title": title,
            "key_points": [
                {
                    "text_vi": p.text_vi,
                    "paragraph": p.paragraph,
                    "sentence": p.sentence,
                    "line": p.line,
                    "score": round(p.score, 4),
                }
                for p in points
            ],
        }
        file.write(sanitize(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "markdown":
        out = [f"# {md(sanitize(title or source))}", ""]
        out += [
            f"{n}. {md(sanitize(p.text_vi))} *(paragraph {p.paragraph}, sentence {p.sentence})*" for n, p in enumerate(points, 1)
        ]
        file.write("\n".join(out) + "\n")
    elif fmt == "rich":
        from rich.console import Console
        from rich.table import Table

        table = Table("#", "key sentence", "where", title=sanitize(title or source), title_justify="left")
        for n, p in enumerate(points, 1):
            table.add_row(str(n), sanitize(p.text_vi), f"{p.paragraph}:{p.sentence}")
        Console(file=file, width=width, markup=False, highlight=False, emoji=False).print(table)
    else:
        for n, p in enumerate(points, 1):
            file.write(f"{n}. [{p.paragraph}:{p.sentence}] {sanitize(p.text_vi)}\n")


def write_models(rows: Sequence[Any], fmt: str, file: IO[str], width: int | None = None) -> None:
    """``rows``: hub.CachedModel-like records (ref, used_by, cached, size_bytes, path, converted)."""
    from rich.filesize import decimal

    def size(r: Any) -> str:
        return decimal(r.size_bytes) if r.size_bytes else "-"

    def rev(r: Any) -> str:
        return sanitize(getattr(r, "revision", "") or "-")[:12]

    def copies(r: Any) -> str:
        return ", ".join(p.name.rsplit("--", 1)[-1] for p in r.converted) or "-"

    if fmt == "json":
        data = [
            {
                "model": r.ref,
                "used_by": list(r.used_by),
                "cached": r.cached,
                "size_bytes": r.size_bytes,
                "revision": getattr(r, "revision", "") or None,
                "path": str(r.path) if r.path else None,
                "ctranslate2": [str(p) for p in r.converted],
            }
            for r in rows
        ]
        file.write(sanitize(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "rich":
        from rich.console import Console
        from rich.table import Column, Table

        longest = max((len(r.ref) for r in rows), default=5)
        # Ids are what users copy into commands: never cut, the other columns wrap instead.
        table = Table(
            Column("model", no_wrap=True, min_width=longest), "used by", "cached", "revision", "size", "CTranslate2 copies"
        )
        for r in rows:
            table.add_row(
                sanitize(r.ref), sanitize(", ".join(r.used_by)), "yes" if r.cached else "no", rev(r), size(r), copies(r)
            )
        Console(file=file, width=width, markup=False, highlight=False, emoji=False).print(table)
    elif fmt == "markdown":
        out = ["| model | used by | cached | revision | size | CTranslate2 copies |", "|---|---|---|---|---|---|"]
        out += [
            f"| {md(sanitize(r.ref))} | {md(sanitize(', '.join(r.used_by)))} | {'yes' if r.cached else 'no'} | {rev(r)} | {size(r)} | {md(copies(r))} |"
            for r in rows
        ]
        file.write("\n".join(out) + "\n")
    else:
        for r in rows:
            conv = copies(r).replace(", ", ",")
            file.write(
                f"{sanitize(r.ref)}\t{'cached' if r.cached else 'missing'}\t{size(r)}\tct2:{conv}\t{sanitize(','.join(r.used_by)) or '-'}\trev:{rev(r)}\n"
            )
