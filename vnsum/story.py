"""The digest's typed values: what goes in (:class:`Report`, one per article), what comes out
(:class:`Digest` of :class:`Story`), and the events a digest streams.

Everything here is plain data, frozen once made; ``to_dict`` is the JSON schema documented
in ``docs/digest.md`` (``vnsum digest -f json`` writes ``Digest.to_dict()``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from vnsum._version import __version__
from vnsum.brief import Brief

#: Version of the JSON layout below (bumped when a field changes meaning).
SCHEMA = 1


@dataclass(frozen=True)
class Sentence:
    """A Vietnamese sentence of an article, with the English when a brief translated it."""

    text_vi: str
    text_en: str | None = None
    #: Salience inside its article (the key-point selector's score), higher is better.
    score: float = 0.0
    #: 0-based position among the article's body sentences (-1: headline or summary).
    position: int = 0


@dataclass(frozen=True)
class Report:
    """One article as the digest sees it: where it is from, its text, and its brief if made.

    ``sentences`` are the body sentences when the article's text was read, or the brief's
    summary and key-point sentences when only a brief is known (a batch output).
    ``candidates`` are the sentences that may become key points of its story.
    """

    id: str
    source: str
    outlet: str
    url: str | None
    date: str | None
    title_vi: str | None
    sentences: tuple[str, ...]
    candidates: tuple[Sentence, ...]
    brief: Brief | None = None


@dataclass(frozen=True)
class Citation:
    """Who said it: the outlet, the article's id and the Vietnamese sentence as it wrote it."""

    outlet: str
    article: str
    text_vi: str


@dataclass(frozen=True)
class StoryPoint:
    """A key point of a story, said once, with every outlet that said it."""

    text_vi: str
    text_en: str | None
    citations: tuple[Citation, ...]
    score: float

    @property
    def outlets(self) -> list[str]:
        return sorted({c.outlet for c in self.citations})


@dataclass(frozen=True)
class Member:
    """An article's link to its story: ``score`` is its similarity to the story (cosine of
    tf-idf vectors, 0-1); ``duplicate_of`` names the article it copies (the same URL, or the
    same wire copy on another site), folded into that one."""

    article: str
    outlet: str
    source: str
    url: str | None
    date: str | None
    title_vi: str | None
    headline_en: str | None
    score: float
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Claim:
    """One outlet's side of a disagreement: the value as written and its sentence."""

    outlet: str
    article: str
    value: str
    text_vi: str


@dataclass(frozen=True)
class Disagreement:
    """Values of one kind about the same thing that differ between a story's articles.

    ``kind`` is number, amount, percent, date, time or name (``vnsum.checks.KINDS``);
    ``approximate`` is true when one side hedges ("gần 150 triệu") and the other's value is
    close to it ("148 triệu"): shown, but not a conflict.
    """

    kind: str
    claims: tuple[Claim, ...]
    approximate: bool = False
    #: How alike the two sentences are besides the values (cosine, 0-1): why they are about the same thing.
    similarity: float = 0.0


@dataclass(frozen=True)
class Story:
    """One event told by one or more outlets: its brief and its articles."""

    id: str
    headline_vi: str | None
    headline_en: str | None
    summary_vi: str
    summary_en: str
    points: tuple[StoryPoint, ...]
    members: tuple[Member, ...]
    disagreements: tuple[Disagreement, ...]
    date: str | None = None
    #: Follow-ups: other stories of this digest that continue this one, with their similarity.
    related: tuple[tuple[str, float], ...] = ()

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.members})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline_vi": self.headline_vi,
            "headline_en": self.headline_en,
            "summary_vi": self.summary_vi,
            "summary_en": self.summary_en,
            "date": self.date,
            "outlets": self.outlets,
            "articles": [_member(m) for m in self.members],
            "key_points": [
                {
                    "text_vi": p.text_vi,
                    "text_en": p.text_en,
                    "score": round(p.score, 4),
                    "outlets": p.outlets,
                    "citations": [{"outlet": c.outlet, "article": c.article, "text_vi": c.text_vi} for c in p.citations],
                }
                for p in self.points
            ],
            "disagreements": [
                {
                    "kind": d.kind,
                    "approximate": d.approximate,
                    "similarity": round(d.similarity, 4),
                    "claims": [
                        {"outlet": c.outlet, "article": c.article, "value": c.value, "text_vi": c.text_vi} for c in d.claims
                    ],
                }
                for d in self.disagreements
            ],
            "related": [{"story": s, "score": round(v, 4)} for s, v in self.related],
        }


def _member(m: Member) -> dict[str, Any]:
    return {
        "id": m.article,
        "outlet": m.outlet,
        "source": m.source,
        "url": m.url,
        "date": m.date,
        "title_vi": m.title_vi,
        "headline_en": m.headline_en,
        "score": round(m.score, 4),
        "duplicate_of": m.duplicate_of,
    }


@dataclass(frozen=True)
class Failure:
    """An input that gave no article (unreadable, not Vietnamese, an error line of a batch output)."""

    id: str
    source: str
    code: str
    message: str


@dataclass(frozen=True)
class Digest:
    """A morning's press as stories, most outlets first, then newest first."""

    stories: tuple[Story, ...]
    failures: tuple[Failure, ...] = ()
    articles: int = 0
    #: Seconds per stage (brief, group, merge, disagree).
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "vnsum_version": __version__,
            "schema": SCHEMA,
            "articles": self.articles,
            "stories": [s.to_dict() for s in self.stories],
            "failures": [{"id": f.id, "source": f.source, "code": f.code, "message": f.message} for f in self.failures],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }


# ---------------------------------------------------------------------------- events


@dataclass(frozen=True)
class ArticleRead:
    """An article is known (briefed now, taken from a batch output, or failed)."""

    id: str
    source: str
    ok: bool
    done: int
    total: int


@dataclass(frozen=True)
class StoryReady:
    """One story, complete; stories come in the digest's order."""

    story: Story
    index: int


@dataclass(frozen=True)
class DigestDone:
    """The end: the whole digest (its stories were streamed before)."""

    digest: Digest


Event = Union[ArticleRead, StoryReady, DigestDone]


def event_dict(event: Event) -> dict[str, Any]:
    """One line of ``-f jsonl``: ``{"event": "article" | "story" | "digest", ...}``."""
    if isinstance(event, ArticleRead):
        return {
            "event": "article",
            "id": event.id,
            "source": event.source,
            "ok": event.ok,
            "done": event.done,
            "total": event.total,
        }
    if isinstance(event, StoryReady):
        return {"event": "story", "index": event.index, **event.story.to_dict()}
    d = event.digest.to_dict()
    d.pop("stories")
    return {"event": "digest", "stories": len(event.digest.stories), **d}
