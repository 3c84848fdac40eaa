"""Faithfulness checks (vnsum.checks) measured on real text.

    python benchmarks/checks_eval.py [--corpus ../shared/corpus] [--seed 12] [--out FILE]

1. False alarms of the translation check on human translations: the IWSLT'15
   tst2012 Vietnamese-English pairs (TED talks, tokenized; detokenized and
   HTML-unescaped here), over all pairs and over pairs that contain a number,
   a date or a name (by a rule independent of the checker, see ``has_value``).
2. Detection of errors injected into the English side of the same pairs by a
   seeded script: a changed digit, a deleted number, a changed month or year,
   million <-> billion, a replaced name, a deleted name.  An injection counts as
   detected when the check reports a problem that it did not report on the
   untouched pair.
3. The summary check: the same kinds injected into ``reference_vi`` of the
   development articles, checked against title + text; and the rate at which
   the untouched references are flagged (leads can hold facts the body does not
   repeat, so this is reported, not tuned away).  Deleting a whole value from a
   summary only drops a fact, which no support check can or should flag, so in
   summaries a *deletion* removes part of a value: the scale word ("5 triệu" ->
   "5"), a digit group or digit ("5.000" -> "5"), or the last word of a person's
   name (after a title, or starting with a common family name: "ông Lê Xuân Định"
   -> "ông Lê Xuân").  Injections whose result still occurs in the
   article are skipped (they are not errors).
4. Time of all checks for one brief: the summary check of an article plus eight
   translation pairs, caches cleared, over the development articles.

No text of the corpus is written anywhere; only figures are printed (and, with
``--out``, written as a markdown section).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from checks_split import UNSEEN, WORK, part

from vnsum.checks import build_lexicon, check_summary, check_translation, parse_glossary

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
KINDS_TR = ["digit", "deleted_number", "month_or_year", "million_billion", "replaced_name", "deleted_name", "misspelled_name"]
KINDS_SUM = KINDS_TR
LABELS = ROOT / "benchmarks" / "checks_labels"
#: a flagged human pair, labelled by hand: the check is right / a translator's unit conversion / a false alarm
LABEL_KINDS = ("divergence", "conversion", "false_alarm")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspell(rng: random.Random, word: str) -> str:
    """The copy error of subword MT: the last letter (or two) changed, or one dropped,
    doubled or swapped inside the word; same first two letters, one or two edits."""
    how = rng.choice(["last", "last", "last2", "drop", "double", "swap"])
    low = word[-1].islower()
    if how in ("last", "last2") or len(word) < 5:
        n = 2 if how == "last2" and len(word) >= 7 else 1
        tail = "".join(rng.choice([c for c in _LETTERS if c != word[-k - 1].lower()]) for k in range(n))[::-1]
        return word[:-n] + (tail if low else tail.upper())
    i = rng.randrange(2, len(word) - 1)
    if how == "drop":
        return word[:i] + word[i + 1 :]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if word[i] == word[i + 1]:
        return word[:i] + rng.choice([c for c in _LETTERS if c != word[i]]) + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _misspell_span(rng: random.Random, text: str, s: int, e: int, avoid: str, article: str = "") -> str | None:
    """``text`` with one word (4+ letters) of the name at s:e misspelled, the new spelling
    absent from ``avoid`` (the other side), or None."""
    words = [m for m in re.finditer(r"[^\W\d_]{4,}", text[s:e])]
    rng.shuffle(words)
    for m in words:
        new = misspell(rng, m.group(0))
        if new.lower() != m.group(0).lower() and new.lower() not in avoid.lower():
            if article and re.search(r"(?<!\w)" + re.escape(new) + r"(?!\w)", article):
                continue  # still a word of the article: no error
            return text[: s + m.start()] + new + text[s + m.end() :]
    return None


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NAME_POOL = [
    "Michael",
    "Smith",
    "Nguyen Van Hung",
    "Tran Thi Mai",
    "Paris",
    "Berlin",
    "Sarah",
    "Johnson",
    "Hanoi",
    "Tokyo",
    "Maria",
    "Pham Minh Tuan",
    "Chicago",
    "Kenya",
    "Peter",
    "Le Thi Hoa",
    "Madrid",
    "Ahmed",
]
NAME_POOL_VI = [
    "Nguyễn Văn Hùng",
    "Trần Thị Mai",
    "Phạm Minh Tuấn",
    "Lê Thị Hoa",
    "Hoàng Văn Nam",
    "Đỗ Quang Huy",
    "Michael Smith",
    "Paris",
    "Berlin",
    "Tokyo",
    "Cần Thơ",
    "Nghệ An",
    "Vũ Đức Thắng",
    "Kenya",
]
_STOP_CAP = (
    {"I", "I'm", "I've", "I'll", "I'd"}
    | set(MONTHS)
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)
_NUMWORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|trillion|dozen|percent)\b",
    re.I,
)
_CAPWORD = re.compile(r"(?<=[\w,;] )[A-Z][\w'-]*")
_NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_SCALE_AFTER = re.compile(r"(?:\s*(?:hundred|thousand|million|billion|trillion|percent|per cent|%))+", re.I)


# ---------------------------------------------------------------- corpus reading


def detok(s: str) -> str:
    """Undo the Moses-style tokenization of the IWSLT files (and their HTML entities)."""
    out = ""
    open_q = glue = False
    for t in html.unescape(s.strip()).split():
        if t == '"':
            if open_q:
                out += t
            else:
                out += (" " if out else "") + t
            glue, open_q = not open_q, not open_q
            continue
        if (
            (
                out
                and not glue
                and (
                    t in {",", ".", "!", "?", ";", ":", "%", ")", "]", "}", "..."} or re.fullmatch(r"'(s|re|ve|ll|d|m|t)|n't", t)
                )
            )
            or glue
            or not out
        ):
            out += t
        else:
            out += " " + t
        glue = t in {"(", "[", "{", "$", "'"}
    return out


def read_pairs(corpus: Path, which: str = "all") -> list[tuple[int, str, str]]:
    """(line index, Vietnamese, English) of one part of tst2012 (``checks_split.py``)."""
    d = corpus / "parallel"
    vi = (d / "iwslt15-tst2012.vi").read_text(encoding="utf-8").splitlines()
    en = (d / "iwslt15-tst2012.en").read_text(encoding="utf-8").splitlines()
    return [
        (i, unicodedata.normalize("NFC", detok(v)), unicodedata.normalize("NFC", detok(e)))
        for i, (v, e) in enumerate(zip(vi, en))
        if which == "all" or part(i) == which
    ]


def read_articles(corpus: Path) -> list[dict]:
    """The development articles, NFC (some are stored decomposed), so that the injection
    script sees the same characters as the checks."""
    path = corpus / "dev" / "articles.jsonl"
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for a in arts:
        for k in ("title", "text", "reference_vi"):
            if isinstance(a.get(k), str):
                a[k] = unicodedata.normalize("NFC", a[k])
    return arts


def has_value(vi: str, en: str) -> bool:
    """A pair "contains a number, date or name", judged without the checker: a digit on
    either side, a month or a number word in the English, or a capitalised English word
    inside a sentence (other than "I")."""
    if re.search(r"\d", vi) or re.search(r"\d", en):
        return True
    if _NUMWORDS.search(en) or any(re.search(rf"\b{mth}\b", en) for mth in MONTHS):
        return True
    return any(w not in _STOP_CAP for w in _CAPWORD.findall(en))


def has_digit(vi: str, en: str) -> bool:
    return bool(re.search(r"\d", vi) or re.search(r"\d", en))


# ---------------------------------------------------------------- injections


def _problems(res) -> set[tuple[str, str, str]]:
    return {(p.kind, p.value.lower(), p.problem) for p in res.problems}


def _change_digit(rng: random.Random, s: str) -> str:
    pos = [i for i, ch in enumerate(s) if ch.isdigit()]
    i = rng.choice(pos)
    choices = [d for d in "0123456789" if d != s[i] and not (d == "0" and (i == 0 or not s[i - 1].isdigit()))]
    return s[:i] + rng.choice(choices) + s[i + 1 :]


def _cleanup(s: str) -> str:
    s = re.sub(r"\s{2,}", " ", s)
    s = re.sub(r" ([,.!?;:])", r"\1", s)
    return s.strip()


def _en_names(vi: str, en: str) -> list[tuple[int, int]]:
    """Spans of capitalised English word runs (inside a sentence) whose words are in the
    Vietnamese too: names carried over by the translator."""
    from vnsum.checks.norm import fold

    # a name carried over is capitalised in the Vietnamese too ("Internet" / "internet" is not)
    vi_f = " " + " ".join(fold(w) for w in re.findall(r"\w+", vi) if w[:1].isupper()) + " "
    spans = []
    for m in re.finditer(r"(?<=[\w,;] )([A-Z][\w'-]*)(?: [A-Z][\w'-]*)*", en):
        words = m.group(0).split()
        if any(w in _STOP_CAP for w in words):
            continue
        if all(" " + fold(w.split("'")[0]) + " " in vi_f for w in words):
            spans.append(m.span())
    return spans


def inject_en(rng: random.Random, vi: str, en: str, kind: str) -> str | None:
    """One error of ``kind`` in the English of a pair, or None when it does not apply."""
    if kind == "digit":
        nums = list(_NUM.finditer(en))
        if not nums:
            return None
        m = rng.choice(nums)
        return en[: m.start()] + _change_digit(rng, m.group(0)) + en[m.end() :]
    if kind == "deleted_number":
        nums = list(_NUM.finditer(en))
        if not nums:
            return None
        m = rng.choice(nums)
        end = m.end()
        sc = _SCALE_AFTER.match(en, end)
        if sc:
            end = sc.end()
        start = m.start()
        if start > 0 and en[start - 1] in "$":
            start -= 1
        return _cleanup(en[:start] + en[end:])
    if kind == "month_or_year":
        cands = [("m", m) for m in re.finditer(r"\b(" + "|".join(MONTHS) + r")\b", en) if m.group(1) != "May"]
        cands += [("y", m) for m in re.finditer(r"(?<![\w.,])(1[5-9]\d\d|20\d\d)(?![\w.,]\d)", en)]
        if not cands:
            return None
        what, m = rng.choice(cands)
        if what == "m":
            new = rng.choice([x for x in MONTHS if x not in (m.group(1), "May")])
        else:
            new = str(int(m.group(1)) + rng.choice([-3, -2, -1, 1, 2, 3]))
        return en[: m.start()] + new + en[m.end() :]
    if kind == "million_billion":
        cands = list(re.finditer(r"\b(million|billion|trillion)(s?)\b", en))
        if not cands:
            return None
        m = rng.choice(cands)
        new = {"million": "billion", "billion": "million", "trillion": "billion"}[m.group(1)]
        return en[: m.start()] + new + m.group(2) + en[m.end() :]
    if kind in ("replaced_name", "deleted_name", "misspelled_name"):
        spans = _en_names(vi, en)
        if not spans:
            return None
        s, e = rng.choice(spans)
        if kind == "misspelled_name":
            return _misspell_span(rng, en, s, e, vi)
        if kind == "deleted_name":
            return _cleanup(en[:s] + en[e:])
        pool = [x for x in NAME_POOL if x.lower() not in (vi + en).lower()]
        return en[:s] + rng.choice(pool) + en[e:]
    raise ValueError(kind)


def inject_vi_pair(rng: random.Random, vi: str, en: str, kind: str) -> str | None:
    """The same kinds of error in the Vietnamese side of a pair (for information: the
    English then holds the value the Vietnamese lost)."""
    from vnsum.checks.norm import fold

    if kind in ("digit", "deleted_number"):
        nums = list(_NUM.finditer(vi))
        if not nums:
            return None
        m = rng.choice(nums)
        if kind == "digit":
            return vi[: m.start()] + _change_digit(rng, m.group(0)) + vi[m.end() :]
        return _cleanup(vi[: m.start()] + vi[m.end() :])
    if kind == "month_or_year":
        cands = list(re.finditer(r"(?i:tháng)\s+(\d{1,2})(?!\d)|(?<![\w.,])(1[5-9]\d\d|20\d\d)(?![\w])", vi))
        if not cands:
            return None
        m = rng.choice(cands)
        if m.group(1):
            new = str(rng.choice([x for x in range(1, 13) if x != int(m.group(1))]))
            return vi[: m.start(1)] + new + vi[m.end(1) :]
        return vi[: m.start(2)] + str(int(m.group(2)) + rng.choice([-2, -1, 1, 2])) + vi[m.end(2) :]
    if kind == "million_billion":
        cands = list(re.finditer(r"(?<![\w])(triệu|tỷ|tỉ)(?![\w])(?!\s+(?:lệ|giá|số|phú))", vi))
        if not cands:
            return None
        m = rng.choice(cands)
        return vi[: m.start()] + ("tỷ" if m.group(1) == "triệu" else "triệu") + vi[m.end() :]
    en_caps = {fold(w) for w in re.findall(r"\b[A-Z][\w]+", en)}
    spans = [
        m.span()
        for m in re.finditer(r"(?<=[\w,;] )([^\W\d_a-zà-ỹđ][\w-]*)(?: [^\W\d_a-zà-ỹđ][\w-]*)*", vi)
        if all(fold(w) in en_caps for w in m.group(0).split())
    ]
    if not spans:
        return None
    s, e = rng.choice(spans)
    if kind == "misspelled_name":
        return _misspell_span(rng, vi, s, e, en)
    if kind == "deleted_name":
        return _cleanup(vi[:s] + vi[e:])
    return vi[:s] + rng.choice([x for x in NAME_POOL_VI if x not in vi]) + vi[e:]


_VI_NUM = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)*(?![\w/-]|[.,]\d)")
_VI_SCALE_AFTER = re.compile(r"\s+(nghìn|ngàn|triệu|tỷ|tỉ)(?![\w])")


_PERSON = re.compile(
    r"(?:\b(?:ông|bà|anh|chị|[Tt]hủ tướng|[Tt]ổng thống|[Cc]hủ tịch|[Bb]ộ trưởng|[Gg]iám đốc|ca sĩ|"
    r"nghệ sĩ|cầu thủ|HLV|NSND|NSƯT|tướng|Ông|Bà) )"
    r"((?:[^\W\d_a-zà-ỹđ][\w-]*)(?: [^\W\d_a-zà-ỹđ][\w-]*)+)"
)


_FAMILY = re.compile(
    r"(?<![\w])(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý)"
    r"(?: [^\W\d_a-zà-ỹđ][\w]*){1,3}(?![\w])"
)


_INSTITUTION_WORDS = set(
    [
        "Bộ",
        "Sở",
        "Ủy",
        "Uỷ",
        "Ban",
        "Viện",
        "Cục",
        "Vụ",
        "Tổng",
        "Thủ",
        "Chủ",
        "Phó",
        "Đảng",
        "Tòa",
        "Toà",
        "Ngân",
        "Tập",
        "Quân",
        "Mặt",
        "Hội",
        "Tổ",
        "Phòng",
        "Cảnh",
        "Kiểm",
        "Liên",
        "Câu",
        "Đội",
        "Giải",
        "Lễ",
        "Bệnh",
        "Khu",
        "Trường",
        "Giám",
        "Trưởng",
        "Công",
        "Chính",
        "Thanh",
        "Quốc",
        "Nhà",
        "Cơ",
        "Người",
        "Thời",
        "Hãng",
        "Báo",
        "Đài",
    ]
)


def _vi_names(summary: str, article: str) -> list[tuple[int, int]]:
    """Runs of capitalised words (inside a sentence) of the summary that are in the article."""
    spans = []
    for m in re.finditer(r"(?<=[\w,;] )([^\W\d_a-zà-ỹđ][\w-]*)(?: [^\W\d_a-zà-ỹđ][\w-]*)*", summary):
        if m.group(0) in article and len(m.group(0)) > 2:
            spans.append(m.span())
    return spans


def inject_vi(rng: random.Random, summary: str, article: str, kind: str) -> str | None:
    """One error of ``kind`` in a Vietnamese summary; None when it does not apply or when
    the result would still be true of the article."""

    def fresh(new_piece: str) -> bool:
        return new_piece not in article

    if kind == "digit":
        nums = list(_VI_NUM.finditer(summary)) + list(
            re.finditer(r"(?<![\w.,/-])\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?(?![\w])", summary)
        )
        rng.shuffle(nums)
        for m in nums:
            new = _change_digit(rng, m.group(0))
            if fresh(new):
                return summary[: m.start()] + new + summary[m.end() :]
        return None
    if kind == "deleted_number":
        nums = list(_VI_NUM.finditer(summary))
        rng.shuffle(nums)
        for m in nums:
            sc = _VI_SCALE_AFTER.match(summary, m.end())
            if sc:  # "5 triệu người" -> "5 người"
                out = summary[: m.end()] + summary[sc.end() :]
                piece = m.group(0) + summary[sc.end() : sc.end() + 6]
            else:
                s = m.group(0)
                groups = re.split(r"[.,]", s)
                if len(groups) > 1:
                    new = s[: len(s) - len(groups[-1]) - 1]  # "5.000" -> "5"
                elif len(s) >= 2:
                    new = s[:-1]  # "2013" -> "201"
                else:
                    continue
                out = summary[: m.start()] + new + summary[m.end() :]
                piece = new
            if fresh(piece.strip()) or sc:
                return out
        return None
    if kind == "month_or_year":
        cands = [("m", m) for m in re.finditer(r"(?i:tháng)\s+(\d{1,2})(?!\d)", summary)]
        cands += [("dm", m) for m in re.finditer(r"(?<![\w.,/-])(\d{1,2})([/.-])(\d{1,2})(?![\w]|[.,]\d)", summary)]
        cands += [("y", m) for m in re.finditer(r"(?<![\w.,])(19\d\d|20\d\d)(?![\w])", summary)]
        rng.shuffle(cands)
        for what, m in cands:
            if what == "m":
                mo = int(m.group(1))
                new_mo = rng.choice([x for x in range(1, 13) if x != mo])
                new = m.group(0)[: m.start(1) - m.start()] + str(new_mo)
                piece = f"tháng {new_mo}"
            elif what == "dm":
                d, sep, mo = m.group(1), m.group(2), int(m.group(3))
                if not (1 <= int(d) <= 31 and 1 <= mo <= 12):
                    continue
                new_mo = rng.choice([x for x in range(1, 13) if x != mo])
                new = f"{d}{sep}{new_mo}"
                piece = new
            else:
                new = str(int(m.group(1)) + rng.choice([-3, -2, -1, 1, 2, 3]))
                piece = new
            if fresh(piece):
                return summary[: m.start()] + new + summary[m.end() :]
        return None
    if kind == "million_billion":
        cands = list(re.finditer(r"(?<![\w])(triệu|tỷ|tỉ)(?![\w])(?!\s+(?:lệ|giá|số|phú|trọng|suất))", summary))
        if not cands:
            return None
        m = rng.choice(cands)
        new = "tỷ" if m.group(1) == "triệu" else "triệu"
        return summary[: m.start()] + new + summary[m.end() :]
    if kind == "misspelled_name":
        # a name by a rule of its own: after a person's title, from a family name, or two or
        # more capitalised words not opening with an institution's word
        spans = sorted(
            {m.span(1) for m in _PERSON.finditer(summary) if m.group(1) in article}
            | {m.span() for m in _FAMILY.finditer(summary) if m.group(0) in article}
            | {
                (s, e)
                for s, e in _vi_names(summary, article)
                if len(summary[s:e].split()) >= 2 and summary[s:e].split()[0] not in _INSTITUTION_WORDS
            }
        )
        rng.shuffle(spans)
        for s, e in spans:
            out = _misspell_span(rng, summary, s, e, "", article)
            if out is not None:
                return out
        return None
    if kind == "replaced_name":
        spans = _vi_names(summary, article)
        if not spans:
            return None
        s, e = rng.choice(spans)
        pool = [x for x in NAME_POOL_VI if x not in article and x not in summary]
        return summary[:s] + rng.choice(pool) + summary[e:]
    if kind == "deleted_name":
        # a person's name: a run of capitalised words after a person's title, or one that
        # starts with a common family name
        spans = {
            m.span(1)
            for m in _PERSON.finditer(summary)
            if m.group(1) in article and not any(w.isupper() for w in m.group(1).split())
        }
        spans |= {m.span() for m in _FAMILY.finditer(summary) if m.group(0) in article}
        spans = sorted(spans)
        rng.shuffle(spans)
        for s, e in spans:
            words = summary[s:e].split()
            # the last word goes ("Lê Xuân Định" -> "Lê Xuân", "Nha Trang" -> "Nha"): what is
            # left names nobody (the family name or a first name alone would still name the
            # person, so it is not dropped)
            rest = words[:-1]
            if re.search(r"(?<!\w)" + re.escape(" ".join(rest)) + r"(?![\w])(?! [^\W\d_a-zà-ỹđ])", article):
                continue  # the shorter name is also in the article on its own
            return summary[:s] + " ".join(rest) + summary[e:]
        return None
    raise ValueError(kind)


# ---------------------------------------------------------------- runs


def _kind(p) -> str:
    return "misspelled" if p.problem == "misspelled" else p.kind


def read_labels(name: str = "tst2012") -> dict[int, str]:
    """Hand labels of flagged pairs: ``index<TAB>label`` lines (no corpus text)."""
    path = LABELS / f"{name}.tsv"
    out: dict[int, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                i, label = line.split("\t")[:2]
                assert label in LABEL_KINDS, label
                out[int(i)] = label
    return out


def _glossary_case(vi: str, en: str, span: tuple[int, int]):
    """A glossary entry for the name at ``span`` of the English: the Vietnamese run whose
    folded words are the same, rendered as the English writes it; None when not found."""
    from vnsum.checks.norm import fold

    want = [fold(w) for w in re.findall(r"[^\W\d_]+", en[span[0] : span[1]])]
    words = list(re.finditer(r"[^\W\d_]+", vi))
    for i in range(len(words)):
        k = len(want)
        run = words[i : i + k]
        if len(run) == k and [fold(m.group(0)) for m in run] == want and run[0].group(0)[:1].isupper():
            term = vi[run[0].start() : run[-1].end()]
            return parse_glossary(f"{term}\t{en[span[0] : span[1]]}\n", "<bench>")
    return None


def translation_eval(pairs: list[tuple[int, str, str]], seed: int, labels: dict[int, str]) -> dict:
    flagged_all = 0
    flagged_val = n_val = 0
    flagged_dig = n_dig = 0
    kinds_flagged: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    by_label: Counter[str] = Counter()
    base = []
    for idx, vi, en in pairs:
        res = check_translation(vi, en, "en")
        base.append(res)
        hv, hd = has_value(vi, en), has_digit(vi, en)
        n_val += hv
        n_dig += hd
        counted = [p for p in res.problems if p.counts]
        if res.problems and hv:
            label = "conversion" if not counted else labels.get(idx, "unlabelled")
            by_label[label] += 1
            for k in sorted({_kind(p) for p in res.problems}):
                by_kind[k][label] += 1
        if counted:
            flagged_all += 1
            flagged_val += hv
            flagged_dig += hd
        for p in res.problems:
            kinds_flagged[_kind(p)] += 1
    rng = random.Random(seed)
    inj: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    inj_vi: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    gloss = {"pairs": 0, "false": 0, "violated": [0, 0]}
    for (_, vi, en), res in zip(pairs, base):
        before = _problems(res)
        for kind in KINDS_TR:
            bad = inject_en(rng, vi, en, kind)
            if bad is None or bad == en:
                continue
            after = _problems(check_translation(vi, bad, "en"))
            inj[kind][1] += 1
            inj[kind][0] += bool(after - before)
        for kind in KINDS_TR:
            bad = inject_vi_pair(rng, vi, en, kind)
            if bad is None or bad == vi:
                continue
            after = _problems(check_translation(bad, en, "en"))
            inj_vi[kind][1] += 1
            inj_vi[kind][0] += bool(after - before)
        spans = _en_names(vi, en)
        if spans:
            span = rng.choice(spans)
            g = _glossary_case(vi, en, span)
            if g is not None:
                gloss["pairs"] += 1
                gloss["false"] += bool(g.problems(vi, en, "en"))
                bad = _misspell_span(rng, en, *span, vi) if rng.random() < 0.5 else None
                if bad is None:
                    pool = [x for x in NAME_POOL if x.lower() not in (vi + en).lower()]
                    bad = en[: span[0]] + rng.choice(pool) + en[span[1] :]
                gloss["violated"][1] += 1
                gloss["violated"][0] += bool(g.problems(vi, bad, "en"))
    return {
        "pairs": len(pairs),
        "flagged_all": flagged_all,
        "with_value": n_val,
        "flagged_value": flagged_val,
        "with_digit": n_dig,
        "flagged_digit": flagged_dig,
        "kinds_flagged": dict(kinds_flagged),
        "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
        "by_label": dict(by_label),
        "injected": {k: inj[k] for k in KINDS_TR},
        "injected_vi": {k: inj_vi[k] for k in KINDS_TR},
        "glossary": gloss,
    }


def summary_eval(arts: list[dict], seed: int) -> dict:
    rng = random.Random(seed)
    flagged = 0
    kinds: Counter[str] = Counter()
    inj: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in arts:
        article = (a.get("title") or "") + "\n" + a["text"]
        ref = a["reference_vi"]
        res = check_summary(ref, article)
        if res.problems:
            flagged += 1
            for p in res.problems:
                kinds[_kind(p)] += 1
        before = _problems(res)
        for kind in KINDS_SUM:
            bad = inject_vi(rng, ref, article, kind)
            if bad is None or bad == ref:
                continue
            after = _problems(check_summary(bad, article))
            inj[kind][1] += 1
            inj[kind][0] += bool(after - before)
    return {"articles": len(arts), "flagged": flagged, "kinds_flagged": dict(kinds), "injected": {k: inj[k] for k in KINDS_SUM}}


_LEX = build_lexicon()


def _clear() -> None:
    _LEX.memo.clear()


def timing(arts: list[dict], pairs: list[tuple[int, str, str]], seed: int) -> dict:
    rng = random.Random(seed)
    per_brief = []
    seed_file = ROOT / "tests" / "data" / "seed_binhduong.txt"
    seed_ms = []
    for a in arts:
        article = (a.get("title") or "") + "\n" + a["text"]
        tr = rng.sample(pairs, 8)
        _clear()
        t0 = time.perf_counter()
        check_summary(a["reference_vi"], article, lexicon=_LEX)
        for _, vi, en in tr:
            check_translation(vi, en, "en", _LEX)
        per_brief.append((time.perf_counter() - t0) * 1000)
    if seed_file.exists():
        text = seed_file.read_text(encoding="utf-8")
        lead = text.split("\n")[1][:300]
        for _ in range(20):
            tr = rng.sample(pairs, 8)
            _clear()
            t0 = time.perf_counter()
            check_summary(lead, text, lexicon=_LEX)
            for _, vi, en in tr:
                check_translation(vi, en, "en", _LEX)
            seed_ms.append((time.perf_counter() - t0) * 1000)
    q = sorted(per_brief)
    return {
        "mean_ms": statistics.mean(per_brief),
        "median_ms": statistics.median(per_brief),
        "p95_ms": q[int(0.95 * (len(q) - 1))],
        "max_ms": q[-1],
        "seed_median_ms": statistics.median(seed_ms) if seed_ms else None,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"


def _section(name: str, tr: dict, sm: dict) -> list[str]:
    lab = tr["by_label"]
    real = lab.get("divergence", 0) + lab.get("conversion", 0)
    base = tr["with_value"] - real
    lines = [
        f"### {name}: translation check on human translations (IWSLT'15 tst2012, vi-en)",
        "",
        "| pairs | flagged (a problem counted by --strict) |",
        "|---|---|",
        f"| containing a number, date or name ({tr['with_value']}) | {_pct(tr['flagged_value'], tr['with_value'])} |",
        f"| containing a digit ({tr['with_digit']}) | {_pct(tr['flagged_digit'], tr['with_digit'])} |",
        f"| all ({tr['pairs']}) | {_pct(tr['flagged_all'], tr['pairs'])} |",
        "",
        "Flagged pairs with a number, date or name, by hand label (`benchmarks/checks_labels/tst2012.tsv`; "
        "a pair whose only finding is `converted` is a conversion without a label): "
        + ", ".join(f"{k} {v}" for k, v in sorted(lab.items())),
        "",
        f"False alarms after setting aside real divergences and conversions: "
        f"{_pct(lab.get('false_alarm', 0), base)}"
        + (f"; unlabelled flagged pairs: {lab['unlabelled']} (counted as neither)" if lab.get("unlabelled") else ""),
        "",
        "| kind of finding | " + " | ".join(LABEL_KINDS) + " | unlabelled |",
        "|---|" + "---|" * (len(LABEL_KINDS) + 1),
    ]
    for k, c in tr["by_kind"].items():
        lines.append(f"| {k} | " + " | ".join(str(c.get(x, 0)) for x in (*LABEL_KINDS, "unlabelled")) + " |")
    lines += ["", "Injected errors, English side | detected", "|---|---|"]
    lines[-2] = "| injected into the English | detected |"
    for k, (d, n) in tr["injected"].items():
        lines.append(f"| {k} | {_pct(d, n)} |")
    lines += ["", "| injected into the Vietnamese | detected |", "|---|---|"]
    for k, (d, n) in tr["injected_vi"].items():
        lines.append(f"| {k} | {_pct(d, n)} |")
    g = tr["glossary"]
    lines += [
        "",
        f"Glossary (one entry a pair: a name of the pair, rendered as the English writes it): "
        f"violations detected {_pct(*g['violated'])} (the name misspelled or replaced in the English); "
        f"untouched pairs flagged {_pct(g['false'], g['pairs'])}.",
        "",
        f"Summary check, {name} part of the dev articles (`reference_vi` against title + text): "
        f"untouched references flagged {_pct(sm['flagged'], sm['articles'])} "
        "(leads may state facts the body does not repeat). By kind: "
        + ", ".join(f"{k} {v}" for k, v in sorted(sm["kinds_flagged"].items())),
        "",
        "| injected into the summary | detected |",
        "|---|---|",
    ]
    for k, (d, n) in sm["injected"].items():
        lines.append(f"| {k} | {_pct(d, n)} |")
    return lines + [""]


def report(parts: dict, tm: dict, cmd: str) -> str:
    lines = [
        "## Faithfulness checks (`vnsum.checks`)",
        "",
        f"Command: `{cmd}`",
        "",
        "The pairs and dev articles are split by `benchmarks/checks_split.py` (hash of the line index): "
        "the rules were written looking at the *work* part only; of the *unseen* part only the flagged pairs were "
        "read, to label them by hand, after the rules were written. "
        'Pairs "containing a number, date or name" are judged without the checker. An injected error '
        "counts as detected when the check reports a problem it did not report on the untouched text. "
        "Seeded: the same command gives the same figures, except the times.",
        "",
    ]
    for name, (tr, sm) in parts.items():
        lines += _section(name, tr, sm)
    lines += [
        "### Time",
        "",
        f"All checks of one brief (summary check + 8 translation pairs, the lexicon's memory cleared): "
        f"mean {tm['mean_ms']:.2f} ms, median {tm['median_ms']:.2f} ms, "
        f"p95 {tm['p95_ms']:.2f} ms, max {tm['max_ms']:.2f} ms over the dev articles"
        + (
            f"; seed article (tests/data/seed_binhduong.txt): median {tm['seed_median_ms']:.2f} ms"
            if tm["seed_median_ms"] is not None
            else ""
        )
        + f" (CPU, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores shared with other work).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", type=Path, help="write the markdown section to this file")
    ap.add_argument(
        "--show",
        choices=["fa", "miss", "sum-fa", "sum-miss"],
        help="print examples of the work part for tuning and labelling (corpus text: do not commit the output)",
    )
    args = ap.parse_args(argv)
    arts = read_articles(args.corpus)
    if args.show:
        work_arts = [a for k, a in enumerate(arts) if part(k, "dev") == WORK]
        return _show(args.show, read_pairs(args.corpus, WORK), work_arts, args.seed)
    labels = read_labels()
    parts = {}
    for which in (WORK, UNSEEN):
        pairs = read_pairs(args.corpus, which)
        sub = [a for k, a in enumerate(arts) if part(k, "dev") == which]
        parts[which] = (translation_eval(pairs, args.seed, labels), summary_eval(sub, args.seed))
    tm = timing(arts, read_pairs(args.corpus), args.seed)
    cmd = "python benchmarks/checks_eval.py" + (f" --seed {args.seed}" if args.seed != 12 else "")
    md = report(parts, tm, cmd)
    print(md)
    if args.out:
        args.out.write_text(md + "\n", encoding="utf-8")
    return 0


def _show(what: str, pairs, arts, seed: int) -> int:
    rng = random.Random(seed)
    if what == "fa":
        for idx, vi, en in pairs:
            res = check_translation(vi, en, "en")
            if res.problems and has_value(vi, en):
                print(idx, "VI", vi)
                print(idx, "EN", en)
                print("  ", [(p.kind, p.value, p.problem, p.expected) for p in res.problems])
    elif what == "miss":
        for _, vi, en in pairs:
            before = _problems(check_translation(vi, en, "en"))
            for kind in KINDS_TR:
                bad = inject_en(rng, vi, en, kind)
                if bad is None or bad == en:
                    continue
                if not (_problems(check_translation(vi, bad, "en")) - before):
                    print(kind, "| VI", vi)
                    print("   EN ", en)
                    print("   BAD", bad)
    elif what == "sum-fa":
        for a in arts:
            res = check_summary(a["reference_vi"], (a.get("title") or "") + "\n" + a["text"])
            for p in res.problems:
                print(a["id"], p.kind, repr(p.value), "|", p.text_vi[:150])
    else:
        for a in arts:
            article = (a.get("title") or "") + "\n" + a["text"]
            ref = a["reference_vi"]
            before = _problems(check_summary(ref, article))
            for kind in KINDS_SUM:
                bad = inject_vi(rng, ref, article, kind)
                if bad is None or bad == ref:
                    continue
                if not (_problems(check_summary(bad, article)) - before):
                    print(kind, "| REF", ref)
                    print("   BAD", bad)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
