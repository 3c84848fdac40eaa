"""The result: a Brief with its key points, each traceable to its Vietnamese sentence.

``--format json`` is exactly ``Brief.to_dict()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

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
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        """A ``to_dict()`` back as a Brief (the result cache, history); unknown keys are dropped.

        Raises TypeError or ValueError when ``data`` is not a brief.
        """
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        point_names = {f.name for f in fields(KeyPoint)}
        values["key_points"] = [
            KeyPoint(**{k: v for k, v in p.items() if k in point_names}) for p in data.get("key_points") or []
        ]
        check_names = {f.name for f in fields(CheckProblem)}
        values["checks"] = [CheckProblem(**{k: v for k, v in c.items() if k in check_names}) for c in data.get("checks") or []]
        return cls(**values)
