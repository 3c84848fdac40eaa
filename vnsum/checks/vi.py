"""Numbers, amounts, percentages, dates and times in Vietnamese text.

Conventions handled: "1.234" (thousands) and "1,5" (decimal), scale words
(nghìn/ngàn, vạn, triệu, tỷ/tỉ, trăm, chục, tá, "nghìn tỷ", "1 tỷ 200 triệu"),
currencies (đồng, VNĐ, USD, "đô la", "$", ...), "%" and "phần trăm", dates
("25/3/2021", "25-3", "23.10" after "ngày", "ngày 25 tháng 3 năm 2021",
"tháng 3/2021", "năm 2021", "23-25/10"), weekdays ("thứ Hai", "chủ nhật"),
times ("20h30", "8 giờ tối"), numbers in words ("hai mươi lăm", "ba triệu").

Rules run in order; each consumes its characters so later rules skip them.
Names are found afterwards by ``names.vi_names`` on what is left.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import numeric as N
from .norm import Scanner, fold, sentence_initial
from .values import Value, dec, readings

_NUM = r"\d+(?:[.,]\d+)*"
_END = r"(?![\w]|[.,/-]\d)"

_CODE = re.compile(r"(?<![\w-])(?!(?:VND|VNĐ|USD|EUR|GBP|JPY|CNY|RMB)\d)(?:[^\W\d_]+\d[\w]*|\d+[^\W\d_]+\d[\w]*)(?![\w])")
_QUARTER = re.compile(r"[Qq]([1-4])")

_TIME_HM = re.compile(
    r"(?<![\w.,:])(\d{1,2})\s?(?:h|g|giờ|:)\s?(\d{2})(?:\s?phút|')?(?![\w])"
    r"(?:\s*(sáng|trưa|chiều|tối|đêm|khuya))?",
    re.I,
)
_TIME_H = re.compile(r"(?<![\w.,:])(\d{1,2})\s?(h|giờ)(?![\w])(?:\s*(sáng|trưa|chiều|tối|đêm|khuya))?", re.I)
_LUC = re.compile(r"(?:lúc|vào|khoảng|từ|đến|tới)\s*$", re.I)

_DMY = re.compile(r"(?<![\w.,/-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})" + _END)
_NGAY = re.compile(r"(?:ngày|mùng|mồng)\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,|/|-)\s*(\d{4}))?(?!\d)", re.I)
_RANGE_DM = re.compile(
    r"(?<![\w.,/-])(\d{1,2})\s*(?:-|–|và|đến|tới|,)\s*(\d{1,2})\s*[/-]\s*(\d{1,2})"
    r"(?:\s*[/-]\s*(\d{4}))?" + _END
)
_DM = re.compile(r"(?<![\w.,/-])(\d{1,2})(\s*/\s*|-|\.)(\d{1,2})" + _END)
_DATE_CTX = re.compile(r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|mùng|mồng|rạng|nay|qua|mai)\s*[,:(]?\s*$", re.I)
_NOT_DATE_AFTER = re.compile(r"\s*(?:%|phần\s+trăm|nghìn|ngàn|triệu|tỷ|tỉ|đồng|USD|tuổi|người|km|kg|m\b|lần|điểm|bàn)", re.I)
_MONTH_YEAR = re.compile(r"tháng\s*(\d{1,2})\s*(?:/|-|năm|,\s*năm)\s*(\d{4})(?!\d)", re.I)
_MONTH = re.compile(r"tháng\s*(\d{1,2})(?!\d|[.,/]\d)", re.I)
_MONTH_WORDS = {
    "giêng": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
_MONTH_WORD = re.compile(
    r"(?i:tháng)\s+(Giêng|giêng|Mười Một|Mười Hai|Mười một|Mười hai|Mười|Hai|Ba|Tư|Năm|Sáu|"
    r"Bảy|Bẩy|Tám|Chín|Chạp|chạp|mười một|mười hai|mười|một|hai|ba|tư|năm|sáu|bảy|bẩy|tám|"
    r"chín)(?![\w])"
)
_YEAR = re.compile(r"năm\s+(\d{4})(?![\d.,]\d)", re.I)
_WEEKDAY = re.compile(
    r"(?i:thứ)\s+(Hai|Ba|Tư|Năm|Sáu|Bảy|Bẩy|hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])(?![\w])"
    r"|(?i:chủ\s+nhật)(?![\w])"
)
_WD = {"hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7}

_CUR_CODES = ("VND", "VNĐ", "USD", "EUR", "GBP", "JPY", "CNY", "RMB")
_WORD_AFTER = re.compile(r"\w+")
_NUMBER = re.compile("(?:" + "|".join(f"(?<={c})" for c in _CUR_CODES) + r"|(?<![\w.,]))" + _NUM)
_SCALES = {"nghìn": 1000, "ngàn": 1000, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9, "trăm": 100, "chục": 10, "tá": 12}
_SCALE = re.compile(r"\s*(nghìn|ngàn|vạn|triệu|tỷ|tỉ|trăm|chục|tá)(?![\w])(?!\s+(?:lệ|phú|giá|số|trọng|suất)\b)", re.I)
_SCALE_ABBR = re.compile(r"(tr|k|K)(?![\w])")
_COMPOSITE = re.compile(r"\s*(\d{1,3})\s*(nghìn|ngàn|vạn|triệu|trăm)(?![\w])", re.I)
_HALF = re.compile(r"\s*rưỡi(?![\w])", re.I)
_PCT = re.compile(r"\s*(?:%|phần\s+trăm)", re.I)
_CUR_AFTER = re.compile(
    r"\s*(đồng|VNĐ|VND|vnđ|vnd|đ|USD|usd|US\$|đô la Mỹ|đô-la Mỹ|đô la Singapore|đô la Úc|"
    r"đô la Hồng Kông|đô la Canada|đô la Đài Loan|Đài tệ|đô la|đô-la|đôla|đô|Mỹ kim|euro|Euro|"
    r"EUR|yên Nhật|yên|Yên|yen|JPY|nhân dân tệ|Nhân dân tệ|NDT|tệ|CNY|bảng Anh|GBP|won|KRW|"
    r"baht|bạt|rúp|rupee|ringgit|peso|\$)(?![\w])"
)
_CUR_BEFORE = re.compile(r"(US\$|S\$|A\$|HK\$|NT\$|C\$|\$|USD|VND|VNĐ|EUR|€|£|¥)\s?$")
CURRENCY = {
    "đồng": "VND",
    "vnđ": "VND",
    "vnd": "VND",
    "đ": "VND",
    "usd": "USD",
    "us$": "USD",
    "đô la mỹ": "USD",
    "đô-la mỹ": "USD",
    "đô la": "USD",
    "đô-la": "USD",
    "đôla": "USD",
    "đô": "USD",
    "mỹ kim": "USD",
    "$": "USD",
    "đô la singapore": "SGD",
    "s$": "SGD",
    "đô la úc": "AUD",
    "a$": "AUD",
    "đô la hồng kông": "HKD",
    "hk$": "HKD",
    "đô la canada": "CAD",
    "c$": "CAD",
    "đô la đài loan": "TWD",
    "đài tệ": "TWD",
    "nt$": "TWD",
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "yên nhật": "JPY",
    "yên": "JPY",
    "yen": "JPY",
    "jpy": "JPY",
    "¥": "JPY",
    "nhân dân tệ": "CNY",
    "ndt": "CNY",
    "tệ": "CNY",
    "cny": "CNY",
    "bảng anh": "GBP",
    "gbp": "GBP",
    "£": "GBP",
    "won": "KRW",
    "krw": "KRW",
    "baht": "THB",
    "bạt": "THB",
    "rúp": "RUB",
    "rupee": "INR",
    "ringgit": "MYR",
    "peso": "PHP",
}
_RANGE_AFTER = re.compile(r"\s*(?:-|–|~|đến|tới|và|hoặc|hay|,)\s*(" + _NUM + r")(?![\w])", re.I)
_UNIT_ATTACHED = re.compile(
    r"(km2|km|kg|cm|mm|m2|m3|m|g|mg|ha|ml|l|t|MW|kW|kWh|GW|Hz|MHz|GHz|GB|MB|TB|x|s|mm2|ly|%|feet|"
    r"ft|inch|inches|mph|độ|°C|°)"
    r"(?![\w])"
)

_NUMWORD = (
    r"mười một|mười hai|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|"
    r"mươi|trăm|linh|lẻ|nghìn|ngàn|vạn|triệu|tỷ|tỉ|chục|rưỡi"
)
_SPELLED = re.compile(r"(?<![\w])(?:" + _NUMWORD + r")(?:\s+(?:" + _NUMWORD + r"))*(?![\w])", re.I)
_WORD = re.compile(r"\S+")
_UNIT = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_AFTER_TENS = {
    "mốt": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_BIG = {"nghìn": 1000, "ngàn": 1000, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
#: a word alone that is more often something else ("một" = "a", "ba" = "dad",
#: "năm" = "year"): it may support the English side, it is never reported
_AMBIGUOUS = {
    "một",
    "mốt",
    "ba",
    "năm",
    "tư",
    "chín",
    "lăm",
    "nhăm",
    "linh",
    "lẻ",
    "mươi",
    "rưỡi",
    "chục",
    "trăm",
    "nghìn",
    "ngàn",
    "vạn",
    "triệu",
    "tỷ",
    "tỉ",
}
_BARE = re.compile(
    r"(?<![\w])(?:hàng|vài|mấy|dăm|nhiều|hơn|gần|tiền|bạc)\s+((?:(?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|"
    r"tá)\s*)+)(?![\w])",
    re.I,
)
_SUPPORT = re.compile(r"(?<![\w])(đôi|cặp|nửa|gấp đôi|cả hai|song)(?![\w])", re.I)
_SUPPORT_VAL = {"đôi": 2, "cặp": 2, "nửa": Decimal("0.5"), "gấp đôi": 2, "cả hai": 2, "song": 2}
_HALF_AFTER = re.compile(r"(?<![\w.,])(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+\w+\s+rưỡi(?![\w])", re.I)
_ROMAN = re.compile(r"(?<![\w])([IVXLC]{2,6})(?![\w])")
_ROMAN_CTX = re.compile(r"(?:quý|thế kỷ|thế kỉ|khóa|khoá|kỳ|kì|lần|đệ|thứ|hạng|số|phần|chương)\s*$", re.I)


def _valid_dm(d: int, mo: int) -> bool:
    return 1 <= d <= 31 and 1 <= mo <= 12


def _year(s: str) -> int:
    v = int(s)
    if len(s) == 2:
        v += 2000 if v <= 40 else 1900
    return v


def _period(word: str | None, hour: int) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w == "sáng":
        return "am"
    if w == "trưa":
        return None if hour in (11, 12) else "pm"
    if w in ("chiều", "tối"):
        return "pm"
    return "night"


# "tỷ lệ" (rate), "tỷ giá" (exchange rate), "tỷ phú" (billionaire): no billions
_NOT_SCALE = re.compile(r"(?<![\w])(?:tỷ|tỉ|triệu)\s+(?:lệ|giá|số|phú|trọng|suất)(?![\w])", re.I)


def extract(text: str) -> Scanner:
    """All numeric values of a prepared (NFC, vnorm) Vietnamese text."""
    sc = Scanner(text)
    for m in _NOT_SCALE.finditer(text):
        sc.take(m.start(), m.end())
    _times(sc)
    _codes(sc)
    _dates(sc)
    _numbers(sc)
    _bare(sc)
    _spelled(sc)
    _others(sc)
    return sc


def _times(sc: Scanner) -> None:
    text = sc.text
    for m in _TIME_HM.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        h, mi = int(m.group(1)), int(m.group(2))
        v = N.clock(m.group(0), m.start(), m.end(), h, mi, _period(m.group(3), h))
        if v:
            sc.add(v)
    for m in _TIME_H.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        h = int(m.group(1))
        per = _period(m.group(3), h)
        clockish = per is not None or bool(_LUC.search(text, max(0, m.start() - 8), m.start()))
        v = N.clock(m.group(0), m.start(), m.end(), h, 0, per, maybe_duration=not clockish)
        if v:
            sc.add(v)


def _codes(sc: Scanner) -> None:
    for m in _CODE.finditer(sc.text):
        if not sc.free(m.start(), m.end()):
            continue
        q = _QUARTER.fullmatch(m.group(0))
        if q:
            sc.add(N.number(m.group(0), m.start(), m.end(), [dec(int(q.group(1)))]))
            continue
        sc.add(N.code(m.group(0), m.start(), m.end(), fold(m.group(0)).replace("-", "")))


def _dates(sc: Scanner) -> None:
    text = sc.text
    for m in _NGAY.finditer(text):
        d, mo = int(m.group(1)), int(m.group(2))
        if _valid_dm(d, mo) and sc.free(m.start(), m.end()):
            yr = int(m.group(3)) if m.group(3) else None
            sc.add(N.date(m.group(0), m.start(), m.end(), day=d, month=mo, year=yr))
    for m in _DMY.finditer(text):
        d, mo = int(m.group(1)), int(m.group(2))
        if _valid_dm(d, mo) and sc.free(m.start(), m.end()):
            sc.add(N.date(m.group(0), m.start(), m.end(), day=d, month=mo, year=_year(m.group(3))))
    for m in _RANGE_DM.finditer(text):
        d1, d2, mo = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid_dm(d1, mo) and _valid_dm(d2, mo) and d1 < d2 and sc.free(m.start(), m.end()):
            yr = int(m.group(4)) if m.group(4) else None
            sc.add(N.dates(m.group(0), m.start(), m.end(), [(d1, mo), (d2, mo)], yr))
    for m in _DM.finditer(text):
        d, sep, mo = int(m.group(1)), m.group(2).strip(), int(m.group(3))
        if not _valid_dm(d, mo) or not sc.free(m.start(), m.end()):
            continue
        ctx = bool(_DATE_CTX.search(text, max(0, m.start() - 12), m.start()))
        if sep == "." and not ctx:
            continue
        if not ctx and _NOT_DATE_AFTER.match(text, m.end()):
            continue
        alts = () if ctx else (frozenset({N.K.n(dec(d)), N.K.n(dec(mo))}),)
        v = N.date(m.group(0), m.start(), m.end(), day=d, month=mo, alts=alts, kind="date" if ctx or sep == "/" else "number")
        if alts:
            # within Vietnamese the same pair must come back ("1-1" is no "1-4")
            pair = ("pair", d, mo)
            v = Value(
                v.kind,
                v.text,
                v.start,
                v.end,
                v.needs,
                v.provides | {pair},
                same_lang=(frozenset({N.K.md(mo, d)}), frozenset({pair})),
            )
        sc.add(v)
    for m in _MONTH_YEAR.finditer(text):
        mo = int(m.group(1))
        if 1 <= mo <= 12 and sc.free(m.start(), m.end()):
            sc.add(N.date(m.group(0), m.start(), m.end(), month=mo, year=int(m.group(2))))
    for m in _MONTH.finditer(text):
        mo = int(m.group(1))
        if 1 <= mo <= 12 and sc.free(m.start(), m.end()):
            sc.add(N.date(m.group(0), m.start(), m.end(), month=mo))
    for m in _MONTH_WORD.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        word = m.group(1)
        mo = _MONTH_WORDS[word.lower()]
        v = N.date(m.group(0), m.start(), m.end(), month=mo)
        if word[0].islower() and word not in ("giêng", "chạp"):
            # "tháng ba" is March, but "tháng năm" is also "months and years"
            v = Value("date", v.text, v.start, v.end, (), v.provides, True, True)
        sc.add(v)
    for m in _YEAR.finditer(text):
        if sc.free(m.start(), m.end()):
            yr = int(m.group(1))
            v = N.date(m.group(0), m.start(), m.end(), year=yr)
            # "năm 1971" / "in '71"
            sc.add(
                Value("date", v.text, v.start, v.end, v.needs + (frozenset({("yy", yr % 100)}),), v.provides | {("yy", yr % 100)})
            )
    for m in _WEEKDAY.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        word = m.group(1)
        if word is None:  # chủ nhật
            sc.add(N.weekday(m.group(0), m.start(), m.end(), 7, None, weak=False, strict=True))
            continue
        num = int(word) if word.isdigit() else _WD[word.lower()]
        cap = word[0].isupper() and not sentence_initial(text, m.start())
        sc.add(N.weekday(m.group(0), m.start(), m.end(), num - 1, num, weak=not (word.isdigit() or cap), strict=False))


def _scaled(text: str, pos: int) -> tuple[Decimal | None, int, list[Decimal]]:
    """Scale words after a number: (multiplier, end, smaller parts to add)."""
    mult: Decimal | None = None
    m = _SCALE_ABBR.match(text, pos)
    if m:
        return dec(10**6 if m.group(1) == "tr" else 1000), m.end(), []
    while True:
        m = _SCALE.match(text, pos)
        if not m:
            break
        f = _SCALES[m.group(1).lower()]
        mult = dec(f) if mult is None else dec(mult * f)
        pos = m.end()
    parts: list[Decimal] = []
    if mult is not None:
        h = _HALF.match(text, pos)
        if h:
            parts.append(dec(mult / 2))
            pos = h.end()
        last = mult
        while True:
            c = _COMPOSITE.match(text, pos)
            if not c:
                break
            part_scale = dec(_SCALES[c.group(2).lower()])
            if part_scale >= last:
                break
            parts.append(dec(int(c.group(1)) * part_scale))
            last = part_scale
            pos = c.end()
    return mult, pos, parts


def _numbers(sc: Scanner) -> None:
    text = sc.text
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if not sc.free(start, end):
            continue
        rs = readings(m.group(0))
        if not rs:
            sc.take(start, end)
            continue
        if (
            end < len(text)
            and text[end].isalpha()
            and not _CUR_AFTER.match(text, end)
            and not _SCALE_ABBR.match(text, end)
            and not _UNIT_ATTACHED.match(text, end)
        ):
            wm = _WORD_AFTER.match(text, end)
            word = wm.group(0) if wm else ""
            sc.add(N.code(m.group(0) + word, start, end + len(word), fold(m.group(0) + word)))
            continue
        mult, pos, parts = _scaled(text, end)
        vals = [dec(r * mult + sum(parts)) for r in rs] if mult else rs
        # a range "5-7 triệu", "50 - 60 %": the first number takes the unit of the second
        alt: list[Decimal] = []
        range_pct = False
        if mult is None:
            r = _RANGE_AFTER.match(text, end)
            if r:
                m2, _, _ = _scaled(text, r.end())
                if m2:
                    alt = [dec(x * m2) for x in rs]
                elif _PCT.match(text, r.end()):
                    range_pct = True
        pct = _PCT.match(text, pos)
        if pct or range_pct:
            e = pct.end() if pct else pos
            sc.add(N.percent(text[start:e], start, e, vals))
            continue
        cur = _CUR_AFTER.match(text, pos)
        before = _CUR_BEFORE.search(text, max(0, start - 5), start)
        if cur:
            e = cur.end()
            sc.add(N.amount(text[start:e], start, e, vals, CURRENCY[cur.group(1).lower()], alt))
            continue
        if before:
            sc.add(N.amount(text[before.start() : pos], before.start(), pos, vals, CURRENCY[before.group(1).lower()], alt))
            continue
        # "1" is written for "một", which is also the article "a": weak
        sc.add(N.number(text[start:pos], start, pos, vals, alt=alt, weak=m.group(0) == "1" and mult is None and not alt))
        if mult is not None:
            sc.values[-1] = Value(
                "number", text[start:pos], start, pos, sc.values[-1].needs, sc.values[-1].provides | {N.K.s(mult)}
            )


def _spelled(sc: Scanner) -> None:
    text = sc.text
    for m in _SPELLED.finditer(text):
        words = [(w.group(0), m.start() + w.start(), m.start() + w.end()) for w in _WORD.finditer(m.group(0))]
        # a capitalised number word inside a sentence is a name ("anh Ba", "Triệu")
        clean: list[list[tuple[str, int, int]]] = [[]]
        for w in words:
            if not sc.free(w[1], w[2]) or (w[0][0].isupper() and not sentence_initial(text, w[1])):
                clean.append([])
            else:
                clean[-1].append(w)
        for seq in clean:
            _parse_words(sc, seq)


def _below_1000(ws: list[str], j: int) -> tuple[int, int, bool] | None:
    """(value, next index, had a structural word: trăm/mươi/mười/linh)."""
    n = len(ws)
    val = None
    if j + 1 < n and ws[j] in _UNIT and ws[j + 1] == "trăm":
        val, j = _UNIT[ws[j]] * 100, j + 2
    elif j < n and ws[j] == "trăm":
        val, j = 100, j + 1
    if val is not None:
        if j + 1 < n and ws[j] in ("linh", "lẻ") and ws[j + 1] in _UNIT:
            return val + _UNIT[ws[j + 1]], j + 2, True
        t = _tens(ws, j)
        if t:
            return val + t[0], t[1], True
        if j < n and ws[j] == "rưỡi":
            return val + 50, j + 1, True
        return val, j, True
    t = _tens(ws, j)
    if t:
        return t[0], t[1], True
    if j < n and ws[j] in _UNIT:
        v, j = _UNIT[ws[j]], j + 1
        if j < n and ws[j] == "chục":
            return v * 10, j + 1, True
        return v, j, False
    return None


def _tens(ws: list[str], j: int) -> tuple[int, int] | None:
    n = len(ws)
    if j < n and ws[j] == "mười":
        v, j = 10, j + 1
        if j < n and ws[j] in _AFTER_TENS and ws[j] != "mốt":
            v, j = v + _AFTER_TENS[ws[j]], j + 1
        return v, j
    if j + 1 < n and ws[j] in _UNIT and ws[j] != "một" and ws[j + 1] == "mươi":
        v, j = _UNIT[ws[j]] * 10, j + 2
        if j < n and ws[j] in _AFTER_TENS:
            v, j = v + _AFTER_TENS[ws[j]], j + 1
        return v, j
    return None


def _parse_number(ws: list[str], i: int) -> tuple[Decimal, int] | None:
    n = len(ws)
    g = _below_1000(ws, i)
    j = i
    cur = 0
    got = False
    if g:
        cur, j, _ = g
        got = True
    total = Decimal(0)
    while j < n and ws[j] in _BIG:
        scale = _BIG[ws[j]]
        j += 1
        while j < n and ws[j] in _BIG and _BIG[ws[j]] > scale:
            scale *= _BIG[ws[j]]
            j += 1
        total += (cur or 1) * scale
        cur = 0
        got = True
        if j < n and ws[j] == "rưỡi":
            total += Decimal(scale) / 2
            j += 1
            break
        if j + 1 < n and ws[j] in ("linh", "lẻ") and ws[j + 1] in _UNIT:
            total += _UNIT[ws[j + 1]]
            j += 2
            break
        g = _below_1000(ws, j)
        if not g:
            break
        v, k, structural = g
        if k < n and ws[k] in _BIG and _BIG[ws[k]] < scale:
            cur, j = v, k
        elif structural:
            cur, j = v, k
            break
        else:
            break
    if not got:
        return None
    return dec(total + cur), j


def _parse_words(sc: Scanner, seq: list[tuple[str, int, int]]) -> None:
    ws = [w[0].lower() for w in seq]
    i = 0
    while i < len(ws):
        r = _parse_number(ws, i)
        if r is None:
            i += 1
            continue
        val, j = r
        start, end = seq[i][1], seq[j - 1][2]
        txt = sc.text[start:end]
        pct = _PCT.match(sc.text, end)
        if pct:
            sc.add(N.percent(sc.text[start : pct.end()], start, pct.end(), [val], weak=True))
        elif j - i == 1 and ws[i] in _AMBIGUOUS:
            sc.add(N.support(txt, start, end, [val]))
        else:
            # "ba triệu" is no small number: checked like digits
            sc.add(N.number(txt, start, end, [val], weak=val < 1000))
        i = j


def _bare(sc: Scanner) -> None:
    for m in _BARE.finditer(sc.text):
        if not sc.free(m.start(1), m.end(1)):
            continue
        mag = Decimal(1)
        for w in m.group(1).split():
            w = w.lower()
            mag *= 10 if w == "tá" else _SCALES[w]
        sc.add(N.bare_scale(m.group(0), m.start(), m.end(), mag))


def _others(sc: Scanner) -> None:
    text = sc.text
    for m in _HALF_AFTER.finditer(text):  # "hai năm rưỡi" is two and a half years
        w = m.group(1).lower()
        base = int(w) if w.isdigit() else (_UNIT.get(w) or 10)
        sc.values.append(N.support(m.group(0), m.start(), m.end(), [dec(Decimal(base) + Decimal("0.5"))]))
    for m in _SUPPORT.finditer(text):
        if sc.free(m.start(), m.end()):
            sc.add(N.support(m.group(0), m.start(), m.end(), [dec(_SUPPORT_VAL[m.group(1).lower()])]))
    for m in _ROMAN.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        v = N.roman(m.group(1))
        if v is None:
            continue
        ctx = _ROMAN_CTX.search(text, max(0, m.start() - 10), m.start())
        sc.add(N.number(m.group(0), m.start(), m.end(), [dec(v)], weak=not ctx))
