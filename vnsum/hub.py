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
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from vnsum import jsonsafe
from vnsum.errors import ModelUnavailable, UsageError, one_line

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


def check_ref(ref: str) -> None:
    """UsageError unless ``ref`` is something the file system and the hub can take: not empty, no
    control characters (NUL, newline), no name over 255 bytes and at most 4096 in all (ENAMETOOLONG)."""
    shown = repr(ref[:60]) + ("..." if len(ref) > 60 else "")
    if not ref.strip():
        raise UsageError("empty model id")
    if any(ord(c) < 32 or ord(c) == 127 for c in ref):
        raise UsageError(f"model id {shown} contains control characters")
    raw = os.fsencode(ref)
    if len(raw) > 4096 or any(len(part) > 255 for part in raw.split(b"/")):
        raise UsageError(f"model id {shown} is too long (at most 255 bytes a name, 4096 in all)")


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


@dataclass(frozen=True)
class _Remote:
    """One file of the hub repository and the hash it must have: sha256 for LFS files, else the git blob id."""

    name: str
    size: int | None
    sha256: str | None
    blob_id: str | None

    @property
    def key(self) -> str:
        """The blob's name in the cache (the hub's ETag: sha256 for LFS files, the git blob id otherwise)."""
        return self.sha256 or self.blob_id or ""

    def matches(self, path: Path) -> bool:
        if self.sha256:
            return _sha256(path) == self.sha256
        return bool(self.blob_id) and _git_blob_sha1(path) == self.blob_id


def _remote(ref: str, sib: Any) -> _Remote:
    lfs = getattr(sib, "lfs", None)
    remote = _Remote(
        sib.rfilename,
        lfs.size if lfs is not None else getattr(sib, "size", None),
        lfs.sha256 if lfs is not None else None,
        getattr(sib, "blob_id", None),
    )
    if not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", remote.key):
        raise ModelUnavailable(f"model {ref}: the hub gave no usable hash for {sib.rfilename}, so it cannot be checked")
    return remote


def _repo_dir(ref: str) -> Path:
    from huggingface_hub.file_download import repo_folder_name

    return hub_cache() / repo_folder_name(repo_id=ref, repo_type="model")


#: Draws one download's byte bar: (file name, total bytes, bytes already on disk) -> a context
#: manager giving ``advance(n)``. The CLI passes its own (on its Environment's stderr, sanitised);
#: ``progress=True`` draws the library's default bar on stderr, ``False`` none.
DownloadBar = Callable[[str, int, int], AbstractContextManager[Callable[[int], None]]]
Progress = Union[bool, DownloadBar]


def _fetch_file(ref: str, commit: str, remote: _Remote, force: bool, progress: Progress) -> Path:
    """Download one file into the cache's blob store and check its hash before it gets its blob name.

    The bytes go to ``blobs/<hash>.vnsum-partial`` first; only a copy that matches the hub's
    hash (sha256 for LFS files, git blob id otherwise) is renamed to ``blobs/<hash>``, and only
    such a blob is ever linked into a snapshot. A copy that does not match is deleted. LFS
    files resume a partial copy across runs (huggingface_hub restarts from zero); a blob
    already in the store is checked again before it is reused.
    """
    from huggingface_hub import constants, hf_hub_url
    from huggingface_hub.utils import build_hf_headers, get_session

    blobs = _repo_dir(ref) / "blobs"
    blob = blobs / remote.key
    if blob.is_file() and not force:
        if remote.matches(blob):
            return blob
        blob.unlink()
    blobs.mkdir(parents=True, exist_ok=True)
    partial = blobs / f"{remote.key}.vnsum-partial"
    have = partial.stat().st_size if partial.exists() else 0
    if force or not remote.sha256 or remote.size is None or have > remote.size:
        partial.unlink(missing_ok=True)
        have = 0
    if remote.size is None or have < remote.size:
        headers = build_hf_headers()
        if have:
            headers["Range"] = f"bytes={have}-"
        with get_session().stream(
            "GET",
            hf_hub_url(ref, remote.name, revision=commit, endpoint=hub_endpoint()),
            headers=headers,
            follow_redirects=True,
            timeout=constants.HF_HUB_DOWNLOAD_TIMEOUT,
        ) as resp:
            resp.raise_for_status()
            if have and resp.status_code != 206:  # the server ignored the range: start again
                have = 0
            big = bool(progress) and (remote.size or 0) >= 1 << 20
            bar: DownloadBar = progress if callable(progress) else default_bar
            with (
                partial.open("ab" if have else "wb") as fh,
                (bar if big else _no_bar)(remote.name, remote.size or 0, have) as advance,
            ):
                for block in resp.iter_bytes():
                    fh.write(block)
                    fh.flush()
                    advance(len(block))
    if not remote.matches(partial):
        partial.unlink()
        raise ModelUnavailable(
            f"model {ref}: {remote.name} does not match the hub's hash (not kept); run `{pull_command(ref, force=True)}`"
        )
    os.replace(partial, blob)
    return blob


def _link(snapshot: Path, name: str, blob: Path) -> None:
    """Make ``snapshot/name`` point at a checked blob, atomically (a copy where symlinks are not allowed)."""
    import shutil

    link = snapshot / name
    link.parent.mkdir(parents=True, exist_ok=True)
    tmp = link.with_name(f".{link.name}.vnsum-link")
    tmp.unlink(missing_ok=True)
    try:
        os.symlink(os.path.relpath(blob, link.parent), tmp)
    except OSError:
        shutil.copyfile(blob, tmp)
    os.replace(tmp, link)


def _write_ref(repo: Path, revision: str | None, commit: str) -> None:
    """``refs/<branch or tag>`` names the snapshot (huggingface_hub's layout); a commit needs none."""
    if revision == commit:
        return
    ref_file = repo / "refs" / (revision or "main")
    ref_file.parent.mkdir(parents=True, exist_ok=True)
    if ref_file.is_file() and ref_file.read_text(encoding="utf-8").strip() == commit:
        return
    tmp = ref_file.with_name(ref_file.name + ".vnsum-tmp")
    tmp.write_text(commit, encoding="utf-8")
    os.replace(tmp, ref_file)


def _discard(ref: str, snapshot: Path, bad: list[Path]) -> None:
    """Take a snapshot that failed the check out of the cache: its links, the refs naming it and the bad blobs.

    The good blobs stay, so the next pull only fetches (and checks) what was bad.
    """
    import shutil

    repo = _repo_dir(ref)
    for path in bad:
        target = path.resolve()
        if target.parent == (repo / "blobs").resolve():
            target.unlink(missing_ok=True)
    if snapshot.resolve().parent == (repo / "snapshots").resolve():
        shutil.rmtree(snapshot, ignore_errors=True)
        refs = repo / "refs"
        for ref_file in refs.rglob("*") if refs.is_dir() else []:
            try:
                if ref_file.is_file() and ref_file.read_text(encoding="utf-8").strip() == snapshot.name:
                    ref_file.unlink()
            except OSError:
                pass


@contextmanager
def _no_bar(name: str, total: int, done: int) -> Iterator[Callable[[int], None]]:
    yield lambda n: None


@contextmanager
def default_bar(name: str, total: int, done: int) -> Iterator[Callable[[int], None]]:
    """The library's byte bar on stderr (size, speed, time left), markup off: a file name is data."""
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
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, markup=False, highlight=False, emoji=False),
        transient=True,
    ) as bar:
        task = bar.add_task(re.sub(r"[\x00-\x1f\x7f-\x9f]", "", name), total=total, completed=done)
        yield lambda n: bar.advance(task, n)


def revision(ref: str) -> str | None:
    """What is on disk for ``ref`` without loading anything (the result cache's key): the cached
    snapshot's commit for a hub id, a fingerprint of the files for a directory, None if absent."""
    try:
        check_ref(ref)
    except UsageError:
        return None  # resolve() says why
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


def loaded_revision(model_dir: Path) -> str:
    """What a brief records as the revision of the model it loaded from ``model_dir``: the hub
    snapshot's full commit, or the local directory's fingerprint."""
    resolved = model_dir.resolve()
    if resolved.parent.name == "snapshots" and re.fullmatch(r"[0-9a-f]{40}", resolved.name):
        return resolved.name
    try:
        return fingerprint(model_dir)
    except OSError:  # nothing on disk to fingerprint (an engine that needs no files): no revision to record
        return ""


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
    import struct
    import zipfile

    files = inspect_dir(path)
    if files.weights == "model.safetensors":
        f = path / "model.safetensors"
        try:
            with f.open("rb") as fh:
                (n,) = struct.unpack("<Q", fh.read(8))
                if n > f.stat().st_size - 8:  # a damaged length would read (allocate) that much
                    return "model.safetensors has a damaged header"
                header = jsonsafe.loads_object(fh.read(n))
            end = max((int(v["data_offsets"][1]) for k, v in header.items() if k != "__metadata__"), default=0)
        except (OSError, ValueError, struct.error, LookupError, TypeError):
            return "model.safetensors has a damaged header"
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
    progress: Progress = True,
    on_download: Callable[[], None] | None = None,
    advise_pull: bool = True,
) -> Path:
    """Fetch ``ref`` from the hub into the standard cache (resumes partial downloads, checks every file).

    A file lock per model keeps two vnsum processes from fetching the same files at once;
    the second finds them in the cache when the first is done.
    """
    return _fetch_locked(ref, revision, force, progress, on_download, advise_pull, check_cached=False)[0]


def _fetch_locked(
    ref: str,
    revision: str | None,
    force: bool,
    progress: Progress,
    on_download: Callable[[], None] | None,
    advise_pull: bool,
    check_cached: bool,
) -> tuple[Path, int]:
    """The snapshot path and how many files were checked against the hub's hashes (0: cached, not checked)."""
    from filelock import FileLock

    lock_dir = _lock_dir()
    lock_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(lock_dir / (re.sub(r"[^\w.-]+", "--", ref) + ".lock"))):
        if not force:
            cached = cached_snapshot(ref, revision)
            if cached is not None and not inspect_dir(cached).missing and weights_problem(cached) is None:
                return cached, verify(ref, cached, revision) if check_cached else 0
        if on_download is not None:
            on_download()
        return _download(ref, revision, force, progress, advise_pull)


def _download(ref: str, revision: str | None, force: bool, progress: Progress, advise_pull: bool = True) -> tuple[Path, int]:
    """Every file the model needs, each checked against the hub's hash before it is linked into the
    snapshot; ``config.json`` and the ref (what makes the snapshot visible) come last."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import (
        GatedRepoError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    try:
        info = HfApi(endpoint=hub_endpoint()).model_info(ref, revision=revision, files_metadata=True)
        commit = str(info.sha)
        if not re.fullmatch(r"[0-9a-f]{40}", commit):
            raise ModelUnavailable(f"model {ref}: the hub gave no commit for revision {revision or 'main'!r}")
        siblings = {sib.rfilename: sib for sib in info.siblings or []}
        remotes = [_remote(ref, siblings[name]) for name in _select_files(list(siblings))]
        blobs = {r.name: _fetch_file(ref, commit, r, force, progress) for r in remotes}
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
    repo = _repo_dir(ref)
    snapshot = repo / "snapshots" / commit
    for name in sorted(blobs, key=lambda n: n == "config.json"):
        _link(snapshot, name, blobs[name])
    _write_ref(repo, revision, commit)
    return _check_complete(snapshot, ref, hub=True), len(blobs)


def _reason(exc: BaseException) -> str:
    text = one_line(exc, 120)
    return exc.__class__.__name__ if text == exc.__class__.__name__ else f"{exc.__class__.__name__}: {text}"


def resolve(
    ref: str,
    *,
    offline: bool = False,
    revision: str | None = None,
    progress: Progress = True,
    on_download: Callable[[], None] | None = None,
) -> Path:
    """The local directory holding model ``ref`` (a directory or a hub id), downloading it if allowed.

    A cached copy that is incomplete or damaged is reported with the command
    that repairs it, rather than failing later inside a library.
    """
    check_ref(ref)
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
    """Check every file of a cached snapshot against the hub's hashes (sha256 for LFS files, git blob
    id otherwise); returns how many files were checked. On a mismatch the snapshot leaves the cache
    (with the bad files) so that nothing loads it, and ModelUnavailable names the file."""
    from huggingface_hub import HfApi

    info = HfApi(endpoint=hub_endpoint()).model_info(ref, revision=revision, files_metadata=True)
    checked = 0
    bad: list[Path] = []
    for sib in info.siblings or []:
        local = path / sib.rfilename
        if not local.is_file():
            continue
        lfs = getattr(sib, "lfs", None)
        remote = _Remote(sib.rfilename, None, lfs.sha256 if lfs is not None else None, getattr(sib, "blob_id", None))
        if not remote.key:
            continue
        if not remote.matches(local):
            bad.append(local)
        checked += 1
    if bad:
        names = ", ".join(p.name for p in bad)
        _discard(ref, path, bad)
        raise ModelUnavailable(
            f"model {ref}: {names} {'does' if len(bad) == 1 else 'do'} not match the hub's hash "
            f"(removed from the cache); run `{pull_command(ref, force=True)}`"
        )
    return checked


def pull(ref: str, force: bool = False, revision: str | None = None, progress: Progress = True) -> tuple[Path, int]:
    """Download (resuming partial files) and check a hub model; returns its path and the files checked.

    A fresh download is checked file by file as it arrives; a cached copy is checked again.
    """
    if offline_requested():
        raise ModelUnavailable(f"cannot pull {ref}: vnsum is offline (HF_HUB_OFFLINE is set)")
    try:
        return _fetch_locked(ref, revision, force, progress, None, advise_pull=False, check_cached=True)
    except ModelUnavailable:
        raise
    except OSError:
        raise
    except Exception as exc:
        raise ModelUnavailable(f"model {ref}: in the cache but could not be verified ({_reason(exc)})") from None


def _lock_dir() -> Path:
    return hub_cache() / ".locks" / "vnsum"
