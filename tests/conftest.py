"""Shared fixtures: tiny real models (built once per test session) and CLI helpers."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from modelfactory import MarianShape, build_marian, build_pair, train_sentencepiece

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "seed_binhduong.txt"


@dataclass(frozen=True)
class TinyModels:
    summarizer: Path
    translator: Path
    marian: Path
    recipe: Path


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    """A tied ReLU T5 summarizer, an untied gated-GELU T5 translator (envit5's layout) and a
    Marian translator, with random weights and a sentencepiece model trained on tests/data."""
    root = tmp_path_factory.mktemp("tiny-models")
    summarizer, translator = build_pair(root)
    spm_marian = train_sentencepiece(root / "marian.model", pad_last=True)
    marian = build_marian(root / "marian", MarianShape(), seed=3, spm_model=spm_marian)
    recipe = root / "tiny.toml"
    recipe.write_text(
        f"""name = "tiny"
description = "tiny random models for tests"
[summarizer]
model = "{summarizer}"
max_input_tokens = 1024
num_beams = 2
no_repeat_ngram_size = 3
[summarizer.length.short]
min_new_tokens = 4
max_new_tokens = 8
[summarizer.length.medium]
min_new_tokens = 8
max_new_tokens = 16
[translator]
model = "{translator}"
prefix = "vi: "
strip_output_prefix = "en: "
max_input_tokens = 128
max_new_tokens = 12
num_beams = 2
""",
        encoding="utf-8",
    )
    return TinyModels(summarizer, translator, marian, recipe)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test touches the user's caches or the network configuration."""
    cache = tmp_path_factory.getbasetemp() / "cache"
    monkeypatch.setenv("HF_HOME", str(cache / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(cache / "hf" / "hub"))
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(cache / "vnsum"))
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    for var in ("VNSUM_FORMAT", "VNSUM_RECIPE", "VNSUM_ENGINE", "VNSUM_DEVICE", "VNSUM_THREADS", "VNSUM_MAX_BYTES"):
        monkeypatch.delenv(var, raising=False)


class FakeStdin(io.TextIOWrapper):
    """stdin carrying bytes, reporting whether it is a terminal."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``vnsum.cli.main`` in-process: returns exit code, stdout and stderr.

    Keyword arguments go to the CLI's ``Environment`` (e.g. a scripted ``engine_factory``).
    """
    from vnsum.cli import main
    from vnsum.cli.env import Environment

    def run(*args: str, stdin: bytes | None = None, tty: bool = False, **env: object) -> Result:
        monkeypatch.setattr(sys, "stdin", FakeStdin(stdin or b"", tty=tty))
        capsys.readouterr()
        try:
            main([str(a) for a in args], env=Environment(**env))  # type: ignore[arg-type]
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return run


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture
def slow_recipe(tiny: TinyModels, tmp_path: Path) -> Path:
    """The tiny models asked for the most tokens and beams a recipe allows: seconds of generation, to be interrupted."""
    text = tiny.recipe.read_text(encoding="utf-8")
    text = text.replace("min_new_tokens = 8\nmax_new_tokens = 16", "min_new_tokens = 2048\nmax_new_tokens = 2048")
    text = text.replace("num_beams = 2\nno_repeat_ngram_size = 3", "num_beams = 16\nno_repeat_ngram_size = 3", 1)
    path = tmp_path / "slow.toml"
    path.write_text(text, encoding="utf-8")
    return path
