"""Reduce a news page to its article with trafilatura: title, date, author, body paragraphs.

trafilatura is the maintained extractor that does this well on news pages;
menus, related-article boxes, ads and captions are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnsum.errors import InputError


@dataclass(frozen=True)
class Page:
    """What a news page says, before it becomes a ``Source`` (``reading.source`` builds that)."""

    #: The title line followed by the body paragraphs, one a line.
    text: str
    title: str | None
    date: str | None
    author: str | None
    notes: list[str] = field(default_factory=list)


def extract_article(html: str, name: str) -> Page:
    """An HTML page reduced to its article: title line, then the body paragraphs."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=True,
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError(f"{name}: no article text found in this HTML page")
    title = (getattr(doc, "title", None) or "").strip() or None
    paragraphs = [ln.strip() for ln in body.splitlines() if ln.strip()]
    notes: list[str] = []
    # Vietnamese papers print the lead ("sapo") outside the article body; most repeat it
    # in the page's description, which trafilatura reads but leaves out of the text.
    lead = re.sub(r"\s+", " ", getattr(doc, "description", None) or "").strip()
    if len(lead) >= 60 and lead[:60] not in " ".join(paragraphs):
        paragraphs.insert(0, lead)
        notes.append("lead paragraph taken from the page's description")
    lines = [title] if title else []
    lines += paragraphs
    if title and len(lines) > 1 and lines[1] == title:
        del lines[1]
    return Page(
        text="\n".join(lines),
        title=title,
        date=getattr(doc, "date", None),
        author=getattr(doc, "author", None),
        notes=notes + ["extracted the article from HTML"],
    )
