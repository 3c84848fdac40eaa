"""Assemble the Brief: the chosen sentences and every translation, put together with their provenance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vnsum.brief import Brief, KeyPoint, key_point_field
from vnsum.keypoints import Candidate
from vnsum.reading.source import Source
from vnsum.text import Article

if TYPE_CHECKING:
    from vnsum.checks.compare import CheckResult, Problem
    from vnsum.stages import Choice, Summarized


@dataclass(frozen=True)
class Drafted:
    """Everything the stages produced for one article, before it becomes a Brief."""

    source: Source
    article: Article
    headline_vi: str | None
    summary: Summarized
    chosen: tuple[Candidate, ...]
    #: (field name, Vietnamese) -> the checks' choice for it (``headline_en``, ``summary_en``, ``key_points[i].text_en``).
    choices: Mapping[tuple[str, str], Choice]
    #: The summary against the article (None: checks off or no summary), and its problems with their English.
    summary_check: CheckResult | None
    summary_problems: tuple[Problem, ...]
    points_asked: int
    checks_on: bool
    notes: tuple[str, ...] = ()


def field_order(headline_vi: str | None, summary: Summarized, chosen: Sequence[Candidate]) -> list[tuple[str, str]]:
    """(field, Vietnamese) of every translated segment, in the order the brief is read and checked."""
    out: list[tuple[str, str]] = [("headline_en", headline_vi)] if headline_vi else []
    out += [("summary_en", s) for s in summary.sentences]
    out += [(key_point_field(i), c.text) for i, c in enumerate(chosen)]
    return out


def key_point(c: Candidate, text_en: str, article: Article) -> KeyPoint:
    return KeyPoint(
        text_en=text_en,
        text_vi=c.text,
        paragraph=c.paragraph,
        sentence=c.sentence,
        line=article.lines()[c.paragraph],
        score=round(c.score, 4),
    )


def shortfall(asked: int, got: int, body: int) -> str | None:
    """Why there are fewer key points than asked, in the same words in every format."""
    if got >= asked:
        return None
    if body <= got:
        return f"only {got} key point(s): the article has {body} body sentence(s)"
    return f"only {got} key point(s): the article has {body} body sentence(s), and {body - got} repeat too much of those chosen"


def problems_of(d: Drafted) -> tuple[list[Problem], int]:
    """Every problem the checks left, the summary's first then each field's in reading order,
    with the number of values compared."""
    if not d.checks_on:
        return [], 0
    results = [d.summary_check] if d.summary_check is not None else []
    for key in field_order(d.headline_vi, d.summary, d.chosen):
        result = d.choices[key].result
        if result is not None:
            results.append(result)
    problems = list(d.summary_problems) + [p for r in results[1 if d.summary_check is not None else 0 :] for p in r.problems]
    return problems, sum(r.checked for r in results)


def assemble(
    d: Drafted,
    *,
    models: Mapping[str, str],
    recipe: str,
    engine: str,
    timings: Mapping[str, float],
    extra_notes: Sequence[str] = (),
) -> Brief:
    """The Brief of a draft; nothing is changed on it afterwards."""
    english: dict[str, str] = {}
    notes = list(d.notes)
    for name, vi in field_order(d.headline_vi, d.summary, d.chosen):
        choice = d.choices[(name, vi)]
        if vi in english:  # the same sentence twice (a summary sentence taken whole): one translation
            continue
        english[vi] = choice.text_en
        if choice.hypothesis and d.checks_on:
            why = "the glossary's terms" if choice.by_glossary else "the Vietnamese's numbers, dates or names"
            notes.append(f"checks: {name} uses the beam's hypothesis {choice.hypothesis + 1}: the best one did not match {why}")
        notes += [f"glossary: {name}: {edit}" for edit in choice.edits]
    points = [key_point(c, english.get(c.text, ""), d.article) for c in d.chosen]
    warnings = []
    if d.summary.dropped:
        how = "even after summarising in parts" if d.summary.chunks > 1 else "(it reads the article's head, as trained)"
        warnings.append(
            f"not in the summary: {len(d.summary.dropped)} sentence(s) did not fit the summarizer's input {how}, "
            "beginning: " + " | ".join(x[:80] for x in d.summary.dropped[:3])
        )
    short = shortfall(d.points_asked, len(points), len(d.article.body_sentences()))
    if short:
        warnings.append(short)
    problems, checked = problems_of(d)
    return Brief(
        source=d.source.name,
        headline_vi=d.headline_vi,
        headline_en=english.get(d.headline_vi) if d.headline_vi else None,
        summary_vi=d.summary.summary_vi,
        summary_en=" ".join(e for e in (english.get(s, "") for s in d.summary.sentences) if e),
        key_points=points,
        models=dict(models),
        recipe=recipe,
        engine=engine,
        chunks=d.summary.chunks,
        date=d.source.date,
        author=d.source.author,
        timings={k: round(v, 4) for k, v in timings.items()},
        notes=list(d.source.notes) + list(d.article.notes) + notes + list(extra_notes),
        warnings=warnings,
        checks=problems,
        values_checked=checked,
    )
