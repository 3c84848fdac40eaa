"""ROUGE and its aggregation for ``vnsum eval``: plain data in, plain data out.

Scores are F1 of ROUGE-1, ROUGE-2 and ROUGE-L (no stemming), times 100, computed by Google's
``rouge-score`` package with a Vietnamese-aware tokenizer: its default tokenizer keeps only
``[a-z0-9]`` and so turns "được" into "c" and "Hà Nội" into "h n i". Here text is NFC-normalised,
lowercased and split on everything that is not a letter, digit or combining mark, so every
Vietnamese syllable is one token with its diacritics ("Hà_Nội" and "Hà Nội" both give
``["hà", "nội"]``). ``rouge-score`` (and nltk) are imported on first use.

The records are those of ``shared/corpus/dev/articles.jsonl``: one JSON object a line with
``text``, ``title`` and ``reference_vi``, optionally ``id`` and ``dataset`` (see
:func:`read_records`). The caller summarises each record and builds an :class:`EvalRow`;
:func:`aggregate` turns the rows into a report (overall and per dataset) and
:func:`format_table` into rows for a terminal table.
"""

from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnsum import jsonsafe
from vnsum.errors import InputError, UsageError

__all__ = [
    "METRICS",
    "NO_DATASET",
    "EvalRow",
    "VietnameseTokenizer",
    "aggregate",
    "format_table",
    "read_records",
    "rouge",
    "score_row",
]

#: The ROUGE variants reported, in order.
METRICS: tuple[str, ...] = ("rouge1", "rouge2", "rougeL")
#: The group name of records without a ``dataset`` field.
NO_DATASET = "(none)"

# A token: a run of letters, digits and combining marks (so a syllable whose diacritics did not
# compose under NFC stays whole). "_" (word-segmented corpora: "Hà_Nội") and punctuation split.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# Legacy encodings and careless typing put the Icelandic eth where Vietnamese has đ.
_FOLD = str.maketrans({"ð": "đ"})


class VietnameseTokenizer:
    """A tokenizer for ``rouge_scorer.RougeScorer(..., tokenizer=...)``: an object with a
    ``tokenize(text) -> list[str]`` method (the interface of rouge-score 0.1.2,
    ``rouge_score.tokenizers.Tokenizer``). Syllables are the tokens."""

    def tokenize(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFC", text or "").lower().translate(_FOLD)
        return _TOKEN.findall(text)

    def __repr__(self) -> str:
        return "VietnameseTokenizer()"


@functools.lru_cache(maxsize=1)
def _scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise UsageError("vnsum eval needs the rouge-score package: pip install rouge-score") from exc
    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=False, tokenizer=VietnameseTokenizer())


def rouge(reference: str, candidate: str) -> dict[str, float]:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-L of ``candidate`` against ``reference``, ×100
    (``{"rouge1": ..., "rouge2": ..., "rougeL": ...}``). An empty side scores 0."""
    scores = _scorer().score(reference, candidate)
    return {name: scores[name].fmeasure * 100.0 for name in METRICS}


@dataclass
class EvalRow:
    """One evaluated article. ``flags`` is the number of problems the faithfulness checks found
    (``None`` when checks are not available); ``error`` is the message when no brief was made
    (then the texts are ignored). ``seconds`` is the wall time to make the brief."""

    id: str
    dataset: str | None = None
    seconds: float | None = None
    summary_vi: str = ""
    key_points_vi: list[str] = field(default_factory=list)
    reference_vi: str = ""
    flags: int | None = None
    error: str | None = None

    @classmethod
    def from_brief(
        cls,
        record: Mapping[str, Any],
        brief: Mapping[str, Any],
        *,
        seconds: float | None,
        flags: int | None = None,
    ) -> EvalRow:
        """A row from a record of :func:`read_records` and a brief dict (``Brief.to_dict()``:
        its ``summary_vi`` and the ``text_vi`` of its ``key_points``)."""
        points = [str(p.get("text_vi") or "") for p in brief.get("key_points") or []]
        return cls(
            id=str(record["id"]),
            dataset=record.get("dataset"),
            seconds=seconds,
            summary_vi=str(brief.get("summary_vi") or ""),
            key_points_vi=[p for p in points if p],
            reference_vi=str(record["reference_vi"]),
            flags=flags,
        )

    @classmethod
    def failed(cls, record: Mapping[str, Any], error: str, *, seconds: float | None = None) -> EvalRow:
        """A row for a record that produced no brief."""
        return cls(
            id=str(record["id"]),
            dataset=record.get("dataset"),
            seconds=seconds,
            reference_vi=str(record.get("reference_vi") or ""),
            error=error,
        )


def score_row(row: EvalRow) -> dict[str, dict[str, float]] | None:
    """``{"summary": rouge(...), "key_points": rouge(...)}`` for one row (key points joined with
    spaces, in order), or ``None`` for a row with an error."""
    if row.error is not None:
        return None
    return {
        "summary": rouge(row.reference_vi, row.summary_vi),
        "key_points": rouge(row.reference_vi, " ".join(row.key_points_vi)),
    }


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _stats(rows: list[EvalRow], scores: list[dict[str, dict[str, float]] | None]) -> dict[str, Any]:
    ok = [(row, s) for row, s in zip(rows, scores) if s is not None]
    checked = [row for row, _ in ok if row.flags is not None]
    flagged = sum(1 for row in checked if row.flags and row.flags > 0)
    seconds = [float(row.seconds) for row, _ in ok if row.seconds is not None]

    def means(part: str) -> dict[str, float] | None:
        if not ok:
            return None
        return {m: statistics.fmean(s[part][m] for _, s in ok) for m in METRICS}

    return {
        "count": len(rows),
        "errors": len(rows) - len(ok),
        "summary": means("summary"),
        "key_points": means("key_points"),
        "checked": len(checked),
        "flagged": flagged,
        "flag_rate": (flagged / len(checked)) if checked else None,
        "seconds_mean": _mean(seconds),
        "seconds_median": statistics.median(seconds) if seconds else None,
    }


def aggregate(rows: Iterable[EvalRow], *, include_rows: bool = False) -> dict[str, Any]:
    """The report: ``{"overall": STATS, "datasets": {name: STATS, ...}}`` (datasets sorted by
    name; records without one are grouped under ``NO_DATASET``), plus ``"rows"`` (each row's
    id, dataset, seconds, flags, error and scores) when ``include_rows``. JSON-serialisable.

    STATS: ``count`` (rows), ``errors`` (rows with an error, left out of everything below),
    ``summary`` and ``key_points`` (mean ROUGE F1 ×100 per metric against ``reference_vi``;
    ``None`` when no row succeeded), ``checked`` (rows whose checks ran), ``flagged`` (of those,
    rows with at least one problem), ``flag_rate`` (flagged / checked, a fraction; ``None``
    when no checks ran), ``seconds_mean`` and ``seconds_median`` (per successful article;
    ``None`` without timings).
    """
    rows = list(rows)
    scores = [score_row(row) for row in rows]
    groups: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(row.dataset or NO_DATASET, []).append(index)
    report: dict[str, Any] = {
        "overall": _stats(rows, scores),
        "datasets": {name: _stats([rows[i] for i in idx], [scores[i] for i in idx]) for name, idx in sorted(groups.items())},
    }
    if include_rows:
        report["rows"] = [
            {
                "id": row.id,
                "dataset": row.dataset,
                "seconds": row.seconds,
                "flags": row.flags,
                "error": row.error,
                "scores": score,
            }
            for row, score in zip(rows, scores)
        ]
    return report


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


#: The header row of :func:`format_table`.
TABLE_HEADER = [
    "dataset",
    "articles",
    "errors",
    "summary R-1",
    "summary R-2",
    "summary R-L",
    "key points R-1",
    "key points R-2",
    "key points R-L",
    "flagged",
    "s/article",
    "median s",
]


def format_table(report: Mapping[str, Any]) -> list[list[str]]:
    """Rows of strings for a terminal table: the header (:data:`TABLE_HEADER`), one row per
    dataset, then ``all``. ROUGE with one decimal, the flag rate as a percentage, seconds with
    two decimals; "–" where a value does not exist (no successful article, no checks)."""
    table = [list(TABLE_HEADER)]

    def line(name: str, stats: Mapping[str, Any]) -> list[str]:
        cells = [name, str(stats["count"]), str(stats["errors"])]
        for part in ("summary", "key_points"):
            values = stats.get(part) or {}
            cells += [_number(values.get(m)) for m in METRICS]
        rate = stats.get("flag_rate")
        cells.append("–" if rate is None else f"{rate * 100:.1f}%")
        cells.append(_number(stats.get("seconds_mean"), 2))
        cells.append(_number(stats.get("seconds_median"), 2))
        return cells

    for name, stats in report.get("datasets", {}).items():
        table.append(line(name, stats))
    table.append(line("all", report["overall"]))
    return table


_REQUIRED = ("text", "title", "reference_vi")


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, checked one line at a time.

    Each non-blank line must be a JSON object with string ``text`` and ``reference_vi`` (not
    blank) and a string ``title`` (may be empty); ``id`` (string or integer, unique in the
    file) and ``dataset`` (string or null) are optional. Each record is yielded as a copy with
    ``id`` (a string; ``line-N`` when absent) and ``dataset`` (``None`` when absent) filled in;
    other fields pass through. A bad line raises :class:`~vnsum.errors.InputError` naming the
    file and line number, when the iteration reaches it (``list(read_records(p))`` checks the
    whole file before any work); a file without records raises too.
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    seen: dict[str, int] = {}
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{path}:{number}: not UTF-8 text") from None
            if not line.strip():
                continue
            record = _check(path, number, line)
            if record["id"] in seen:
                raise InputError(f"{path}:{number}: duplicate id {record['id']!r} (first on line {seen[record['id']]})")
            seen[record["id"]] = number
            yield record
    if not seen:
        raise InputError(f"{path}: no records (expected JSON lines with text, title and reference_vi)")


def _check(path: Path, number: int, line: str) -> dict[str, Any]:
    where = f"{path}:{number}"
    try:
        record = jsonsafe.loads(line)
    except ValueError as exc:
        raise InputError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for name in _REQUIRED:
        if name not in record:
            raise InputError(f"{where}: missing field {name!r}")
        value = record[name]
        if not isinstance(value, str):
            raise InputError(f"{where}: field {name!r} must be a string, got {type(value).__name__}")
        if name != "title" and not value.strip():
            raise InputError(f"{where}: field {name!r} is empty")
    record = dict(record)
    rid = record.get("id")
    if rid is None:
        record["id"] = f"line-{number}"
    elif isinstance(rid, bool) or not isinstance(rid, (str, int)) or (isinstance(rid, str) and not rid.strip()):
        raise InputError(f"{where}: field 'id' must be a non-empty string or an integer")
    else:
        record["id"] = str(rid)
    dataset = record.get("dataset")
    if dataset is not None and not (isinstance(dataset, str) and dataset.strip()):
        raise InputError(f"{where}: field 'dataset' must be a non-empty string or null")
    record["dataset"] = dataset
    return record
