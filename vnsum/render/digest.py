"""A Digest as rich (stories with their outlet counts, disagreements highlighted), plain,
markdown (a newsletter), json (``Digest.to_dict()``, schema in docs/digest.md) or jsonl
(one event a line). Every string is sanitised first (``sanitize_digest``).

These are renderers of ``vnsum.render.RENDERERS`` (rows for ``Digest`` and the digest's events),
called through ``vnsum.render.render`` like every other result type's.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import IO, Any

from vnsum.render.base import RenderOptions
from vnsum.render.markdown import md
from vnsum.render.sanitize import console, sanitize
from vnsum.story import Digest, DigestDone, Disagreement, Event, Story, StoryReady, event_dict


def sanitize_digest(value: Any) -> Any:
    """A copy of a Digest (or any part of one) with every string sanitised, tuples included."""
    if isinstance(value, str):
        return sanitize(value)
    if isinstance(value, (list, tuple)):
        return type(value)(sanitize_digest(v) for v in value)
    if isinstance(value, dict):
        return {sanitize_digest(k): sanitize_digest(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: sanitize_digest(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


def headline(story: Story) -> str:
    return story.headline_en or story.headline_vi or story.members[0].source


def outlets_line(story: Story) -> str:
    n = len(story.outlets)
    copies = sum(1 for m in story.members if m.duplicate_of)
    extra = f", {copies} copied" if copies else ""
    return f"{n} outlet{'s' if n != 1 else ''} ({', '.join(story.outlets)}), {len(story.members)} article{'s' if len(story.members) != 1 else ''}{extra}"


def disagreement_line(d: Disagreement) -> str:
    by_value: dict[str, list[str]] = {}
    for c in d.claims:
        by_value.setdefault(c.value, [])
        if c.outlet not in by_value[c.value]:
            by_value[c.value].append(c.outlet)
    sides = " vs ".join(f"{value!r} ({', '.join(outlets)})" for value, outlets in by_value.items())
    return f"{d.kind}{' (approximate)' if d.approximate else ''}: {sides}"


def _point_text(text_en: str | None, text_vi: str) -> str:
    return text_en or text_vi


def plain_lines(digest: Digest, markdown: bool = False) -> list[str]:
    esc: Callable[[str], str] = md if markdown else (lambda t: t)
    out: list[str] = []
    if markdown:
        out += [f"# Digest: {len(digest.stories)} stories from {digest.articles} articles", ""]
    for n, s in enumerate(digest.stories, 1):
        if markdown:
            out += [f"## {n}. {esc(headline(s))}", "", f"*{esc(outlets_line(s))}{' · ' + esc(s.date) if s.date else ''}*", ""]
        else:
            out += [f"==> {n}. {headline(s)} <==", outlets_line(s) + (f"; {s.date}" if s.date else "")]
        if s.headline_en and s.headline_vi:
            out.append(f"> {esc(s.headline_vi)}" if markdown else f"  ({s.headline_vi})")
        if s.summary_en:
            out += ["", esc(s.summary_en)] if markdown else [s.summary_en]
        if s.points:
            out += ["", "**Key points**" if markdown else "Key points:"] + ([""] if markdown else [])
        for i, p in enumerate(s.points, 1):
            who = ", ".join(p.outlets)
            out.append(f"{i}. {esc(_point_text(p.text_en, p.text_vi))} ({esc(who)})")
            if p.text_en:
                out.append(f"   > {esc(p.text_vi)}" if markdown else f"   {p.text_vi}")
        if s.disagreements:
            out += ["", "**Where the outlets disagree**" if markdown else "Where the outlets disagree:"] + (
                [""] if markdown else []
            )
            for d in s.disagreements:
                out.append(f"- {esc(disagreement_line(d))}")
                for c in d.claims:
                    out.append(f"  - {esc(c.outlet)}: {esc(c.text_vi)}" if markdown else f"    {c.outlet}: {c.text_vi}")
        if s.related:
            out += [
                "",
                ("Follow-up of / followed by: " if not markdown else "*Related stories:* ")
                + ", ".join(f"{r} ({v:.2f})" for r, v in s.related),
            ]
        out.append("")
        if markdown:
            out.append(
                "Articles: "
                + "; ".join(
                    esc(f"{m.outlet} ({m.score:.2f}{', copy of ' + m.duplicate_of if m.duplicate_of else ''})") for m in s.members
                )
            )
            out.append("")
    if digest.failures:
        out.append(f"{'**' if markdown else ''}Not in the digest ({len(digest.failures)}){'**' if markdown else ''}:")
        out += [f"- {esc(f.source)}: {esc(f.message)}" for f in digest.failures]
    return out


def write_plain(items: Sequence[Digest], file: IO[str], options: RenderOptions) -> None:
    for digest in items:
        file.write("\n".join(plain_lines(sanitize_digest(digest))) + "\n")


def write_markdown(items: Sequence[Digest], file: IO[str], options: RenderOptions) -> None:
    for digest in items:
        file.write("\n".join(plain_lines(sanitize_digest(digest), markdown=True)) + "\n")


def write_json(items: Sequence[Digest], file: IO[str], options: RenderOptions) -> None:
    for digest in items:
        file.write(json.dumps(sanitize_digest(digest.to_dict()), ensure_ascii=False, indent=2) + "\n")


def write_events(items: Sequence[Event], file: IO[str], options: RenderOptions) -> None:
    """``-f jsonl``: one line per event, flushed, so a script reads each story as it is ready."""
    for event in items:
        file.write(json.dumps(sanitize_digest(event_dict(event)), ensure_ascii=False) + "\n")
        file.flush()


def write_jsonl(items: Sequence[Digest], file: IO[str], options: RenderOptions) -> None:
    """A finished digest as the events that would have streamed it."""
    for digest in items:
        write_events([*(StoryReady(s, n) for n, s in enumerate(digest.stories)), DigestDone(digest)], file, options)


def write_rich(items: Sequence[Digest], file: IO[str], options: RenderOptions) -> None:
    for digest in items:
        _write_rich(sanitize_digest(digest), console(file, width=options.width))


def _write_rich(d: Digest, out: Any) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    out.print(Text(f"{len(d.stories)} stories from {d.articles} articles", style="bold"))
    for n, s in enumerate(d.stories, 1):
        body: list[Any] = [Text(headline(s), style="bold")]
        if s.headline_en and s.headline_vi:
            body.append(Text(s.headline_vi, style="dim italic"))
        body.append(Text(outlets_line(s) + (f" · {s.date}" if s.date else ""), style="cyan"))
        if s.summary_en:
            body += [Text(""), Text(s.summary_en)]
        if s.points:
            body += [Text(""), Text("Key points", style="bold cyan")]
        for i, p in enumerate(s.points, 1):
            line = Text(f"{i}. ", style="bold")
            line.append(_point_text(p.text_en, p.text_vi))
            line.append(f"  [{', '.join(p.outlets)}]", style="green")
            body.append(line)
            if p.text_en:
                body.append(Text(f"   {p.text_vi}", style="dim italic"))
        if s.disagreements:
            body += [Text(""), Text("Where the outlets disagree", style="bold yellow")]
            for dis in s.disagreements:
                body.append(Text(f"⚠ {disagreement_line(dis)}", style="yellow" if dis.approximate else "bold red"))
                for c in dis.claims:
                    body.append(Text(f"   {c.outlet}: {c.text_vi}", style="dim"))
        if s.related:
            body.append(Text("Related: " + ", ".join(f"{r} ({v:.2f})" for r, v in s.related), style="dim"))
        count = len(s.outlets)
        out.print(
            Panel(Group(*body), title=Text(f"{n} · {count} outlet{'s' if count != 1 else ''}", style="bold"), title_align="left")
        )
    for f in d.failures:
        out.print(Text(f"not in the digest: {f.source}: {f.message}", style="dim"))
