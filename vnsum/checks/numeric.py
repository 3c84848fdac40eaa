"""Builders of numeric :class:`~vnsum.checks.values.Value` objects, shared by both languages.

``vi.py`` and ``en.py`` find the spans; the functions here decide what keys a
number, an amount, a percentage, a date or a time provides and needs, so that
the two languages stay consistent.
"""

from __future__ import annotations

from decimal import Decimal

from . import values as K
from .values import Value, dec, quantity_keys

NONE: tuple = ()


def number(
    text: str,
    start: int,
    end: int,
    readings: list[Decimal],
    *,
    scale: Decimal | None = None,
    weak: bool = False,
    support_only: bool = False,
    alt: list[Decimal] | None = None,
) -> Value:
    """A quantity; ``alt`` are further readings that also satisfy it (ranges)."""
    vals = [dec(r * scale) if scale else r for r in readings]
    every = vals + (alt or [])
    provides = quantity_keys(every)
    if scale:
        provides.add(K.s(scale))
    needs = NONE if support_only else tuple(frozenset({K.n(v)}) for v in every)
    return Value("number", text, start, end, needs, frozenset(provides), weak or support_only, support_only)


def support(text: str, start: int, end: int, quantities: list[Decimal]) -> Value:
    """Something that only supports the other side ("một", "a", "both")."""
    return Value("number", text, start, end, NONE, frozenset(quantity_keys(quantities)), True, True)


def amount(text: str, start: int, end: int, readings: list[Decimal], cur: str, alt: list[Decimal] | None = None) -> Value:
    every = readings + (alt or [])
    provides = {K.a(cur, v) for v in every} | {K.n(v) for v in every}
    needs = tuple(frozenset({k}) for v in every for k in (K.a(cur, v), K.b(v)))
    return Value("amount", text, start, end, needs, frozenset(provides))


def percent(text: str, start: int, end: int, readings: list[Decimal], *, weak: bool = False) -> Value:
    provides = {K.p(v) for v in readings}
    needs = tuple(frozenset({K.p(v)}) for v in readings)
    return Value("percent", text, start, end, needs, frozenset(provides), weak)


def bare_scale(text: str, start: int, end: int, mag: Decimal) -> Value:
    """ "hàng triệu" / "millions": an order of magnitude without a number (weak)."""
    k = K.s(dec(mag))
    return Value("number", text, start, end, (frozenset({k}),), frozenset({k, K.n(dec(mag)), K.b(dec(mag))}), True)


def date(
    text: str,
    start: int,
    end: int,
    *,
    day: int | None = None,
    month: int | None = None,
    year: int | None = None,
    alts: tuple[frozenset, ...] = (),
    extra: frozenset = frozenset(),
    kind: str = "date",
    weak: bool = False,
) -> Value:
    """A date with any of day, month, year; every part given must be matched."""
    need: set = set()
    provides: set = set(extra)
    if month is not None:
        provides.add(K.m(month))
        if day is not None:
            need.add(K.md(month, day))
            provides.add(K.md(month, day))
            provides.add(K.n(dec(day)))
        else:
            need.add(K.m(month))
    elif day is not None:
        need.add(K.n(dec(day)))
        provides.add(K.n(dec(day)))
    if year is not None:
        need.add(K.y(year))
        provides |= {K.y(year), K.n(dec(year)), K.b(dec(year))}
    needs = (frozenset(need),) + alts if need else alts
    for alt in alts:
        provides |= alt
    return Value(kind, text, start, end, needs, frozenset(provides), weak)


def dates(text: str, start: int, end: int, pairs: list[tuple[int, int]], year: int | None) -> Value:
    """Several days of one month ("23-25/10", "October 23 and 24")."""
    need = {K.md(mo, d) for d, mo in pairs}
    provides = set(need) | {K.m(mo) for _, mo in pairs} | {K.n(dec(d)) for d, _ in pairs}
    if year is not None:
        need.add(K.y(year))
        provides |= {K.y(year), K.n(dec(year))}
    return Value("date", text, start, end, (frozenset(need),), frozenset(provides))


def weekday(text: str, start: int, end: int, day: int, ordinal: int | None, *, weak: bool, strict: bool) -> Value:
    """``ordinal``: "thứ ba" is Tuesday and also "third"; ``strict``: only the weekday matches."""
    provides = {K.wd(day)}
    needs = [frozenset({K.wd(day)})]
    if ordinal is not None:
        provides.add(K.n(dec(ordinal)))
        if not strict:
            needs.append(frozenset({K.n(dec(ordinal))}))
    return Value("date", text, start, end, tuple(needs), frozenset(provides), weak)


def clock(
    text: str, start: int, end: int, hour: int, minute: int, period: str | None, *, maybe_duration: bool = False
) -> Value | None:
    """A time of day. ``period`` is "am", "pm", "night" or None (then 12-hour ambiguous)."""
    if hour > 24 or minute > 59:
        return None
    cands: list[int] = []
    if period == "am":
        cands = [(hour % 12) * 60 + minute]
    elif period == "pm":
        cands = [((hour % 12) + 12) * 60 + minute]
    elif period == "night":  # "2 giờ đêm" is 02:00, "10 giờ đêm" 22:00
        cands = [(hour if hour < 6 or hour >= 12 else hour + 12) * 60 + minute]
    else:
        cands = [hour * 60 + minute]
        if 1 <= hour <= 12:
            cands.append(((hour + 12) % 24) * 60 + minute)
        if hour == 24:
            cands = [minute]
    keys = [K.t(x) for x in cands]
    provides = set(keys)
    needs = [frozenset({k}) for k in keys]
    if maybe_duration:
        provides |= {K.n(dec(hour)), K.b(dec(hour))}
        needs.append(frozenset({K.n(dec(hour))}))
    return Value("time", text, start, end, tuple(needs), frozenset(provides))


def code(text: str, start: int, end: int, folded: str) -> Value:
    k = K.c(folded)
    return Value("number", text, start, end, (frozenset({k}),), frozenset({k}))


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total < 100 else None
