"""Where a story's outlets disagree: the same statement with a different value.

Two sentences of two articles (two outlets) are about the same thing when their words,
values left out, are alike (cosine of syllable counts at least :data:`ALIGNED`), and two
numbers count the same thing (the word after them is the same: "27 người", "25 người"). They
disagree when one sentence has a value of some kind (number, amount, percent, date, time,
name) that the other *article* nowhere supports, and the other sentence has a value of the
same kind that the first sentence does not. Support is decided by the checks'
``check_summary`` (its value extraction and equivalences: "10.000 tỷ" is "10 nghìn tỷ",
"25/3" is "ngày 25 tháng 3"), so only its public function is used here.

A value hedged by "gần", "khoảng", "hơn", "trên" ... against a value within 10% of it is
*approximate*: shown, not a conflict.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher

from vnsum.stories.group import words
from vnsum.stories.model import Claim, Disagreement, Report

#: Cosine of two sentences' words (values left out) at or above which they say the same thing.
ALIGNED = 0.3
#: Words each side of a value that say what it is about, and how many of them two values must share.
WINDOW = 3
SAME_CONTEXT = 2
#: Words before a name searched for its role, and the role words (offices, titles, functions).
ROLE_WINDOW = 6
ROLES = frozenset(
    [
        "ông",
        "bà",
        "anh",
        "chị",
        "cô",
        "chủ",
        "tịch",
        "phó",
        "bộ",
        "trưởng",
        "thứ",
        "trưởng",
        "thủ",
        "tướng",
        "tổng",
        "thống",
        "giám",
        "đốc",
        "phát",
        "ngôn",
        "ngoại",
        "trưởng",
        "bí",
        "thư",
        "quốc",
        "vương",
        "hoàng",
        "tử",
        "vua",
        "nữ",
        "hoàng",
        "đại",
        "sứ",
        "nghị",
        "sĩ",
        "thống",
        "đốc",
        "thị",
        "trưởng",
        "tỉnh",
        "trưởng",
        "cục",
        "trưởng",
        "vụ",
        "trưởng",
        "viện",
        "trưởng",
        "chánh",
        "án",
        "tướng",
        "đại",
        "tá",
        "thượng",
        "tá",
        "trung",
        "tá",
        "thiếu",
        "tá",
        "đại",
        "úy",
        "đại",
        "uý",
        "trung",
        "tướng",
        "thiếu",
        "tướng",
        "tiền",
        "đạo",
        "hậu",
        "vệ",
        "thủ",
        "môn",
        "tiền",
        "vệ",
        "huấn",
        "luyện",
        "viên",
        "hlv",
        "bác",
        "sĩ",
        "luật",
        "sư",
        "bị",
        "cáo",
        "bị",
        "can",
        "nghi",
        "phạm",
        "đối",
        "tượng",
        "nạn",
        "nhân",
        "giáo",
        "sư",
        "tiến",
        "sĩ",
        "phóng",
        "viên",
        "nhà",
        "báo",
        "ca",
        "sĩ",
        "diễn",
        "viên",
        "chủ",
        "nhiệm",
        "trưởng",
        "phòng",
        "trưởng",
        "ban",
        "hiệu",
        "trưởng",
        "tổng",
        "giám",
        "đốc",
        "chủ",
        "tịch",
        "nước",
        "người",
        "phát",
        "ngôn",
        "tư",
        "lệnh",
        "chỉ",
        "huy",
        "lãnh",
        "đạo",
        "thủ",
        "lĩnh",
        "ứng",
        "viên",
        "vận",
        "động",
        "viên",
        "cầu",
        "thủ",
        "tác",
        "giả",
    ]
    + [
        "chủ tịch",
        "bộ trưởng",
        "thứ trưởng",
        "thủ tướng",
        "tổng thống",
        "giám đốc",
        "phát ngôn",
        "bí thư",
        "đại sứ",
        "nghị sĩ",
        "huấn luyện",
        "luyện viên",
        "bác sĩ",
        "luật sư",
        "bị cáo",
        "bị can",
        "nghi phạm",
        "đối tượng",
        "giáo sư",
        "tiến sĩ",
        "phóng viên",
        "nhà báo",
        "ca sĩ",
        "diễn viên",
        "tiền đạo",
        "thủ môn",
        "ngoại trưởng",
        "quốc vương",
        "hoàng tử",
        "thống đốc",
        "thị trưởng",
        "chánh án",
        "trung tướng",
        "thiếu tướng",
        "đại tá",
        "tư lệnh",
        "lãnh đạo",
        "cầu thủ",
    ]
)
#: A sentence pair differing in more values than this says different things, not the same thing differently.
MAX_PER_PAIR = 2
#: Two names this alike (difflib ratio) are one name spelt two ways.
VARIANT = 0.8
#: Sentences shorter than this many content words are not compared (too little to align on).
MIN_WORDS = 5
#: Articles of a story compared pairwise (the best linked first).
MAX_ARTICLES = 12
#: How far apart two values may be for a hedged one to be approximately the other.
CLOSE = Decimal("0.1")
#: Two values this close are one rounded ("70 triệu", "70,3 triệu"): approximate even unhedged.
ROUNDED = Decimal("0.02")

_HEDGE = re.compile(
    r"(?i)(?:gần|khoảng|chừng|hơn|trên|dưới|xấp xỉ|ước tính|ước|ngót|tầm|hàng|gần như|ít nhất|tối thiểu|tối đa|"
    r"không dưới|không quá|chưa đến|chưa tới|vài|nhiều|hơn|gần\s+như)\s*$"
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_DAY_MONTH = re.compile(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALE = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9, "vạn": 10**4, "trăm": 100, "chục": 10}
_VALUE_WORD = re.compile(r"^\d|^(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm|chục|đồng|usd|người|giờ|phút|ngày|tháng|năm)$")


def quantity(value: str) -> Decimal | None:
    """The number a Vietnamese value says ("10.000 tỷ" -> 10**13, "5,5%" -> 5.5), or None."""
    m = _NUMBER.search(value)
    if not m:
        return None
    digits = m.group(0)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    else:
        digits = digits.replace(".", "").replace(",", ".") if "," in digits else digits
    try:
        q = Decimal(digits)
    except InvalidOperation:
        return None
    for w in value[m.end() :].lower().split():
        if w in _SCALE:
            q *= _SCALE[w]
    return q


def _person(name: str) -> bool:
    """A person's full name: two to five capitalised words ("Nguyễn Văn Hùng"); one word is
    more often a place or a body ("Mexico", "Bộ")."""
    parts = name.split()
    return 2 <= len(parts) <= 5 and all(p[:1].isupper() for p in parts)


def _spans(sentence: str, value: str) -> list[tuple[int, int]]:
    """Where a value stands in a sentence as a whole token: "4" in "có 4 binh sĩ", not the 4 of
    "13/4/2011" (a plain ``find`` took the first, and the words around it were another value's)."""
    pattern = rf"(?<![\w.,/:-]){re.escape(value)}(?![\w/:]|[.,-]\d)"
    return [m.span() for m in re.finditer(pattern, sentence, re.IGNORECASE)] or (
        [(at, at + len(value))] if (at := sentence.find(value)) >= 0 else []
    )


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name: one inside the other ("James Clapper", "James Clapper Tuyên") or
    a letter or two apart ("Hoa Xuân Oánh", "Hoa Xuân Doanh")."""
    x, y = a.lower().split(), b.lower().split()
    short, long_ = sorted((x, y), key=len)
    inside = any(long_[k : k + len(short)] == short for k in range(len(long_) - len(short) + 1))
    return inside or SequenceMatcher(None, a.lower(), b.lower()).ratio() >= VARIANT


def _roles_at(sentence: str, at: int) -> set[str]:
    before = words(sentence[:at])[-ROLE_WINDOW:]
    pairs = {f"{a} {b}" for a, b in zip(before, before[1:])}
    return {w for w in before if w in ROLES} | {p for p in pairs if p in ROLES}


def _roles(sentence: str, value: str) -> set[str]:
    """The role words (titles, offices) in the few words before a name: the role it is named in."""
    return set().union(*(_roles_at(sentence, a) for a, _ in _spans(sentence, value)))


def _context_at(sentence: str, at: int, end: int) -> set[str]:
    before = [w for w in words(sentence[:at]) if not _VALUE_WORD.search(w)][-WINDOW:]
    after = [w for w in words(sentence[end:]) if not _VALUE_WORD.search(w)][:WINDOW]
    return {f"<{w}" for w in before} | {f">{w}" for w in after}


def _units_at(sentence: str, end: int) -> list[str]:
    """The two words after a number, stop words kept: what it counts ("27 người" -> "người";
    a stop word is often the unit itself)."""
    return [w.lower() for w in _TOKEN.findall(sentence[end:], 0, 80)[:2]]


def _same_unit(u1: list[str], u2: list[str]) -> bool:
    """The same thing counted: the first word after one number is one of the two after the other
    ("21 trong tổng số", "28 trong số"; "27 người", "25 người khác"), never an empty against one."""
    return bool(u1) and bool(u2) and (u1[0] in u2 or u2[0] in u1)


def _hedged(sentence: str, value: str) -> bool:
    return any(a > 0 and bool(_HEDGE.search(sentence[:a])) for a, _ in _spans(sentence, value))


def _between(shared: set[str]) -> bool:
    """Shared words on both sides of the value: "thị trưởng X năm 2009", "thị trưởng Y từ năm 2009"."""
    return any(w[0] == "<" for w in shared) and any(w[0] == ">" for w in shared)


def _same_slot(kind: str, s1: str, v1: str, s2: str, v2: str) -> bool:
    """Whether two values stand in the same place of two sentences: the same unit after a number,
    and at least :data:`SAME_CONTEXT` of the words around them shared (some occurrence of each)."""
    for a1, e1 in _spans(s1, v1):
        c1 = _context_at(s1, a1, e1)
        for a2, e2 in _spans(s2, v2):
            if kind == "number" and not _same_unit(_units_at(s1, e1), _units_at(s2, e2)):
                continue  # "27 người" and "25 xe" are not counts of the same thing
            shared = c1 & _context_at(s2, a2, e2)
            if len(shared) < SAME_CONTEXT:
                continue
            if kind == "name" and not (
                _between(shared) or (_person(v1) and _person(v2) and _roles_at(s1, a1) & _roles_at(s2, a2))
            ):
                continue  # a name between the same words, or two people's in the same role ("Chủ tịch ... X" / "... Y")
            return True
    return False


def _approximate(a: Claim, b: Claim) -> bool:
    qa, qb = quantity(a.value), quantity(b.value)
    if qa is None or qb is None or not qa or not qb:
        return False
    if abs(qa - qb) <= ROUNDED * max(abs(qa), abs(qb)):
        return True  # "70 triệu" for "70,3 triệu": a rounding
    hedged = _hedged(a.text_vi, a.value) or _hedged(b.text_vi, b.value)
    return hedged and abs(qa - qb) <= CLOSE * max(abs(qa), abs(qb))


def _bag(sentence: str) -> Counter[str]:
    return Counter(w for w in words(sentence) if not _VALUE_WORD.search(w))


def _cos(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(w, 0) for w, v in a.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def disagreements(reports: Sequence[Report]) -> tuple[Disagreement, ...]:
    """The disagreements between a story's articles (given best linked first; one per outlet)."""
    from vnsum.checks import check_summary

    arts = [r for r in reports if r.sentences][:MAX_ARTICLES]
    bags = [[(s, _bag(s)) for s in r.sentences] for r in arts]
    texts = ["\n".join(filter(None, [r.title_vi, *r.sentences])) for r in arts]
    found: list[Disagreement] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for i, a in enumerate(arts):
        for j in range(i + 1, len(arts)):
            b = arts[j]
            if a.outlet == b.outlet:
                continue
            for sa, ba in bags[i]:
                if sum(ba.values()) < MIN_WORDS:
                    continue
                near = sorted(
                    (
                        (sim, k)
                        for k, (sb, bb) in enumerate(bags[j])
                        if sum(bb.values()) >= MIN_WORDS and (sim := _cos(ba, bb)) >= ALIGNED
                    ),
                    key=lambda t: (-t[0], t[1]),
                )
                for sim, k in near:  # the most alike sentence that has a value of the kind in question
                    got = _compare(a, sa, texts[i], b, bags[j][k][0], texts[j], sim, check_summary)
                    for d in got:
                        key = frozenset((c.article, c.value.lower()) for c in d.claims)
                        if key not in seen:
                            seen.add(key)
                            found.append(d)
                    if got:
                        break
    return _join(found)


def _kind(k1: str, v1: str, k2: str, v2: str) -> str | None:
    """The kind two values share: their own, or a date when one was read as a date and the other,
    written the same way, as a number ("hôm 12-10" and "từ 14-10")."""
    if k1 == k2:
        return k1
    if {k1, k2} == {"date", "number"} and _DAY_MONTH.fullmatch(v1) and _DAY_MONTH.fullmatch(v2):
        return "date"
    return None


def _compare(a: Report, sa: str, text_a: str, b: Report, sb: str, text_b: str, sim: float, check) -> list[Disagreement]:
    """Values of sentence ``sa`` that article B nowhere has, against values of the same kind in ``sb`` that ``sa``
    lacks; and the same from B's side."""
    out = []
    a_not_b = check(sa, text_b).problems
    b_not_sa = check(sb, sa).problems
    b_not_a = check(sb, text_a).problems
    a_not_sb = check(sa, sb).problems
    for left, right, first, second, s1, s2 in ((a_not_b, b_not_sa, a, b, sa, sb), (b_not_a, a_not_sb, b, a, sb, sa)):
        for p in left:
            for q in right:
                kind = _kind(p.kind, p.value, q.kind, q.value)
                if kind is None or p.value.lower() == q.value.lower():
                    continue
                if kind == "name" and _variant(p.value, q.value):
                    continue  # one name spelt two ways ("Vladimir", "Vladmir")
                if not _same_slot(kind, s1, p.value, s2, q.value):
                    continue  # not said of the same thing
                if kind in ("number", "amount", "percent") and not (_NUMBER.search(p.value) and _NUMBER.search(q.value)):
                    continue  # "hàng trăm" against "1.500" is no conflict of figures
                c1, c2 = Claim(first.outlet, first.id, p.value, s1), Claim(second.outlet, second.id, q.value, s2)
                claims = (c1, c2) if first is a else (c2, c1)
                out.append(Disagreement(kind, claims, _approximate(c1, c2), sim))
                break
    unique = list({frozenset((c.article, c.value.lower()) for c in d.claims): d for d in out}.values())
    return unique if len(unique) <= MAX_PER_PAIR else []


def _join(found: list[Disagreement]) -> tuple[Disagreement, ...]:
    """Disagreements sharing a claim (one outlet's value against several others) become one."""
    out: list[Disagreement] = []
    for d in found:
        home = next(
            (
                k
                for k, o in enumerate(out)
                if o.kind == d.kind and {(c.article, c.value) for c in o.claims} & {(c.article, c.value) for c in d.claims}
            ),
            None,
        )
        if home is None:
            out.append(d)
            continue
        o = out[home]
        claims = tuple(dict.fromkeys(o.claims + d.claims))
        out[home] = Disagreement(o.kind, claims, o.approximate and d.approximate, max(o.similarity, d.similarity))
    return tuple(out)
