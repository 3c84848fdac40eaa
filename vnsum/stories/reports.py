"""Articles and briefs as :class:`~vnsum.story.Report`: the digest's input stage.

An article's text gives its body sentences (to group and compare) and its candidate key
points (the brief's, with their English, or the key-point selector's when no model ran);
a brief alone (a batch output line) gives its summary and key points.
"""

from __future__ import annotations

from vnsum import keypoints
from vnsum.brief import Brief
from vnsum.stories.urls import outlet
from vnsum.story import Report, Sentence
from vnsum.text import Article, parse_article, split_sentences

#: Candidate key points taken from each article.
CANDIDATES = 6


def from_article(
    id: str,
    source: str,
    article: Article,
    *,
    url: str | None = None,
    date: str | None = None,
    brief: Brief | None = None,
    outlet_name: str | None = None,
    candidates: int = CANDIDATES,
) -> Report:
    """A read article (and its brief, when one was made)."""
    body = [s for _, _, s in article.body_sentences()]
    position = {s: i for i, s in reversed(list(enumerate(body)))}
    if brief is not None and brief.key_points:
        cands = tuple(
            Sentence(p.text_vi, p.text_en, float(p.score), position.get(p.text_vi, len(body))) for p in brief.key_points
        )
    else:
        chosen = keypoints.select(article, candidates, brief.summary_vi if brief is not None else None)
        cands = tuple(Sentence(c.text, None, c.score, position.get(c.text, len(body))) for c in chosen)
    title = article.title or (brief.headline_vi if brief is not None else None)
    return Report(
        id=id,
        source=source,
        outlet=outlet_name or outlet(source, url),
        url=url,
        date=date or (brief.date if brief is not None else None),
        title_vi=title,
        sentences=tuple(body),
        candidates=cands,
        brief=brief,
    )


def from_text(
    id: str,
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    date: str | None = None,
    title: str | None = None,
    outlet_name: str | None = None,
    candidates: int = CANDIDATES,
) -> Report:
    """An article given as text, no model: key points from the extractive selector."""
    article = parse_article(f"{title}\n{text}" if title else text)
    return from_article(id, source or url or id, article, url=url, date=date, outlet_name=outlet_name, candidates=candidates)


def from_brief(id: str, source: str, brief: Brief, *, url: str | None = None) -> Report:
    """A brief alone (a batch output line): its summary and key points are its sentences."""
    summary = split_sentences(brief.summary_vi) if brief.summary_vi else []
    points = [p.text_vi for p in brief.key_points]
    sentences = tuple(dict.fromkeys([*points, *summary]))
    link = url or (brief.source if brief.source.startswith(("http://", "https://")) else None)
    return Report(
        id=id,
        source=source,
        outlet=outlet(source, link),
        url=link,
        date=brief.date,
        title_vi=brief.headline_vi,
        sentences=sentences,
        candidates=tuple(Sentence(p.text_vi, p.text_en, float(p.score), i) for i, p in enumerate(brief.key_points)),
        brief=brief,
    )
