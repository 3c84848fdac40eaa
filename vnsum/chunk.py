"""Fit text into a model's input budget on sentence boundaries, never by silent truncation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

CountFn = Callable[[list[str]], list[int]]


def split_long(text: str, count: CountFn, budget: int) -> list[str]:
    """Split one over-long segment into pieces of at most ``budget`` tokens.

    Clause boundaries (";", ",") are preferred; a run with no punctuation at all
    is split between words.
    """
    if count([text])[0] <= budget:
        return [text]
    for sep in (r"(?<=[;:])\s+", r"(?<=,)\s+", r"\s+"):
        parts = [p for p in re.split(sep, text) if p]
        if len(parts) > 1:
            break
    else:
        return _split_chars(text, count, budget)
    counts = count(parts)
    out: list[str] = []
    cur: list[str] = []
    cur_n = 0
    for part, n in zip(parts, counts):
        if n > budget:
            if cur:
                out.append(" ".join(cur))
                cur, cur_n = [], 0
            out.extend(split_long(part, count, budget))
            continue
        if cur and cur_n + n > budget:
            out.append(" ".join(cur))
            cur, cur_n = [], 0
        cur.append(part)
        cur_n += n
    if cur:
        out.append(" ".join(cur))
    return [p for piece in out for p in (split_long(piece, count, budget) if count([piece])[0] > budget else [piece])]


def _split_chars(text: str, count: CountFn, budget: int) -> list[str]:
    """Last resort for a single huge "word": equal slices of characters."""
    n = count([text])[0]
    pieces = max(2, -(-n // max(1, budget)) + 1)
    size = max(1, -(-len(text) // pieces))
    return [text[i : i + size] for i in range(0, len(text), size)]


def pack(segments: list[str], count: CountFn, budget: int) -> list[list[str]]:
    """Group consecutive segments into chunks of at most ``budget`` tokens each.

    Token counts of single segments are summed, with a 3% margin for the
    tokenizer joining them differently.
    """
    limit = max(1, int(budget * 0.97))
    pieces: list[str] = []
    counts: list[int] = []
    for seg, n in zip(segments, count(segments)):
        if n <= limit:
            pieces.append(seg)
            counts.append(n)
        else:
            parts = split_long(seg, count, limit)
            pieces.extend(parts)
            counts.extend(count(parts))
    chunks: list[list[str]] = []
    cur: list[str] = []
    cur_n = 0
    for piece, n in zip(pieces, counts):
        if cur and cur_n + n > limit:
            chunks.append(cur)
            cur, cur_n = [], 0
        cur.append(piece)
        cur_n += n
    if cur:
        chunks.append(cur)
    return chunks


SummarizeFn = Callable[[list[str]], list[str]]


@dataclass(frozen=True)
class Reduction:
    """What ``reduce_chunks`` leaves for the final summary."""

    text: str  # fits the budget: summarise it once more for the final summary
    chunks: int  # chunks of the article in the first round
    rounds: int  # rounds of part summaries
    dropped: list[str] = field(default_factory=list)  # article sentences that reach no part of ``text``


def _pack_tracked(items: list[tuple[str, frozenset[int]]], count: CountFn, budget: int) -> list[tuple[list[str], set[int]]]:
    """``pack``, keeping which article sentences each chunk came from."""
    limit = max(1, int(budget * 0.97))
    pieces: list[tuple[str, frozenset[int], int]] = []
    for (seg, src), n in zip(items, count([s for s, _ in items])):
        if n <= limit:
            pieces.append((seg, src, n))
        else:
            parts = split_long(seg, count, limit)
            pieces.extend((p, src, m) for p, m in zip(parts, count(parts)))
    chunks: list[tuple[list[str], set[int]]] = []
    cur: list[str] = []
    cur_src: set[int] = set()
    cur_n = 0
    for piece, src, n in pieces:
        if cur and cur_n + n > limit:
            chunks.append((cur, cur_src))
            cur, cur_src, cur_n = [], set(), 0
        cur.append(piece)
        cur_src |= src
        cur_n += n
    if cur:
        chunks.append((cur, cur_src))
    return chunks


def reduce_chunks(sentences: list[str], count: CountFn, budget: int, summarize: SummarizeFn, max_rounds: int = 4) -> Reduction:
    """Summarise chunks of ``sentences`` in rounds until the part summaries fit ``budget``.

    A round must leave fewer chunks than it got; when it does not (part summaries as long
    as their input) or after ``max_rounds``, the concatenation of the parts is cut to the
    budget on piece boundaries. It always ends, and every sentence whose text reaches no
    part of the result is listed in ``dropped`` (in article order) so the caller can say so.
    """
    chunks = _pack_tracked([(s, frozenset([i])) for i, s in enumerate(sentences)], count, budget)
    first = len(chunks)
    rounds = 0
    while len(chunks) > 1 and rounds < max_rounds:
        parts = summarize([" ".join(c) for c, _ in chunks])
        rounds += 1
        items = [(p.strip(), frozenset(src)) for p, (_, src) in zip(parts, chunks) if p and p.strip()]
        nxt = _pack_tracked(items, count, budget) if items else []
        converging = len(nxt) < len(chunks)
        chunks = nxt
        if not converging:
            break
    kept = chunks[0] if chunks else ([], set())
    reached = kept[1]
    dropped = [s for i, s in enumerate(sentences) if i not in reached]
    return Reduction(text=" ".join(kept[0]), chunks=first, rounds=rounds, dropped=dropped)


@dataclass(frozen=True)
class Head:
    """The head of an over-long text that fits a model's input, and what was left out."""

    text: str
    dropped: list[str] = field(default_factory=list)


def head(sentences: list[str], count: CountFn, budget: int) -> Head:
    """The leading sentences that fit ``budget`` tokens (the authors' practice: the models were
    fine-tuned on articles cut to their first 1024 tokens), and the sentences left out, in order.

    A first sentence longer than the whole budget is cut between words, so there is always input."""
    limit = max(1, int(budget * 0.97))
    counts = count(sentences) if sentences else []
    kept: list[str] = []
    used = 0
    for i, (sentence, n) in enumerate(zip(sentences, counts)):
        if used + n > limit:
            if not kept:
                first = split_long(sentence, count, limit)
                return Head(first[0], [" ".join(first[1:]), *sentences[1:]] if len(first) > 1 else sentences[1:])
            return Head(" ".join(kept), sentences[i:])
        kept.append(sentence)
        used += n
    return Head(" ".join(kept))
