"""The structure of an article: title, lead, body, captions, byline, boilerplate, each paragraph's sentences.

Pure Python on purpose: it runs before any model is loaded, it is what the
key-point selector works on, and it must be fast and predictable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnsum.text.clean import clean_text
from vnsum.text.sentences import _is_upper_start, split_sentences

TITLE = "title"
LEAD = "lead"
BODY = "body"
CAPTION = "caption"
BYLINE = "byline"
BOILERPLATE = "boilerplate"

_CAPTION_START = re.compile(
    r"^\(?\s*(?:Ảnh|Hình|Hình ảnh|Nguồn ảnh|Video|Clip|Đồ họa|Infographic)\s*(?:minh họa)?\s*[:：]", re.IGNORECASE
)
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
_FINAL_PUNCT = '.!?…:;"”’)»'


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

    def lines(self) -> dict[int, int]:
        """Paragraph index -> 1-based line of the cleaned text (where a key point comes from)."""
        return {p.index: p.line for p in self.paragraphs}

    def prose(self) -> str:
        """Every paragraph that is not page furniture: what the language check reads."""
        return "\n".join(p.text for p in self.paragraphs if p.kind != BOILERPLATE)

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
    after = text[m.end() : m.end() + 1]
    return text[m.end() :] if after and (_is_upper_start(after) or after in '“"') else text


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
        elif (
            (seen_body and not is_last and _looks_like_caption(line))
            or _CAPTION_START.match(line)
            or (not seen_body and total > 1 and pos <= 2 and _looks_like_caption(line) and not _is_sentence_like(line))
        ):
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
    return line[-1] in '.!?…"”' or len(line) > 160
