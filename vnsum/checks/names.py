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

from . import tables
from .norm import Scanner, fold, sentence_initial, vnorm
from .values import Value

_TOKEN = re.compile(r"[^\W\d_]+(?:(?:[.'&-]|\.-)[^\W\d_]+)*", re.UNICODE)
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

_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|oai|oay|oao"
    r"|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|uoa)"
    r"(?:ch|nh|ng|c|m|n|p|t)?$"
)
_VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def _words(block: str) -> list[str]:
    return [w for w in re.split(r"[\s;]+", block) if w]


def _phrases(block: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;\n]", block) if p.strip()]


VI_ACRONYMS = {w.upper() for w in _words(tables.VI_ACRONYMS)}
VI_INSTITUTION = {vnorm(w) for w in _words(tables.VI_INSTITUTION)}
VI_GENERIC = VI_INSTITUTION | {vnorm(w) for w in _words(tables.VI_GENERIC)}
VI_LEAD_TITLES = {vnorm(w) for w in _words(tables.VI_LEAD_TITLES)}
VI_FUNCTION = {vnorm(w).lower() for w in _words(tables.VI_FUNCTION)}
VI_STARTERS = ({vnorm(w).lower() for w in _words(tables.VI_STARTERS)} | VI_FUNCTION) - {w.lower() for w in VI_LEAD_TITLES}
VI_PERSON_TITLES = {tuple(vnorm(p.lower()).split()) for p in _phrases(tables.VI_PERSON_TITLES)}
VI_OFFICE_TITLES = {tuple(vnorm(p.lower()).split()) for p in _phrases(tables.VI_OFFICE_TITLES)}
VI_PLACE_TITLES = {tuple(vnorm(p.lower()).split()) for p in _phrases(tables.VI_PLACE_TITLES)}
VI_TITLES = VI_PERSON_TITLES | VI_PLACE_TITLES
VI_SURNAMES = {vnorm(w) for w in _words(tables.VI_SURNAMES)}
EN_GENERIC = {w.lower() for w in _words(tables.EN_GENERIC)}
EN_STARTERS = {w.lower() for w in _words(tables.EN_STARTERS)}
EN_TITLES = {w.lower() for w in _words(tables.EN_TITLES)}
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


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]  # as compared (see _key)
    groups: frozenset[int]
    ambiguous: bool
    adjective: bool = False
    capitalised: bool = True  # as written in the table


def _build_places() -> tuple[dict, dict]:
    vi: dict[str, list[_Form]] = {}
    en: dict[str, list[_Form]] = {}
    for gid, line in enumerate(ln for ln in tables.PLACES.strip().splitlines() if ln.strip()):
        cols = [c.strip() for c in line.split("|")]
        while len(cols) < 3:
            cols.append("")
        for side, col, adj in ((vi, cols[0], False), (en, cols[1], False), (en, cols[2], True)):
            for form in (f.strip() for f in col.split(";")):
                if not form:
                    continue
                amb = form.endswith("?")
                form = form.rstrip("?").strip()
                toks = tuple(t.group(0) for t in _TOKEN.finditer(vnorm(form) if side is vi else form))
                if side is vi:
                    toks = tuple(_vi_key(t, len(toks) > 1) for t in toks)
                side.setdefault(toks[0], []).append(_Form(toks, frozenset({gid}), amb, adj, form[:1].isupper()))
    lines = [ln for ln in tables.PLACES.strip().splitlines() if ln.strip()]
    gid = len(lines)
    for line in _phrases(tables.VI_PLACES_FOLDED):
        vi_toks = tuple(t.group(0).lower() for t in _TOKEN.finditer(vnorm(line)))
        en_toks = tuple(fold(t).capitalize() for t in line.split())
        vi.setdefault(vi_toks[0], []).append(_Form(vi_toks, frozenset({gid}), False, False, True))
        en.setdefault(en_toks[0], []).append(_Form(en_toks, frozenset({gid}), False, False, True))
        joined = ("".join(en_toks).capitalize(),)
        en.setdefault(joined[0], []).append(_Form(joined, frozenset({gid}), False, False, True))
        gid += 1
    for forms in list(en.values()):
        for f in list(forms):
            if f.adjective and len(f.words) == 1 and f.words[0][-1:] in "nhi":
                plural = (f.words[0] + "s",)
                en.setdefault(plural[0], []).append(_Form(plural, f.groups, f.ambiguous, True))
    for side in (vi, en):
        for k, forms in side.items():
            merged: dict[tuple, _Form] = {}
            for f in forms:
                if f.words in merged:
                    g = merged[f.words]
                    merged[f.words] = _Form(
                        f.words,
                        g.groups | f.groups,
                        g.ambiguous or f.ambiguous,
                        g.adjective and f.adjective,
                        g.capitalised and f.capitalised,
                    )
                else:
                    merged[f.words] = f
            side[k] = sorted(merged.values(), key=lambda f: -len(f.words))
    return vi, en


def _vi_key(tok: str, multi: bool) -> str:
    # multi-word Vietnamese forms match in any case ("Liên hợp quốc"); single words keep it
    return tok.lower() if multi else tok


VI_PLACES, EN_PLACES = _build_places()
_VI_MULTI_FIRST = {k.lower() for k, fs in VI_PLACES.items() if any(len(f.words) > 1 for f in fs)}


def is_vi_syllable(word: str) -> bool:
    """Whether a word can be a Vietnamese syllable (with or without its diacritics)."""
    low = word.lower()
    if any(ch in _VI_LETTERS for ch in low):
        return not any(ch in "fjwz" for ch in low)
    f = fold(word)
    if not f.isalpha() or not f.isascii():
        return False
    if not _VI_SYLLABLE.match(f):
        return False
    if f[0] == "k" and f[1:2] not in ("i", "e", "y", "h"):
        return False
    if f[0] == "c" and f[1:2] in ("i", "e", "y"):
        return False
    if f.startswith(("gh", "ngh")) and f[len("ngh" if f.startswith("ngh") else "gh") :][:1] not in ("i", "e"):
        return False
    return True


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
    for m in _TOKEN.finditer(text):
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


def _match_place(toks: list[Tok], i: int, text: str, table: dict, vi: bool) -> tuple[_Form, int] | None:
    first = toks[i].text
    cands = []
    if vi:
        cands = VI_PLACES.get(first, []) + (VI_PLACES.get(first.lower(), []) if first.lower() in _VI_MULTI_FIRST else [])
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


def _preceded_by_title(toks: list[Tok], i: int, text: str, titles: set = VI_TITLES) -> bool:
    """Whether the words just before token i end with a Vietnamese title ("ông", "tỉnh")."""
    prev: list[str] = []
    j = i - 1
    while j >= 0 and len(prev) < 3 and _gap_ok(text, toks[j], toks[j + 1]):
        prev.insert(0, toks[j].text.lower())
        if tuple(prev) in titles:
            return True
        j -= 1
    return False


def vi_names(sc: Scanner, all_tokens: list[Tok] | None = None) -> list[Value]:
    """Names in a prepared (NFC, vnorm) Vietnamese text whose numbers are already taken."""
    text = sc.text
    toks = [t for t in (all_tokens if all_tokens is not None else tokens(text)) if sc.free(t.start, t.end)]
    out: list[Value] = []
    used = [False] * len(toks)
    # 1. table names
    for i, t in enumerate(toks):
        if used[i] or not (t.cap or t.text.lower() in _VI_MULTI_FIRST):
            continue
        hit = _match_place(toks, i, text, VI_PLACES, True)
        if not hit:
            continue
        form, j = hit
        prev_cap = (
            i > 0
            and toks[i - 1].cap
            and _gap_ok(text, toks[i - 1], t)
            and not used[i - 1]
            and vnorm(toks[i - 1].text) not in VI_INSTITUTION
            and toks[i - 1].text.upper() not in VI_ACRONYMS
            and not toks[i - 1].initial
        )
        if len(form.words) == 1 and prev_cap:
            continue  # inside a person's name: "Nguyễn Thị Nga"
        if form.ambiguous:
            next_cap = (
                j < len(toks) and toks[j].cap and _gap_ok(text, toks[j - 1], toks[j]) and toks[j].text.lower() not in VI_STARTERS
            )
            if t.initial or next_cap or prev_cap or _preceded_by_title(toks, i, text, VI_PERSON_TITLES):
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
            low in VI_FUNCTION or (low in VI_STARTERS and not (k and toks[k - 1].cap and _gap_ok(text, toks[k - 1], t)))
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
        out.extend(_vi_run(toks, i, j, text))
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


def _vi_run(toks: list[Tok], i: int, j: int, text: str) -> list[Value]:
    run = toks[i:j]
    titled = _preceded_by_title(toks, i, text)
    # Vietnamese abbreviations ("UBND", "TP") are translated, not names
    while run and run[0].text.upper() in VI_ACRONYMS and _is_acronym(run[0].text):
        run = run[1:]
        titled = True
    while run and run[-1].text.upper() in VI_ACRONYMS and _is_acronym(run[-1].text):
        run = run[:-1]
    if not run:
        return []
    first = run[0]
    key = vnorm(first.text)
    if first.initial and not _is_acronym(first.text) and is_vi_syllable(first.text):
        # a capitalised word opening a sentence is a name only with another one after it
        if key in VI_LEAD_TITLES and len(run) >= 2:
            run, titled = run[1:], True
        elif len(run) == 1 or key in VI_INSTITUTION or key in VI_GENERIC:
            run = run[1:]
    if not run:
        return []
    # "Phó Bí" + "thư", "Thủ" + "tướng": a title written with a capital, not a name
    after = [toks[k].text.lower() for k in range(j, min(j + 2, len(toks)))]
    low = [w.text.lower() for w in run]
    if any(tuple(low + after[:n]) in VI_OFFICE_TITLES | VI_PERSON_TITLES for n in (1, 2)):
        return []
    if len(run) == 1 and len(run[0].text) == 1:
        return []  # "độ C", an initial
    words = [w.text for w in run]
    # a word that cannot be Vietnamese, or an abbreviation that is not a Vietnamese one
    foreign = any(not is_vi_syllable(w) or _is_acronym(w) for w in words)
    lead = vnorm(run[0].text)
    person = _preceded_by_title(toks, i, text, VI_PERSON_TITLES)
    if not foreign and ((len(run) >= 2 and lead in VI_INSTITUTION) or (len(run) == 1 and lead in VI_GENERIC and not person)):
        return [_value(run, text, "inst")]
    if foreign or titled:
        return [_value(run, text, "strong")]
    if len(run) >= 2 and _preceded_by_title(toks, i, text, VI_OFFICE_TITLES):
        return [_value(run, text, "strong")]  # "Chủ tịch Trương Tấn Sang"
    if 2 <= len(run) <= 4 and lead in VI_SURNAMES:
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


def en_names(sc: Scanner) -> list[Value]:
    """Names in a prepared English text whose numbers and dates are already taken."""
    text = sc.text
    toks = _split_compounds([t for t in tokens(text) if sc.free(t.start, t.end)])
    for t in toks:
        low = t.text.lower()
        if t.cap and (
            ("'" in low and low in EN_STARTERS)
            or (t.initial and low in EN_STARTERS and low not in EN_TITLES)
            or low in EN_FUNCTION
        ):
            t.cap = False
    out: list[Value] = []
    used = [False] * len(toks)
    for i, t in enumerate(toks):
        if used[i] or (not t.cap and t.text not in EN_PLACES):
            continue
        hit = _match_place(toks, i, text, EN_PLACES, False)
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
            and toks[i - 1].text.lower() not in EN_GENERIC
            and toks[i - 1].text.lower() not in EN_STARTERS
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
        out.extend(_en_run(toks, i, j, text))
        i = j
    for v in out:
        sc.take(v.start, v.end)
    return out


def _en_run(toks: list[Tok], i: int, j: int, text: str) -> list[Value]:
    run = toks[i:j]
    initial = run[0].initial
    titled = False
    institution = run[-1].text.lower() in EN_GENERIC  # "General Statistics Office"
    if initial and run[0].text.lower() in EN_STARTERS and run[0].text.lower() not in EN_TITLES:
        run = run[1:]
    while run and (run[0].text.lower() in EN_TITLES or run[0].text.lower() in EN_GENERIC or run[0].text in _EN_CONNECT):
        if run[0].text.lower() in EN_TITLES:
            titled = True
        run = run[1:]
    while run and (run[-1].text.lower() in EN_GENERIC or run[-1].text in _EN_CONNECT):
        run = run[:-1]
    if not run or all(len(w.text) == 1 for w in run):
        return []
    if i > 0 and not titled:
        prev = toks[i - 1].text.lower()
        titled = prev in EN_TITLES and text[toks[i - 1].end : toks[i].start].strip(". ") == ""
    titled = titled and not institution
    words = [w.text for w in run if w.text not in _EN_CONNECT]
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

    __slots__ = ("_groups", "_text", "_vietnamese", "concat", "lower", "tokens")

    def __init__(self, text: str, vietnamese: bool):
        caps: list[list[str]] = [[]]
        prev_end = -10
        self.lower: set[str] = set()
        self._text, self._vietnamese = text, vietnamese
        self._groups: frozenset[int] | None = None
        for m in _TOKEN.finditer(text):
            w = m.group(0)
            if w[:1].isupper():
                if text[prev_end : m.start()].strip() != "":
                    caps.append([])
                caps[-1].extend(_parts(w))
            else:
                caps.append([])
                self.lower.update(_parts(w))
            prev_end = m.end()
        self.tokens: set[str] = set()
        self.concat: set[str] = set()
        for run in caps:
            self.tokens.update(run)
            for a in range(len(run)):
                for b in range(a + 2, min(len(run), a + 5) + 1):
                    self.concat.add("".join(run[a:b]))

    @property
    def groups(self) -> frozenset[int]:
        """Table entries named in the (Vietnamese) text in any case; computed when asked."""
        if self._groups is None:
            self._groups = _loose_groups(self._text) if self._vietnamese else frozenset()
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

    def supports(self, toks: tuple[str, ...], lenient: bool = True) -> bool:
        """``lenient``: a full name is also supported by its last word alone ("Lê Xuân
        Định" / "Mr. Dinh"); not the other way round."""
        if not toks:
            return True
        if all(self._has(t) for t in toks):
            return True
        joined = "".join(toks)
        if joined in self.concat or joined in self.tokens:
            return True
        if lenient and len(toks) >= 2 and self._has(toks[-1]):
            return True
        return False


def _loose_groups(text: str) -> frozenset[int]:
    """Table entries whose Vietnamese form occurs in any case ("ở mỹ", "nước anh")."""
    words = [m.group(0).lower() for m in _TOKEN.finditer(text)]
    found: set[int] = set()
    for i, w in enumerate(words):
        for form in VI_PLACES.get(w, []) + VI_PLACES.get(w.capitalize(), []) + VI_PLACES.get(w.upper(), []):
            k = len(form.words)
            if tuple(x.lower() for x in words[i : i + k]) == tuple(x.lower() for x in form.words):
                found |= form.groups
    return frozenset(found)
