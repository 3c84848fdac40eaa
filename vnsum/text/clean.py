"""Clean text before anything reads it: NFC, no controls or invisible characters; and tone-mark placement."""

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

# Tone-mark placement in the open syllables oa / oe / uy: "hoà" / "hòa", "khoẻ" / "khỏe", "thuỷ" / "thủy".
# Both are correct Vietnamese; a model should see the one its training text used (each recipe says
# which, ``tone_marks``), a comparison should not care (``fold_tone_placement``), and the user sees
# the article's own. "qu" + y keeps its mark on y ("quý") in every convention, hence the look-behind;
# a syllable that goes on ("hoàn", "thuyết", "ngoài") has one placement only, hence the look-ahead.
#: ``tone_marks`` values: the mark on the second vowel, on the first, or the text as it is.
TONE_STYLES = ("oà", "òa", "keep")
_TONED = {
    mark: {base: unicodedata.normalize("NFC", base + mark) for base in "oOuUaAeEyY"} for mark in "\u0300\u0301\u0303\u0309\u0323"
}
_FIRST_OF = {_TONED[m][v]: (v, m) for m in _TONED for v in "oOuU"}
_SECOND_OF = {_TONED[m][v]: (v, m) for m in _TONED for v in "aAeEyY"}
_AFTER = r"(?![^\W\d_])"  # not followed by a letter: the syllable is open
_OLD = re.compile(
    rf"(?<![qQ])(?:([{''.join(c for c, (v, _) in _FIRST_OF.items() if v in 'oO')}])([aAeE])"
    rf"|([{''.join(c for c, (v, _) in _FIRST_OF.items() if v in 'uU')}])([yY])){_AFTER}"
)
_NEW = re.compile(
    rf"(?<![qQ])(?:([oO])([{''.join(c for c, (v, _) in _SECOND_OF.items() if v in 'aAeE')}])"
    rf"|([uU])([{''.join(c for c, (v, _) in _SECOND_OF.items() if v in 'yY')}])){_AFTER}"
)
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def _to_new(m: re.Match[str]) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    vowel, mark = _FIRST_OF[first]
    return vowel + _TONED[mark][second]


def _to_old(m: re.Match[str]) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    vowel, mark = _SECOND_OF[second]
    return _TONED[mark][first] + vowel


def place_tone_marks(text: str, style: str) -> str:
    """``text`` (made NFC) with the tone marks of open oa/oe/uy syllables placed as ``style`` says.

    ``"oà"`` puts them on the second vowel ("hoà", "thuỷ"), ``"òa"`` on the first ("hòa",
    "thủy"), ``"keep"`` leaves them. Same length in, same length out (NFC), so offsets hold.
    """
    if style not in TONE_STYLES:
        raise ValueError(f"tone_marks must be one of {', '.join(TONE_STYLES)}, got {style!r}")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if style == "oà":
        return _OLD.sub(_to_new, text)
    if style == "òa":
        return _NEW.sub(_to_old, text)
    return text


def fold_tone_placement(text: str) -> str:
    """The one placement-blind form for comparisons (checks, provenance, cache keys): "hòa" and
    "hoà" become the same string, of the same length."""
    return place_tone_marks(text, "oà")


def tone_style(text: str) -> str:
    """The placement ``text`` mostly uses (``"oà"`` or ``"òa"``), ``"keep"`` when it has no such syllable."""
    text = unicodedata.normalize("NFC", text)
    new, old = len(_NEW.findall(text)), len(_OLD.findall(text))
    if new == old == 0:
        return "keep"
    return "oà" if new >= old else "òa"


def clean_text(text: str) -> str:
    """NFC, LF line ends, no control/zero-width/bidi characters, single spaces, no blank-line runs.

    Tone-mark placement is the article's own: it is what the user reads (``text_vi``); each model
    gets its own placement at its input (``recipes.Step.model_input``)."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_DROP_TABLE)
    text = unicodedata.normalize("NFC", text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
