"""The engine interface: a seq2seq model that turns a batch of strings into strings.

Implementations live in their own modules and are imported only when used, so
that nothing here pulls in torch, transformers or ctranslate2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class GenerationSettings:
    """How to decode; the values come from a recipe (and ``--length``)."""

    num_beams: int = 4
    max_new_tokens: int = 128
    min_new_tokens: int = 0
    no_repeat_ngram_size: int = 0
    length_penalty: float = 1.0
    repetition_penalty: float = 1.0
    max_input_tokens: int = 512
    max_batch_size: int = 16


@runtime_checkable
class Engine(Protocol):
    """A loaded model. ``generate`` keeps the order of its inputs."""

    name: str
    model_id: str

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]: ...

    def count_tokens(self, texts: list[str]) -> list[int]: ...


@dataclass(frozen=True)
class EngineOptions:
    """Where and how to run models, shared by every engine."""

    engine: str = "auto"
    device: str = "auto"
    compute_type: str = "auto"
    threads: int = 0


def load_engine(model_dir: Path, model_id: str, options: EngineOptions) -> Engine:
    """Load the model in ``model_dir`` with the engine ``options.engine`` asks for."""
    if options.engine in ("auto", "ctranslate2"):
        try:
            from vnsum.engines import ct2
        except ImportError:
            ct2 = None  # type: ignore[assignment]
        if ct2 is not None and ct2.available():
            return ct2.CTranslate2Engine.load(model_dir, model_id, options)
        if options.engine == "ctranslate2":
            from vnsum.errors import UsageError

            raise UsageError("--engine ctranslate2 needs the ctranslate2 package: pip install ctranslate2")
    from vnsum.engines.hf import TransformersEngine

    return TransformersEngine.load(model_dir, model_id, options)
