"""Cleaning, sentence splitting and structure of Vietnamese text."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import SEED

from vnsum.text import (
    AGENCY_TAG,
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    LEAD,
    SOURCE_LINE,
    TITLE,
    clean_text,
    parse_article,
    place_tone_marks,
    split_sentences,
)


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
        # a quotation of several sentences is split into them (structure conventions, rule 3)
        (
            'Ông nói: "Chúng tôi sẽ làm. Họ cũng vậy." Sau đó ông về.',
            ['Ông nói: "Chúng tôi sẽ làm.', 'Họ cũng vậy."', "Sau đó ông về."],
        ),
        ("Bà nói: “Tôi đồng ý. Rất tốt.” Cuộc họp kết thúc.", ["Bà nói: “Tôi đồng ý.", "Rất tốt.”", "Cuộc họp kết thúc."]),
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
        # paragraphs glued without a space
        (
            'Hai bên đã ký thỏa thuận đã có."Chỉ bàn làm thôi", ông nói.',
            ["Hai bên đã ký thỏa thuận đã có.", '"Chỉ bàn làm thôi", ông nói.'],
        ),
        (
            "Chương trình thiếu hấp dẫn hẳn đi.Ý kiến khán giả rất khác.",
            ["Chương trình thiếu hấp dẫn hẳn đi.", "Ý kiến khán giả rất khác."],
        ),
        ("Giá tăng 5%.Theo chuyên gia, giá còn tăng.", ["Giá tăng 5%.", "Theo chuyên gia, giá còn tăng."]),
        (
            "Dự án xong (năm 2020).Viết tiếp câu chuyện, họ mở rộng.",
            ["Dự án xong (năm 2020).", "Viết tiếp câu chuyện, họ mở rộng."],
        ),
        ('Cô nói "tôi yêu lắm".Ở tuổi 39, cô vẫn độc thân.', ['Cô nói "tôi yêu lắm".', "Ở tuổi 39, cô vẫn độc thân."]),
        ("Trời nóng 37 độ C.Người dân ngại ra đường.", ["Trời nóng 37 độ C.", "Người dân ngại ra đường."]),
        ("Trời nóng 37 độ C. Người dân ngại ra đường.", ["Trời nóng 37 độ C.", "Người dân ngại ra đường."]),
        ('Ca sĩ ra mắt MV.MV "Ngày mai" được khen.', ["Ca sĩ ra mắt MV.", 'MV "Ngày mai" được khen.']),
        ("Lượng tăng gấp đôi.Lũy kế cả năm đạt 30%.", ["Lượng tăng gấp đôi.", "Lũy kế cả năm đạt 30%."]),
        # an unclosed quote does not swallow the sentences after it
        (
            'Ông nói: "Chúng tôi sẽ làm. Họ cũng vậy. Sau đó ông về. Trời mưa.',
            ['Ông nói: "Chúng tôi sẽ làm.', "Họ cũng vậy.", "Sau đó ông về.", "Trời mưa."],
        ),
        # a quotation opened in the middle of a sentence
        (
            "Ông A cho biết: “Tôi đồng ý. Chúng tôi sẽ làm ngay” và rời cuộc họp. Mọi người về.",
            ["Ông A cho biết: “Tôi đồng ý.", "Chúng tôi sẽ làm ngay” và rời cuộc họp.", "Mọi người về."],
        ),
        ('Ông nói: " Mọi chuyện sẽ ổn... ". Sau đó ông về.', ['Ông nói: " Mọi chuyện sẽ ổn... ".', "Sau đó ông về."]),
        ("Họ bán rau, thịt, cá v.v. Năm 2023 doanh thu tăng.", ["Họ bán rau, thịt, cá v.v.", "Năm 2023 doanh thu tăng."]),
        ("Tàu hoạt động êm dưới nước H. I. Sutton nhận định.", ["Tàu hoạt động êm dưới nước H. I. Sutton nhận định."]),
        ("Anh N.D. Q. (huyện Bình Xuyên) đã vay tiền.", ["Anh N.D. Q. (huyện Bình Xuyên) đã vay tiền."]),
        ("Họ sống ở khu vực châu Á. Họ nói tiếng Anh.", ["Họ sống ở khu vực châu Á.", "Họ nói tiếng Anh."]),
        (
            "Ông ghi bàn ở phút 90. Ông Nguyễn Văn A. Ông A cho biết.",
            ["Ông ghi bàn ở phút 90.", "Ông Nguyễn Văn A.", "Ông A cho biết."],
        ),
        ("Phiên họp của UBND TP. Trước khi họp, đoàn đi thăm.", ["Phiên họp của UBND TP.", "Trước khi họp, đoàn đi thăm."]),
        ("Văn bản nêu rõ./. Ngày mai họp tiếp.", ["Văn bản nêu rõ./.", "Ngày mai họp tiếp."]),
        ("Yahoo! cho biết đã bán mảng này.", ["Yahoo! cho biết đã bán mảng này."]),
        (
            "Xem tại www.baomoi.com.vn hoặc hỏi ban.bandoc@gmail.com nhé. Tốt.",
            ["Xem tại www.baomoi.com.vn hoặc hỏi ban.bandoc@gmail.com nhé.", "Tốt."],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "new_style, old_style",
    [("nguỵ", "ngụy"), ("Nguỵ", "Ngụy"), ("chính quyền nguỵ", "chính quyền ngụy"), ("huỷ bỏ", "hủy bỏ"), ("luỹ kế", "lũy kế")],
)
def test_tone_marks_uy_after_ng(new_style: str, old_style: str) -> None:
    """Placement goes both ways (each model gets its own); cleaning keeps the article's."""
    assert place_tone_marks(old_style, "oà") == new_style
    assert place_tone_marks(new_style, "òa") == old_style
    assert clean_text(new_style) == new_style and clean_text(old_style) == old_style
    assert place_tone_marks("quý quỹ khuya", "òa") == place_tone_marks("quý quỹ khuya", "oà") == "quý quỹ khuya"


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
    assert art.paragraphs[-1].kind == SOURCE_LINE  # "Theo AFP" names the source, not an author
    assert [k for k, _ in first.pieces] == [AGENCY_TAG, CAPTION, CREDIT, LEAD, LEAD]


@pytest.mark.parametrize("tag", ["TTO -", "(Dân trí) -", "VOV.VN -", "VTV.vn -"])
def test_agency_tags(tag: str) -> None:
    art = parse_article(f"Tiêu đề bài báo\n{tag} Sáng nay, thành phố tổ chức lễ hội lớn.\nHàng nghìn người đã tham dự lễ hội.")
    assert art.body[0].sentences[0] == "Sáng nay, thành phố tổ chức lễ hội lớn."


def test_caption_line_starting_with_anh() -> None:
    art = parse_article("Tiêu đề\nCâu thứ nhất của bài báo này.\nẢnh: Nguyễn Hà\nCâu thứ hai của bài báo.\nHoàng Anh")
    assert [p.kind for p in art.paragraphs] == [TITLE, LEAD, CREDIT, BODY, BYLINE]


def test_paragraph_pieces_keep_everything_in_order() -> None:
    line = "Người dân xem pháo hoa - Ảnh: AFP Theo ban tổ chức, lễ hội kéo dài ba ngày. Hơn 5.000 người tham gia."
    art = parse_article(f"Lễ hội pháo hoa\n{line}")
    para = art.paragraphs[1]
    assert para.kind == LEAD
    assert para.sentences == ("Theo ban tổ chức, lễ hội kéo dài ba ngày.", "Hơn 5.000 người tham gia.")
    assert [k for k, _ in para.pieces] == [CAPTION, CREDIT, LEAD, LEAD]
    assert " ".join(t for _, t in para.pieces) == line
    assert para.text == " ".join(para.sentences)
    assert art.dropped() == [(2, CAPTION, "Người dân xem pháo hoa"), (2, CREDIT, "- Ảnh: AFP")]


def test_prose_leaves_out_furniture_only() -> None:
    art = parse_article(
        "Tiêu đề bài\nTrang chủ | Thời sự | Thế giới | Kinh tế\nCâu thứ nhất của bài báo này.\n"
        "Ông Lê Văn Ba phát biểu tại buổi lễ\nCâu thứ hai.\nXem thêm: Giá vàng hôm nay tăng mạnh"
    )
    prose = art.prose()
    assert "Trang chủ" not in prose and "Giá vàng" not in prose
    assert "Ông Lê Văn Ba" in prose and "Tiêu đề bài" in prose
    assert BOILERPLATE == FURNITURE


def test_no_article_text_when_everything_is_furniture() -> None:
    assert parse_article("Đăng nhập\nTrang chủ | Thời sự | Thế giới | Kinh tế").body_sentences() == []


def test_body_paragraph_starting_with_a_credit_is_not_a_caption() -> None:
    body = "".join(f"“Trong năm thứ {i}, các tập đoàn mở rộng còn doanh nghiệp nhỏ thu hẹp”, ông nói. " for i in range(40))
    art = parse_article(f"Kinh tế khó khăn\n(Ảnh minh họa: PV/Vietnam+) {body}")
    assert len(art.body_sentences()) == 40
