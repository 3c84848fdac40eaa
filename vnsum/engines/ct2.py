"""The CTranslate2 engine: int8 on CPU by default, several times faster than torch fp32.

The first use of a checkpoint converts it once into vnsum's cache (keyed by
model id, revision and quantization), atomically and under a file lock. Later
runs load the converted copy and its tokenizer without importing torch or
transformers at all.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vnsum import jsonsafe
from vnsum.engines.base import EngineOptions, GenerationSettings, physical_cores
from vnsum.engines.base import pick_device as base_pick_device
from vnsum.engines.detok import detokenize
from vnsum.errors import ModelFailed, ModelUnavailable, StorageError, UsageError, one_line
from vnsum.hub import fingerprint

FORMAT_VERSION = 1
MARKER = "vnsum-ct2.json"
QUANTIZATIONS = ("int8", "int8_float32", "int16", "float32", "float16", "bfloat16", "int8_float16", "int8_bfloat16")
#: Model types whose activations overflow float16 (T5 v1.1, mT5: NaN outputs, OpenNMT/CTranslate2#1074).
FP16_UNSAFE = frozenset({"t5", "mt5", "umt5", "longt5"})
Notify = Callable[[str], None]


def available() -> bool:
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def cache_root() -> Path:
    """Where converted models live: VNSUM_CACHE_DIR, else the platform's user cache."""
    env = os.environ.get("VNSUM_CACHE_DIR")
    if env:
        return Path(env).expanduser() / "ctranslate2"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("vnsum")) / "ctranslate2"


def _slug(model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "--", model_id.strip("/")).strip("-")[-80:] or "model"


def converted_dir(model_dir: Path, model_id: str, quantization: str) -> Path:
    return cache_root() / f"{_slug(model_id)}--{fingerprint(model_dir)}--{quantization}"


def converted_copies(model_id: str) -> list[Path]:
    """Every converted copy of ``model_id`` in the cache (any revision or quantization)."""
    root = cache_root()
    if not root.is_dir():
        return []
    prefix = _slug(model_id) + "--"
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith(prefix) and is_converted(p))


def is_converted(path: Path) -> bool:
    marker = path / MARKER
    if not (marker.is_file() and (path / "model.bin").is_file()):
        return False
    try:
        return jsonsafe.loads_object(marker.read_bytes()).get("format") == FORMAT_VERSION
    except (OSError, ValueError):
        return False


def _converter_class() -> Any:
    """CTranslate2's converter, made to honour T5's ``scale_decoder_outputs`` for this conversion only.

    transformers 5 always reports ``tie_word_embeddings=True`` for T5 and keeps
    the checkpoint's intent in ``scale_decoder_outputs``; CTranslate2 4.x reads
    the former and so scales the logits of untied models (T5 v1.1, ViT5,
    envit5) by d_model**-0.5. Greedy output survives, beam scores do not. The
    fix is on the model this converter loads (a subclass), not on CTranslate2's
    loader table, so nothing else in the process sees it.
    """
    import ctranslate2

    class Converter(ctranslate2.converters.TransformersConverter):
        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            cfg = model.config
            scale = getattr(cfg, "scale_decoder_outputs", None)
            if cfg.__class__.__name__ in ("T5Config", "MT5Config") and scale is not None:
                cfg.tie_word_embeddings = bool(scale)
            return model

    return Converter


def convert(model_dir: Path, model_id: str, quantization: str, notify: Notify | None = None) -> Path:
    """The converted copy of ``model_dir``; converts it first if needed (atomic, locked)."""
    from filelock import FileLock

    target = converted_dir(model_dir, model_id, quantization)
    if is_converted(target):
        return target
    try:  # a cache directory that is a file, read-only or full: say so, never fall back quietly
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target) + ".lock")
        lock.acquire()
        lock.release()
    except OSError as exc:
        raise StorageError(
            f"the CTranslate2 conversion cache {target.parent} cannot be written ({exc.strerror or exc}); "
            "set VNSUM_CACHE_DIR to a writable directory, or use --engine transformers"
        ) from None
    with lock:
        if is_converted(target):
            return target
        for stale in target.parent.glob(f".{target.name}.*"):  # left by a run that was killed (we hold the lock)
            shutil.rmtree(stale, ignore_errors=True)
        from vnsum.engines.hf import check_loadable, check_torch_for_bin

        check_loadable(model_dir, model_id)  # the same refusals as the transformers engine, before converting
        check_torch_for_bin(model_dir, model_id)
        if notify:
            notify(f"converting {model_id} for CTranslate2 ({quantization}), once")
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            _convert_into(model_dir, tmp / "model", quantization)
            (tmp / "model" / MARKER).write_text(
                json.dumps({"format": FORMAT_VERSION, "model": model_id, "quantization": quantization}), encoding="utf-8"
            )
            if target.exists():
                shutil.rmtree(target)
            os.rename(tmp / "model", target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _convert_into(model_dir: Path, out: Path, quantization: str) -> None:
    import warnings

    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converter = _converter_class()(str(model_dir), trust_remote_code=False)
        converter.convert(str(out), quantization=quantization, force=True)
        tokenizer = AutoTokenizer.from_pretrained(model_dir, trust_remote_code=False, local_files_only=True)
        tokenizer.save_pretrained(out / "tokenizer")
    for name in ("spiece.model", "source.spm", "target.spm", "vocab.json"):
        if (model_dir / name).is_file() and not (out / "tokenizer" / name).exists():
            shutil.copy(model_dir / name, out / "tokenizer" / name)


class RuntimeTokenizer:
    """The model's tokenizer without transformers: ``tokenizers`` (T5) or ``sentencepiece`` (Marian)."""

    def __init__(self, path: Path) -> None:
        cfg_file = path / "tokenizer_config.json"
        cfg = jsonsafe.loads_object(cfg_file.read_bytes()) if cfg_file.is_file() else {}
        self.eos = str(cfg.get("eos_token") or "</s>")
        if (path / "source.spm").is_file():
            import sentencepiece as spm

            self._src = spm.SentencePieceProcessor(model_file=str(path / "source.spm"))
            self._tgt = spm.SentencePieceProcessor(model_file=str(path / "target.spm"))
            vocab = jsonsafe.loads_object((path / "vocab.json").read_bytes())
            self._vocab = vocab
            unk = str(cfg.get("unk_token") or "<unk>")
            self._unk = unk
            self._special = {self.eos, unk, str(cfg.get("pad_token") or "<pad>")}
            self._fast = None
        else:
            from tokenizers import Tokenizer

            self._fast = Tokenizer.from_file(str(path / "tokenizer.json"))

    def encode(self, texts: list[str]) -> list[list[str]]:
        """Token strings, end-of-sequence included, as the model was trained."""
        if self._fast is not None:
            return [e.tokens for e in self._fast.encode_batch(texts)]
        out = []
        for text in texts:
            pieces = [p if p in self._vocab else self._unk for p in self._src.encode(text, out_type=str)]
            out.append(pieces + [self.eos])
        return out

    def decode(self, tokens: list[str]) -> str:
        """The tokenizer's plain decoding, then the one detokenizer every engine uses."""
        if self._fast is not None:
            ids = [i for i in (self._fast.token_to_id(t) for t in tokens) if i is not None]
            text = self._fast.decode(ids, skip_special_tokens=True)
        else:
            text = self._tgt.decode_pieces([t for t in tokens if t not in self._special])
        return detokenize(text)


def pick_device(requested: str) -> str:
    import ctranslate2

    return base_pick_device(requested, ctranslate2.get_cuda_device_count(), "CTranslate2")


def decide_compute_type(requested: str, device: str, supported: set[str], model_type: str | None) -> str:
    """The compute type to run: ``auto`` is int8 on CPU; on CUDA float16, except for T5-family models,
    which overflow in float16 and get bfloat16 where the GPU has it, else float32.
    A named type must be one this device supports, and never float16 for a T5-family model."""
    t5 = (model_type or "").lower() in FP16_UNSAFE
    if requested == "auto":
        if device != "cuda":
            return "int8"
        if not t5:
            return "float16"
        return "bfloat16" if "bfloat16" in supported else "float32"
    ok = [q for q in QUANTIZATIONS if q in supported]
    if requested not in ok:
        raise UsageError(f"compute type {requested!r} cannot run on this machine's {device}; supported here: {', '.join(ok)}")
    if t5 and requested in ("float16", "int8_float16"):
        raise UsageError(
            f"compute type {requested!r} overflows T5-family models to NaN (CTranslate2 issue 1074); "
            "use bfloat16, int8_float32 or float32"
        )
    return requested


def pick_compute_type(requested: str, device: str, model_type: str | None = None) -> str:
    """``decide_compute_type`` for this machine's device."""
    import ctranslate2

    return decide_compute_type(requested, device, set(ctranslate2.get_supported_compute_types(device)), model_type)


def model_type_of(model_dir: Path) -> str | None:
    """``model_type`` from the checkpoint's config.json (None when unreadable)."""
    try:
        value = jsonsafe.loads_object((model_dir / "config.json").read_bytes()).get("model_type")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


class CTranslate2Engine:
    """Runs a converted checkpoint with ``ctranslate2.Translator``."""

    name = "ctranslate2"

    def __init__(
        self, model_id: str, translator: Any, tokenizer: RuntimeTokenizer, compute_type: str, converted: bool, device: str = "cpu"
    ) -> None:
        self.model_id = model_id
        self.device = device
        self.translator = translator
        self.tokenizer = tokenizer
        self.compute_type = compute_type
        self.converted = converted

    @classmethod
    def load(cls, model_dir: Path, model_id: str, options: EngineOptions, notify: Notify | None = None) -> CTranslate2Engine:
        import ctranslate2

        device = pick_device(options.device)
        compute_type = pick_compute_type(options.compute_type, device, model_type_of(model_dir))
        target = converted_dir(model_dir, model_id, compute_type)
        fresh = not is_converted(target)
        try:
            path = convert(model_dir, model_id, compute_type, notify)
        except (UsageError, ModelUnavailable, ModelFailed, StorageError):
            raise
        except Exception as exc:  # the converter loads the checkpoint with transformers, safety on
            from vnsum.engines.hf import refusal

            refused = refusal(model_id, exc)
            if refused is not None:
                raise refused from None
            raise
        try:
            translator = ctranslate2.Translator(
                str(path),
                device=device,
                compute_type=compute_type,
                intra_threads=options.threads or max(1, physical_cores() // max(1, options.concurrent_engines)),
                # Two workers where two pipeline threads may call it at once (the summary's sentences
                # beside the rest of the translate-ahead work); they share the weights.
                inter_threads=max(1, options.concurrent_engines),
            )
            tokenizer = RuntimeTokenizer(path / "tokenizer")
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelUnavailable(
                f"converted model {model_id} in {path} could not be loaded ({exc.__class__.__name__}: "
                f"{one_line(exc, 120)}); delete that directory to convert again"
            ) from None
        return cls(model_id, translator, tokenizer, compute_type, converted=fresh, device=device)

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t) for t in self.tokenizer.encode(texts)]

    def generate_tokens(self, batch: list[str], settings: GenerationSettings) -> list[list[str]]:
        """Output token strings for each input, in input order (the parity tests compare these)."""
        return [h[0] for h in self._hypotheses(batch, settings, 1)]

    def generate_nbest(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        """Up to ``n`` hypotheses of the beam for each input, best first (the checks pick among them)."""
        return [[self.tokenizer.decode(t) for t in hyps] for hyps in self._hypotheses(batch, settings, n)]

    def _hypotheses(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[list[str]]]:
        if not batch:
            return []
        tokens = self.tokenizer.encode(batch)
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        results = []
        try:
            # vnsum makes the sub-batches itself (CTranslate2 would spread one call's sub-batches over
            # its workers): one call keeps to one worker, and two calls, from the two pipeline
            # threads, run side by side.
            for chunk in sub_batches(settings, [len(tokens[i]) for i in order]):
                results += self.translator.translate_batch(
                    [tokens[order[k]] for k in chunk],
                    beam_size=settings.num_beams,
                    max_decoding_length=settings.max_new_tokens,
                    min_decoding_length=settings.min_new_tokens,
                    no_repeat_ngram_size=settings.no_repeat_ngram_size,
                    length_penalty=settings.length_penalty,
                    repetition_penalty=settings.repetition_penalty,
                    max_input_length=settings.max_input_tokens,
                    max_batch_size=0,
                    return_scores=False,
                    num_hypotheses=max(1, min(n, settings.num_beams)),
                )
        except RuntimeError as exc:
            raise ModelFailed(f"model {self.model_id} failed in CTranslate2: {one_line(exc, 160)}") from None
        finally:
            give_back_freed_memory()
        out: list[list[list[str]]] = [[[]] for _ in batch]
        for i, res in zip(order, results):
            out[i] = list(res.hypotheses) or [[]]
        return out

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]:
        return [self.tokenizer.decode(t) for t in self.generate_tokens(batch, settings)]


def sub_batches(settings: GenerationSettings, lengths: list[int]) -> list[range]:
    """Consecutive runs of inputs (``lengths`` sorted, shortest first) that go to the model together:
    at most ``max_batch_size`` of them, and, when the recipe bounds them, at most ``max_batch_tokens``
    padded input tokens (rows times the longest; never fewer than one input)."""
    runs: list[range] = []
    start = 0
    for end in range(1, len(lengths) + 1):
        rows = end - start
        over_tokens = settings.max_batch_tokens > 0 and rows > 1 and rows * lengths[end - 1] > settings.max_batch_tokens
        if rows > settings.max_batch_size or over_tokens:
            runs.append(range(start, end - 1))
            start = end - 1
    if start < len(lengths):
        runs.append(range(start, len(lengths)))
    return runs


def give_back_freed_memory() -> None:
    """Return the heap that a generate call freed to the system (glibc's ``malloc_trim``; elsewhere nothing).

    glibc keeps freed memory in per-thread arenas; with the two engines running side by side on
    two threads, each kept the other's peak out of reach: 932 MB peak against 824 MB when freed
    memory goes back at once (default recipe, real shapes), for one call taking milliseconds."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None (musl, macOS, Windows)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)
