"""The transformers (PyTorch) engine: the reference implementation, and the fallback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vnsum import jsonsafe
from vnsum.engines.base import EngineOptions, GenerationSettings
from vnsum.engines.base import pick_device as base_pick_device
from vnsum.engines.detok import detokenize
from vnsum.errors import ModelFailed, ModelUnavailable, one_line


def pick_device(requested: str) -> str:
    import torch

    return base_pick_device(requested, torch.cuda.device_count() if torch.cuda.is_available() else 0, "torch")


def load_hf(model_dir: Path, model_id: str) -> tuple[Any, Any]:
    """Tokenizer and model from a checkpoint directory: safetensors preferred, no remote code.

    A ``.bin`` checkpoint goes through transformers' weights-only ``torch.load``.
    """
    import warnings

    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from vnsum.hub import inspect_dir

    check_loadable(model_dir, model_id)
    check_torch_for_bin(model_dir, model_id)
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    files = inspect_dir(model_dir)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tokenizer = AutoTokenizer.from_pretrained(model_dir, trust_remote_code=False, local_files_only=True)
            model = AutoModelForSeq2SeqLM.from_pretrained(
                model_dir,
                trust_remote_code=False,
                local_files_only=True,
                use_safetensors=bool(files.weights and "safetensors" in files.weights),
            )
    except Exception as exc:  # OSError, ValueError...; safetensors and sentencepiece raise their own types
        raise refusal(model_id, exc) or ModelUnavailable(_corrupt_message(model_id, exc)) from None
    model.eval()
    return tokenizer, model


def _custom_code(model_id: str, why: str) -> ModelUnavailable:
    return ModelUnavailable(
        f"model {model_id} needs its own Python code ({why}), which vnsum never runs; "
        "use a checkpoint of an architecture that transformers ships"
    )


def _pickled(model_id: str) -> ModelUnavailable:
    return ModelUnavailable(
        f"model {model_id}: its PyTorch weights hold Python objects besides tensors, which vnsum never unpickles; "
        "use a safetensors checkpoint"
    )


#: transformers loads ``.bin`` weights only on this torch or newer (``check_torch_load_is_safe``, CVE-2025-32434).
SAFE_BIN_TORCH = (2, 6)


def _version_tuple(version: str) -> tuple[int, ...]:
    import re

    return tuple(int(x) for x in re.findall(r"\d+", version.split("+")[0])[:2])


def _old_torch(model_id: str, installed: str) -> ModelUnavailable:
    return ModelUnavailable(
        f"model {model_id} ships PyTorch .bin weights, which transformers loads only with torch >= 2.6 "
        f"(installed: {installed}); upgrade torch: pip install -U 'torch>=2.6'"
    )


def bin_needs_newer_torch(weights: str | None, torch_version: str) -> bool:
    """Whether transformers will refuse this checkpoint's weights file on this torch."""
    return bool(weights and weights.startswith("pytorch_model.bin")) and _version_tuple(torch_version) < SAFE_BIN_TORCH


def check_torch_for_bin(model_dir: Path, model_id: str) -> None:
    """Refuse a ``.bin`` checkpoint on a torch too old to load it safely, naming the real cause (every engine)."""
    import torch

    from vnsum.hub import inspect_dir

    if bin_needs_newer_torch(inspect_dir(model_dir).weights, torch.__version__):
        raise _old_torch(model_id, torch.__version__)


def check_loadable(model_dir: Path, model_id: str) -> None:
    """Refuse, before any library reads it, a checkpoint whose config needs code vnsum will not run
    (the same refusal for every engine). ``auto_map`` next to a type transformers ships is harmless:
    with ``trust_remote_code=False`` transformers uses its own class."""
    from transformers import CONFIG_MAPPING

    try:
        cfg = jsonsafe.loads((model_dir / "config.json").read_bytes())
    except (OSError, ValueError):
        return  # damaged files are the loader's to report
    if not isinstance(cfg, dict):
        return
    model_type = cfg.get("model_type")
    if isinstance(model_type, str) and model_type in CONFIG_MAPPING:
        return
    if cfg.get("auto_map"):
        why = f"model type {model_type!r}, auto_map in config.json" if model_type else "auto_map in config.json"
        raise _custom_code(model_id, why)
    if model_type is not None:
        raise ModelUnavailable(
            f"model {model_id} has model type {str(model_type)[:60]!r}, which this version of transformers does not know"
        )


def refusal(model_id: str, exc: BaseException) -> ModelUnavailable | None:
    """The one-line refusal for a checkpoint a library would load only with safety off (a pickle,
    remote code), whatever engine met it; None for other failures. Never repeats the library's
    advice to set ``weights_only=False`` or ``trust_remote_code=True``."""
    import pickle

    text = str(exc)
    if "upgrade torch to at least" in text or "CVE-2025-32434" in text:
        import torch

        return _old_torch(model_id, torch.__version__)
    if isinstance(exc, pickle.UnpicklingError) or "weights_only" in text or "Weights only load failed" in text:
        return _pickled(model_id)
    if "trust_remote_code" in text or "custom code" in text:
        return _custom_code(model_id, "its repository's code files")
    return None


def _corrupt_message(model_id: str, exc: BaseException) -> str:
    from vnsum.hub import pull_command

    fix = "" if Path(model_id).expanduser().is_dir() else f"; run `{pull_command(model_id, force=True)}`"
    return f"model {model_id} could not be loaded (corrupt or incomplete files: {one_line(exc)}){fix}"


class TransformersEngine:
    """Runs a seq2seq checkpoint with ``model.generate`` on torch."""

    name = "transformers"

    def __init__(self, model_id: str, tokenizer: Any, model: Any, device: str) -> None:
        self.model_id = model_id
        self.tokenizer = tokenizer
        self.model = model.to(device)
        self.device = device

    @classmethod
    def load(cls, model_dir: Path, model_id: str, options: EngineOptions) -> TransformersEngine:
        import torch

        if options.threads > 0:
            torch.set_num_threads(options.threads)
        device = pick_device(options.device)
        tokenizer, model = load_hf(model_dir, model_id)
        return cls(model_id, tokenizer, model, device)

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(ids) for ids in self.tokenizer(texts, add_special_tokens=True)["input_ids"]]

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]:
        ids = self.generate_ids(batch, settings)
        return [self.decode(seq) for seq in ids]

    def decode(self, ids: list[int]) -> str:
        """The tokenizer's plain decoding, then the one detokenizer every engine uses."""
        return detokenize(self.tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False))

    def generate_tokens(self, batch: list[str], settings: GenerationSettings) -> list[list[str]]:
        """Output token strings without start, end or padding tokens (for parity checks)."""
        special = set(self.tokenizer.all_special_ids)
        out = []
        for seq in self.generate_ids(batch, settings):
            if self.tokenizer.eos_token_id in seq:
                seq = seq[: seq.index(self.tokenizer.eos_token_id)]
            out.append(self.tokenizer.convert_ids_to_tokens([i for i in seq if i not in special]))
        return out

    def generate_nbest(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        """Up to ``n`` hypotheses of the beam for each input, best first (the checks pick among them)."""
        n = max(1, min(n, settings.num_beams))
        flat = self.generate_ids(batch, settings, n)
        text = [self.decode(seq) for seq in flat]
        return [text[i * n : (i + 1) * n] for i in range(len(batch))]

    def generate_ids(self, batch: list[str], settings: GenerationSettings, n: int = 1) -> list[list[int]]:
        """Generated ids per input (the decoder start token removed), in input order; ``n`` per input, best first."""
        import torch

        if not batch:
            return []
        order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
        out: list[list[int]] = [[] for _ in range(len(batch) * n)]
        step = max(1, settings.max_batch_size)
        for start in range(0, len(order), step):
            idx = order[start : start + step]
            enc = self.tokenizer(
                [batch[i] for i in idx],
                return_tensors="pt",
                padding=True,
                truncation=True,
                max_length=settings.max_input_tokens,
            ).to(self.device)
            try:
                with torch.inference_mode():
                    ids = self.model.generate(
                        **enc,
                        do_sample=False,
                        num_beams=settings.num_beams,
                        max_new_tokens=settings.max_new_tokens,
                        min_new_tokens=settings.min_new_tokens or None,
                        no_repeat_ngram_size=settings.no_repeat_ngram_size or None,
                        length_penalty=settings.length_penalty,
                        repetition_penalty=settings.repetition_penalty,
                        early_stopping=settings.num_beams > 1,
                        num_return_sequences=n,
                    )
            except torch.OutOfMemoryError:
                raise ModelFailed(f"model {self.model_id} ran out of memory on {self.device}; try --device cpu") from None
            rows = ids.tolist()
            for k, i in enumerate(idx):
                for h in range(n):
                    out[i * n + h] = rows[k * n + h][1:]
        return out
