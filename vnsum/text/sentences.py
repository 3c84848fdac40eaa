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


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long word lists stay readable)."""
    return frozenset(words.split())


def _wordlist(words: str) -> list[str]:
    return words.split()


#: Abbreviations that take a period and are not the end of a sentence.
ABBREVIATIONS = _wordset(
    "TP Tp tp PGS GS TS ThS Th.S Ths BS BSCKI BSCKII ThS.BS PGS.TS GS.TS TS.BS KS CN Q P H TX TT NXB St Mr Mrs "
    "Ms Dr Prof No Nr tr Tr vs v/v ca Co Ltd Inc Jr Sr Đ.c Đ/c Đc Mt Ft Gen Col Lt Sgt Capt Gov Sen Rep Pres "
    "Ave Blvd approx cf ed eds vol pp fig e.g i.e"
)
#: Abbreviations of place kinds ("TP. HCM", "Q. 1", "UBND TP. Trước khi ..."): no split, unless
#: the next word is one that starts sentences.
_BANG_NAMES = frozenset(["Yahoo", "Jeopardy", "Yahoo!"])
_PLACE_ABBREVIATIONS = frozenset(["TP", "Tp", "tp", "Q", "P", "H", "TX", "TT", "X"])

_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_IS_UPPER = re.compile(f"[{_UPPER}]")
_IS_LOWER = re.compile(f"[{_LOWER}]")
_TERMINATORS = ".!?…"
#: Sentence-end candidates: a terminator, or a capital glued to a lower-case letter / ")" before it
#: ("cảm xúcBạn", "Cidrap)Bạn"), or the last capital of an all-caps run before lower-case ("AFPThủ").
_CANDIDATE = re.compile(f"[.!?…]|(?<=[{_LOWER})])[{_UPPER}]|(?<=[{_UPPER}])[{_UPPER}](?=[{_LOWER}])")
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
#: Vietnamese names are also shortened to their first consonant cluster: "Nh. Thạch", "Th. Hằng".
_NAME_INITIALS = frozenset(["Th", "Tr", "Ng", "Nh", "Ph", "Kh", "Ch", "Gi", "Qu", "Ngh"])

#: Words that start sentences and are (almost) never capitalised inside one: a capitalised one
#: after a lower-case word means a new sentence begins there ("… nghe lén Ngày 31/10, …").
#: Each maps to what the next word must be: "l" a lower-case word, "d" a number, "ld" either.
STARTERS: dict[str, str] = {
    **dict.fromkeys(
        _wordlist(
            "Trong Tuy Sau Khi Trước Các Đây Một Tại Những Từ Việc Ngoài Nhiều Đến Nhưng Hiện Nếu Để Chúng Với Được "
            "Ngay Cũng Bên Còn Do Họ Về Đó Dù Cụ Vì Cùng Có Và Tính Đặc Tương Phần Mỗi Mặc Hầu Riêng Thậm Gần Hơn "
            "Vào Qua Lúc Hôm Bởi Song Lần Hãy Đừng Cả Mới Vẫn Nhờ Thay Giữa Rồi Theo"
        ),
        "l",
    ),
    **dict.fromkeys(
        _wordlist("Ngày Sáng Chiều Tối Trưa Đêm Khuya Tháng Năm Khoảng Rạng Đầu Cuối Lúc Từ Đến"),
        "d",
    ),
}
# Words that follow a starter in a name or a set phrase rather than a sentence: "Theo dõi Nhân quyền".
_NOT_AFTER_STARTER = {
    "Theo": {"dõi"},
    "Cả": {"nước"},
    "Mới": {"nhất"},
}
_ALLOWED_AFTER = {
    # Only these lower-case words after "Sáng", "Năm", ... ("Sáng nay", "Năm ngoái"; not "Sáng tạo").
    "Ngày": {"nay", "mai", "hôm", "qua", "đầu", "cuối", "thứ", "mùng", "rằm"},
    "Sáng": {"nay", "mai", "qua", "hôm", "sớm", "cùng", "ngày", "mùng", "thứ", "chủ"},
    "Chiều": {"nay", "mai", "qua", "hôm", "cùng", "ngày", "tối", "mùng", "thứ", "chủ"},
    "Tối": {"nay", "mai", "qua", "hôm", "cùng", "ngày", "mùng", "thứ", "chủ"},
    "Trưa": {"nay", "mai", "qua", "hôm", "cùng", "ngày", "mùng", "thứ", "chủ"},
    "Đêm": {"nay", "mai", "qua", "hôm", "cùng", "ngày", "mùng", "thứ", "chủ"},
    "Khuya": {"nay", "qua", "hôm", "cùng", "ngày", "mùng"},
    "Tháng": {"này", "trước", "sau", "tới", "qua"},
    "Năm": {"nay", "ngoái", "qua", "trước", "sau", "tới", "ấy", "đó", "này"},
    "Khoảng": {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nửa", "gần", "hơn", "trên"},
    "Rạng": {"sáng"},
    "Đầu": {"năm", "tháng", "tuần", "giờ"},
    "Cuối": {"năm", "tháng", "tuần", "giờ", "cùng"},
    "Lúc": {"này", "đó", "ấy", "đầu"},
    "Từ": {"đầu", "năm", "tháng", "đó", "khi", "ngày", "sáng", "chiều", "tối"},
    "Đến": {"nay", "ngày", "năm", "tháng", "cuối", "trưa", "chiều", "tối", "sáng", "khi", "giờ", "lúc"},
}
#: Titles and pronouns that start a sentence when a capitalised name follows ("… buổi lễ Bà Mai và …").
PERSON_STARTERS = frozenset(["Ông", "Bà", "Chị"])

#: ASCII-only syllables that are common Vietnamese words (a camel-case join before one of these is a glue point).
_ASCII_WORDS = _wordset(
    "anh ba bay ban bao cho con chi chung cong dan di gia giao hai hay hoa hoc khi khu kinh lai lam linh long "
    "mai minh moi nam nga ngay nhung sau sinh tai tam tay thanh theo thi thu tin trong trung tuy vao xe em bac "
    "cao chan hoang huy khanh lan mong nguyen phan quang son tan thao thuy tien tra tuan van viet vinh ca co "
    "cac cam can chia chim cho chu da dao dau dinh doan dong du dung gan gian giang gio han hanh ho hoan hong "
    "hung kim la lang le li lo loan lu ma man mang me mi mo na nay nghe nghi nha nhan nhanh nhau nhi nho pha "
    "phi pho phong phu qua quan que ra rau sa sai san sang sao se si so song su ta tang te tham than thay the "
    "tho thua ti tia tinh to toan tong trai tran trang tranh tri trinh tro tu tuyen va vai vang ve vi vo vu vui "
    "xa xem xin xu xuan"
)


def _is_upper_start(ch: str) -> bool:
    return bool(_IS_UPPER.match(ch))


def _is_lower(ch: str) -> bool:
    return bool(_IS_LOWER.match(ch))


def is_vietnamese_syllable(word: str) -> bool:
    """Does ``word`` look like a Vietnamese syllable (not "Tube", "Tok", "Chat", "Express")?"""
    if not word or not word.isalpha():
        return False
    low = word.lower()
    if any(ord(c) > 0x7F for c in low):
        return True  # a letter with a Vietnamese diacritic
    return low in _ASCII_WORDS


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


def _next_tokens(text: str, i: int, count: int = 2) -> list[str]:
    """Up to ``count`` whitespace-separated tokens starting at ``i``."""
    out: list[str] = []
    n = len(text)
    while len(out) < count and i < n:
        while i < n and text[i].isspace():
            i += 1
        j = i
        stop = min(n, i + 60)
        while j < stop and not text[j].isspace():
            j += 1
        if j > i:
            out.append(text[i:j])
        i = j
    return out


def starter_at(text: str, i: int) -> bool:
    """Does a word at ``i`` (capitalised) start a sentence by itself ("Ngày 31/10", "Sau khi", "Bà Mai và")?"""
    toks = _next_tokens(text, i, 5)
    if not toks:
        return False
    word = toks[0].rstrip(",:;")
    nxt = toks[1] if len(toks) > 1 else ""
    if word in PERSON_STARTERS:
        # A title followed by a 1-3 syllable capitalised name and then a lower-case word.
        names = 0
        for raw in toks[1:]:
            t = raw.rstrip(",.:;!?")
            if t and _is_upper_start(t[0]) and t.isalpha() and t == raw:
                names += 1
                continue
            return 1 <= names <= 3 and bool(t) and _is_lower(t[0]) and t.isalpha()
        return False
    need = STARTERS.get(word)
    if need is None or not nxt or word != toks[0]:
        return False
    bare = nxt.rstrip(",.:;")
    if bare in _NOT_AFTER_STARTER.get(word, ()):
        return False
    if nxt[0].isdigit():
        return True
    if not _is_lower(nxt[0]):
        return False
    if need == "d":
        return bare in _ALLOWED_AFTER.get(word, ())
    return True


def _glue_after(text: str, i: int) -> int | None:
    """If a new sentence starts at ``i`` glued to the word before it with no space, return ``i``."""
    # "cảm xúcBạn", "VănÔng", "HàKhoảng": lower-case letter then a capitalised Vietnamese syllable;
    # "AFPThủ": an upper-case run then a capitalised syllable; "(Theo Cidrap)Bạn".
    if i <= 0 or i >= len(text) or not _is_upper_start(text[i]):
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
    if _is_lower(prev):
        # the letters before, back to a non-letter: at least two ("Hà", "cấp"), not a brand prefix ("i", "e")
        k = i
        while k > max(0, i - 40) and text[k - 1].isalpha():
            k -= 1
        run = text[k:i]
        return i if len(run) >= 2 and not _URLISH.search(left) else None
    if _is_upper_start(prev) and i >= 2 and _is_upper_start(text[i - 2]) and len(word) >= 2:
        # "AFPThủ", "TTXVNHà": an all-caps run of 2+ letters before a capitalised syllable
        k = i
        while k > max(0, i - 40) and _is_upper_start(text[k - 1]):
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
    if bare in _PLACE_ABBREVIATIONS:
        return starter_at(text, first)
    if _abbreviation(token):
        return False
    if bare.lower() in ("v.v", "vv", "etc"):
        return True  # "v.v. Năm 2023": an end when a capital follows
    if _INITIALS.match(bare) or bare in _NAME_INITIALS:
        # "H. I. Sutton", "Trần Văn B. cho biết", "anh N.D. Q. (huyện ...)": initials. After a
        # lower-case word a single letter ends a sentence ("độ C. Trời", "ống kính G. Cấu hình")
        # unless more initials follow; in a name, only when a sentence plainly starts after it.
        nxt = _next_tokens(text, first, 1)
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
        g = _glue_after(text, i)
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
            _is_upper_start(first)
            or first.isdigit()
            or first in "“‘«"
            or (first == '"' and k + 1 < n and text[k + 1].isalnum())
            or (first == ">" and k + 1 < n and text[k + 1] in "> ")
            or (first in "-–—" and k + 1 < n and text[k + 1] == " ")
            or (first == "(" and k + 1 < n and _is_upper_start(text[k + 1]))
            or (first in "*•" and k + 1 < n and text[k + 1] == " ")
            or first in "©®"
        )
        if not starts:
            # "… ...Và vận chuyển": an ellipsis opening the next sentence
            return first == "." and text[k : k + 3] == "..." and k + 3 < n and _is_upper_start(text[k + 3])
        if term == "." and end == j:
            return _period_is_end(text, i, end, k)
        if term == "!" and _token_before(text, i) in _BANG_NAMES:
            return False  # "Yahoo! cho biết", "Yahoo! Nhật Bản"
        return True
    # No space after the terminator: a glued paragraph ("đi.Ý kiến", "%.Theo", ").Viết", '."Chỉ'),
    # "?- Ông …" dialogue, or an abbreviation / number / URL ("TP.HCM", "1.2.2022", "vnexpress.net").
    if nxt in "-–" and text[end + 1 : end + 2] == " " and _is_upper_start(text[end + 2 : end + 3] or "x"):
        return True
    if nxt in '"“' and end + 1 < n and (_is_upper_start(text[end + 1]) or text[end + 1].isdigit()):
        return True
    if not _is_upper_start(nxt):
        return False
    if term == "!" and _token_before(text, i) in _BANG_NAMES:
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
    if (_INITIALS.match(token) or (len(token) <= 2 and token.isupper()) or token in _NAME_INITIALS) and not caps_pair:
        # "Đ.Hà", "N.T.Phúc", "H.Triệu Phong"; but "độ C.Người Hà Nội": a letter after a lower-case word
        head = text[max(0, i - len(token) - 80) : i - len(token)].rstrip()
        prev_word = head.rsplit(None, 1)[-1] if head else ""
        if not (len(token) == 1 and prev_word[:1].islower() and i - len(token) > 0 and text[i - len(token) - 1] == " "):
            return False
    before_ok = _is_lower(before) or before.isdigit() or before in "%)\"”’'»"
    if rest and not rest.islower():
        # "TP.HCM", "Q.BT": an all-caps word after the period; a split only after a lower-case word
        # or an all-caps word that is no abbreviation ("quay MV.MV \"Trót yêu\"…", "năm 2019.TP")
        after_caps = (_is_lower(before) or (token.isupper() and len(token) >= 2)) and word.isupper() and len(word) >= 2
        return after_caps and text[end + len(word) : end + len(word) + 1] == " "
    if not rest:
        # one letter: "đi.Ý kiến", 'đẹp".Ở tuổi' (a Vietnamese one-letter word), not "Q.1" / "U.S"
        return before_ok and text[end + 1 : end + 2] == " " and word not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return before_ok or before.isalpha()
    return True


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; glued photo captions, credits and headings come out as their own pieces.

    Abbreviations (TP.HCM, PGS.TS., Q.1), numbers (5,66%, 1.234,5), dates, initials,
    URLs, quotes (a quotation of several sentences is split into them; the closing quote stays
    with the last), a missing space after a period ("trước.Giá"), dialogue dashes and photo
    credits glued into the text ("- Ảnh: AFP Theo ...", "(Ảnh: Reuters) Thỏa thuận",
    "Ảnh: Đình VănÔng") are handled.
    """
    from vnsum.text.segment import segment_line

    text = paragraph.strip()
    return [text[s:e] for _, s, e in segment_line(text)] if text else []
