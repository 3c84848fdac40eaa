"""Proper names in Vietnamese and English text, and how they match across languages.

A name is a run of capitalised words.  Runs are first cut where a name of the
``tables.PLACES`` table occurs ("Tổng thống Mỹ Barack Obama" -> "Mỹ" +
"Barack Obama").  What remains is classified:

* *strong* (always checked): a word that cannot be a Vietnamese syllable
  ("Obama", "CNRP"), a Vietnamese family name followed by given names
  ("Lê Xuân Định"), a name after a title ("ông Định", "tỉnh Đồng Nai", "Mr.
  Dinh"), a Vietnamese name written in English ("Le Xuan Dinh"), a table name;
* *weak* (reported only against an unmatched name on the other side): other
  capitalised words, which may be translated ("Biển", "Mandarin");
* *institution* (only supports the other side in a translation): runs that start
  with "Bộ", "Sở", "Ủy ban", ...; Vietnamese abbreviations such as "UBND".

Across languages, names are compared folded (no diacritics, no case, hyphens and
spaces ignored: "Hà Nội" = "Ha Noi" = "Hanoi"); a full name is also matched by its
last word ("Lê Xuân Định" / "Mr. Dinh", "Barack Obama" / "Obama").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Form, Lexicon
from .norm import TOKEN, Scanner, fold, is_vi_syllable, sentence_initial, vnorm
from .values import Value

_EN_PLACE_PREP = {"in", "at", "from", "near", "across", "outside", "throughout", "via", "to", "into"}
_EN_CONNECT = {
    "of",
    "de",
    "da",
    "do",
    "bin",
    "binti",
    "van",
    "von",
    "der",
    "den",
    "du",
    "la",
    "al",
    "el",
    "y",
    "di",
    "del",
    "dos",
}

EN_FUNCTION = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "this",
    "that",
    "it",
    "we",
    "you",
    "they",
    "he",
    "she",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "its",
}


_VI_MARKS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    cap: bool
    initial: bool


def tokens(text: str) -> list[Tok]:
    out = []
    for m in TOKEN.finditer(text):
        w = m.group(0)
        if w.endswith("'s") or w.endswith("'S"):
            w = w[:-2]
        cap = w[:1].isupper()
        out.append(Tok(w, m.start(), m.start() + len(w), cap, cap and sentence_initial(text, m.start())))
    return out


def _name_tokens(words: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for w in words:
        out.extend(_parts(w))
    return tuple(out)


def _value(words: list[Tok], text: str, strength: str, groups: frozenset[int] = frozenset()) -> Value:
    start, end = words[0].start, words[-1].end
    needs = tuple(frozenset({("g", g)}) for g in sorted(groups))
    provides = frozenset({("g", g) for g in groups} | {("w", fold(w.text)) for w in words})
    return Value(
        "name",
        text[start:end],
        start,
        end,
        needs,
        provides,
        strength != "strong",
        strength == "inst",
        _name_tokens([w.text for w in words]),
        min(groups) if groups else None,
    )


def _gap_ok(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end : b.start]
    return gap == " " or (gap.strip() == "" and "\n" not in gap and len(gap) <= 3)


def _match_place(toks: list[Tok], i: int, text: str, table: dict, vi: bool, lex: Lexicon) -> tuple[Form, int] | None:
    first = toks[i].text
    cands = []
    if vi:
        cands = lex.vi_places.get(first, []) + (
            lex.vi_places.get(first.lower(), []) if first.lower() in lex.vi_multi_first else []
        )
    else:
        cands = table.get(first, [])
    for form in sorted(cands, key=lambda f: -len(f.words)):
        k = len(form.words)
        if i + k > len(toks):
            continue
        ok = True
        for j in range(k):
            t = toks[i + j]
            want = form.words[j]
            got = t.text if not (vi and k > 1) else t.text.lower()
            if got != want or (j and not _gap_ok(text, toks[i + j - 1], t) and text[toks[i + j - 1].end : t.start] != ". "):
                ok = False
                break
        if ok:
            return form, i + k
    return None


def preceded_by_title(toks: list[Tok], i: int, text: str, titles: frozenset) -> bool:
    """Whether the words just before token i end with a Vietnamese title ("ông", "tỉnh")."""
    prev: list[str] = []
    j = i - 1
    while j >= 0 and len(prev) < 3 and _gap_ok(text, toks[j], toks[j + 1]):
        prev.insert(0, toks[j].text.lower())
        if tuple(prev) in titles:
            return True
        j -= 1
    return False


def vi_names(sc: Scanner, lex: Lexicon, all_tokens: list[Tok] | None = None) -> list[Value]:
    """Names in a prepared (NFC, vnorm) Vietnamese text whose numbers are already taken."""
    text = sc.text
    toks = [t for t in (all_tokens if all_tokens is not None else tokens(text)) if sc.free(t.start, t.end)]
    out: list[Value] = []
    used = [False] * len(toks)
    # 1. table names
    for i, t in enumerate(toks):
        if used[i] or not (t.cap or t.text.lower() in lex.vi_multi_first):
            continue
        hit = _match_place(toks, i, text, lex.vi_places, True, lex)
        if not hit:
            continue
        form, j = hit
        prev_cap = (
            i > 0
            and toks[i - 1].cap
            and _gap_ok(text, toks[i - 1], t)
            and not used[i - 1]
            and vnorm(toks[i - 1].text) not in lex.vi_institution
            and toks[i - 1].text.upper() not in lex.vi_acronyms
            and not toks[i - 1].initial
        )
        if len(form.words) == 1 and prev_cap:
            continue  # inside a person's name: "Nguyễn Thị Nga"
        if form.ambiguous:
            next_cap = (
                j < len(toks)
                and toks[j].cap
                and _gap_ok(text, toks[j - 1], toks[j])
                and toks[j].text.lower() not in lex.vi_starters
            )
            if t.initial or next_cap or prev_cap or preceded_by_title(toks, i, text, lex.vi_person_titles):
                continue
        for k in range(i, j):
            used[k] = True
        # "quốc hội" written in lower case is any parliament, "Quốc hội" Vietnam's
        lower_form = not any(ch.isupper() for w in form.words for ch in w) and not t.cap
        strength = "weak" if (form.capitalised and not t.cap) or lower_form else "strong"
        out.append(_value(toks[i:j], text, strength, form.groups))
    # 2. runs of capitalised words ("Tôi" after a missing full stop is no name)
    for k, t in enumerate(toks):
        low = t.text.lower()
        if t.cap and (
            low in lex.vi_function or (low in lex.vi_starters and not (k and toks[k - 1].cap and _gap_ok(text, toks[k - 1], t)))
        ):
            t.cap = False
    i = 0
    while i < len(toks):
        if used[i] or not toks[i].cap:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not used[j] and toks[j].cap and _gap_ok(text, toks[j - 1], toks[j]):
            j += 1
        out.extend(_vi_run(toks, i, j, text, lex))
        i = j
    for v in out:
        sc.take(v.start, v.end)
    return out


_NAME_BEFORE = {("của",), ("tên",), ("tên", "là"), ("gọi", "là"), ("em", "là"), ("tôi", "là")}


def _name_context(toks: list[Tok], i: int, j: int, text: str) -> bool:
    """One capitalised word where only a name fits: after "của", "tên là", or between
    commas ("Mẹ tôi, Mai, mới 18 tuổi")."""
    before = text[toks[i - 1].end : toks[i].start] if i else ""
    after = text[toks[j - 1].end : toks[j].start] if j < len(toks) else ""
    if before.strip() == "," and after.strip() == ",":
        return True
    if i and before == " ":
        prev = (toks[i - 1].text.lower(),)
        prev2 = (toks[i - 2].text.lower(),) + prev if i >= 2 else prev
        return prev in _NAME_BEFORE or prev2 in _NAME_BEFORE
    return False


def _vi_run(toks: list[Tok], i: int, j: int, text: str, lex: Lexicon) -> list[Value]:
    run = toks[i:j]
    titled = preceded_by_title(toks, i, text, lex.vi_titles)
    # Vietnamese abbreviations ("UBND", "TP") are translated, not names
    while run and run[0].text.upper() in lex.vi_acronyms and _is_acronym(run[0].text):
        run = run[1:]
        titled = True
    while run and run[-1].text.upper() in lex.vi_acronyms and _is_acronym(run[-1].text):
        run = run[:-1]
    if not run:
        return []
    first = run[0]
    key = vnorm(first.text)
    if first.initial and not _is_acronym(first.text) and is_vi_syllable(first.text):
        # a capitalised word opening a sentence is a name only with another one after it
        if key in lex.vi_lead_titles and len(run) >= 2:
            run, titled = run[1:], True
        elif len(run) == 1 or key in lex.vi_institution or key in lex.vi_generic:
            run = run[1:]
    if not run:
        return []
    # "Phó Bí" + "thư", "Thủ" + "tướng": a title written with a capital, not a name
    after = [toks[k].text.lower() for k in range(j, min(j + 2, len(toks)))]
    low = [w.text.lower() for w in run]
    if any(tuple(low + after[:n]) in lex.vi_office_titles | lex.vi_person_titles for n in (1, 2)):
        return []
    if len(run) == 1 and len(run[0].text) == 1:
        return []  # "độ C", an initial
    words = [w.text for w in run]
    if len(run) == 1 and run[0].initial and words[0].lower() in lex.common_words:
        # "Video này...", "CEO của...": a common noun capitalised to open a sentence; inside a
        # sentence an abbreviation or a capitalised loanword stays a value worth checking
        return [_value(run, text, "weak")]
    # a word that cannot be Vietnamese, or an abbreviation that is not a Vietnamese one
    foreign = any(not is_vi_syllable(w) or _is_acronym(w) for w in words)
    if foreign and sum(1 for w in words if not is_vi_syllable(w)) == 1 and not any(_is_acronym(w) for w in words):
        # one loanword among Vietnamese words is a translated title ("Áo Blu Trắng"), not a foreign name
        foreign = sum(1 for w in words if any(ch in _VI_MARKS for ch in w.lower())) < 2
    lead = vnorm(run[0].text)
    person = preceded_by_title(toks, i, text, lex.vi_person_titles)
    if not foreign and (
        (len(run) >= 2 and lead in lex.vi_institution) or (len(run) == 1 and lead in lex.vi_generic and not person)
    ):
        return [_value(run, text, "inst")]
    if foreign or titled:
        return [_value(run, text, "strong")]
    if len(run) >= 2 and preceded_by_title(toks, i, text, lex.vi_office_titles):
        return [_value(run, text, "strong")]  # "Chủ tịch Trương Tấn Sang"
    if 2 <= len(run) <= 4 and lead in lex.vi_surnames:
        return [_value(run, text, "strong")]
    if len(run) >= 2 and all(w.text.isascii() for w in run):
        return [_value(run, text, "strong")]  # "Tan Le": no diacritics, no Vietnamese word
    if len(run) == 1 and not run[0].initial and _name_context(toks, i, j, text):
        return [_value(run, text, "strong")]  # "của Ty", "tên là Mai", ", Mai,"
    # "Trái Đất", "Thế Giới", a title of a work: often translated, so weak
    return [_value(run, text, "weak")]


def _split_compounds(toks: list[Tok]) -> list[Tok]:
    out = []
    for t in toks:
        parts = t.text.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            pos = t.start
            for k, p in enumerate(parts):
                out.append(Tok(p, pos, pos + len(p), True, t.initial and k == 0))
                pos += len(p) + 1
        else:
            out.append(t)
    return out


def en_names(sc: Scanner, lex: Lexicon) -> list[Value]:
    """Names in a prepared English text whose numbers and dates are already taken."""
    text = sc.text
    toks = _split_compounds([t for t in tokens(text) if sc.free(t.start, t.end)])
    for t in toks:
        low = t.text.lower()
        if t.cap and (
            ("'" in low and low in lex.en_starters)
            or (t.initial and low in lex.en_starters and low not in lex.en_titles)
            or low in EN_FUNCTION
        ):
            t.cap = False
    out: list[Value] = []
    used = [False] * len(toks)
    for i, t in enumerate(toks):
        if used[i] or (not t.cap and t.text not in lex.en_places):
            continue
        hit = _match_place(toks, i, text, lex.en_places, False, lex)
        if not hit:
            continue
        form, j = hit
        if form.ambiguous and t.initial:
            continue
        if (
            len(form.words) == 1
            and i > 0
            and toks[i - 1].cap
            and not used[i - 1]
            and _gap_ok(text, toks[i - 1], t)
            and not toks[i - 1].initial
            and toks[i - 1].text.lower() not in lex.en_generic
            and toks[i - 1].text.lower() not in lex.en_starters
        ):
            continue  # "Vuong Dinh Hue" is no trip to Hue
        for k in range(i, j):
            used[k] = True
        strength = "weak" if form.adjective or form.ambiguous else "strong"
        out.append(_value(toks[i:j], text, strength, form.groups))
    i = 0
    while i < len(toks):
        if used[i] or not toks[i].cap:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not used[j]:
            tj = toks[j]
            if (tj.cap and _gap_ok(text, toks[j - 1], tj)) or (tj.cap and text[toks[j - 1].end : tj.start] == "-"):
                j += 1
            elif (
                tj.text in _EN_CONNECT
                and j + 1 < len(toks)
                and toks[j + 1].cap
                and not used[j + 1]
                and _gap_ok(text, toks[j - 1], tj)
                and _gap_ok(text, tj, toks[j + 1])
            ):
                j += 2
            else:
                break
        out.extend(_en_run(toks, i, j, text, lex))
        i = j
    for v in out:
        sc.take(v.start, v.end)
    return out


def _en_run(toks: list[Tok], i: int, j: int, text: str, lex: Lexicon) -> list[Value]:
    run = toks[i:j]
    initial = run[0].initial
    titled = False
    institution = run[-1].text.lower() in lex.en_generic  # "General Statistics Office"
    if initial and run[0].text.lower() in lex.en_starters and run[0].text.lower() not in lex.en_titles:
        run = run[1:]
    while run and (run[0].text.lower() in lex.en_titles or run[0].text.lower() in lex.en_generic or run[0].text in _EN_CONNECT):
        if run[0].text.lower() in lex.en_titles:
            titled = True
        run = run[1:]
    while run and (run[-1].text.lower() in lex.en_generic or run[-1].text in _EN_CONNECT):
        run = run[:-1]
    if not run or all(len(w.text) == 1 for w in run):
        return []
    if i > 0 and not titled:
        prev = toks[i - 1].text.lower()
        titled = prev in lex.en_titles and text[toks[i - 1].end : toks[i].start].strip(". ") == ""
    titled = titled and not institution
    words = [w.text for w in run if w.text not in _EN_CONNECT]
    if len(words) == 1 and words[0].lower().rstrip("s") in lex.common_words | {w.lower() for w in lex.common_words}:
        return [_value(run, text, "weak")]  # "CEOs", "DNA"
    viet = len(words) >= 2 and all(is_vi_syllable(w) and not _is_acronym(w) for w in words)
    if titled or viet:
        return [_value(run, text, "strong")]
    if initial and run[0] is toks[i] and len(run) == 1:
        return []  # "Heavy rain ...": any word opens a sentence with a capital
    if (
        len(run) == 1
        and not institution
        and not _is_acronym(run[0].text.rstrip("s"))
        and i > 0
        and toks[i - 1].text in _EN_PLACE_PREP
        and text[toks[i - 1].end : run[0].start] == " "
    ):
        w = run[0].text
        if not (len(w) > 2 and w[1] == "-") and w[1:] == w[1:].lower():
            return [_value(run, text, "strong")]  # "in Melbourne", "from Footscray"
    # "White Coat", "World War", "Media Lab": titles made of English words are translated
    return [_value(run, text, "weak")]


def _close(a: str, b: str) -> bool:
    """Plural, or one edit apart for words of 5+ letters ("Chesapeak" / "Chesapeake")."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or min(la, lb) < 3:
        return False
    if a + "s" == b or b + "s" == a:
        return True  # "CEO" / "CEOs"
    if min(la, lb) < 4:
        return False
    if a.rstrip("s") == b.rstrip("s"):
        return True
    if min(la, lb) < 5:
        return False
    if la == lb:
        return sum(x != y for x, y in zip(a, b)) <= 1
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


_SPLIT = re.compile(r"[-.'&]")


@lru_cache(maxsize=1 << 16)
def _parts(word: str) -> tuple[str, ...]:
    return tuple(p for p in _SPLIT.split(fold(word)) if p)


def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names (folded words) are the same, as ``NameIndex.supports`` judges."""
    if not a or not b:
        return False
    if "".join(a) == "".join(b):
        return True
    if all(any(_close(x, y) for y in b) for x in a):
        return True
    return len(a) >= 2 and any(_close(a[-1], y) for y in b)


class NameIndex:
    """What a text offers to support names of the other text."""

    __slots__ = ("_groups", "_lex", "_text", "_vietnamese", "acronyms", "concat", "initials", "lower", "tokens")

    def __init__(self, text: str, vietnamese: bool, lex: Lexicon):
        caps: list[list[str]] = [[]]
        self.acronyms: set[str] = set()
        prev_end = -10
        self.lower: set[str] = set()
        self._text, self._vietnamese, self._lex = text, vietnamese, lex
        self._groups: frozenset[int] | None = None
        for m in TOKEN.finditer(text):
            w = m.group(0)
            if w[:1].isupper():
                if text[prev_end : m.start()].strip() != "":
                    caps.append([])
                caps[-1].extend(_parts(w))
                if _is_acronym(w) and len(w) <= 6 and w.isalpha():
                    self.acronyms.add(fold(w))
            else:
                caps.append([])
                self.lower.update(_parts(w))
            prev_end = m.end()
        self.tokens: set[str] = set()
        self.concat: set[str] = set()
        self.initials: set[str] = set()
        for run in caps:
            self.tokens.update(run)
            for a in range(len(run)):
                for b in range(a + 1, min(len(run), a + 6) + 1):
                    self.initials.add("".join(w[0] for w in run[a:b]))
            for a in range(len(run)):
                for b in range(a + 2, min(len(run), a + 5) + 1):
                    self.concat.add("".join(run[a:b]))

    @property
    def groups(self) -> frozenset[int]:
        """Table entries named in the (Vietnamese) text in any case; computed when asked."""
        if self._groups is None:
            self._groups = _loose_groups(self._text, self._lex) if self._vietnamese else frozenset()
        return self._groups

    def _has(self, tok: str) -> bool:
        if tok in self.tokens:
            return True
        if len(tok) >= 3:
            if any(_close(tok, t) for t in self.tokens):
                return True
            if not is_vi_syllable(tok) and (tok in self.lower or any(_close(tok, t) for t in self.lower)):
                return True  # "Video" / "video", "iPhone" / "iphone"
        return False

    def _exact(self, tok: str) -> bool:
        """Letter for letter (case and diacritics folded); an abbreviation may take a plural
        ("CEO" / "CEOs"), a word that cannot be Vietnamese may be written in lower case."""
        if tok in self.tokens:
            return True
        if tok + "s" in self.tokens or tok + "es" in self.tokens:
            return True  # "Apsara" / "Apsaras": an English plural
        if len(tok) <= 4 and tok.endswith("s") and tok[:-1] in self.tokens:
            return True
        return not is_vi_syllable(tok) and tok in self.lower

    def supports(self, toks: tuple[str, ...], lenient: bool = True, exact: bool = False) -> bool:
        """``lenient``: a full name is also supported by its last word alone ("Lê Xuân
        Định" / "Mr. Dinh"); not the other way round.  ``exact``: every word letter for
        letter (else one edit apart is enough)."""
        if not toks:
            return True
        has = self._exact if exact else self._has
        if all(has(t) for t in toks):
            return True
        joined = "".join(toks)
        if joined in self.concat or joined in self.tokens:
            return True
        if lenient and len(toks) >= 2 and has(toks[-1]):
            return True
        return False

    def abbreviates(self, toks: tuple[str, ...], acronym: bool) -> bool:
        """An abbreviation and the words it abbreviates across the two texts: "NYU" for "New
        York" (+ University), "BU" for "Boston" (+ University); ``acronym``: ``toks`` is the
        abbreviation, else the words."""
        if acronym:
            a = toks[0]
            return any(_initials_of(i, a) for i in self.initials)
        i = "".join(t[0] for t in toks)
        return any(_initials_of(i, a) for a in self.acronyms)

    def near_misses(self, toks: tuple[str, ...]) -> list[tuple[str, str]]:
        """Each word of a name that is not here letter for letter but one or two letters apart
        from a word that is (``near``), with that word: a misspelled name.  Words with no such
        neighbour are left out (the English may drop a given name); empty: nothing misspelled."""
        out = []
        pool = self.tokens | {w for w in self.lower if not is_vi_syllable(w)}
        for t in toks:
            if self._exact(t):
                continue
            cands = sorted(w for w in pool if near(t, w))
            if cands:
                out.append((t, cands[0]))
        return out


_INSTITUTION_LETTERS = set("ucis")  # University, College, Institute, School


def _initials_of(initials: str, acronym: str) -> bool:
    """Whether ``acronym`` is ``initials`` with at most one more letter at either end (a
    single initial only with an institution's letter: "BU")."""
    if not initials or len(acronym) < 2 or initials not in acronym or len(acronym) - len(initials) > 1:
        return False
    if len(initials) >= 2:
        return True
    return acronym.startswith(initials) and acronym[1:] in _INSTITUTION_LETTERS


def near(a: str, b: str) -> bool:
    """Two spellings of one name: the same first two letters, one edit apart (two for words
    of seven letters or more), neither a mere plural of the other is excluded."""
    if a == b or a[:2] != b[:2] or min(len(a), len(b)) < 4:
        return False
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    return _distance(a, b, limit) <= limit


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance with swaps of two letters as one edit ("Edwrad" / "Edward"), stopped
    once it exceeds ``limit``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, prev2[j - 2] + 1)
            cur.append(d)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _loose_groups(text: str, lex: Lexicon) -> frozenset[int]:
    """Table entries whose Vietnamese form occurs in any case ("ở mỹ", "nước anh")."""
    words = [m.group(0).lower() for m in TOKEN.finditer(text)]
    found: set[int] = set()
    for i in range(len(words)):
        for k in lex.vi_loose_lengths:
            if i + k > len(words):
                break
            found |= lex.vi_loose.get(tuple(words[i : i + k]), frozenset())
    return frozenset(found)
