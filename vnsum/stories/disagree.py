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

from vnsum.stories.group import words
from vnsum.story import Claim, Disagreement, Report

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


def _roles(sentence: str, value: str) -> set[str]:
    """The role words (titles, offices) in the few words before a name: the role it is named in."""
    at = sentence.find(value)
    if at < 0:
        return set()
    before = words(sentence[:at])[-ROLE_WINDOW:]
    pairs = {f"{a} {b}" for a, b in zip(before, before[1:])}
    return {w for w in before if w in ROLES} | {p for p in pairs if p in ROLES}


def _context(sentence: str, value: str) -> set[str]:
    """The words around a value (:data:`WINDOW` each side, values left out): what it is said of."""
    at = sentence.find(value)
    if at < 0:
        return set()
    before = [w for w in words(sentence[:at]) if not _VALUE_WORD.search(w)][-WINDOW:]
    after = [w for w in words(sentence[at + len(value) :]) if not _VALUE_WORD.search(w)][:WINDOW]
    return {f"<{w}" for w in before} | {f">{w}" for w in after}


def _unit(sentence: str, value: str) -> str:
    """The word after a number: what it counts ("27 người" -> "người")."""
    at = sentence.find(value)
    if at < 0:
        return ""
    rest = words(sentence[at + len(value) :])
    return rest[0] if rest else ""


def _hedged(sentence: str, value: str) -> bool:
    at = sentence.find(value)
    return at > 0 and bool(_HEDGE.search(sentence[:at]))


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
                if p.kind != q.kind or p.value.lower() == q.value.lower():
                    continue
                if p.kind == "number" and _unit(s1, p.value) != _unit(s2, q.value):
                    continue  # "27 người" and "25 xe" are not counts of the same thing
                if len(_context(s1, p.value) & _context(s2, q.value)) < SAME_CONTEXT:
                    continue  # not said of the same thing
                if p.kind == "name" and not (_person(p.value) and _person(q.value) and _roles(s1, p.value) & _roles(s2, q.value)):
                    continue  # two people's names in the same role ("Chủ tịch UBND ... X" / "... Y"), not places
                if p.kind in ("number", "amount", "percent") and not (_NUMBER.search(p.value) and _NUMBER.search(q.value)):
                    continue  # "hàng trăm" against "1.500" is no conflict of figures
                c1, c2 = Claim(first.outlet, first.id, p.value, s1), Claim(second.outlet, second.id, q.value, s2)
                claims = (c1, c2) if first is a else (c2, c1)
                out.append(Disagreement(p.kind, claims, _approximate(c1, c2), sim))
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
