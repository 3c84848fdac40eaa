"""Numbers, amounts, percentages, dates and times in English text.

Conventions handled: "1,234" / "1.5" (and the Vietnamese-style "1.234" /
"5,66" a machine translation may leave), scale words ("10 trillion", "$5bn",
"VND10 trillion"), currencies, "%" / "percent" / "per cent", dates ("March 25,
2021", "25 March 2021", "the 25th of March", "3/25/2021", "2021-03-25",
"October 23-25"), months, decades ("the '70s", "1840s"), weekdays, times
("8:30 pm", "20:30", "8 o'clock", "noon"), ordinals ("3rd", "third"), numbers
in words ("twenty-five", "two million", "a hundred").
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import numeric as N
from . import values as K
from .norm import Scanner, fold
from .values import Value, dec, readings

_NUM = r"\d+(?:[.,]\d+)*"
_END = r"(?![\w]|[.,/-]\d)"
_ORD = r"(?:st|nd|rd|th)?"

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MON = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_FULL_MON = (
    r"(?<![\w])(January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?![\w])"
)
_MAY_CTX = re.compile(
    r"(?:in|of|since|until|till|by|early|late|mid|last|next|this|from|to|through|between|and|or"
    r"|before|after|during|on)\s+$",
    re.I,
)
_WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
_WEEKDAY = re.compile(r"(?<![\w])(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?(?![\w])")

_DATE_MDY = re.compile(
    _MON + r"\s+(?:the\s+)?(\d{1,2})" + _ORD + r"(?:\s*(?:-|–|to|and|&)\s*(\d{1,2})" + _ORD + r")?"
    r"(?:,?\s+(\d{4}))?(?![\d]|\.\d)"
)
_DATE_DMY = re.compile(
    r"(?<![\w.,/-])(?:the\s+)?(\d{1,2})"
    + _ORD
    + r"(?:\s*(?:-|–|to|and|&)\s*(\d{1,2})"
    + _ORD
    + r")?\s+(?:of\s+)?"
    + _MON
    + r"(?:,?\s+(\d{4}))?(?![\w])"
)
_MONTH_YEAR = re.compile(_MON + r",?\s+(?:of\s+)?(\d{4})(?!\d)")
_MONTH = re.compile(_FULL_MON)
_ISO = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w])")
_SLASH = re.compile(r"(?<![\w./-])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}|\d{2}))?" + _END)
_DECADE4 = re.compile(r"(?<![\w.,])(\d{4})'?s(?![\w])")
_DECADE2 = re.compile(r"(?<![\w.,])'\s?(\d{2})(s?)(?![\w])|(?<![\w.,'])(\d0)'?s(?![\w])")

_AMPM = r"(a\.?\s?m\.?|p\.?\s?m\.?|A\.?M\.?|P\.?M\.?)"
_TIME_HM = re.compile(
    r"(?<![\w.,:])(\d{1,2}) ?: ?(\d{2})(?:\s*" + _AMPM + r")?(?![\w])"
    r"(?:\s+(?:in\s+the\s+|at\s+)?(morning|afternoon|evening|night))?"
)
_TIME_AMPM = re.compile(r"(?<![\w.,:])(\d{1,2})(?:\.(\d{2}))?\s*" + _AMPM + r"(?![\w])")
_TIME_OCLOCK = re.compile(
    r"(?<![\w.,:])(\d{1,2})\s+o'clock"
    r"(?:\s+(?:in\s+the\s+)?(morning|afternoon|evening|night))?"
)
_HOUR_WORDS = {
    w: i
    for i, w in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 1)
}
_TIME_WORDS = re.compile(
    r"(?<![\w])(" + "|".join(_HOUR_WORDS) + r"|\d{1,2})(?:\s+(thirty|fifteen|forty-five|o'clock))?"
    r"(?:\s+o'clock)?\s+(?:in\s+the\s+|at\s+)(morning|afternoon|evening|night)(?![\w])",
    re.I,
)
_NOON = re.compile(r"(?<![\w])(noon|midday|midnight)(?![\w])", re.I)

_CODE = re.compile(r"(?<![\w-])(?!(?:VND|VNĐ|USD|EUR|GBP|JPY|CNY|RMB)\d)(?:[^\W\d_]+\d[\w]*|\d+[^\W\d_]+\d[\w]*)(?![\w])")
_QUARTER = re.compile(r"[Qq]([1-4])")
_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(st|nd|rd|th)(?![\w])")
_CUR_CODES = ("VND", "VNĐ", "USD", "EUR", "GBP", "JPY", "CNY", "RMB")
_WORD_AFTER = re.compile(r"\w+")
_NUMBER = re.compile("(?:" + "|".join(f"(?<={c})" for c in _CUR_CODES) + r"|(?<![\w.,]))" + _NUM)
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "tn": 10**12,
    "m": 10**6,
    "b": 10**9,
    "k": 1000,
    "dozen": 12,
}
# "20 thousands" (a plural after a number, common in translations) reads as "20 thousand"
_SCALE = re.compile(r"\s*(hundreds?|thousands?|millions?|billions?|trillions?|mn|mln|bn|tn|dozens?)(?![\w])", re.I)
_SCALE_ABBR = re.compile(r"(bn|mn|tn|m|b|k|K)(?![\w])")
_PCT = re.compile(r"\s*(?:%|percent|per\s+cent|pct|percentage\s+points?)(?![\w])", re.I)
_CUR_AFTER = re.compile(
    r"\s*(dong|Dong|VND|VNĐ|VNĐ|USD|US\s+dollars?|U\.S\.\s+dollars?|Singapore\s+dollars?|"
    r"Australian\s+dollars?|Hong\s+Kong\s+dollars?|Canadian\s+dollars?|Taiwan\s+dollars?|dollars?|"
    r"euros?|EUR|yen|JPY|yuan|renminbi|RMB|CNY|pounds?\s+sterling|pounds?|sterling|GBP|won|KRW|"
    r"baht|rubles?|roubles?|rupees?|ringgit|pesos?)(?![\w])"
)
_CUR_BEFORE = re.compile(r"(US\$|S\$|A\$|HK\$|NT\$|C\$|\$|USD|VND|VNĐ|EUR|€|£|¥|GBP|JPY|CNY|RMB)\s?$")
CURRENCY = {
    "dong": "VND",
    "vnd": "VND",
    "vnđ": "VND",
    "usd": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "$": "USD",
    "us$": "USD",
    "singapore dollar": "SGD",
    "singapore dollars": "SGD",
    "s$": "SGD",
    "australian dollar": "AUD",
    "australian dollars": "AUD",
    "a$": "AUD",
    "hong kong dollar": "HKD",
    "hong kong dollars": "HKD",
    "hk$": "HKD",
    "canadian dollar": "CAD",
    "canadian dollars": "CAD",
    "c$": "CAD",
    "taiwan dollar": "TWD",
    "taiwan dollars": "TWD",
    "nt$": "TWD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "yen": "JPY",
    "jpy": "JPY",
    "¥": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "pound": "GBP",
    "pounds": "GBP",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "£": "GBP",
    "won": "KRW",
    "krw": "KRW",
    "baht": "THB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "rupee": "INR",
    "rupees": "INR",
    "ringgit": "MYR",
    "peso": "PHP",
    "pesos": "PHP",
}
_RANGE_AFTER = re.compile(r"\s*(?:-|–|~|to|and|or)\s*(?:\$|US\$)?(" + _NUM + r")(?![\w])", re.I)
_UNIT_ATTACHED = re.compile(
    r"(km2|km|kg|cm|mm|m2|m3|m|g|mg|ha|ml|l|t|MW|kW|kWh|GW|Hz|MHz|GHz|GB|MB|TB|x|s|ft|in|lb|lbs|"
    r"mph|kph|%|feet|inch|inches|°C|°F|°)(?![\w])"
)

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 10**6,
}
_BIG = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_WORDS = sorted(list(_UNITS) + list(_TENS) + ["hundred", "dozen"] + list(_BIG) + list(_ORDINALS), key=len, reverse=True)
_W = "|".join(_WORDS)
# after the first word, a scale word may be plural ("twenty thousands")
_W_NEXT = "hundreds|thousands|millions|billions|trillions|" + _W
_SPELLED = re.compile(
    r"(?<![\w])(?:(?:a|an|one)\s+)?(?:" + _W + r")(?:(?:\s+|-|\s+and\s+|\s+and\s+a\s+half\s+)"
    r"(?:" + _W_NEXT + r"))*(?:\s+and\s+a\s+half)?(?![\w])",
    re.I,
)
_TOKEN = re.compile(r"[A-Za-z]+")
_BARE = re.compile(
    r"(?<![\w])(dozens|tens|hundreds|thousands|millions|billions|trillions)"
    r"(?:\s+of\s+(thousands|millions|billions))?(?![\w])",
    re.I,
)
_BARE_MAG = {
    "dozens": 10,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "billions": 10**9,
    "trillions": 10**12,
}
_SUPPORT = re.compile(
    r"(?<![\w])(both|twice|double|doubled|pair|couple|twins?|half|once|single|triple|tripled"
    r"|quarter|a|an|dozen|several)(?![\w])",
    re.I,
)
_SUPPORT_VAL = {
    "both": 2,
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "pair": 2,
    "couple": 2,
    "twin": 2,
    "twins": 2,
    "half": Decimal("0.5"),
    "once": 1,
    "single": 1,
    "triple": 3,
    "tripled": 3,
    "quarter": Decimal("0.25"),
    "a": 1,
    "an": 1,
    "dozen": 12,
    "several": 3,
}
_ROMAN = re.compile(r"(?<![\w])([IVXLC]{2,6})(?![\w])")


def _year(s: str) -> int:
    v = int(s)
    if len(s) == 2:
        v += 2000 if v <= 40 else 1900
    return v


def extract(text: str) -> Scanner:
    """All numeric values of a prepared (NFC) English text."""
    sc = Scanner(text)
    _dates(sc)
    _times(sc)
    _codes(sc)
    _numbers(sc)
    _bare(sc)
    _spelled(sc)
    _others(sc)
    _conversions(sc)
    return sc


_CONVERSION_GAP = re.compile(r"\s*[(,]\s*(?:about|around|roughly|nearly|almost|some|or|~|≈)?\s*$")


def _conversions(sc: Scanner) -> None:
    """ "VND10 trillion ($430 million)": a currency conversion added by the translator is
    not a value of the source; it only supports."""
    amounts = sorted((v for v in sc.values if v.kind == "amount"), key=lambda v: v.start)
    for prev, cur in zip(amounts, amounts[1:]):
        if prev.provides & cur.provides:
            continue
        cur_code = next((k[1] for k in cur.provides if k[0] == "a"), None)
        prev_code = next((k[1] for k in prev.provides if k[0] == "a"), None)
        if cur_code == prev_code or not _CONVERSION_GAP.match(sc.text[prev.end : cur.start]):
            continue
        i = sc.values.index(cur)
        sc.values[i] = Value(cur.kind, cur.text, cur.start, cur.end, (), cur.provides, True, True)


def _dates(sc: Scanner) -> None:
    text = sc.text
    for m in _ISO.finditer(text):
        yr, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            sc.add(N.date(m.group(0), m.start(), m.end(), day=d, month=mo, year=yr))
    for rx, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")):
        for m in rx.finditer(text):
            if not sc.free(m.start(), m.end()):
                continue
            if order == "mdy":
                mon, d1, d2, yr_s = m.group(1), m.group(2), m.group(3), m.group(4)
            else:
                d1, d2, mon, yr_s = m.group(1), m.group(2), m.group(3), m.group(4)
            mo = MONTHS[mon.lower()]
            days = [int(d1)] + ([int(d2)] if d2 else [])
            if not all(1 <= d <= 31 for d in days):
                continue
            year = int(yr_s) if yr_s else None
            if len(days) == 2:
                sc.add(N.dates(m.group(0), m.start(), m.end(), [(d, mo) for d in days], year))
            else:
                sc.add(N.date(m.group(0), m.start(), m.end(), day=days[0], month=mo, year=year))
    for m in _MONTH_YEAR.finditer(text):
        if sc.free(m.start(), m.end()):
            sc.add(N.date(m.group(0), m.start(), m.end(), month=MONTHS[m.group(1).lower()], year=int(m.group(2))))
    for m in _SLASH.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        a_, b_ = int(m.group(1)), int(m.group(2))
        syr = _year(m.group(3)) if m.group(3) else None
        alts = []
        for smo, sday in ((a_, b_), (b_, a_)):
            if 1 <= smo <= 12 and 1 <= sday <= 31:
                keys = {K.md(smo, sday)} | ({K.y(syr)} if syr else set())
                alts.append(frozenset(keys))
        if not alts:
            continue
        if syr is None:
            alts.append(frozenset({K.n(dec(a_)), K.n(dec(b_))}))
        provides = set().union(*alts) | {K.m(x) for x in (a_, b_) if x <= 12}
        provides |= {K.n(dec(a_)), K.n(dec(b_))}
        if syr:
            provides.add(K.n(dec(syr)))
        sc.add(Value("date", m.group(0), m.start(), m.end(), tuple(alts), frozenset(provides)))
    for m in _MONTH.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        word = m.group(1)
        if word == "May" and not _MAY_CTX.search(text, max(0, m.start() - 10), m.start()):
            continue
        mo = MONTHS[word.lower()]
        v = N.date(word, m.start(), m.end(), month=mo)
        # a song called "Friday", a film called "March": the word itself also matches
        lit = frozenset({("w", word.lower())})
        sc.add(Value("date", v.text, v.start, v.end, v.needs + (lit,), v.provides))
    for m in _WEEKDAY.finditer(text):
        if sc.free(m.start(), m.end()):
            day = _WEEKDAYS[m.group(1).lower()]
            lit = frozenset({("w", m.group(1).lower())})
            v = N.weekday(m.group(0), m.start(), m.end(), day, None, weak=False, strict=True)
            sc.add(Value("date", v.text, v.start, v.end, v.needs + (lit,), v.provides))
    for m in _DECADE4.finditer(text):
        if sc.free(m.start(), m.end()):
            yr = int(m.group(1))
            alt = [dec(yr % 100)] if yr % 10 == 0 and 1000 <= yr <= 2100 else []  # "thập niên 80"
            sc.add(N.number(m.group(0), m.start(), m.end(), [dec(yr)], alt=alt))
    for m in _DECADE2.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        two = m.group(1) or m.group(3)
        alt = [dec(1900 + int(two)), dec(2000 + int(two))]
        v = N.number(m.group(0), m.start(), m.end(), [dec(int(two))], alt=alt)
        yy = ("yy", int(two))
        sc.add(Value("number", v.text, v.start, v.end, v.needs + (frozenset({yy}),), v.provides | {yy}))


def _times(sc: Scanner) -> None:
    text = sc.text

    def period(ampm: str | None, part: str | None) -> str | None:
        if ampm:
            return "am" if ampm[0].lower() == "a" else "pm"
        if part:
            return "am" if part.lower() == "morning" else ("night" if part.lower() == "night" else "pm")
        return None

    for m in _TIME_HM.finditer(text):
        if sc.free(m.start(), m.end()):
            v = N.clock(m.group(0), m.start(), m.end(), int(m.group(1)), int(m.group(2)), period(m.group(3), m.group(4)))
            if v:
                sc.add(v)
    for m in _TIME_AMPM.finditer(text):
        if sc.free(m.start(), m.end()):
            v = N.clock(m.group(0), m.start(), m.end(), int(m.group(1)), int(m.group(2) or 0), period(m.group(3), None))
            if v:
                sc.add(v)
    for m in _TIME_OCLOCK.finditer(text):
        if sc.free(m.start(), m.end()):
            v = N.clock(m.group(0), m.start(), m.end(), int(m.group(1)), 0, period(None, m.group(2)))
            if v:
                sc.add(v)
    for m in _TIME_WORDS.finditer(text):
        if sc.free(m.start(), m.end()):
            h = m.group(1).lower()
            hour = int(h) if h.isdigit() else _HOUR_WORDS[h]
            mins = {"thirty": 30, "fifteen": 15, "forty-five": 45}.get((m.group(2) or "").lower(), 0)
            v = N.clock(m.group(0), m.start(), m.end(), hour, mins, period(None, m.group(3)))
            if v:
                sc.add(v)
    for m in _NOON.finditer(text):
        if sc.free(m.start(), m.end()):
            minutes = 0 if m.group(1).lower() == "midnight" else 720
            sc.add(Value("time", m.group(0), m.start(), m.end(), (frozenset({K.t(minutes)}),), frozenset({K.t(minutes)}), True))


def _codes(sc: Scanner) -> None:
    for m in _CODE.finditer(sc.text):
        if not sc.free(m.start(), m.end()):
            continue
        q = _QUARTER.fullmatch(m.group(0))
        if q:
            sc.add(N.number(m.group(0), m.start(), m.end(), [dec(int(q.group(1)))]))
            continue
        sc.add(N.code(m.group(0), m.start(), m.end(), fold(m.group(0)).replace("-", "")))
    for m in _ORDINAL.finditer(sc.text):
        if sc.free(m.start(), m.end()):
            sc.add(N.number(m.group(0), m.start(), m.end(), [dec(int(m.group(1)))]))


def _scaled(text: str, pos: int, money: bool) -> tuple[Decimal | None, int]:
    mult: Decimal | None = None
    if money:
        m = _SCALE_ABBR.match(text, pos)
        if m:
            return dec(_SCALES[m.group(1).lower()]), m.end()
    while True:
        m = _SCALE.match(text, pos)
        if not m:
            break
        key = m.group(1).lower()
        f = _SCALES[key if key in _SCALES else key[:-1]]
        mult = dec(f) if mult is None else dec(mult * f)
        pos = m.end()
    return mult, pos


def _numbers(sc: Scanner) -> None:
    text = sc.text
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if not sc.free(start, end):
            continue
        rs = readings(m.group(0), "en")
        if not rs:
            sc.take(start, end)
            continue
        before = _CUR_BEFORE.search(text, max(0, start - 5), start)
        if (
            end < len(text)
            and text[end].isalpha()
            and not (before and _SCALE_ABBR.match(text, end))
            and not _UNIT_ATTACHED.match(text, end)
            and not _CUR_AFTER.match(text, end)
        ):
            wm = _WORD_AFTER.match(text, end)
            word = wm.group(0) if wm else ""
            sc.add(N.code(m.group(0) + word, start, end + len(word), fold(m.group(0) + word)))
            continue
        mult, pos = _scaled(text, end, before is not None)
        vals = [dec(r * mult) for r in rs] if mult else rs
        alt: list[Decimal] = []
        range_pct = False
        if mult is None:
            r = _RANGE_AFTER.match(text, end)
            if r:
                m2, _ = _scaled(text, r.end(), before is not None)
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
        if cur:
            e = cur.end()
            code = CURRENCY[re.sub(r"\s+", " ", cur.group(1)).lower()]
            sc.add(N.amount(text[start:e], start, e, vals, code, alt))
            continue
        if before:
            sc.add(N.amount(text[before.start() : pos], before.start(), pos, vals, CURRENCY[before.group(1).lower()], alt))
            continue
        v = N.number(text[start:pos], start, pos, vals, alt=alt)
        if mult is not None:
            v = Value("number", v.text, v.start, v.end, v.needs, v.provides | {K.s(mult)})
        sc.add(v)


_NUMBER_WORD_BEFORE = re.compile(r"(?:^|[^\w])(?:" + "|".join(list(_UNITS) + list(_TENS)) + r")[\s-]+$", re.I)


def _bare(sc: Scanner) -> None:
    for m in _BARE.finditer(sc.text):
        if not sc.free(m.start(), m.end()):
            continue
        if _NUMBER_WORD_BEFORE.search(sc.text[max(0, m.start() - 12) : m.start()]):
            continue  # "twenty thousands": a number in words with a plural scale (``_spelled``)
        mag = Decimal(_BARE_MAG[m.group(1).lower()])
        if m.group(2):
            mag *= _BARE_MAG[m.group(2).lower()]
        sc.add(N.bare_scale(m.group(0), m.start(), m.end(), mag))


def _parse(words: list[str]) -> list[tuple[int, int, Decimal, bool]]:
    """Numbers in a run of number words: (first word, end word, value, has a unit word)."""
    out = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if w in _ORDINALS:
            out.append((i, i + 1, dec(_ORDINALS[w]), True))
            i += 1
            continue
        total, cur, j, last = Decimal(0), Decimal(0), i, None
        unit_seen = False
        while j < n:
            w = words[j]
            if w in ("a", "an", "one") and j + 1 < n and words[j + 1] in ("hundred", "dozen", *_BIG):
                cur, last = Decimal(1), "unit"
            elif w in _UNITS or w in ("one",):
                if last in ("unit", "teen"):
                    break
                v = _UNITS[w]
                if last == "tens" and v >= 10:
                    break
                cur += v
                last = "teen" if v >= 10 else "unit"
                unit_seen = True
            elif w in _TENS:
                if last in ("unit", "teen", "tens"):
                    break
                cur += _TENS[w]
                last = "tens"
                unit_seen = True
            elif w == "hundred":
                cur = (cur or Decimal(1)) * 100
                last = "hundred"
            elif w == "dozen":
                cur = (cur or Decimal(1)) * 12
                last = "hundred"
            elif w in _BIG:
                total += (cur or Decimal(1)) * _BIG[w]
                cur = Decimal(0)
                last = "big"
            elif w == "and" and last == "hundred":
                pass
            elif w == "and" and last in ("unit", "teen", "tens") and words[j + 1 : j + 3] == ["a", "half"]:
                cur += Decimal("0.5")
                j += 2
                last = "unit"
            elif w in _ORDINALS and last in ("tens", "hundred", "big"):
                cur += _ORDINALS[w]
                j += 1
                unit_seen = True
                break
            else:
                break
            j += 1
        if j == i:
            i += 1
            continue
        out.append((i, j, dec(total + cur), unit_seen))
        i = j
    return out


def _spelled(sc: Scanner) -> None:
    text = sc.text
    for m in _SPELLED.finditer(text):
        toks = [(t.group(0).lower(), m.start() + t.start(), m.start() + t.end()) for t in _TOKEN.finditer(m.group(0))]
        toks = [t for t in toks if sc.free(t[1], t[2])]
        words = [t[0][:-1] if t[0][:-1] in _BIG or t[0] == "hundreds" else t[0] for t in toks]
        for i, j, val, unit_seen in _parse(words):
            start, end = toks[i][1], toks[j - 1][2]
            txt = text[start:end]
            single = words[i:j]
            pct = _PCT.match(text, end)
            if pct:
                sc.add(N.percent(text[start : pct.end()], start, pct.end(), [val], weak=True))
            elif single in (["one"], ["first"], ["second"], ["zero"]) or single[-1] == "and":
                sc.add(N.support(txt, start, end, [val]))
            elif not unit_seen and all(w in _BIG or w in ("hundred", "dozen") for w in single):
                sc.add(N.bare_scale(txt, start, end, val))
            else:
                # "seven million" is no small number: checked like digits
                sc.add(N.number(txt, start, end, [val], weak=val < 1000))


def _others(sc: Scanner) -> None:
    text = sc.text
    for m in _SUPPORT.finditer(text):
        if sc.free(m.start(), m.end()):
            sc.add(N.support(m.group(0), m.start(), m.end(), [dec(_SUPPORT_VAL[m.group(1).lower()])]))
    for m in _ROMAN.finditer(text):
        if not sc.free(m.start(), m.end()):
            continue
        v = N.roman(m.group(1))
        if v is not None:
            sc.add(N.number(m.group(0), m.start(), m.end(), [dec(v)], weak=True))
