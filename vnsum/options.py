"""Everything that shapes a brief besides the article: one frozen object, declared once.

Each field says, in its metadata, how the command line spells it (``Opt``) and whether it
changes the brief (``key=True``: it goes into the result cache's key through
:meth:`Options.cache_fields`). The CLI's model options (``brief``, ``batch``, ``eval``) are made
from these declarations (``vnsum.cli.common.model_options``), so a new option is one field here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

from vnsum.engines import EngineOptions
from vnsum.errors import UsageError
from vnsum.recipes import LENGTHS

MAX_POINTS = 50


@dataclass(frozen=True)
class Opt:
    """How an option appears on the command line, and whether it makes a different brief."""

    #: The flags (``--points``, ``-n``); none: the option is the library's only.
    flags: tuple[str, ...] = ()
    help: str = ""
    envvar: str | None = None
    #: The values the CLI offers (an enum is made of them); none: any value of the field's type.
    choices: tuple[str, ...] = ()
    #: Changes the brief (so is part of the result cache's key). False only for options that
    #: change how a brief is made (threads, overlap, progress) but never what it says.
    key: bool = True
    #: The name of the CLI parameter when it differs from the field's (``engine.name`` -> ``engine``).
    param: str | None = None


def opt(default: Any, spec: Opt) -> Any:
    return field(default=default, metadata={"cli": spec})


def _engine_spec(name: str) -> Opt:
    from vnsum.engines.registry import ENGINE_CHOICES

    specs = {
        "name": Opt(
            ("--engine",),
            "auto: CTranslate2 when available, else transformers.",
            "VNSUM_ENGINE",
            tuple(ENGINE_CHOICES),
            param="engine",
        ),
        "device": Opt(("--device",), "Where models run.", "VNSUM_DEVICE", ("auto", "cpu", "cuda")),
        "compute_type": Opt(
            ("--compute-type",),
            "auto: int8 on CPU; on CUDA float16, bfloat16 for T5 models (float32 without bfloat16).",
            "VNSUM_COMPUTE_TYPE",
            ("auto", "int8", "int8_float32", "int16", "float32", "float16", "bfloat16"),
        ),
        "threads": Opt(("--threads",), "CPU threads (0: physical cores).", "VNSUM_THREADS", key=False),
        "concurrent_engines": Opt(key=False),
    }
    return specs[name]


@dataclass(frozen=True)
class Options:
    """Everything that shapes a brief besides the article itself. Frozen: a Pipeline's never changes."""

    points: int = opt(5, Opt(("--points", "-n"), f"Number of key points (1-{MAX_POINTS})."))
    #: A shipped recipe's name (``default``, ``fast``, ``quality``) or a recipe file's path.
    recipe: str = opt("default", Opt(("--recipe", "-r"), "Recipe name (default, fast, quality) or a .toml file.", "VNSUM_RECIPE"))
    #: Replace the recipe's summarizer: a hub id or a local directory.
    summarizer: str | None = opt(None, Opt(("--summarizer",), "Summarizer model: hub id or local directory."))
    #: Replace the recipe's translator: a hub id or a local directory.
    translator: str | None = opt(None, Opt(("--translator",), "Translator model: hub id or local directory."))
    #: Summary length: ``short``, ``medium`` or ``long`` (the recipe's token limits).
    length: str = opt("medium", Opt(("--length", "-l"), "Summary length.", choices=tuple(LENGTHS)))
    #: Never use the network; models must be on disk (passed to the hub, never set in os.environ).
    offline: bool = opt(False, Opt(("--offline",), "Never use the network (also HF_HUB_OFFLINE=1).", "VNSUM_OFFLINE", key=False))
    #: Summarise text even when it does not look Vietnamese.
    force: bool = opt(False, Opt(("--force",), "Summarise even if the text does not look Vietnamese."))
    #: No download progress bars.
    quiet: bool = opt(False, Opt(key=False))
    #: Translate the likely key points on a second core while the summary is written (same result).
    overlap: bool = opt(True, Opt(key=False))
    #: Check every number, date, amount and name of the summary and translations (``vnsum.checks``).
    checks: bool = opt(True, Opt())
    #: Hypotheses of the beam the checks may choose from when the best one fails (1: only the best),
    #: for the translations and for the summary.
    nbest: int = opt(4, Opt())
    #: The reader's glossary file (``vnsum.checks.glossary``); None: the recipe's ``glossary``, if any.
    #: Keyed by its content, not its path (``Pipeline._cache_key`` adds the glossary's digest).
    glossary: str | None = opt(
        None,
        Opt(
            ("--glossary",),
            "Glossary file: 'Vietnamese<TAB>English' lines and terms to keep as is (README, Glossary).",
            "VNSUM_GLOSSARY",
            key=False,
        ),
    )
    #: Which engine, device, compute type and threads.
    engine: EngineOptions = field(default_factory=EngineOptions, metadata={"cli": Opt()})

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """UsageError for a value no brief can be made with (one line, naming the CLI flag too)."""
        if not 1 <= self.points <= MAX_POINTS:
            what = f"must be between 1 and {MAX_POINTS}, got {self.points}"
            raise UsageError(f"points {what}", cli=f"--points {what}")
        if self.length not in LENGTHS:
            what = f"must be one of {', '.join(LENGTHS)}, got {self.length!r}"
            raise UsageError(f"length {what}", cli=f"--length {what}")
        if self.engine.threads < 0:
            what = f"must be 0 or more, got {self.engine.threads}"
            raise UsageError(f"threads {what}", cli=f"--threads {what}")
        if self.nbest < 1:
            raise UsageError(f"nbest must be 1 or more, got {self.nbest}")
        for name, value in (("summarizer", self.summarizer), ("translator", self.translator)):
            if value is not None and not value.strip():
                raise UsageError(f"{name}: empty model id", cli=f"--{name}: empty model id")

    def cache_fields(self) -> dict[str, Any]:
        """The fields that make a brief different, by dotted name (``engine.device``): the result
        cache's key. Recipe and models are keyed by their text and revisions besides these."""
        return {name: value for name, value, spec in flat_fields(self) if spec.key}

    @classmethod
    def from_flat(cls, values: dict[str, Any]) -> Options:
        """Options from dotted names (``engine.threads``), as the CLI and ``summarize(**kwargs)`` give them."""
        top = {k: v for k, v in values.items() if "." not in k}
        engine = {k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("engine.")}
        return cls(**top, engine=EngineOptions(**engine)) if engine else cls(**top)

    def but(self, **changes: Any) -> Options:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)


def spec_of(f: Any, parent: str | None = None) -> Opt:
    if parent == "engine":
        return _engine_spec(f.name)
    spec = f.metadata.get("cli")
    if not isinstance(spec, Opt):
        raise TypeError(f"Options.{f.name} declares no Opt (see vnsum.options)")
    return spec


def flat_fields(options: Options | None = None, cls: type[Options] | None = None) -> list[tuple[str, Any, Opt]]:
    """Every leaf option as (dotted name, value or default, its declaration), in declaration order."""
    options = options or (cls or Options)()
    out: list[tuple[str, Any, Opt]] = []
    for f in fields(options):
        value = getattr(options, f.name)
        if is_dataclass(value):
            for sub in fields(value):
                out.append((f"{f.name}.{sub.name}", getattr(value, sub.name), spec_of(sub, f.name)))
        else:
            out.append((f.name, value, spec_of(f)))
    return out


__all__ = ["MAX_POINTS", "Opt", "Options", "flat_fields"]
