"""Build real, random-weight seq2seq models (T5 and Marian) with real tokenizers.

Used by the test suite (tiny shapes) and by the benchmark (the real models'
shapes). The tokenizer is a sentencepiece model trained on Vietnamese text;
its vocabulary is padded with filler pieces to exactly the size asked for.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CORPUS_FILES = ["seed_binhduong.txt", "extra_vi.txt"]


@dataclass(frozen=True)
class T5Shape:
    vocab_size: int = 640
    d_model: int = 32
    d_ff: int = 64
    num_layers: int = 2
    num_decoder_layers: int = 2
    num_heads: int = 2
    d_kv: int = 16
    feed_forward_proj: str = "relu"
    tie_word_embeddings: bool = True


@dataclass(frozen=True)
class MarianShape:
    vocab_size: int = 640
    d_model: int = 32
    ffn_dim: int = 64
    layers: int = 2
    heads: int = 2
    activation: str = "swish"


#: The real models' shapes (see issue 3).
VIT5_BASE = T5Shape(36096, 768, 3072, 12, 12, 12, 64, "relu", True)
ENVIT5_BASE = T5Shape(50048, 768, 2048, 12, 12, 12, 64, "gated-gelu", False)
OPUS_MT_VI_EN = MarianShape(53685, 512, 2048, 6, 8, "swish")


def corpus_lines() -> list[str]:
    lines: list[str] = []
    for name in CORPUS_FILES:
        lines += [ln.strip() for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def train_sentencepiece(
    out: Path, vocab_size: int = 600, pad_last: bool = False, model_type: str = "unigram", extra_lines: tuple[str, ...] = ()
) -> Path:
    """Train a unigram sentencepiece model on the committed Vietnamese text; returns the .model path.

    T5 order is pad=0, eos=1, unk=2; Marian's is eos=0, unk=1 (its pad goes last in vocab.json).
    """
    import sentencepiece as spm

    buf = io.BytesIO()
    ids = dict(pad_id=-1, eos_id=0, unk_id=1, bos_id=-1) if pad_last else dict(pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus_lines() + list(extra_lines)),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=1,
        **ids,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out


def _pieces(model_file: Path) -> list[tuple[str, float]]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model_file))
    return [(sp.id_to_piece(i), float(sp.get_score(i))) for i in range(sp.get_piece_size())]


def _fill(pieces: list[tuple[str, float]], size: int) -> list[tuple[str, float]]:
    """Pad a vocabulary with never-preferred filler pieces up to exactly ``size`` entries."""
    if len(pieces) > size:
        raise ValueError(f"sentencepiece vocabulary ({len(pieces)}) larger than the model's ({size})")
    return pieces + [(f"▁zq{i}", -1000.0) for i in range(size - len(pieces))]


def _quiet_special_rows(model, special_ids: list[int]) -> None:
    """Zero the output rows of special tokens so random weights write text instead of stopping at once."""
    import torch

    with torch.no_grad():
        head = model.get_output_embeddings().weight
        for i in special_ids:
            head[i].zero_()
        if getattr(model, "final_logits_bias", None) is not None:
            model.final_logits_bias[:, special_ids] = -1e4


def build_t5(out: Path, shape: T5Shape = T5Shape(), seed: int = 0, spm_model: Path | None = None) -> Path:
    """A random-weight T5 with a real tokenizer, saved with ``save_pretrained`` (safetensors)."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    spm_model = spm_model or train_sentencepiece(out / "spiece.model")
    vocab = _fill(_pieces(spm_model), shape.vocab_size)
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0)
    torch.manual_seed(seed)
    config = T5Config(
        vocab_size=shape.vocab_size,
        d_model=shape.d_model,
        d_ff=shape.d_ff,
        d_kv=shape.d_kv,
        num_layers=shape.num_layers,
        num_decoder_layers=shape.num_decoder_layers,
        num_heads=shape.num_heads,
        feed_forward_proj=shape.feed_forward_proj,
        tie_word_embeddings=shape.tie_word_embeddings,
        decoder_start_token_id=0,
        pad_token_id=0,
        eos_token_id=1,
        dropout_rate=0.0,
    )
    model = T5ForConditionalGeneration(config).eval()
    _quiet_special_rows(model, [0, 1, 2])
    model.save_pretrained(out)
    if not shape.tie_word_embeddings:
        _untie_t5(out, shape, seed)
    tokenizer.save_pretrained(out)
    if spm_model != out / "spiece.model":
        shutil.copy(spm_model, out / "spiece.model")
    return out


def _untie_t5(out: Path, shape: T5Shape, seed: int) -> None:
    """Give a saved T5 its own output projection, as T5 v1.1 / ViT5 / envit5 checkpoints have.

    transformers 5 always ties T5's lm_head to the embeddings when saving; a
    checkpoint with a distinct ``lm_head.weight`` and ``tie_word_embeddings: false``
    is what the real untied models look like on the hub.
    """
    import torch
    from safetensors.torch import load_file, save_file

    weights = load_file(out / "model.safetensors")
    gen = torch.Generator().manual_seed(seed + 1000)
    head = torch.randn(shape.vocab_size, shape.d_model, generator=gen) * shape.d_model**-0.5
    head[[0, 1, 2]] = 0.0
    weights["lm_head.weight"] = head
    save_file(weights, out / "model.safetensors", metadata={"format": "pt"})
    cfg = json.loads((out / "config.json").read_text(encoding="utf-8"))
    cfg["tie_word_embeddings"] = False
    cfg.pop("scale_decoder_outputs", None)
    (out / "config.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")


def build_marian(out: Path, shape: MarianShape = MarianShape(), seed: int = 0, spm_model: Path | None = None) -> Path:
    """A random-weight Marian (opus-mt layout: source.spm, target.spm, vocab.json)."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    spm_model = spm_model or train_sentencepiece(out / "sp.model", pad_last=True)
    pieces = _fill(_pieces(spm_model), shape.vocab_size - 1)
    vocab = {piece: i for i, (piece, _) in enumerate(pieces)}
    vocab["<pad>"] = shape.vocab_size - 1
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        shutil.copy(spm_model, out / name)
    if spm_model.parent == out and spm_model.name not in ("source.spm", "target.spm"):
        spm_model.unlink()
    pad = shape.vocab_size - 1
    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=shape.vocab_size,
        decoder_vocab_size=shape.vocab_size,
        d_model=shape.d_model,
        encoder_layers=shape.layers,
        decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads,
        decoder_attention_heads=shape.heads,
        encoder_ffn_dim=shape.ffn_dim,
        decoder_ffn_dim=shape.ffn_dim,
        activation_function=shape.activation,
        max_position_embeddings=512,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
    )
    model = MarianMTModel(config).eval()
    _quiet_special_rows(model, [0, 1, pad])
    model.save_pretrained(out)
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"), target_spm=str(out / "target.spm"), vocab=str(out / "vocab.json")
    )
    tokenizer.save_pretrained(out)
    return out


def build_pair(root: Path) -> tuple[Path, Path]:
    """The tiny summarizer and translator that the tests and CI's wheel check use."""
    root.mkdir(parents=True, exist_ok=True)
    spm_t5 = train_sentencepiece(root / "t5.model")
    summarizer = build_t5(root / "summarizer", T5Shape(), seed=1, spm_model=spm_t5)
    translator = build_t5(
        root / "translator", T5Shape(feed_forward_proj="gated-gelu", tie_word_embeddings=False), seed=2, spm_model=spm_t5
    )
    return summarizer, translator


if __name__ == "__main__":
    import sys

    for built in build_pair(Path(sys.argv[1])):
        print(built)
