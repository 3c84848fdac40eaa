"""Find a model on disk, or fetch it into the standard Hugging Face cache.

A model reference is a local directory or a hub id. Hub downloads fetch only
what a seq2seq checkpoint needs (config, safetensors weights or else the
PyTorch ``.bin``, tokenizer files), never TensorFlow/Flax/ONNX copies, and
``offline`` means no network call at all.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from vnsum.errors import ModelUnavailable

CONFIG_FILES = ["config.json", "generation_config.json"]
TOKENIZER_FILES = [
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "spiece.model",
    "sentencepiece.bpe.model",
    "source.spm",
    "target.spm",
    "vocab.json",
]
SAFETENSORS_FILES = ["model.safetensors", "model.safetensors.index.json", "model-*-of-*.safetensors"]
BIN_FILES = ["pytorch_model.bin", "pytorch_model.bin.index.json", "pytorch_model-*-of-*.bin"]
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


def offline_requested(offline: bool = False) -> bool:
    """True when the caller or the environment (HF_HUB_OFFLINE) forbids network access."""
    return offline or os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def pull_command(ref: str, force: bool = False) -> str:
    return f"vnsum models pull {'--force ' if force else ''}{ref}"


@dataclass(frozen=True)
class ModelFiles:
    """What a checkpoint directory holds, as far as vnsum is concerned."""

    config: bool
    weights: str | None
    tokenizer: bool

    @property
    def missing(self) -> list[str]:
        out = []
        if not self.config:
            out.append("config.json")
        if not self.weights:
            out.append("weights (model.safetensors or pytorch_model.bin)")
        if not self.tokenizer:
            out.append("tokenizer files")
        return out


def inspect_dir(path: Path) -> ModelFiles:
    """Which of the needed files ``path`` has."""
    weights = None
    for pattern in ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json"):
        if (path / pattern).is_file():
            weights = pattern
            break
    tokenizer = any((path / name).is_file() for name in ("tokenizer.json", "spiece.model", "source.spm"))
    return ModelFiles(config=(path / "config.json").is_file(), weights=weights, tokenizer=tokenizer)


def _check_complete(path: Path, ref: str, hub: bool) -> Path:
    files = inspect_dir(path)
    if files.missing:
        fix = f"; run `{pull_command(ref, force=True)}`" if hub else ""
        raise ModelUnavailable(f"model {ref} is incomplete: missing {', '.join(files.missing)}{fix}")
    return path


def _patterns_for(ref: str, revision: str | None) -> list[str]:
    """Files to fetch: safetensors when the repo has them, else the PyTorch checkpoint."""
    from huggingface_hub import HfApi

    info = HfApi().model_info(ref, revision=revision)
    names = [s.rfilename for s in (info.siblings or [])]
    has_safetensors = any(n.endswith(".safetensors") for n in names)
    return CONFIG_FILES + TOKENIZER_FILES + (SAFETENSORS_FILES if has_safetensors else BIN_FILES)


def cached_snapshot(ref: str, revision: str | None = None) -> Path | None:
    """The cached snapshot of hub model ``ref`` (complete or not), or None. Never touches the network."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        path = Path(
            snapshot_download(
                ref,
                revision=revision,
                allow_patterns=CONFIG_FILES + TOKENIZER_FILES + SAFETENSORS_FILES + BIN_FILES,
                local_files_only=True,
            )
        )
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None
    return path if path.is_dir() else None


def weights_problem(path: Path) -> str | None:
    """Why the weights file in ``path`` is damaged (truncated, not a checkpoint), or None.

    Reads only the safetensors header or the zip directory of a PyTorch file, so it
    costs nothing next to loading the model and catches an interrupted copy.
    """
    import json
    import struct
    import zipfile

    files = inspect_dir(path)
    if files.weights == "model.safetensors":
        f = path / "model.safetensors"
        try:
            with f.open("rb") as fh:
                (n,) = struct.unpack("<Q", fh.read(8))
                header = json.loads(fh.read(n))
        except (OSError, ValueError, struct.error):
            return "model.safetensors has a damaged header"
        end = max((v["data_offsets"][1] for k, v in header.items() if k != "__metadata__"), default=0)
        if f.stat().st_size != 8 + n + end:
            return f"model.safetensors is {f.stat().st_size} bytes, its header says {8 + n + end} (truncated?)"
    elif files.weights == "pytorch_model.bin":
        try:
            with zipfile.ZipFile(path / "pytorch_model.bin"):
                pass
        except (OSError, zipfile.BadZipFile):
            return "pytorch_model.bin is not a complete PyTorch checkpoint (truncated?)"
    return None


def download(ref: str, revision: str | None = None, force: bool = False, progress: bool = True) -> Path:
    """Fetch ``ref`` from the hub into the standard cache (resumes partial downloads)."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )
    from huggingface_hub.utils import disable_progress_bars, enable_progress_bars

    if progress:
        enable_progress_bars()
    else:
        disable_progress_bars()
    try:
        patterns = _patterns_for(ref, revision)
        path = snapshot_download(ref, revision=revision, allow_patterns=patterns, force_download=force)
    except GatedRepoError:
        raise ModelUnavailable(f"model {ref} is gated on the Hugging Face Hub: log in with `hf auth login` first") from None
    except RepositoryNotFoundError:
        raise ModelUnavailable(f"model {ref} was not found on the Hugging Face Hub (check the id, or give a local directory)") from None
    except RevisionNotFoundError:
        raise ModelUnavailable(f"model {ref}: revision {revision!r} not found on the Hugging Face Hub") from None
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError) as exc:
        raise ModelUnavailable(
            f"model {ref} is not in the local cache and cannot be downloaded ({_reason(exc)}); "
            f"connect and run `{pull_command(ref)}`"
        ) from None
    except Exception as exc:  # network stacks raise their own types (httpx, ssl, socket)
        raise ModelUnavailable(
            f"model {ref} is not in the local cache and cannot be downloaded ({_reason(exc)}); "
            f"connect and run `{pull_command(ref)}`"
        ) from None
    return _check_complete(Path(path), ref, hub=True)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = re.sub(r"\s+", " ", text)[:120]
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def resolve(ref: str, *, offline: bool = False, revision: str | None = None, progress: bool = True) -> Path:
    """The local directory holding model ``ref`` (a directory or a hub id), downloading it if allowed.

    A cached copy that is incomplete or damaged is reported with the command
    that repairs it, rather than failing later inside a library.
    """
    path = Path(ref).expanduser()
    if path.is_dir():
        _check_complete(path, ref, hub=False)
        problem = weights_problem(path)
        if problem:
            raise ModelUnavailable(f"model {ref} is damaged: {problem}")
        return path
    if ref.startswith((".", "/", "~")) or not _HUB_ID.match(ref):
        raise ModelUnavailable(f"model {ref}: no such directory, and not a Hugging Face model id")
    cached = cached_snapshot(ref, revision)
    if cached is not None:
        missing = inspect_dir(cached).missing
        problem = weights_problem(cached) if not missing else None
        if not missing and not problem:
            return cached
        if offline_requested(offline):
            what = f"missing {', '.join(missing)}" if missing else problem
            raise ModelUnavailable(f"model {ref} in the cache is damaged ({what}); run `{pull_command(ref, force=True)}`")
        return download(ref, revision=revision, force=bool(problem), progress=progress)
    if offline_requested(offline):
        raise ModelUnavailable(
            f"model {ref} is not in the local cache and vnsum is offline; connect and run `{pull_command(ref)}`"
        )
    return download(ref, revision=revision, progress=progress)
