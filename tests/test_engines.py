"""Engine parity: the CTranslate2 path computes the same function as transformers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, TinyModels

from vnsum.engines import EngineOptions, GenerationSettings, ct2, load_engine
from vnsum.engines.ct2 import CTranslate2Engine
from vnsum.engines.detok import detokenize
from vnsum.engines.hf import TransformersEngine

INPUTS = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
FP32 = EngineOptions(name="ctranslate2", compute_type="float32")


def _pair(path: Path, options: EngineOptions = FP32) -> tuple[TransformersEngine, CTranslate2Engine]:
    return TransformersEngine.load(path, str(path), EngineOptions()), CTranslate2Engine.load(path, str(path), options)


@pytest.mark.parametrize("which", ["summarizer", "translator"])
@pytest.mark.parametrize("beams, no_repeat", [(1, 0), (1, 3), (4, 0)])
def test_t5_parity_float32(tiny: TinyModels, which: str, beams: int, no_repeat: int) -> None:
    """Tied (ViT5-base layout) and untied gated-GELU (envit5 layout) T5, greedy and beam search.

    Beam search combined with no_repeat_ngram_size is not compared: the two libraries ban
    n-grams inside beam search differently and agree on only part of the inputs.
    """
    hf, fast = _pair(getattr(tiny, which))
    assert hf.count_tokens(INPUTS) == fast.count_tokens(INPUTS)
    settings = GenerationSettings(num_beams=beams, max_new_tokens=24, no_repeat_ngram_size=no_repeat)
    assert hf.generate_tokens(INPUTS, settings) == fast.generate_tokens(INPUTS, settings)


def test_marian_parity_float32(tiny: TinyModels) -> None:
    hf, fast = _pair(tiny.marian)
    assert hf.count_tokens(INPUTS) == fast.count_tokens(INPUTS)
    settings = GenerationSettings(num_beams=1, max_new_tokens=24)
    ref, got = hf.generate_tokens(INPUTS, settings), fast.generate_tokens(INPUTS, settings)
    # Marian's config forces </s> as the last of max_new_tokens in transformers; CTranslate2 has no
    # forced EOS, so at the length limit it writes one more real token. Everything before is identical.
    for a, b in zip(ref, got):
        assert b[: len(a)] == a and len(b) - len(a) in (0, 1)


def test_sub_batches_bounded_by_tokens_give_the_same_beams(tiny: TinyModels) -> None:
    """``max_batch_tokens`` only changes how CTranslate2 groups the inputs (and so its memory), not what it writes."""
    _, fast = _pair(tiny.translator)
    whole = GenerationSettings(num_beams=4, max_new_tokens=24)
    bounded = GenerationSettings(num_beams=4, max_new_tokens=24, max_batch_tokens=24)
    lengths = fast.count_tokens(INPUTS)
    assert max(lengths) > 24 and min(lengths) < 12  # some sub-batches hold several inputs, the longest goes alone
    assert fast.generate_nbest(INPUTS, bounded, 4) == fast.generate_nbest(INPUTS, whole, 4)


def test_a_sub_batch_is_never_smaller_than_the_longest_input() -> None:
    runs = ct2.sub_batches(GenerationSettings(max_batch_tokens=8), [3, 20])
    assert [list(r) for r in runs] == [[0], [1]]
    assert [list(r) for r in ct2.sub_batches(GenerationSettings(max_batch_tokens=8), [2, 2, 2, 3])] == [[0, 1, 2], [3]]
    assert [list(r) for r in ct2.sub_batches(GenerationSettings(max_batch_size=2), [1, 1, 1, 1, 1])] == [[0, 1], [2, 3], [4]]
    assert ct2.sub_batches(GenerationSettings(), []) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_goes_back_to_the_system() -> None:
    """After a generate call the engine returns freed heap memory (two engine threads kept each other's peaks)."""
    if ct2._malloc_trim() is None:
        pytest.skip("not glibc")

    def rss_kb() -> int:
        return next(
            int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmRSS")
        )

    blocks = [bytearray(64 * 1024) for _ in range(3000)]  # ~200 MB of heap chunks, below the mmap threshold
    keep = blocks[-1]
    del blocks  # freed, but the heap's top is pinned by ``keep``: nothing is returned yet
    before = rss_kb()
    ct2.give_back_freed_memory()
    assert before - rss_kb() > 100 * 1024
    assert keep


def test_untied_t5_beam_parity_needs_the_conversion_fix(
    tiny: TinyModels, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without vnsum's fix, CTranslate2 4.x scales untied T5 logits and beam search diverges."""
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path))
    import ctranslate2
    from ctranslate2.converters import transformers as ct2t

    loaders = dict(ct2t._MODEL_LOADERS)
    _pair(tiny.translator)  # converted with the fix
    assert loaders == ct2t._MODEL_LOADERS  # the fix is the converter's own: CTranslate2's table is untouched
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "unfixed"))
    monkeypatch.setattr(ct2, "_converter_class", lambda: ctranslate2.converters.TransformersConverter)
    hf, broken = _pair(tiny.translator)
    settings = GenerationSettings(num_beams=4, max_new_tokens=24)
    assert hf.generate_tokens(INPUTS, settings) != broken.generate_tokens(INPUTS, settings)


def test_int8_agreement_is_reported(tiny: TinyModels) -> None:
    hf, fast = _pair(tiny.translator, EngineOptions(name="ctranslate2", compute_type="int8"))
    settings = GenerationSettings(num_beams=1, max_new_tokens=24)
    ref, got = hf.generate_tokens(INPUTS, settings), fast.generate_tokens(INPUTS, settings)
    same = sum(a == b for x, y in zip(ref, got) for a, b in zip(x, y))
    total = sum(len(x) for x in ref)
    print(f"int8 vs float32 token agreement on the tiny translator: {same}/{total}")
    assert all(got) and total > 0


def test_conversion_is_cached_and_atomic(tiny: TinyModels, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path))
    target = ct2.converted_dir(tiny.summarizer, "tiny/sum", "float32")
    stale = target.parent / f".{target.name}.killed-run"
    (stale / "model").mkdir(parents=True)  # what a conversion killed half-way leaves behind
    messages: list[str] = []
    first = CTranslate2Engine.load(tiny.summarizer, "tiny/sum", FP32, messages.append)
    second = CTranslate2Engine.load(tiny.summarizer, "tiny/sum", FP32, messages.append)
    assert first.converted and not second.converted
    assert len(messages) == 1 and "converting tiny/sum" in messages[0]
    root = tmp_path / "ctranslate2"
    dirs = [p for p in root.iterdir() if p.is_dir()]
    assert len(dirs) == 1 and dirs[0].name.endswith("--float32")
    assert json.loads((dirs[0] / ct2.MARKER).read_text())["quantization"] == "float32"
    assert not [p for p in root.iterdir() if p.name.startswith(".")]  # no temporary directory left


def test_auto_engine_is_ctranslate2(tiny: TinyModels) -> None:
    engine = load_engine(tiny.summarizer, "tiny", EngineOptions())
    assert engine.name == "ctranslate2" and engine.compute_type == "int8"  # type: ignore[attr-defined]


def _ct2_subprocess(tiny: TinyModels, cache: Path) -> subprocess.Popen[str]:
    code = (
        "import json, sys\n"
        "from vnsum.cli import main\n"
        f"args = [{str(SEED)!r}, '--summarizer', {str(tiny.summarizer)!r}, '--translator', {str(tiny.translator)!r}, "
        "'--engine', 'ctranslate2', '-f', 'json', '-q', '-o', sys.argv[1]]\n"
        "try:\n    main(args)\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(json.dumps(sorted(m for m in ('torch', 'transformers') if m in sys.modules)))\n"
    )
    env = {**os.environ, "VNSUM_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-c", code, str(cache / f"out-{os.urandom(4).hex()}.json")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_processes_convert_once_and_later_runs_skip_torch(tiny: TinyModels, tmp_path: Path) -> None:
    procs = [_ct2_subprocess(tiny, tmp_path) for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    converted = [p for p in (tmp_path / "ctranslate2").iterdir() if p.is_dir()]
    assert len(converted) == 2  # summarizer and translator, each once
    assert all(ct2.is_converted(p) for p in converted)
    later = _ct2_subprocess(tiny, tmp_path)
    out, err = later.communicate(timeout=180)
    assert later.returncode == 0, err
    assert json.loads(out.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("which", ["summarizer", "translator", "marian"])
def test_both_engines_give_the_same_text(tiny: TinyModels, which: str) -> None:
    """One detokenizer after either engine: the same tiny model writes the same strings, spacing
    around hyphens, brackets and punctuation included, greedy and n-best alike."""
    hf, fast = _pair(getattr(tiny, which))
    settings = GenerationSettings(num_beams=2, max_new_tokens=20)
    a, b = hf.generate(INPUTS, settings), fast.generate(INPUTS, settings)
    if which == "marian":  # one extra real token at the length limit in CTranslate2 (see above)
        assert all(y.startswith(x) for x, y in zip(a, b))
    else:
        assert a == b
        assert hf.generate_nbest(INPUTS[:3], settings, 2) == fast.generate_nbest(INPUTS[:3], settings, 2)
    assert all(detokenize(t) == t for t in a + b)


ARTIFACTS = [
    ("an international - class community , AI - related titles .", "an international-class community, AI-related titles."),
    ("Giá tăng 5 % ( TP. HCM ) , từ 2020 - 2025 .", "Giá tăng 5% (TP. HCM), từ 2020-2025."),
    ("Hà Nội - Hải Phòng [ tuyến mới ] : xong !", "Hà Nội - Hải Phòng [tuyến mới]: xong!"),
]


@pytest.fixture(scope="module")
def bracket_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A tiny T5 and a tiny Marian whose vocabulary has brackets and the artifacts' words."""
    from modelfactory import build_marian, build_t5, train_sentencepiece

    root = tmp_path_factory.mktemp("bracket-models")
    lines = tuple(raw for raw, _ in ARTIFACTS) * 20
    t5 = build_t5(root / "t5", seed=5, spm_model=train_sentencepiece(root / "t5.model", extra_lines=lines))
    marian = build_marian(
        root / "marian", seed=6, spm_model=train_sentencepiece(root / "m.model", pad_last=True, extra_lines=lines)
    )
    return {"t5": t5, "marian": marian}


@pytest.mark.parametrize("which", ["t5", "marian"])
def test_both_engines_decode_the_artifacts_alike(bracket_models: dict[str, Path], which: str) -> None:
    """The same tokens decode to the same text in both engines, the models' spacing artifacts
    fixed: hyphens in compounds and ranges, brackets, space before punctuation; a dash between names stays."""
    hf, fast = _pair(bracket_models[which])
    for raw, want in ARTIFACTS:
        ids = hf.tokenizer(raw)["input_ids"]
        assert hf.decode(ids) == fast.tokenizer.decode(hf.tokenizer.convert_ids_to_tokens(ids)) == want


AMPERE = {"float32", "float16", "bfloat16", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16"}
TURING = {"float32", "float16", "int8", "int8_float32", "int8_float16"}


@pytest.mark.parametrize(
    "requested, device, supported, model_type, want",
    [
        ("auto", "cpu", {"float32", "int8", "int8_float32"}, "t5", "int8"),
        ("auto", "cuda", AMPERE, "t5", "bfloat16"),  # envit5, ViT5: never float16
        ("auto", "cuda", AMPERE, "mt5", "bfloat16"),
        ("auto", "cuda", TURING, "t5", "float32"),
        ("auto", "cuda", TURING, "marian", "float16"),
        ("auto", "cuda", AMPERE, None, "float16"),
        ("bfloat16", "cuda", AMPERE, "t5", "bfloat16"),
        ("int8_float32", "cuda", TURING, "t5", "int8_float32"),
    ],
)
def test_compute_type_decision(requested: str, device: str, supported: set[str], model_type: str | None, want: str) -> None:
    assert ct2.decide_compute_type(requested, device, supported, model_type) == want


@pytest.mark.parametrize(
    "requested, supported, model_type, match",
    [
        ("float16", AMPERE, "t5", "overflows"),
        ("bfloat16", TURING, "t5", "cannot run"),
        ("float8", AMPERE, "marian", "cannot run"),
    ],
)
def test_compute_type_refusals(requested: str, supported: set[str], model_type: str, match: str) -> None:
    from vnsum.errors import UsageError

    with pytest.raises(UsageError, match=match):
        ct2.decide_compute_type(requested, "cuda", supported, model_type)


def test_bfloat16_is_offered_on_the_command_line() -> None:
    from vnsum.options import flat_fields

    offered = {name: spec.choices for name, _, spec in flat_fields()}["engine.compute_type"]
    assert "bfloat16" in offered
    assert set(offered) - {"auto"} <= set(ct2.QUANTIZATIONS)


def test_old_torch_is_named_as_the_cause() -> None:
    """transformers refuses .bin weights on torch < 2.6; the user is told that, not to find safetensors."""
    import inspect

    from transformers.utils import import_utils

    from vnsum.engines.hf import bin_needs_newer_torch, refusal

    source = inspect.getsource(import_utils.check_torch_load_is_safe)
    assert "upgrade torch to at least v2.6" in source  # the wording vnsum recognises
    exc = ValueError(
        "Due to a serious vulnerability issue in `torch.load`, even with `weights_only=True`, we now require users "
        "to upgrade torch to at least v2.6 in order to use the function."
    )
    message = str(refusal("VietAI/envit5-translation", exc))
    assert "torch >= 2.6" in message and "pip install -U 'torch>=2.6'" in message and "safetensors" not in message
    assert bin_needs_newer_torch("pytorch_model.bin", "2.5.1+cpu")
    assert bin_needs_newer_torch("pytorch_model.bin.index.json", "2.2.0")
    assert not bin_needs_newer_torch("pytorch_model.bin", "2.6.0")
    assert not bin_needs_newer_torch("model.safetensors", "2.2.0")


def test_torch_floor_can_load_the_real_checkpoints() -> None:
    """The three T5 repositories ship pytorch_model.bin on main: the floor must be one that loads it."""
    import re

    tomllib = pytest.importorskip("tomllib")
    deps = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]["dependencies"]
    floor = next(re.search(r">=([\d.]+)", d).group(1) for d in deps if d.startswith("torch"))  # type: ignore[union-attr]
    from vnsum.engines.hf import SAFE_BIN_TORCH, _version_tuple

    assert _version_tuple(floor) >= SAFE_BIN_TORCH
