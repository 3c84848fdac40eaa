"""Text normalisation shared by the extractors, and the span bookkeeping they use.

* :func:`prepare` makes any input NFC with plain spaces, so offsets are stable.
* :func:`vnorm` puts Vietnamese tone marks in one place ("hoà" / "hòa",
  "thuỷ" / "thủy" become the same string) without changing the length.
* :func:`fold` drops all diacritics and case ("Lê Xuân Định" -> "le xuan dinh"),
  which is how Vietnamese names are written in English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vnsum.text.clean import fold_tone_placement

from .values import Value

#: a word, with inner dots, apostrophes, ampersands and hyphens ("TP.HCM", "AT&T", "Xơ-un")
TOKEN = re.compile(r"[^\W\d_]+(?:(?:[.'&-]|\.-)[^\W\d_]+)*", re.UNICODE)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def prepare(text: str) -> str:
    """NFC, invisible characters removed, exotic spaces made plain."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.replace("’", "'").replace("‘", "'")


# "Hà NộiNgôi nhà", "TP HCMCác căn hộ": a dateline glued to the first word of a lead
_WORDLIKE = re.compile(r"[^\W\d_]{3,}")


def unglue(text: str) -> str:
    """Put a space where a word runs into the next capitalised Vietnamese word."""
    out: list[str] = []
    last = 0
    for m in _WORDLIKE.finditer(text):
        w = m.group(0)
        if w.islower() or w.isupper() or w[1:].islower():
            continue
        for i in range(len(w) - 1, 0, -1):
            left, right = w[:i], w[i:]
            if not (right[0].isupper() and right[1:].islower() and len(right) >= 2):
                continue
            if not (left[-1].islower() or (len(left) >= 2 and left.isupper())):
                break
            # the right part is a Vietnamese word with a diacritic ("YouTube" stays whole)
            if right.isascii() or not is_vi_syllable(right):
                break
            tail = left if left.isupper() else re.split(r"(?=[A-ZÀ-ỸĐ])", left)[-1]
            if left.isupper() or is_vi_syllable(tail):
                out.append(text[last : m.start() + i])
                out.append(" ")
                last = m.start() + i
            break
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def vnorm(text: str) -> str:
    """One tone placement for Vietnamese (same length as the input, NFC in): the project's one fold."""
    return fold_tone_placement(text)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lowercase, no diacritics, "đ" -> "d"."""
    word = word.replace("đ", "d").replace("Đ", "D")
    return _COMBINING.sub("", unicodedata.normalize("NFD", word)).lower()


class Scanner:
    """A text being scanned: values found so far and the characters they used."""

    __slots__ = ("mask", "text", "values")

    def __init__(self, text: str):
        self.text = text
        self.mask = bytearray(len(text))
        self.values: list[Value] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def add(self, value: Value) -> None:
        self.values.append(value)
        self.take(value.start, value.end)


_SENT_END = set('.!?…:;"“”«»()[]–—-')


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a quote or a list item."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    ch = text[i]
    if ch in _SENT_END:
        # "U.S. President": an abbreviation's dot does not end a sentence
        if ch == "." and i >= 1 and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalpha() or text[i - 2] == "."):
            return False
        return True
    if ch in "'" and (i == 0 or text[i - 1] in " \n"):
        return True
    return False


_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|oai|oay|oao"
    r"|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|uoa)"
    r"(?:ch|nh|ng|c|m|n|p|t)?$"
)
_VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def is_vi_syllable(word: str) -> bool:
    """Whether a word can be a Vietnamese syllable (with or without its diacritics)."""
    low = word.lower()
    if any(ch in _VI_LETTERS for ch in low):
        return not any(ch in "fjwz" for ch in low)
    f = fold(word)
    if not f.isalpha() or not f.isascii():
        return False
    if not _VI_SYLLABLE.match(f):
        return False
    if f[0] == "k" and f[1:2] not in ("i", "e", "y", "h"):
        return False
    if f[0] == "c" and f[1:2] in ("i", "e", "y"):
        return False
    if f.startswith(("gh", "ngh")) and f[len("ngh" if f.startswith("ngh") else "gh") :][:1] not in ("i", "e"):
        return False
    return True
