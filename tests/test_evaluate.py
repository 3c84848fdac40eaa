"""ROUGE with Vietnamese syllables, aggregation per dataset, and the eval records (vnsum.evaluate).

Every expected score here is computed by hand in the comments."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from pytest import approx

from vnsum.errors import InputError
from vnsum.evaluate import (
    NO_DATASET,
    TABLE_HEADER,
    EvalRow,
    VietnameseTokenizer,
    aggregate,
    format_table,
    read_records,
    rouge,
    score_row,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "articles.jsonl"


# -- tokenizer ----------------------------------------------------------------------------


def test_tokens_are_syllables_with_diacritics():
    tok = VietnameseTokenizer()
    assert tok.tokenize("Hà Nội, ĐÀ NẴNG: 5.000 người — được!") == [
        "hà",
        "nội",
        "đà",
        "nẵng",
        "5",
        "000",
        "người",
        "được",
    ]
    assert tok.tokenize("Hà_Nội") == ["hà", "nội"]  # word-segmented corpora
    assert tok.tokenize("") == [] and tok.tokenize("…!?") == []


def test_tokens_are_nfc_normalised():
    tok = VietnameseTokenizer()
    composed = "Thủ tướng phát biểu"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert tok.tokenize(decomposed) == tok.tokenize(composed) == ["thủ", "tướng", "phát", "biểu"]
    # a mark with no precomposed form stays inside its token
    assert tok.tokenize("x\u0301y z") == ["x\u0301y", "z"]
    # the Icelandic eth some legacy texts use for Đ
    assert tok.tokenize("Ðà Nẵng") == ["đà", "nẵng"]


# -- rouge --------------------------------------------------------------------------------


def test_identical_scores_100_whatever_case_punctuation_or_normal_form():
    ref = "Giá xăng tăng mạnh hôm nay."
    cand = unicodedata.normalize("NFD", "GIÁ XĂNG TĂNG MẠNH, HÔM NAY!")
    assert rouge(ref, cand) == approx({"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0})


def test_disjoint_scores_0():
    assert rouge("Đà Nẵng đón khách", "Hà Nội vắng người") == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


def test_diacritics_make_different_syllables():
    # "mưa" (rain) and "mua" (buy) must not match; an ASCII tokenizer cannot tell them apart
    assert rouge("trời mưa", "trời mua") == approx({"rouge1": 50.0, "rouge2": 0.0, "rougeL": 50.0})


def test_default_rouge_tokenizer_would_be_wrong():
    """Why the custom tokenizer exists: rouge-score's default keeps [a-z0-9] only."""
    from rouge_score import rouge_scorer

    default = rouge_scorer.RougeScorer(["rouge1"]).score("Đà Nẵng", "Hà Nội")["rouge1"].fmeasure
    assert default > 0  # "n" from "Nẵng" matches "n" from "Nội"
    assert rouge("Đà Nẵng", "Hà Nội")["rouge1"] == 0.0


def test_partial_overlap_same_length():
    # ref: hà nội mưa to | cand: hà nội nắng to
    # ROUGE-1: 3 of 4 unigrams on both sides          -> P = R = 3/4 -> F = 75
    # ROUGE-2: ref {hà nội, nội mưa, mưa to}, cand {hà nội, nội nắng, nắng to}: 1 of 3 -> 33.33
    # ROUGE-L: LCS = hà nội to = 3                     -> 75
    assert rouge("Hà Nội mưa to", "Hà Nội nắng to") == approx({"rouge1": 75.0, "rouge2": 100 / 3, "rougeL": 75.0})


def test_partial_overlap_different_length_and_order():
    # ref (6): giá xăng tăng mạnh hôm nay | cand (5): hôm nay giá xăng tăng
    # ROUGE-1: 5 shared: P = 5/5, R = 5/6                 -> F = 2·1·(5/6)/(11/6) = 10/11
    # ROUGE-2: shared {giá xăng, xăng tăng, hôm nay} = 3: P = 3/4, R = 3/5 -> F = 2/3
    # ROUGE-L: LCS = giá xăng tăng = 3: P = 3/5, R = 3/6  -> F = 0.6/1.1 = 6/11
    assert rouge("Giá xăng tăng mạnh hôm nay", "hôm nay giá xăng tăng") == approx(
        {"rouge1": 1000 / 11, "rouge2": 200 / 3, "rougeL": 600 / 11}
    )


def test_repeated_syllables_are_clipped():
    # ref: người người nhà nhà (người×2, nhà×2) | cand: người người người
    # ROUGE-1: overlap min(3,2) = 2: P = 2/3, R = 2/4 -> F = 2·(2/3)(1/2)/(7/6) = 4/7
    # ROUGE-2: ref {người người, người nhà, nhà nhà}, cand {người người ×2}: overlap 1:
    #          P = 1/2, R = 1/3 -> F = 2/5
    # ROUGE-L: LCS = người người = 2 -> same as ROUGE-1 = 4/7
    assert rouge("người người nhà nhà", "người người người") == approx({"rouge1": 400 / 7, "rouge2": 40.0, "rougeL": 400 / 7})


def test_empty_candidate_scores_0():
    assert rouge("Hà Nội mưa to", "") == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


# -- rows and aggregation -----------------------------------------------------------------


def labelled_rows() -> list[EvalRow]:
    return [
        # summary identical (100, 100, 100); key points "Hà Nội nắng to" (75, 33.33, 75)
        EvalRow("a1", "tin-a", 1.0, "Hà Nội mưa to.", ["Hà Nội nắng", "to"], "Hà Nội mưa to", flags=0),
        # summary (90.91, 66.67, 54.55); key points identical (100, 100, 100)
        EvalRow(
            "a2", "tin-a", 3.0, "hôm nay giá xăng tăng", ["Giá xăng tăng mạnh hôm nay"], "Giá xăng tăng mạnh hôm nay", flags=2
        ),
        # everything disjoint or empty (0); checks not available
        EvalRow("b1", "tin-b", 5.0, "Hà Nội vắng người", [], "Đà Nẵng đón khách", flags=None),
        # no brief: left out of the scores and the timings
        EvalRow("b2", "tin-b", 0.1, reference_vi="Đà Nẵng đón khách", error="model failed"),
    ]


def test_score_row():
    rows = labelled_rows()
    scores = score_row(rows[0])
    assert set(scores) == {"summary", "key_points"}
    assert scores["summary"] == approx({"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0})
    assert scores["key_points"] == approx({"rouge1": 75.0, "rouge2": 100 / 3, "rougeL": 75.0})
    assert score_row(rows[3]) is None


def test_aggregate_overall_and_per_dataset():
    report = aggregate(labelled_rows())
    json.dumps(report)  # the -f json output
    a, b, overall = report["datasets"]["tin-a"], report["datasets"]["tin-b"], report["overall"]
    assert list(report["datasets"]) == ["tin-a", "tin-b"]

    assert (a["count"], a["errors"]) == (2, 0)
    assert a["summary"] == approx(
        {"rouge1": (100 + 1000 / 11) / 2, "rouge2": (100 + 200 / 3) / 2, "rougeL": (100 + 600 / 11) / 2}
    )
    assert a["key_points"] == approx({"rouge1": 87.5, "rouge2": (100 / 3 + 100) / 2, "rougeL": 87.5})
    assert (a["checked"], a["flagged"], a["flag_rate"]) == (2, 1, 0.5)
    assert (a["seconds_mean"], a["seconds_median"]) == (2.0, 2.0)

    assert (b["count"], b["errors"]) == (2, 1)
    assert b["summary"] == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert b["key_points"] == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert (b["checked"], b["flagged"], b["flag_rate"]) == (0, 0, None)
    assert (b["seconds_mean"], b["seconds_median"]) == (5.0, 5.0)

    assert (overall["count"], overall["errors"]) == (4, 1)
    assert overall["summary"] == approx(
        {"rouge1": (100 + 1000 / 11) / 3, "rouge2": (100 + 200 / 3) / 3, "rougeL": (100 + 600 / 11) / 3}
    )
    assert overall["key_points"] == approx({"rouge1": 175 / 3, "rouge2": (100 / 3 + 100) / 3, "rougeL": 175 / 3})
    assert (overall["checked"], overall["flagged"], overall["flag_rate"]) == (2, 1, 0.5)
    assert (overall["seconds_mean"], overall["seconds_median"]) == (3.0, 3.0)
    assert "rows" not in report


def test_aggregate_median_differs_from_mean_and_rows_are_optional():
    rows = [EvalRow(str(i), None, s, "a", ["a"], "a") for i, s in enumerate([1.0, 2.0, 9.0])]
    report = aggregate(rows, include_rows=True)
    assert list(report["datasets"]) == [NO_DATASET]
    assert report["overall"]["seconds_mean"] == 4.0 and report["overall"]["seconds_median"] == 2.0
    assert report["overall"]["flag_rate"] is None
    assert [r["id"] for r in report["rows"]] == ["0", "1", "2"]
    assert report["rows"][0]["scores"]["summary"]["rouge1"] == approx(100.0)


def test_aggregate_all_errors_and_no_rows():
    report = aggregate([EvalRow("x", "d", error="boom")])
    stats = report["overall"]
    assert (stats["count"], stats["errors"], stats["summary"], stats["key_points"]) == (1, 1, None, None)
    assert stats["seconds_mean"] is None and stats["seconds_median"] is None
    empty = aggregate([])
    assert empty["overall"]["count"] == 0 and empty["datasets"] == {}
    assert format_table(empty)[-1][0] == "all"


def test_format_table():
    table = format_table(aggregate(labelled_rows()))
    assert table[0] == TABLE_HEADER
    assert all(len(row) == len(TABLE_HEADER) and all(isinstance(c, str) for c in row) for row in table)
    assert [row[0] for row in table[1:]] == ["tin-a", "tin-b", "all"]
    assert table[1] == ["tin-a", "2", "0", "95.5", "83.3", "77.3", "87.5", "66.7", "87.5", "50.0%", "2.00", "2.00"]
    assert table[2] == ["tin-b", "2", "1", "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "–", "5.00", "5.00"]
    assert table[3] == ["all", "4", "1", "63.6", "55.6", "51.5", "58.3", "44.4", "58.3", "50.0%", "3.00", "3.00"]


def test_row_from_a_brief_dict():
    record = {"id": "r1", "dataset": "vietnews", "text": "…", "title": "…", "reference_vi": "Hà Nội mưa to"}
    brief = {
        "summary_vi": "Hà Nội mưa to",
        "summary_en": "Rain",
        "key_points": [{"text_en": "x", "text_vi": "Hà Nội"}, {"text_en": "y", "text_vi": "mưa to"}],
    }
    row = EvalRow.from_brief(record, brief, seconds=1.5, flags=1)
    assert row == EvalRow("r1", "vietnews", 1.5, "Hà Nội mưa to", ["Hà Nội", "mưa to"], "Hà Nội mưa to", 1, None)
    failed = EvalRow.failed(record, "out of memory", seconds=0.2)
    assert (failed.error, failed.dataset, failed.summary_vi, failed.key_points_vi) == ("out of memory", "vietnews", "", [])


# -- records ------------------------------------------------------------------------------


def write_jsonl(path: Path, lines: list[object], *, bom: bool = False) -> Path:
    text = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


GOOD = {"text": "Hà Nội mưa to.", "title": "Mưa", "reference_vi": "Hà Nội mưa."}


def test_read_records(tmp_path):
    path = write_jsonl(
        tmp_path / "d.jsonl",
        [
            {**GOOD, "id": "a", "dataset": "vietnews", "url": "https://x"},
            "",
            {**GOOD, "id": 7},
            {**GOOD, "title": ""},
        ],
        bom=True,
    )
    records = list(read_records(path))
    assert [r["id"] for r in records] == ["a", "7", "line-4"]
    assert [r["dataset"] for r in records] == ["vietnews", None, None]
    assert records[0]["url"] == "https://x" and records[0]["text"] == GOOD["text"]


@pytest.mark.parametrize(
    "bad, message",
    [
        ('{"text": "x", "title": ', "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({"title": "t", "reference_vi": "r"}, "missing field 'text'"),
        ({"text": "x", "reference_vi": "r"}, "missing field 'title'"),
        ({"text": "x", "title": "t"}, "missing field 'reference_vi'"),
        ({**GOOD, "text": 5}, "field 'text' must be a string"),
        ({**GOOD, "reference_vi": "   "}, "field 'reference_vi' is empty"),
        ({**GOOD, "id": ["x"]}, "field 'id'"),
        ({**GOOD, "dataset": 3}, "field 'dataset'"),
        ({**GOOD, "id": "first"}, "duplicate id 'first' (first on line 1)"),
    ],
)
def test_bad_record_names_file_and_line(tmp_path, bad, message):
    path = write_jsonl(tmp_path / "d.jsonl", [{**GOOD, "id": "first"}, {**GOOD, "id": "second"}, bad])
    records = read_records(path)
    assert next(records)["id"] == "first"
    with pytest.raises(InputError) as info:
        list(records)
    assert f"{path}:3: " in str(info.value) and message in str(info.value)


def test_bad_encoding_empty_and_missing_files(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + '{"text": "Hà"}'.encode("latin-1") + b"\n")
    with pytest.raises(InputError, match=r"latin1.jsonl:2: not UTF-8"):
        list(read_records(path))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(InputError, match="no records"):
        list(read_records(empty))
    with pytest.raises(InputError, match="cannot read"):
        list(read_records(tmp_path / "nope.jsonl"))


@pytest.mark.skipif(not CORPUS.exists(), reason="shared dev corpus not present")
def test_reads_the_shared_dev_corpus():
    records = list(read_records(CORPUS))
    assert len(records) >= 100
    assert all(r["dataset"] for r in records)
    first = records[0]
    # a summary equal to the reference scores 100; the lead of the article scores less
    assert rouge(first["reference_vi"], first["reference_vi"])["rouge1"] == approx(100.0)
    assert 0 < rouge(first["reference_vi"], first["text"][:400])["rouge1"] < 100
