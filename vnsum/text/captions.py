"""Is a short paragraph of its own a photo caption (or a heading) or a body sentence?

Captions written as full sentences ("Người dân chôn cá chết.", "Hiện trường vụ tai nạn.") stand
as their own short paragraph next to the text they illustrate. No single cue tells them apart
from a short body paragraph, so a small logistic model weighs many: length, final period,
position (right after the title, next to other captions and credits), word overlap with the
neighbouring paragraphs and the title, reporting verbs, time expressions, photo words, quotes,
digits, and what the rules of ``vnsum.text.segment`` said. The weights
(``vnsum.text.caption_model``, a few dozen numbers) are fitted by
``benchmarks/train_captions.py`` on the fitting part of the hand-labelled gold set only;
inference is pure Python.

``caption_score`` is the model's probability that the paragraph is not body. At or above
``THRESHOLD`` it is left out as a caption or heading; in ``UNSURE`` below that it stays body but
is no key point (``vnsum.keypoints``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from vnsum.text import caption_model
from vnsum.text.lexicon import PERSON_START, PHOTO_WORDS, REPORTING, STARTERS, TIME_ANY, TIME_START

#: At or above: not body. In [UNSURE, THRESHOLD): body, but the front end is unsure (no key point).
THRESHOLD = caption_model.THRESHOLD
UNSURE = caption_model.UNSURE
#: Only paragraphs of at most this many words are candidates (longer ones are body or rules' business).
MAX_WORDS = 40

_WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+")
_CREDIT_START = re.compile(r"\s*\(?\s*(?:Ảnh|Video|Clip|Đồ họa|Đồ hoạ|Nguồn)\b")
_QUOTES = '"“”'
#: Words one of which each pattern needs (tested first, on the lower-cased text: a substring test
#: is far cheaper than a case-insensitive regular expression, and most paragraphs have none).
_REPORTING_KEYS = (
    "cho ", "nói", "khẳng", "tuyên", "thông tin", "bố", "nhấn", "đề nghị", "yêu cầu", "theo", "vừa", "đã", "sẽ",
    "được biết", "ghi nhận", "phát hiện", "xảy ra",
)  # fmt: skip
_TIME_KEYS = ("nay", "qua", "mai", "trước", "tới", "sau", "ngoái", "kia", *"0123456789")
_PHOTO_KEYS = ("ảnh", "trái", "phải", "giữa", "chụp", "dáng", "niệm", "kính", "khung")


#: The lexicon's patterns are lower-case and case-blind; matched case-sensitively on the lower-cased
#: text they find the same and run several times faster (a case-blind search is slow).
_REPORTING_LOW = re.compile(REPORTING.pattern)
_TIME_LOW = re.compile(TIME_ANY.pattern)
_PHOTO_LOW = re.compile(PHOTO_WORDS.pattern)


def _found(pattern: re.Pattern[str], keys: tuple[str, ...], low: str) -> bool:
    return any(k in low for k in keys) and pattern.search(low) is not None


def _words_upto_100(text: str) -> int:
    """min(words, 100) of a cleaned line (single spaces): counted, not split (a neighbour can be long)."""
    return min(text.count(" ") + 1, 100) if text.strip() else 0


@dataclass(frozen=True)
class Neighbourhood:
    """What the model knows around a candidate paragraph: the title, the lines before and after,
    and whether the rules found those lines to be body."""

    title: str
    prev: str
    next: str
    prev_body: bool
    next_body: bool
    first_body: bool
    position: float
    last: bool


@lru_cache(maxsize=256)
def _content(text: str) -> frozenset[str]:
    """Content words (no function words, no numbers); cached: each paragraph is also a neighbour twice."""
    from vnsum.text.lang import STOPWORDS

    return frozenset({w for w in (t.lower() for t in _WORD.findall(text)) if w not in STOPWORDS and not w.isdigit()})


def _share(mine: frozenset[str], other: str) -> float:
    if not mine or not other:
        return 0.0
    return len(mine & _content(other)) / len(mine)


#: What each of the model's inputs is, in the order :func:`features` returns them (the weights in
#: ``caption_model`` follow it; ``benchmarks/train_captions.py`` prints the largest by these names).
FEATURES = [
    "words/10",
    "log words",
    "ends with a period",
    "ends with ! ? : ; …",
    "first body paragraph",
    "position in the article",
    "last paragraph",
    "previous paragraph not body",
    "next paragraph not body",
    "next paragraph is a credit",
    "word overlap with the previous paragraph",
    "word overlap with the next paragraph",
    "word overlap with the title",
    "reporting verb",
    "time expression",
    "starts with a time phrase",
    "photo words",
    "quote marks",
    "digit share",
    "starts with a person or group",
    "capitalised word share",
    "starts with a sentence starter",
    "commas per 10 words",
    "previous paragraph length",
    "next paragraph length",
    "rules: caption",
    "rules: sub-heading",
]


def features(text: str, around: Neighbourhood, rule_kind: str) -> list[float]:
    """The model's inputs for one candidate paragraph, in the order of :data:`FEATURES`."""
    t = text.strip()
    words = t.split()
    n = len(words)
    mine = _content(t)
    tail = t.rstrip(_QUOTES + ")]’' ")
    caps = sum(1 for w in words if w[:1].isupper())
    low = t.lower()
    first = words[0] if words else ""
    return [
        n / 10.0,
        math.log1p(n),
        1.0 if tail.endswith(".") else 0.0,
        1.0 if tail[-1:] in "!?:;…" else 0.0,
        1.0 if around.first_body else 0.0,
        around.position,
        1.0 if around.last else 0.0,
        0.0 if around.prev_body else 1.0,
        0.0 if around.next_body else 1.0,
        1.0 if _CREDIT_START.match(around.next) else 0.0,
        _share(mine, around.prev),
        _share(mine, around.next),
        _share(mine, around.title),
        1.0 if _found(_REPORTING_LOW, _REPORTING_KEYS, low) else 0.0,
        1.0 if _found(_TIME_LOW, _TIME_KEYS, low) else 0.0,
        1.0 if TIME_START.match(t) else 0.0,
        1.0 if _found(_PHOTO_LOW, _PHOTO_KEYS, low) else 0.0,
        1.0 if any(q in t for q in _QUOTES) else 0.0,
        sum(map(t.count, "0123456789")) / max(1, len(t)),
        1.0 if PERSON_START.match(t) else 0.0,
        caps / max(1, n),
        1.0 if first in STARTERS else 0.0,
        t.count(",") / max(1, n) * 10,
        _words_upto_100(around.prev) / 50.0,
        _words_upto_100(around.next) / 50.0,
        1.0 if rule_kind == "caption" else 0.0,
        1.0 if rule_kind == "subheading" else 0.0,
    ]


def caption_score(text: str, around: Neighbourhood, rule_kind: str) -> float:
    """The probability that ``text`` (a short paragraph of its own) is a caption or heading, not body."""
    x = features(text, around, rule_kind)
    z = caption_model.BIAS
    for xi, m, s, w in zip(x, caption_model.MEAN, caption_model.SCALE, caption_model.WEIGHTS):
        z += w * (xi - m) / s
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


__all__ = ["MAX_WORDS", "THRESHOLD", "UNSURE", "Neighbourhood", "caption_score", "features"]
