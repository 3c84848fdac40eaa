"""Where a story's outlets disagree: the same statement with a different value.

Two sentences of two articles (two outlets) tell the same thing when one is the other's most
alike sentence in its article and their words, values left out, are alike (cosine of syllable
counts at least :data:`ALIGNED`). They disagree when one sentence has a value of some kind
(number, amount, percent, date, time, name) that the other *article* nowhere supports, and
the other sentence has a value of the same kind that the first sentence does not, standing
in the same place: the two values are paired by the longest common subsequence of the two
sentences' tokens (difflib; each value one token of its kind) next to an aligned word ("27
người bị thương" / "25 người bị thương"), or have the same two words before or after them.
Names count only as people's, numbers only as figures (not "Galaxy Note 3", not two people's
ages). Support is decided by the checks' ``check_summary`` (its value extraction and
equivalences: "10.000 tỷ" is "10 nghìn tỷ", "25/3" is "ngày 25 tháng 3"), so only its public
function is used here.

A value hedged by "gần", "khoảng", "hơn", "trên" ... against a value within 10% of it is
*approximate*: shown, not a conflict.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher

from vnsum.stories.group import words
from vnsum.story import Claim, Disagreement, Report

#: Cosine of two sentences' words (values left out) at or above which they say the same thing.
ALIGNED = 0.3
#: A sentence pair differing in more values than this says different things, not the same thing differently.
MAX_PER_PAIR = 2
#: Tokens between a pair of values and an aligned word for the pair to be anchored.
ANCHOR = 2
#: Words the same just before or just after two values that pairs them when the sentences tell it in another order.
CONTEXT = 2
#: Two names this alike (difflib ratio) are one name spelt two ways.
VARIANT = 0.8
#: Sentences shorter than this many content words are not compared (too little to align on).
MIN_WORDS = 5
#: Articles of a story compared pairwise (the best linked first).
MAX_ARTICLES = 12
#: How far apart two values may be for a hedged one to be approximately the other.
CLOSE = Decimal("0.1")
#: Two values this close are one rounded ("70 triệu", "70,3 triệu"): approximate even unhedged.
ROUNDED = Decimal("0.02")

_HEDGE = re.compile(
    r"(?i)(?:gần|khoảng|chừng|hơn|trên|dưới|xấp xỉ|ước tính|ước|ngót|tầm|hàng|gần như|ít nhất|tối thiểu|tối đa|"
    r"không dưới|không quá|chưa đến|chưa tới|vài|nhiều|hơn|gần\s+như)\s*$"
)
_SLOT = "\x00"
_CODE = re.compile(r"[^\W\d_]\d|\d[^\W\d_]{1,2}\d")
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_DAY_MONTH = re.compile(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALE = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9, "vạn": 10**4, "trăm": 100, "chục": 10}
_VALUE_WORD = re.compile(r"^\d|^(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm|chục|đồng|usd|người|giờ|phút|ngày|tháng|năm)$")


def quantity(value: str) -> Decimal | None:
    """The number a Vietnamese value says ("10.000 tỷ" -> 10**13, "5,5%" -> 5.5), or None."""
    m = _NUMBER.search(value)
    if not m:
        return None
    digits = m.group(0)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    else:
        digits = digits.replace(".", "").replace(",", ".") if "," in digits else digits
    try:
        q = Decimal(digits)
    except InvalidOperation:
        return None
    for w in value[m.end() :].lower().split():
        if w in _SCALE:
            q *= _SCALE[w]
    return q


def _person(name: str) -> bool:
    """A person's full name: two to five capitalised words ("Nguyễn Văn Hùng"); one word is
    more often a place or a body ("Mexico", "Bộ")."""
    parts = name.split()
    return 2 <= len(parts) <= 5 and all(p[:1].isupper() for p in parts)


def _spans(sentence: str, value: str) -> list[tuple[int, int]]:
    """Where a value stands in a sentence as a whole token: "4" in "có 4 binh sĩ", not the 4 of
    "13/4/2011" (a plain ``find`` took the first, and the words around it were another value's)."""
    pattern = rf"(?<![\w.,/:-]){re.escape(value)}(?![\w/:]|[.,-]\d)"
    return [m.span() for m in re.finditer(pattern, sentence, re.IGNORECASE)] or (
        [(at, at + len(value))] if (at := sentence.find(value)) >= 0 else []
    )


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name: one inside the other ("James Clapper", "James Clapper Tuyên") or
    a letter or two apart ("Hoa Xuân Oánh", "Hoa Xuân Doanh")."""
    x, y = a.lower().split(), b.lower().split()
    short, long_ = sorted((x, y), key=len)
    inside = any(long_[k : k + len(short)] == short for k in range(len(long_) - len(short) + 1))
    return inside or SequenceMatcher(None, a.lower(), b.lower()).ratio() >= VARIANT


def _hedged(sentence: str, value: str) -> bool:
    return any(a > 0 and bool(_HEDGE.search(sentence[:a])) for a, _ in _spans(sentence, value))


def _marked(sentence: str, values: Sequence[tuple[str, str]]) -> tuple[list[str], list[int]]:
    """The sentence's lowercased tokens, each of ``values`` (value, kind) one token standing for its
    kind; and, per token, the index of the value it stands for (-1: a word)."""
    spans = sorted((a, e, k) for k, (v, _) in enumerate(values) for a, e in _spans(sentence, v))
    toks: list[str] = []
    owner: list[int] = []
    pos = 0
    for a, e, k in spans:
        if a < pos:
            continue
        ws = [t.lower() for t in _TOKEN.findall(sentence, pos, a)]
        toks += [*ws, _SLOT + values[k][1]]
        owner += [-1] * len(ws) + [k]
        pos = e
    rest = [t.lower() for t in _TOKEN.findall(sentence, pos)]
    return toks + rest, owner + [-1] * len(rest)


def _slots(s1: str, v1: Sequence[tuple[str, str]], s2: str, v2: Sequence[tuple[str, str]]) -> dict[tuple[int, int], bool]:
    """Values of ``s1`` and ``s2`` (value, kind) that stand in the same place of the two sentences:
    paired by the longest common subsequence of their tokens (difflib, each value one token of its
    kind), and whether the pair is anchored: an aligned word at most :data:`ANCHOR` tokens before
    or after it in both sentences ("27 CEO" / "27 lãnh đạo" after the same "48.000 tỷ USD")."""
    t1, o1 = _marked(s1, v1)
    t2, o2 = _marked(s2, v2)
    words: list[tuple[int, int]] = []
    values: list[tuple[int, int]] = []
    for i, j, size in SequenceMatcher(None, t1, t2, autojunk=False).get_matching_blocks():
        for k in range(size):
            (values if o1[i + k] >= 0 and o2[j + k] >= 0 else words).append((i + k, j + k))
    out: dict[tuple[int, int], bool] = {}
    for i, j in values:
        near = any(0 < abs(i - wi) <= ANCHOR and 0 < abs(j - wj) <= ANCHOR and (wi < i) == (wj < j) for wi, wj in words)
        out[(o1[i], o2[j])] = near
    # a clause told in another order: the same two words before or after the values
    for i, k1 in enumerate(o1):
        for j, k2 in enumerate(o2):
            if k1 < 0 or k2 < 0 or t1[i] != t2[j] or (k1, k2) in out:
                continue
            before = min(i, j) >= CONTEXT and t1[i - CONTEXT : i] == t2[j - CONTEXT : j]
            after = len(t1[i + 1 : i + 1 + CONTEXT]) == CONTEXT and t1[i + 1 : i + 1 + CONTEXT] == t2[j + 1 : j + 1 + CONTEXT]
            if before or after:
                out[(k1, k2)] = True
    return out


def _approximate(a: Claim, b: Claim) -> bool:
    qa, qb = quantity(a.value), quantity(b.value)
    if qa is None or qb is None or not qa or not qb:
        return False
    if abs(qa - qb) <= ROUNDED * max(abs(qa), abs(qb)):
        return True  # "70 triệu" for "70,3 triệu": a rounding
    hedged = _hedged(a.text_vi, a.value) or _hedged(b.text_vi, b.value)
    return hedged and abs(qa - qb) <= CLOSE * max(abs(qa), abs(qb))


def _bag(sentence: str) -> Counter[str]:
    return Counter(w for w in words(sentence) if not _VALUE_WORD.search(w))


def _cos(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(w, 0) for w, v in a.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def disagreements(reports: Sequence[Report]) -> tuple[Disagreement, ...]:
    """The disagreements between a story's articles (given best linked first; one per outlet)."""
    from vnsum.checks import check_summary

    arts = [r for r in reports if r.sentences][:MAX_ARTICLES]
    bags = [[(s, _bag(s)) for s in r.sentences] for r in arts]
    texts = ["\n".join(filter(None, [r.title_vi, *r.sentences])) for r in arts]
    found: list[Disagreement] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for i, a in enumerate(arts):
        for j in range(i + 1, len(arts)):
            b = arts[j]
            if a.outlet == b.outlet:
                continue
            for sa, sb, sim in _pairs(bags[i], bags[j]):
                for d in _compare(a, sa, texts[i], b, sb, texts[j], sim, check_summary):
                    key = frozenset((c.article, c.value.lower()) for c in d.claims)
                    if key not in seen:
                        seen.add(key)
                        found.append(d)
    return _join(found)


def _pairs(a: list[tuple[str, Counter[str]]], b: list[tuple[str, Counter[str]]]) -> list[tuple[str, str, float]]:
    """Sentences of two articles that tell the same thing: one the other's most alike in its article
    (cosine of their words, values left out, at least :data:`ALIGNED`; the first of equals).
    Comparing a sentence with any alike one found "different values" in different facts."""
    ok_a = [k for k, (_, w) in enumerate(a) if sum(w.values()) >= MIN_WORDS]
    ok_b = [k for k, (_, w) in enumerate(b) if sum(w.values()) >= MIN_WORDS]
    if not ok_a or not ok_b:
        return []
    sims = {(i, j): _cos(a[i][1], b[j][1]) for i in ok_a for j in ok_b}
    best_b = {i: max(ok_b, key=lambda j: (sims[(i, j)], -j)) for i in ok_a}
    best_a = {j: max(ok_a, key=lambda i: (sims[(i, j)], -i)) for j in ok_b}
    pairs = sorted({*best_b.items(), *((i, j) for j, i in best_a.items())})
    return [(a[i][0], b[j][0], sims[(i, j)]) for i, j in pairs if sims[(i, j)] >= ALIGNED]


def _family(kind: str, value: str) -> str:
    """The kind a value is compared as: a day-month written as a number ("hôm 12-10", read as a
    number without a date word before it) is compared with dates."""
    return "date" if kind == "number" and _DAY_MONTH.fullmatch(value) else kind


def _compare(a: Report, sa: str, text_a: str, b: Report, sb: str, text_b: str, sim: float, check) -> list[Disagreement]:
    """Values of sentence ``sa`` that article B nowhere has, against values of the same kind in ``sb`` that ``sa``
    lacks; and the same from B's side."""
    out = []
    a_not_b = check(sa, text_b).problems
    b_not_sa = check(sb, sa).problems
    b_not_a = check(sb, text_a).problems
    a_not_sb = check(sa, sb).problems
    for left, right, first, second, s1, s2 in ((a_not_b, b_not_sa, a, b, sa, sb), (b_not_a, a_not_sb, b, a, sb, sa)):
        ps = [(p.value, _family(p.kind, p.value)) for p in left]
        qs = [(q.value, _family(q.kind, q.value)) for q in right]
        # people the other side never names on each side: two people's ages, tolls or sentences, not one figure
        others = any(k == "name" and _person(v) for v, k in ps) and any(k == "name" and _person(v) for v, k in qs)
        for (pi, qi), anchored in sorted(_slots(s1, ps, s2, qs).items()):
            p, q = left[pi], right[qi]
            kind = ps[pi][1]
            if p.value.lower() == q.value.lower():
                continue
            if kind == "name" and (_variant(p.value, q.value) or not (_person(p.value) and _person(q.value))):
                continue  # one name spelt two ways ("Vladimir", "Vladmir"); places and bodies are not roles
            if others and kind != "name":
                continue
            sole = sum(1 for v in ps if v[1] == kind) == 1 and sum(1 for v in qs if v[1] == kind) == 1
            if not anchored and not (sole and kind in ("date", "time")):
                continue  # not said of the same thing
            if kind in ("number", "amount", "percent") and not (_NUMBER.search(p.value) and _NUMBER.search(q.value)):
                continue  # "hàng trăm" against "1.500" is no conflict of figures
            if kind in ("number", "amount", "percent") and (_CODE.search(p.value) or _CODE.search(q.value)):
                continue  # "A5", "G2", "S4": a model's name, not a count
            if kind in ("number", "percent") and quantity(p.value) == quantity(q.value):
                continue  # "1.9MP" and "1,9 megapixel", "320x320" and "320 x 320": one figure written two ways
            c1, c2 = Claim(first.outlet, first.id, p.value, s1), Claim(second.outlet, second.id, q.value, s2)
            claims = (c1, c2) if first is a else (c2, c1)
            out.append(Disagreement(kind, claims, _approximate(c1, c2), sim))
    unique = list({frozenset((c.article, c.value.lower()) for c in d.claims): d for d in out}.values())
    return unique if len(unique) <= MAX_PER_PAIR else []


def _join(found: list[Disagreement]) -> tuple[Disagreement, ...]:
    """Disagreements sharing a claim (one outlet's value against several others) become one."""
    out: list[Disagreement] = []
    for d in found:
        home = next(
            (
                k
                for k, o in enumerate(out)
                if o.kind == d.kind and {(c.article, c.value) for c in o.claims} & {(c.article, c.value) for c in d.claims}
            ),
            None,
        )
        if home is None:
            out.append(d)
            continue
        o = out[home]
        claims = tuple(dict.fromkeys(o.claims + d.claims))
        out[home] = Disagreement(o.kind, claims, o.approximate and d.approximate, max(o.similarity, d.similarity))
    return tuple(out)
