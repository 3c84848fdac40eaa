"""Split a Vietnamese paragraph into sentences; photo credits glued into running text come out as their own pieces."""

from __future__ import annotations

import re

#: Abbreviations that take a period and are not the end of a sentence.
ABBREVIATIONS = frozenset(
    [
        "TP",
        "Tp",
        "tp",
        "PGS",
        "GS",
        "TS",
        "ThS",
        "Th.S",
        "Ths",
        "BS",
        "BSCKI",
        "BSCKII",
        "ThS.BS",
        "PGS.TS",
        "GS.TS",
        "TS.BS",
        "KS",
        "CN",
        "Q",
        "P",
        "TX",
        "TT",
        "NXB",
        "St",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "No",
        "Nr",
        "tr",
        "Tr",
        "vs",
        "v.v",
        "v/v",
        "ca.",
        "Co",
        "Ltd",
        "Inc",
        "Jr",
        "Sr",
        "Đ.c",
        "Đ/c",
    ]
)
_WORD_CHAR = r"0-9A-Za-zÀ-ỹĐđ"
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_IS_UPPER = re.compile(f"[{_UPPER}]")
_TERMINATOR = re.compile(r"\.{2,}|[.!?…]+")
_CLOSERS = "\"”’')]»"
_OPENERS = "\"“‘'([«"
_URLISH = re.compile(r"(?:https?://|www\.|@)\S*$|\S+\.(?:com|vn|net|org|gov|edu)\S*$", re.IGNORECASE)


def _token_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _is_upper_start(ch: str) -> bool:
    return bool(_IS_UPPER.match(ch))


def _quote_spans_balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _boundary_after(text: str, start: int, end: int, term: str) -> bool:
    """Is the terminator text[start:end] (closers already included in end) a sentence end?"""
    if end >= len(text):
        return True
    nxt = text[end]
    token = _token_before(text, start)
    if nxt.isspace():
        rest = text[end:].lstrip()
        if not rest:
            return True
        first = rest[0]
        if term == ".":
            if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
                return False
            if len(token) == 1 and ("A" <= token <= "Z" or token == "Đ"):
                prev = _token_before(text, start - 1 - len(token)) if start - 1 - len(token) > 0 else ""
                if prev[:1] and _is_upper_start(prev[:1]):
                    return False  # an initial in a name: "Trần Văn B. cho biết"
        if _is_upper_start(first) or first in "“\"'‘«-–—" or first.isdigit():
            return True
        if first == "(" and re.match(r"\((?:Ảnh|Video|Nguồn|Theo)\b", rest):
            return True
        return False
    # No space after the terminator: only "năm trước.Giá"-style glued sentences and "?- Ông ..." dialogue.
    if nxt in "-–" and text[end + 1 : end + 2] == " " and _is_upper_start(text[end + 2 : end + 3] or "x"):
        return True
    if term in ("!", "?") and _is_upper_start(nxt):
        return True
    if term != "." or not _is_upper_start(nxt):
        return False
    if end + 1 < len(text) and not text[end + 1].islower():
        return False  # "TP.HCM", "Q.BT"
    if start == 0 or not (text[start - 1].islower() or text[start - 1].isdigit()):
        return False
    if token in ABBREVIATIONS or _URLISH.search(token + text[end : end + 20].split(" ")[0]):
        return False
    word = re.match(rf"[{_WORD_CHAR}]+", text[end:])
    return bool(word and len(word.group(0)) >= 2)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, Vietnamese conventions included.

    Abbreviations (TP.HCM, PGS.TS., Q.1), numbers (5,66%, 1.234,5), dates, initials,
    URLs, quotes (a quoted sentence keeps its closing quote; a quotation that
    opens mid-sentence stays in that sentence), a missing space after a period
    ("trước.Giá"), dialogue dashes and photo credits glued into the text
    ("- Ảnh: AFP Theo ...", "(Ảnh: Reuters) Thỏa thuận", "Ảnh: Đình VănÔng") are handled.
    """
    return [piece for s in _split_on_punctuation(paragraph) for piece in _split_credits(s)]


def _split_on_punctuation(paragraph: str) -> list[str]:
    text = paragraph.strip()
    if not text:
        return []
    track_quotes = _quote_spans_balanced(text)
    sentences: list[str] = []
    start = 0
    depth = 0
    straight_open = False
    opened_at = -1  # where the outermost open quotation began
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if track_quotes:
            was_open = depth > 0 or straight_open
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
            elif ch == '"':
                straight_open = not straight_open
            if not was_open and (depth > 0 or straight_open):
                opened_at = i
        if ch in ".!?…":
            m = _TERMINATOR.match(text, i)
            assert m is not None
            term = m.group(0)
            end = m.end()
            while end < n and text[end] in _CLOSERS:
                if text[end] == "”":
                    depth = max(0, depth - 1)
                elif text[end] == '"' and track_quotes:
                    if not straight_open:
                        break
                    straight_open = False
                end += 1
            inside = track_quotes and (depth > 0 or straight_open) and bool(text[start:opened_at].strip())
            if not inside and _boundary_after(text, i, end, term if len(term) == 1 else "…"):
                sentence = text[start:end].strip()
                if sentence:
                    sentences.append(sentence)
                start = end
            i = end
            continue
        i += 1
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


_CREDIT_MARK = re.compile(r"(?:(?<=\s)[-–—]\s*|\(\s*)?(?<!\w)(?:Ảnh|Video|Clip|Nguồn ảnh|Đồ họa)\s*:\s*")
_CAMEL = re.compile(f"[a-zà-ỹđ](?=[{_UPPER}][a-zà-ỹđ])")
#: Sentence-starting words that cannot be part of a photo credit ("- Ảnh: AFP Theo ...").
_CREDIT_STOP = frozenset(
    [
        "Theo",
        "Trong",
        "Ông",
        "Bà",
        "Anh",
        "Chị",
        "Sáng",
        "Chiều",
        "Tối",
        "Trưa",
        "Ngày",
        "Tại",
        "Các",
        "Những",
        "Khi",
        "Sau",
        "Trước",
        "Hôm",
        "Đây",
        "Người",
    ]
)


def _credit_end(text: str, start: int, paren: bool) -> int | None:
    """Where the sentence after a photo credit starting at ``start`` begins, or None."""
    if paren:
        close = text.find(")", start, start + 80)
        if close < 0:
            return None
        rest = text[close + 1 :]
        return close + 1 + (len(rest) - len(rest.lstrip())) if rest.strip() and _is_upper_start(rest.lstrip()[0]) else None
    for camel in _CAMEL.finditer(text, start, min(len(text), start + 50)):
        left = text[: camel.end()].rsplit(None, 1)[-1]
        if len(left) >= 3:  # "cấpĐạo", "VănÔng"; not brands such as "VnExpress", "iPhone"
            return camel.end()
    caps: list[re.Match[str]] = []
    for tok in re.finditer(r"\S+", text[start:]):
        word = tok.group(0)
        if not _is_upper_start(word[0]) and not word[0].isdigit():
            break
        if caps and word.strip('“"') in _CREDIT_STOP:
            return start + tok.start()
        caps.append(tok)
        if len(caps) > 4:
            return None
    else:
        return None
    if len(caps) < 2:
        return None
    return start + caps[-1].start()


def _split_credits(sentence: str) -> list[str]:
    """Split a photo caption and its credit off the sentence glued after it."""
    pieces: list[str] = []
    pos = 0
    for m in _CREDIT_MARK.finditer(sentence):
        if m.start() < pos:
            continue
        cut = _credit_end(sentence, m.end(), paren=m.group(0).lstrip().startswith("("))
        if cut is None or cut >= len(sentence):
            continue
        head = sentence[pos:cut].strip()
        if head:
            pieces.append(head)
        pos = cut
    tail = sentence[pos:].strip()
    if tail:
        pieces.append(tail)
    return pieces
