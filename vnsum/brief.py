"""The result: a Brief with its key points, each traceable to its Vietnamese sentence.

``--format json`` is exactly ``Brief.to_dict()``.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from vnsum._version import __version__


@dataclass
class KeyPoint:
    """One key point: the English sentence and the article sentence it translates.

    ``paragraph`` and ``sentence`` are 0-based indexes into the cleaned article's
    non-empty paragraphs and that paragraph's sentences; ``line`` is the 1-based
    line of the cleaned input text.
    """

    text_en: str
    text_vi: str
    paragraph: int
    sentence: int
    line: int
    score: float


@dataclass
class CheckProblem:
    """A value that the faithfulness checks could not match (``vnsum.checks``).

    ``field`` is where it appears (``summary_vi``, ``summary_en``, ``headline_en``,
    ``key_points[2].text_en``); ``kind`` is number, amount, percent, date, time, name,
    ``converted`` (a unit conversion: shown, not counted) or ``glossary``; ``problem`` is "not
    in the article", "missing from the English", "not in the Vietnamese", "misspelled",
    "converted to other units" or "not rendered as the glossary says";
    ``text_vi`` is the Vietnamese text it concerns.
    """

    field: str
    kind: str
    value: str
    problem: str
    text_vi: str
    #: misspelled: the other side's spelling; glossary: the rendering asked for; converted: the Vietnamese measure
    expected: str = ""
    #: a value of the Vietnamese summary the article does not support, as the English summary writes it
    value_en: str = ""

    @property
    def counts(self) -> bool:
        """A problem for ``--strict``; a unit conversion is shown, not counted."""
        return self.kind != "converted"


@dataclass
class Brief:
    """Everything vnsum says about one article."""

    source: str
    headline_vi: str | None
    headline_en: str | None
    summary_vi: str
    summary_en: str
    key_points: list[KeyPoint]
    models: dict[str, str]
    recipe: str
    engine: str
    chunks: int = 1
    date: str | None = None
    author: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: What the faithfulness checks found (empty when every value matched).
    checks: list[CheckProblem] = field(default_factory=list)
    #: How many values the checks compared.
    values_checked: int = 0

    def to_dict(self) -> dict[str, Any]:

        return {"vnsum_version": __version__, **asdict(self)}

    @classmethod
    def from_dict(cls, data: Any) -> Brief:
        """A ``to_dict()`` back as a Brief (the result cache, history); unknown keys are dropped.

        Every field is checked against its type (``key_points: 5``, a summary that is a number,
        a missing field): raises ValueError naming the first one that is wrong.
        """
        return _build(cls, data, "brief")


def _build(cls: type[Any], data: Any, where: str) -> Any:
    """An instance of dataclass ``cls`` from a JSON object, each field checked against its hint."""
    if not isinstance(data, dict):
        raise ValueError(f"{where} is not an object")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ValueError(f"{where}.{f.name} is missing")
            continue
        values[f.name] = _conform(data[f.name], hints[f.name], f"{where}.{f.name}")
    return cls(**values)


def _conform(value: Any, hint: Any, where: str) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _conform(value, inner, where)
    if origin is list:
        if not isinstance(value, list):
            raise ValueError(f"{where} is not a list")
        return [_conform(v, args[0], f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError(f"{where} is not an object")
        return {str(k): _conform(v, args[1], f"{where}.{k}") for k, v in value.items()}
    if is_dataclass(hint):
        return _build(hint, value, where)  # type: ignore[arg-type]
    if hint is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{where} is not true or false")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{where} is not a number")
        return float(value)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{where} is not an integer")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise ValueError(f"{where} is not a string")
        return value
    raise TypeError(f"{where}: no check for {hint!r}")  # a new field type: add it here
