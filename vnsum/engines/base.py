"""The engine interface: a seq2seq model that turns a batch of strings into strings.

Implementations live in their own modules and are imported only when used, so
that nothing here pulls in torch, transformers or ctranslate2.
"""

from __future__ import annotations

import os
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
    #: When set, a sub-batch also holds at most this many input tokens (CTranslate2 batches by
    #: tokens): a beam's memory is rows x beams x the longest input, so five sentences padded to the
    #: longest took 177 MB where 256-token sub-batches took 99 MB, at the same CPU time.
    max_batch_tokens: int = 0


@runtime_checkable
class Engine(Protocol):
    """A loaded model. ``generate`` keeps the order of its inputs."""

    name: str
    model_id: str

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]: ...

    def count_tokens(self, texts: list[str]) -> list[int]: ...


@runtime_checkable
class NBestEngine(Engine, Protocol):
    """An engine that can return several hypotheses of its beam (the checks choose among them)."""

    def generate_nbest(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]: ...


@dataclass(frozen=True)
class EngineOptions:
    """Where and how to run models, shared by every engine."""

    #: Which engine: ``auto`` (CTranslate2 when installed and the model converts, else
    #: transformers) or a name from ``vnsum.engines.ENGINES``.
    name: str = "auto"
    #: ``auto`` (CUDA when the engine sees a GPU), ``cpu`` or ``cuda``.
    device: str = "auto"
    #: CTranslate2 quantization: ``auto`` (int8 on CPU; on CUDA float16, but bfloat16 or float32 for
    #: T5-family models, which overflow in float16) or a type the device supports.
    compute_type: str = "auto"
    #: CPU threads; 0 means the physical cores.
    threads: int = 0
    #: Engines that will run at the same time; CTranslate2 then gives each its share of the cores.
    concurrent_engines: int = 1


def physical_cores() -> int:
    """Physical cores this process may use (hyper-threads do not speed up GEMM)."""
    try:
        allowed = os.sched_getaffinity(0)
    except AttributeError:  # pragma: no cover  (not Linux)
        return max(1, (os.cpu_count() or 2) // 2)
    seen: set[str] = set()
    for cpu in allowed:
        path = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology/thread_siblings_list")
        try:
            seen.add(path.read_text().strip())
        except OSError:
            seen.add(str(cpu))
    return max(1, len(seen))


def pick_device(requested: str, cuda_devices: int, engine: str) -> str:
    """``auto`` means CUDA when the engine sees a GPU, else the CPU."""
    from vnsum.errors import UsageError

    if requested == "auto":
        return "cuda" if cuda_devices > 0 else "cpu"
    if requested == "cuda" and cuda_devices <= 0:
        raise UsageError(f"device 'cuda': {engine} sees no CUDA device")
    return requested
