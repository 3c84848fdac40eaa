"""Clean Vietnamese text and find its structure: title, lead, body, captions, byline, sentences.

Pure Python on purpose: it runs before any model is loaded, it is what the
key-point selector works on, and it must be fast and predictable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- cleaning

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_DROP_TABLE = {ord(c): None for c in _ZERO_WIDTH + _BIDI}
_DROP_TABLE.update({cp: None for cp in range(0x00, 0x20) if cp not in (0x0A,)})
_DROP_TABLE.update({cp: None for cp in range(0x7F, 0xA0)})
_DROP_TABLE.update({ord(c): " " for c in _SPACES})

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old-style ("hòa", "khỏe", "thủy") tone placement for open syllables oa / oe / uy.
# "qu" + y keeps its mark on y ("quý") in every convention, hence the look-behind.
_TONE_OA_OE = re.compile(rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![\w\u0300-\u036f])")
_TONE_UY = re.compile(rf"(?<![qQgG])([uU])([yY])([{_TONES}])(?![\w\u0300-\u036f])")
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


#: Vietnamese function syllables: they say little about what a sentence is about (key points),
#: and make up a large share of any Vietnamese text (language detection).
STOPWORDS = frozenset(
    """và của là có các được cho trong với những này đã không một để theo từ khi về đến tại như
    thì cũng lại ra vào trên dưới sau trước nhiều nhưng nên vì do bị đó đây mà rằng sẽ đang còn
    rất hơn nữa chỉ mới cả hay hoặc nếu người ông bà anh chị em họ chúng tôi ta mình này kia ấy
    việc nhằm qua tới làm năm ngày tháng""".split()
)


# --------------------------------------------------------------------------- sentences

#: Abbreviations that take a period and are not the end of a sentence.
ABBREVIATIONS = frozenset(
    """TP Tp tp PGS GS TS ThS Th.S Ths BS BSCKI BSCKII ThS.BS PGS.TS GS.TS TS.BS KS CN Q P TX TT
    NXB St Mr Mrs Ms Dr Prof No Nr tr Tr vs v.v v/v ca. Co Ltd Inc Jr Sr Đ.c Đ/c""".split()
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
    if nxt in "-–" and text[end + 1:end + 2] == " " and _is_upper_start(text[end + 2:end + 3] or "x"):
        return True
    if term in ("!", "?") and _is_upper_start(nxt):
        return True
    if term != "." or not _is_upper_start(nxt):
        return False
    if end + 1 < len(text) and not text[end + 1].islower():
        return False  # "TP.HCM", "Q.BT"
    if start == 0 or not (text[start - 1].islower() or text[start - 1].isdigit()):
        return False
    if token in ABBREVIATIONS or _URLISH.search(token + text[end:end + 20].split(" ")[0]):
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
_CREDIT_STOP = frozenset("Theo Trong Ông Bà Anh Chị Sáng Chiều Tối Trưa Ngày Tại Các Những Khi Sau Trước Hôm Đây Người".split())


def _credit_end(text: str, start: int, paren: bool) -> int | None:
    """Where the sentence after a photo credit starting at ``start`` begins, or None."""
    if paren:
        close = text.find(")", start, start + 80)
        if close < 0:
            return None
        rest = text[close + 1:]
        return close + 1 + (len(rest) - len(rest.lstrip())) if rest.strip() and _is_upper_start(rest.lstrip()[0]) else None
    for camel in _CAMEL.finditer(text, start, min(len(text), start + 50)):
        left = text[:camel.end()].rsplit(None, 1)[-1]
        if len(left) >= 3:  # "cấpĐạo", "VănÔng"; not brands such as "VnExpress", "iPhone"
            return camel.end()
    caps: list[re.Match[str]] = []
    for tok in re.finditer(r"\S+", text[start:]):
        word = tok.group(0)
        if not _is_upper_start(word[0]) and not word[0].isdigit():
            break
        if caps and word.strip("“\"") in _CREDIT_STOP:
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


# --------------------------------------------------------------------------- structure

TITLE = "title"
LEAD = "lead"
BODY = "body"
CAPTION = "caption"
BYLINE = "byline"
BOILERPLATE = "boilerplate"

_CAPTION_START = re.compile(r"^\(?\s*(?:Ảnh|Hình|Hình ảnh|Nguồn ảnh|Video|Clip|Đồ họa|Infographic)\s*(?:minh họa)?\s*[:：]", re.IGNORECASE)
_CAPTION_TAIL = re.compile(r"(?:\s[-–—]\s*|\s*\()\s*(?:Ảnh|Nguồn|Video|Đồ họa)\s*:\s*[^.!?]{1,60}\)?\s*$")
_CREDIT_ONLY = re.compile(r"^\(?\s*(?:Ảnh|Video|Clip|Nguồn ảnh|Đồ họa)\s*(?P<illustration>minh họa)?\s*:?\s*[^.!?]{0,60}\)?\.?$")
_AGENCY_TAG = re.compile(r"^(?:\([^()\n]{2,30}\)|[A-ZĐ][\w.]{1,15}(?:\.[A-Za-z]{2,3})?)\s*[-–—]+\s+(?=\S)")
_BYLINE = re.compile(
    r"^\(?\s*(?:Theo|Nguồn|Bài|Tin|Bài và ảnh|Nhóm PV|PV|BTV|CTV)\b[^.!?]{0,60}\)?\.?$|^[A-ZĐ][^\d.!?:;,]{0,45}$"
)
_BOILERPLATE_START = re.compile(
    r"^(?:Trang chủ|Đăng nhập|Đăng ký|Đăng xuất|Chia sẻ|Bình luận|Tin liên quan|Bài liên quan|Tin cùng chuyên mục|"
    r"Xem thêm|Đọc thêm|Tags?|Từ khóa|Quảng cáo|Liên hệ|Bản quyền|Copyright|Hotline|E-?mail|Theo dõi|Tải ứng dụng|"
    r"In bài|Gửi bài|Lượt xem|Chuyên mục|Menu|Tìm kiếm|Video nổi bật|Đọc nhiều|Mới nhất)\b",
    re.IGNORECASE,
)
_NAV_SEPARATORS = re.compile(r"\s[|›»•/·]\s")
_FINAL_PUNCT = ".!?…:;\"”’)»"


@dataclass(frozen=True)
class Paragraph:
    """One non-empty block of the cleaned input (usually one line)."""

    index: int
    line: int
    kind: str
    text: str
    sentences: tuple[str, ...]


@dataclass
class Article:
    """The cleaned article: every paragraph in order, each with its kind and sentences."""

    paragraphs: list[Paragraph]
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return next((p.text for p in self.paragraphs if p.kind == TITLE), None)

    @property
    def body(self) -> list[Paragraph]:
        """Lead and body paragraphs: what is summarised and where key points come from."""
        return [p for p in self.paragraphs if p.kind in (LEAD, BODY)]

    def body_sentences(self) -> list[tuple[int, int, str]]:
        """(paragraph index, sentence index, sentence) for every body sentence."""
        return [(p.index, j, s) for p in self.body for j, s in enumerate(p.sentences)]

    def body_text(self) -> str:
        return "\n".join(p.text for p in self.body)


def _looks_like_title(line: str, rest: list[str]) -> bool:
    """A short first line without a final period, followed by the article (two lines, or one long one)."""
    followed = len(rest) >= 2 or (len(rest) == 1 and len(rest[0]) > max(200, 2 * len(line)))
    ends_open = line[-1] not in ".;:," or line.endswith(("...", "…"))  # headlines cut off with "..."
    return followed and 0 < len(line) <= 250 and ends_open and len(split_sentences(line)) <= 2


def _looks_like_caption(line: str) -> bool:
    if _CAPTION_START.match(line) or _CAPTION_TAIL.search(line):
        return True
    words = line.split()
    return len(line) <= 160 and len(words) <= 28 and line[-1] not in _FINAL_PUNCT and len(split_sentences(line)) == 1


def _looks_like_boilerplate(line: str) -> bool:
    """Menus, share/login prompts, related-link headers, copyright lines."""
    if "©" in line and len(line) < 200:
        return True
    if _BOILERPLATE_START.match(line) and (len(line) < 120 or line.count("|") >= 2):
        return True
    items = _NAV_SEPARATORS.split(line)
    return len(items) >= 4 and max(len(i) for i in items) <= 40


def _looks_like_byline(line: str) -> bool:
    return len(line) <= 70 and len(line.split()) <= 8 and bool(_BYLINE.match(line))


def strip_agency_tag(text: str) -> str:
    """Drop a leading news-agency tag such as "TTO -", "(Dân trí) -", "VOV.VN -"."""
    m = _AGENCY_TAG.match(text)
    if m is None:
        return text
    after = text[m.end():m.end() + 1]
    return text[m.end():] if after and (_is_upper_start(after) or after in "“\"") else text


def body_sentences(paragraph: str) -> tuple[list[str], int]:
    """The paragraph's real sentences, and how many caption pieces were taken out of it.

    Crawled pages glue photo captions into the text: "<caption> - Ảnh: AFP",
    "<caption> (Ảnh: Reuters)", or "<caption>. Ảnh: Pexel", where the caption is
    the sentence before the credit.
    """
    out: list[str] = []
    dropped = 0
    for s in split_sentences(paragraph):
        credit = _CREDIT_ONLY.match(s)
        if credit:
            dropped += 1
            if out and not credit.group("illustration") and len(out[-1]) <= 300:
                out.pop()
                dropped += 1
            continue
        if _CAPTION_TAIL.search(s):
            dropped += 1
            continue
        out.append(s)
    return out, dropped


def parse_article(text: str) -> Article:
    """Clean ``text`` and label each paragraph title / lead / body / caption / byline."""
    cleaned = clean_text(text)
    raw: list[tuple[int, str]] = [(n + 1, line) for n, line in enumerate(cleaned.split("\n")) if line.strip()]
    paragraphs: list[Paragraph] = []
    notes: list[str] = []
    total = len(raw)
    seen_body = False
    for pos, (line_no, line) in enumerate(raw):
        kind = BODY
        is_last = pos == total - 1
        if _looks_like_boilerplate(line):
            kind = BOILERPLATE
        elif pos == 0 and _looks_like_title(line, [r for _, r in raw[1:]]):
            kind = TITLE
        elif is_last and seen_body and _looks_like_byline(line):
            kind = BYLINE
        elif seen_body and not is_last and _looks_like_caption(line) or _CAPTION_START.match(line):
            kind = CAPTION
        elif not seen_body and total > 1 and pos <= 2 and _looks_like_caption(line) and not _is_sentence_like(line):
            kind = CAPTION
        if kind == BODY:
            stripped = strip_agency_tag(line) if not seen_body else line
            if stripped != line:
                notes.append(f"dropped agency tag {line[: len(line) - len(stripped)].strip()!r}")
            line = stripped
            sentences, dropped = body_sentences(line)
            if dropped and sentences:
                notes.append(f"dropped {dropped} photo caption piece(s) from paragraph {len(paragraphs)}")
            if not sentences:
                kind = CAPTION
                paragraphs.append(Paragraph(len(paragraphs), line_no, kind, line, tuple(split_sentences(line))))
                continue
            kind = LEAD if not seen_body else BODY
            seen_body = True
            paragraphs.append(Paragraph(len(paragraphs), line_no, kind, " ".join(sentences), tuple(sentences)))
            continue
        paragraphs.append(Paragraph(len(paragraphs), line_no, kind, line, tuple(split_sentences(line))))
    skipped = sum(p.kind == BOILERPLATE for p in paragraphs)
    if skipped:
        notes.append(f"ignored {skipped} line(s) of page furniture (menus, share and login prompts, copyright)")
    return Article(paragraphs, notes)


def _is_sentence_like(line: str) -> bool:
    return line[-1] in ".!?…\"”" or len(line) > 160
