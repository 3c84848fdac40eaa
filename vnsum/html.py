"""Reduce a news page to its article with trafilatura: title, date, author, body paragraphs.

trafilatura is the maintained extractor that does this well on news pages;
menus, related-article boxes, ads and captions are left out.
"""

from __future__ import annotations

from vnsum.errors import InputError


def extract_article(html: str, name: str, encoding: str, notes: list[str]) -> "Source":
    """An HTML page as a Source whose text is the title line followed by the body paragraphs."""
    import trafilatura

    from vnsum.source import Source

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
    lines = [title] if title else []
    lines += [ln.strip() for ln in body.splitlines() if ln.strip()]
    if title and len(lines) > 1 and lines[1] == title:
        del lines[1]
    return Source(
        name=name,
        text="\n".join(lines),
        encoding=encoding,
        is_html=True,
        title=title,
        date=getattr(doc, "date", None),
        author=getattr(doc, "author", None),
        notes=notes + ["extracted the article from HTML"],
    )


if False:  # pragma: no cover  (type checkers only)
    from vnsum.source import Source
