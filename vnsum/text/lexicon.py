"""The words and letters the text package reads by: character classes, word sets, sentence
starters and the one test of what a Vietnamese syllable looks like.

One module so the sentence splitter, the segmenter and the article parser agree (they used to
keep copies that drifted apart). Pure data and small predicates; nothing here scans a whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long word lists stay readable)."""
    return frozenset(words.split())


def _wordlist(words: str) -> list[str]:
    return words.split()


#: Abbreviations that take a period and are not the end of a sentence.
ABBREVIATIONS = wordset(
    "TP Tp tp PGS GS TS ThS Th.S Ths BS BSCKI BSCKII ThS.BS PGS.TS GS.TS TS.BS KS CN Q P H TX TT NXB St Mr Mrs "
    "Ms Dr Prof No Nr tr Tr vs v/v ca Co Ltd Inc Jr Sr Đ.c Đ/c Đc Mt Ft Gen Col Lt Sgt Capt Gov Sen Rep Pres "
    "Ave Blvd approx cf ed eds vol pp fig e.g i.e"
)
#: Abbreviations of place kinds ("TP. HCM", "Q. 1", "UBND TP. Trước khi ..."): no split, unless
#: the next word is one that starts sentences.
BANG_NAMES = frozenset(["Yahoo", "Jeopardy", "Yahoo!"])
PLACE_ABBREVIATIONS = frozenset(["TP", "Tp", "tp", "Q", "P", "H", "TX", "TT", "X"])

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_IS_UPPER = re.compile(f"[{UPPER}]")
_IS_LOWER = re.compile(f"[{LOWER}]")
#: Vietnamese names are also shortened to their first consonant cluster: "Nh. Thạch", "Th. Hằng".
NAME_INITIALS = frozenset(["Th", "Tr", "Ng", "Nh", "Ph", "Kh", "Ch", "Gi", "Qu", "Ngh"])

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
ASCII_WORDS = wordset(
    "anh ba bay ban bao cho con chi chung cong dan di gia giao hai hay hoa hoc khi khu kinh lai lam linh long "
    "mai minh moi nam nga ngay nhung sau sinh tai tam tay thanh theo thi thu tin trong trung tuy vao xe em bac "
    "cao chan hoang huy khanh lan mong nguyen phan quang son tan thao thuy tien tra tuan van viet vinh ca co "
    "cac cam can chia chim cho chu da dao dau dinh doan dong du dung gan gian giang gio han hanh ho hoan hong "
    "hung kim la lang le li lo loan lu ma man mang me mi mo na nay nghe nghi nha nhan nhanh nhau nhi nho pha "
    "phi pho phong phu qua quan que ra rau sa sai san sang sao se si so song su ta tang te tham than thay the "
    "tho thua ti tia tinh to toan tong trai tran trang tranh tri trinh tro tu tuyen va vai vang ve vi vo vu vui "
    "xa xem xin xu xuan"
)


def is_upper_start(ch: str) -> bool:
    return bool(_IS_UPPER.match(ch))


def is_lower(ch: str) -> bool:
    return bool(_IS_LOWER.match(ch))


_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_SHAPE = re.compile(f"^{_ONSET}(?:[aeiouy]{{1,3}})(?:ng|nh|ch|c|m|n|p|t)?$")
_BASE = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy",
)


@lru_cache(maxsize=8192)
def syllable_shape(word: str) -> bool:
    """Could ``word`` be a Vietnamese syllable once its tone marks are put back ("Chat" -> chát, yes;
    "Tube", "Express", "Tok", no)? Onset, one to three vowels, a final consonant: the spelling rules."""
    if not word or not word.isalpha():
        return False
    f = word.lower().translate(_BASE)
    if not _SHAPE.match(f):
        return False
    if f[0] == "k" and f[1:2] not in ("i", "e", "y", "h"):
        return False  # "ka", "ko": Vietnamese writes ca, co
    if f[0] == "c" and f[1:2] in ("i", "e", "y"):
        return False  # "ce", "ci": Vietnamese writes ke, ki
    return not (f.startswith(("gh", "ngh")) and f[3 if f.startswith("ngh") else 2 :][:1] not in ("i", "e"))


@lru_cache(maxsize=8192)
def is_vietnamese_syllable(word: str) -> bool:
    """Is ``word`` written as a Vietnamese syllable: its shape is one (``syllable_shape``) and it carries
    a Vietnamese letter or mark, or it is a common word written without any ("Chat", "Tube", "Tok",
    "Express": no; "Bạn", "Theo", "anh": yes)? The one test the text package uses: a glued capital
    starts a new sentence only before such a word."""
    low = word.lower()
    return (any(ord(c) > 0x7F for c in low) or low in ASCII_WORDS) and syllable_shape(word)


def next_tokens(text: str, i: int, count: int = 2) -> list[str]:
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
    toks = next_tokens(text, i, 5)
    if not toks:
        return False
    word = toks[0].rstrip(",:;")
    nxt = toks[1] if len(toks) > 1 else ""
    if word in PERSON_STARTERS:
        # A title followed by a 1-3 syllable capitalised name and then a lower-case word.
        names = 0
        for raw in toks[1:]:
            t = raw.rstrip(",.:;!?")
            if t and is_upper_start(t[0]) and t.isalpha() and t == raw:
                names += 1
                continue
            return 1 <= names <= 3 and bool(t) and is_lower(t[0]) and t.isalpha()
        return False
    need = STARTERS.get(word)
    if need is None or not nxt or word != toks[0]:
        return False
    bare = nxt.rstrip(",.:;")
    if bare in _NOT_AFTER_STARTER.get(word, ()):
        return False
    if nxt[0].isdigit():
        return True
    if not is_lower(nxt[0]):
        return False
    if need == "d":
        return bare in _ALLOWED_AFTER.get(word, ())
    return True


#: Photo agencies and sources that make up a whole credit ("Ảnh: Reuters Phòng Công tố …").
AGENCIES = wordset(
    "AFP Reuters AP Xinhua EPA Getty Bloomberg TTXVN VNA Shutterstock Pexels Pixabay Unsplash Internet Weibo "
    "Twitter Facebook Instagram X CNN BBC Theverge Kitco Sputnik TASS RIA Yonhap Kyodo NHK Zing VnExpress "
    "Vietnamplus Vietnam+ Askmen Freepik Depositphotos iStock Alamy NASA ESA WB IMF WHO UN Tuổi Trẻ"
)

SURNAMES = wordset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Lương Trương Mai Tạ Lưu "
    "Cao Quách Trịnh Đoàn Vương Thái Châu Tô La Lâm Chu Tăng Kiều Triệu Mạc Hà Văn Khổng Lại"
)

LINK_LABEL_RE = re.compile(
    r"^(?:TIN (?:BÀI )?LIÊN QUAN|Tin (?:bài )?liên quan|BÀI (?:VIẾT )?LIÊN QUAN|Bài (?:viết )?liên quan|"
    r"XEM THÊM|Xem thêm|ĐỌC THÊM|Đọc thêm|Tin cùng chuyên mục|TIN CÙNG CHUYÊN MỤC|TIN MỚI(?: NHẤT| HƠN)?|"
    r"Tin mới(?: nhất| hơn)?|Tin khác|TIN KHÁC|Bài đọc thêm|Có thể bạn quan tâm|CÓ THỂ BẠN QUAN TÂM|"
    r"Xem tiếp|Video liên quan|Tin nổi bật)(?![\w])"
)

AGENCY_TAG_RE = re.compile(
    r"^(?:\([^()\n]{2,30}\)|[A-ZĐ][\w.]{1,15}(?:\.[A-Za-z]{2,3})?|[A-ZĐ][\w ]{1,25},\s*\d{1,2}/\d{1,2}\s*\([^()]{2,15}\))"
    r"\s*[-–—]+\s+(?=\S)"
)

#: An outlet's dateline tag inside a later line: "Lũ quét ở miền núi TTO - Hàng trăm hộ dân …" is the
#: headline and lead of another story (a related-story block), not the article's body. Only the tags of
#: outlets, never any capitalised word before a dash ("ASEAN - Trung Quốc", "Des Ball - chuyên gia").
MID_AGENCY_TAG_RE = re.compile(
    r"(?<=[^\s.!?:;]) (?:TTO|VOV\.VN|VTV\.vn|VTC News|ANTĐ|ANTD\.VN|GDVN|TPO|VNA|NLĐO|PLO|SGGP|Infonet|"
    r"\((?:Dân trí|Dân Trí|VTC News|NLĐO|PLO|TTXVN|Vietnam\+|VOV|VTV|TTO|TPO|Baonghean\.vn|Kiến Thức|Infonet|VnMedia|"
    r"CAND|QĐND|SGGP|ĐSPL|GDTĐ|GDVN|Zing\.vn|Thanh Niên|ANTĐ|PLVN|VietNamNet|Vietnamnet|Petrotimes)\)) ?[-–—]+ (?=[A-ZĐÀ-Ỹ\"“])"
)

#: Words that say a piece describes a picture (not "ảnh hưởng", "mô hình", "tại hiện trường").
PHOTO_WORDS = re.compile(
    r"trong ảnh|\(ảnh\)|\((?:trái|phải|giữa|bìa trái|bìa phải|đứng giữa|ngồi giữa)\)|\bbìa (?:trái|phải)\b|"
    r"từ trái (?:sang|qua)|\bchụp (?:ảnh|hình)|\btạo dáng\b|\blưu niệm\b|\bống kính\b|\bkhung hình\b",
    re.IGNORECASE,
)

NOT_NAME_START = wordset(
    "Theo Trong Tuy Sau Khi Trước Các Đây Một Tại Những Từ Việc Ngoài Nhiều Đến Nhưng Hiện Nếu Để Với Được Cũng "
    "Còn Do Họ Về Đó Vì Có Và Xem Tin Bài Ảnh Video Nguồn Chia Bình Đăng Tags Từ"
)

PLACE_WORDS_LOWER = wordset(
    "tỉnh thành phố huyện xã phường quận thị trấn chợ cầu núi đường sông rạch kênh đình chùa đền miếu hẻm ngã "
    "khu ấp thôn bản làng đảo hồ suối đèo vịnh bến tên nhà hướng"
)

#: Capitalised syllables that are mostly names inside a sentence ("đòi Mỹ giải thích", "do thám Tổng thống").
NAME_SYLLABLES = wordset(
    "Mỹ Nga Pháp Anh Đức Nhật Trung Hàn Úc Ấn Việt Lào Thái Nam Bắc Tây Đông Bộ Sở Ủy Uỷ Tổng Thủ Chủ Chính "
    "Quốc Đảng Nhà Hội Công Đại Phó Ban Cục Viện Tòa Toà Trường Bệnh Liên Tập Ngân Thành Tỉnh Huyện Phòng Quân "
    "Cảnh Hà Hồ Sài Đà Hải Cần Bình Long Giang Sơn Hòa Hoà Minh"
)


#: Verbs and tense words of reported news: a piece with one reports, it does not describe a picture.
REPORTING = re.compile(
    r"\b(?:cho biết|cho hay|nói|khẳng định|cho rằng|tuyên bố|thông tin|công bố|nhấn mạnh|đề nghị|yêu cầu|"
    r"theo|vừa|đã|sẽ|được biết|ghi nhận|phát hiện|xảy ra)\b",
    re.IGNORECASE,
)
#: A reporting clause's subject and verb: a news agency or a title with its name, then "cho biết",
#: "tuyên bố", …: "… kéo lưới trên sông|AFP cho biết …", "… trước tòa nhà|Ngoại trưởng Pháp Jean Dupont
#: tuyên bố …". Glued after a lower-case word with no punctuation, it starts a sentence (what is before
#: it is then a caption or heading, if it has their shape: ``segment``).
REPORTING_SUBJECT_RE = re.compile(
    r"(?<=[\w”\"’)]) (?P<subject>(?:AFP|Reuters|AP|Xinhua|EPA|Bloomberg|TTXVN|CNN|BBC|Sputnik|TASS|RIA|Yonhap|Kyodo|"
    r"NHK)|(?:Ngoại trưởng|Thủ tướng|Tổng thống|Phó Tổng thống|Bộ trưởng|Thứ trưởng|Chủ tịch|Giám đốc|Phát ngôn viên|"
    r"Người phát ngôn|Đại sứ|Thượng nghị sĩ|Giáo sư|Tiến sĩ|Luật sư|Tướng|Đại tướng|Trung tướng|Thiếu tướng|Đại tá|"
    r"Thượng tá|Trung tá|Thiếu tá|Tờ|Hãng tin|Hãng thông tấn)(?: [A-ZĐÀ-Ỹ][\w.+-]*){1,5}) "
    r"(?:(?:đã|cũng|vừa|hôm \w+|ngày [\d/.]+) )?"
    r"(?:cho biết|cho hay|tuyên bố|khẳng định|xác nhận|thông báo|đưa tin|nhận định|nhấn mạnh|phát biểu|nói rằng)(?![\w])"
)
#: Cheap tests before REPORTING_SUBJECT_RE (one of these verbs must be in the line).
REPORTING_SUBJECT_VERBS = (
    "cho biết", "cho hay", "tuyên bố", "khẳng định", "xác nhận", "thông báo", "đưa tin", "nhận định", "nhấn mạnh",
    "phát biểu", "nói rằng",
)  # fmt: skip
#: A time phrase at the start of a piece ("Ngày 3/4", "Sáng nay", "Tháng trước"): news, not a picture.
TIME_START = re.compile(r"^(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Khuya|Rạng sáng|Hôm|Tháng|Năm|Đầu|Cuối|Từ|Đến|Trước|Sau)\b")
#: A time expression anywhere ("ngày 12/3", "sáng nay", "hôm qua", "năm 2019", "15h30").
TIME_ANY = re.compile(
    r"\b(?:ngày|sáng|chiều|tối|trưa|đêm|tuần|tháng|năm|hôm)\s+(?:nay|qua|mai|trước|tới|sau|ngoái|\d)|"
    r"\b\d{1,2}\s*h\s*\d{0,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bhôm (?:qua|nay|kia)\b",
    re.IGNORECASE,
)

#: People and groups at the start of a piece: what photo captions show.
PERSON_START = re.compile(
    r"^(?:Ông|Bà|Anh|Chị|Em|Cô|Thầy|Lãnh đạo|Thứ trưởng|Bộ trưởng|Chủ tịch|Thủ tướng|Tổng thống|Phó|Đại diện|"
    r"Đoàn|Lực lượng|Cảnh sát|Người dân|Du khách|Học sinh|Sinh viên|Công nhân|Cán bộ)\b"
)

__all__ = [
    "ABBREVIATIONS",
    "AGENCIES",
    "AGENCY_TAG_RE",
    "ASCII_WORDS",
    "BANG_NAMES",
    "LINK_LABEL_RE",
    "LOWER",
    "MID_AGENCY_TAG_RE",
    "NAME_INITIALS",
    "NAME_SYLLABLES",
    "NOT_NAME_START",
    "PERSON_START",
    "PERSON_STARTERS",
    "PHOTO_WORDS",
    "PLACE_ABBREVIATIONS",
    "PLACE_WORDS_LOWER",
    "REPORTING",
    "REPORTING_SUBJECT_RE",
    "REPORTING_SUBJECT_VERBS",
    "STARTERS",
    "SURNAMES",
    "TIME_ANY",
    "TIME_START",
    "UPPER",
    "is_lower",
    "is_upper_start",
    "is_vietnamese_syllable",
    "next_tokens",
    "starter_at",
    "syllable_shape",
    "wordset",
]
