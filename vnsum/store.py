"""What is on disk: every cached model with its size and CTranslate2 copies; removing one, copies included."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vnsum.hub import hub_cache, inspect_dir, weights_problem


@dataclass(frozen=True)
class CachedModel:
    """What ``vnsum models list`` shows for one model."""

    ref: str
    used_by: tuple[str, ...]
    cached: bool
    size_bytes: int
    path: Path | None
    converted: tuple[Path, ...]


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


def describe(refs: dict[str, list[str]]) -> list[CachedModel]:
    """State of each model (``refs``: model -> the recipe steps that use it)."""
    from vnsum.engines.ct2 import converted_copies

    entries = cache_entries()
    out = []
    for ref, used in refs.items():
        local = Path(ref).expanduser()
        if local.is_dir():
            size = sum(p.stat().st_size for p in local.rglob("*") if p.is_file())
            out.append(CachedModel(ref, tuple(used), not inspect_dir(local).missing, size, local, tuple(converted_copies(ref))))
            continue
        size, path = entries.get(ref, (0, None))
        complete = path is not None and not inspect_dir(path).missing and weights_problem(path) is None
        out.append(CachedModel(ref, tuple(used), complete, size, path, tuple(converted_copies(ref))))
    return out


def remove(ref: str) -> int:
    """Delete a hub model from the cache, and its converted copies; returns bytes freed."""
    import shutil

    from huggingface_hub import scan_cache_dir

    from vnsum.engines.ct2 import converted_copies

    freed = 0
    cache = hub_cache()
    if cache.is_dir():
        info = scan_cache_dir(cache)
        hashes = [rev.commit_hash for repo in info.repos if repo.repo_id == ref for rev in repo.revisions]
        if hashes:
            strategy = info.delete_revisions(*hashes)
            freed += strategy.expected_freed_size
            strategy.execute()
    for path in converted_copies(ref):
        freed += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        shutil.rmtree(path, ignore_errors=True)
    return freed
