"""The structure of an article: title, lead, body, and what is not body (captions, credits, bylines,
source lines, related links, page furniture, sub-headings, agency tags), each paragraph's sentences.

Pure Python on purpose: it runs before any model is loaded, it is what the key-point selector
works on, and it must be fast and predictable. A paragraph is one line of the cleaned input;
what is inside a line is found by ``vnsum.text.segment``, so a caption glued into running text
is left out of the body while the sentences around it stay. ``Paragraph.pieces`` keeps every
piece of the line in order, body and not, so a reader (``vnsum read``) can see what was dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from vnsum.text.captions import MAX_WORDS, UNSURE, Neighbourhood, caption_score
from vnsum.text.clean import clean_text
from vnsum.text.kinds import (
    AGENCY_TAG,
    BODY,
    BODY_KINDS,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    LEAD,
    PAGE_KINDS,
    RELATED_LINKS,
    SOURCE_LINE,
    SUBHEADING,
    TITLE,
)
from vnsum.text.lexicon import (
    AGENCY_TAG_RE,
    LINK_LABEL_RE,
    MID_AGENCY_TAG_RE,
    PHOTO_WORDS,
    REPORTING,
    TIME_START,
    is_upper_start,
)
from vnsum.text.segment import glued_heading_end, segment_line
from vnsum.text.sentences import sentence_spans

__all__ = [
    "AGENCY_TAG",
    "BODY",
    "BOILERPLATE",
    "BYLINE",
    "CAPTION",
    "CREDIT",
    "FURNITURE",
    "LEAD",
    "RELATED_LINKS",
    "SOURCE_LINE",
    "SUBHEADING",
    "TITLE",
    "Article",
    "Paragraph",
    "parse_article",
    "strip_agency_tag",
]

_BOILERPLATE_START = re.compile(
    r"^(?:Trang chủ|Đăng nhập|Đăng ký|Đăng xuất|Chia sẻ|Bình luận|Tin cùng chuyên mục|Tags?|Từ khóa|Quảng cáo|"
    r"Liên hệ|Bản quyền|Copyright|Hotline|E-?mail|Theo dõi|Tải ứng dụng|In bài|Gửi bài|Lượt xem|Chuyên mục|Menu|"
    r"Tìm kiếm|Video nổi bật|Đọc nhiều|Mới nhất|Xem nhiều|Tin nóng)\b",
    re.IGNORECASE,
)
_NAV_SEPARATORS = re.compile(r"\s[|›»•/·]\s")
_WORD = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+")


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the cleaned input.

    ``kind`` is what the line is as a whole (lead or body when it has body sentences);
    ``sentences`` are its body sentences only; ``pieces`` is every piece of the line in order
    as (kind, text), body sentences included (kind lead / body), so nothing is lost;
    ``text`` is the body text for lead and body paragraphs, the whole line otherwise.
    """

    index: int
    line: int
    kind: str
    text: str
    sentences: tuple[str, ...]
    pieces: tuple[tuple[str, str], ...] = ()
    #: Why each piece got its kind (parallel to ``pieces``): a rule's name, or the caption model's score.
    why: tuple[str, ...] = ()
    #: The caption model's probability that this paragraph is not body (None: not a candidate).
    caption_score: float | None = None

    @property
    def unsure(self) -> bool:
        """Kept as body, but the caption model is not sure it is (such a paragraph is no key point)."""
        return self.caption_score is not None and self.caption_score >= UNSURE and self.kind in BODY_KINDS


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
        return [p for p in self.paragraphs if p.kind in BODY_KINDS and p.sentences]

    def body_sentences(self) -> list[tuple[int, int, str]]:
        """(paragraph index, sentence index, sentence) for every body sentence."""
        return [(p.index, j, s) for p in self.body for j, s in enumerate(p.sentences)]

    def lines(self) -> dict[int, int]:
        """Paragraph index -> 1-based line of the cleaned text (where a key point comes from)."""
        return {p.index: p.line for p in self.paragraphs}

    def prose(self) -> str:
        """Every piece that is not page furniture or a related-link block: what the language check reads."""
        out = []
        for p in self.paragraphs:
            pieces = p.pieces or ((p.kind, p.text),)
            kept = [t for k, t in pieces if k not in PAGE_KINDS]
            if kept:
                out.append(" ".join(kept))
        return "\n".join(out)

    def body_text(self) -> str:
        return "\n".join(p.text for p in self.body)

    def dropped(self) -> list[tuple[int, str, str]]:
        """(line, kind, text) of every piece that is not title or body, in order."""
        return [(p.line, k, t) for p in self.paragraphs for k, t in p.pieces if k not in BODY_KINDS and k != TITLE]


def _looks_like_title(line: str, rest: list[str]) -> bool:
    """A short first line without a final period, followed by the article (two lines, or one long one)."""
    followed = len(rest) >= 2 or (len(rest) == 1 and len(rest[0]) > max(40, len(line)) and len(line.split()) <= 30)
    ends_open = line[-1] not in ".;:," or line.endswith(("...", "…"))  # headlines cut off with "..."
    return followed and 0 < len(line) <= 250 and ends_open and len(sentence_spans(line)) <= 2


def _looks_like_boilerplate(line: str) -> bool:
    """Menus, share/login prompts, copyright lines (a whole line)."""
    if ("©" in line or "®" in line) and len(line) < 200:
        return True
    m = _BOILERPLATE_START.match(line)
    if m and (len(line.split()) <= 6 or line.count("|") >= 2 or line[m.end() :].lstrip().startswith(":")):
        # "Chia sẻ về dự định trong tương lai, Quang cho biết: …" is a sentence, not a share button
        rest = line[m.end() :].lstrip(" :")
        if len(line.split()) <= 6 or line.count("|") >= 2 or len(rest.split()) <= 8:
            return True
    items = _NAV_SEPARATORS.split(line)
    return len(items) >= 4 and max(len(i) for i in items) <= 40


def strip_agency_tag(text: str) -> str:
    """Drop a leading news-agency tag such as "TTO -", "(Dân trí) -", "VOV.VN -"."""
    m = AGENCY_TAG_RE.match(text)
    if m is None:
        return text
    after = text[m.end() : m.end() + 1]
    return text[m.end() :] if after and (is_upper_start(after) or after in '“"') else text


def _content(text: str) -> set[str]:
    from vnsum.text.lang import STOPWORDS

    return {w for w in (t.lower() for t in _WORD.findall(text)) if w not in STOPWORDS and not w.isdigit()}


def _caption_first_line(sentence: str, later: list[str]) -> bool:
    """Is the first line after the title a photo caption written as a sentence ("Cơ quan chức năng
    TP Vũng Tàu tịch thu phương tiện lấn chiếm vỉa hè.")? Short, no reporting verb or tense word,
    no time phrase in front, and a photo word or a later sentence that says the same."""
    words = sentence.split()
    if not (4 <= len(words) <= 25) or not sentence.rstrip().endswith(".") or len(sentence_spans(sentence)) != 1:
        return False
    if REPORTING.search(sentence) or TIME_START.match(sentence) or '"' in sentence or "“" in sentence:
        return False
    if PHOTO_WORDS.search(sentence):
        return True
    mine = _content(sentence)
    if len(mine) < 4:
        return False
    return any(len(mine & _content(s)) / len(mine) >= 0.6 for s in later)


@dataclass
class _Reading:
    """The rules' reading of the cleaned lines: a kind per whole line, or the pieces of each line."""

    raw: list[tuple[int, str]]
    kinds: list[str | None]
    pieces: list[list[tuple[str, int, int]] | None]
    why: list[list[str]]


def _rules(cleaned: str) -> _Reading:
    raw: list[tuple[int, str]] = [(n + 1, line) for n, line in enumerate(cleaned.split("\n")) if line.strip()]
    total = len(raw)
    lone = total >= 3
    kinds: list[str | None] = [None] * total
    for pos, (_, line) in enumerate(raw):
        if _looks_like_boilerplate(line):
            kinds[pos] = FURNITURE
        elif pos == 0 and _looks_like_title(line, [r for _, r in raw[1:]]):
            kinds[pos] = TITLE
        elif LINK_LABEL_RE.match(line) and len(line.split()) <= 4:
            kinds[pos] = RELATED_LINKS
        elif (
            pos > 0 and kinds[pos - 1] is None and " ".join(line.split()) == " ".join(raw[pos - 1][1].split()) and len(line) >= 25
        ):
            kinds[pos] = CAPTION  # a photo block repeated line for line
    pieces: list[list[tuple[str, int, int]] | None] = [None] * total
    why: list[list[str]] = [[] for _ in range(total)]
    first_done = False
    for pos, (_, line) in enumerate(raw):
        if kinds[pos] is not None:
            continue
        found = segment_line(line, first=not first_done, last=pos == total - 1, lone=lone, why=why[pos])
        pieces[pos] = found
        if any(k == BODY for k, _, _ in found):
            first_done = True
    # the end of the article: bylines, source lines, widgets (up to three lines back)
    for pos in range(total - 1, max(-1, total - 4), -1):
        if kinds[pos] is not None:
            continue
        if pos < total - 1:
            line = raw[pos][1]
            first_here = not any(any(k == BODY for k, _, _ in (pieces[q] or [])) for q in range(pos))
            why[pos] = []
            pieces[pos] = segment_line(line, first=first_here, last=True, lone=lone, why=why[pos])
        if any(k == BODY for k, _, _ in pieces[pos] or []):
            break
    _related_stories(raw, pieces, why)
    # a photo caption written as a sentence right after the title (VietNews)
    body_lines = [pos for pos in range(total) if any(k == BODY for k, _, _ in pieces[pos] or [])]
    if lone and len(body_lines) >= 4:
        pos = body_lines[0]
        ps = pieces[pos]
        if (pos == 0 or (pos == 1 and kinds[0] == TITLE)) and ps is not None and len(ps) == 1:
            later = [raw[q][1] for q in body_lines[1:]]
            if _caption_first_line(raw[pos][1], later):
                pieces[pos] = [(CAPTION, ps[0][1], ps[0][2])]
                why[pos] = ["caption sentence after the title"]
    _glued_headings(raw, pieces, why, lone)
    return _Reading(raw, kinds, pieces, why)


#: A related story's headline runs at most this many words before its outlet's tag.
_RELATED_HEADLINE_WORDS = 30


def _related_story_line(line: str) -> bool:
    """ "Lũ quét ở miền núi, ba xã bị cô lập TTO - Hàng trăm hộ dân …": a headline (one sentence
    with no final punctuation, from the start of the line) then an outlet's dateline tag."""
    head = line[:320]
    if "- " not in head and "– " not in head and "— " not in head:
        return False  # the cheap test first: few lines have a dash near their start
    m = MID_AGENCY_TAG_RE.search(line, 0, 320)
    if m is None or not is_upper_start(line.lstrip()[:1] or "x"):
        return False
    head = line[: m.start()].strip()
    return 4 <= len(head.split()) <= _RELATED_HEADLINE_WORDS and len(sentence_spans(head)) == 1


def _related_stories(raw: list[tuple[int, str]], pieces: list[list[tuple[str, int, int]] | None], why: list[list[str]]) -> None:
    """Other stories appended after the body, each a headline, an outlet's tag and its lead: the line
    is a related-links block, and so is the rest of the article when only its lead's lines follow."""
    seen_body = False
    for pos, (_, line) in enumerate(raw):
        ps = pieces[pos]
        if ps is None:
            continue
        if seen_body and _related_story_line(line):
            rest = [q for q in range(pos + 1, len(raw)) if pieces[q] is not None]
            block = [pos, *rest] if len(rest) <= 3 else [pos]
            for q in block:
                text = raw[q][1]
                start = len(text) - len(text.lstrip())
                pieces[q] = [(RELATED_LINKS, start, len(text.rstrip()))]
                why[q] = ["another story appended: headline and outlet tag"]
            if len(block) > 1:
                return
            continue
        seen_body = seen_body or any(k == BODY for k, _, _ in ps)


def _glued_headings(
    raw: list[tuple[int, str]], pieces: list[list[tuple[str, int, int]] | None], why: list[list[str]], lone: bool
) -> None:
    """Headings glued without punctuation to the front of the sentence after them: cut out when at
    least two sentences of the article start that way (one could be a name after a verb)."""

    def find(loose: bool) -> list[tuple[int, int, int]]:
        out = []
        for pos, (_, line) in enumerate(raw):
            for n, (k, s, e) in enumerate(pieces[pos] or []):
                if k == BODY:
                    cut = glued_heading_end(line[s:e], loose=loose)
                    if cut is not None:
                        out.append((pos, n, s + cut))
        return out

    found = find(loose=False)
    if len(found) < 2:
        return
    # an article that glues its headings so does it for all of them: the looser shape counts too
    found = find(loose=True)
    for pos, n, cut in reversed(found):
        ps = pieces[pos]
        assert ps is not None
        _, s, e = ps[n]
        head_end = len(raw[pos][1][:cut].rstrip())
        pieces[pos] = [*ps[:n], (SUBHEADING, s, head_end), (BODY, cut, e), *ps[n + 1 :]]
        old = why[pos] if len(why[pos]) == len(ps) else [""] * len(ps)
        why[pos] = [*old[:n], "heading glued to a sentence (two or more in the article)", old[n], *old[n + 1 :]]


def _candidates(r: _Reading) -> list[tuple[int, str, Neighbourhood, str]]:
    """(line position, text, neighbourhood, the rules' kind) of every short paragraph of its own that
    the caption model decides: one piece (body, caption or heading) of at most MAX_WORDS words."""
    total = len(r.raw)
    if total < 3:
        return []
    has_body = [any(k == BODY for k, _, _ in (ps or [])) for ps in r.pieces]
    title = r.raw[0][1] if r.kinds[0] == TITLE else ""
    first_body = next((pos for pos in range(total) if has_body[pos]), -1)
    out = []
    for pos, (_, line) in enumerate(r.raw):
        ps = r.pieces[pos]
        if r.kinds[pos] is not None or ps is None or len(ps) != 1 or ps[0][0] not in (BODY, CAPTION, SUBHEADING):
            continue
        if len(line.split(maxsplit=MAX_WORDS)) > MAX_WORDS:
            continue  # maxsplit: a long line costs no more than a short one
        text = line.strip()
        prev = r.raw[pos - 1][1] if pos > 0 and r.kinds[pos - 1] != TITLE else ""
        nxt = r.raw[pos + 1][1] if pos + 1 < total else ""
        around = Neighbourhood(
            title=title,
            prev=prev,
            next=nxt,
            prev_body=pos > 0 and has_body[pos - 1],
            next_body=pos + 1 < total and has_body[pos + 1],
            first_body=pos == first_body or (first_body < 0 and pos == 1),
            position=pos / total,
            last=pos == total - 1,
        )
        out.append((pos, text, around, str(ps[0][0])))
    return out


def caption_candidates(text: str) -> list[tuple[str, Neighbourhood, str]]:
    """What the caption model sees in ``text``: (paragraph, neighbourhood, the rules' kind) of each
    candidate (``benchmarks/train_captions.py`` fits the model on these)."""
    return [(t, a, k) for _, t, a, k in _candidates(_rules(clean_text(text)))]


_LINE_RULE: dict[str, str] = {
    FURNITURE: "page furniture",
    TITLE: "first short line",
    RELATED_LINKS: "related-links label",
    CAPTION: "photo block repeated",
}


def parse_article(text: str) -> Article:
    """Clean ``text`` and label each paragraph, and each piece inside it, with its kind."""
    r = _rules(clean_text(text))
    raw, kinds, pieces, why = r.raw, r.kinds, r.pieces, r.why
    scores: dict[int, float] = {}
    for pos, t, around, rule_kind in _candidates(r):
        # The rules decide the kind: on the fitting part's cross-validation the model found no caption
        # they miss (benchmarks/train_captions.py). Its score says how sure the front end is that a
        # paragraph kept as body is body: from UNSURE up, such a paragraph is no key point.
        score = caption_score(t, around, rule_kind)
        scores[pos] = score
        why[pos] = [f"{why[pos][0] if why[pos] else 'rules'}; caption model {score:.2f}"]
    paragraphs: list[Paragraph] = []
    counts: Counter[str] = Counter()
    notes: list[str] = []
    seen_body = False
    for pos, (line_no, line) in enumerate(raw):
        index = len(paragraphs)
        line_kind = kinds[pos]
        if line_kind is not None:
            kind = line_kind
            stripped = line.strip()
            paragraphs.append(
                Paragraph(index, line_no, kind, stripped, (), ((kind, stripped),), ("line rule: " + _LINE_RULE[kind],))
            )
            if kind != TITLE:
                counts[kind] += 1
            continue
        ps = pieces[pos] or []
        reasons = tuple(why[pos]) if len(why[pos]) == len(ps) else tuple("" for _ in ps)
        caption_p = scores.get(pos)
        body_kind = LEAD if not seen_body else BODY
        out_pieces: list[tuple[str, str]] = []
        sentences: list[str] = []
        for k, s, e in ps:
            piece = line[s:e]
            if k == BODY:
                sentences.append(piece)
                out_pieces.append((body_kind, piece))
            else:
                out_pieces.append((k, piece))
                counts[k] += 1
                if k == AGENCY_TAG:
                    notes.append(f"dropped agency tag {piece!r}")
        if sentences:
            seen_body = True
            paragraphs.append(
                Paragraph(index, line_no, body_kind, " ".join(sentences), tuple(sentences), tuple(out_pieces), reasons, caption_p)
            )
        else:
            sizes: Counter[str] = Counter()
            for k, t in out_pieces:
                sizes[k] += len(t)
            kind = sizes.most_common(1)[0][0] if sizes else CAPTION
            paragraphs.append(Paragraph(index, line_no, kind, line.strip(), (), tuple(out_pieces), reasons, caption_p))
    left_out = {k: v for k, v in counts.items() if k != AGENCY_TAG}
    if left_out:
        order = [CAPTION, CREDIT, SUBHEADING, BYLINE, SOURCE_LINE, RELATED_LINKS, FURNITURE]
        label = {FURNITURE: "page furniture", SUBHEADING: "sub-heading"}
        parts = [f"{label.get(k, k.replace('_', ' '))} {left_out[k]}" for k in order if k in left_out]
        notes.append("left out of the body (pieces by kind): " + ", ".join(parts))
    return Article(paragraphs, notes)
