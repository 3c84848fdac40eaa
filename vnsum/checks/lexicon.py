"""The checks' lexicon: every table a check reads, built once and passed in.

A :class:`Lexicon` is a value: :func:`build_lexicon` makes one from ``tables``
(places and exonyms, titles, family names, generic words) and an optional
reader's :class:`~vnsum.checks.glossary.Glossary`, whose terms become table
entries (a name it defines is matched by its rendering).  A ``Pipeline`` builds
one when it loads its models and hands it to every check; nothing is built at
import time, and the texts a check has analysed are remembered per lexicon
(``memo``), never by text alone.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from . import tables
from .norm import TOKEN, fold, vnorm

if TYPE_CHECKING:
    from .glossary import Glossary

_T = TypeVar("_T")


@dataclass(frozen=True)
class Form:
    """One written form of a table entry: its words as compared, the entries it names."""

    words: tuple[str, ...]
    groups: frozenset[int]
    ambiguous: bool
    adjective: bool = False
    capitalised: bool = True  # as written in the table


class Memo:
    """A bounded memory of analysed texts (a brief's summary is checked against the same
    article many times); kept by its lexicon, so a different lexicon never reuses it."""

    def __init__(self, size: int = 256) -> None:
        self._d: OrderedDict[tuple, Any] = OrderedDict()
        self._size = size

    def get(self, key: tuple, make: Callable[[], _T]) -> _T:
        if key in self._d:
            self._d.move_to_end(key)
            return self._d[key]
        value = make()
        self._d[key] = value
        if len(self._d) > self._size:
            self._d.popitem(last=False)
        return value

    def clear(self) -> None:
        self._d.clear()


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the checks look words up in."""

    vi_places: dict[str, list[Form]]
    en_places: dict[str, list[Form]]
    vi_multi_first: frozenset[str]
    vi_acronyms: frozenset[str]
    vi_institution: frozenset[str]
    vi_generic: frozenset[str]
    vi_lead_titles: frozenset[str]
    vi_function: frozenset[str]
    vi_starters: frozenset[str]
    vi_person_titles: frozenset[tuple[str, ...]]
    vi_office_titles: frozenset[tuple[str, ...]]
    vi_place_titles: frozenset[tuple[str, ...]]
    vi_surnames: frozenset[str]
    en_generic: frozenset[str]
    en_starters: frozenset[str]
    en_titles: frozenset[str]
    common_words: frozenset[str]  # lowercased
    glossary: Glossary | None = None
    #: ``vi_places`` by the lowercased words of each form, for matching in any case: one lookup
    #: per word and length instead of a walk over every form sharing the first word (a 20,000-term
    #: glossary of names puts hundreds of forms behind one syllable).
    vi_loose: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict, repr=False)
    vi_loose_lengths: tuple[int, ...] = ()
    memo: Memo = field(default_factory=Memo, repr=False)

    @property
    def vi_titles(self) -> frozenset[tuple[str, ...]]:
        return self.vi_person_titles | self.vi_place_titles


def _words(block: str) -> list[str]:
    return [w for w in re.split(r"[\s;]+", block) if w]


def _phrases(block: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;\n]", block) if p.strip()]


def _vi_key(tok: str, multi: bool) -> str:
    # multi-word Vietnamese forms match in any case ("Liên hợp quốc"); single words keep it
    return tok.lower() if multi else tok


def build_lexicon(glossary: Glossary | None = None) -> Lexicon:
    """The tables of ``tables.py``, plus the glossary's terms as table entries."""
    rows = [ln for ln in tables.PLACES.strip().splitlines() if ln.strip()]
    if glossary is not None:
        rows += glossary.table_rows()
    vi_places, en_places = _build_places(rows)
    loose = _loose_index(vi_places)
    institution = frozenset(vnorm(w) for w in _words(tables.VI_INSTITUTION))
    lead = frozenset(vnorm(w) for w in _words(tables.VI_LEAD_TITLES))
    function = frozenset(vnorm(w).lower() for w in _words(tables.VI_FUNCTION))
    return Lexicon(
        vi_places=vi_places,
        en_places=en_places,
        vi_multi_first=frozenset(k.lower() for k, fs in vi_places.items() if any(len(f.words) > 1 for f in fs)),
        vi_acronyms=frozenset(w.upper() for w in _words(tables.VI_ACRONYMS)),
        vi_institution=institution,
        vi_generic=institution | {vnorm(w) for w in _words(tables.VI_GENERIC)},
        vi_lead_titles=lead,
        vi_function=function,
        vi_starters=frozenset(({vnorm(w).lower() for w in _words(tables.VI_STARTERS)} | function) - {w.lower() for w in lead}),
        vi_person_titles=frozenset(tuple(vnorm(p.lower()).split()) for p in _phrases(tables.VI_PERSON_TITLES)),
        vi_office_titles=frozenset(tuple(vnorm(p.lower()).split()) for p in _phrases(tables.VI_OFFICE_TITLES)),
        vi_place_titles=frozenset(tuple(vnorm(p.lower()).split()) for p in _phrases(tables.VI_PLACE_TITLES)),
        vi_surnames=frozenset(vnorm(w) for w in _words(tables.VI_SURNAMES)),
        en_generic=frozenset(w.lower() for w in _words(tables.EN_GENERIC)),
        en_starters=frozenset(w.lower() for w in _words(tables.EN_STARTERS)),
        en_titles=frozenset(w.lower() for w in _words(tables.EN_TITLES)),
        common_words=frozenset(w.lower() for w in _words(tables.COMMON_WORDS)),
        glossary=glossary,
        vi_loose=loose,
        vi_loose_lengths=tuple(sorted({len(k) for k in loose})),
    )


def _loose_index(vi_places: dict[str, list[Form]]) -> dict[tuple[str, ...], frozenset[int]]:
    """Forms reachable from a lowercased word as the word itself, capitalised or in capitals."""
    index: dict[tuple[str, ...], frozenset[int]] = {}
    for key, forms in vi_places.items():
        low = key.lower()
        if key not in (low, low.capitalize(), low.upper()):
            continue
        for form in forms:
            words = tuple(w.lower() for w in form.words)
            index[words] = index.get(words, frozenset()) | form.groups
    return index


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the tables alone, built on first use, for callers that pass none."""
    return build_lexicon()


def _build_places(rows: list[str]) -> tuple[dict, dict]:
    vi: dict[str, list[Form]] = {}
    en: dict[str, list[Form]] = {}
    for gid, line in enumerate(rows):
        cols = [c.strip() for c in line.split("|")]
        while len(cols) < 3:
            cols.append("")
        for side, col, adj in ((vi, cols[0], False), (en, cols[1], False), (en, cols[2], True)):
            for form in (f.strip() for f in col.split(";")):
                if not form:
                    continue
                amb = form.endswith("?")
                form = form.rstrip("?").strip()
                toks = tuple(t.group(0) for t in TOKEN.finditer(vnorm(form) if side is vi else form))
                if side is vi:
                    toks = tuple(_vi_key(t, len(toks) > 1) for t in toks)
                side.setdefault(toks[0], []).append(Form(toks, frozenset({gid}), amb, adj, form[:1].isupper()))
    gid = len(rows)
    for line in _phrases(tables.VI_PLACES_FOLDED):
        vi_toks = tuple(t.group(0).lower() for t in TOKEN.finditer(vnorm(line)))
        en_toks = tuple(fold(t).capitalize() for t in line.split())
        vi.setdefault(vi_toks[0], []).append(Form(vi_toks, frozenset({gid}), False, False, True))
        en.setdefault(en_toks[0], []).append(Form(en_toks, frozenset({gid}), False, False, True))
        joined = ("".join(en_toks).capitalize(),)
        en.setdefault(joined[0], []).append(Form(joined, frozenset({gid}), False, False, True))
        gid += 1
    for forms in list(en.values()):
        for f in list(forms):
            if f.adjective and len(f.words) == 1 and f.words[0][-1:] in "nhi":
                plural = (f.words[0] + "s",)
                en.setdefault(plural[0], []).append(Form(plural, f.groups, f.ambiguous, True))
    for side in (vi, en):
        for k, forms in side.items():
            merged: dict[tuple, Form] = {}
            for f in forms:
                if f.words in merged:
                    g = merged[f.words]
                    merged[f.words] = Form(
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
