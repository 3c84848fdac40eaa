"""A reader's glossary: how Vietnamese terms must be rendered in English, and terms kept as is.

The format is a UTF-8 text file, one entry a line, ``#`` starting a comment::

    # Vietnamese term <TAB> English rendering
    Tô Lâm	To Lam
    Bình Dương	Binh Duong province
    Vingroup

A line with one column is a term kept as is (a brand, a name the reader wants
letter for letter).  Terms match the Vietnamese as whole words, in any case and
either tone placement ("hoà" / "hòa"); a rendering matches the English as whole
words, in any case where it is written in lower case, with its capitals where it
has some (the first letter aside, for the start of a sentence).

A translation is checked against every term it contains (``problems``); the
translator's choice among the beam's hypotheses prefers one that renders them all
(``checks.choose_hypothesis``), and a term still missing is post-edited only when
the English writes the term or its rendering with other spacing, case or
diacritics ("Vin Group" for "Vingroup", "Bình Dương" left untranslated):
``post_edit``.  Names the glossary defines extend the checks' lexicon
(``table_rows``).
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .norm import TOKEN, fold, prepare, vnorm

GLOSSARY_PROBLEM = "not rendered as the glossary says"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TABLE_CHARS = set("|;?")


class GlossaryError(ValueError):
    """A glossary file that cannot be used: ``FILE:LINE: what is wrong`` (one line)."""


@dataclass(frozen=True)
class Term:
    vi: str  # as written in the file (NFC)
    en: str  # the rendering; the term itself when kept as is
    line: int
    keep: bool = False

    @property
    def name_like(self) -> bool:
        """Capitalised on both sides: a name, safe to post-edit."""
        return self.vi[:1].isupper() and self.en[:1].isupper()


def _bounded(phrase: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![\w])", flags)


_RUN = re.compile(r"\w+")


def _key(run: str) -> str:
    # the run as the index compares it: at least as loose as ``re.I`` (which also lets "ı" match "i")
    return run.casefold().replace("ı", "i")


@dataclass(frozen=True)
class _Index:
    """The terms by the word runs they are made of, so that a text is looked up once per run
    instead of being searched once per term (20,000 terms: one regex search each was minutes
    on an article).  A match of a term's pattern always covers the text's runs equal to the
    term's runs, in a row; the index proposes those places and the term's own pattern decides."""

    by_runs: dict[tuple[str, ...], tuple[int, ...]]
    lengths: tuple[int, ...]  # the run counts that occur, ascending
    unindexed: tuple[int, ...]  # terms that do not start with a word character: searched as before
    rank: dict[int, int]  # the order terms are tried in: longer first, then file order

    @classmethod
    def build(cls, keys: list[str], terms: tuple[Term, ...]) -> _Index:
        by_runs: dict[tuple[str, ...], list[int]] = {}
        unindexed = []
        for i, key in enumerate(keys):
            if _RUN.match(key) is None:
                unindexed.append(i)
                continue
            by_runs.setdefault(tuple(_key(r) for r in _RUN.findall(key)), []).append(i)
        order = sorted(range(len(terms)), key=lambda i: -len(terms[i].vi))
        return cls(
            {k: tuple(v) for k, v in by_runs.items()},
            tuple(sorted({len(k) for k in by_runs})),
            tuple(unindexed),
            {i: r for r, i in enumerate(order)},
        )


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    source: str = "<glossary>"
    digest: str = ""  # SHA-256 of the content: enters the result cache's key

    def __post_init__(self) -> None:
        keys = [vnorm(t.vi).lower() for t in self.terms]
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_index", _Index.build(keys, self.terms))
        object.__setattr__(self, "_where", {t: i for i, t in enumerate(self.terms)})
        object.__setattr__(self, "_patterns", {})  # compiled on first use: most terms never are
        object.__setattr__(self, "_seen", {})  # Vietnamese text -> its terms (each hypothesis asks again)

    def _vi_pattern(self, i: int) -> re.Pattern[str]:
        cache: dict = self._patterns  # type: ignore[attr-defined]
        if ("vi", i) not in cache:
            cache[("vi", i)] = _bounded(self._keys[i], re.I)  # type: ignore[attr-defined]
        return cache[("vi", i)]

    def _en_patterns(self, i: int) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        cache: dict = self._patterns  # type: ignore[attr-defined]
        if ("en", i) not in cache:
            en = self.terms[i].en
            flags = re.I if en == en.lower() else 0
            first = _bounded(en[:1].swapcase() + en[1:], flags) if en[:1].isalpha() else None
            cache[("en", i)] = (_bounded(en, flags), first)
        return cache[("en", i)]

    def present(self, vi: str) -> list[Term]:
        """The terms a Vietnamese text contains, in text order, overlaps left out (the longer wins)."""
        seen: dict[str, list[Term]] = self._seen  # type: ignore[attr-defined]
        if vi not in seen:
            if len(seen) > 1024:
                seen.clear()
            seen[vi] = self._find(vi)
        return list(seen[vi])

    def _candidates(self, text: str) -> dict[int, list[int]]:
        """Term -> the places (ascending) where its pattern may match."""
        index: _Index = self._index  # type: ignore[attr-defined]
        runs = list(_RUN.finditer(text))
        keys = [_key(m.group()) for m in runs]
        places: dict[int, list[int]] = {}
        for i, run in enumerate(runs):
            for n in index.lengths:
                if i + n > len(runs):
                    break
                for t in index.by_runs.get(tuple(keys[i : i + n]), ()):
                    places.setdefault(t, []).append(run.start())
        for t in index.unindexed:
            places[t] = [m.start() for m in self._vi_pattern(t).finditer(text)]
        return places

    def _find(self, vi: str) -> list[Term]:
        text = vnorm(prepare(vi)).lower()
        index: _Index = self._index  # type: ignore[attr-defined]
        places = self._candidates(text)
        starts: list[int] = []  # the accepted spans, sorted and disjoint
        ends: list[int] = []
        found: list[tuple[int, Term]] = []
        for t in sorted(places, key=index.rank.__getitem__):
            pat, reached = self._vi_pattern(t), 0
            for pos in places[t]:
                if pos < reached:  # as ``finditer`` does: the term's matches do not overlap
                    continue
                m = pat.match(text, pos)
                if m is None:
                    continue
                reached = m.end()
                k = bisect.bisect_right(ends, m.start())  # the spans before k end before this one starts
                if k < len(starts) and starts[k] < m.end():
                    continue
                starts.insert(k, m.start())
                ends.insert(k, m.end())
                found.append((m.start(), self.terms[t]))
        terms: dict[str, Term] = {}
        for _, term in sorted(found, key=lambda f: f[0]):
            terms.setdefault(term.vi, term)
        return list(terms.values())

    def rendered(self, term: Term, en: str) -> bool:
        """Whether the English renders the term as given."""
        pat, first = self._en_patterns(self._where[term])  # type: ignore[attr-defined]
        text = prepare(en)
        return bool(pat.search(text) or (first is not None and first.search(text)))

    def problems(self, vi: str, en: str, field: str) -> list:
        """A ``glossary`` problem for each term of the Vietnamese the English does not render."""
        from .compare import Problem

        return [
            Problem(field, "glossary", t.vi, GLOSSARY_PROBLEM, vi, t.en) for t in self.present(vi) if not self.rendered(t, en)
        ]

    def post_edit(self, vi: str, en: str) -> tuple[str, tuple[str, ...]]:
        """Put a name-like term's rendering where the English writes the term or the rendering
        with other spacing, hyphens, case or diacritics; nothing else is touched.  Returns the
        text and one line per edit."""
        edits = []
        for t in self.present(vi):
            if not t.name_like or self.rendered(t, en):
                continue
            span = _loose_span(en, {_squash(t.vi), _squash(t.en)})
            if span is None:
                continue
            s, e = span
            edits.append(f"{en[s:e]!r} -> {t.en!r} ({t.vi})")
            en = en[:s] + t.en + en[e:]
        return en, tuple(edits)

    def table_rows(self) -> list[str]:
        """Name-like terms as rows of the checks' place table (``tables.PLACES``)."""
        rows = []
        for t in self.terms:
            if t.name_like and not (_TABLE_CHARS & set(t.vi + t.en)):
                rows.append(f"{t.vi} | {t.en} |")
        return rows


def _squash(s: str) -> str:
    return re.sub(r"[\s\-.'’]", "", fold(unicodedata.normalize("NFC", s)))


def _loose_span(text: str, wanted: set[str]) -> tuple[int, int] | None:
    """The first run of one to eight words whose squashed form is one of ``wanted``."""
    toks = list(TOKEN.finditer(text))
    for i in range(len(toks)):
        for k in range(1, 9):
            if i + k > len(toks):
                break
            s, e = toks[i].start(), toks[i + k - 1].end()
            if _squash(text[s:e]) in wanted:
                return s, e
    return None


def parse_glossary(text: str, source: str = "<glossary>") -> Glossary:
    """A glossary from its text; a :class:`GlossaryError` names the first bad line."""
    terms: list[Term] = []
    first_line: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        where = f"{source}:{n}"
        if _CONTROL.search(line.replace("\t", "")):
            raise GlossaryError(f"{where}: a control character in the line")
        if len(cols) > 2:
            raise GlossaryError(
                f"{where}: {len(cols)} columns; a line is 'Vietnamese term<TAB>English rendering' or one term to keep"
            )
        vi = unicodedata.normalize("NFC", cols[0])
        en = unicodedata.normalize("NFC", cols[1]) if len(cols) == 2 else ""
        if not vi:
            raise GlossaryError(f"{where}: the Vietnamese term is empty")
        if len(cols) == 2 and not en:
            raise GlossaryError(f"{where}: the English rendering is empty (leave the tab out to keep the term as is)")
        if not TOKEN.search(vi) or (en and not TOKEN.search(en)):
            raise GlossaryError(f"{where}: a term needs at least one word")
        key = vnorm(vi).lower()
        if key in first_line:
            raise GlossaryError(f"{where}: {vi!r} is already defined on line {first_line[key]}")
        first_line[key] = n
        terms.append(Term(vi, en or vi, n, keep=not en))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Glossary(tuple(terms), source, digest)


#: A glossary larger than this is refused (100,000 terms fit in a few MB).
MAX_GLOSSARY_BYTES = 20_000_000


def load_glossary(path: str | Path) -> Glossary:
    """A glossary file (see the module's docstring for the format)."""
    p = Path(path)
    try:
        # a regular file of a sane size only: a FIFO would block and /dev/zero never end
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise GlossaryError(f"{p}: not a regular file")
            os.set_blocking(fd, True)
            data = fh.read(MAX_GLOSSARY_BYTES + 1)
    except ValueError as exc:
        if isinstance(exc, GlossaryError):
            raise
        raise GlossaryError(f"{p}: not a valid file name (a NUL character)") from None
    except OSError as exc:
        raise GlossaryError(f"{p}: cannot read the glossary ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > MAX_GLOSSARY_BYTES:
        raise GlossaryError(f"{p}: larger than {MAX_GLOSSARY_BYTES // 1_000_000} MB; a glossary is a list of terms")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"{p}:{line}: not UTF-8 text") from None
    return parse_glossary(text, str(p))
