"""Assemble the Brief: the chosen sentences and every translation, put together with their provenance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vnsum.brief import Brief, KeyPoint
from vnsum.keypoints import Candidate
from vnsum.reading.source import Source
from vnsum.text import Article


@dataclass
class Drafted:
    """Everything the stages produced for one article, before it becomes a Brief."""

    source: Source
    article: Article
    headline_vi: str | None
    summary_vi: str
    summary_sentences: list[str]
    chosen: list[Candidate]
    #: Vietnamese segment -> English.
    english: Mapping[str, str]
    points_asked: int
    chunks: int = 1
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def segments(self) -> list[str]:
        """Every segment to translate: headline, summary sentences, key points."""
        return ([self.headline_vi] if self.headline_vi else []) + self.summary_sentences + [c.text for c in self.chosen]


def shortfall(asked: int, got: int, body: int) -> str | None:
    """Why there are fewer key points than asked, in the same words in every format."""
    if got >= asked:
        return None
    if body <= got:
        return f"only {got} key point(s): the article has {body} body sentence(s)"
    return f"only {got} key point(s): the article has {body} body sentence(s), and {body - got} repeat too much of those chosen"


def assemble(
    d: Drafted, *, models: Mapping[str, str], recipe: str, engine: str, timings: Mapping[str, float], body_count: int
) -> Brief:
    lines = d.article.lines()
    points = [
        KeyPoint(
            text_en=d.english.get(c.text, ""),
            text_vi=c.text,
            paragraph=c.paragraph,
            sentence=c.sentence,
            line=lines[c.paragraph],
            score=round(c.score, 4),
        )
        for c in d.chosen
    ]
    warnings = list(d.warnings)
    short = shortfall(d.points_asked, len(points), body_count)
    if short:
        warnings.append(short)
    return Brief(
        source=d.source.name,
        headline_vi=d.headline_vi,
        headline_en=d.english.get(d.headline_vi) if d.headline_vi else None,
        summary_vi=d.summary_vi,
        summary_en=" ".join(e for e in (d.english.get(s, "") for s in d.summary_sentences) if e),
        key_points=points,
        models=dict(models),
        recipe=recipe,
        engine=engine,
        chunks=d.chunks,
        date=d.source.date,
        author=d.source.author,
        timings={k: round(v, 4) for k, v in timings.items()},
        notes=list(d.source.notes) + list(d.article.notes) + d.notes,
        warnings=warnings,
    )
