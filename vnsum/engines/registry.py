"""Which engine loads a model: ``ENGINES`` is the one list of engines (CLI choices, docs, loading).

A new engine is a module in this package with a class that has ``load(model_dir, model_id,
options, notify)``, ``generate`` and ``count_tokens`` (see ``base.Engine``), and one entry here.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vnsum.engines.base import Engine, EngineOptions
from vnsum.errors import ModelFailed, ModelUnavailable, StorageError, UsageError, one_line

Notify = Callable[[str], None]


@dataclass(frozen=True)
class EngineSpec:
    name: str
    description: str
    #: ``module:Class``, imported only when the engine is used.
    target: str
    #: The package it needs, checked without importing it.
    requires: str
    pip: str

    def available(self) -> bool:
        return importlib.util.find_spec(self.requires) is not None

    def load(self, model_dir: Path, model_id: str, options: EngineOptions, notify: Notify | None) -> Engine:
        module, cls = self.target.split(":")
        engine_cls = getattr(importlib.import_module(module), cls)
        if self.name == "transformers":
            return engine_cls.load(model_dir, model_id, options)
        return engine_cls.load(model_dir, model_id, options, notify)


#: In order of preference for ``auto``.
ENGINES: dict[str, EngineSpec] = {
    "ctranslate2": EngineSpec(
        "ctranslate2",
        "CTranslate2: converted once, int8 on CPU (fast)",
        "vnsum.engines.ct2:CTranslate2Engine",
        "ctranslate2",
        "pip install ctranslate2",
    ),
    "transformers": EngineSpec(
        "transformers",
        "Hugging Face transformers on torch",
        "vnsum.engines.hf:TransformersEngine",
        "transformers",
        "pip install transformers torch",
    ),
}
ENGINE_CHOICES = ("auto", *ENGINES)

EngineFactory = Callable[[Path, str, EngineOptions, "Notify | None"], Engine]


def load_engine(model_dir: Path, model_id: str, options: EngineOptions, notify: Notify | None = None) -> Engine:
    """Load the model in ``model_dir`` with the engine ``options.name`` asks for.

    ``auto`` tries the engines in order and falls back when one is not installed or
    cannot convert the checkpoint (``notify`` is told why); a named engine must work.
    """
    if options.name != "auto" and options.name not in ENGINES:
        raise UsageError(f"unknown engine {options.name!r}; use one of {', '.join(ENGINE_CHOICES)}")
    specs = list(ENGINES.values()) if options.name == "auto" else [ENGINES[options.name]]
    for n, spec in enumerate(specs):
        last = n == len(specs) - 1
        if not spec.available():
            if last:
                raise UsageError(f"engine {spec.name} needs its package: {spec.pip}")
            continue
        try:
            return spec.load(model_dir, model_id, options, notify)
        except (UsageError, ModelUnavailable, ModelFailed, StorageError):
            raise
        except Exception as exc:  # a converter raises many types for checkpoints it does not support
            if last:
                why = f"{exc.__class__.__name__}: {one_line(exc)}"
                raise ModelFailed(f"model {model_id} cannot be loaded by {spec.name} ({why})") from None
            if notify:
                notify(f"{model_id}: {spec.name} cannot use this model, using {specs[n + 1].name}")
    raise AssertionError("unreachable")  # pragma: no cover
