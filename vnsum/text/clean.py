"""Clean text before anything reads it: NFC, one tone-mark placement, no controls or invisible characters."""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_DROP_TABLE: dict[int, str | None] = {ord(c): None for c in _ZERO_WIDTH + _BIDI}
_DROP_TABLE.update({cp: None for cp in range(0x00, 0x20) if cp not in (0x0A,)})
_DROP_TABLE.update({cp: None for cp in range(0x7F, 0xA0)})
_DROP_TABLE.update({ord(c): " " for c in _SPACES})

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old-style ("hòa", "khỏe", "thủy") tone placement for open syllables oa / oe / uy.
# "qu" + y keeps its mark on y ("quý") in every convention, hence the look-behind; "ngu" + y is
# an open uy syllable like any other ("nguỵ" -> "ngụy"), so only q is excluded.
_TONE_OA_OE = re.compile(rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![\w\u0300-\u036f])")
_TONE_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{_TONES}])(?![\w\u0300-\u036f])")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def normalize_tone_marks(text: str) -> str:
    """Put tone marks of open oa/oe/uy syllables on the first vowel ("hoà" -> "hòa").

    The same word must always become the same tokens; old-style placement is
    what most Vietnamese news text (and so the models' training data) uses.
    """
    decomposed = unicodedata.normalize("NFD", text)
    decomposed = _TONE_OA_OE.sub(r"\1\3\2", decomposed)
    decomposed = _TONE_UY.sub(r"\1\3\2", decomposed)
    return unicodedata.normalize("NFC", decomposed)


def clean_text(text: str) -> str:
    """NFC, one tone-mark convention, LF line ends, no control/zero-width/bidi characters,
    single spaces, no blank-line runs."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_DROP_TABLE)
    text = normalize_tone_marks(text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
