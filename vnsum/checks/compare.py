"""Matching rules: when a value on one side is supported by the other side.

Translation (Vietnamese -> English), both directions:

* a value is supported when one of its ``needs`` alternatives is inside the
  union of what the other side ``provides`` (see ``values.py``);
* a name is also supported when its folded words are among the capitalised
  words of the other side (``names.NameIndex``); a Vietnamese name must reach the
  English letter for letter (case, possessive, plural and exonyms aside), and a
  near miss ("Edisom" for "Edison") is reported once as ``misspelled`` with the
  Vietnamese spelling in ``expected``; an abbreviation supports the words it
  abbreviates ("NYU" / "đại học New York");
* unmatched measures that are each other in other units ("300 m" / "985 feet")
  are one ``converted`` finding, shown but not a problem (``Problem.counts``);
* with a glossary in the lexicon, each of its terms in the Vietnamese must be
  rendered as given (a ``glossary`` problem otherwise);
* an unsupported *strong* value is a problem; an unsupported *weak* value is a
  problem only when the other side also has an unsupported value of the same
  family (a substitution: "ba" -> "four", "millions" -> "billions");
* ``support_only`` values are never reported.

Summary (Vietnamese summary against the Vietnamese article): every strong value
of the summary must be provided by the article; names must occur in the article
as written (diacritics kept, tone placement ignored), a multi-word name as one
sequence, a one-word name as a whole name or the last word of one ("ông Định"
for "Lê Xuân Định"), or as another form of the same table entry ("TP.HCM" /
"Thành phố Hồ Chí Minh"); a name the article writes a letter or two (or a tone
mark) apart is ``misspelled``.  Spelled-out numbers and other weak values are not
checked in a summary.  ``choose_summary`` picks the first of a summarizer beam's
hypotheses that passes.

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
from . import units
from . import vi as vi_values
from .lexicon import Lexicon, default_lexicon
from .names import NameIndex, en_names, names_match, near, preceded_by_title, tokens, vi_names
from .norm import TOKEN, fold, is_vi_syllable, prepare, unglue, vnorm
from .values import FAMILY, Value

MISSING_EN = "missing from the English"
NOT_IN_VI = "not in the Vietnamese"
NOT_IN_ARTICLE = "not in the article"
#: a name whose spelling differs by a letter or two (``expected`` holds the other side's)
MISSPELLED = "misspelled"
#: a measure the English gives in other units (a human translator's conversion): shown, not a problem
CONVERTED = "converted to other units"


@dataclass(frozen=True)
class Problem:
    field: str  # "summary_vi", "summary_en", "headline_en", "key_points[2].text_en", ...
    kind: str  # number, amount, percent, date, time, name
    value: str  # the value as written on the side where it was found
    problem: str  # "not in the article" | "missing from the English" | "not in the Vietnamese"
    text_vi: str  # the Vietnamese text it concerns
    expected: str = ""  # misspelled: the spelling of the other side; glossary: the rendering asked for
    value_en: str = ""  # a summary's unsupported value as the English summary writes it (set by the Pipeline)

    @property
    def counts(self) -> bool:
        """Whether it is a problem (``--strict``); a unit conversion is only shown."""
        return self.kind != "converted"

    def to_dict(self) -> dict[str, str]:
        d = {"field": self.field, "kind": self.kind, "value": self.value, "problem": self.problem, "text_vi": self.text_vi}
        for k in ("expected", "value_en"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        return d


@dataclass
class CheckResult:
    problems: list[Problem]
    checked: int  # how many values were compared

    @property
    def ok(self) -> bool:
        """No problem left (a unit conversion is shown, not a problem)."""
        return not any(p.counts for p in self.problems)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "checked": self.checked, "problems": [p.to_dict() for p in self.problems]}


class _Side:
    """One text with its values; the name index is built when a translation needs it."""

    __slots__ = ("_index", "_lex", "provides", "text", "toks", "values", "vietnamese")

    def __init__(self, text: str, values: tuple[Value, ...], vietnamese: bool, toks: list, lex: Lexicon):
        self.text, self.values, self.vietnamese, self.toks, self._lex = text, values, vietnamese, toks, lex
        self.provides = frozenset().union(*(v.provides for v in values))
        self._index: NameIndex | None = None

    @property
    def index(self) -> NameIndex:
        if self._index is None:
            self._index = NameIndex(self.text, self.vietnamese, self._lex)
        return self._index

    def written(self, folded: str) -> str:
        """A folded word as this text writes it ("darwio" -> "Darwio")."""
        for m in TOKEN.finditer(self.text):
            for part in re.split(r"[-.'&]", m.group(0)):
                if fold(part) == folded:
                    return part
        return folded


def _vi_side(text: str, lex: Lexicon) -> _Side:
    def make() -> _Side:
        t = unglue(vnorm(prepare(text)))
        sc = vi_values.extract(t)
        toks = tokens(t)
        names = vi_names(sc, lex, toks)
        return _Side(t, tuple(sc.values) + tuple(names), True, toks, lex)

    return lex.memo.get(("vi", text), make)


def _en_side(text: str, lex: Lexicon) -> _Side:
    def make() -> _Side:
        t = prepare(text)
        sc = en_values.extract(t)
        names = en_names(sc, lex)
        return _Side(t, tuple(sc.values) + tuple(names), False, [], lex)

    return lex.memo.get(("en", text), make)


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
    if _acronym(v) is not None and other.index.abbreviates((_acronym(v) or "",), True):
        return True  # "NYU" for "đại học New York"
    if len(v.tokens) <= 6 and _acronym(v) is None and other.index.abbreviates(v.tokens, False):
        return True
    # the English may shorten a Vietnamese full name, not lengthen it; a Vietnamese name
    # must reach the English letter for letter (a near miss is reported as misspelled)
    if other.vietnamese:
        return other.index.supports(v.tokens, lenient=False)
    if other.index.supports(v.tokens, lenient=False, exact=True):
        return True
    if other.index.near_misses(v.tokens):
        return False  # "Briak Goldman" does not name Brian Goldman by his family name alone
    return other.index.supports(v.tokens, lenient=True, exact=True)


def _acronym(v: Value) -> str | None:
    """The folded letters of a name written as one abbreviation ("NYU"), else None."""
    w = v.text.strip()
    if 2 <= len(w) <= 6 and w.isalpha() and sum(ch.isupper() for ch in w) >= 2 and w[:2].isupper():
        return fold(w)
    return None


def _misspelled(v: Value, other: _Side) -> list[tuple[str, str]]:
    """(this side's word, the other side's) for a name the other side writes one or two letters
    apart; empty when it is simply not there."""
    if v.kind != "name" or not v.tokens:
        return []
    return other.index.near_misses(v.tokens)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for p in problems:
        k = (p.kind, p.value.lower(), p.problem)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def check_translation(vi: str, en: str, field: str, lexicon: Lexicon | None = None) -> CheckResult:
    """Numbers, amounts, percentages, dates, times and names of a Vietnamese text and its
    English translation, each side against the other (and the glossary's terms, when the
    lexicon has one)."""
    lex = lexicon or default_lexicon()
    a, b = _vi_side(vi, lex), _en_side(en, lex)
    checked = [v for v in a.values + b.values if not v.support_only]
    un_a = [v for v in a.values if not v.support_only and not _supported(v, b)]
    # a name the English spells one or two letters off: reported as such, once
    misspelled: list[Problem] = []
    for v in list(un_a):
        pairs = _misspelled(v, b)
        if pairs:
            un_a.remove(v)
            got = " ".join(b.written(e) for _, e in pairs)
            want = " ".join(a.written(w) for w, _ in pairs)
            misspelled.append(Problem(field, "name", got, MISSPELLED, vi, want))
    un_b = [v for v in b.values if not v.support_only and not _supported(v, a)]
    converted = _conversions(a, b, un_a, un_b, field, vi)
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
    if misspelled:
        # the English spelling also fails to support anything in the Vietnamese: said once
        wrong = {w for p in misspelled for w in fold(p.value).split()}
        problems = [p for p in problems if not (p.problem == NOT_IN_VI and set(fold(p.value).split()) & wrong)]
    problems = misspelled + problems + converted
    if lex.glossary is not None:
        problems += lex.glossary.problems(vi, en, field)
    return CheckResult(_dedupe(problems), len(checked))


def _conversions(a: _Side, b: _Side, un_a: list[Value], un_b: list[Value], field: str, vi: str) -> list[Problem]:
    """Unmatched measures of the two sides that are one another in other units ("100 m" /
    "330 feet"): taken out of the unmatched lists, reported as ``converted``."""
    out = []
    for v in list(un_a):
        mv = units.measure(v, a.text, True)
        if mv is None:
            continue
        for w in un_b:
            mw = units.measure(w, b.text, False)
            if mw is not None and units.converted(mv, mw):
                un_a.remove(v)
                un_b.remove(w)
                shown = w.text if w.text.endswith(mw[1]) else f"{w.text} {mw[1]}"
                out.append(Problem(field, "converted", shown, CONVERTED, vi, f"{v.text} {mv[1]}"))
                break
    return out


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


@dataclass(frozen=True)
class Choice:
    """The hypothesis of a beam that the checks chose, as it goes into the brief."""

    index: int  # which hypothesis (0: the beam's best)
    text: str  # its text, after the glossary's post-edits if any
    result: CheckResult  # the checks of ``text``
    edits: tuple[str, ...] = ()  # the glossary's post-edits, said in the brief's notes
    by_glossary: bool = False  # the glossary, not the values, made the choice


def choose_hypothesis(vi: str, hypotheses: list[str], field: str, lexicon: Lexicon | None = None) -> Choice:
    """The first hypothesis (best first) that passes every check, glossary included; else the
    first that renders the glossary's terms; else the best.  A glossary term still missing is
    then post-edited when that is safe (``Glossary.post_edit``), else it stays a problem."""
    if not hypotheses:
        raise ValueError("choose_hypothesis needs at least one hypothesis")
    lex = lexicon or default_lexicon()
    results: list[CheckResult] = []
    for i, hyp in enumerate(hypotheses):
        res = check_translation(vi, hyp, field, lex)
        if res.ok:
            return Choice(i, hyp, res, by_glossary=i > 0 and any(p.kind == "glossary" for p in results[0].problems))
        results.append(res)
    index = 0
    if lex.glossary is not None and any(p.kind == "glossary" for p in results[0].problems):
        for i, res in enumerate(results):
            if all(p.kind != "glossary" for p in res.problems):
                index = i
                break
    text, res = hypotheses[index], results[index]
    edits: tuple[str, ...] = ()
    if lex.glossary is not None and any(p.kind == "glossary" for p in res.problems):
        edited, edits = lex.glossary.post_edit(vi, text)
        if edits:
            text, res = edited, check_translation(vi, edited, field, lex)
    return Choice(index, text, res, edits, by_glossary=index > 0)


def choose_translation(vi: str, hypotheses: list[str], field: str, lexicon: Lexicon | None = None) -> tuple[int, CheckResult]:
    """The first hypothesis (best first) that passes the check, else 0 and its result."""
    choice = choose_hypothesis(vi, hypotheses, field, lexicon)
    return choice.index, choice.result


@dataclass(frozen=True)
class _Article:
    provides: frozenset
    words: tuple[str, ...]  # every word, lowercased, one tone placement
    run_end: tuple[bool, ...]  # whether a word ends a run of capitalised words
    where: dict  # word -> its positions
    last_words: frozenset  # last word of a person's name, and one-word names
    capitalised: dict  # a word written with a capital, lowercased -> as written


def _article(text: str, lex: Lexicon) -> _Article:
    return lex.memo.get(("article", text), lambda: _make_article(text, lex))


def _make_article(text: str, lex: Lexicon) -> _Article:
    side = _vi_side(text, lex)
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
        if run and _person_run(toks, i - len(run), run, side.text, lex):
            last.add(run[-1].text.lower())
        run = [t] if t is not None and t.cap else []
    caps = {t.text.lower(): t.text for t in toks if t.cap}
    return _Article(side.provides, words, tuple(ends), where, frozenset(last), caps)


def _person_run(toks: list, i: int, run: list, text: str, lex: Lexicon) -> bool:
    """A one-word run, a family name with given names, a titled name or a foreign name:
    a name whose last word alone still names the same person ("ông Định", "Obama")."""
    while run and run[0].text.upper() in lex.vi_acronyms and len(run) > 1:
        run, i = run[1:], i + 1  # "TP Nha Trang" is no person
    words = [t.text for t in run]
    if len(words) == 1:
        return True
    if vnorm(words[0]) in lex.vi_surnames or any(not is_vi_syllable(w) for w in words):
        return True
    return preceded_by_title(toks, i, text, lex.vi_person_titles | lex.vi_office_titles)


def _near_vi(a: str, b: str) -> bool:
    """Two Vietnamese spellings of one name: a tone mark or a letter or two apart."""
    fa, fb = fold(a), fold(b)
    return a != b and (fa == fb or near(a, b) or near(fa, fb))


def _misspelled_in_article(v: Value, art: _Article) -> str:
    """The article's spelling of a summary name that it writes a letter or two apart
    ("Lê Xuân Địng" / "Lê Xuân Định"), or ""."""
    words = [t.text for t in tokens(v.text)]
    out, changed = [], False
    for w in words:
        low = w.lower()
        if low in art.capitalised:
            out.append(art.capitalised[low])
            continue
        cands = sorted(c for c in art.capitalised if _near_vi(low, c))
        if not cands:
            return ""
        out.append(art.capitalised[cands[0]])
        changed = True
    return " ".join(out) if changed else ""


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


def check_summary(summary_vi: str, article: str, field: str = "summary_vi", lexicon: Lexicon | None = None) -> CheckResult:
    """Each number, amount, percentage, date, time and name of a Vietnamese summary must be
    supported by the article (give the title with the article when it may be needed); a
    name the article spells a letter or two apart is reported as misspelled."""
    lex = lexicon or default_lexicon()
    s = _vi_side(summary_vi, lex)
    art = _article(article, lex)
    problems: list[Problem] = []
    checked = 0
    for v in s.values:
        if v.kind == "name":
            if (v.support_only or v.weak) and len(v.tokens) < 2 and v.group is None and vnorm(v.text) not in lex.vi_surnames:
                continue  # "Bộ", "Đối" (tác): the first word of a common compound
            checked += 1
            right = _misspelled_in_article(v, art)
            if right or not _name_in_article(v, art):
                problem = MISSPELLED if right else NOT_IN_ARTICLE
                problems.append(Problem(field, "name", v.text, problem, _sentence(s.text, v.start), right))
            continue
        if v.support_only or (v.weak and not _SCALED.search(v.text)):
            continue  # "hai", "ba": spelled small numbers are not checked in a summary
        checked += 1
        needs = v.same_lang or v.needs
        if not any(alt <= art.provides for alt in needs):
            problems.append(Problem(field, v.kind, v.text, NOT_IN_ARTICLE, _sentence(s.text, v.start)))
    return CheckResult(_dedupe(problems), checked)


def choose_summary(
    hypotheses: list[str], article: str, lexicon: Lexicon | None = None, field: str = "summary_vi"
) -> tuple[int, CheckResult]:
    """The first of a summarizer beam's hypotheses (best first) whose values the article all
    supports, else 0 and the best one's result."""
    if not hypotheses:
        raise ValueError("choose_summary needs at least one hypothesis")
    first: CheckResult | None = None
    for i, hyp in enumerate(hypotheses):
        res = check_summary(hyp, article, field, lexicon)
        if res.ok:
            return i, res
        first = first or res
    assert first is not None
    return 0, first


def english_of(value_vi: str, vi: str, en: str, lexicon: Lexicon | None = None) -> str:
    """How the English translation of ``vi`` writes its value ``value_vi`` (to mark it where
    the reader sees it), or "" when it cannot be told."""
    if not en:
        return ""
    lex = lexicon or default_lexicon()
    a, b = _vi_side(vi, lex), _en_side(en, lex)
    want = vnorm(prepare(value_vi))
    for v in a.values:
        if v.text != want and vnorm(v.text) != want:
            continue
        for w in b.values:
            if w.support_only:
                continue
            if v.kind == "name" and w.kind == "name" and names_match(v.tokens, w.tokens):
                return w.text
            if v.kind != "name" and (v.satisfied(w.provides) or w.satisfied(v.provides)):
                return w.text
    return ""


def check_record(record: dict, lexicon: Lexicon | None = None) -> dict:
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
        res = check_translation(record["vi"], record["en"], "en", lexicon)
        kind = "translation"
    else:
        article = record["article"]
        if record.get("title"):
            article = record["title"] + "\n" + article
        res = check_summary(record["summary"], article, "summary", lexicon)
        kind = "summary"
    return {"kind": kind, **res.to_dict()}
