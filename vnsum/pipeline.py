"""The runner: drives the stages (``vnsum.stages``) in order, owns the engines, the worker
threads and the timings, and yields typed events (``vnsum.events``) as each part of a brief is final.

``Pipeline`` keeps its models loaded, so several articles share one load; its
collaborators (the engine factory, the model resolver, the cache) are parameters, so tests
and batch runners pass their own. ``summarize()`` is the one-call API.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from vnsum import stages
from vnsum._version import __version__
from vnsum.assemble import Drafted, assemble, field_order, key_point
from vnsum.brief import Brief, key_point_field
from vnsum.cache import Request, ResultCache, cache_key
from vnsum.engines import Engine, EngineFactory, GenerationSettings, NBestEngine, load_engine
from vnsum.errors import UsageError, VnsumError
from vnsum.events import Checks, Done, Event, Failed, Headline, KeyPointReady, Started, Summary
from vnsum.keypoints import Candidate
from vnsum.options import MAX_POINTS, Options
from vnsum.reading.source import Source
from vnsum.recipes import Recipe, Step, load_recipe, with_models
from vnsum.stages import MIN_BODY_CHARS, MIN_VIETNAMESE_SHARE, Beam, Choice, Hypotheses
from vnsum.text import Article, fold_tone_placement

StageCallback = Callable[[str], None]
Resolver = Callable[..., Path]


@dataclass(frozen=True)
class _Work:
    """An article past the gate, on its way through ``iter_run``."""

    index: int
    source: Source
    article: Article
    key: str | None
    headline_vi: str | None
    chosen: tuple[Candidate, ...] = ()


@dataclass
class _Run:
    """Per-run state owned by the runner: the timings of this run's stages."""

    timings: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Loads the recipe's models on first use and turns Sources into Briefs. Use it as a context manager."""

    def __init__(
        self,
        options: Options | None = None,
        on_stage: StageCallback | None = None,
        *,
        on_download: Callable[[], None] | None = None,
        engine_factory: EngineFactory = load_engine,
        resolver: Resolver | None = None,
        cache: ResultCache | None = None,
        download_bar: Any = None,
    ) -> None:
        self.options = options or Options()
        self.recipe: Recipe = with_models(load_recipe(self.options.recipe), self.options.summarizer, self.options.translator)
        self._engines: dict[str, Engine] = {}
        #: The revision each loaded model came from (hub commit or directory fingerprint), for the Brief.
        self._revisions: dict[str, str] = {}
        self._on_stage = on_stage or (lambda _stage: None)
        self._on_download = on_download
        self._engine_factory = engine_factory
        self._resolver = resolver
        #: Draws a download's progress (``hub.DownloadBar``); None: the library's bar on stderr.
        self._download_bar = download_bar
        #: Briefs made before: a hit is served without loading any model.
        self.cache = cache
        self._load_notes: list[str] = []
        self._load_time = 0.0
        #: Model calls run here, off the main thread (see ``_generate``); the summary while translating ahead.
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="vnsum-model")
        #: The translate-ahead work, beside the summarizer.
        self._ahead = ThreadPoolExecutor(1, thread_name_prefix="vnsum-translate")
        #: The reader's glossary, read and validated before any model loads (a bad line is exit 2).
        self.glossary = _load_glossary(self.options.glossary or self.recipe.glossary or None)
        self._lexicon: Any = None

    @property
    def lexicon(self) -> Any:
        """The checks' lexicon (tables + glossary), built once for this Pipeline when first needed."""
        if self._lexicon is None:
            from vnsum import checks

            self._lexicon = checks.build_lexicon(self.glossary)
        return self._lexicon

    # ------------------------------------------------------------------ lifetime

    def close(self) -> None:
        """Stop the worker threads and let the models go."""
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._ahead.shutdown(wait=False, cancel_futures=True)
        self._engines.clear()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------------ models

    def _generate(self, engine: Engine, batch: list[str], settings: GenerationSettings) -> list[str]:
        """``engine.generate``, run off the main thread so that Ctrl-C interrupts it at once.

        Native engines hold the main thread for the whole call otherwise, and Python runs
        signal handlers only in the main thread; waiting on a future lets the CLI's signal
        handler run at once (it then exits without waiting for the call).
        """
        if threading.current_thread() is not threading.main_thread():
            return engine.generate(batch, settings)
        return self._worker.submit(engine.generate, batch, settings).result()

    def _generate_nbest(self, engine: NBestEngine, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        if threading.current_thread() is not threading.main_thread():
            return engine.generate_nbest(batch, settings, n)
        return self._worker.submit(engine.generate_nbest, batch, settings, n).result()

    def _notify(self, message: str) -> None:
        """A status line worth keeping in the Brief too (conversions, fallbacks)."""
        self._on_stage(message)
        self._load_notes.append(message)

    def engine_for(self, step: Step) -> Engine:
        """The loaded engine for a recipe step (downloaded and loaded once)."""
        ref = step.model
        if ref not in self._engines:
            from vnsum import hub

            self._on_stage(f"loading {ref}")
            start = time.perf_counter()
            resolve = self._resolver or hub.resolve
            pin = {"revision": step.revision} if step.revision else {}
            progress = False if self.options.quiet else (self._download_bar or True)
            path = resolve(ref, offline=self.options.offline, progress=progress, on_download=self._on_download, **pin)
            self._revisions[ref] = hub.loaded_revision(Path(path))
            options = self.options.engine
            if self.options.overlap:
                # Two engines run side by side while translating ahead: a share of the cores each.
                options = replace(options, concurrent_engines=2)
            self._engines[ref] = self._engine_factory(Path(path), ref, options, self._notify)
            self._load_time += time.perf_counter() - start
        return self._engines[ref]

    def overlaps(self, summarizer: Engine, translator: Engine) -> bool:
        """Translate ahead while summarising: two engines that each leave the other a core (CTranslate2
        on the CPU; an engine may say so itself with ``runs_beside_another``)."""

        def beside(engine: Engine) -> bool:
            declared = getattr(engine, "runs_beside_another", None)
            if declared is not None:
                return bool(declared)
            return engine.name == "ctranslate2" and getattr(engine, "device", "cpu") == "cpu"

        return self.options.overlap and summarizer is not translator and beside(summarizer) and beside(translator)

    # ------------------------------------------------------------------ the API

    def summarize(self, text: str, name: str = "<text>") -> Brief:
        """A Brief of one article given as plain text (the models stay loaded for the next)."""
        return self.run(Source(name=name, text=text, encoding="utf-8"))

    def read(self, source: Source) -> Article:
        """The text stage and the gate (``stages.gate``) with this pipeline's options."""
        return stages.gate(source, force=self.options.force)

    def run(self, source: Source) -> Brief:
        """One article in, one Brief out."""
        result = self.run_many([source])[0]
        if isinstance(result, VnsumError):
            raise result
        return result

    def run_many(self, sources: Sequence[Source]) -> list[Brief | VnsumError]:
        """Several articles through each model call together (see ``iter_run``), collected:
        each source's Brief, or its error in its place. A model that fails fails the call."""
        results: dict[int, Brief | VnsumError] = {}
        for event in self.iter_run(sources):
            if isinstance(event, Done):
                results[event.index] = event.brief
            elif isinstance(event, Failed):
                results[event.index] = event.error
        return [results[i] for i in sorted(results)]

    def iter_run(self, sources: Sequence[Source]) -> Iterator[Event]:
        """The events of a brief of each source, as each is final (``vnsum.events``).

        All the articles go through each model call together: one ``generate`` for all their
        summaries (the engines sort by length), one for all their translations. With two engines
        that run side by side, the headlines and key points are translated (and their events
        yielded) while the summaries are written. An article that cannot be read gets ``Failed``
        and the others go on; a model that fails raises. Stage timings of a batch are the batch's."""
        run = _Run()
        work: list[_Work] = []
        early: list[Event] = []
        with _timed(run, "segment", self._on_stage, "reading the article" if len(sources) == 1 else "reading the articles"):
            for i, source in enumerate(sources):
                early.append(Started(i, source.name))
                try:
                    article = self.read(source)
                except VnsumError as exc:
                    early.append(Failed(i, source.name, exc))
                    continue
                key = self._cache_key(source, article) if self.cache is not None else None
                served = self._from_cache(key, source) if key is not None else None
                if served is not None:
                    early.append(Done(i, source.name, served))
                    continue
                work.append(_Work(i, source, article, key, article.title or source.title))
        yield from early
        if work:
            yield from self._briefs(work, run)

    # ------------------------------------------------------------------ the runner

    def _briefs(self, work: list[_Work], run: _Run) -> Iterator[Event]:
        opts = self.options
        if opts.checks:
            _ = self.lexicon  # built here with the models, not inside the timed check stage
        self._load_time = 0.0
        summarizer = self.engine_for(self.recipe.summarizer)
        translator = self.engine_for(self.recipe.translator)
        if self._load_time:
            run.timings["load"] = self._load_time
        with _timed(run, "select", self._on_stage, "choosing key points"):
            work = [replace(w, chosen=stages.select(w.article, opts.points)) for w in work]
        first = [seg for w in work for seg in ([w.headline_vi] if w.headline_vi else []) + [c.text for c in w.chosen]]
        choices: dict[int, dict[tuple[str, str], Choice]] = {w.index: {} for w in work}
        beams: list[Beam]
        known: Hypotheses = {}
        overlapped = self.overlaps(summarizer, translator)
        if overlapped:
            # The first segment alone, then the rest: the first headline (or key point) is shown
            # after one short translation, not after all of them.
            parts = [first[:1], first[1:]] if len(first) > 1 else [first]
            ready: list[Future[Hypotheses]] = [Future() for _ in parts]
            ahead = self._ahead.submit(self._translate_ahead, run, translator, parts, ready)
            self._on_stage("summarising")
            writing = self._worker.submit(self._timed_summarize, run, summarizer, [w.article for w in work])
            tail: Future[Hypotheses] | None = None
            try:
                shown = {w.index: 0 for w in work}
                waiting = list(ready)
                while waiting or tail is None:
                    while waiting and waiting[0].done():
                        known = waiting.pop(0).result()
                        with _timed(run, "check", self._on_stage, "checking names, numbers and dates"):
                            early = [self._choose_first(w, known, choices[w.index], shown) for w in work]
                        self._on_stage("summarising" if tail is None else "translating")
                        for events in early:
                            yield from events
                    if tail is None and writing.done():
                        beams = writing.result()
                        chosen_summaries = self._choose_summaries(run, work, beams)
                        segments = self._segments(work, chosen_summaries)
                        # The summary's sentences go to the translator at once, beside the rest of
                        # the translate-ahead work (the summarizer's core is free now).
                        ahead_set = set(first)
                        tail = self._worker.submit(
                            self._timed_translate, run, translator, [s for s in segments if s not in ahead_set]
                        )
                    if waiting or tail is None:
                        pending: list[Future[Any]] = ([waiting[0]] if waiting else []) + ([writing] if tail is None else [])
                        futures_wait(pending, return_when=FIRST_COMPLETED)
                hypotheses: Hypotheses = {**known, **tail.result()}
            finally:
                ahead.cancel()
                writing.cancel()
                if tail is not None:
                    tail.cancel()
        else:
            with _timed(run, "summarize", self._on_stage, "summarising"):
                beams = self._summarize(summarizer, [w.article for w in work])
            chosen_summaries = self._choose_summaries(run, work, beams)
            segments = self._segments(work, chosen_summaries)
            with _timed(run, "translate", self._on_stage, "translating"):
                hypotheses = self._translate(translator, segments, known)
        notes, self._load_notes = list(self._load_notes), []
        engine_names = ", ".join(sorted({summarizer.name, translator.name}))
        drafts: list[tuple[_Work, Drafted, list[Event]]] = []
        with _timed(run, "check", self._on_stage, "checking names, numbers and dates"):
            for w, (summary, summary_note) in zip(work, chosen_summaries):
                late = [] if overlapped else self._choose_first(w, hypotheses, choices[w.index])
                for key in field_order(w.headline_vi, summary, ()):
                    if key not in choices[w.index]:
                        name, vi = key
                        choices[w.index][key] = stages.choose(
                            name, vi, hypotheses.get(vi, ()), checks=opts.checks, lexicon=self._lexicon
                        )
                own = list(notes)
                if summary_note:
                    own.append(summary_note)
                if summary.chunks > 1:
                    own.append(
                        f"chunked: {summary.chunks} (the article is longer than the summarizer's input; summarised in parts)"
                    )
                summary_check = stages.check_summary(summary, w.headline_vi, w.article, checks=opts.checks, lexicon=self._lexicon)
                draft = Drafted(
                    source=w.source,
                    article=w.article,
                    headline_vi=w.headline_vi,
                    summary=summary,
                    chosen=w.chosen,
                    choices=dict(choices[w.index]),
                    summary_check=summary_check,
                    summary_problems=stages.summary_problems(
                        summary_check, summary, _english(choices[w.index]), lexicon=self._lexicon
                    ),
                    points_asked=opts.points,
                    checks_on=opts.checks,
                    notes=tuple(own),
                )
                drafts.append((w, draft, late))
        for w, draft, late in drafts:
            yield from late
            brief = assemble(
                draft,
                models=self._models(),
                recipe=self.recipe.name,
                engine=engine_names,
                timings=run.timings,
                extra_notes=[f"batched with {len(work) - 1} other article(s): timings are the batch's"] if len(work) > 1 else [],
            )
            summary_flag = any(p.field in ("summary_en", "summary_vi") for p in brief.checks)
            yield Summary(w.index, brief.source, brief.summary_en, brief.summary_vi, summary_flag)
            yield Checks(w.index, brief.source, tuple(brief.checks), brief.values_checked)
            if w.key is not None and self.cache is not None:
                batched = [f"batched with {len(work) - 1} other article(s): timings are the batch's"] if len(work) > 1 else []
                self.cache.store(w.key, brief, run_notes=[*w.source.notes, *notes, *batched])
            yield Done(w.index, brief.source, brief)

    def _models(self) -> dict[str, str]:
        """The models of the brief, with the revision each was loaded from."""
        models = {}
        for role, step in (("summarizer", self.recipe.summarizer), ("translator", self.recipe.translator)):
            models[role] = step.model
            models[f"{role}_revision"] = self._revisions.get(step.model, step.revision or "")
        return models

    def _choose_first(
        self, w: _Work, hypotheses: Hypotheses, into: dict[tuple[str, str], Choice], shown: dict[int, int] | None = None
    ) -> list[Event]:
        """The checks' choice for the headline and the key points (they need no summary), and their
        events: in order, from the ``shown[w.index]``-th on, as far as ``hypotheses`` has them."""
        events: list[Event] = []
        lexicon, on = self._lexicon, self.options.checks
        fields = ([("headline_en", w.headline_vi)] if w.headline_vi else []) + [
            (key_point_field(i), cand.text) for i, cand in enumerate(w.chosen)
        ]
        start = shown.get(w.index, 0) if shown is not None else 0
        for pos in range(start, len(fields)):
            name, vi = fields[pos]
            if vi not in hypotheses:
                break
            c = into[(name, vi)] = stages.choose(name, vi, hypotheses[vi], checks=on, lexicon=lexicon)
            if name == "headline_en":
                events.append(Headline(w.index, w.source.name, c.text_en, vi, _flagged(c)))
            else:
                i = pos - (1 if w.headline_vi else 0)
                events.append(KeyPointReady(w.index, w.source.name, i, key_point(w.chosen[i], c.text_en, w.article), _flagged(c)))
            if shown is not None:
                shown[w.index] = pos + 1
        return events

    def _choose_summaries(self, run: _Run, work: list[_Work], beams: list[Beam]) -> list[tuple[stages.Summarized, str]]:
        with _timed(run, "select", self._on_stage, "choosing the summary"):
            return [
                stages.choose_summary(b, w.article, w.headline_vi, checks=self.options.checks, lexicon=self._lexicon)
                for w, b in zip(work, beams)
            ]

    @staticmethod
    def _segments(work: list[_Work], chosen_summaries: list[tuple[stages.Summarized, str]]) -> list[str]:
        """Every Vietnamese segment of the briefs, in field order (headline, summary, key points)."""
        return [vi for w, (s, _) in zip(work, chosen_summaries) for _, vi in field_order(w.headline_vi, s, w.chosen)]

    def _timed_translate(self, run: _Run, engine: Engine, segments: list[str]) -> Hypotheses:
        start = time.perf_counter()
        try:
            return self._translate(engine, segments, {})
        finally:
            run.timings["translate"] = time.perf_counter() - start

    def _translate_ahead(self, run: _Run, engine: Engine, parts: list[list[str]], ready: list[Future[Hypotheses]]) -> None:
        """Translate ``parts`` one after another, each result (all so far) in its future as it is done."""
        start = time.perf_counter()
        known: Hypotheses = {}
        try:
            for i, (part, future) in enumerate(zip(parts, ready)):
                try:
                    known = self._translate(engine, part, known)
                except BaseException as exc:
                    for rest in ready[i:]:
                        rest.set_exception(exc)
                    raise
                future.set_result(known)
        finally:
            run.timings["translate_ahead"] = time.perf_counter() - start

    def _timed_summarize(self, run: _Run, engine: Engine, articles: list[Article]) -> list[Beam]:
        start = time.perf_counter()
        try:
            return self._summarize(engine, articles)
        finally:
            run.timings["summarize"] = time.perf_counter() - start

    def _summarize(self, engine: Engine, articles: list[Article]) -> list[Beam]:
        return stages.summarize(
            engine,
            self.recipe.summarizer,
            self.options.length,
            articles,
            self._generate,
            nbest=self.options.nbest if self.options.checks else 1,
            generate_nbest=self._generate_nbest,
        )

    def _translate(self, engine: Engine, segments: list[str], known: Hypotheses) -> Hypotheses:
        nbest = self.options.nbest if self.options.checks else 1
        return stages.translate(
            engine,
            self.recipe.translator,
            segments,
            nbest=nbest,
            generate=self._generate,
            generate_nbest=self._generate_nbest,
            known=known,
        )

    # ------------------------------------------------------------------ cache

    def _cache_key(self, source: Source, article: Article) -> str | None:
        """The result cache's key, or None when a model is not on disk (nothing can be cached for it yet)."""
        from vnsum import hub

        models = {}
        for role, step in (("summarizer", self.recipe.summarizer), ("translator", self.recipe.translator)):
            rev = hub.revision(step.model)
            if rev is None:
                return None
            models[role] = f"{step.model}@{rev}"
        glossary = self.glossary.digest if self.glossary is not None else None
        options = {**self.options.cache_fields(), "glossary": glossary, "title": source.title}
        text = fold_tone_placement("\n".join(p.text for p in article.paragraphs))
        return cache_key(text=text, recipe_text=self.recipe.text, models=models, options=options, version=__version__)

    def _from_cache(self, key: str, source: Source) -> Brief | None:
        """The cached brief for this request: the per-request fields are this source's (see
        ``cache.PER_REQUEST_FIELDS``); a damaged row is a warning and a miss."""
        if self.cache is None:
            return None
        brief = self.cache.lookup(
            key, Request(source=source.name, date=source.date, author=source.author, notes=tuple(source.notes))
        )
        if brief is not None:
            self.cache.record(brief.to_dict(), source=source.name, headline=brief.headline_en, key=key)
        return brief


def _english(choices: dict[tuple[str, str], Choice]) -> dict[str, str]:
    """Vietnamese -> the chosen English, the first field's choice for a sentence that occurs twice."""
    out: dict[str, str] = {}
    for (_, vi), c in choices.items():
        out.setdefault(vi, c.text_en)
    return out


def _load_glossary(path: str | None) -> Any:
    """The glossary file, validated (a usage error naming the line otherwise), or None."""
    if not path:
        return None
    from vnsum.checks.glossary import GlossaryError, load_glossary

    try:
        return load_glossary(path)
    except GlossaryError as exc:
        raise UsageError(f"glossary {exc}") from None


def _flagged(choice: Choice) -> bool:
    return bool(choice.result is not None and choice.result.problems)


@contextmanager
def _timed(run: _Run, name: str, on_stage: StageCallback, label: str) -> Iterator[None]:
    on_stage(label)
    start = time.perf_counter()
    try:
        yield
    finally:
        run.timings[name] = run.timings.get(name, 0.0) + time.perf_counter() - start


def summarize(text: str, **kwargs: object) -> Brief:
    """Summarise one Vietnamese article (plain text) into an English Brief.

    Keyword arguments are the fields of :class:`Options` (``points``, ``recipe``,
    ``summarizer``, ``translator``, ``length``, ``offline``, ``force``) and of
    :class:`EngineOptions` (``engine`` for its name, ``device``, ``compute_type``, ``threads``).
    """
    engine_keys = {
        "engine": "engine.name",
        "device": "engine.device",
        "compute_type": "engine.compute_type",
        "threads": "engine.threads",
    }
    options = Options.from_flat({engine_keys.get(k, k): v for k, v in kwargs.items()})
    with Pipeline(options) as pipeline:
        return pipeline.summarize(text)


__all__ = ["MAX_POINTS", "MIN_BODY_CHARS", "MIN_VIETNAMESE_SHARE", "GenerationSettings", "Options", "Pipeline", "summarize"]
