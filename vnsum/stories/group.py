"""Articles about the same event, grouped by content: tf-idf vectors of syllables and
syllable pairs, candidate pairs from an inverted index, average linkage over those pairs.

Why not ``sklearn.neighbors.NearestNeighbors``: on sparse input it is brute force (the full
distance matrix, chunk by chunk), quadratic in the articles. Here each vector is cut to its
most distinctive terms and a term shared by too many articles does not propose pairs, so the
sparse product ``X Xᵀ`` only touches pairs that share a distinctive term; the exact cosine of
the full vectors then scores them. scikit-learn's ``TfidfVectorizer`` and scipy's sparse
product do the work; both are imported when a digest is grouped, never at ``vnsum --help``.

Deterministic (input order breaks every tie) and explainable: every link has its cosine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vnsum.text import STOPWORDS

_WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+(?:[.,][0-9]+)*", re.UNICODE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-ỸĐ][\wÀ-ỹ]*(?:[ _-][A-ZÀ-ỸĐ][\wÀ-ỹ]*)*", re.M)
#: How many times a name counts among an article's terms.
NAME_WEIGHT = 2

#: Average cosine between two groups at or above which they are one story (tuned on the
#: tuning part of the development clusters only, see benchmarks/digest_eval.py).
SAME_STORY = 0.20
#: Cosine at or above which two articles are the same copy (a wire story on several sites).
DUPLICATE = 0.85
#: Cosine between two stories' centroids at or above which the later is shown as a follow-up.
RELATED = 0.12
#: Terms kept per article to propose pairs, and the largest share of articles a proposing term may be in.
INDEX_TERMS = 40
INDEX_MAX_DF = 0.02
INDEX_MIN_POSTINGS = 40
#: Sentences of each article that make its vector (the lead says what the story is).
LEAD_SENTENCES = 12


@dataclass(frozen=True)
class Grouping:
    """Groups of article indexes (input order inside each), each article's cosine to its
    group's centroid, near-duplicate links (index -> index of the copy kept), and links
    between groups (group, group, cosine) for follow-ups."""

    groups: tuple[tuple[int, ...], ...]
    scores: tuple[float, ...]
    duplicates: dict[int, int]
    related: tuple[tuple[int, int, float], ...]


def words(text: str) -> list[str]:
    """Lowercased syllables (underscores of word-segmented text are spaces), stop words dropped."""
    return [w for w in (t.lower() for t in _WORD.findall(text.replace("_", " "))) if w not in STOPWORDS]


def features(text: str) -> list[str]:
    """Syllables, syllable pairs ("hà nội" is a term of its own) and, twice, the names: runs of
    capitalised words not at a sentence's start ("Phnom Penh", "NSA"), which tell one event
    from another of the same kind (two drug busts share every word but the names)."""
    ws = words(text)
    names = [f"@{m.group(0).replace('_', ' ').lower()}" for m in _NAME.finditer(text) if len(m.group(0)) > 1]
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:])] + names * NAME_WEIGHT


def document(title: str | None, sentences: Sequence[str]) -> str:
    """The text an article is grouped by: its title twice (it names the event) and its lead."""
    head = f"{title}\n{title}\n" if title else ""
    return head + "\n".join(sentences[:LEAD_SENTENCES])


def vectors(docs: Sequence[str]) -> Any:
    """L2-normalised sublinear tf-idf rows (a scipy CSR matrix)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=1, norm="l2", dtype=_float32())
    return vec.fit_transform(list(docs))


def _float32() -> Any:
    import numpy as np

    return np.float32


def candidate_pairs(x: Any, floor: float) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> cosine, for the pairs that share a distinctive term and whose full
    cosine is at least ``floor``."""
    import numpy as np
    from scipy import sparse

    n = x.shape[0]
    if n < 2:
        return {}
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    max_df = max(INDEX_MIN_POSTINGS, int(INDEX_MAX_DF * n))
    x = x.tocsr()
    rows, cols = [], []
    for i in range(n):
        start, end = x.indptr[i], x.indptr[i + 1]
        idx, val = x.indices[start:end], x.data[start:end]
        keep = idx[df[idx] <= max_df]
        if len(keep) > INDEX_TERMS:
            vals = val[df[idx] <= max_df]
            order = np.lexsort((keep, -vals))[:INDEX_TERMS]
            keep = keep[order]
        rows.extend([i] * len(keep))
        cols.extend(keep.tolist())
    index = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=x.shape)
    pairs: dict[tuple[int, int], float] = {}
    block = 2048
    for lo in range(0, n, block):
        hits = (index[lo : lo + block] @ index.T).tocoo()
        mask = hits.row + lo < hits.col
        a, b = hits.row[mask] + lo, hits.col[mask]
        if not len(a):
            continue
        # the block's exact cosines with every later article (one sparse product, read densely at
        # the candidate pairs): indexing a row per pair copied each row once for every pair
        sims = (x[lo : lo + block] @ x[lo:].T).toarray()
        cos = sims[a - lo, b - lo]
        keep = cos >= floor
        pairs.update(zip(zip(a[keep].tolist(), b[keep].tolist()), cos[keep].tolist()))
    return pairs


def group(x: Any, *, same_story: float = SAME_STORY, duplicate: float = DUPLICATE, related: float = RELATED) -> Grouping:
    """Average-linkage groups over the candidate pairs: pairs are taken most similar first and
    two groups join when the mean cosine over all their article pairs (a pair with no shared
    distinctive term counts 0) reaches ``same_story``."""
    import numpy as np
    from scipy import sparse
    from sklearn.preprocessing import normalize

    n = x.shape[0]
    pairs = candidate_pairs(x, min(same_story, related))
    order = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    dup_parent = list(range(n))

    def root(parent: list[int], i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    duplicates: dict[int, int] = {}
    for (i, j), c in order:
        if c < duplicate:
            break
        ri, rj = root(dup_parent, i), root(dup_parent, j)
        if ri != rj:
            keep, drop = min(ri, rj), max(ri, rj)
            dup_parent[drop] = keep
    for i in range(n):
        r = root(dup_parent, i)
        if r != i:
            duplicates[i] = r
    # average linkage: link[a][b] = sum of cosines between the groups' articles
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    link: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), c in pairs.items():
        link[i][j] = c
        link[j][i] = c
    owner = list(range(n))
    for (i, j), _c in order:
        a, b = owner[i], owner[j]
        if a == b:
            continue
        if link[a].get(b, 0.0) / (len(members[a]) * len(members[b])) < same_story:
            continue
        keep, drop = min(a, b), max(a, b)
        for m in members[drop]:
            owner[m] = keep
        members[keep].extend(members.pop(drop))
        for other, v in link.pop(drop).items():
            if other == keep:
                continue
            link[other].pop(drop, None)
            link[keep][other] = link[keep].get(other, 0.0) + v
            link[other][keep] = link[keep][other]
        link[keep].pop(drop, None)
    groups = sorted((tuple(sorted(m)) for m in members.values()), key=lambda g: g[0])
    gid = np.empty(n, dtype=np.int64)
    for k, g in enumerate(groups):
        gid[list(g)] = k
    # centroids of every group at once: a sparse membership matrix times the vectors
    sizes = np.array([len(g) for g in groups], dtype=np.float32)
    member = sparse.csr_matrix((1.0 / sizes[gid], (gid, np.arange(n))), shape=(len(groups), n))
    centres = normalize(member @ x)
    sims = np.asarray(x.multiply(centres[gid]).sum(axis=1)).ravel()
    scores = [1.0 if len(groups[gid[i]]) == 1 else float(sims[i]) for i in range(n)]
    between = sorted({tuple(sorted((int(gid[i]), int(gid[j])))) for i, j in pairs if gid[i] != gid[j]})
    links: tuple[tuple[int, int, float], ...] = ()
    if between:
        a_idx = np.array([a for a, _ in between])
        b_idx = np.array([b for _, b in between])
        cos = np.asarray(centres[a_idx].multiply(centres[b_idx]).sum(axis=1)).ravel()
        links = tuple((a, b, float(v)) for (a, b), v in zip(between, cos.tolist()) if v >= related)
    return Grouping(tuple(groups), tuple(scores), duplicates, links)
