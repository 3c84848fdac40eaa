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
         "paragraph": 2,         # index of the Paragraph (what key points' "paragraph" refers to)
         "why": "…",             # the rule that gave the kind, and the caption model's score if it scored it
         "caption_score": 0.04 | None,  # the caption model's probability that the paragraph is not body
         "unsure": false},       # kept as body, but maybe a caption: never a key point
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
        reasons = p.why if len(p.why) == len(pieces) else ("",) * len(pieces)
        run: list[str] = []
        run_why: list[str] = []

        def entry(kind: str, text: str, sentences: list[str], why: str, para=p) -> dict[str, Any]:
            return {
                "kind": str(kind),
                "text": text,
                "sentences": sentences,
                "line": para.line,
                "paragraph": para.index,
                "why": why,
                "caption_score": None if para.caption_score is None else round(para.caption_score, 3),
                "unsure": para.unsure,
            }

        def flush(kind: str, run=run, run_why=run_why) -> None:
            if run:
                why = "; ".join(dict.fromkeys(w for w in run_why if w))
                entries.append(entry(kind, " ".join(run), list(run), why))
                run.clear()
                run_why.clear()

        for (kind, text), why in zip(pieces, reasons):
            if kind in BODY_KINDS:
                run.append(text)
                run_why.append(why)
                continue
            flush(p.kind if p.kind in BODY_KINDS else kind)
            entries.append(entry(kind, text, [], why))
        flush(p.kind if p.kind in BODY_KINDS else "body")
    title = article.title
    return {"title": title, "paragraphs": entries, "notes": list(article.notes)}


__all__ = ["TITLE", "reading_report"]
