"""One detokenizer after every engine, so that a model gives the same text whichever engine ran it.

Each engine decodes its tokens with the tokenizer's plain ``decode`` (no clean-up of its own); this
then undoes the spacing these models learnt from tokenized training text: "international - class",
"AI - related", "( TP. HCM )", "5 %", "city , and" (envit5's own README shows the first two).
"""

from __future__ import annotations

import re

_HYPHEN = re.compile(r"(?<=[^\W_]) - (?=[^\W_])")
_DIGIT_RANGE = re.compile(r"(?<=\d) - (?=\d)")
_OPEN = re.compile(r"([(\[{]) +")
_CLOSE = re.compile(r" +([)\]}])")
_BEFORE_PUNCT = re.compile(r" +([,.;:!?%…](?!\S*[^\W\d_]\.)|'s\b|n't\b|'re\b|'ve\b|'m\b|'ll\b|'d\b)")
_CURRENCY = re.compile(r"([$€£¥₫]) +(?=\d)")
_SPACES = re.compile(r"[ \t]{2,}")


def _hyphen(m: re.Match[str]) -> str:
    after = m.string[m.end()]
    return "-" if after.islower() or after.isdigit() else m.group(0)


def detokenize(text: str) -> str:
    """Model output as a reader expects it; idempotent.

    A " - " between words becomes a hyphen when the word after it starts in lower case or with a
    digit ("AI - related", "COVID - 19", "2020 - 2025"); before a capitalised word it stays a dash
    ("Hà Nội - Hải Phòng", "Hanoi - The"), since there it usually is one.
    """
    text = _SPACES.sub(" ", text.strip())
    text = _DIGIT_RANGE.sub("-", text)
    text = _HYPHEN.sub(_hyphen, text)
    text = _OPEN.sub(r"\1", text)
    text = _CLOSE.sub(r"\1", text)
    text = _BEFORE_PUNCT.sub(r"\1", text)
    text = _CURRENCY.sub(r"\1", text)
    return text.strip()
