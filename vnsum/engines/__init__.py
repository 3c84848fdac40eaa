"""Engines: a seq2seq model that turns a batch of strings into strings.

Implementations live in their own modules and are imported only when used, so
that nothing here pulls in torch, transformers or ctranslate2.
"""

from vnsum.engines.base import Engine, EngineOptions, GenerationSettings, NBestEngine, physical_cores
from vnsum.engines.registry import ENGINE_CHOICES, ENGINES, EngineFactory, load_engine

__all__ = [
    "ENGINES",
    "ENGINE_CHOICES",
    "Engine",
    "EngineFactory",
    "EngineOptions",
    "GenerationSettings",
    "NBestEngine",
    "load_engine",
    "physical_cores",
]
