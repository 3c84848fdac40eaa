"""Run the stages in order and time them: article -> Vietnamese summary -> key points -> English -> Brief.

``Pipeline`` keeps its models loaded, so several articles share one load; its
collaborators (the engine factory, the model resolver) are parameters, so tests
and batch runners pass their own. ``summarize()`` is the one-call API.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from vnsum import chunk, keypoints, postprocess
from vnsum._version import __version__
from vnsum.assemble import Drafted, assemble
from vnsum.brief import Brief, CheckProblem
from vnsum.cache import Request, ResultCache, cache_key
from vnsum.engines import Engine, EngineFactory, EngineOptions, GenerationSettings, NBestEngine, load_engine
from vnsum.errors import InputError, UsageError, VnsumError
from vnsum.reading.source import Source
from vnsum.recipes import LENGTHS, Recipe, Step, load_recipe, with_models
from vnsum.text import Article, fold_tone_placement, parse_article, split_sentences, vietnamese_share

#: Below this share of common Vietnamese words the input is taken for another language.
MIN_VIETNAMESE_SHARE = 0.04
MAX_POINTS = 50
#: Less body text than this is not an article (a headline, a caption, a menu).
MIN_BODY_CHARS = 80

StageCallback = Callable[[str], None]
Resolver = Callable[..., Path]


@dataclass
class Options:
    """Everything that shapes a brief besides the article itself."""

    #: How many key points (1-50).
    points: int = 5
    #: A shipped recipe's name (``default``, ``fast``, ``quality``) or a recipe file's path.
    recipe: str = "default"
    #: Replace the recipe's summarizer: a hub id or a local directory.
    summarizer: str | None = None
    #: Replace the recipe's translator: a hub id or a local directory.
    translator: str | None = None
    #: Summary length: ``short``, ``medium`` or ``long`` (the recipe's token limits).
    length: str = "medium"
    #: Never use the network; models must be on disk.
    offline: bool = False
    #: Summarise text even when it does not look Vietnamese.
    force: bool = False
    #: No download progress bars.
    quiet: bool = False
    #: Translate the likely key points on a second core while the summary is written.
    overlap: bool = True
    #: Check every number, date, amount and name of the summary and translations (``vnsum.checks``).
    checks: bool = True
    #: Hypotheses of the beam the checks may choose from when the best one fails (1: only the best),
    #: for the translations and for the summary.
    nbest: int = 4
    #: The reader's glossary file (``vnsum.checks.glossary``); None: the recipe's ``glossary``, if any.
    glossary: str | None = None
    #: Which engine, device, compute type and threads.
    engine: EngineOptions = field(default_factory=EngineOptions)


@dataclass
class _Work:
    """An article on its way through ``run_many``."""

    index: int
    source: Source
    article: Article
    key: str | None
    headline_vi: str | None


@dataclass
class _Run:
    """Per-article state: timings and notes belong to one brief, not to the pipeline."""

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
    ) -> None:
        self.options = options or Options()
        _validate(self.options)
        self.recipe: Recipe = with_models(load_recipe(self.options.recipe), self.options.summarizer, self.options.translator)
        self._engines: dict[str, Engine] = {}
        #: The revision each loaded model came from (hub commit or directory fingerprint), for the Brief.
        self._revisions: dict[str, str] = {}
        self._on_stage = on_stage or (lambda _stage: None)
        self._on_download = on_download
        self._engine_factory = engine_factory
        self._resolver = resolver
        #: Briefs made before: a hit is served without loading any model.
        self.cache = cache
        self._load_notes: list[str] = []
        self._load_time = 0.0
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="vnsum-model")
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
        """Stop the worker thread and let the models go."""
        self._worker.shutdown(wait=False, cancel_futures=True)
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
            path = resolve(
                ref, offline=self.options.offline, progress=not self.options.quiet, on_download=self._on_download, **pin
            )
            self._revisions[ref] = hub.loaded_revision(Path(path))
            options = self.options.engine
            if self.options.overlap:
                # Two engines run side by side while translating ahead: a share of the cores each.
                options = replace(options, concurrent_engines=2)
            self._engines[ref] = self._engine_factory(Path(path), ref, options, self._notify)
            self._load_time += time.perf_counter() - start
        return self._engines[ref]

    # ------------------------------------------------------------------ stages

    def summarize(self, text: str, name: str = "<text>") -> Brief:
        """A Brief of one article given as plain text (the models stay loaded for the next)."""
        return self.run(Source(name=name, text=text, encoding="utf-8"))

    def read(self, source: Source) -> Article:
        """The text stage and the gate: Vietnamese, and enough body text to summarise."""
        article = parse_article(source.text)
        if vietnamese_share(article.prose()) < MIN_VIETNAMESE_SHARE and not self.options.force:
            what = f"{source.name}: this does not look like Vietnamese text"
            raise InputError(f"{what}; pass force=True to summarise it anyway", cli=f"{what}; use --force to summarise it anyway")
        body = article.body_sentences()
        if not body or len(article.body_text()) < MIN_BODY_CHARS:
            raise InputError(
                f"{source.name}: too little article text to summarise ({len(body)} sentence(s); "
                "the rest is a title, captions, a byline or page furniture)"
            )
        return article

    def run(self, source: Source) -> Brief:
        """One article in, one Brief out."""
        result = self.run_many([source])[0]
        if isinstance(result, VnsumError):
            raise result
        return result

    def run_many(self, sources: Sequence[Source]) -> list[Brief | VnsumError]:
        """Several articles through each model call together: one ``generate`` for all their
        summaries (the engines sort by length), one for all their translations, with the
        translate-ahead overlap for all of them. An article that cannot be read gets its error in
        its place; a model that fails fails the call. Stage timings of a batch are the batch's."""
        results: list[Brief | VnsumError | None] = [None] * len(sources)
        batch_run = _Run()
        work: list[_Work] = []
        with _timed(batch_run, "segment", self._on_stage, "reading the article" if len(sources) == 1 else "reading the articles"):
            for i, source in enumerate(sources):
                try:
                    article = self.read(source)
                except VnsumError as exc:
                    results[i] = exc
                    continue
                key = self._cache_key(source, article) if self.cache is not None else None
                served = self._from_cache(key, source) if key is not None else None
                if served is not None:
                    results[i] = served
                    continue
                work.append(_Work(i, source, article, key, article.title or source.title))
        if work:
            for w, brief in zip(work, self._briefs(work, batch_run)):
                results[w.index] = brief
        return [r for r in results if r is not None]

    def _briefs(self, work: list[_Work], run: _Run) -> list[Brief]:
        opts = self.options
        if opts.checks:
            _ = self.lexicon  # built here with the models, not inside the timed check stage
        self._load_time = 0.0
        summarizer = self.engine_for(self.recipe.summarizer)
        translator = self.engine_for(self.recipe.translator)
        if self._load_time:
            run.timings["load"] = self._load_time
        ahead = self._translate_ahead(run, summarizer, translator, work)
        try:
            with _timed(run, "summarize", self._on_stage, "summarising"):
                summaries = self._summarize_many(summarizer, [w.article for w in work])
            known = ahead.result() if ahead is not None else {}
        finally:
            if ahead is not None:
                ahead.cancel()
        drafts: list[Drafted] = []
        with _timed(run, "select", self._on_stage, "choosing key points"):
            for w, (hyps, n_chunks, dropped) in zip(work, summaries):
                hyps = [postprocess.summary_text(h, w.article.body_text()) for h in hyps]
                summary_vi, summary_note = self._choose_summary(hyps, w.article, w.headline_vi)
                draft = Drafted(
                    source=w.source,
                    article=w.article,
                    headline_vi=w.headline_vi,
                    summary_vi=summary_vi,
                    summary_sentences=split_sentences(summary_vi) or ([summary_vi] if summary_vi else []),
                    chosen=keypoints.select(w.article, opts.points, summary_vi),
                    english={},
                    points_asked=opts.points,
                    chunks=n_chunks,
                    notes=list(self._load_notes),
                )
                if summary_note:
                    draft.notes.append(summary_note)
                if n_chunks > 1:
                    draft.notes.append(
                        f"chunked: {n_chunks} (the article is longer than the summarizer's input; summarised in parts)"
                    )
                if dropped:
                    how = "even after summarising in parts" if n_chunks > 1 else "(it reads the article's head, as trained)"
                    draft.warnings.append(
                        f"not in the summary: {len(dropped)} sentence(s) did not fit the summarizer's input {how}, "
                        "beginning: " + " | ".join(d[:80] for d in dropped[:3])
                    )
                drafts.append(draft)
        load_notes, self._load_notes = self._load_notes, []
        with _timed(run, "translate", self._on_stage, "translating"):
            hypotheses = self._translate(translator, [seg for d in drafts for seg in d.segments()], known)
        briefs = []
        with _timed(run, "check", self._on_stage, "checking names, numbers and dates"):
            checked_drafts = [(d, *self._check(d, hypotheses, d.article, d.headline_vi)) for d in drafts]
        engine_names = ", ".join(sorted({summarizer.name, translator.name}))
        batched = f"batched with {len(work) - 1} other article(s): timings are the batch's"
        for w, (draft, problems, checked) in zip(work, checked_drafts):
            if len(work) > 1:
                draft.notes.append(batched)
            brief = assemble(
                draft,
                models=self._models(),
                recipe=self.recipe.name,
                engine=engine_names,
                timings=run.timings,
                body_count=len(w.article.body_sentences()),
            )
            brief.checks = problems
            brief.values_checked = checked
            if w.key is not None and self.cache is not None:
                self.cache.store(w.key, brief, run_notes=[*w.source.notes, *load_notes, batched])
            briefs.append(brief)
        return briefs

    def _models(self) -> dict[str, str]:
        """The models of the brief, with the revision each was loaded from."""
        models = {}
        for role, step in (("summarizer", self.recipe.summarizer), ("translator", self.recipe.translator)):
            models[role] = step.model
            models[f"{role}_revision"] = self._revisions.get(step.model, step.revision or "")
        return models

    # ------------------------------------------------------------------ checks and cache

    def _check(
        self, draft: Drafted, hypotheses: dict[str, list[str]], article: Article, headline_vi: str | None
    ) -> tuple[list[CheckProblem], int]:
        """Pick for each segment the first hypothesis that passes the checks (the best when none
        does), fill ``draft.english``, and return every problem left with the number of values compared."""
        from vnsum import checks  # its tables take a moment to build: not needed for a cached brief

        fields: list[tuple[str, str]] = []
        if headline_vi:
            fields.append(("headline_en", headline_vi))
        fields += [("summary_en", s) for s in draft.summary_sentences]
        fields += [(f"key_points[{i}].text_en", c.text) for i, c in enumerate(draft.chosen)]
        english: dict[str, str] = {}
        results: list[Any] = []
        for name, vi in fields:
            hyps = hypotheses.get(vi) or [""]
            if not self.options.checks:
                english.setdefault(vi, hyps[0])
                continue
            choice = checks.choose_hypothesis(vi, hyps, name, self.lexicon)
            result = choice.result
            if vi not in english:
                english[vi] = choice.text
                if choice.index:
                    why = "the glossary's terms" if choice.by_glossary else "the Vietnamese's numbers, dates or names"
                    draft.notes.append(
                        f"checks: {name} uses the beam's hypothesis {choice.index + 1}: the best one did not match {why}"
                    )
                for edit in choice.edits:
                    draft.notes.append(f"glossary: {name}: {edit}")
            results.append(result)
        draft.english = english
        if not self.options.checks:
            return [], 0
        summary_problems: list[CheckProblem] = []
        if draft.summary_vi:
            result = checks.check_summary(draft.summary_vi, _source_text(article, headline_vi), lexicon=self.lexicon)
            for p in result.problems:
                sentence = next((s for s in draft.summary_sentences if p.value in s), draft.summary_vi)
                value_en = checks.english_of(p.value, sentence, english.get(sentence, ""), self.lexicon)
                summary_problems.append(CheckProblem(**replace(p, value_en=value_en).to_dict()))
            results.insert(0, result)
        problems = summary_problems + [
            CheckProblem(**p.to_dict()) for r in results[1 if draft.summary_vi else 0 :] for p in r.problems
        ]
        return problems, sum(r.checked for r in results)

    def _choose_summary(self, hyps: list[str], article: Article, headline_vi: str | None) -> tuple[str, str]:
        """The first of the summarizer's hypotheses whose values the article supports (the best
        when none is), and a note when that changed anything."""
        hyps = [h.strip() for h in hyps] or [""]
        if not self.options.checks or len(hyps) == 1:
            return hyps[0], ""
        from vnsum import checks

        index, result = checks.choose_summary(hyps, _source_text(article, headline_vi), self.lexicon)
        if index:
            return hyps[index], (
                f"checks: the summary is the beam's hypothesis {index + 1} of {len(hyps)}: the better ones stated "
                "a number, date or name the article does not support"
            )
        if not result.ok:
            return hyps[0], (
                f"checks: none of the beam's {len(hyps)} summaries has only values the article supports; "
                "the best is kept and its unsupported values are marked"
            )
        return hyps[0], ""

    def _cache_key(self, source: Source, article: Article) -> str | None:
        """The result cache's key, or None when a model is not on disk (nothing can be cached for it yet)."""
        from vnsum import hub

        models = {}
        for role, step in (("summarizer", self.recipe.summarizer), ("translator", self.recipe.translator)):
            rev = hub.revision(step.model)
            if rev is None:
                return None
            models[role] = f"{step.model}@{rev}"
        opts = self.options
        options = {
            "points": opts.points,
            "length": opts.length,
            "force": opts.force,
            "checks": opts.checks,
            "nbest": opts.nbest,
            "glossary": self.glossary.digest if self.glossary is not None else None,
            "engine": [opts.engine.name, opts.engine.device, opts.engine.compute_type],
            "title": source.title,
        }
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

    def _translate_ahead(
        self, run: _Run, summarizer: Engine, translator: Engine, work: list[_Work]
    ) -> Future[dict[str, list[str]]] | None:
        """Key points chosen without the summary are usually the final ones: translate them (and the
        headlines) on the other core while the summaries are written. Whatever a summary changes is
        translated afterwards, so the result is the same as in sequence."""
        if not self.overlaps(summarizer, translator):
            return None
        guess: list[str] = []
        for w in work:
            guess += ([w.headline_vi] if w.headline_vi else []) + [
                c.text for c in keypoints.select(w.article, self.options.points)
            ]
        pool = ThreadPoolExecutor(1, thread_name_prefix="vnsum-translate")

        def timed() -> dict[str, list[str]]:
            start = time.perf_counter()
            try:
                return self._translate(translator, guess)
            finally:
                run.timings["translate_ahead"] = time.perf_counter() - start

        future = pool.submit(timed)
        pool.shutdown(wait=False)
        return future

    def _summarize_many(self, engine: Engine, articles: list[Article]) -> list[tuple[list[str], int, list[str]]]:
        """Summaries of several articles: those that fit the input in one ``generate`` call, the
        longer ones each in parts first (see ``_summarize``). Each comes as the beam's hypotheses,
        best first, when the checks may choose among them (the same one call, asked for more of
        its beam), else as the best alone."""
        step = self.recipe.summarizer
        settings = step.settings(self.options.length)
        budget = settings.max_input_tokens - _prefix_tokens(engine, step.prefix)
        texts: list[str] = []
        out: list[tuple[list[str], int, list[str]] | None] = []
        bodies = [" ".join(s for _, _, s in a.body_sentences()) for a in articles]
        heads: list[list[str]] = []
        for article, body, n in zip(articles, bodies, engine.count_tokens(bodies) if bodies else []):
            if n <= budget:
                texts.append(body)
                heads.append([])
                out.append(None)
            elif step.long_input == "truncate":
                head = chunk.head([s for _, _, s in article.body_sentences()], engine.count_tokens, budget)
                texts.append(head.text)
                heads.append(head.dropped)
                out.append(None)
            else:
                summary, n_chunks, dropped = self._summarize(engine, article)
                out.append(([summary], n_chunks, dropped))
        nbest = min(self.options.nbest, settings.num_beams) if self.options.checks else 1
        inputs = [step.model_input(t) for t in texts]
        if not texts:
            outputs: list[list[str]] = []
        elif nbest > 1 and isinstance(engine, NBestEngine):
            outputs = self._generate_nbest(engine, inputs, settings, nbest)
        else:
            outputs = [[o] for o in self._generate(engine, inputs, settings)]
        summaries = iter(outputs)
        left = iter(heads)
        return [r if r is not None else ([h.strip() for h in next(summaries)] or [""], 1, next(left)) for r in out]

    def _summarize(self, engine: Engine, article: Article) -> tuple[str, int, list[str]]:
        """Summarise the body; chunk on sentence boundaries when it exceeds the input budget.

        Returns the summary, the number of parts, and the sentences that did not reach it."""
        step = self.recipe.summarizer
        settings = step.settings(self.options.length)
        budget = settings.max_input_tokens - _prefix_tokens(engine, step.prefix)
        sentences = [s for _, _, s in article.body_sentences()]
        reduction = chunk.reduce_chunks(
            sentences,
            engine.count_tokens,
            budget,
            lambda texts: self._generate(engine, [step.model_input(t) for t in texts], settings),
        )
        summary = self._generate(engine, [step.model_input(reduction.text)], settings)[0].strip()
        return summary, reduction.chunks, reduction.dropped

    def overlaps(self, summarizer: Engine, translator: Engine) -> bool:
        """Translate ahead while summarising: two CPU engines that each leave the other a core."""
        return (
            self.options.overlap
            and summarizer is not translator
            and summarizer.name == translator.name == "ctranslate2"
            and getattr(summarizer, "device", "cpu") == "cpu"
        )

    def _translate(self, engine: Engine, segments: list[str], known: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
        """Every segment not in ``known``, in one batch (duplicates once); long ones in pieces.

        Returns segment -> English hypotheses, best first (``known`` included): up to ``nbest``
        for a segment translated whole by an engine that gives them, else the best alone."""
        step = self.recipe.translator
        settings = step.settings()
        budget = settings.max_input_tokens - _prefix_tokens(engine, step.prefix)
        known = known or {}
        unique = list(dict.fromkeys(s for s in segments if s and s not in known))
        pieces: list[tuple[int, str]] = []
        for u, (seg, n) in enumerate(zip(unique, engine.count_tokens(unique) if unique else [])):
            for piece in [seg] if n <= budget else chunk.split_long(seg, engine.count_tokens, budget):
                pieces.append((u, piece))
        inputs = [step.model_input(p) for _, p in pieces]
        nbest = min(self.options.nbest, settings.num_beams) if self.options.checks else 1
        if not pieces:
            outputs: list[list[str]] = []
        elif nbest > 1 and isinstance(engine, NBestEngine):
            outputs = self._generate_nbest(engine, inputs, settings, nbest)
        else:
            outputs = [[o] for o in self._generate(engine, inputs, settings)]
        joined: dict[int, list[list[str]]] = {}
        for (u, _), hyps in zip(pieces, outputs):
            joined.setdefault(u, []).append([_strip_prefix(h, step.strip_output_prefix) for h in hyps] or [""])
        english = dict(known)
        for u, seg in enumerate(unique):
            parts = joined.get(u, [])
            if len(parts) == 1:
                english[seg] = parts[0]
            else:  # a long segment in pieces: the best of each piece, joined
                english[seg] = [" ".join(p[0] for p in parts).strip()]
        return english

    def _generate_nbest(self, engine: NBestEngine, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        if threading.current_thread() is not threading.main_thread():
            return engine.generate_nbest(batch, settings, n)
        return self._worker.submit(engine.generate_nbest, batch, settings, n).result()


@contextmanager
def _timed(run: _Run, name: str, on_stage: StageCallback, label: str) -> Iterator[None]:
    on_stage(label)
    start = time.perf_counter()
    try:
        yield
    finally:
        run.timings[name] = run.timings.get(name, 0.0) + time.perf_counter() - start


def _source_text(article: Article, headline_vi: str | None) -> str:
    """What a summary is checked against: the title and the body."""
    return "\n".join(filter(None, [headline_vi, article.body_text()]))


def _load_glossary(path: str | None) -> Any:
    """The glossary file, validated (a usage error naming the line otherwise), or None."""
    if not path:
        return None
    from vnsum.checks.glossary import GlossaryError, load_glossary

    try:
        return load_glossary(path)
    except GlossaryError as exc:
        raise UsageError(f"glossary {exc}") from None


def _prefix_tokens(engine: Engine, prefix: str) -> int:
    if not prefix:
        return 0
    return max(0, engine.count_tokens([prefix])[0] - 1)


def _strip_prefix(text: str, prefix: str) -> str:
    text = text.strip()
    if prefix and text.lower().startswith(prefix.strip().lower()):
        text = text[len(prefix.strip()) :].strip()
    return text


def _validate(options: Options) -> None:
    if not 1 <= options.points <= MAX_POINTS:
        what = f"must be between 1 and {MAX_POINTS}, got {options.points}"
        raise UsageError(f"points {what}", cli=f"--points {what}")
    if options.length not in LENGTHS:
        what = f"must be one of {', '.join(LENGTHS)}, got {options.length!r}"
        raise UsageError(f"length {what}", cli=f"--length {what}")


def summarize(text: str, **kwargs: object) -> Brief:
    """Summarise one Vietnamese article (plain text) into an English Brief.

    Keyword arguments are the fields of :class:`Options` (``points``, ``recipe``,
    ``summarizer``, ``translator``, ``length``, ``offline``, ``force``) and of
    :class:`EngineOptions` (``engine`` for its name, ``device``, ``compute_type``, ``threads``).
    """
    engine_keys = {"engine": "name", "device": "device", "compute_type": "compute_type", "threads": "threads"}
    engine = EngineOptions(**{engine_keys[k]: v for k, v in kwargs.items() if k in engine_keys})  # type: ignore[arg-type]
    options = Options(**{k: v for k, v in kwargs.items() if k not in engine_keys}, engine=engine)  # type: ignore[arg-type]
    with Pipeline(options) as pipeline:
        return pipeline.summarize(text)


__all__ = ["GenerationSettings", "Options", "Pipeline", "summarize"]
