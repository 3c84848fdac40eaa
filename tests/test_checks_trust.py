"""Checks, round 2: names letter for letter, the false-alarm classes, unit conversions, the
lexicon as a value and the reader's glossary.  Sentences are written for these tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vnsum.checks import (
    CONVERTED,
    MISSPELLED,
    GlossaryError,
    build_lexicon,
    check_record,
    check_summary,
    check_translation,
    choose_hypothesis,
    default_lexicon,
    parse_glossary,
)


def problems(vi: str, en: str, lexicon=None) -> list[tuple[str, str, str]]:
    return [(p.kind, p.value, p.problem) for p in check_translation(vi, en, "en", lexicon).problems]


# ---------------------------------------------------------------- names letter for letter


@pytest.mark.parametrize(
    ("vi", "en", "got", "want"),
    [
        ("Ông Thomas Edison phát minh ra nó.", "Mr. Thomas Edisom invented it.", "Edisom", "Edison"),
        ("Cô ấy sống ở San Francisco.", "She lives in San Franciscu.", "Franciscu", "Francisco"),
        ("Họ bay với hãng Bamboo Airways.", "They flew Bamboo Airwayz.", "Airwayz", "Airways"),
        ("Ông Phạm Nhật Vượng phát biểu.", "Mr. Pham Nhat Vuonh spoke.", "Vuonh", "Vượng"),  # the Vietnamese spelling shown
        ("Tỉnh Quảng Ngãi có mưa.", "Quang Ngao province had rain.", "Ngao", "Ngãi"),
        ("Samsung mở nhà máy.", "Samsnug opened a factory.", "Samsnug", "Samsung"),  # two letters swapped
        ("Bà Angela Merkel đến.", "Ms. Angelo Merkel came.", "Angelo", "Angela"),  # a first name, family name right
    ],
)
def test_a_near_miss_is_a_misspelled_name(vi: str, en: str, got: str, want: str) -> None:
    res = check_translation(vi, en, "en")
    assert [(p.kind, p.value, p.problem, p.expected) for p in res.problems] == [("name", got, MISSPELLED, want)]
    assert not res.ok


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("Công ty của Elon Musk tăng giá.", "Elon Musk's company raised prices."),  # possessive
        ("Anh ấy làm cho IBM.", "He works for ibm."),  # case
        ("Ông Lê Văn Hưng nói.", "Mr. Hung said."),  # the family name alone
        ("Người Maya xây đền.", "The Mayas built temples."),  # an English plural
        ("Đoàn đến Mát-xcơ-va.", "The delegation went to Moscow."),  # an exonym
        ("Tôi gặp Mary ở Boston.", "I met Mary in Boston."),
    ],
)
def test_names_copied_exactly_pass(vi: str, en: str) -> None:
    assert problems(vi, en) == []


def test_a_misspelled_vietnamese_side_is_caught_too() -> None:
    res = check_translation("Bà Michelle Obamq đến.", "Michelle Obama came.", "en")
    assert [(p.problem, p.value, p.expected) for p in res.problems] == [(MISSPELLED, "Obama", "Obamq")]


def test_a_different_name_is_not_called_misspelled() -> None:
    kinds = {p.problem for p in check_translation("Ông Thomas Edison nói.", "Mr. Nikola Tesla said.", "en").problems}
    assert MISSPELLED not in kinds and kinds


@pytest.mark.parametrize(
    ("summary", "article", "want"),
    [
        ("Ông Nguyễn Văn Thắnh phát biểu.", "Ông Nguyễn Văn Thắng phát biểu hôm qua tại Hà Nội.", "Nguyễn Văn Thắng"),
        ("Hãng Boeinq giao máy bay.", "Hãng Boeing giao máy bay cho Vietnam Airlines.", "Boeing"),
        ("Ông Barack Obmaa nói.", "Ông Barack Obama nói hôm qua. Obama cũng nói thêm.", "Barack Obama"),
    ],
)
def test_summary_names_letter_for_letter(summary: str, article: str, want: str) -> None:
    res = check_summary(summary, article)
    assert [(p.problem, p.expected) for p in res.problems] == [(MISSPELLED, want)]


# ---------------------------------------------------------------- false-alarm classes


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        # scale words in words and in the plural
        ("Có 30000 người tham gia.", "Thirty thousands people took part."),
        ("Có 30000 người tham gia.", "30 thousands people took part."),
        ("Họ quyên góp 2 triệu USD.", "They raised two millions dollars."),
        # times and durations in words
        ("Cửa hàng mở lúc 7 giờ sáng.", "The shop opens at seven in the morning."),
        ("Cửa hàng đóng lúc 8 giờ tối.", "The shop closes at eight o'clock at night."),
        ("Chuyến bay kéo dài 1 giờ.", "The flight lasts an hour."),
        ("Cuộc họp bắt đầu lúc 10 giờ 15 tối.", "The meeting began at 10 : 15 in the evening."),
        # ordinal dates
        ("Ngày 14 tháng 7, họ về.", "On July the 14th, they returned."),
        ("Ngày 14 tháng 7, họ về.", "On the 14th of July, they returned."),
        # exonyms and demonyms
        ("Âm nhạc La Tinh rất sôi động.", "Latino music is lively."),
        ("Những người nhập cư đến Mỹ.", "Immigrants came to the Americas."),
        # capitalised common nouns taken for names
        ("Internet đã thay đổi tất cả.", "The web changed everything."),
        ("Anh ấy xem bộ phim Ngôi Nhà Hạnh Phúc Online.", "He watched the film Happy Home Online."),
        # abbreviations and acronyms
        ("Cô ấy học ở đại học New Mexico.", "She studied at UNM."),
        ("Cô ấy học ở đại học Harvard.", "She studied at HU."),
        ("CFO của hãng từ chức.", "The firm's finance chief resigned."),  # opening a sentence
    ],
)
def test_false_alarm_classes_pass(vi: str, en: str) -> None:
    assert problems(vi, en) == []


def test_an_abbreviation_inside_a_sentence_is_still_checked() -> None:
    assert problems("Anh ấy là CEO của công ty.", "He runs the company.")


def test_the_classes_still_catch_a_changed_value() -> None:
    assert problems("Cửa hàng mở lúc 7 giờ sáng.", "The shop opens at nine in the morning.")
    assert problems("Có 30000 người tham gia.", "Forty thousands people took part.")
    assert problems("Ngày 14 tháng 7, họ về.", "On July the 15th, they returned.")


# ---------------------------------------------------------------- unit conversions


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("Cây cầu dài 300 m.", "The bridge is 985 feet long."),
        ("Họ chạy 42 km.", "They ran 26 miles."),
        ("Trời nóng 35 độ C.", "It was 95 degrees Fahrenheit."),
        ("Con chó nặng 20 kg.", "The dog weighs 44 pounds."),
        ("Họ đi bộ 5 dặm.", "They walked eight kilometers."),
    ],
)
def test_a_unit_conversion_is_shown_not_counted(vi: str, en: str) -> None:
    res = check_translation(vi, en, "en")
    assert [(p.kind, p.problem) for p in res.problems] == [("converted", CONVERTED)]
    assert res.ok and not res.problems[0].counts
    assert res.problems[0].expected  # the Vietnamese measure


def test_a_wrong_conversion_is_a_problem() -> None:
    res = check_translation("Cây cầu dài 300 m.", "The bridge is 500 feet long.", "en")
    assert not res.ok


# ---------------------------------------------------------------- the lexicon


def test_the_lexicon_is_a_value_passed_in() -> None:
    lex = build_lexicon()
    assert lex is not build_lexicon()
    assert check_translation("Ông Lê Văn Hưng nói.", "Mr. Hung said.", "en", lex).ok
    assert default_lexicon() is default_lexicon()


def test_checks_import_builds_no_table() -> None:
    import vnsum.checks.names as names

    assert not any(isinstance(v, dict) and v and k.isupper() for k, v in vars(names).items())


def test_no_import_circle_between_names_and_norm() -> None:
    src = Path(__import__("vnsum.checks.norm", fromlist=["x"]).__file__).read_text(encoding="utf-8")
    imported = {n.module for n in ast.walk(ast.parse(src)) if isinstance(n, ast.ImportFrom)}
    assert "names" not in imported and ".names" not in imported


# ---------------------------------------------------------------- the glossary

GLOSSARY = "# test glossary\nThái Bình Dương\tPacific Ocean\nTập Cận Bình\tXi Jinping\nTô Lâm\tTo Lam\nVinFast\n"


def test_glossary_extends_the_lexicon() -> None:
    vi, en = "Ông Tập Cận Bình phát biểu.", "Mr. Xi Jinping spoke."
    assert not check_translation(vi, en, "en").ok  # no table says who Tập Cận Bình is
    lex = build_lexicon(parse_glossary(GLOSSARY))
    assert check_translation(vi, en, "en", lex).ok


def test_glossary_problem_when_a_term_is_not_rendered() -> None:
    lex = build_lexicon(parse_glossary(GLOSSARY))
    res = check_translation("Tàu ra Thái Bình Dương.", "The ship sailed into the ocean.", "en", lex)
    assert ("glossary", "Thái Bình Dương") in {(p.kind, p.value) for p in res.problems}
    assert next(p for p in res.problems if p.kind == "glossary").expected == "Pacific Ocean"


def test_choose_prefers_the_hypothesis_that_honours_the_glossary() -> None:
    lex = build_lexicon(parse_glossary(GLOSSARY))
    hyps = ["The ship sailed into the Pacific.", "The ship sailed into the Pacific Ocean."]
    choice = choose_hypothesis("Tàu ra Thái Bình Dương.", hyps, "en", lex)
    assert choice.index == 1 and choice.result.ok and choice.by_glossary and not choice.edits


def test_post_edit_only_for_a_name_written_another_way() -> None:
    lex = build_lexicon(parse_glossary(GLOSSARY))
    choice = choose_hypothesis("Hãng VinFast ra mắt xe mới.", ["Vin Fast launched a new car."], "en", lex)
    assert choice.text == "VinFast launched a new car." and choice.edits and choice.result.ok
    # a rendering that is nowhere near: no edit, a glossary problem
    choice = choose_hypothesis("Tàu ra Thái Bình Dương.", ["The ship sailed into the sea."], "en", lex)
    assert not choice.edits and any(p.kind == "glossary" for p in choice.result.problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hà Nội\tHanoi\tcapital\n", "<glossary>:1: 3 columns"),
        ("# c\n\tHanoi\n", "<glossary>:2: the Vietnamese term is empty"),
        ("Hà Nội\t\n", "<glossary>:1: the English rendering is empty"),
        ("Hà Nội\tHanoi\nhà nội\tHa Noi\n", "<glossary>:2: 'hà nội' is already defined on line 1"),
        ("Hà\x07Nội\tHanoi\n", "<glossary>:1: a control character"),
        ("...\tHanoi\n", "<glossary>:1: a term needs at least one word"),
    ],
)
def test_glossary_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(GlossaryError) as err:
        parse_glossary(text)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_glossary_digest_follows_the_content() -> None:
    assert parse_glossary(GLOSSARY).digest == parse_glossary(GLOSSARY).digest
    assert parse_glossary(GLOSSARY).digest != parse_glossary(GLOSSARY + "Vingroup\n").digest


def test_check_record_with_a_glossary() -> None:
    lex = build_lexicon(parse_glossary(GLOSSARY))
    out = check_record({"vi": "Ông Tô Lâm phát biểu.", "en": "Mr. To Lamm spoke."}, lex)
    assert {p["kind"] for p in out["problems"]} >= {"glossary"}
