"""Cleaning, sentence splitting and structure of Vietnamese text."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import SEED

from vnsum.text import BODY, BYLINE, CAPTION, LEAD, TITLE, clean_text, normalize_tone_marks, parse_article, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Giá vàng tăng 5,66% so với năm trước.Giá USD giảm.", ["Giá vàng tăng 5,66% so với năm trước.", "Giá USD giảm."]),
        (
            "PGS.TS. Nguyễn Văn A cho biết TP.HCM có 1.234,5 ha đất. Ông nói thêm.",
            ["PGS.TS. Nguyễn Văn A cho biết TP.HCM có 1.234,5 ha đất.", "Ông nói thêm."],
        ),
        (
            "Ông Trần Văn B. cho biết như vậy. Ngày 1.2.2022 là ngày đẹp.",
            ["Ông Trần Văn B. cho biết như vậy.", "Ngày 1.2.2022 là ngày đẹp."],
        ),
        ("Anh Nguyễn Văn B. Trần cũng có mặt.", ["Anh Nguyễn Văn B. Trần cũng có mặt."]),
        (
            'Ông nói: "Chúng tôi sẽ làm. Họ cũng vậy." Sau đó ông về.',
            ['Ông nói: "Chúng tôi sẽ làm. Họ cũng vậy."', "Sau đó ông về."],
        ),
        ("Bà nói: “Tôi đồng ý. Rất tốt.” Cuộc họp kết thúc.", ["Bà nói: “Tôi đồng ý. Rất tốt.”", "Cuộc họp kết thúc."]),
        (
            "Tại TP. Thủ Dầu Một, Q.1 và Th.S Lan, v.v. đều có mặt. Tốt.",
            ["Tại TP. Thủ Dầu Một, Q.1 và Th.S Lan, v.v. đều có mặt.", "Tốt."],
        ),
        ("Chiều ngày 25/3/2021, sở đón đoàn. Đoàn về lúc 17h.", ["Chiều ngày 25/3/2021, sở đón đoàn.", "Đoàn về lúc 17h."]),
        (
            "Xem tại vnexpress.net hoặc gửi thư tới ban@baomoi.vn. Cảm ơn.",
            ["Xem tại vnexpress.net hoặc gửi thư tới ban@baomoi.vn.", "Cảm ơn."],
        ),
        ("Họ chờ... và chờ. Rồi đi… Mọi người về.", ["Họ chờ... và chờ.", "Rồi đi…", "Mọi người về."]),
        ("Thật sao? Vâng! Đúng vậy.", ["Thật sao?", "Vâng!", "Đúng vậy."]),
        ("Lãi suất 5.5% và 1.000 đồng. Giá 12.500đ.", ["Lãi suất 5.5% và 1.000 đồng.", "Giá 12.500đ."]),
        ("Dự án (giai đoạn 2) hoàn thành. (Ảnh minh họa)", ["Dự án (giai đoạn 2) hoàn thành.", "(Ảnh minh họa)"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_tone_marks_old_style() -> None:
    assert normalize_tone_marks("hoà thuỷ khoẻ Hoà Bình Thuỵ Sĩ hoạ sĩ") == "hòa thủy khỏe Hòa Bình Thụy Sĩ họa sĩ"
    # Closed syllables and qu- keep their marks where they are in every convention.
    assert normalize_tone_marks("hoàng thuyết quý khoá") == "hoàng thuyết quý khóa"


def test_clean_text_controls_and_forms() -> None:
    nfd = unicodedata.normalize("NFD", "Bình Dương")
    dirty = f"\ufeff{nfd}\u200b\r\nmột\u00a0\u00a0hai\x7f\x1b[31m ba\rbốn\x00"
    assert clean_text(dirty) == "Bình Dương\nmột hai ba\nbốn"
    assert unicodedata.is_normalized("NFC", clean_text(nfd))


def test_seed_structure() -> None:
    art = parse_article(SEED.read_text(encoding="utf-8"))
    kinds = [p.kind for p in art.paragraphs]
    assert kinds == [TITLE, LEAD, BODY, CAPTION, BODY, BODY, CAPTION, BODY, BYLINE]
    assert art.title and art.title.startswith("Đoàn công tác")
    assert [p.line for p in art.paragraphs] == list(range(1, 10))
    assert all(s for p in art.body for s in p.sentences)
    assert len(art.body_sentences()) == 9


def test_agency_tag_and_glued_caption_dropped() -> None:
    art = parse_article(
        "Biểu tình ở Phnom Penh\n"
        "TTO - Người ủng hộ phe đối lập đi biểu tình sáng nay - Ảnh: AFP Theo Hãng tin AFP, đảng CNRP tuyên bố biểu tình ba ngày. "
        "Khoảng 5.000 người đã tham gia.\nCảnh sát được triển khai ở nhiều nơi.\nTheo AFP"
    )
    first = art.body[0]
    assert first.sentences[0].startswith("Theo Hãng tin AFP")
    assert not any("TTO" in s or "Ảnh:" in s for _, _, s in art.body_sentences())
    assert art.paragraphs[-1].kind == BYLINE


@pytest.mark.parametrize("tag", ["TTO -", "(Dân trí) -", "VOV.VN -", "VTV.vn -"])
def test_agency_tags(tag: str) -> None:
    art = parse_article(f"Tiêu đề bài báo\n{tag} Sáng nay, thành phố tổ chức lễ hội lớn.\nHàng nghìn người đã tham dự lễ hội.")
    assert art.body[0].sentences[0] == "Sáng nay, thành phố tổ chức lễ hội lớn."


def test_caption_line_starting_with_anh() -> None:
    art = parse_article("Tiêu đề\nCâu thứ nhất của bài báo này.\nẢnh: Nguyễn Hà\nCâu thứ hai của bài báo.\nHoàng Anh")
    assert [p.kind for p in art.paragraphs] == [TITLE, LEAD, CAPTION, BODY, BYLINE]
