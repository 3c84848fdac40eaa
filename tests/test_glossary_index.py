"""The glossary's term index finds exactly what searching every term's pattern finds.

The index (``glossary._Index``) exists for speed (a 20,000-term glossary: benchmarks/bench_glossary.py);
this test keeps its answers those of the plain way: each term's pattern searched over the whole
text, longer terms first, a match kept unless it overlaps one kept before.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnsum.checks import parse_glossary
from vnsum.checks.glossary import Glossary, Term, _bounded
from vnsum.checks.lexicon import build_lexicon
from vnsum.checks.names import _loose_groups
from vnsum.checks.norm import TOKEN, prepare, vnorm

WORDS = ["hà", "Nội", "hoà", "hòa", "bình", "TP.HCM", "tp", "hcm", "Bà", "Rịa-Vũng", "Tàu", "(Sở", "công", "ıi", "I"]
SEPARATORS = [" ", "  ", "\t", "-", ".", ", ", " (", ") ", "\n", "\u00a0", "\u200b"]


def reference(glossary: Glossary, vi: str) -> list[Term]:
    """Every term's pattern searched over the text: what ``present`` did before the index."""
    text = vnorm(prepare(vi)).lower()
    found: list[tuple[int, int, Term]] = []
    for t in sorted(glossary.terms, key=lambda t: -len(t.vi)):
        for m in _bounded(vnorm(t.vi).lower(), re.I).finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), t))
    terms: dict[str, Term] = {}
    for _, _, t in sorted(found, key=lambda f: f[0]):
        terms.setdefault(t.vi, t)
    return list(terms.values())


term = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(term, min_size=1, max_size=12, unique_by=lambda t: vnorm(t).lower()), text)
def test_the_index_finds_what_every_pattern_finds(terms: list[str], vi: str) -> None:
    glossary = parse_glossary("\n".join(terms))
    assert glossary.present(vi) == reference(glossary, vi)


def test_overlaps_and_repeats_resolve_as_before() -> None:
    glossary = parse_glossary("Hà Nội\tHanoi\nNội Bài\tNoi Bai\nhà\thouse\n(Sở\tthe department\nTP.HCM\tHCMC\n")
    for vi in ("Hà Nội Bài hà Nội Bài", "nội bài Hà Nội", "(Sở TP.HCM) và TP. HCM, tp.hcm", "hà hà hà", "Hà  Nội"):
        assert glossary.present(vi) == reference(glossary, vi), vi


def test_rendered_does_not_depend_on_the_glossary_size() -> None:
    big = parse_glossary("".join(f"Tên{i}\tName{i}\n" for i in range(5000)) + "Bình Dương\tBinh Duong\n")
    term = big.present("tỉnh Bình Dương")[0]
    assert term.en == "Binh Duong" and big.rendered(term, "in Binh Duong") and not big.rendered(term, "in Binh")


def test_loose_place_groups_match_a_walk_over_the_forms() -> None:
    lex = build_lexicon(parse_glossary("Bình Dương\tBinh Duong\nBà Rịa-Vũng Tàu\tBa Ria-Vung Tau\n"))
    assert _loose_groups("ở bình dương và nước mỹ", lex)  # not vacuous
    for vi in ("ở bình dương và bà rịa-vũng tàu", "nước mỹ, nước anh", "TỈNH BÌNH DƯƠNG", "không có gì"):
        words = [m.group(0).lower() for m in TOKEN.finditer(vi)]
        walk: set[int] = set()
        for i, w in enumerate(words):
            for form in lex.vi_places.get(w, []) + lex.vi_places.get(w.capitalize(), []) + lex.vi_places.get(w.upper(), []):
                if tuple(words[i : i + len(form.words)]) == tuple(x.lower() for x in form.words):
                    walk |= form.groups
        assert _loose_groups(vi, lex) == frozenset(walk), vi
