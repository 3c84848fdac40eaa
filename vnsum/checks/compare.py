"""Matching rules: when a value on one side is supported by the other side.

Translation (Vietnamese -> English), both directions:

* a value is supported when one of its ``needs`` alternatives is inside the
  union of what the other side ``provides`` (see ``values.py``);
* a name is also supported when its folded words are among the capitalised
  words of the other side (``names.NameIndex``);
* an unsupported *strong* value is a problem; an unsupported *weak* value is a
  problem only when the other side also has an unsupported value of the same
  family (a substitution: "ba" -> "four", "millions" -> "billions");
* ``support_only`` values are never reported.

Summary (Vietnamese summary against the Vietnamese article): every strong value
of the summary must be provided by the article; names must occur in the article
as written (diacritics kept, tone placement ignored), a multi-word name as one
sequence, a one-word name as a whole name or the last word of one ("ông Định"
for "Lê Xuân Định"), or as another form of the same table entry ("TP.HCM" /
"Thành phố Hồ Chí Minh").  Spelled-out numbers and other weak values are not
checked in a summary.

A new language pair needs its own extractors (like ``vi.py``/``en.py`` and the
``names`` functions) producing the same keys; ``check_translation`` is the
template for the comparison.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import en as en_values
from . import vi as vi_values
from .names import (
    VI_ACRONYMS,
    VI_OFFICE_TITLES,
    VI_PERSON_TITLES,
    VI_SURNAMES,
    NameIndex,
    _preceded_by_title,
    en_names,
    is_vi_syllable,
    names_match,
    tokens,
    vi_names,
)
from .norm import prepare, unglue, vnorm
from .values import FAMILY, Value

MISSING_EN = "missing from the English"
NOT_IN_VI = "not in the Vietnamese"
NOT_IN_ARTICLE = "not in the article"


@dataclass(frozen=True)
class Problem:
    field: str  # "summary_vi", "summary_en", "headline_en", "key_points[2].text_en", ...
    kind: str  # number, amount, percent, date, time, name
    value: str  # the value as written on the side where it was found
    problem: str  # "not in the article" | "missing from the English" | "not in the Vietnamese"
    text_vi: str  # the Vietnamese text it concerns

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "kind": self.kind, "value": self.value, "problem": self.problem, "text_vi": self.text_vi}


@dataclass
class CheckResult:
    problems: list[Problem]
    checked: int  # how many values were compared

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"ok": self.ok, "checked": self.checked, "problems": [p.to_dict() for p in self.problems]}


class _Side:
    """One text with its values; the name index is built when a translation needs it."""

    __slots__ = ("_index", "provides", "text", "toks", "values", "vietnamese")

    def __init__(self, text: str, values: tuple[Value, ...], vietnamese: bool, toks: list):
        self.text, self.values, self.vietnamese, self.toks = text, values, vietnamese, toks
        self.provides = frozenset().union(*(v.provides for v in values))
        self._index: NameIndex | None = None

    @property
    def index(self) -> NameIndex:
        if self._index is None:
            self._index = NameIndex(self.text, self.vietnamese)
        return self._index


@lru_cache(maxsize=256)
def _vi_side(text: str) -> _Side:
    t = unglue(vnorm(prepare(text)))
    sc = vi_values.extract(t)
    toks = tokens(t)
    names = vi_names(sc, toks)
    return _Side(t, tuple(sc.values) + tuple(names), True, toks)


@lru_cache(maxsize=256)
def _en_side(text: str) -> _Side:
    t = prepare(text)
    sc = en_values.extract(t)
    names = en_names(sc)
    return _Side(t, tuple(sc.values) + tuple(names), False, [])


def _supported(v: Value, other: _Side) -> bool:
    if v.satisfied(other.provides):
        return True
    if v.kind != "name":
        return False
    if v.group is not None:
        if any(("g", g) in needs for needs in v.needs for g in other.index.groups):
            return True  # an English name against "ở mỹ" written in lower case
        if len("".join(v.tokens)) < 4:
            return False  # "Mỹ" is not supported by an English "My"
    # the English may shorten a Vietnamese full name, not lengthen it
    return other.index.supports(v.tokens, lenient=not other.vietnamese)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for p in problems:
        k = (p.kind, p.value.lower(), p.problem)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def check_translation(vi: str, en: str, field: str) -> CheckResult:
    """Numbers, amounts, percentages, dates, times and names of a Vietnamese text and its
    English translation, each side against the other."""
    a, b = _vi_side(vi), _en_side(en)
    checked = [v for v in a.values + b.values if not v.support_only]
    un_a = [v for v in a.values if not v.support_only and not _supported(v, b)]
    un_b = [v for v in b.values if not v.support_only and not _supported(v, a)]
    # a weak value counts against an unmatched value of its family on the other side;
    # a weak name only against a strong one (a translated title against a translated title
    # is no substitution)
    fam_a = {FAMILY[v.kind] for v in un_a if v.kind != "name" or not v.weak}
    fam_b = {FAMILY[v.kind] for v in un_b if v.kind != "name" or not v.weak}
    problems = [Problem(field, v.kind, v.text, MISSING_EN, vi) for v in un_a if not v.weak or FAMILY[v.kind] in fam_b]
    problems += [Problem(field, v.kind, v.text, NOT_IN_VI, vi) for v in un_b if not v.weak or FAMILY[v.kind] in fam_a]
    # a value the Vietnamese repeats that the English has fewer times (the English may
    # repeat a name for clarity, so only this direction)
    problems += [Problem(field, v.kind, v.text, MISSING_EN, vi) for v in _fewer(a, b, un_a)]
    return CheckResult(_dedupe(problems), len(checked))


def _fewer(a: _Side, b: _Side, unmatched: list[Value]) -> list[Value]:
    """Strong values written more often on side a than b supports them ("400" twice in the
    Vietnamese, once in the English): one of them was dropped or replaced."""
    groups: dict[object, list[Value]] = {}
    left_out = set(unmatched)  # a set (values are frozen): `v in unmatched` compared every pair
    for v in a.values:
        if v.weak or v.support_only or v in left_out:
            continue
        key = v.tokens if v.kind == "name" else v.needs
        groups.setdefault(key, []).append(v)
    out = []
    for vs in groups.values():
        if len(vs) < 2:
            continue
        rep = vs[0]
        if rep.kind == "name":
            have = sum(1 for w in b.values if w.kind == "name" and names_match(rep.tokens, w.tokens))
        else:
            have = sum(1 for w in b.values if rep.satisfied(w.provides))
        if 0 < have < len(vs):
            out.append(rep)
    return out


def choose_translation(vi: str, hypotheses: list[str], field: str) -> tuple[int, CheckResult]:
    """The first hypothesis (best first) that passes the check, else 0 and its result."""
    if not hypotheses:
        raise ValueError("choose_translation needs at least one hypothesis")
    first: CheckResult | None = None
    for i, hyp in enumerate(hypotheses):
        res = check_translation(vi, hyp, field)
        if res.ok:
            return i, res
        if first is None:
            first = res
    assert first is not None
    return 0, first


@dataclass(frozen=True)
class _Article:
    provides: frozenset
    words: tuple[str, ...]  # every word, lowercased, one tone placement
    run_end: tuple[bool, ...]  # whether a word ends a run of capitalised words
    where: dict  # word -> its positions
    last_words: frozenset  # last word of a person's name, and one-word names


@lru_cache(maxsize=64)
def _article(text: str) -> _Article:
    side = _vi_side(text)
    toks = side.toks
    words = tuple(t.text.lower() for t in toks)
    ends = []
    where: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        ends.append(nxt is None or not nxt.cap or side.text[t.end : nxt.start] != " ")
        where.setdefault(words[i], []).append(i)
    last: set[str] = set()
    run: list = []
    for i, t in enumerate(toks + [None]):
        if t is not None and t.cap and run and side.text[run[-1].end : t.start] == " ":
            run.append(t)
            continue
        if run and _person_run(toks, i - len(run), run, side.text):
            last.add(run[-1].text.lower())
        run = [t] if t is not None and t.cap else []
    return _Article(side.provides, words, tuple(ends), where, frozenset(last))


def _person_run(toks: list, i: int, run: list, text: str) -> bool:
    """A one-word run, a family name with given names, a titled name or a foreign name:
    a name whose last word alone still names the same person ("ông Định", "Obama")."""
    while run and run[0].text.upper() in VI_ACRONYMS and len(run) > 1:
        run, i = run[1:], i + 1  # "TP Nha Trang" is no person
    words = [t.text for t in run]
    if len(words) == 1:
        return True
    if vnorm(words[0]) in VI_SURNAMES or any(not is_vi_syllable(w) for w in words):
        return True
    return _preceded_by_title(toks, i, text, VI_PERSON_TITLES | VI_OFFICE_TITLES)


_SCALED = re.compile(r"(?i)(?<!\w)(?:mươi|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|chục)(?!\w)")
# a sentence ends at . ! ? … followed by a space and a capital, except after "TP." or "N."
_SENT_END = re.compile(r"(?<![\s.][A-ZĐ])(?<![\s.][A-ZĐ][A-ZĐ])(?<!\bTP)[.!?…]+[\"”»)]*\s+(?=[\"“«(]?[A-ZÀ-ỸĐ0-9])|\n+")


@lru_cache(maxsize=16)
def _sentence_ends(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _SENT_END.finditer(text))


def _sentence(text: str, start: int) -> str:
    """The sentence of ``text`` around offset ``start`` (the ends found once per text: a scan
    per problem made a long record quadratic)."""
    ends = _sentence_ends(text)
    i = bisect_right(ends, start)
    begin = ends[i - 1] if i else 0
    return text[begin : ends[i] if i < len(ends) else len(text)].strip()


def _name_in_article(v: Value, art: _Article) -> bool:
    """A name of the summary is in the article as a whole name: a run of words that ends
    where a name ends there ("Lê Xuân" is not "Lê Xuân Định"), or the last word of a
    person's name ("ông Định"), or another form of the same table entry."""
    if v.satisfied(art.provides):
        return True
    words = [t.text.lower() for t in tokens(v.text)]
    if not words:
        return True
    if len(words) == 1:
        return words[0] in art.last_words
    if words[-1] in art.last_words and not is_vi_syllable(words[-1]) and not is_vi_syllable(words[0]):
        return True  # "Rafael Nadal" where the article says "Nadal"
    k = len(words)
    return any(art.words[i : i + k] == tuple(words) and art.run_end[i + k - 1] for i in art.where.get(words[0], ()))


def check_summary(summary_vi: str, article: str, field: str = "summary_vi") -> CheckResult:
    """Each number, amount, percentage, date, time and name of a Vietnamese summary must be
    supported by the article (give the title with the article when it may be needed)."""
    s = _vi_side(summary_vi)
    art = _article(article)
    problems: list[Problem] = []
    checked = 0
    for v in s.values:
        if v.kind == "name":
            if (v.support_only or v.weak) and len(v.tokens) < 2 and v.group is None and vnorm(v.text) not in VI_SURNAMES:
                continue  # "Bộ", "Đối" (tác): the first word of a common compound
            checked += 1
            if not _name_in_article(v, art):
                problems.append(Problem(field, "name", v.text, NOT_IN_ARTICLE, _sentence(s.text, v.start)))
            continue
        if v.support_only or (v.weak and not _SCALED.search(v.text)):
            continue  # "hai", "ba": spelled small numbers are not checked in a summary
        checked += 1
        needs = v.same_lang or v.needs
        if not any(alt <= art.provides for alt in needs):
            problems.append(Problem(field, v.kind, v.text, NOT_IN_ARTICLE, _sentence(s.text, v.start)))
    return CheckResult(_dedupe(problems), checked)


def check_record(record: dict) -> dict:
    """One line of ``vnsum check``: ``{"vi", "en"}`` (a translation) or ``{"article",
    "summary"}`` (a Vietnamese summary; an optional ``"title"`` is added to the article)."""
    if not isinstance(record, dict):
        raise ValueError(f"a record must be a JSON object, not {type(record).__name__}")
    keys = set(record)
    is_tr = {"vi", "en"} <= keys
    is_sum = {"article", "summary"} <= keys
    if is_tr == is_sum:
        got = ", ".join(sorted(map(str, keys))) or "no keys"
        raise ValueError(f"a record needs either 'vi' and 'en' or 'article' and 'summary' (got: {got})")
    need = ("vi", "en") if is_tr else ("article", "summary", "title")
    for k in need:
        if k in record and not isinstance(record[k], str):
            raise ValueError(f"'{k}' must be a string, not {type(record[k]).__name__}")
    if is_tr:
        res = check_translation(record["vi"], record["en"], "en")
        kind = "translation"
    else:
        article = record["article"]
        if record.get("title"):
            article = record["title"] + "\n" + article
        res = check_summary(record["summary"], article, "summary")
        kind = "summary"
    return {"kind": kind, **res.to_dict()}
