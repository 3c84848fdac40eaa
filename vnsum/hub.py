"""Find a model on disk, or fetch it into the standard Hugging Face cache.

A model reference is a local directory or a hub id. Hub downloads fetch only
what a seq2seq checkpoint needs (config, safetensors weights or else the
PyTorch ``.bin``, tokenizer files), never TensorFlow/Flax/ONNX copies, and
``offline`` means no network call at all.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def is_hub_id(ref: str) -> bool:
    """``org/name`` or ``name`` as the Hugging Face Hub spells ids (at most 96 characters each side)."""
    return bool(_HUB_ID.match(ref)) and not ref.startswith((".", "/", "~")) and all(len(p) <= 96 for p in ref.split("/"))


def hub_cache() -> Path:
    """The Hugging Face hub cache, read from the environment now (HF_HUB_CACHE, HF_HOME), not at import."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def hub_endpoint() -> str | None:
    """HF_ENDPOINT as set now (a mirror), or None for the library's default."""
    return os.environ.get("HF_ENDPOINT") or None


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


def _select_files(names: list[str]) -> list[str]:
    """Files to fetch: config and tokenizer, and safetensors weights when the repo has them,
    else the PyTorch checkpoint (never TensorFlow, Flax or ONNX copies)."""
    from fnmatch import fnmatch

    has_safetensors = any(n.endswith(".safetensors") for n in names)
    patterns = CONFIG_FILES + TOKENIZER_FILES + (SAFETENSORS_FILES if has_safetensors else BIN_FILES)
    return [n for n in names if any(fnmatch(n, p) for p in patterns)]


def _fetch_blob(ref: str, commit: str, filename: str, sha256: str, size: int, force: bool, progress: bool) -> None:
    """Download one large (LFS) file into the cache's blob store, resuming a partial copy.

    huggingface_hub 2.x restarts interrupted files from zero (its temporary files are
    per process); weights are hundreds of MB, so vnsum keeps ``<sha256>.vnsum-partial``
    across runs, asks only for the missing range, checks the sha256, then moves it in
    place. snapshot_download then finds the blob and only links it.
    """
    from huggingface_hub import constants, hf_hub_url
    from huggingface_hub.file_download import repo_folder_name
    from huggingface_hub.utils import build_hf_headers, get_session

    blobs = hub_cache() / repo_folder_name(repo_id=ref, repo_type="model") / "blobs"
    blob = blobs / sha256
    if blob.is_file() and not force:
        return
    blobs.mkdir(parents=True, exist_ok=True)
    partial = blobs / f"{sha256}.vnsum-partial"
    if force and partial.exists():
        partial.unlink()
    have = partial.stat().st_size if partial.exists() else 0
    if have < size:
        headers = build_hf_headers()
        if have:
            headers["Range"] = f"bytes={have}-"
        with get_session().stream(
            "GET",
            hf_hub_url(ref, filename, revision=commit, endpoint=hub_endpoint()),
            headers=headers,
            follow_redirects=True,
            timeout=constants.HF_HUB_DOWNLOAD_TIMEOUT,
        ) as resp:
            resp.raise_for_status()
            if have and resp.status_code != 206:  # the server ignored the range: start again
                have = 0
            with partial.open("ab" if have else "wb") as fh, _progress_bar(filename, size, have, progress) as advance:
                for block in resp.iter_bytes():
                    fh.write(block)
                    fh.flush()
                    advance(len(block))
    if _sha256(partial) != sha256:
        partial.unlink()
        raise ModelUnavailable(f"model {ref}: {filename} does not match the hub's hash; run `{pull_command(ref, force=True)}`")
    os.replace(partial, blob)


@contextmanager
def _progress_bar(name: str, total: int, done: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A byte progress bar on stderr: size, speed and time left."""
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(name, total=total, completed=done)
        yield lambda n: bar.advance(task, n)


def revision(ref: str) -> str | None:
    """What is on disk for ``ref`` without loading anything (the result cache's key): the cached
    snapshot's commit for a hub id, a fingerprint of the files for a directory, None if absent."""
    path = Path(ref).expanduser()
    if path.is_dir():
        return fingerprint(path)
    if not is_hub_id(ref):
        return None
    try:
        return (hub_cache() / f"models--{ref.replace('/', '--')}" / "refs" / "main").read_text().strip() or None
    except OSError:
        return None


def fingerprint(model_dir: Path) -> str:
    """The hub snapshot's commit, or a hash of a local checkpoint's file names, sizes and times."""
    resolved = model_dir.resolve()
    if resolved.parent.name == "snapshots" and re.fullmatch(r"[0-9a-f]{40}", resolved.name):
        return resolved.name[:12]
    h = hashlib.sha1(str(resolved).encode())
    for name in sorted(os.listdir(resolved)):
        st = (resolved / name).stat()
        h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:12]


def cached_snapshot(ref: str, revision: str | None = None) -> Path | None:
    """The cached snapshot folder of hub model ``ref`` (complete or not), or None. Never touches the network."""
    from huggingface_hub import try_to_load_from_cache

    try:
        found = try_to_load_from_cache(ref, "config.json", cache_dir=hub_cache(), revision=revision)
    except (OSError, ValueError):
        return None
    return Path(found).parent if isinstance(found, str) else None


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


def download(
    ref: str,
    revision: str | None = None,
    force: bool = False,
    progress: bool = True,
    on_download: Callable[[], None] | None = None,
    advise_pull: bool = True,
) -> Path:
    """Fetch ``ref`` from the hub into the standard cache (resumes partial downloads).

    A file lock per model keeps two vnsum processes from fetching the same files at once;
    the second finds them in the cache when the first is done.
    """
    from filelock import FileLock

    lock_dir = _lock_dir()
    lock_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(lock_dir / (re.sub(r"[^\w.-]+", "--", ref) + ".lock"))):
        if not force:
            cached = cached_snapshot(ref, revision)
            if cached is not None and not inspect_dir(cached).missing and weights_problem(cached) is None:
                return cached
        if on_download is not None:
            on_download()
        return _download(ref, revision, force, progress, advise_pull)


def _download(ref: str, revision: str | None, force: bool, progress: bool, advise_pull: bool = True) -> Path:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )
    from huggingface_hub.utils import disable_progress_bars, enable_progress_bars

    if progress:
        enable_progress_bars()
    else:
        disable_progress_bars()
    try:
        from huggingface_hub import HfApi

        info = HfApi(endpoint=hub_endpoint()).model_info(ref, revision=revision, files_metadata=True)
        wanted = _select_files([sib.rfilename for sib in info.siblings or []])
        small = []
        for sib in info.siblings or []:
            if sib.rfilename not in wanted:
                continue
            if sib.lfs is not None:
                _fetch_blob(ref, str(info.sha), sib.rfilename, sib.lfs.sha256, sib.lfs.size, force, progress)
            else:
                small.append(sib.rfilename)
        where: dict[str, Any] = {"cache_dir": hub_cache(), "endpoint": hub_endpoint(), "revision": revision}
        if force and small:  # the weights were just fetched again above: refetch only the rest
            snapshot_download(ref, allow_patterns=small, force_download=True, **where)
        path = snapshot_download(ref, allow_patterns=wanted, **where)
    except ModelUnavailable:
        raise
    except GatedRepoError:
        raise ModelUnavailable(f"model {ref} is gated on the Hugging Face Hub: log in with `hf auth login` first") from None
    except RepositoryNotFoundError:
        raise ModelUnavailable(
            f"model {ref} was not found on the Hugging Face Hub (check the id, or give a local directory)"
        ) from None
    except RevisionNotFoundError:
        raise ModelUnavailable(f"model {ref}: revision {revision!r} not found on the Hugging Face Hub") from None
    except Exception as exc:  # hub HTTP errors, and the network stack's own (httpx, ssl, socket, OS)
        advice = f"connect and run `{pull_command(ref)}`" if advise_pull else "check the network connection and try again"
        raise ModelUnavailable(f"model {ref} cannot be downloaded ({_reason(exc)}); {advice}") from None
    return _check_complete(Path(path), ref, hub=True)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = re.sub(r"\s+", " ", text)[:120]
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def resolve(
    ref: str,
    *,
    offline: bool = False,
    revision: str | None = None,
    progress: bool = True,
    on_download: Callable[[], None] | None = None,
) -> Path:
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
    if not is_hub_id(ref):
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
        return download(ref, revision=revision, force=bool(problem), progress=progress, on_download=on_download)
    if offline_requested(offline):
        raise ModelUnavailable(
            f"model {ref} is not in the local cache and vnsum is offline; connect and run `{pull_command(ref)}`"
        )
    return download(ref, revision=revision, progress=progress, on_download=on_download)


# --------------------------------------------------------------------------- management


def _git_blob_sha1(path: Path) -> str:
    h = hashlib.sha1()
    h.update(f"blob {path.stat().st_size}\0".encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify(ref: str, path: Path, revision: str | None = None) -> int:
    """Check every downloaded file against the hub's hashes (sha256 for LFS files, git blob id
    otherwise); returns how many files were checked. Raises ModelUnavailable on a mismatch."""
    from huggingface_hub import HfApi

    info = HfApi(endpoint=hub_endpoint()).model_info(ref, revision=revision, files_metadata=True)
    checked = 0
    for sib in info.siblings or []:
        local = path / sib.rfilename
        if not local.is_file():
            continue
        if sib.lfs is not None:
            ok = _sha256(local) == sib.lfs.sha256
        elif sib.blob_id:
            ok = _git_blob_sha1(local) == sib.blob_id
        else:
            continue
        if not ok:
            raise ModelUnavailable(
                f"model {ref}: {sib.rfilename} does not match the hub's hash; run `{pull_command(ref, force=True)}`"
            )
        checked += 1
    return checked


def pull(ref: str, force: bool = False, revision: str | None = None, progress: bool = True) -> tuple[Path, int]:
    """Download (resuming partial files) and verify a hub model; returns its path and files verified."""
    if offline_requested():
        raise ModelUnavailable(f"cannot pull {ref}: vnsum is offline (HF_HUB_OFFLINE is set)")
    path = download(ref, revision=revision, force=force, progress=progress, advise_pull=False)
    try:
        checked = verify(ref, path, revision)
    except ModelUnavailable:
        raise
    except Exception as exc:
        raise ModelUnavailable(f"model {ref}: downloaded but could not be verified ({_reason(exc)})") from None
    return path, checked


def _lock_dir() -> Path:
    return hub_cache() / ".locks" / "vnsum"
