"""The stages of a brief, as functions over typed values: gate, summarize, select, translate,
choose (the checks pick a hypothesis), assemble (``vnsum.assemble``).

Each takes what the one before produced and returns a new frozen value; none keeps state or
touches another's output. Model calls go through a ``Generate`` the runner passes in
(``vnsum.pipeline.Pipeline`` owns the engines, the threads and the timings), so a stage runs
the same on the main thread, a worker thread or a test's scripted engine.

A new stage is a function here over these values, called by the runner in its place (see
docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vnsum import chunk, keypoints
from vnsum.engines import Engine, GenerationSettings, NBestEngine
from vnsum.errors import InputError
from vnsum.keypoints import Candidate
from vnsum.reading.source import Source
from vnsum.recipes import Step
from vnsum.text import Article, parse_article, split_sentences, vietnamese_share

if TYPE_CHECKING:
    from vnsum.checks.compare import CheckResult

#: Below this share of common Vietnamese words the input is taken for another language.
MIN_VIETNAMESE_SHARE = 0.04
#: Less body text than this is not an article (a headline, a caption, a menu).
MIN_BODY_CHARS = 80

#: ``engine.generate`` as the runner runs it (off the main thread, so Ctrl-C interrupts it).
Generate = Callable[[Engine, list[str], GenerationSettings], list[str]]
#: ``engine.generate_nbest`` likewise.
GenerateNBest = Callable[[NBestEngine, list[str], GenerationSettings, int], list[list[str]]]
#: Vietnamese segment -> English hypotheses, best first.
Hypotheses = Mapping[str, tuple[str, ...]]


# ---------------------------------------------------------------------------- gate


def gate(source: Source, *, force: bool = False) -> Article:
    """The text stage and the gate: Vietnamese, and enough body text to summarise (InputError)."""
    article = parse_article(source.text)
    if vietnamese_share(article.prose()) < MIN_VIETNAMESE_SHARE and not force:
        what = f"{source.name}: this does not look like Vietnamese text"
        raise InputError(f"{what}; pass force=True to summarise it anyway", cli=f"{what}; use --force to summarise it anyway")
    body = article.body_sentences()
    if not body or len(article.body_text()) < MIN_BODY_CHARS:
        raise InputError(
            f"{source.name}: too little article text to summarise ({len(body)} sentence(s); "
            "the rest is a title, captions, a byline or page furniture)"
        )
    return article


# ---------------------------------------------------------------------------- summarize


@dataclass(frozen=True)
class Summarized:
    """One article's Vietnamese summary."""

    summary_vi: str
    #: Its sentences, each translated (and checked) on its own.
    sentences: tuple[str, ...]
    #: Parts the article was summarised in (1: whole).
    chunks: int = 1
    #: Sentences that did not reach the summarizer even in parts.
    dropped: tuple[str, ...] = ()


def summarized(summary_vi: str, chunks: int = 1, dropped: Sequence[str] = ()) -> Summarized:
    summary_vi = summary_vi.strip()
    sentences = split_sentences(summary_vi) or ([summary_vi] if summary_vi else [])
    return Summarized(summary_vi, tuple(sentences), chunks, tuple(dropped))


def summarize(engine: Engine, step: Step, length: str, articles: Sequence[Article], generate: Generate) -> list[Summarized]:
    """Summaries of several articles: those that fit the input in one ``generate`` call (the
    engines sort by length), the longer ones each in parts first (``chunk.reduce_chunks``)."""
    settings = step.settings(length)
    budget = settings.max_input_tokens - prefix_tokens(engine, step.prefix)
    bodies = [" ".join(s for _, _, s in a.body_sentences()) for a in articles]
    texts: list[str] = []
    out: list[Summarized | None] = []
    for article, body, n in zip(articles, bodies, engine.count_tokens(bodies) if bodies else []):
        if n <= budget:
            texts.append(body)
            out.append(None)
        else:
            out.append(_summarize_long(engine, step, settings, budget, article, generate))
    summaries = iter(generate(engine, [step.prefix + t for t in texts], settings) if texts else [])
    return [r if r is not None else summarized(next(summaries)) for r in out]


def _summarize_long(
    engine: Engine, step: Step, settings: GenerationSettings, budget: int, article: Article, generate: Generate
) -> Summarized:
    """Summarise in parts on sentence boundaries, then summarise the parts' summaries."""
    sentences = [s for _, _, s in article.body_sentences()]
    reduction = chunk.reduce_chunks(
        sentences, engine.count_tokens, budget, lambda texts: generate(engine, [step.prefix + t for t in texts], settings)
    )
    summary = generate(engine, [step.prefix + reduction.text], settings)[0]
    return summarized(summary, reduction.chunks, reduction.dropped)


# ---------------------------------------------------------------------------- select


def select(article: Article, points: int) -> tuple[Candidate, ...]:
    """The key points: chosen once, from the article alone (position, centrality, the title), as
    ``benchmarks/keypoints_eval.py`` measures them, so they can be translated, checked and shown
    while the summary is still being written."""
    return tuple(keypoints.select(article, points))


# ---------------------------------------------------------------------------- translate


def translate(
    engine: Engine,
    step: Step,
    segments: Sequence[str],
    *,
    nbest: int,
    generate: Generate,
    generate_nbest: GenerateNBest,
    known: Hypotheses | None = None,
) -> dict[str, tuple[str, ...]]:
    """Every segment not in ``known``, in one batch (duplicates once); long ones in pieces.

    Returns segment -> English hypotheses, best first (``known`` included): up to ``nbest``
    for a segment translated whole by an engine that gives them, else the best alone."""
    settings = step.settings()
    budget = settings.max_input_tokens - prefix_tokens(engine, step.prefix)
    known = known or {}
    unique = list(dict.fromkeys(s for s in segments if s and s not in known))
    pieces: list[tuple[int, str]] = []
    for u, (seg, n) in enumerate(zip(unique, engine.count_tokens(unique) if unique else [])):
        for piece in [seg] if n <= budget else chunk.split_long(seg, engine.count_tokens, budget):
            pieces.append((u, piece))
    inputs = [step.prefix + p for _, p in pieces]
    n = min(nbest, settings.num_beams)
    if not pieces:
        outputs: list[list[str]] = []
    elif n > 1 and isinstance(engine, NBestEngine):
        outputs = generate_nbest(engine, inputs, settings, n)
    else:
        outputs = [[o] for o in generate(engine, inputs, settings)]
    joined: dict[int, list[list[str]]] = {}
    for (u, _), hyps in zip(pieces, outputs):
        joined.setdefault(u, []).append([strip_prefix(h, step.strip_output_prefix) for h in hyps] or [""])
    english = dict(known)
    for u, seg in enumerate(unique):
        parts = joined.get(u, [])
        if len(parts) == 1:
            english[seg] = tuple(parts[0])
        else:  # a long segment in pieces: the best of each piece, joined
            english[seg] = (" ".join(p[0] for p in parts).strip(),)
    return english


# ---------------------------------------------------------------------------- choose (the checks)


@dataclass(frozen=True)
class Choice:
    """The hypothesis the checks chose for one field of the brief."""

    #: Where it goes: ``headline_en``, ``summary_en``, ``key_points[2].text_en``.
    field: str
    text_vi: str
    text_en: str
    #: Which of the beam's hypotheses (0: the best).
    hypothesis: int
    #: What the checks found in it (None: checks off).
    result: CheckResult | None


def choose(field: str, text_vi: str, hypotheses: Sequence[str], *, checks: bool) -> Choice:
    """The first hypothesis that passes the checks, else the best one with its problems.

    A stage over hypotheses: a glossary or a summarizer's n-best can be chosen the same way."""
    hyps = list(hypotheses) or [""]
    if not checks:
        return Choice(field, text_vi, hyps[0], 0, None)
    from vnsum import checks as checking

    index, result = checking.choose_translation(text_vi, hyps, field)
    return Choice(field, text_vi, hyps[index], index, result)


def check_summary(summary: Summarized, headline_vi: str | None, article: Article, *, checks: bool) -> CheckResult | None:
    """The Vietnamese summary against the article (every value must be in it)."""
    if not checks or not summary.summary_vi:
        return None
    from vnsum import checks as checking

    return checking.check_summary(summary.summary_vi, "\n".join(filter(None, [headline_vi, article.body_text()])))


# ---------------------------------------------------------------------------- helpers


def prefix_tokens(engine: Engine, prefix: str) -> int:
    if not prefix:
        return 0
    return max(0, engine.count_tokens([prefix])[0] - 1)


def strip_prefix(text: str, prefix: str) -> str:
    text = text.strip()
    if prefix and text.lower().startswith(prefix.strip().lower()):
        text = text[len(prefix.strip()) :].strip()
    return text
