"""How vnsum read an article, as plain data: the library side of ``vnsum read``.

``reading_report(article)`` returns::

    {
      "title": "…" | None,
      "paragraphs": [
        {"kind": "lead" | "body" | "title" | "caption" | "credit" | "byline" | "source_line"
                 | "related_links" | "furniture" | "subheading" | "agency_tag",
         "text": "…",            # the piece's text (for lead / body: its sentences joined by spaces)
         "sentences": ["…"],     # the body sentences (lead / body entries only; [] otherwise)
         "line": 3,              # 1-based line of the cleaned input it comes from
         "paragraph": 2},        # index of the Paragraph (what key points' "paragraph" refers to)
        …
      ],
      "notes": ["…"],
    }

Entries are in reading order. A line that mixes body text and other pieces (a caption glued into
running text, a credit, a byline at the end of a one-line article) gives one entry per run of
body sentences and one per non-body piece, all with the same ``line``; so every character the
reader kept or dropped is shown, and what was dropped says why (its kind).
"""

from __future__ import annotations

from typing import Any

from vnsum.text.article import Article
from vnsum.text.kinds import BODY_KINDS, TITLE


def reading_report(article: Article) -> dict[str, Any]:
    """The article as read: title, every piece with its kind and line, body sentences, notes."""
    entries: list[dict[str, Any]] = []
    for p in article.paragraphs:
        pieces = p.pieces or ((p.kind, p.text),)
        run: list[str] = []

        def flush(kind: str, para=p, run=run) -> None:
            if run:
                entries.append(
                    {"kind": kind, "text": " ".join(run), "sentences": list(run), "line": para.line, "paragraph": para.index}
                )
                run.clear()

        for kind, text in pieces:
            if kind in BODY_KINDS:
                run.append(text)
                continue
            flush(p.kind if p.kind in BODY_KINDS else kind)
            entries.append({"kind": kind, "text": text, "sentences": [], "line": p.line, "paragraph": p.index})
        flush(p.kind if p.kind in BODY_KINDS else "body")
    title = article.title
    return {"title": title, "paragraphs": entries, "notes": list(article.notes)}


__all__ = ["TITLE", "reading_report"]
