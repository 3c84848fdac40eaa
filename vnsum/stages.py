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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from vnsum import chunk, keypoints, postprocess
from vnsum.engines import Engine, GenerationSettings, NBestEngine
from vnsum.errors import InputError
from vnsum.keypoints import Candidate
from vnsum.reading.source import Source
from vnsum.recipes import Step
from vnsum.text import Article, parse_article, split_sentences, vietnamese_share

if TYPE_CHECKING:
    from vnsum.checks.compare import CheckResult, Problem

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
class Beam:
    """What the summarizer wrote for one article: its hypotheses, best first (one when the
    checks do not choose, or the article was summarised in parts)."""

    hypotheses: tuple[str, ...]
    chunks: int = 1
    dropped: tuple[str, ...] = ()


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


def summarize(
    engine: Engine,
    step: Step,
    length: str,
    articles: Sequence[Article],
    generate: Generate,
    *,
    nbest: int = 1,
    generate_nbest: GenerateNBest | None = None,
) -> list[Beam]:
    """Summaries of several articles: those that fit the input in one ``generate`` call (the
    engines sort by length), as the beam's ``nbest`` hypotheses when the engine gives them (the
    same one call, asked for more of its beam); the longer ones each in parts first
    (``chunk.reduce_chunks``), the best alone."""
    settings = step.settings(length)
    budget = settings.max_input_tokens - prefix_tokens(engine, step.prefix)
    bodies = [" ".join(s for _, _, s in a.body_sentences()) for a in articles]
    texts: list[str] = []
    out: list[Beam | None] = []
    heads: list[tuple[str, ...]] = []
    for article, body, n in zip(articles, bodies, engine.count_tokens(bodies) if bodies else []):
        if n <= budget:
            texts.append(body)
            heads.append(())
            out.append(None)
        elif step.long_input == "truncate":
            head = chunk.head([s for _, _, s in article.body_sentences()], engine.count_tokens, budget)
            texts.append(head.text)
            heads.append(tuple(head.dropped))
            out.append(None)
        else:
            out.append(_summarize_long(engine, step, settings, budget, article, generate))
    inputs = [step.model_input(t) for t in texts]
    n = min(nbest, settings.num_beams)
    if not texts:
        outputs: list[list[str]] = []
    elif n > 1 and generate_nbest is not None and isinstance(engine, NBestEngine):
        outputs = generate_nbest(engine, inputs, settings, n)
    else:
        outputs = [[o] for o in generate(engine, inputs, settings)]
    beams, left = iter(outputs), iter(heads)
    made = [r if r is not None else Beam(tuple(h.strip() for h in next(beams)) or ("",), 1, next(left)) for r in out]
    return [
        replace(b, hypotheses=tuple(postprocess.summary_text(h, a.body_text()) for h in b.hypotheses))
        for a, b in zip(articles, made)
    ]


def _summarize_long(
    engine: Engine, step: Step, settings: GenerationSettings, budget: int, article: Article, generate: Generate
) -> Beam:
    """Summarise in parts on sentence boundaries, then summarise the parts' summaries."""
    sentences = [s for _, _, s in article.body_sentences()]
    reduction = chunk.reduce_chunks(
        sentences, engine.count_tokens, budget, lambda texts: generate(engine, [step.model_input(t) for t in texts], settings)
    )
    summary = generate(engine, [step.model_input(reduction.text)], settings)[0].strip()
    return Beam((summary,), reduction.chunks, tuple(reduction.dropped))


def choose_summary(
    beam: Beam, article: Article, headline_vi: str | None, *, checks: bool, lexicon: Any = None
) -> tuple[Summarized, str]:
    """The first of the summarizer's hypotheses whose values the article supports (the best when
    none is), and a note when that changed anything. A stage over hypotheses, like ``choose``."""
    hyps = list(beam.hypotheses) or [""]
    note = ""
    index = 0
    if checks and len(hyps) > 1:
        from vnsum import checks as checking

        index, result = checking.choose_summary(hyps, source_text(article, headline_vi), lexicon)
        if index:
            note = (
                f"checks: the summary is the beam's hypothesis {index + 1} of {len(hyps)}: the better ones stated "
                "a number, date or name the article does not support"
            )
        elif not result.ok:
            note = (
                f"checks: none of the beam's {len(hyps)} summaries has only values the article supports; "
                "the best is kept and its unsupported values are marked"
            )
    return summarized(hyps[index], beam.chunks, beam.dropped), note


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
    inputs = [step.model_input(p) for _, p in pieces]
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
    #: The glossary's post-edits of it, said in the brief's notes.
    edits: tuple[str, ...] = ()
    #: The glossary, not the values, made the choice.
    by_glossary: bool = False


def choose(field: str, text_vi: str, hypotheses: Sequence[str], *, checks: bool, lexicon: Any = None) -> Choice:
    """The first hypothesis that passes the checks (the glossary's terms included), else the best
    one with its problems (``checks.choose_hypothesis``). A stage over hypotheses."""
    hyps = list(hypotheses) or [""]
    if not checks:
        return Choice(field, text_vi, hyps[0], 0, None)
    from vnsum import checks as checking

    c = checking.choose_hypothesis(text_vi, hyps, field, lexicon)
    return Choice(field, text_vi, c.text, c.index, c.result, tuple(c.edits), c.by_glossary)


def source_text(article: Article, headline_vi: str | None) -> str:
    """What a summary is checked against: the title and the body."""
    return "\n".join(filter(None, [headline_vi, article.body_text()]))


def check_summary(
    summary: Summarized, headline_vi: str | None, article: Article, *, checks: bool, lexicon: Any = None
) -> CheckResult | None:
    """The Vietnamese summary against the article (every value must be in it)."""
    if not checks or not summary.summary_vi:
        return None
    from vnsum import checks as checking

    return checking.check_summary(summary.summary_vi, source_text(article, headline_vi), lexicon=lexicon)


def summary_problems(
    result: CheckResult | None, summary: Summarized, english: Mapping[str, str], *, lexicon: Any = None
) -> tuple[Problem, ...]:
    """The summary's problems, each with the English of its value where the English summary writes it."""
    if result is None:
        return ()
    from dataclasses import replace

    from vnsum import checks as checking

    out = []
    for p in result.problems:
        sentence = next((s for s in summary.sentences if p.value in s), summary.summary_vi)
        value_en = checking.english_of(p.value, sentence, english.get(sentence, ""), lexicon)
        out.append(replace(p, value_en=value_en))
    return tuple(out)


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
