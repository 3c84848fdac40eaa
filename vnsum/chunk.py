"""Fit text into a model's input budget on sentence boundaries, never by silent truncation."""

from __future__ import annotations

import re
from collections.abc import Callable

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
