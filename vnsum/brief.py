"""The result: a Brief with its key points, each traceable to its Vietnamese sentence.

``--format json`` is exactly ``Brief.to_dict()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from vnsum._version import __version__

if TYPE_CHECKING:  # imported where needed: the checks' tables take a moment, a plain brief needs none
    from vnsum.checks.compare import Problem


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


def key_point_field(i: int) -> str:
    """Where the checks and every format address the ``i``-th key point's English."""
    return f"key_points[{i}].text_en"


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
    #: What the faithfulness checks found (empty when every value matched): ``checks.Problem``,
    #: whose ``field`` is where it appears (``summary_vi``, ``summary_en``, ``headline_en``,
    #: ``key_points[2].text_en``).
    checks: list[Problem] = field(default_factory=list)
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
        values["checks"] = []
        if data.get("checks"):
            from vnsum.checks.compare import Problem

            names = {f.name for f in fields(Problem)}
            values["checks"] = [Problem(**{k: v for k, v in c.items() if k in names}) for c in data["checks"]]
        return cls(**values)
