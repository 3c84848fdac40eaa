"""What is on disk: every cached model with its size and CTranslate2 copies; removing one, copies included."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vnsum import jsonsafe
from vnsum.hub import cached_snapshot, hub_cache, inspect_dir, loaded_revision, weights_problem


@dataclass(frozen=True)
class CachedModel:
    """What ``vnsum models list`` shows for one model."""

    ref: str
    used_by: tuple[str, ...]
    cached: bool
    size_bytes: int
    path: Path | None
    converted: tuple[Path, ...]
    #: What a brief would record as the revision loaded: the snapshot's commit, a directory's fingerprint
    #: ("" when not on disk); a recipe's pin selects that snapshot.
    revision: str = ""


def cache_entries() -> dict[str, tuple[int, Path]]:
    """Hub models in the local cache: repo id -> (bytes on disk, newest snapshot path)."""
    from huggingface_hub import scan_cache_dir

    cache = hub_cache()
    if not cache.is_dir():
        return {}
    out: dict[str, tuple[int, Path]] = {}
    for repo in scan_cache_dir(cache).repos:
        if repo.repo_type != "model" or not repo.revisions:
            continue
        newest = max(repo.revisions, key=lambda r: r.last_modified)
        out[repo.repo_id] = (repo.size_on_disk, Path(newest.snapshot_path))
    return out


def describe(refs: dict[str, list[str]], pins: dict[str, str] | None = None) -> list[CachedModel]:
    """State of each model (``refs``: model -> the recipe steps that use it; ``pins``: model -> the
    revision a recipe pins)."""
    from vnsum.engines.ct2 import converted_copies

    entries = cache_entries()
    pins = pins or {}
    out = []
    for ref, used in refs.items():
        local = Path(ref).expanduser()
        if local.is_dir():
            size = sum(p.stat().st_size for p in local.rglob("*") if p.is_file())
            complete = not inspect_dir(local).missing
            rev = loaded_revision(local)
            out.append(CachedModel(ref, tuple(used), complete, size, local, tuple(converted_copies(ref)), rev))
            continue
        size, path = entries.get(ref, (0, None))
        if ref in pins:
            path = cached_snapshot(ref, pins[ref])
        complete = path is not None and not inspect_dir(path).missing and weights_problem(path) is None
        rev = loaded_revision(path) if path is not None else ""
        out.append(CachedModel(ref, tuple(used), complete, size, path, tuple(converted_copies(ref)), rev))
    return out


def _own_copies(ref: str) -> list[Path]:
    """The converted copies of exactly ``ref``: same slug (not a prefix) and, where recorded, the same model id."""
    from vnsum.engines.ct2 import MARKER, _slug, converted_copies

    slug = _slug(ref)
    out = []
    for path in converted_copies(ref):
        if path.name.rsplit("--", 2)[0] != slug:
            continue
        try:
            recorded = jsonsafe.loads_object((path / MARKER).read_bytes()).get("model")
        except (OSError, ValueError, AttributeError):
            recorded = None
        if recorded is None or recorded == ref:
            out.append(path)
    return out


def remove(ref: str) -> int:
    """Delete a hub model from the cache, and its converted copies; returns bytes freed.

    Only ``ref`` itself is touched (``org`` never matches ``org/sum``). Each converted copy
    is deleted under the same lock as its conversion. An id with nothing cached is an error.
    """
    import shutil

    from filelock import FileLock
    from huggingface_hub import scan_cache_dir

    from vnsum.errors import ModelUnavailable

    freed = 0
    found = False
    cache = hub_cache()
    if cache.is_dir():
        info = scan_cache_dir(cache)
        hashes = [
            rev.commit_hash for repo in info.repos if repo.repo_type == "model" and repo.repo_id == ref for rev in repo.revisions
        ]
        if hashes:
            found = True
            strategy = info.delete_revisions(*hashes)
            freed += strategy.expected_freed_size
            strategy.execute()
    for path in _own_copies(ref):
        with FileLock(str(path) + ".lock"):  # the lock ct2.convert holds while it writes this copy
            if not path.is_dir():
                continue
            found = True
            freed += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
            shutil.rmtree(path, ignore_errors=True)
    if not found:
        raise ModelUnavailable(f"model {ref} is not in the local cache")
    return freed
