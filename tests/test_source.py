"""Reading and decoding input: what users actually have on disk."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252": undefined bytes kept as C1, as real files have)
import pytest
from conftest import SEED

from vnsum.errors import InputError
from vnsum.reading.source import from_bytes, read_path, repair_mojibake
from vnsum.text import clean_text

SEED_TEXT = SEED.read_text(encoding="utf-8")
TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: precomposed base letters plus combining tones."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def _clean(data: bytes) -> str:
    return clean_text(from_bytes(data, "t").text)


@pytest.mark.parametrize(
    "data, note",
    [
        (SEED_TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"), "UTF-16-LE"),
        (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "UTF-16-BE"),
        (to_cp1258(SEED_TEXT), "cp1258"),
        (unicodedata.normalize("NFD", SEED_TEXT).encode("utf-8"), None),
        (SEED_TEXT.replace("\n", "\r\n").encode("utf-8"), None),
        (SEED_TEXT.replace("\n", "\r").encode("utf-8"), None),
        (SEED_TEXT.replace(" ", " \u200b", 40).replace("Bình", "Bình\x7f", 3).encode("utf-8"), None),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "cp1258", "nfd", "crlf", "cr", "zero-width+del"],
)
def test_decodes_to_the_same_clean_text(data: bytes, note: str | None) -> None:
    src = from_bytes(data, "t")
    assert clean_text(src.text) == clean_text(SEED_TEXT)
    if note:
        assert any(note.lower() in n.lower() for n in src.notes)


def test_mojibake_repaired_including_mixed_runs() -> None:
    lines = SEED_TEXT.splitlines()
    broken = lines[1].encode("utf-8").decode("sloppy-windows-1252")
    # Half-damaged paragraph: mojibake followed by a correct part, as real files have.
    mixed = lines[2][:40].encode("utf-8").decode("sloppy-windows-1252") + lines[2][40:]
    text, changed = repair_mojibake("\n".join([lines[0], broken, mixed]))
    assert changed
    assert "Ã" not in text and "á»" not in text and "Æ°" not in text
    assert text.splitlines()[1] == lines[1]


def test_mojibake_note_in_source() -> None:
    data = SEED_TEXT.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")
    src = from_bytes(data, "t")
    assert any("mojibake" in n for n in src.notes)
    assert clean_text(src.text) == clean_text(SEED_TEXT)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t \r\n", "empty"),
        (b"Xin ch\x00ao\x00\x00", "NUL"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(0x80, 0x100)) * 4, "cannot decode"),
    ],
    ids=["empty", "whitespace", "nul", "pdf", "png", "undecodable"],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        from_bytes(data, "t")


def test_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="limit"):
        read_path(big, max_bytes=1000)
