"""Run the stages in order and time them: article -> Vietnamese summary -> key points -> English.

``Pipeline`` keeps its models loaded, so several articles share one load;
``summarize()`` is the one-call API.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from vnsum import chunk, keypoints
from vnsum.brief import Brief, KeyPoint
from vnsum.engines import Engine, EngineOptions, GenerationSettings
from vnsum.errors import InputError, UsageError
from vnsum.reading.source import Source
from vnsum.recipes import LENGTHS, Recipe, Step, load_recipe, with_models
from vnsum.text import BOILERPLATE, Article, parse_article, split_sentences, vietnamese_share

#: Below this share of common Vietnamese words the input is taken for another language.
MIN_VIETNAMESE_SHARE = 0.04
MAX_POINTS = 50
#: Less body text than this is not an article (a headline, a caption, a menu).
MIN_BODY_CHARS = 80

StageCallback = Callable[[str], None]


@dataclass
class Options:
    """Everything that shapes a brief besides the article itself."""

    points: int = 5
    recipe: str = "default"
    summarizer: str | None = None
    translator: str | None = None
    length: str = "medium"
    offline: bool = False
    force: bool = False
    #: Translate the likely key points on a second core while the summary is written.
    overlap: bool = True
    engine: EngineOptions = field(default_factory=EngineOptions)


class Pipeline:
    """Loads the recipe's models on first use and turns Sources into Briefs."""

    def __init__(self, options: Options | None = None, on_stage: StageCallback | None = None) -> None:
        self.options = options or Options()
        _validate(self.options)
        self.recipe: Recipe = with_models(load_recipe(self.options.recipe), self.options.summarizer, self.options.translator)
        self._engines: dict[str, Engine] = {}
        self._on_stage = on_stage or (lambda _stage: None)
        self._timings: dict[str, float] = {}
        self._load_notes: list[str] = []
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="vnsum-model")

    def _generate(self, engine: Engine, batch: list[str], settings: GenerationSettings) -> list[str]:
        """``engine.generate``, run off the main thread so that Ctrl-C interrupts it at once.

        Native engines hold the main thread for the whole call otherwise, and Python runs
        signal handlers only in the main thread; waiting on a future lets the CLI's SIGINT
        handler run at once (it then exits without waiting for the call).
        """
        if threading.current_thread() is not threading.main_thread():
            return engine.generate(batch, settings)
        return self._worker.submit(engine.generate, batch, settings).result()

    def _notify(self, message: str) -> None:
        """A status line worth keeping in the Brief too (conversions, fallbacks)."""
        self._on_stage(message)
        self._load_notes.append(message)

    @contextmanager
    def _stage(self, name: str, label: str) -> Iterator[None]:
        self._on_stage(label)
        start = time.perf_counter()
        try:
            yield
        finally:
            self._timings[name] = self._timings.get(name, 0.0) + time.perf_counter() - start

    def engine_for(self, step: Step) -> Engine:
        """The loaded engine for a recipe step (downloaded and loaded once)."""
        ref = step.model
        if ref not in self._engines:
            from vnsum.engines import load_engine
            from vnsum.hub import resolve

            with self._stage("load", f"loading {ref}"):
                path = resolve(ref, offline=self.options.offline)
                options = self.options.engine
                if self.options.overlap:
                    # Two engines run side by side while translating ahead: a share of the cores each.
                    options = replace(options, concurrent_engines=2)
                engine = load_engine(Path(path), ref, options, notify=self._notify)
                self._engines[ref] = engine
        return self._engines[ref]

    def summarize(self, text: str, name: str = "<text>") -> Brief:
        """A Brief of one article given as plain text (the models stay loaded for the next)."""
        return self.run(Source(name=name, text=text, encoding="utf-8"))

    def run(self, source: Source) -> Brief:
        """One article in, one Brief out."""
        self._timings = {}
        opts = self.options
        with self._stage("segment", "reading the article"):
            article = parse_article(source.text)
            body = article.body_sentences()
        text = "\n".join(p.text for p in article.paragraphs if p.kind != BOILERPLATE)
        if vietnamese_share(text) < MIN_VIETNAMESE_SHARE and not opts.force:
            raise InputError(f"{source.name}: this does not look like Vietnamese text; use --force to summarise it anyway")
        if not body or len(article.body_text()) < MIN_BODY_CHARS:
            raise InputError(
                f"{source.name}: too little article text to summarise ({len(body)} sentence(s); "
                "the rest is a title, captions, a byline or page furniture)"
            )

        summarizer = self.engine_for(self.recipe.summarizer)
        translator = self.engine_for(self.recipe.translator)
        headline_vi = article.title or source.title
        ahead: Future[dict[str, str]] | None = None
        pool = None
        if self.overlaps(summarizer, translator):
            # Key points chosen without the summary are usually the final ones: translate them
            # (and the headline) on the other core while the summary is written. Whatever the
            # summary changes is translated afterwards, so the result is the same as in sequence.
            guess = [c.text for c in keypoints.select(article, opts.points)]
            pool = ThreadPoolExecutor(1, thread_name_prefix="vnsum-translate")
            ahead = pool.submit(self._timed_translate, translator, ([headline_vi] if headline_vi else []) + guess)
        try:
            with self._stage("summarize", "summarising"):
                summary_vi, n_chunks = self._summarize(summarizer, article)
            known = ahead.result() if ahead is not None else {}
        except BaseException:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        if pool is not None:
            pool.shutdown(wait=True)
        with self._stage("select", "choosing key points"):
            chosen = keypoints.select(article, opts.points, summary_vi)

        summary_sents = split_sentences(summary_vi) or ([summary_vi] if summary_vi else [])
        segments = ([headline_vi] if headline_vi else []) + summary_sents + [c.text for c in chosen]
        with self._stage("translate", "translating"):
            english = self._translate(translator, segments, known)
        pos = 0
        headline_en = None
        if headline_vi:
            headline_en = english[0]
            pos = 1
        summary_en = " ".join(e for e in english[pos : pos + len(summary_sents)] if e)
        pos += len(summary_sents)
        lines = {p.index: p.line for p in article.paragraphs}
        points = [
            KeyPoint(
                text_en=english[pos + i],
                text_vi=c.text,
                paragraph=c.paragraph,
                sentence=c.sentence,
                line=lines[c.paragraph],
                score=round(c.score, 4),
            )
            for i, c in enumerate(chosen)
        ]
        notes = list(source.notes) + list(article.notes) + self._load_notes
        self._load_notes = []
        if n_chunks > 1:
            notes.append(f"chunked: {n_chunks} (the article is longer than the summarizer's input; summarised in parts)")
        warnings = []
        if len(points) < opts.points:
            warnings.append(f"only {len(points)} key point(s): the article has {len(body)} body sentence(s) that are not repeats")
        return Brief(
            source=source.name,
            headline_vi=headline_vi,
            headline_en=headline_en,
            summary_vi=summary_vi,
            summary_en=summary_en,
            key_points=points,
            models={"summarizer": self.recipe.summarizer.model, "translator": self.recipe.translator.model},
            recipe=self.recipe.name,
            engine=", ".join(sorted({summarizer.name, translator.name})),
            chunks=n_chunks,
            date=source.date,
            author=source.author,
            timings={k: round(v, 4) for k, v in self._timings.items()},
            notes=notes,
            warnings=warnings,
        )

    def _summarize(self, engine: Engine, article: Article) -> tuple[str, int]:
        """Summarise the body; chunk on sentence boundaries when it exceeds the input budget."""
        step = self.recipe.summarizer
        settings = step.settings(self.options.length)
        budget = settings.max_input_tokens - _prefix_tokens(engine, step.prefix)
        sentences = [s for _, _, s in article.body_sentences()]
        chunks = chunk.pack(sentences, engine.count_tokens, budget)
        rounds = 0
        n_chunks = len(chunks)
        while len(chunks) > 1 and rounds < 4:
            parts = self._generate(engine, [step.prefix + " ".join(c) for c in chunks], settings)
            chunks = chunk.pack([p for p in parts if p], engine.count_tokens, budget)
            rounds += 1
        text = " ".join(chunks[0]) if chunks else ""
        return self._generate(engine, [step.prefix + text], settings)[0].strip(), n_chunks

    def overlaps(self, summarizer: Engine, translator: Engine) -> bool:
        """Translate ahead while summarising: two CPU engines that each leave the other a core."""
        return (
            self.options.overlap
            and summarizer is not translator
            and summarizer.name == translator.name == "ctranslate2"
            and getattr(summarizer, "device", "cpu") == "cpu"
        )

    def _timed_translate(self, engine: Engine, segments: list[str]) -> dict[str, str]:
        start = time.perf_counter()
        try:
            return dict(zip(segments, self._translate(engine, segments)))
        finally:
            self._timings["translate_ahead"] = time.perf_counter() - start

    def _translate(self, engine: Engine, segments: list[str], known: dict[str, str] | None = None) -> list[str]:
        """Translate every segment not in ``known`` in one batch (duplicates once); long ones in pieces."""
        step = self.recipe.translator
        settings = step.settings()
        budget = settings.max_input_tokens - _prefix_tokens(engine, step.prefix)
        known = known or {}
        unique = list(dict.fromkeys(s for s in segments if s and s not in known))
        pieces: list[tuple[int, str]] = []
        for u, (seg, n) in enumerate(zip(unique, engine.count_tokens(unique) if unique else [])):
            for piece in [seg] if n <= budget else chunk.split_long(seg, engine.count_tokens, budget):
                pieces.append((u, piece))
        outputs = self._generate(engine, [step.prefix + p for _, p in pieces], settings) if pieces else []
        joined: dict[int, list[str]] = {}
        for (u, _), out in zip(pieces, outputs):
            joined.setdefault(u, []).append(_strip_prefix(out, step.strip_output_prefix))
        english = {**known, **{seg: " ".join(joined.get(u, [])).strip() for u, seg in enumerate(unique)}}
        return [english.get(s, "") for s in segments]


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
        raise UsageError(f"--points must be between 1 and {MAX_POINTS}, got {options.points}")
    if options.length not in LENGTHS:
        raise UsageError(f"--length must be one of {', '.join(LENGTHS)}, got {options.length!r}")


def summarize(text: str, **kwargs: object) -> Brief:
    """Summarise one Vietnamese article (plain text) into an English Brief.

    Keyword arguments are the fields of :class:`Options` (``points``, ``recipe``,
    ``summarizer``, ``translator``, ``length``, ``offline``, ``force``) and of
    :class:`EngineOptions` (``engine``, ``device``, ``compute_type``, ``threads``).
    """
    engine_keys = {"engine", "device", "compute_type", "threads"}
    engine = EngineOptions(**{k: v for k, v in kwargs.items() if k in engine_keys})  # type: ignore[arg-type]
    options = Options(**{k: v for k, v in kwargs.items() if k not in engine_keys}, engine=engine)  # type: ignore[arg-type]
    return Pipeline(options).summarize(text)


__all__ = ["GenerationSettings", "Options", "Pipeline", "summarize"]
