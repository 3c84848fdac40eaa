"""The common currency of the checks: a :class:`Value` found in a text, and its keys.

Every extractor (``vi.py`` for Vietnamese, ``en.py`` for English, ``names.py``
for proper names in both) turns a text into a list of :class:`Value`.  A value
says which *keys* it ``provides`` to the other side and which keys it
``needs`` from the other side to be supported.  Keys are small tuples, built
only by the helpers below, so that both languages agree on them:

===========  ===========================================  =====================
key          meaning                                       example
===========  ===========================================  =====================
``n``        a quantity (Decimal)                          ``("n", 10**13)``
``b``        a quantity written without a currency         ``("b", 5)``
``a``        an amount: currency code + quantity           ``("a", "VND", 10**13)``
``p``        a percentage                                  ``("p", Decimal("5.66"))``
``y``        a year                                        ``("y", 2021)``
``m``        a month                                       ``("m", 3)``
``md``       a day of a month                              ``("md", 3, 25)``
``wd``       a weekday, Monday = 1 ... Sunday = 7          ``("wd", 2)``
``t``        a time of day, in minutes after midnight      ``("t", 1230)``
``s``        an order of magnitude named without a number  ``("s", 10**6)`` ("millions")
``c``        an alphanumeric code                          ``("c", "h5n1")``
===========  ===========================================  =====================

``needs`` is a tuple of alternatives; each alternative is a frozenset of keys
that must all be provided by the other side.  ``"5-7"`` in Vietnamese is the 5th
of July *or* the range 5 to 7, so it needs ``{md(7, 5)}`` or ``{n(5), n(7)}``.
A ``support_only`` value only supports the other side (``"một"``, which is
"one" but far more often the article "a").

A *weak* value (a number spelled in words, "millions", a capitalised word that
may not be a name) is reported only when the other side also has an unmatched
value of the same family: a substitution, not a mere rewording.

A new kind of value goes here first (a key helper, and the kind name in
``KINDS`` / ``FAMILY``), then into the extractors of each language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

KINDS = ("number", "amount", "percent", "date", "time", "name")

#: values of one family can stand for each other in a substitution
FAMILY = {
    "number": "numeric",
    "amount": "numeric",
    "percent": "numeric",
    "date": "date",
    "time": "time",
    "name": "name",
}

Key = tuple


def dec(x: object) -> Decimal:
    """A Decimal with no trailing zeros, so that equal quantities hash equal."""
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    return d.normalize() if d else Decimal(0)


def n(v: Decimal) -> Key:
    return ("n", v)


def b(v: Decimal) -> Key:
    return ("b", v)


def a(cur: str, v: Decimal) -> Key:
    return ("a", cur, v)


def p(v: Decimal) -> Key:
    return ("p", v)


def y(year: int) -> Key:
    return ("y", year)


def m(month: int) -> Key:
    return ("m", month)


def md(month: int, day: int) -> Key:
    return ("md", month, day)


def wd(day: int) -> Key:
    return ("wd", day)


def t(minutes: int) -> Key:
    return ("t", minutes % 1440)


def s(mag: Decimal) -> Key:
    return ("s", mag)


def c(code: str) -> Key:
    return ("c", code)


@dataclass(frozen=True, slots=True)
class Value:
    kind: str
    text: str  # as written in the text it was found in
    start: int
    end: int
    needs: tuple[frozenset, ...]  # alternatives; empty: support only
    provides: frozenset
    weak: bool = False
    support_only: bool = False  # never reported, only supports the other side
    # names only
    tokens: tuple[str, ...] = field(default=(), compare=False)
    group: int | None = field(default=None, compare=False)
    # needs when both texts are Vietnamese (a summary against its article), if stricter
    same_lang: tuple[frozenset, ...] | None = field(default=None, compare=False)

    def satisfied(self, provided: set | frozenset) -> bool:
        return any(alt <= provided for alt in self.needs)


def quantity_keys(values: list[Decimal], *, bare: bool = True) -> set[Key]:
    out: set[Key] = set()
    for v in values:
        out.add(n(v))
        if bare:
            out.add(b(v))
        if v == v.to_integral_value() and 1000 <= v <= 2100:
            out.add(y(int(v)))
    return out


def readings(s: str, lang: str = "vi") -> list[Decimal]:
    """The quantities a digit string can mean, most likely first.

    Separators are read in both conventions, because texts mix them:
    ``"1.234"`` is 1234 in Vietnamese and 1.234 in English, ``"1,234"`` the
    reverse; ``"5,66"`` and ``"5.66"`` are 5.66; ``"1.234.567"`` and
    ``"1,234,567"`` are 1234567; ``"1.234,5"`` and ``"1,234.5"`` are 1234.5.
    A group of three zeros is never read as decimals (``"10.000"`` is 10000).
    The text's own convention wins where it is clear: a Vietnamese ``"1.300"`` is
    only 1300 and an English ``"1,300"`` only 1300 (so that "1.300 triệu" never
    equals "1,3 tỷ" by accident).  Returns [] for strings that are no number
    (``"1.2.3"``).
    """
    if s.isdigit():
        return [dec(int(s))]
    try:
        has_dot, has_comma = "." in s, "," in s
        if has_dot and has_comma:
            last = max(s.rfind("."), s.rfind(","))
            head, tail = s[:last], s[last + 1 :]
            groups = head.replace(".", ",").split(",")
            if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
                return [dec(Decimal("".join(groups) + "." + tail))]
            return []
        sep = "." if has_dot else ","
        parts = s.split(sep)
        if len(parts) > 2:
            if 1 <= len(parts[0]) <= 3 and all(len(g) == 3 for g in parts[1:]):
                return [dec(int("".join(parts)))]
            return []
        head, tail = parts
        if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0":
            whole = dec(int(head + tail))
            if tail == "000" or (sep == "." and lang == "vi") or (sep == "," and lang == "en"):
                return [whole]
            # the other convention's reading comes second: an English "1.234" is 1.234 but
            # may be a Vietnamese 1234 left untranslated (and the reverse)
            return [dec(Decimal(head + "." + tail)), whole]
        return [dec(Decimal(head + "." + tail))]
    except (InvalidOperation, ValueError):
        return []
