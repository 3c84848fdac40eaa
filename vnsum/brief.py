"""The result: a Brief with its key points, each traceable to its Vietnamese sentence.

``--format json`` is exactly ``Brief.to_dict()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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

    def to_dict(self) -> dict[str, Any]:

        return {"vnsum_version": __version__, **asdict(self)}
