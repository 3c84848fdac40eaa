"""Model management against a local hub mirror on 127.0.0.1: pull, verify, resume, list, path, rm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED, TinyModels
from hubmirror import Mirror, serve

REPO = "vnsum-test/tiny-sum"
DECOYS = {
    "tf_model.h5": b"tensorflow weights",
    "flax_model.msgpack": b"flax weights",
    "model.onnx": b"onnx",
    "README.md": b"# tiny",
}


@pytest.fixture
def mirror(tiny: TinyModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mirror]:
    m = Mirror()
    extra = dict(DECOYS)
    extra["pytorch_model.bin"] = b"a PyTorch copy that must not be fetched when safetensors exist"
    m.add(REPO, tiny.summarizer, extra)
    m.add("vnsum-test/tiny-trans", tiny.translator)
    httpd, _ = serve(m)
    cache = tmp_path / "hf"
    monkeypatch.setenv("HF_ENDPOINT", m.url)
    monkeypatch.setenv("HF_HOME", str(cache))
    monkeypatch.setenv("HF_HUB_CACHE", str(cache / "hub"))
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "vnsum"))
    monkeypatch.setenv("HF_HUB_DISABLE_XET", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    yield m
    httpd.shutdown()


def vnsum(*args: str, env: dict[str, str] | None = None, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnsum", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=timeout
    )


def test_pull_fetches_only_what_is_needed_and_verifies(mirror: Mirror) -> None:
    r = vnsum("models", "pull", REPO, "-q")
    assert r.returncode == 0, r.stderr
    path = Path(r.stdout.strip())
    assert (path / "model.safetensors").is_file() and (path / "config.json").is_file()
    fetched = set(mirror.downloads(REPO))
    assert "model.safetensors" in fetched and "config.json" in fetched
    assert not fetched & (set(DECOYS) | {"pytorch_model.bin"})
    assert "verified" in r.stderr
    listed = json.loads(vnsum("models", "list", REPO, "-f", "json").stdout)
    assert listed[0]["cached"] is True and listed[0]["size_bytes"] > 0
    assert listed[0]["revision"] == path.name  # the snapshot's commit
    assert vnsum("models", "path", REPO).stdout.strip() == str(path)


def test_pulled_model_runs_offline(mirror: Mirror, tiny: TinyModels) -> None:
    assert vnsum("models", "pull", REPO, "vnsum-test/tiny-trans", "-q").returncode == 0
    r = vnsum(str(SEED), "--summarizer", REPO, "--translator", "vnsum-test/tiny-trans", "--offline", "-f", "json", "-q")
    assert r.returncode == 0, r.stderr
    models = json.loads(r.stdout)["models"]
    assert models["summarizer"] == REPO
    commit = Path(vnsum("models", "path", REPO).stdout.strip()).name
    assert models["summarizer_revision"] == commit and len(commit) == 40  # the revision actually loaded
    before = len(mirror.requests)
    r = vnsum(str(SEED), "--summarizer", REPO, "--translator", "vnsum-test/tiny-trans", "-f", "json", "-q")
    assert r.returncode == 0 and len(mirror.requests) == before  # cached: no network call at all


def test_interrupted_download_resumes(mirror: Mirror, tmp_path: Path) -> None:
    """A pull killed mid-file leaves a partial blob; the next pull asks only for the rest."""
    mirror.slow["model.safetensors"] = 0.05
    proc = subprocess.Popen(
        [sys.executable, "-m", "vnsum", "models", "pull", REPO, "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    blobs = tmp_path / "hf" / "hub" / f"models--{REPO.replace('/', '--')}" / "blobs"
    deadline = time.monotonic() + 60
    partial: list[Path] = []
    while time.monotonic() < deadline and proc.poll() is None:
        partial = [p for p in blobs.glob("*.vnsum-partial") if p.stat().st_size > 0] if blobs.is_dir() else []
        if partial:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    assert partial, "the download never started"
    got = partial[0].stat().st_size
    del mirror.slow["model.safetensors"]
    again = vnsum("models", "pull", REPO, "-q")
    assert again.returncode == 0, again.stderr
    ranges = [rng for m, p, rng in mirror.requests if m == "GET" and p.endswith("model.safetensors") and rng]
    assert ranges and int(ranges[-1][6:].split("-")[0]) >= got > 0


def test_hash_mismatch_is_detected(mirror: Mirror) -> None:
    real = mirror.repos[REPO].files["model.safetensors"]
    mirror.corrupt["model.safetensors"] = real[:-8] + b"\0" * 8
    r = vnsum("models", "pull", REPO, "-q")
    assert r.returncode == 3
    assert "does not match the hub's hash" in r.stderr and f"vnsum models pull --force {REPO}" in r.stderr
    del mirror.corrupt["model.safetensors"]
    before = mirror.downloads(REPO).count("model.safetensors")
    fixed = vnsum("models", "pull", "--force", REPO, "-q")
    assert fixed.returncode == 0, fixed.stderr
    assert mirror.downloads(REPO).count("model.safetensors") == before + 1  # weights fetched once, not twice


def test_unknown_model_and_rm(mirror: Mirror) -> None:
    r = vnsum("models", "pull", "vnsum-test/does-not-exist", "-q")
    assert r.returncode == 3 and "not found" in r.stderr and len(r.stderr.strip().splitlines()) <= 2
    assert vnsum("models", "pull", REPO, "-q").returncode == 0
    rm = vnsum("models", "rm", REPO)
    assert rm.returncode == 0 and "freed" in rm.stderr
    assert vnsum("models", "path", REPO).returncode == 3


def test_two_processes_pull_at_once(mirror: Mirror) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "vnsum", "models", "pull", REPO, "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert outs[0][0] == outs[1][0]
    assert vnsum("models", "pull", REPO, "-q").returncode == 0
    listed = json.loads(vnsum("models", "list", REPO, "-f", "json").stdout)
    assert listed[0]["cached"]


def test_recipe_pins_a_revision(mirror: Mirror, tiny: TinyModels, tmp_path: Path) -> None:
    """A recipe's ``revision`` selects that snapshot; the brief and ``models list`` say which."""
    assert vnsum("models", "pull", REPO, "vnsum-test/tiny-trans", "-q").returncode == 0
    commit = Path(vnsum("models", "path", REPO).stdout.strip()).name
    recipe = tmp_path / "pinned.toml"
    text = tiny.recipe.read_text(encoding="utf-8")
    text = text.replace(f'model = "{tiny.summarizer}"', f'model = "{REPO}"\nrevision = "{commit}"')
    recipe.write_text(text.replace(f'model = "{tiny.translator}"', 'model = "vnsum-test/tiny-trans"'), encoding="utf-8")
    r = vnsum(str(SEED), "--recipe", str(recipe), "--offline", "-f", "json", "-q")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["models"]["summarizer_revision"] == commit
    listed = {m["model"]: m for m in json.loads(vnsum("models", "list", str(recipe), "-f", "json").stdout)}
    assert listed[REPO]["revision"] == commit
    wrong = recipe.read_text(encoding="utf-8").replace(commit, "f" * 40)
    recipe.write_text(wrong, encoding="utf-8")
    r = vnsum(str(SEED), "--recipe", str(recipe), "--offline", "-f", "json", "-q")
    assert r.returncode != 0 and "not in the local cache" in r.stderr


def test_the_download_bar_draws_on_the_environments_stderr_and_sanitises_the_name() -> None:
    """The hub's bars go through the Environment (not a Console of their own), a file name is data."""
    import io

    from vnsum.cli.env import Environment
    from vnsum.cli.progress import download_bar

    err = io.StringIO()
    env = Environment(stdout=io.StringIO(), stderr=err, stderr_isatty=True)
    with download_bar(env)("\x1b]0;owned\x07model[red].bin", 4 << 20, 0) as advance:
        advance(1 << 20)
    assert "model[red].bin" in err.getvalue() and "\x1b]0;owned" not in err.getvalue()
    quiet = io.StringIO()
    with download_bar(Environment(stdout=io.StringIO(), stderr=quiet, stderr_isatty=False))("model.bin", 10, 0) as advance:
        advance(5)
    assert quiet.getvalue() == ""
