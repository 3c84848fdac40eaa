"""Split a Vietnamese paragraph into sentences (``../shared/corpus/structure-conventions.md``).

A sentence ends at ".", "!", "?", "…" or "..." (with the closing quotes and brackets that follow
it) when the next word starts a new sentence, also when paragraphs were glued together without a
space ("hẳn đi.Ý kiến", "%.Theo", ").Viết", 'có."Chỉ'), and where a crawler glued a heading,
caption or paragraph to the next one with no space at all ("cảm xúcBạn", "Ảnh: AFPThủ tướng",
"(Theo Cidrap)Bạn"). Quotations are split into their sentences; abbreviations (TP.HCM, PGS.TS.,
Q.1, Mr.), numbers (5,66%, 1.234,5, 1.2.2022), name initials (Trần Văn B., H. I. Sutton), URLs
and e-mail addresses are not split.

Everything here is a linear scan: no regular expression is run over the whole text per candidate.
"""

from __future__ import annotations

import re

from vnsum.text.lexicon import (
    ABBREVIATIONS,
    BANG_NAMES,
    LOWER,
    NAME_INITIALS,
    PLACE_ABBREVIATIONS,
    UPPER,
    is_lower,
    is_upper_start,
    is_vietnamese_syllable,
    next_tokens,
    starter_at,
)

_TERMINATORS = ".!?…"
#: Sentence-end candidates: a terminator, or a capital glued to a lower-case letter / ")" before it
#: ("cảm xúcBạn", "Cidrap)Bạn"), or the last capital of an all-caps run before lower-case ("AFPThủ").
_CANDIDATE = re.compile(f"[.!?…]|(?<=[{LOWER})])[{UPPER}]|(?<=[{UPPER}])[{UPPER}](?=[{LOWER}])")
_CLOSERS = "”’»)]"
_URL_START = re.compile(r"https?://|www\.|@", re.IGNORECASE)
_URL_TLD = re.compile(r"\.(?:com|vn|net|org|gov|edu|info|io)(?![a-z])", re.IGNORECASE)


class _Urlish:
    """Is a token part of a URL or an e-mail address? (Linear: no backtracking over long tokens.)"""

    @staticmethod
    def search(token: str) -> bool:
        return bool(_URL_START.search(token) or _URL_TLD.search(token))


_URLISH = _Urlish()
_INITIALS = re.compile("^[A-ZĐ](?:\\.[A-ZĐ])*$")


def _word_at(text: str, i: int) -> str:
    """The run of word characters starting at ``i``."""
    j = i
    n = len(text)
    stop = min(n, i + 60)
    while j < stop and text[j].isalnum():
        j += 1
    return text[i:j]


def _token_before(text: str, end: int) -> str:
    floor = max(0, end - 60)  # tokens are short; a text without spaces must not make this quadratic
    start = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end)) + 1
    start = max(start, floor)
    return text[start:end].lstrip("\"“‘'([«")


def glue_at(text: str, i: int) -> int | None:
    """If a new sentence starts at ``i`` glued to the word before it with no space, return ``i``."""
    # "cảm xúcBạn", "VănÔng", "HàKhoảng": lower-case letter then a capitalised Vietnamese syllable;
    # "AFPThủ": an upper-case run then a capitalised syllable; "(Theo Cidrap)Bạn".
    if i <= 0 or i >= len(text) or not is_upper_start(text[i]):
        return None
    word = _word_at(text, i)
    if (len(word) < 2 or not word[1:].islower()) and not (len(word) == 1 and word in "ÁÝÔÊƠƯĂÂẤÚÍÓÉ"):
        return None
    if not is_vietnamese_syllable(word):
        return None
    prev = text[i - 1]
    if prev == ")":
        return i
    left = _token_before(text, i)
    if is_lower(prev):
        # the letters before, back to a non-letter: at least two ("Hà", "cấp"), not a brand prefix ("i", "e")
        k = i
        while k > max(0, i - 40) and text[k - 1].isalpha():
            k -= 1
        run = text[k:i]
        return i if len(run) >= 2 and not _URLISH.search(left) else None
    if is_upper_start(prev) and i >= 2 and is_upper_start(text[i - 2]) and len(word) >= 2:
        # "AFPThủ", "TTXVNHà": an all-caps run of 2+ letters before a capitalised syllable
        k = i
        while k > max(0, i - 40) and is_upper_start(text[k - 1]):
            k -= 1
        return i if i - k >= 2 and (k == 0 or not text[k - 1].isalpha()) else None
    return None


def _abbreviation(token: str) -> bool:
    bare = token.rstrip(".")
    return token in ABBREVIATIONS or bare in ABBREVIATIONS


def _period_is_end(text: str, dot: int, end: int, first: int) -> bool:
    """Is the period at ``dot`` a sentence end, given the next word starts at ``first`` (after spaces)?"""
    token = _token_before(text, dot)
    bare = token.rstrip(".")
    if bare in PLACE_ABBREVIATIONS:
        return starter_at(text, first)
    if _abbreviation(token):
        return False
    if bare.lower() in ("v.v", "vv", "etc"):
        return True  # "v.v. Năm 2023": an end when a capital follows
    if _INITIALS.match(bare) or bare in NAME_INITIALS:
        # "H. I. Sutton", "Trần Văn B. cho biết", "anh N.D. Q. (huyện ...)": initials. After a
        # lower-case word a single letter ends a sentence ("độ C. Trời", "ống kính G. Cấu hình")
        # unless more initials follow; in a name, only when a sentence plainly starts after it.
        nxt = next_tokens(text, first, 1)
        if nxt and _INITIALS.match(nxt[0].rstrip(".")) and nxt[0].endswith("."):
            return False
        head = text[max(0, dot - len(token) - 80) : dot - len(token)].rstrip()
        prev_word = head.rsplit(None, 1)[-1] if head else ""
        if prev_word and prev_word[0].islower() and prev_word[-1] not in _TERMINATORS and len(bare) == 1:
            return True
        return starter_at(text, first)
    return True


def sentence_cuts(paragraph: str) -> list[tuple[int, str]]:
    """Where each sentence after the first begins: (offset, "punct" after a terminator, or "glue")."""
    text = paragraph
    n = len(text)
    cuts: list[tuple[int, str]] = []
    i = 0
    while True:
        m = _CANDIDATE.search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _TERMINATORS:
            j = i
            while j < n and (text[j] in _TERMINATORS or (text[j] == "/" and j + 1 < n and text[j + 1] == ".")):
                j += 1
            term = text[i:j]
            end = j
            # closing quotes and brackets go with the sentence; a straight quote only when it closes
            while end < n:
                c = text[end]
                if c in _CLOSERS:
                    end += 1
                elif c in "\"'":
                    after = text[end + 1 : end + 2]
                    if after and (after.isalpha() or after.isdigit()):
                        break  # 'có."Chỉ': an opening quote of the next sentence
                    end += 1
                else:
                    break
            if _boundary(text, i, j, end, term):
                cuts.append((end, "punct"))
            i = max(end, i + 1)
            continue
        g = glue_at(text, i)
        if g is not None:
            cuts.append((g, "glue"))
        i += 1
    return cuts


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """The [start, end) offsets of each sentence of ``paragraph`` (stripped of surrounding spaces)."""
    return spans_between(paragraph, [c for c, _ in sentence_cuts(paragraph)])


def spans_between(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """The stripped, non-empty pieces of ``text`` between the sorted offsets ``cuts``."""
    spans = []
    start = 0
    for c in [*cuts, len(text)]:
        s, e = start, c
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = c
    return spans


def _boundary(text: str, i: int, j: int, end: int, term: str) -> bool:
    """Is the terminator text[i:j] (closers up to ``end``) a sentence end?"""
    n = len(text)
    if end >= n:
        return True
    nxt = text[end]
    if nxt.isspace():
        k = end
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            return True
        first = text[k]
        starts = (
            is_upper_start(first)
            or first.isdigit()
            or (first in "“‘«" and not is_lower(text[k + 1 : k + 2] or "A"))  # not 'mình… “cảm nắng”'
            or (first == '"' and k + 1 < n and text[k + 1].isalnum())
            or (first == ">" and k + 1 < n and text[k + 1] in "> ")
            or (first in "-–—" and k + 1 < n and text[k + 1] == " ")
            or (first == "(" and k + 1 < n and is_upper_start(text[k + 1]))
            or (first in "*•" and k + 1 < n and text[k + 1] == " ")
            or first in "©®"
        )
        if not starts:
            # "… ...Và vận chuyển": an ellipsis opening the next sentence
            return first == "." and text[k : k + 3] == "..." and k + 3 < n and is_upper_start(text[k + 3])
        if term == "." and end == j:
            return _period_is_end(text, i, end, k)
        if term == "!" and _token_before(text, i) in BANG_NAMES:
            return False  # "Yahoo! cho biết", "Yahoo! Nhật Bản"
        return True
    # No space after the terminator: a glued paragraph ("đi.Ý kiến", "%.Theo", ").Viết", '."Chỉ'),
    # "?- Ông …" dialogue, or an abbreviation / number / URL ("TP.HCM", "1.2.2022", "vnexpress.net").
    if nxt in "-–" and text[end + 1 : end + 2] == " " and is_upper_start(text[end + 2 : end + 3] or "x"):
        return True
    if nxt in '"“' and end + 1 < n and (is_upper_start(text[end + 1]) or text[end + 1].isdigit()):
        return True
    if not is_upper_start(nxt):
        return False
    if term == "!" and _token_before(text, i) in BANG_NAMES:
        return False
    if term in ("!", "?", "…", "...") or term.endswith(("!", "?")):
        return True
    if term != "." and term != "./.":
        return True
    word = _word_at(text, end)
    if not word:
        return False
    before = text[i - 1] if i > 0 else ""
    token = _token_before(text, i)
    if not before or before.isspace():
        return False
    if _abbreviation(token) or _URLISH.search(token + text[end : end + 20].split(" ")[0]):
        return False
    rest = word[1:]
    caps_pair = len(token) == 2 and token.isupper() and word.isupper() and len(word) >= 2  # "quay MV.MV …"
    if (_INITIALS.match(token) or (len(token) <= 2 and token.isupper()) or token in NAME_INITIALS) and not caps_pair:
        # "Đ.Hà", "N.T.Phúc", "H.Triệu Phong"; but "độ C.Người Hà Nội": a letter after a lower-case word
        head = text[max(0, i - len(token) - 80) : i - len(token)].rstrip()
        prev_word = head.rsplit(None, 1)[-1] if head else ""
        if not (len(token) == 1 and prev_word[:1].islower() and i - len(token) > 0 and text[i - len(token) - 1] == " "):
            return False
    before_ok = is_lower(before) or before.isdigit() or before in "%)\"”’'»"
    if rest and not rest.islower():
        # "TP.HCM", "Q.BT": an all-caps word after the period; a split only after a lower-case word
        # or an all-caps word that is no abbreviation ("quay MV.MV \"Trót yêu\"…", "năm 2019.TP")
        after_caps = (is_lower(before) or (token.isupper() and len(token) >= 2)) and word.isupper() and len(word) >= 2
        return after_caps and text[end + len(word) : end + len(word) + 1] == " "
    if not rest:
        # one letter: "đi.Ý kiến", 'đẹp".Ở tuổi' (a Vietnamese one-letter word), not "Q.1" / "U.S"
        return before_ok and text[end + 1 : end + 2] == " " and word not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return before_ok or before.isalpha()
