"""One set of key points per story: every article's candidate sentences, those that say the
same thing folded into one point citing every outlet that said it, the best points kept.

A point's score is the sum, over the articles that said it, of the best salience one of their
sentences has (the key-point selector's score): a statement carried by three articles beats
one that only one article thought worth a key point. A wire copy folded into its original
counts once (it is the same article), though each of its outlets is cited.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from vnsum.keypoints import content_tokens, overlap
from vnsum.story import Citation, Report, Sentence, StoryPoint

#: Share of the shorter sentence's content words found in the other: at or above, they say the same thing.
SAME_STATEMENT = 0.6
#: Salience added to an article's first body sentence: its lead (the sapo) is the newspaper's own
#: summary (tuned on the tuning clusters, benchmarks/digest_eval.py).
LEAD_BONUS = 2.0
#: Weight of a point's closeness to the whole story (cosine to the tf-idf centroid of all its
#: articles' sentences), per article of the story: what the story as a whole is about.
W_CENTROID = 0.5


@dataclass
class _Point:
    words: set[str]
    best: Sentence
    best_score: float
    citations: list[Citation]
    by_article: dict[str, float]


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
            home.by_article[r.id] = max(home.by_article.get(r.id, 0.0), score)
    central = _centrality([r.sentences for r in reports], [p.best.text_vi for p in points])
    total = [sum(p.by_article.values()) + W_CENTROID * len(reports) * c for p, c in zip(points, central)]
    ranked = sorted(range(len(points)), key=lambda i: (-total[i], i))
    out = []
    for i in ranked[: max(0, k)]:
        p = points[i]
        cites = tuple(dict.fromkeys(p.citations))
        out.append(StoryPoint(p.best.text_vi, p.best.text_en, cites, total[i]))
    return tuple(out)


def _centrality(articles: Sequence[Sequence[str]], texts: Sequence[str]) -> list[float]:
    """Cosine of each text to the tf-idf centroid of every sentence of the story."""
    sentences = [s for a in articles for s in a]
    if not sentences or not texts:
        return [0.0] * len(texts)
    bags = [Counter(content_tokens(s)) for s in sentences]
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    n = len(bags)
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}
    centre: dict[str, float] = {}
    for b in bags:
        norm = math.sqrt(sum((v * idf[w]) ** 2 for w, v in b.items())) or 1.0
        for w, v in b.items():
            centre[w] = centre.get(w, 0.0) + v * idf[w] / norm
    cnorm = math.sqrt(sum(v * v for v in centre.values())) or 1.0
    out = []
    for t in texts:
        vec = {w: v * idf.get(w, 1.0) for w, v in Counter(content_tokens(t)).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append(sum(v * centre.get(w, 0.0) for w, v in vec.items()) / (norm * cnorm))
    return out
