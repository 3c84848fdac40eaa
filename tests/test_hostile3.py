"""Hostile world, round 3 (issue 10): hash checks before a file is visible, -q and the hub's bars,
malformed model ids, checkpoints that need safety off, one-line library errors."""

from __future__ import annotations

import importlib
import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED, TinyModels
from hubmirror import Mirror, serve

REPO = "vnsum-test/tiny-sum"
TRANS = "vnsum-test/tiny-trans"


@pytest.fixture
def mirror(tiny: TinyModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mirror]:
    m = Mirror()
    m.add(REPO, tiny.summarizer)
    m.add(TRANS, tiny.translator)
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


def vnsum(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnsum", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=180
    )


def brief(*extra: str) -> subprocess.CompletedProcess[str]:
    return vnsum(str(SEED), "--summarizer", REPO, "--translator", TRANS, "-q", "-f", "json", *extra)


def tampered(m: Mirror, name: str) -> None:
    real = m.repos[REPO].files[name]
    m.corrupt[name] = real.replace(b"{", b"{ ", 1) if name.endswith(".json") else real[:-4] + b"\0\0\0\0"


def blobs(tmp_path: Path) -> Path:
    return tmp_path / "hf" / "hub" / f"models--{REPO.replace('/', '--')}" / "blobs"


# ------------------------------------------------------------------ 1. checked before visible


@pytest.mark.parametrize("name", ["config.json", "tokenizer.json"])
def test_pull_of_a_tampered_file_leaves_nothing_usable(mirror: Mirror, tmp_path: Path, name: str) -> None:
    assert vnsum("models", "pull", TRANS, "-q").returncode == 0
    tampered(mirror, name)  # (the mirror tampers a file name in every repo)
    r = vnsum("models", "pull", REPO, "-q")
    assert r.returncode == 3 and f"{name} does not match the hub's hash" in r.stderr
    assert f"vnsum models pull --force {REPO}" in r.stderr and len(r.stderr.strip().splitlines()) == 2
    assert vnsum("models", "path", REPO).returncode == 3
    assert json.loads(vnsum("models", "list", REPO, "-f", "json").stdout)[0]["cached"] is False
    off = brief("--offline")
    assert off.returncode == 3, off.stderr
    on = brief()  # online: fetched again and refused again, never run on the bad file
    assert on.returncode == 3 and f"{name} does not match" in on.stderr
    assert not [p for p in blobs(tmp_path).iterdir() if p.name.endswith(".vnsum-partial")]
    del mirror.corrupt[name]
    fixed = vnsum("models", "pull", "--force", REPO, "-q")
    assert fixed.returncode == 0, fixed.stderr
    assert brief("--offline").returncode == 0


def test_first_brief_checks_every_file_it_downloads(mirror: Mirror, tmp_path: Path) -> None:
    """No pull first: the brief's own download checks config.json (a small, non-LFS file) too."""
    tampered(mirror, "config.json")
    r = brief()
    assert r.returncode == 3 and "config.json does not match the hub's hash" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "hf" / "hub" / f"models--{REPO.replace('/', '--')}" / "snapshots").exists()
    assert vnsum("models", "path", REPO).returncode == 3


def test_a_bad_file_already_in_the_cache_is_removed_by_pull(mirror: Mirror) -> None:
    """A copy that went bad on disk (or came from an unchecked download) fails `pull` and leaves the cache."""
    first = vnsum("models", "pull", REPO, "-q")
    assert first.returncode == 0, first.stderr
    snapshot = Path(first.stdout.strip())
    target = (snapshot / "tokenizer.json").resolve()
    os.chmod(target, 0o644)
    target.write_bytes(target.read_bytes().replace(b"{", b"{ ", 1))
    r = vnsum("models", "pull", REPO, "-q")
    assert r.returncode == 3 and "tokenizer.json does not match" in r.stderr and "removed" in r.stderr
    assert not snapshot.exists() and not target.exists()
    assert vnsum("models", "path", REPO).returncode == 3
    again = vnsum("models", "pull", REPO, "-q")
    assert again.returncode == 0, again.stderr
    assert mirror.downloads(REPO).count("tokenizer.json") == 2
    assert mirror.downloads(REPO).count("model.safetensors") == 1  # the good blobs were kept, checked and reused


def test_models_path_refuses_an_incomplete_snapshot(mirror: Mirror) -> None:
    r = vnsum("models", "pull", REPO, "-q")
    assert r.returncode == 0, r.stderr
    (Path(r.stdout.strip()) / "model.safetensors").unlink()
    p = vnsum("models", "path", REPO)
    assert p.returncode == 3 and "missing weights" in p.stderr and f"pull --force {REPO}" in p.stderr


def test_hub_without_a_hash_is_refused(mirror: Mirror, monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from vnsum import hub
    from vnsum.errors import ModelUnavailable

    sib = SimpleNamespace(rfilename="config.json", lfs=None, size=3, blob_id=None)
    with pytest.raises(ModelUnavailable, match=r"no usable hash for config\.json"):
        hub._remote(REPO, sib)


# ------------------------------------------------------------------ 2. -q hides the hub's bars


def _stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "vnsum", *args], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            block = os.read(master, 65536)
        except OSError:
            break
        if not block:
            break
        out += block
    os.close(master)
    return proc.wait(timeout=180), out.decode(errors="replace")


def test_quiet_hides_every_download_bar(mirror: Mirror) -> None:
    code, err = _stderr_on_a_terminal(["models", "pull", REPO, "-q"])
    assert code == 0 and "Fetching" not in err and "%" not in err, err
    shutil.rmtree(os.environ["HF_HUB_CACHE"])
    code, err = _stderr_on_a_terminal([str(SEED), "--summarizer", REPO, "--translator", TRANS, "-q", "-f", "json"])
    assert code == 0 and err.strip() == "", err
    shutil.rmtree(os.environ["HF_HUB_CACHE"])
    r = vnsum("models", "pull", REPO)  # without -q: vnsum's own lines, never the hub's "Fetching N files"
    assert r.returncode == 0 and "Fetching" not in r.stderr, r.stderr


# ------------------------------------------------------------------ 3. malformed ids


@pytest.mark.parametrize(
    "ref", ["a" * 256, "org/" + "b" * 300, "/tmp/" + "c" * 300, "org/a\nb", "org/a\0b", "org/a\tb", "x/" * 2100]
)
def test_malformed_ids_are_usage_errors_everywhere(run_cli, ref: str) -> None:
    for args in (["models", "path", ref], ["models", "pull", ref], ["models", "list", ref], ["models", "rm", ref]):
        r = run_cli(*args)
        assert r.code == 2, (args[:2], r)
        assert len(r.err.strip().splitlines()) == 1 and len(r.err) < 300
    r = run_cli(str(SEED), "--summarizer", ref, "-q")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r


def test_resolve_refuses_malformed_ids_before_any_file_call() -> None:
    from vnsum import hub
    from vnsum.errors import UsageError

    for ref in ("a" * 256, "org/a\0b", "org/a\nb", " "):
        with pytest.raises(UsageError):
            hub.resolve(ref, offline=True)
        assert hub.revision(ref) is None


# ------------------------------------------------------------------ 4. checkpoints that need safety off


def _variant(src: Path, dst: Path, config: dict[str, object] | None = None, pickle: bool = False) -> Path:
    shutil.copytree(src, dst)
    if config:
        cfg = json.loads((dst / "config.json").read_text(encoding="utf-8"))
        cfg.update(config)
        (dst / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    if pickle:
        import argparse

        import torch
        from safetensors.torch import load_file

        state: dict[str, object] = dict(load_file(dst / "model.safetensors"))
        state["extra"] = argparse.Namespace(a=1)  # a Python object: weights-only loading refuses it
        torch.save(state, dst / "pytorch_model.bin")
        (dst / "model.safetensors").unlink()
    return dst


@pytest.fixture(scope="module")
def unsafe(tiny: TinyModels, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("unsafe")
    return {
        "custom": _variant(
            tiny.summarizer, root / "custom", {"model_type": "vnsum-custom", "auto_map": {"AutoConfig": "cfg.XConfig"}}
        ),
        "unknown": _variant(tiny.summarizer, root / "unknown", {"model_type": "vnsum-unknown"}),
        "pickle": _variant(tiny.summarizer, root / "pickle", pickle=True),
    }


@pytest.mark.parametrize("kind", ["custom", "unknown", "pickle"])
def test_every_engine_refuses_the_same_way(run_cli, tiny: TinyModels, unsafe: dict[str, Path], kind: str) -> None:
    messages = set()
    for engine in ("ctranslate2", "transformers", "auto"):
        r = run_cli(str(SEED), "--summarizer", unsafe[kind], "--translator", tiny.translator, "--engine", engine, "-q")
        assert r.code == 3, (engine, r)
        lines = r.err.strip().splitlines()
        assert len(lines) == 1, (engine, r.err)
        assert "trust_remote_code" not in r.err and "weights_only" not in r.err and "\x1b" not in r.err
        messages.add(lines[0])
    assert len(messages) == 1, messages
    word = {"custom": "needs its own Python code", "unknown": "does not know", "pickle": "never unpickles"}[kind]
    assert word in messages.pop()


def test_refusal_maps_library_advice(tmp_path: Path) -> None:
    import pickle

    from vnsum.engines.hf import refusal

    assert refusal("m", pickle.UnpicklingError("Weights only load failed.\nset weights_only=False")) is not None
    msg = refusal("m", ValueError("The repository m contains custom code ... set trust_remote_code=True"))
    assert msg is not None and "trust_remote_code" not in str(msg)
    assert refusal("m", ValueError("something else")) is None


# ------------------------------------------------------------------ 5. one line from a library's text


def test_library_text_is_cut_to_one_line() -> None:
    from vnsum.engines.hf import _corrupt_message
    from vnsum.errors import one_line as first_line

    exc = ValueError("\x1b[1mfirst\x1b[0m   line\n\nsecond line\n\tthird")
    assert first_line(exc) == "first line"
    assert first_line(ValueError("")) == "ValueError"
    assert "\n" not in _corrupt_message("org/m", exc)


def test_unsupported_checkpoint_failure_is_one_line(
    run_cli, tiny: TinyModels, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A converter that fails with a many-line message: the named engine's error is still one line."""
    from vnsum.engines import ct2

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("unsupported architecture\n\nYou can update with `pip install ...`\nmore advice")

    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "vnsum"))
    monkeypatch.setattr(ct2, "_convert_into", broken)
    r = run_cli(str(SEED), "--summarizer", tiny.summarizer, "--translator", tiny.translator, "--engine", "ctranslate2", "-q")
    assert r.code == 4 and len(r.err.strip().splitlines()) == 1, r
    assert "unsupported architecture" in r.err and "pip install" not in r.err


def test_internal_error_and_any_error_line_are_one_line(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    run = importlib.import_module("vnsum.cli.main")

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("first\nsecond\nthird")

    monkeypatch.delenv("VNSUM_DEBUG", raising=False)
    monkeypatch.setattr("vnsum.cli.app.app", boom)
    r = run_cli("--help")
    assert r.code == 70 and len(r.err.strip().splitlines()) == 1 and "second" not in r.err, r
    assert run.fail("a\nb", 3) == 3
