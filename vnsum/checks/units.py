"""Unit conversions a human translator makes (metres -> feet, °C -> °F) and a model does not.

A number of the Vietnamese followed by a unit, and a number of the English followed by
another unit of the same dimension whose value is the converted one (rounded the way
people round: within 12 %, or half a unit for small numbers), are one *converted*
value: shown to the reader, not counted as a problem by ``--strict``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .values import Value

# unit -> (dimension, factor to the base unit); temperatures are converted apart
_VI_UNITS = {
    "m": ("length", 1.0),
    "mét": ("length", 1.0),
    "km": ("length", 1000.0),
    "ki-lô-mét": ("length", 1000.0),
    "cây số": ("length", 1000.0),
    "cm": ("length", 0.01),
    "xăng-ti-mét": ("length", 0.01),
    "dặm": ("length", 1609.344),
    "kg": ("mass", 1.0),
    "ki-lô-gam": ("mass", 1.0),
    "ký": ("mass", 1.0),
    "cân": ("mass", 1.0),
    "gam": ("mass", 0.001),
    "g": ("mass", 0.001),
    "tấn": ("mass", 1000.0),
    "lít": ("volume", 1.0),
    "l": ("volume", 1.0),
    "ha": ("area", 10000.0),
    "héc-ta": ("area", 10000.0),
    "hecta": ("area", 10000.0),
    "m2": ("area", 1.0),
    "m²": ("area", 1.0),
    "mét vuông": ("area", 1.0),
    "km2": ("area", 1e6),
    "km²": ("area", 1e6),
    "độ c": ("temp", 0.0),
    "°c": ("temp", 0.0),
    "độ f": ("ftemp", 0.0),
    "°f": ("ftemp", 0.0),
    "feet": ("length", 0.3048),
    "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "pound": ("mass", 0.45359237),
}
_EN_UNITS = {
    "feet": ("length", 0.3048),
    "foot": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "inches": ("length", 0.0254),
    "inch": ("length", 0.0254),
    "yards": ("length", 0.9144),
    "yard": ("length", 0.9144),
    "miles": ("length", 1609.344),
    "mile": ("length", 1609.344),
    "meters": ("length", 1.0),
    "metres": ("length", 1.0),
    "meter": ("length", 1.0),
    "metre": ("length", 1.0),
    "m": ("length", 1.0),
    "kilometers": ("length", 1000.0),
    "kilometres": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "kilometre": ("length", 1000.0),
    "km": ("length", 1000.0),
    "centimeters": ("length", 0.01),
    "centimetres": ("length", 0.01),
    "cm": ("length", 0.01),
    "pounds": ("mass", 0.45359237),
    "pound": ("mass", 0.45359237),
    "lbs": ("mass", 0.45359237),
    "lb": ("mass", 0.45359237),
    "ounces": ("mass", 0.0283495),
    "ounce": ("mass", 0.0283495),
    "oz": ("mass", 0.0283495),
    "kilograms": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "kilos": ("mass", 1.0),
    "kg": ("mass", 1.0),
    "tons": ("mass", 907.18474),
    "ton": ("mass", 907.18474),
    "tonnes": ("mass", 1000.0),
    "gallons": ("volume", 3.785411784),
    "gallon": ("volume", 3.785411784),
    "liters": ("volume", 1.0),
    "litres": ("volume", 1.0),
    "acres": ("area", 4046.8564224),
    "acre": ("area", 4046.8564224),
    "hectares": ("area", 10000.0),
    "square feet": ("area", 0.09290304),
    "square miles": ("area", 2589988.110336),
    "square meters": ("area", 1.0),
    "square metres": ("area", 1.0),
    "degrees fahrenheit": ("ftemp", 0.0),
    "degrees celsius": ("temp", 0.0),
    "degrees": ("deg", 0.0),
    "fahrenheit": ("ftemp", 0.0),
    "celsius": ("temp", 0.0),
    "°f": ("ftemp", 0.0),
    "°c": ("temp", 0.0),
    "f": ("ftemp", 0.0),
}


def _unit_re(units: dict) -> re.Pattern[str]:
    alts = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(r"\s*(?:-\s*)?(" + alts + r")(?![\w²])", re.I)


_VI_UNIT = _unit_re(_VI_UNITS)
_EN_UNIT = _unit_re(_EN_UNITS)


def _quantities(v: Value) -> list[float]:
    out = []
    for alt in v.needs:
        for key in alt:
            if key[0] == "n" and isinstance(key[1], Decimal):
                out.append(float(key[1]))
            elif key[0] == "a" and isinstance(key[2], Decimal):
                out.append(float(key[2]))
    return out


_POUNDS = re.compile(r"\s*(pounds?|lbs?)$", re.I)


def measure(v: Value, text: str, vietnamese: bool) -> tuple[str, str, list[float]] | None:
    """(dimension, unit as written, quantities in the base unit) of a number followed by a unit."""
    if v.kind == "amount" and not vietnamese:
        p = _POUNDS.search(v.text)  # "11 pounds": read as money first
        if not p:
            return None
        unit = p.group(1)
    elif v.kind != "number":
        return None
    else:
        m = (_VI_UNIT if vietnamese else _EN_UNIT).match(text, v.end)
        if not m:
            return None
        unit = m.group(1)
    dim, factor = (_VI_UNITS if vietnamese else _EN_UNITS)[unit.lower()]
    qs = _quantities(v)
    if not qs:
        return None
    if dim == "deg":
        dim = "temp?"
    return dim, unit, [q * factor if factor else q for q in qs]


def _close(want: float, got: float) -> bool:
    return abs(want - got) <= max(0.12 * abs(want), 0.5)


def converted(vi_m: tuple[str, str, list[float]], en_m: tuple[str, str, list[float]]) -> bool:
    """Whether the English measure is the Vietnamese one in another unit."""
    dv, uv, qv = vi_m
    de, ue, qe = en_m
    if uv.lower() == ue.lower():
        return False
    if {dv, de} <= {"temp", "ftemp", "temp?"} and dv != de:
        to_f = dv == "temp"
        return any(_close(v * 9 / 5 + 32 if to_f else (v - 32) * 5 / 9, e) for v in qv for e in qe)
    if dv != de or dv.startswith("temp") or dv == "ftemp":
        return False
    return any(_close(v, e) for v in qv for e in qe if v)
