"""Pick the article's key sentences: salient, non-redundant, in article order.

Works without any model (position and centrality), and uses the generated
summary as an extra signal when there is one. Only body sentences are
candidates, so captions, bylines and agency tags can never be picked; nor can a
paragraph the front end is unsure of (``Paragraph.unsure``: the caption model gives
it a score in its uncertain band). A short paragraph of one sentence that mostly
repeats the words of the paragraph before or after it (what a photo caption that
slipped through looks like) is discounted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from vnsum.text import STOPWORDS, Article

_WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+(?:[.,][0-9]+)*", re.UNICODE)


#: Weights of the score terms, fitted on the development corpus (benchmarks/keypoints_eval.py):
#: early sentences, sentences that share words with the title (the headline says what matters),
#: central sentences, and sentences that share words with the generated summary (not fitted:
#: no model output exists there; given the title's weight as the most similar signal).
POSITION_DECAY = 2.0
W_POSITION = 1.0
W_CENTRALITY = 0.25
W_TITLE = 1.5
W_SUMMARY = 1.5
#: Sentences longer than this many syllables are discounted (by the square root of the excess):
#: a key point should be one readable statement.
CONCISE_SYLLABLES = 25
MAX_OVERLAP = 0.6
#: A one-sentence paragraph of at most this many syllables whose content words are at least
#: RESTATES_SHARE inside a neighbouring paragraph only restates it: its score is multiplied by RESTATES_FACTOR.
RESTATES_SYLLABLES = 25
RESTATES_SHARE = 0.6
RESTATES_FACTOR = 0.3


@dataclass(frozen=True)
class Candidate:
    """A body sentence with where it came from and its salience."""

    paragraph: int
    sentence: int
    text: str
    score: float


def tokens(text: str) -> list[str]:
    """Lowercased syllables and numbers, punctuation dropped."""
    return [t.lower() for t in _WORD.findall(text)]


def content_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's words found in the other: 1.0 means one repeats the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + c) + 1) for w, c in df.items()}
    vecs = []
    for d in docs:
        vec = {w: (1.0 if c == 1 else 1 + math.log(c)) * idf[w] for w, c in Counter(d).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vecs.append({w: v / norm for w, v in vec.items()})
    return vecs


def _centrality(vecs: list[dict[str, float]]) -> list[float]:
    """Mean cosine of each vector to all the others, in linear time: v_i . (sum of all) - v_i . v_i."""
    n = len(vecs)
    total: dict[str, float] = {}
    for vec in vecs:
        for w, v in vec.items():
            total[w] = total.get(w, 0.0) + v
    out = []
    for vec in vecs:
        own = sum(v * v for v in vec.values())
        out.append(max(0.0, _cos(vec, total) - own) / max(1, n - 1))
    return out


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _restating(article: Article) -> set[int]:
    """Paragraphs (indices) of one short sentence whose words mostly come from a neighbouring paragraph."""
    paras = article.paragraphs
    out = set()
    for i, p in enumerate(paras):
        if len(p.sentences) != 1 or len(tokens(p.text)) > RESTATES_SYLLABLES:
            continue
        mine = set(content_tokens(p.text))
        if len(mine) < 3:
            continue
        for q in (paras[i - 1] if i > 0 else None, paras[i + 1] if i + 1 < len(paras) else None):
            if q is not None and q.sentences and len(mine & set(content_tokens(q.text))) >= RESTATES_SHARE * len(mine):
                out.add(p.index)
                break
    return out


def score_sentences(article: Article, summary: str | None = None) -> list[Candidate]:
    """Salience of every body sentence (higher is better), in article order; none from an unsure paragraph."""
    unsure = {p.index for p in article.paragraphs if p.unsure}
    sents = [t for t in article.body_sentences() if t[0] not in unsure]
    if not sents:
        return []
    restating = _restating(article)
    toks = [tokens(s) for _, _, s in sents]
    content = [[t for t in ts if t not in STOPWORDS] for ts in toks]
    vecs = _tfidf([words + [f"{a}_{b}" for a, b in zip(words, words[1:])] for words in content])
    centrality = _centrality(vecs)
    top = max(centrality) or 1.0
    title_words = set(content_tokens(article.title)) if article.title else set()
    summary_words = set(content_tokens(summary)) if summary else set()
    out = []
    for i, (p, j, s) in enumerate(sents):
        words = set(content[i])
        score = W_POSITION / (1.0 + i / POSITION_DECAY) + W_CENTRALITY * centrality[i] / top
        if title_words:
            score += W_TITLE * len(words & title_words) / len(title_words)
        if summary_words and words:
            score += W_SUMMARY * len(words & summary_words) / len(summary_words)
        length = len(toks[i])
        if p in restating:
            score *= RESTATES_FACTOR
        if length < 8:
            score *= 0.5
        elif length > CONCISE_SYLLABLES:
            score *= math.sqrt(CONCISE_SYLLABLES / length)
        out.append(Candidate(p, j, s, score))
    return out


def select(article: Article, k: int = 5, summary: str | None = None, max_overlap: float = MAX_OVERLAP) -> list[Candidate]:
    """The ``k`` best non-redundant body sentences, returned in article order."""
    if k <= 0:
        return []
    ranked = sorted(score_sentences(article, summary), key=lambda c: -c.score)
    chosen: list[Candidate] = []
    chosen_words: list[set[str]] = []
    for cand in ranked:
        words = set(tokens(cand.text))
        if any(overlap(words, other) > max_overlap for other in chosen_words):
            continue
        chosen.append(cand)
        chosen_words.append(words)
        if len(chosen) == k:
            break
    return sorted(chosen, key=lambda c: (c.paragraph, c.sentence))
