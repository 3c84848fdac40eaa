"""Cut one line of an article into pieces and say what each piece is: body sentence, caption,
credit, byline, source line, related links, furniture, sub-heading or agency tag.

Crawled text glues everything into running text: photo captions and their credits
("… đi biểu tình sáng nay - Ảnh: AFP Theo Hãng tin AFP, …"), headings and captions with no
punctuation at all ("… nghe lén Ngày 31/10, chính phủ …", "Lang thang cảm xúcBạn đã …"),
related-link blocks (">> Tin A >> Tin B Phát biểu trên …"), bylines at the very end
("… họp quốc hội. NGUYỆT PHƯƠNG"), page widgets ("Bạn có thể hủy đăng ký bất cứ khi nào").

The line is first cut into atoms: at sentence ends (``sentences.sentence_cuts``), around photo
credits, and before words that start sentences and are never capitalised inside one
(``sentences.STARTERS``). Then each atom gets a kind, by rules in a fixed order; atoms left
over are body sentences (two of them that were cut apart only by such a word are joined again).
All of it is linear in the length of the line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import islice

from vnsum.text.kinds import (
    AGENCY_TAG,
    BODY,
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    RELATED_LINKS,
    SOURCE_LINE,
    SUBHEADING,
)
from vnsum.text.lexicon import (
    AGENCIES,
    AGENCY_TAG_RE,
    LINK_LABEL_RE,
    LOWER,
    NAME_SYLLABLES,
    NOT_NAME_START,
    PERSON_START,
    PERSON_STARTERS,
    PHOTO_WORDS,
    PLACE_WORDS_LOWER,
    REPORTING,
    REPORTING_SUBJECT_RE,
    REPORTING_SUBJECT_VERBS,
    STARTERS,
    SURNAMES,
    UPPER,
    is_lower,
    is_upper_start,
    is_vietnamese_syllable,
    starter_at,
    syllable_shape,
    wordset,
)
from vnsum.text.sentences import glue_at, sentence_cuts

# --- patterns -------------------------------------------------------------------------------

_CREDIT = re.compile(
    r"(?P<lead>(?<!\S)[-–—]\s*|\(\s*)?"
    r"(?<![\w])(?P<label>Ảnh chụp màn hình|Ảnh minh (?:họa|hoạ)|Ảnh chỉ có tính minh (?:họa|hoạ)|Ảnh|Hình ảnh|Hình|"
    r"Nguồn ảnh|Video|Clip|Đồ (?:họa|hoạ)|Infographic|Tin,? ảnh|Tin và ảnh|Bài và ảnh|Bài,? ảnh|Thực hiện|Nguồn)"
    r"(?![\w])(?P<colon>\s*[:：]\s*)?"
)
_CREDIT_HINTS = ("Ảnh", "ảnh", "Hình", "Nguồn", "Video", "Clip", "Đồ h", "Infographic", "Thực hiện")
_ILLUSTRATION = re.compile(r"minh (?:họa|hoạ)|chụp màn hình", re.IGNORECASE)
_BYLINE_LABELS = ("Tin", "Bài", "Thực hiện")
#: "[ Phần Lan giúp đổi mới sáng tạo ]": a linked headline in brackets inside the text.
_BRACKET_LINK = re.compile(r"\[\s*[A-ZĐÀ-Ỹ][^\[\]\n.!?]{15,200}\s*\]")
_LINK_ARROWS = re.compile(r"^(?:>\s*){2,}|^[»›]\s")
_FURNITURE_START = re.compile(
    r"\*?\s*Bài viết (?:thể hiện|không nhất thiết|là|phản ánh|chỉ thể hiện).{0,40}quan điểm|"
    r"(?:>>\s*)?Gửi bài (?:tại|về) đây|(?:Mời )?(?:bạn|quý) (?:đọc|độc giả) (?:gửi|chia sẻ|bình luận|có thể)|"
    r"Đăng ký (?:nhận )?(?:bản tin|tin|email|ngay)|Nhập (?:địa chỉ )?email|©|®|Copyright|"
    r"Xem (?:video|clip|thêm|tiếp|chi tiết|ảnh|toàn bộ)\s*(?:tại đây|ở đây)?\s*:?\s*(?:>+\s*)*$|"
    r"(?:Chia sẻ|Bình luận|In bài|Gửi bài|Lưu bài|Thích|Share|Tweet|Like)(?: bài viết)?\s*:?$|"
    r"Video đang (?:được )?xử lý|Video:?\s*$|Click (?:vào|xem)|Bấm vào (?:đây|link)|"
    r"Theo dõi .{0,40}(?:tại|trên) (?:Google|Facebook|Zalo)",
    re.IGNORECASE,
)
#: Widgets anywhere in a piece; looked for only when one of _FURNITURE_HINTS is in it (it is slow).
_FURNITURE_ANY = re.compile(
    r"quan điểm của bạn (?:thế nào|ra sao)|"
    r"Bạn (?:đã được chuyển sang|có thể h[uủ]y đăng ký|chưa đăng nhập|cần đăng nhập)|newsletter|giữ bản quyền|"
    r"bất cứ khi nào\.?$",
    re.IGNORECASE,
)
_FURNITURE_HINTS = ("quan điểm", "bạn", "newsletter", "bản quyền", "bất cứ khi nào")


def _is_furniture(t: str) -> bool:
    if _FURNITURE_START.match(t):
        return True
    low = t.lower()
    return any(h in low for h in _FURNITURE_HINTS) and bool(_FURNITURE_ANY.search(t))


_FURNITURE_GLUE = re.compile(r"đăng ký|email|bản tin|VnExpress|nhận tin|newsletter|đối tác", re.IGNORECASE)
_SOURCE = re.compile(r"^\(?\s*(?:Theo|theo|Nguồn|Nguồn tin|Tham khảo)\s*:?\s+[^,;:!?]{1,90}?\)?\.?$")
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:Bài|Tin|Ảnh)(?:,? (?:và )?(?:ảnh|video|clip))?|Thực hiện|Nhóm (?:PV|phóng viên)|PV|CTV|BTV|Phóng viên)\s*:?\s+"
)
_BYLINE_SUFFIX = re.compile(
    r"\s*(?:\((?:TTXVN|Tổng hợp|tổng hợp|t/h|T/h|TH|th|Theo [^()]{1,40}|theo [^()]{1,40}|[A-ZĐ][^()]{0,30})\)|"
    r"/\s*[A-Za-zĐ][\w.+ ]{1,25}|-\s*(?:VOV|TTXVN|Vietnam\+)[\w. ]{0,15})\s*$"
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\.?|[A-ZĐÀ-Ỹ]{2,}|(?:[A-ZĐÀ-Ỹ][a-zđh]?\.)+(?:[A-ZĐÀ-Ỹ]?[a-zà-ỹđ]*|[A-ZĐÀ-Ỹ]+)\.?|"
    r"[A-ZĐÀ-Ỹ]\.?[A-ZĐÀ-Ỹ]\.?)$"
)
_GALLERY = re.compile(
    r"(?:gửi (?:tới|đến)|giới thiệu|ghi lại|mời (?:bạn đọc|quý vị|độc giả)|cùng (?:xem|điểm|ngắm)|dưới đây là|"
    r"sau đây là|xin (?:gửi|giới thiệu)).{0,60}(?:hình ảnh|bức ảnh|khoảnh khắc|ảnh)\s*[.:]$",
    re.IGNORECASE,
)
_AUTHOR_NOTE = re.compile(r"^(?:Tác giả|Người viết)\s+(?:là|hiện|đang|từng|có|chia sẻ|viết|làm)\b")
_AUTHOR_TITLE = re.compile(
    r"^(?:Tiến sĩ|TS\.?|Thạc sĩ|ThS\.?|PGS\.?|GS\.?|Nhà báo|Luật sư|Bác sĩ|Kỹ sư|Chuyên gia|Nhà văn|Nhà nghiên cứu|"
    r"Nhà thơ|Giảng viên|Kiến trúc sư|Nghệ sĩ)\s+[A-ZĐÀ-Ỹ]"
)
_SCORE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\b")
_TERMINAL = ".!?…;:"
_CLOSE_CHARS = "\"'”’»)]"

CUT_PUNCT = "punct"
CUT_GLUE = "glue"
CUT_STARTER = "starter"
CUT_CREDIT = "credit"
CUT_SPLIT = "split"
CUT_SUBJECT = "subject"  # before a reporting clause's subject (``REPORTING_SUBJECT_RE``)


@dataclass
class _Atom:
    s: int
    e: int
    before: str  # how it was cut from the atom before: punct / glue / starter / credit / split / start
    after: str = "end"
    kind: str | None = None
    group: int = -1  # atoms of one multi-atom piece (a repeated photo block, a link block)
    illustration: bool = False
    rule: str = ""  # the rule that gave the kind (what ``vnsum read`` shows)


def _words(text: str) -> int:
    return len(text.split())


def ends_terminal(text: str) -> bool:
    """Does ``text`` end with sentence punctuation (closing quotes and brackets aside)?"""
    t = text.rstrip().rstrip(_CLOSE_CHARS + " ")
    return bool(t) and t[-1] in _TERMINAL


def is_byline(text: str) -> bool:
    """Author names: "Ngọc Ánh", "ĐẶNG THANH HÀ", "T. Tuyền", "Minh Trang (TTXVN)", "Thu Huyền - Nguyễn Lâm",
    "Thu Linh/VOV online", "Mộc Miên (Tổng hợp)", "N.H", "V.T.", "CTV Cường Trần/VOV online", "Tin, ảnh: Nguyễn Phúc"."""
    t = text.strip().rstrip(".").strip()
    if not t or len(t) > 80:
        return False
    t = _BYLINE_PREFIX.sub("", t)
    t = re.sub(r"\s+(?:từ|tại) [A-ZĐÀ-Ỹ][\w ]{1,30}$", "", t)  # "Huy Đức từ Malaysia"
    for _ in range(2):
        t = _BYLINE_SUFFIX.sub("", t).strip()
    if not t:
        return False
    groups = re.split(r"\s*(?:[-–—,&/]|\bvà\b)\s*", t)
    tokens = 0
    for g in groups:
        toks = g.split()
        if not toks or len(toks) > 5:
            return False
        for tok in toks:
            if not _NAME_TOKEN.match(tok):
                return False
        tokens += len(toks)
    if tokens > 10:
        return False
    first = t.split()[0]
    # "Theo", "Trong", ... start sentences, not names; a lone capitalised common word is not a byline
    return not (first in NOT_NAME_START or (tokens == 1 and len(t) > 3 and not t.isupper() and "." not in t))


def _is_source(text: str) -> bool:
    t = text.strip()
    return (_words(t) <= 14 and bool(_SOURCE.match(t))) or bool(re.fullmatch(r"\((?:TTXVN|Vietnam\+|VOV|TTO)\)\.?", t))


# --- credits --------------------------------------------------------------------------------


def _tokens_from(text: str, i: int, limit: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    while len(out) < limit:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        j = i
        while j < n and not text[j].isspace():
            j += 1
        out.append((i, j))
        i = j
    return out


def _name_like(tok: str) -> bool:
    bare = tok.strip("\"“”'(),;")
    if not bare:
        return False
    return is_upper_start(bare[0]) or bare[0].isdigit() or bare in ("-", "–", "/", "&") or "/" in bare


def _credit_glue(text: str, ts: int, te: int) -> int | None:
    """A sentence glued to a credit name inside one token: any lower-case letter followed by a capital
    ("Balenciaga|Michael", "Tuyết|TP"), or an all-caps run before a capitalised syllable ("AFP|Thủ")."""
    for q in range(ts + 1, te):
        if not (text[q].isalpha() and is_upper_start(text[q])):
            continue
        if glue_at(text, q) is not None:
            return q
        if is_lower(text[q - 1]):
            k = q
            while k > ts and text[k - 1].isalpha():
                k -= 1
            if q - k >= 3:
                return q  # not "VnExpress", "iPhone"
    return None


def _credit_end(text: str, c: int) -> int | None:
    """Where a credit whose name starts at ``c`` ends (the next sentence starts there), or None."""
    toks = _tokens_from(text, c, 9)
    if not toks:
        return None
    for k, (ts, te) in enumerate(toks):
        glue = _credit_glue(text, ts, te)
        if glue is not None:
            return glue  # "Ảnh: Thái HàKhoảng 20h30", "Ảnh: AFPThủ tướng", "Ảnh: KitcoMarc Chandler"
        tok = text[ts:te]
        if k >= 1 and starter_at(text, ts):
            return ts  # "Ảnh: AFP Theo Hãng tin …", "Ảnh: Lao động Có những …"
        if (
            k == 0
            and tok.rstrip(".,") in AGENCIES
            and len(toks) > 1
            and _name_like(text[toks[1][0] : toks[1][1]])
            and _credit_glue(text, *toks[1]) is None
        ):
            return te  # "Ảnh: Reuters Phòng Công tố …"
        bare = tok.rstrip(".")
        if tok.endswith(".") and k + 1 < len(toks) and sum(ch.islower() for ch in bare) >= 2 and "." not in bare:
            return te  # "Ảnh: Reuters. Thủ tướng …"
    run = 0
    for ts, te in toks:
        if _name_like(text[ts:te]):
            run += 1
        else:
            break
    if run == len(toks) and toks[-1][1] >= len(text.rstrip()):
        return toks[-1][1]  # the credit runs to the end of the line: "- Ảnh: TR.T."
    if run <= 1:
        # "Ảnh: Nhân vật cung cấp Như Ý …", "Ảnh: minh họa Theo …": lower-case words up to a capitalised one
        for k, (ts, te) in enumerate(toks[run:5], start=run):
            if k >= 1 and (_name_like(text[ts:te]) or not text[ts].isalnum()):
                return ts
        return toks[0][1] if run == 1 and len(toks) == 1 else None
    if run >= len(toks):
        return toks[2][0] if len(toks) > 2 else None
    first = text[toks[0][0] : toks[0][1]]
    cut = min(run - 1, 3 if first in SURNAMES and run >= 4 else 2)
    return toks[cut][0]


def _find_credits(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, kind, illustration) of every photo / video credit in the line."""
    out: list[tuple[int, int, str, bool]] = []
    if not any(w in text for w in _CREDIT_HINTS):
        return out
    pos = 0
    for m in _CREDIT.finditer(text):
        if m.start() < pos:
            continue
        label = m.group("label")
        lead = m.group("lead") or ""
        colon = m.group("colon")
        start = m.start()
        if start > 0 and not lead and text[start - 1].isalnum() and not colon:
            continue
        illustration = bool(_ILLUSTRATION.search(label))
        kind = BYLINE if label.startswith(_BYLINE_LABELS) else SOURCE_LINE if label == "Nguồn" else CREDIT
        if label == "Nguồn" and not lead.startswith("("):
            continue  # "Nguồn: …" on its own is a source line (handled at the end of the article)
        if label.startswith(_BYLINE_LABELS) and not colon:
            continue
        if label in ("Hình", "Clip", "Video", "Hình ảnh") and not colon and not lead.startswith("("):
            continue
        if lead.startswith("("):
            close = text.find(")", m.end(), m.end() + 100)
            if close < 0 or ("(" in text[m.end() : close]):
                continue
            if not colon and not illustration and label not in ("Ảnh", "Video", "Đồ họa", "Đồ hoạ"):
                continue
            end = close + 1
            if end < len(text) and text[end] == ".":
                end += 1
            out.append((start, end, kind, illustration))
            pos = end
            continue
        if not colon:
            after = text[m.end() :].lstrip()
            if illustration and (not after or after[0] in ".)" or is_upper_start(after[0])):
                # "Ảnh minh họa." / "Ảnh minh họa Theo …"
                end = m.end()
                if end < len(text) and text[end] == ".":
                    end += 1
                out.append((start, end, CREDIT, True))
                pos = end
                continue
            if not (lead and label in ("Ảnh", "Đồ họa", "Đồ hoạ") and after and is_upper_start(after[0])):
                continue  # "- Ảnh Theverge" is a credit; "Ảnh hưởng" is not
        c = m.end()
        if colon is None:
            while c < len(text) and text[c].isspace():
                c += 1
        if illustration and (c >= len(text) or not text[c:].strip()):
            end = len(text.rstrip())
        else:
            found = _credit_end(text, c)
            if found is None:
                continue
            end = found
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= c and not illustration:
            continue
        out.append((start, end, kind, illustration))
        pos = end
    return out


# --- soft cuts ------------------------------------------------------------------------------


_STARTER_WORD = re.compile(
    r"(?<=[\w\"'”’]) +(" + "|".join(sorted(set(STARTERS) | set(PERSON_STARTERS), key=len, reverse=True)) + r")(?= )"
)


def _starter_cuts(text: str) -> list[int]:
    """Capitalised sentence-starting words inside running text, with no punctuation before them."""
    out = []
    for m in _STARTER_WORD.finditer(text):
        i = m.start(1)
        k = m.start()
        prev = text[k - 1]
        ok_prev = (
            is_lower(prev)
            or prev.isdigit()
            or (prev in "\"'”’" and k >= 2 and (is_lower(text[k - 2]) or text[k - 2].isdigit()))
            or ("A" <= prev <= "Z" and k >= 2 and text[k - 2] == " ")  # a model's letter: "máy ảnh Alpha X|Về giá bán"
        )
        if not ok_prev:
            continue
        j = k - 1
        while j > max(0, k - 60) and not text[j - 1].isspace():
            j -= 1
        raw_prev = text[j:k].strip("\"'”’")
        prev_word = raw_prev.lower()
        person = m.group(1) in PERSON_STARTERS
        # "tỉnh Bà Rịa", "cầu Ông Lãnh", "quận Hai Bà Trưng" are names; "… Edward Snowden Ông Kucherena …" is not
        if person and (prev_word in PLACE_WORDS_LOWER or prev_word in ("hai", "thánh", "đức", "lão")):
            continue
        if m.group(1) == "Tháng" and prev_word == "mạng":
            continue  # "Cách Mạng Tháng 8"
        if starter_at(text, i):
            out.append(i)
    return out


#: "… rất sắc nét. Ảnh chụp thử bằng máy A5|Ảnh so sánh …": a capital "Ảnh" before a lower-case word (not "Ảnh
#: hưởng") inside running text starts a photo's label glued to the text before it.
_PHOTO_LABEL = re.compile(r"(?<=[\w”\"’)]) Ảnh (?!hưởng)(?=[a-zà-ỹđ]+ )")


def _photo_label_cuts(text: str) -> list[int]:
    return [m.start() + 1 for m in _PHOTO_LABEL.finditer(text)] if "Ảnh " in text else []


#: Words before a reporting subject that make it part of the same sentence ("theo AFP cho biết", "và Bộ
#: trưởng X nói", "hãng tin AFP"), not the start of a new one.
_BEFORE_SUBJECT = wordset(
    "theo của với và hoặc hay cùng hãng tin báo tờ đài kênh viên là khi thì mà nhưng như rằng cho phó nguyên cựu"
)


#: "Tờ New York Times …": a newspaper named with a capital "Tờ" starts a sentence ("theo tờ …" inside one).
_PAPER_SUBJECT = re.compile(r"(?<=[\w”\"’)]) (?P<subject>Tờ) (?=[A-ZĐÀ-Ỹ])")


def _subject_cuts(text: str) -> list[int]:
    """Where a reporting clause ("AFP cho biết", "Ngoại trưởng Pháp Jean Dupont tuyên bố") is glued
    after a word with no punctuation: a new sentence may start there (joined again unless what is
    before it is a caption or heading: ``_caption_before_subject``)."""
    matches: list[re.Match[str]] = []
    if "Tờ " in text:
        matches.extend(_PAPER_SUBJECT.finditer(text))
    if any(v in text for v in REPORTING_SUBJECT_VERBS):
        matches.extend(REPORTING_SUBJECT_RE.finditer(text))
    out = []
    for m in matches:
        i = m.start("subject")
        j = i - 1
        while j > 0 and not text[j - 1].isspace():
            j -= 1
        prev = text[j : i - 1].strip('"”’)')
        if prev and prev.lower() not in _BEFORE_SUBJECT:
            out.append(i)
    return sorted(set(out))


def _generic_cut(text: str, s: int, e: int) -> int | None:
    """The first capitalised word after a lower-case word, itself followed by a lower-case word,
    in text[s:e]: where a headline in a link block ends ("… than thở về thuế Phát biểu trên …").
    Words that are mostly names ("Mỹ", "Tổng thống") are passed over when another candidate exists."""
    first = None
    i = s + 1
    while i < e:
        if text[i - 1] == " " and is_upper_start(text[i]) and i >= 2:
            prev = text[i - 2]
            if prev.isalnum() or prev in "\"'”’":
                word_end = i
                while word_end < e and not text[word_end].isspace():
                    word_end += 1
                word = text[i:word_end]
                nxt = text[word_end + 1 : word_end + 2]
                if word.isalpha() and (len(word) == 1 or word[1:].islower()) and nxt and is_lower(nxt):
                    if word not in NAME_SYLLABLES and is_vietnamese_syllable(word):
                        return i
                    if first is None:
                        first = i
        i += 1
    return first


# --- the segmenter --------------------------------------------------------------------------


def segment_line(
    line: str, *, first: bool = False, last: bool = False, lone: bool | None = None, why: list[str] | None = None
) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every piece of ``line``, in order, covering all its non-space text.

    ``first``: the line is where the article's body starts (a caption glued before the first
    sentence, an agency tag); ``last``: it ends the article (bylines, source lines, widgets);
    ``lone``: the line is a paragraph of its own in a text of many lines (a short line with no
    final punctuation is then a heading or a caption); ``why``: if given, filled with the name of
    the rule that gave each piece its kind (parallel to the result).
    """
    text = line
    n = len(text)
    if not text.strip():
        return []
    cuts: dict[int, str] = {}
    tag_end = 0
    if first:
        m = AGENCY_TAG_RE.match(text)
        if m and m.end() < n and (is_upper_start(text[m.end()]) or text[m.end()] in '“"'):
            tag_end = m.end()
            cuts[tag_end] = CUT_SPLIT
        else:
            tag_end = _glued_dateline(text)
            if tag_end:
                cuts[tag_end] = CUT_SPLIT
    for pos, kind in sentence_cuts(text):
        if pos > tag_end:
            cuts.setdefault(pos, CUT_PUNCT if kind == "punct" else CUT_GLUE)
    credits = [c for c in _find_credits(text) if c[0] >= tag_end]  # sorted, not overlapping
    starts = [c[0] for c in credits]

    def in_credit(p: int) -> bool:
        i = bisect.bisect_left(starts, p) - 1
        return i >= 0 and credits[i][0] < p < credits[i][1]

    cuts = {p: how for p, how in cuts.items() if not in_credit(p)}
    for cs, ce, _, _ in credits:
        cuts[cs] = CUT_CREDIT
        if ce < n:
            cuts[ce] = CUT_CREDIT if cuts.get(ce) not in (CUT_PUNCT, CUT_GLUE) else cuts[ce]
    brackets = [m.span() for m in _BRACKET_LINK.finditer(text) if not in_credit(m.start())]
    for bs, be in brackets:
        cuts[bs] = cuts.get(bs, CUT_SPLIT)
        if be < n:
            cuts[be] = cuts.get(be, CUT_SPLIT)
        for p in [p for p in cuts if bs < p < be]:
            del cuts[p]
    for p in _starter_cuts(text):
        if p > tag_end and p not in cuts and not in_credit(p) and not any(bs < p < be for bs, be in brackets):
            cuts[p] = CUT_STARTER
    for p in _photo_label_cuts(text):
        if p > tag_end and p not in cuts and not in_credit(p) and not any(bs < p < be for bs, be in brackets):
            cuts[p] = CUT_STARTER
    for p in _subject_cuts(text):
        if p > tag_end and p not in cuts and not in_credit(p) and not any(bs < p < be for bs, be in brackets):
            cuts[p] = CUT_SUBJECT
    atoms = _atoms(text, cuts)
    if not atoms:
        return []
    if tag_end:
        atoms[0].kind = AGENCY_TAG
        atoms[0].rule = (
            "agency tag" if text[tag_end - 1].isspace() or not text[tag_end - 1].isalpha() else "dateline glued to the first word"
        )
    atom_starts = [a.s for a in atoms]
    for bs, be in brackets:
        i = bisect.bisect_left(atom_starts, bs)
        if i < len(atoms) and atoms[i].s == bs and atoms[i].e == be:
            atoms[i].kind = RELATED_LINKS
            atoms[i].rule = "linked headline in brackets"
    for cs, ce, kind, illustration in credits:
        i = bisect.bisect_left(atom_starts, cs)
        while i < len(atoms) and atoms[i].s < ce:
            if atoms[i].e <= ce + 1:
                atoms[i].kind = kind
                atoms[i].rule = "photo credit label"
                atoms[i].illustration = illustration
            i += 1
    if lone is None:
        lone = False

    def tag(rule: str) -> None:
        for a in atoms:
            if a.kind is not None and not a.rule:
                a.rule = rule

    _links(text, atoms)
    tag("related-links label or >> items")
    _captions_before_credits(text, atoms)
    tag("text before a photo credit")
    _repeated_blocks(text, atoms)
    tag("photo block repeated")
    _furniture(text, atoms)
    tag("page widget words")
    _tables(text, atoms)
    tag("run of numbers and short cells (table)")
    _gallery(text, atoms)
    tag("photo gallery after its introduction")
    _mid_bylines(text, atoms)
    tag("byline and source before the next story")
    _soft_atoms(text, atoms, first=first, lone=lone)
    tag("no final punctuation, a sentence glued after it")
    if last:
        _tail(text, atoms)
        tag("end of the article: byline, source or widget")
    _lone_line(text, atoms, lone=lone, last=last)
    tag("short line of its own without final punctuation")
    return _pieces(text, atoms, why)


_DATELINE = re.compile(f"^(?:[{UPPER}][{LOWER}]*\\.? ){{0,3}}[{UPPER}][{LOWER}]+(?=[{UPPER}][{LOWER}])")


def _glued_dateline(text: str) -> int:
    """Where a place name glued to the first word of the article ends ("Hà NộiAn ninh …",
    "Quảng NinhSáng 3/4 …"), or 0. Only capitalised syllables before the glue, and a Vietnamese
    syllable after it (not "iPhone", "McDonald", "YouTube")."""
    m = _DATELINE.match(text)
    if m is None:
        return 0
    end = m.end()
    j = end + 1
    while j < len(text) and text[j].isalpha() and not is_upper_start(text[j]):
        j += 1
    after = text[end:j]
    head = text[:end].split()
    if len(after) < 2 or not syllable_shape(after) or not all(syllable_shape(w.rstrip(".")) for w in head):
        return 0
    return end if j < len(text) and text[j] in " ,:" else 0


_TOKEN = re.compile(r"\S+")
_HEADING_SHAPE = re.compile(f"[{UPPER}]\\S* (?:[{LOWER}0-9]\\S* ){{1,9}}[{UPPER}][{LOWER}]+ [{LOWER}]")
_PERSON_WORDS = wordset("ông bà anh chị em cô chú bác cháu thầy con cụ vợ chồng bạn tên nhóm đội của và với cùng gặp")


def glued_heading_end(text: str, *, loose: bool = False) -> int | None:
    """Where the body starts after a short heading glued to the front of a paragraph with no
    punctuation ("Chuẩn bị hai đôi giày|Quãng đường sẽ tăng lên …"), or None: two to ten words,
    all lower-case after the first, then a capitalised Vietnamese word that is no common name
    syllable, followed by a lower-case word and at least eight more words. A name can look the
    same ("Hôm qua tôi gặp Lan ở chợ …"), so the caller asks for the pattern on two paragraphs.
    ``loose``: for an article that already glues two headings so, the heading may hold a clause word
    ("Chuẩn bị áo mưa") and the body's first word may be a common name syllable ("Đi bộ cùng
    nhau|Tập thể dục …")."""
    if _HEADING_SHAPE.match(text) is None:
        return None  # the shape, tested at C speed; the rest below
    toks = [m.span() for m in islice(_TOKEN.finditer(text, 0, 300), 14)]
    if len(toks) < 4:
        return None
    for k in range(1, min(11, len(toks) - 3)):
        ts, te = toks[k]
        word = text[ts:te]
        if not is_upper_start(word[0]):
            bare = word.lower()
            if not (word.isalpha() or word.isdigit()) or (bare in _VERB_WORDS and not loose):
                return None
            continue
        prev = text[toks[k - 1][0] : toks[k - 1][1]]
        after = [text[s:e] for s, e in toks[k + 1 : k + 4]]
        if (
            k >= 2
            and word.isalpha()
            and word[1:].islower()
            and is_vietnamese_syllable(word)
            and (loose or word not in NAME_SYLLABLES)
            and prev.isalpha()
            and (loose or prev.lower() not in _PERSON_WORDS)
            and prev.lower() not in PLACE_WORDS_LOWER
            and all(a[:1].islower() for a in after)
            and len(text[ts:].split()) >= 10
        ):
            return ts
        return None
    return None


#: Words of a clause (a heading is a noun phrase or an imperative: "Chuẩn bị hai đôi giày").
_VERB_WORDS = wordset("là được đã sẽ đang bị cho rằng thì mà nhưng vì nên khi đó này")


def _atoms(text: str, cuts: dict[int, str]) -> list[_Atom]:
    atoms: list[_Atom] = []
    points = sorted(p for p in cuts if 0 < p < len(text))
    start, before = 0, "start"
    for p in [*points, len(text)]:
        s, e = start, p
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            if atoms:
                atoms[-1].after = before
            atoms.append(_Atom(s, e, before))
        start = p
        before = cuts.get(p, "end")
    return atoms


def _t(text: str, a: _Atom) -> str:
    return text[a.s : a.e]


def _split_atom(atoms: list[_Atom], k: int, at: int, how: str = CUT_SPLIT, text: str | None = None) -> None:
    a = atoms[k]
    b = _Atom(at, a.e, how, a.after, None)
    a.e = at
    a.after = how
    atoms.insert(k + 1, b)
    if text is not None:
        _strip_atom(text, a)
        _strip_atom(text, b)


def _strip_atom(text: str, a: _Atom) -> None:
    while a.e > a.s and text[a.e - 1].isspace():
        a.e -= 1
    while a.s < a.e and text[a.s].isspace():
        a.s += 1


def _links(text: str, atoms: list[_Atom]) -> None:
    """Related-link blocks: a label ("TIN LIÊN QUAN", "Xem thêm:") or ">>" items, one piece per block."""
    k = 0
    group = 1000
    while k < len(atoms):
        a = atoms[k]
        t = _t(text, a)
        label = LINK_LABEL_RE.match(t)
        arrows = t.startswith(">>") or _LINK_ARROWS.match(t)
        if a.kind is not None or not (label or arrows):
            k += 1
            continue
        group += 1
        rest = t[label.end() :] if label else t
        rest_stripped = rest.lstrip(" :")
        whole = k == len(atoms) - 1 and (not ends_terminal(t) or t.rstrip().endswith("?"))
        if (
            label
            and not whole
            and (not rest_stripped or (t[label.end() :].lstrip().startswith(":") and not rest_stripped.startswith(">")))
        ):
            # "TIN BÀI LIÊN QUAN:" alone: the headlines were not kept
            if rest_stripped:
                cut = a.s + label.end() + (len(rest) - len(rest_stripped))
                _split_atom(atoms, k, cut, text=text)
            atoms[k].kind = RELATED_LINKS
            atoms[k].group = group
            k += 1
            continue
        # the block runs over this atom and the following ones while they are headlines (">>" items,
        # no final punctuation); the last headline ends where a capitalised word starts a sentence
        j = k
        while True:
            cur = atoms[j]
            cur.kind = RELATED_LINKS
            cur.group = group
            ct = _t(text, cur)
            nxt = atoms[j + 1] if j + 1 < len(atoms) else None
            if nxt is not None and nxt.kind is None and _t(text, nxt).startswith((">>", ">")):
                j += 1
                continue
            if j == len(atoms) - 1 and (not ends_terminal(ct) or ct.rstrip().endswith("?")):
                break  # the block ends the line
            # find the end of the last headline inside the current atom, after its last ">>"
            last_arrow = ct.rfind(">>")
            base = cur.s + (last_arrow + 2 if last_arrow >= 0 else (label.end() if j == k and label else 0))
            seps = [m.end() for m in re.finditer(r" / ", text[base : cur.e])]
            if seps:
                base = base + seps[-1]
            headline_end = _generic_cut(text, base + 1, cur.e)
            if headline_end is not None and headline_end > cur.s:
                _split_atom(atoms, j, headline_end, text=text)
            break
        k = j + 1


def _captions_before_credits(text: str, atoms: list[_Atom]) -> None:
    for k, a in enumerate(atoms):
        if a.kind not in (CREDIT, SOURCE_LINE) or k == 0:
            continue
        prev = atoms[k - 1]
        if a.kind == SOURCE_LINE:
            # "(Nguồn: …)" right after a caption or "Ảnh minh họa." is the photo's credit
            if prev.kind in (CAPTION, CREDIT):
                a.kind = CREDIT
            continue
        if prev.kind is not None:
            continue
        pt = _t(text, prev)
        if pt.rstrip().endswith(":"):
            continue
        if a.illustration:
            if not ends_terminal(pt):
                prev.kind = CAPTION
            continue
        if _words(pt) <= 60:
            prev.kind = CAPTION


def _norm(s: str) -> str:
    return " ".join(s.split())


def _repeated_blocks(text: str, atoms: list[_Atom]) -> None:
    """A photo story where each caption block appears twice in a row: the repeat is a caption."""
    keys = [_norm(_t(text, a)) for a in atoms]
    n = len(atoms)
    free_until = [n] * (n + 1)  # free_until[i]: the first index >= i of an atom that already has a kind
    for i in range(n - 1, -1, -1):
        free_until[i] = i if atoms[i].kind is not None else free_until[i + 1]
    k = 0
    group = 2000
    while k < n:
        found = 0
        for size in range(1, min(10, free_until[k] - k) + 1):
            if k + 2 * size > n:
                break
            if keys[k] != keys[k + size]:
                continue
            if keys[k : k + size] == keys[k + size : k + 2 * size] and sum(len(x) for x in keys[k : k + size]) >= 25:
                found = size
                break
        if not found:
            k += 1
            continue
        group += 1
        for i in range(k + found, k + 2 * found):
            if atoms[i].kind is None:
                atoms[i].kind = CAPTION
                atoms[i].group = group
        k += 2 * found


def _furniture(text: str, atoms: list[_Atom]) -> None:
    for k, a in enumerate(atoms):
        if a.kind is not None:
            continue
        t = _t(text, a)
        if _words(t) <= 30 and _is_furniture(t):
            a.kind = FURNITURE
            # a widget glued to the text before it with no space: "… VnExpressBạn có thể hủy đăng ký …"
            j = k - 1
            while j >= 0 and atoms[j].kind is None and atoms[j + 1].before == CUT_GLUE:
                pt = _t(text, atoms[j])
                if _FURNITURE_GLUE.search(pt) and _words(pt) <= 40:
                    atoms[j].kind = FURNITURE
                    j -= 1
                else:
                    break


_CELL_START = re.compile(r"(?<!\S)[(+\-–]?\d")
_NUMBER_CELL = re.compile(r"^[(+\-–]?\d[\d.,:/%]*[)%]?$")


def _number_run(t: str) -> bool:
    """A run of numbers and short cells ("Hà Nội 12 8 3 1 27 Đà Nẵng 12 7 2 3 23 …"): at least
    ten number cells, two in five tokens numbers, few lower-case words and no sentence end inside."""
    if len(t) < 40 or sum(t.count(d) for d in "0123456789") < 10 or len(_CELL_START.findall(t)) < 10:
        return False  # cheap tests first: most atoms have few numbers
    toks = t.split()
    if len(toks) < 15:
        return False
    numbers = sum(1 for tok in toks if _NUMBER_CELL.match(tok))
    lower = sum(1 for tok in toks if tok[:1].islower())
    inner_ends = sum(1 for tok in toks[:-1] if tok[-1:] in ".!?" and not tok[:1].isdigit())
    return numbers >= 10 and numbers * 5 >= 2 * len(toks) and lower * 4 <= len(toks) and inner_ends == 0


_DIGIT = re.compile(r"\d")


def _tables(text: str, atoms: list[_Atom]) -> None:
    """Flattened data tables (results, prices): many numbers, few lower-case words, no sentence."""
    if len(_DIGIT.findall(text)) < 6:
        return  # a table needs ten number cells, three scores six digits: most lines have fewer
    numbers_here = sum(map(text.count, "0123456789")) >= 10
    k = 0
    while k < len(atoms):
        a = atoms[k]
        t = _t(text, a)
        if a.kind is None and numbers_here and _number_run(t):
            a.kind = FURNITURE
            k += 1
            continue
        if a.kind is not None or len(_SCORE.findall(t)) < 3:
            k += 1
            continue
        toks = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", t)]
        lower = [1 if tok[0].islower() and tok.isalpha() else 0 for _, tok in toks]
        # the longest tail with at most one lower-case word in five
        best = None
        count = 0
        for i in range(len(toks) - 1, -1, -1):
            count += lower[i]
            if count * 5 <= len(toks) - i and (toks[i][1][0].isupper()):
                best = i
        if best is None or len(toks) - best < 12:
            k += 1
            continue
        if best > 0:
            _split_atom(atoms, k, a.s + toks[best][0], text=text)
            head = atoms[k]
            if not ends_terminal(_t(text, head)) and _words(_t(text, head)) <= 20:
                head.kind = SUBHEADING
            k += 1
        atoms[k].kind = FURNITURE
        k += 1


def _gallery(text: str, atoms: list[_Atom]) -> None:
    """ "… xin gửi tới bạn đọc một số hình ảnh." and then the photos' captions, to the end."""
    for k, a in enumerate(atoms):
        t = _t(text, a)
        if a.kind is None and t.endswith((".", ":")) and "ảnh" in t and _GALLERY.search(t) and k + 1 < len(atoms):
            rest = [b for b in atoms[k + 1 :] if b.kind is None]
            if rest and all(_words(_t(text, b)) <= 45 and '"' not in _t(text, b) and "“" not in _t(text, b) for b in rest):
                for b in rest:
                    b.kind = CAPTION
            return


def caption_or_heading(t: str, at_start: bool = False) -> str:
    """Is a short piece that is not body a photo caption or a heading? (Photo words, a person, names.)"""
    words = t.split()
    if at_start or PHOTO_WORDS.search(t) or PERSON_START.match(t):
        return CAPTION
    names = sum(1 for a, b in zip(words[1:], words[2:]) if a[:1].isupper() and b[:1].isupper())
    return CAPTION if names or len(words) > 12 else SUBHEADING


#: Phrases that open a sentence and frame the reporting clause after them ("Phát biểu tại hội nghị Thủ tướng … nhấn
#: mạnh", "Trả lời phóng viên Giám đốc … cho biết"), often with no comma before the subject.
_FRAME_START = re.compile(
    r"(?:Phát biểu|Trả lời|Chia sẻ|Nói về|Nói với|Đánh giá|Bình luận|Trao đổi|Tiếp xúc|Làm việc|Thay mặt|Đại diện|"
    r"Bên lề|Nhân dịp|Nhân chuyến|Liên quan|Đồng thời|Tuy nhiên|Mặt khác|Ngoài ra|Cũng theo|Tiếp đó|Kết thúc|"
    r"Mở đầu|Khai mạc|Giải thích|Lý giải|Đề cập|Nhận xét|Hồi đáp|Đáp lại|Phản hồi|Xác nhận|Thông tin)\b"
)


def _caption_before_subject(t: str, wc: int) -> bool:
    """Is a piece glued before a reporting clause a caption or heading ("Ngư dân kéo lưới trên sông sáng 3/4
    giữa mùa cạn …|AFP cho biết …")? A clause that opens a sentence ("Trong khi đó|AFP cho biết",
    "Tại buổi họp báo|Bộ trưởng X nói") is not: one to thirty words from a capital, no sentence-opening
    word first, no comma, no opening quote, no reporting verb or tense word."""
    first = t.split(maxsplit=1)[0]
    return (
        5 <= wc <= 30
        and _FRAME_START.match(t) is None
        and is_upper_start(first[0])
        and first not in STARTERS
        and first not in PERSON_STARTERS
        and "," not in t
        and first[0] not in '"“'
        and REPORTING.search(t) is None
    )


def _soft_atoms(text: str, atoms: list[_Atom], *, first: bool, lone: bool) -> None:
    """Atoms with no final punctuation that end where a glued sentence starts: captions and headings."""
    k = 0
    while k < len(atoms):
        a = atoms[k]
        if a.kind is not None or a.after not in (CUT_STARTER, CUT_GLUE, CUT_SPLIT, CUT_SUBJECT) or k + 1 >= len(atoms):
            k += 1
            continue
        t = _t(text, a)
        if ends_terminal(t):
            k += 1
            continue
        wc = _words(t)
        if a.after == CUT_SUBJECT:
            if _caption_before_subject(t, wc):
                a.kind = caption_or_heading(t)
            k += 1
            continue
        prev = atoms[k - 1] if k > 0 else None
        sandwiched = prev is not None and (prev.kind is not None or a.before in (CUT_STARTER, CUT_GLUE, CUT_SPLIT))
        at_start = k == 0 and first
        # "… con là: Không cho con tiền tùy ý theo mong muốn của con Phần lớn …": a heading after a colon
        colon = t.rfind(": ")
        if (
            colon > 0
            and a.after == CUT_STARTER
            and is_upper_start(t[colon + 2 : colon + 3] or "x")
            and _words(t[colon + 2 :]) <= 15
            and _words(t[:colon]) >= 3
            and t[colon + 2 : colon + 3] not in '“"'
        ):
            _split_atom(atoms, k, a.s + colon + 2, text=text)
            atoms[k + 1].kind = SUBHEADING
            k += 2
            continue
        if (sandwiched and wc <= 40) or (at_start and wc <= 40) or wc <= 15:
            a.kind = caption_or_heading(t, at_start)
        k += 1


_MID_BYLINE = re.compile(r"^(?P<name>\S+(?: \S+){0,3}?)\s*(?P<src>\((?:Theo|theo) [^()]{1,40}\))\s+(?=[A-ZĐÀ-Ỹ])")
_CONTACT = re.compile(
    r"(?:gọi|liên hệ|phản ánh) (?:vào |tới |đến |qua )?(?:số|hotline|đường dây nóng|tổng đài)\s*[\d(]|^Hotline|^Email:",
    re.IGNORECASE,
)


def _mid_bylines(text: str, atoms: list[_Atom]) -> None:
    """A byline and source glued before the next story's first sentence: "Thu Thảo (Theo News) Hãng …"."""
    k = 0
    while k < len(atoms):
        a = atoms[k]
        if a.kind is None:
            m = _MID_BYLINE.match(_t(text, a))
            if m and is_byline(m.group("name")):
                _split_atom(atoms, k, a.s + m.start("src"), text=text)
                _split_atom(atoms, k + 1, a.s + m.end("src"), text=text)
                _strip_atom(text, atoms[k])
                _strip_atom(text, atoms[k + 2])
                atoms[k].kind = BYLINE
                atoms[k + 1].kind = SOURCE_LINE
                k += 2
        k += 1


def _tail(text: str, atoms: list[_Atom]) -> None:
    """Bylines, source lines and widgets at the end of the article."""
    k = len(atoms) - 1
    seen = 0
    while k >= 0 and seen < 4:
        a = atoms[k]
        t = _t(text, a)
        if a.kind is not None and a.kind != CAPTION:
            k -= 1
            seen += 1
            continue
        if a.kind is not None:
            break
        m = re.search(r"\s*\(\s*(?:Theo|theo|Nguồn|nguồn)\b[^()]{1,60}\)\.?$", t)
        if m and m.start() > 0 and is_byline(t[: m.start()]):
            # "Sầm Hoa(Theo ABCnews)", "CTV Cường Trần/VOV online (theo Reuters)"
            _split_atom(atoms, k, a.s + m.start(), text=text)
            _strip_atom(text, atoms[k + 1])
            atoms[k].kind = BYLINE
            atoms[k + 1].kind = SOURCE_LINE
            k -= 1
            seen += 2
            continue
        if _CONTACT.search(t) and _words(t) <= 35:
            a.kind = FURNITURE  # "Độc giả gọi vào số 024 … để được hỗ trợ"
        elif _AUTHOR_NOTE.match(t):
            # "Tiến sĩ Vũ Thị Minh Huyền đang làm việc tại … Tác giả chia sẻ …" (an opinion piece's author box)
            a.kind = BYLINE
            if k > 0 and atoms[k - 1].kind is None and _AUTHOR_TITLE.match(_t(text, atoms[k - 1])):
                atoms[k - 1].kind = BYLINE
                k -= 1
        elif _is_source(t) or (m and m.start() == 0):
            a.kind = SOURCE_LINE
        elif is_byline(t):
            a.kind = BYLINE
        elif k == len(atoms) - 1 and not ends_terminal(t) and a.before == CUT_PUNCT:
            # a trailing name run after the last sentence: "… được giới thiệu Lan Chinh" is not split off,
            # but "… hội. NGUYỆT PHƯƠNG" / "… ./. Minh Trang (TTXVN)" are whole atoms and caught above
            break
        else:
            break
        k -= 1
        seen += 1


#: Words that make a line a question someone asks ("bà thấy sao?", "Ai sẽ …?", "có gây áp lực …?", "Thưa
#: ông, còn giá cả?"): question words, and the words of an interview (address, second person, "còn").
_QUESTION_WORDS = wordset(
    "sao gì ai nào đâu bao không chưa chăng hả à nhỉ nhé hay có phải liệu thế vậy mấy chứ ư hở nổi đúng nên "
    "thưa còn ông bà anh chị em bạn tôi chúng mình"
)


def _question_heading(t: str) -> bool:
    """ "Một thủ lĩnh mới của ngành thép?": a short line of its own that ends in a question mark but holds
    no question word is a heading (a noun phrase asked as a question), not an interview's question."""
    bare = t.rstrip(_CLOSE_CHARS + " ")
    if not bare.endswith("?") or bare.endswith("??") or not is_upper_start(t[:1] or "x"):
        return False
    words = [w.strip(_CLOSE_CHARS + '?,.:;!"“(').lower() for w in bare.split()]
    return 2 <= len(words) <= 10 and not any(w in _QUESTION_WORDS for w in words)


def _lone_line(text: str, atoms: list[_Atom], *, lone: bool, last: bool) -> None:
    """A paragraph of its own with no final punctuation: a heading or a caption when short."""
    body = [a for a in atoms if a.kind is None]
    if not lone or len(body) != 1 or len(atoms) != 1:
        return
    a = body[0]
    t = _t(text, a)
    if _question_heading(t):
        a.kind = SUBHEADING
        a.rule = "short question of its own with no question word (a heading)"
        return
    if ends_terminal(t):
        return
    wc = _words(t)
    if wc <= 15:
        a.kind = caption_or_heading(t)
    elif wc <= 30 and PHOTO_WORDS.search(t):
        a.kind = CAPTION


#: "Tháng 12/2023, …", "Ngày 31/10, …": a time phrase with a number and a comma starts a sentence even
#: when the period before it is missing ("… vận hành thương mại Tháng 12/2023, C919 …").
_DATED_START = re.compile(r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Tháng|Năm|Đầu|Cuối) \d[\d/.\-]*(?: năm \d{4})?,")


def _pieces(text: str, atoms: list[_Atom], why: list[str] | None = None) -> list[tuple[str, int, int]]:
    out: list[list] = []
    rules: list[str] = []
    for a in atoms:
        kind = a.kind or BODY
        if out:
            pk, ps, _, pgroup, pafter = out[-1]
            join = False
            if kind == BODY and pk == BODY and pafter in (CUT_STARTER, CUT_SUBJECT) and not _DATED_START.match(text, a.s):
                join = True  # the capitalised word did not start a sentence after all
            elif (kind == pk and kind in (RELATED_LINKS, FURNITURE) and pgroup == a.group) or (
                kind == pk == CAPTION and a.group >= 0 and pgroup == a.group
            ):
                join = True
            if join:
                out[-1] = [pk, ps, a.e, pgroup, a.after]
                continue
        out.append([kind, a.s, a.e, a.group, a.after])
        rules.append(a.rule or "body sentence (no non-body rule matched)")
    if why is not None:
        why[:] = rules
    return [(k, s, e) for k, s, e, _, _ in out]


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; glued photo captions, credits and headings come out as their own pieces.

    Abbreviations (TP.HCM, PGS.TS., Q.1), numbers (5,66%, 1.234,5), dates, initials,
    URLs, quotes (a quotation of several sentences is split into them; the closing quote stays
    with the last), a missing space after a period ("trước.Giá"), dialogue dashes and photo
    credits glued into the text ("- Ảnh: AFP Theo ...", "(Ảnh: Reuters) Thỏa thuận",
    "Ảnh: Đình VănÔng") are handled.
    """
    text = paragraph.strip()
    return [text[s:e] for _, s, e in segment_line(text)] if text else []
