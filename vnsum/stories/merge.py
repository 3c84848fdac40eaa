"""One set of key points per story: every article's candidate sentences, those that say the
same thing folded into one point citing every outlet that said it, the best points kept.

A point's score is the sum, over the outlets that said it, of the best salience one of their
sentences has (the key-point selector's score): a statement carried by three outlets beats
one that only one outlet thought worth a key point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vnsum.keypoints import content_tokens, overlap
from vnsum.stories.model import Citation, Report, Sentence, StoryPoint

#: Share of the shorter sentence's content words found in the other: at or above, they say the same thing.
SAME_STATEMENT = 0.6
#: Salience added per article for the lead position, so ties go to what the leads say.
LEAD_BONUS = 0.05


@dataclass
class _Point:
    words: set[str]
    best: Sentence
    best_score: float
    citations: list[Citation]
    by_outlet: dict[str, float]


def merge_points(
    reports: Sequence[Report], k: int, *, outlets: dict[str, tuple[str, ...]] | None = None
) -> tuple[StoryPoint, ...]:
    """The ``k`` best points of a story's articles (in input order), most supported first.

    ``outlets`` maps an article id to the outlets whose copies of it were folded into it
    (a wire story on several sites): each of them cites the article's sentences.
    """
    points: list[_Point] = []
    for r in reports:
        names = (outlets or {}).get(r.id) or (r.outlet,)
        for cand in r.candidates:
            words = set(content_tokens(cand.text_vi))
            if not words:
                continue
            score = cand.score + (LEAD_BONUS if cand.position == 0 else 0.0)
            home = next((p for p in points if overlap(words, p.words) >= SAME_STATEMENT), None)
            if home is None:
                home = _Point(words, cand, score, [], {})
                points.append(home)
            elif score > home.best_score or (
                home.best.text_en is None and cand.text_en is not None and score >= home.best_score * 0.9
            ):
                home.best, home.best_score = cand, score
            for name in names:
                home.citations.append(Citation(name, r.id, cand.text_vi))
                home.by_outlet[name] = max(home.by_outlet.get(name, 0.0), score)
    ranked = sorted(enumerate(points), key=lambda ip: (-sum(ip[1].by_outlet.values()), ip[0]))
    out = []
    for _, p in ranked[: max(0, k)]:
        cites = tuple(dict.fromkeys(p.citations))
        out.append(StoryPoint(p.best.text_vi, p.best.text_en, cites, sum(p.by_outlet.values())))
    return tuple(out)
