"""What is body and what is not, inside lines too: captions, credits, bylines, source lines,
related links, furniture, sub-headings, agency tags (``../shared/corpus/structure-conventions.md``).

Every text here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

import json

import pytest

from vnsum.keypoints import select
from vnsum.text import (
    AGENCY_TAG,
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    LEAD,
    RELATED_LINKS,
    SOURCE_LINE,
    SUBHEADING,
    TITLE,
    parse_article,
    reading_report,
)
from vnsum.text.kinds import BODY_KINDS


def pieces(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every piece, body pieces as "body"."""
    art = parse_article(text)
    return [("body" if k in BODY_KINDS else k, t) for p in art.paragraphs for k, t in p.pieces]


def body(text: str) -> list[str]:
    return [s for _, _, s in parse_article(text).body_sentences()]


def dropped(text: str) -> list[tuple[str, str]]:
    return [(k, t) for k, t in pieces(text) if k not in ("body", TITLE)]


# --- captions glued into running text without punctuation -----------------------------------


def test_captions_glued_between_sentences() -> None:
    text = (
        "Học bổng cho học sinh nghèo\n"
        "Buổi lễ trao học bổng diễn ra sáng nay tại trường. Ông Nguyễn Văn An phát biểu tại buổi lễ "
        "Bà Lan và em Minh giao lưu tại buổi lễ Ông Trần Quốc Bảo trao quà cho học sinh "
        "Sau đó, các em học sinh đã biểu diễn văn nghệ. Buổi lễ kết thúc lúc 11h."
    )
    assert dropped(text) == [
        (CAPTION, "Ông Nguyễn Văn An phát biểu tại buổi lễ"),
        (CAPTION, "Bà Lan và em Minh giao lưu tại buổi lễ"),
        (CAPTION, "Ông Trần Quốc Bảo trao quà cho học sinh"),
    ]
    assert body(text) == [
        "Buổi lễ trao học bổng diễn ra sáng nay tại trường.",
        "Sau đó, các em học sinh đã biểu diễn văn nghệ.",
        "Buổi lễ kết thúc lúc 11h.",
    ]


def test_caption_glued_before_the_first_sentence() -> None:
    text = (
        "Cháy nhà ở Hà Nội\nCảnh sát phong tỏa hiện trường vụ cháy Ngày 12/5, lực lượng cứu hỏa đã dập tắt "
        "đám cháy sau hai giờ. Không có ai bị thương."
    )
    assert dropped(text) == [(CAPTION, "Cảnh sát phong tỏa hiện trường vụ cháy")]
    assert body(text)[0].startswith("Ngày 12/5, lực lượng cứu hỏa")


def test_caption_before_a_sentence_starting_with_after() -> None:
    text = (
        "Điều tra vụ án\nCơ quan điều tra làm việc với bác sĩ. Thực nghiệm hiện trường vụ án mạng ở ngoại thành "
        "Sau khi thực nghiệm, cơ quan điều tra đã có kết luận ban đầu."
    )
    # a glued piece with no credit is a caption or a heading: either way it is not body
    assert [t for k, t in dropped(text) if k in (CAPTION, SUBHEADING)] == ["Thực nghiệm hiện trường vụ án mạng ở ngoại thành"]
    assert body(text)[-1] == "Sau khi thực nghiệm, cơ quan điều tra đã có kết luận ban đầu."


@pytest.mark.parametrize(
    "glued, heading, after",
    [
        (
            "Đội bóng đã thắng trận đầu tiên.Niềm vui trở lạiSau nhiều tháng chờ đợi, họ đã ăn mừng.",
            "Niềm vui trở lại",
            "Sau nhiều tháng chờ đợi, họ đã ăn mừng.",
        ),
        (
            "Nhiều ca khúc mới đã ra mắt. Phi văn hóa Trong số những ca khúc này, nhiều bài bị chê.",
            "Phi văn hóa",
            "Trong số những ca khúc này, nhiều bài bị chê.",
        ),
    ],
)
def test_subheadings_glued_into_text(glued: str, heading: str, after: str) -> None:
    text = f"Tiêu đề của bài viết này\n{glued} Câu cuối cùng của bài."
    assert (SUBHEADING, heading) in dropped(text)
    assert after in body(text)


def test_heading_after_a_list_intro_with_colon() -> None:
    text = (
        "Dạy con tiêu tiền\nKinh nghiệm của tôi khi dạy con là: Không cho con tiền tùy ý "
        "Phần lớn phụ huynh cho con tiền tiêu vặt khi con đòi. Đó là thói quen xấu."
    )
    assert (SUBHEADING, "Không cho con tiền tùy ý") in dropped(text)
    assert body(text)[0] == "Kinh nghiệm của tôi khi dạy con là:"


def test_capitalised_names_are_not_sentence_starts() -> None:
    # "Bà Rịa", "Tháng 8" (in a street name), "Anh" (a middle name), "Thế giới" stay inside the sentence
    for sentence in [
        "Xe chạy từ hướng Bà Rịa về TP.HCM vào chiều qua.",
        "Vụ việc xảy ra trên đường Cách Mạng Tháng 8, quận 3.",
        "Chủ tịch Nguyễn Anh Liên cho biết như vậy tại buổi họp.",
        "Cô từng dự thi Hoa hậu Thế giới năm 2017 và đoạt giải.",
        "Tàu ngầm này hoạt động rất êm dưới nước H. I. Sutton nhận định.",
    ]:
        assert body(f"Tiêu đề bài báo số một\n{sentence}") == [sentence]


# --- credits --------------------------------------------------------------------------------


def test_credit_with_a_final_period_and_its_caption() -> None:
    text = (
        "Tai nạn giao thông\nNgười dân đứng xem hiện trường vụ tai nạn - Ảnh: TR.T.\n"
        "Sáng nay, một vụ tai nạn đã xảy ra trên quốc lộ 1A.\nHai người bị thương nhẹ.\nCông an đang điều tra."
    )
    assert dropped(text) == [(CAPTION, "Người dân đứng xem hiện trường vụ tai nạn"), (CREDIT, "- Ảnh: TR.T.")]


def test_credit_with_initials_does_not_eat_the_next_word() -> None:
    text = (
        "Cấp cứu kịp thời\nXe cứu thương đưa bệnh nhân về bệnh viện huyện Châu Đức - Ảnh: Đ.Hà Cháu bé được đưa "
        "đi cấp cứu kịp thời. Hiện sức khỏe cháu đã ổn định."
    )
    assert (CREDIT, "- Ảnh: Đ.Hà") in dropped(text)
    assert body(text)[0] == "Cháu bé được đưa đi cấp cứu kịp thời."


@pytest.mark.parametrize(
    "glued, credit, sentence",
    [
        (
            "Ảnh: AFPThủ tướng Qatar cho biết hai bên đã đạt thỏa thuận.",
            "Ảnh: AFP",
            "Thủ tướng Qatar cho biết hai bên đã đạt thỏa thuận.",
        ),
        (
            "Ảnh: Thái HàKhoảng 20h30, bốn ôtô đang đỗ thì bốc cháy.",
            "Ảnh: Thái Hà",
            "Khoảng 20h30, bốn ôtô đang đỗ thì bốc cháy.",
        ),
        (
            "- Ảnh: Reuters Thụy Điển cùng Phần Lan đã nộp đơn xin gia nhập.",
            "- Ảnh: Reuters",
            "Thụy Điển cùng Phần Lan đã nộp đơn xin gia nhập.",
        ),
        (
            "- Ảnh: Minh Anh Thụy Điển cùng Phần Lan đã nộp đơn xin gia nhập.",
            "- Ảnh: Minh Anh",
            "Thụy Điển cùng Phần Lan đã nộp đơn xin gia nhập.",
        ),
        ("Ảnh: Lao động Có nhiều ý kiến đề nghị sửa luật.", "Ảnh: Lao động", "Có nhiều ý kiến đề nghị sửa luật."),
        (
            "Video: Nhân vật cung cấpĐạo diễn chọn màu sắc bí ẩn cho phim.",
            "Video: Nhân vật cung cấp",
            "Đạo diễn chọn màu sắc bí ẩn cho phim.",
        ),
        ("Ảnh: Giang Huy Sấn Văn Trung thường gặp những mảnh vỡ.", "Ảnh: Giang Huy", "Sấn Văn Trung thường gặp những mảnh vỡ."),
        ("(Ảnh: Reuters) Thỏa thuận được ký tại Bắc Kinh.", "(Ảnh: Reuters)", "Thỏa thuận được ký tại Bắc Kinh."),
        (
            "Ảnh: KitcoMarc Chandler cũng đồng tình với nhận định này.",
            "Ảnh: Kitco",
            "Marc Chandler cũng đồng tình với nhận định này.",
        ),
    ],
)
def test_credit_boundary_keeps_the_next_sentence_whole(glued: str, credit: str, sentence: str) -> None:
    text = f"Tin thời sự hôm nay\nMọi người theo dõi sự kiện. Hai nhà lãnh đạo bắt tay nhau. {glued} Câu cuối của bài."
    assert dropped(text) == [(CAPTION, "Hai nhà lãnh đạo bắt tay nhau."), (CREDIT, credit)], pieces(text)
    assert body(text) == ["Mọi người theo dõi sự kiện.", sentence, "Câu cuối của bài."]


def test_illustration_credit_at_the_start_of_a_paragraph_keeps_the_body() -> None:
    text = (
        "Doanh nghiệp nhỏ\n(Ảnh minh họa: PV/Vietnam+) “Trong khi các tập đoàn lớn mở rộng, doanh nghiệp nhỏ gặp khó”, "
        "ông nói. Thị trường còn nhiều thách thức."
    )
    assert dropped(text) == [(CREDIT, "(Ảnh minh họa: PV/Vietnam+)")]
    assert body(text)[0].startswith("“Trong khi các tập đoàn lớn")


def test_credit_pattern_only_for_credits() -> None:
    # "Ảnh hưởng", "Hình ảnh", "Video clip" start ordinary sentences; the sentence before them stays
    text = (
        "Bão đổ bộ\nBão số 3 đã đổ bộ vào đất liền. Ảnh hưởng của bão khiến nhiều nhà bị tốc mái. "
        "Hình ảnh vụ việc được lan truyền trên mạng."
    )
    assert dropped(text) == []
    assert len(body(text)) == 3


# --- captions written as sentences ----------------------------------------------------------


def test_caption_sentence_right_after_the_title() -> None:
    text = (
        "Xử lý lấn chiếm vỉa hè\nCơ quan chức năng TP Vũng Tàu tịch thu phương tiện lấn chiếm vỉa hè.\n"
        "Sáng 12/3, đội quản lý trật tự đô thị TP Vũng Tàu ra quân xử lý tình trạng lấn chiếm vỉa hè.\n"
        "Nhiều hộ kinh doanh bày hàng hóa tràn ra lòng đường.\n"
        "Lực lượng chức năng đã tịch thu nhiều phương tiện lấn chiếm vỉa hè của các hộ kinh doanh.\n"
        "Việc xử lý sẽ tiếp tục trong tháng tới."
    )
    assert dropped(text) == [(CAPTION, "Cơ quan chức năng TP Vũng Tàu tịch thu phương tiện lấn chiếm vỉa hè.")]
    assert select(parse_article(text), 1)[0].text.startswith("Sáng 12/3")


def test_news_sentence_after_the_title_stays_body() -> None:
    text = (
        "Bắt giữ nghi phạm\nNgày 12/3, Công an tỉnh Bình Dương cho biết đã bắt giữ hai đối tượng trộm cắp.\n"
        "Hai đối tượng khai nhận hành vi.\nVụ việc đang được điều tra.\nCông an kêu gọi người dân cảnh giác."
    )
    assert dropped(text) == []


def test_repeated_photo_block_is_a_caption() -> None:
    block = "Cá được chuyển từ xe tải vào thùng lớn.Hàng chục công nhân tất bật đưa cá vào vựa."
    text = f"Chợ cá ngày Tết\nChợ đông từ nửa đêm.{block}{block}Giá cá tăng nhẹ so với ngày thường."
    assert dropped(text) == [(CAPTION, block)]
    assert "Hàng chục công nhân tất bật đưa cá vào vựa." in body(text)


def test_gallery_after_an_intro_sentence() -> None:
    text = (
        "Diễn tập cứu hộ\nCuộc diễn tập kết thúc tốt đẹp. Phóng viên xin gửi tới bạn đọc một số hình ảnh. "
        "Lực lượng cứu hộ tiếp cận tòa nhà. Chó nghiệp vụ tìm kiếm nạn nhân. Thực hiện: HOÀNG HÀ"
    )
    assert dropped(text) == [
        (CAPTION, "Lực lượng cứu hộ tiếp cận tòa nhà."),
        (CAPTION, "Chó nghiệp vụ tìm kiếm nạn nhân."),
        (BYLINE, "Thực hiện: HOÀNG HÀ"),
    ]


# --- bylines and source lines -----------------------------------------------------------------


@pytest.mark.parametrize(
    "tail, kind",
    [
        ("Minh Trang (TTXVN)", BYLINE),
        ("Minh Trang (TTXVN).", BYLINE),
        ("ĐẶNG THANH HÀ", BYLINE),
        ("T. Tuyền", BYLINE),
        ("Thu Linh/VOV online", BYLINE),
        ("Mộc Miên (Tổng hợp)", BYLINE),
        ("Thanh Hương (t/h)", BYLINE),
        ("N.H", BYLINE),
        ("V.T.", BYLINE),
        ("Hà Anh, Minh Đức", BYLINE),
        ("Thu Huyền - Nguyễn Lâm", BYLINE),
        ("Tin, ảnh: Nguyễn Phúc", BYLINE),
        ("Theo VnExpress", SOURCE_LINE),
        ("Nguồn: Bộ Y tế", SOURCE_LINE),
        ("(Vietnam+)", SOURCE_LINE),
    ],
)
def test_byline_at_the_end_of_a_one_line_article(tail: str, kind: str) -> None:
    text = f"Mưa lớn ở Hà Nội\nHôm nay trời mưa to ở Hà Nội. Nhiều tuyến phố bị ngập sâu. {tail}"
    assert dropped(text) == [(kind, tail)]
    assert body(text) == ["Hôm nay trời mưa to ở Hà Nội.", "Nhiều tuyến phố bị ngập sâu."]


def test_byline_and_source_glued() -> None:
    text = "Tin thế giới\nCác chuyên gia đã tới hiện trường. Hai nước cùng hỗ trợ tìm kiếm. Sầm Hoa(Theo ABCnews)"
    assert dropped(text) == [(BYLINE, "Sầm Hoa"), (SOURCE_LINE, "(Theo ABCnews)")]


def test_byline_on_its_own_last_line() -> None:
    text = "Lũ lụt miền Trung\nMưa lớn gây ngập nhiều nơi.\nNhiều hộ dân phải sơ tán.\nMinh Trang (TTXVN)"
    art = parse_article(text)
    assert [p.kind for p in art.paragraphs] == [TITLE, LEAD, "body", BYLINE]


def test_a_short_last_sentence_is_not_a_byline() -> None:
    text = "Tiêu đề bài báo\nHọ đã về nhà an toàn. Xin cảm ơn"
    assert dropped(text) == []


# --- related links and furniture ------------------------------------------------------------


def test_related_links_label_and_headline() -> None:
    text = (
        "Bảo hiểm cháy nổ\nTIN LIÊN QUAN Công ty bảo hiểm giải quyết tổn thất cho khách hàng Sau vụ cháy, công ty "
        "đã chi trả hơn 10 tỷ đồng. Khách hàng hài lòng."
    )
    assert dropped(text) == [(RELATED_LINKS, "TIN LIÊN QUAN Công ty bảo hiểm giải quyết tổn thất cho khách hàng")]


def test_related_link_items() -> None:
    text = (
        "Quần vợt\n>> Tay vợt trẻ thắng dễ ở vòng một >> Giải đấu hoãn vì mưa Phát biểu sau trận, huấn luyện viên "
        "tỏ ra hài lòng. Đội sẽ thi đấu tiếp vào ngày mai."
    )
    assert dropped(text) == [(RELATED_LINKS, ">> Tay vợt trẻ thắng dễ ở vòng một >> Giải đấu hoãn vì mưa")]
    assert body(text)[0].startswith("Phát biểu sau trận")


@pytest.mark.parametrize(
    "widget",
    [
        "* Bài viết thể hiện quan điểm riêng của tác giả",
        "Nhận bản tin mỗi sáng từ VnExpressBạn có thể hủy đăng ký bất cứ khi nào.",
        "Xem video:",
        "® Tòa soạn giữ bản quyền nội dung trên website này",
    ],
)
def test_furniture(widget: str) -> None:
    text = f"Giáo dục\nGiáo dục cần thay đổi.\nNhiều phụ huynh đồng tình với ý kiến này.\n{widget}"
    assert dropped(text) == [(FURNITURE, widget)]


def test_flattened_results_table() -> None:
    text = (
        "Bóng đá châu Âu\nCác trận đấu diễn ra sôi nổi. Kết quả các trận đấu rạng sáng nay "
        "Bảng A Real Madrid 2 - 1 Napoli Braga 0 - 3 Union Bảng B Arsenal 3 - 1 Lens PSV 1 - 1 Sevilla"
    )
    kinds = [k for k, _ in dropped(text)]
    assert kinds == [SUBHEADING, FURNITURE]
    assert body(text) == ["Các trận đấu diễn ra sôi nổi."]


def test_agency_tag() -> None:
    text = "Lễ hội\nTTO - Sáng nay, thành phố tổ chức lễ hội lớn.\nHàng nghìn người đã tham dự."
    assert dropped(text) == [(AGENCY_TAG, "TTO -")]


# --- body that must not be dropped ----------------------------------------------------------


def test_long_line_without_final_period_is_body() -> None:
    text = (
        "Ngoại giao\nThủ tướng Anh David Cameron gần đây cũng bày tỏ hy vọng các bên sẽ sớm đạt được thỏa thuận "
        "về vấn đề này\nCác nhà đàm phán sẽ gặp lại vào tuần tới.\nKết quả vẫn chưa rõ ràng."
    )
    assert dropped(text) == []


def test_short_line_without_final_period_is_a_heading_or_caption() -> None:
    text = (
        "Thị trường cát\nGiá cát tăng cao trong năm nay.\nNguồn cung giảm\nNhiều mỏ cát đã đóng cửa.\n"
        "Ông Lê Văn Ba kiểm tra mỏ cát ở Đồng Nai\nDoanh nghiệp lo thiếu hàng."
    )
    assert dropped(text) == [(SUBHEADING, "Nguồn cung giảm"), (CAPTION, "Ông Lê Văn Ba kiểm tra mỏ cát ở Đồng Nai")]


def test_share_words_starting_a_sentence_are_body() -> None:
    text = (
        "Ca sĩ trẻ\nQuang vừa ra mắt album đầu tay.\n"
        "Chia sẻ về dự định trong tương lai, Quang cho biết: anh sẽ tiếp tục sáng tác.\nAlbum nhận nhiều lời khen."
    )
    assert dropped(text) == []


def test_list_intro_is_body() -> None:
    text = "Thông báo\nCông điện nêu rõ:\nCác địa phương phải sẵn sàng sơ tán dân.\nCác lực lượng trực 24/24."
    assert body(text)[0] == "Công điện nêu rõ:"


# --- reading report -------------------------------------------------------------------------


def test_reading_report_shape() -> None:
    text = (
        "Biểu tình ở thủ đô\nTTO - Người biểu tình tập trung sáng nay - Ảnh: AFP Theo hãng tin AFP, cuộc biểu tình "
        "kéo dài ba ngày. Khoảng 5.000 người tham gia.\nCảnh sát được triển khai ở nhiều nơi.\nTheo AFP"
    )
    report = reading_report(parse_article(text))
    assert json.loads(json.dumps(report, ensure_ascii=False)) == report
    assert report["title"] == "Biểu tình ở thủ đô"
    entries = report["paragraphs"]
    assert [e["kind"] for e in entries] == [TITLE, AGENCY_TAG, CAPTION, CREDIT, LEAD, "body", SOURCE_LINE]
    assert [e["line"] for e in entries] == [1, 2, 2, 2, 2, 3, 4]
    assert entries[4]["sentences"] == ["Theo hãng tin AFP, cuộc biểu tình kéo dài ba ngày.", "Khoảng 5.000 người tham gia."]
    assert entries[4]["text"] == " ".join(entries[4]["sentences"])
    assert all(e["sentences"] == [] for e in entries if e["kind"] not in BODY_KINDS)
    assert set(entries[0]) == {"kind", "text", "sentences", "line", "paragraph", "why", "caption_score", "unsure"}
    assert all(e["why"] for e in entries)  # every piece says why it got its kind
    assert any("caption" in n for n in report["notes"])


def test_key_points_never_contain_known_non_body_text() -> None:
    text = (
        "Cháy lớn ở khu công nghiệp\nLính cứu hỏa phun nước dập lửa tại nhà xưởng bị cháy - Ảnh: Minh Hòa "
        "Chiều 12/5, một vụ cháy lớn xảy ra tại nhà xưởng trong khu công nghiệp. Lửa bùng lên từ kho chứa hàng. "
        "Hàng chục xe chữa cháy đã được điều đến hiện trường. Vụ cháy không gây thương vong. NGUYỄN HÙNG"
    )
    art = parse_article(text)
    non_body = [t for _, _, t in art.dropped()]
    for c in select(art, 3):
        assert all(t not in c.text for t in non_body)


# --- speed ----------------------------------------------------------------------------------


def test_five_megabytes_are_read() -> None:
    """5 MB in one line and in many lines (its speed is measured side by side in benchmarks/bench_sizes.py)."""
    paragraph = (
        "Sáng 12/3, UBND TP.HCM tổ chức hội nghị tổng kết năm. Ông Nguyễn Văn A. cho biết doanh thu tăng 5,66%. "
        "Lãnh đạo thành phố phát biểu tại hội nghị - Ảnh: Minh Hòa Theo báo cáo, năm nay thành phố đạt nhiều kết quả "
        "tốt.Niềm vui lớnSau nhiều năm, người dân đã có nhà mới. >> Tin liên quan hôm nay Phát biểu tại buổi lễ, "
        'bà nói: "Chúng tôi rất vui. Cảm ơn mọi người." Giá cả ổn định v.v. Năm 2024 sẽ còn tốt hơn. '
    )
    one_line = (paragraph * (5_000_000 // len(paragraph.encode()) + 1)).encode()[:5_000_000].decode("utf-8", "ignore")
    many_lines = one_line.replace("tốt.Niềm", "tốt.\nNiềm")
    for text in (one_line, many_lines):
        art = parse_article("Tiêu đề\n" + text)
        assert art.body_sentences()


def test_the_caption_model_has_one_weight_per_feature() -> None:
    """The feature list, the weights shipped and what ``features`` computes stay in step (a feature
    added without refitting would silently shift every weight)."""
    from vnsum.text import caption_model, captions

    n = len(captions.FEATURES)
    assert len(caption_model.WEIGHTS) == len(caption_model.MEAN) == len(caption_model.SCALE) == n
    around = captions.Neighbourhood(
        title="Hà Nội mở thêm ba tuyến xe buýt điện",
        prev="Thành phố cho biết ba tuyến mới chạy từ tháng sau.",
        next="Ảnh: Minh Anh",
        prev_body=True,
        next_body=False,
        first_body=False,
        position=0.5,
        last=False,
    )
    assert len(captions.features("Xe buýt điện tại bến Kim Mã.", around, "body")) == n


# --- classes found on the fitting part's errors (issue 20), each with a neighbour that stays body ---


def test_caption_glued_before_a_reporting_subject() -> None:
    text = (
        "Tìm kiếm người mất tích trên sông\n"
        "Nước sông lên nhanh trong đêm. Ngư dân kéo lưới trên sông sáng 3/4 giữa mùa cạn ở miền Tây "
        "AFP cho biết nhiều thuyền đã được huy động. Việc tìm kiếm tiếp tục vào ngày mai."
    )
    assert dropped(text) == [(CAPTION, "Ngư dân kéo lưới trên sông sáng 3/4 giữa mùa cạn ở miền Tây")]
    assert body(text)[1] == "AFP cho biết nhiều thuyền đã được huy động."


def test_heading_glued_before_a_newspaper_subject() -> None:
    text = (
        "Thị trường thép\n"
        "Giá thép tăng mạnh trong quý này. Nỗi lo của các nhà máy thép Tờ New York Times cho biết, "
        "nhu cầu ở châu Âu giảm. Các nhà máy đã cắt giảm sản lượng."
    )
    assert dropped(text) == [(SUBHEADING, "Nỗi lo của các nhà máy thép")]
    assert body(text)[1] == "Tờ New York Times cho biết, nhu cầu ở châu Âu giảm."


@pytest.mark.parametrize(
    "sentence",
    [
        "Trong khi đó AFP cho biết nhiều thi thể chưa được tìm thấy.",
        "Phát biểu khai mạc hội nghị thường niên Thủ tướng Nguyễn Văn Hải nhấn mạnh vai trò của doanh nghiệp.",
        "Tại buổi họp báo chiều nay Bộ trưởng Ngoại giao Pháp Jean Dupont nói rằng ông lo ngại.",
        "Lực lượng cứu hộ đã tìm thấy thêm hai thi thể ở hạ lưu AFP cho biết.",
        "Ông Trần Văn Hùng, Phó Chủ tịch hiệp hội cho biết việc tăng giá là cần thiết.",
        "Người dân hai bên bờ sông nói với Tờ Tuổi Trẻ rằng họ lo ngại.",
    ],
)
def test_a_reporting_subject_inside_a_sentence_keeps_it_whole(sentence: str) -> None:
    text = f"Tin trong ngày\nNước sông lên nhanh trong đêm. {sentence} Việc tìm kiếm tiếp tục."
    assert dropped(text) == []
    assert body(text) == ["Nước sông lên nhanh trong đêm.", sentence, "Việc tìm kiếm tiếp tục."]


def test_photo_labels_glued_into_running_text() -> None:
    text = (
        "Đánh giá máy ảnh mới\n"
        "Ảnh chụp ban đêm rất sắc nét. Ảnh chụp thử bằng máy Alpha A5 Ảnh so sánh máy Alpha A5 và Alpha X "
        "Về giá bán, máy có giá 20 triệu đồng. Máy được bán từ tháng sau."
    )
    assert [k for k, _ in dropped(text)] == [CAPTION, CAPTION]
    assert body(text) == [
        "Ảnh chụp ban đêm rất sắc nét.",
        "Về giá bán, máy có giá 20 triệu đồng.",
        "Máy được bán từ tháng sau.",
    ]
    assert body("Tin\nẢnh hưởng của bão rất lớn Ảnh hưởng kéo dài nhiều ngày.") == [
        "Ảnh hưởng của bão rất lớn Ảnh hưởng kéo dài nhiều ngày."
    ]


def test_a_question_without_a_question_word_is_a_heading() -> None:
    lines = [
        "Ngành thép trước ngã rẽ",
        "Công ty vừa bổ nhiệm bà Lan làm phó chủ tịch hội đồng quản trị.",
        "Một thủ lĩnh mới của ngành thép?",
        "Bà Lan đã làm việc ở công ty hơn hai mươi năm.",
        "Khi được hỏi, bà thấy sao?",
        "Bà cho biết bà rất vui với trách nhiệm mới.",
        "Còn kế hoạch của công ty năm tới?",
        "Công ty sẽ mở thêm hai nhà máy.",
    ]
    assert dropped("\n".join(lines)) == [(SUBHEADING, "Một thủ lĩnh mới của ngành thép?")]


def test_headings_glued_in_an_article_that_glues_them_all() -> None:
    line = (
        "Chạy bộ cần chuẩn bị kỹ lưỡng cho người mới. Chọn giày phù hợp Giày tốt giúp bàn chân đỡ mỏi và tránh "
        "chấn thương khi chạy đường dài. Khởi động thật kỹ Cơ bắp cần được làm nóng trước mỗi buổi tập để tránh "
        "căng cơ. Chuẩn bị áo mưa Thời tiết mùa hè thay đổi rất nhanh nên người chạy cần mang theo áo mưa mỏng. "
        "Đi bộ cùng nhau Tập thể dục với bạn bè giúp người chạy duy trì thói quen trong nhiều tháng liền."
    )
    assert dropped("Mẹo chạy bộ\n" + line) == [
        (SUBHEADING, "Chọn giày phù hợp"),
        (SUBHEADING, "Khởi động thật kỹ"),
        (SUBHEADING, "Chuẩn bị áo mưa"),
        (SUBHEADING, "Đi bộ cùng nhau"),
    ]


def test_another_story_appended_after_the_body() -> None:
    lines = [
        "Ứng phó mưa lũ ở các tỉnh miền núi",
        "Thủ tướng yêu cầu các bộ ngành khẩn trương khắc phục hậu quả mưa lũ.",
        "Các địa phương cần sơ tán người dân khỏi vùng nguy hiểm.",
        "Bộ Giao thông vận tải chỉ đạo sửa chữa các tuyến đường bị sạt lở.",
        "Lũ quét ở miền núi, ba xã bị cô lập TTO - Hàng trăm hộ dân ở ba xã vùng cao bị cô lập sau trận lũ.",
        "Nhiều tuyến đường bị chia cắt.",
    ]
    text = "\n".join(lines)
    assert [k for k, _ in dropped(text)] == [RELATED_LINKS, RELATED_LINKS]
    assert body(text) == lines[1:4]
    # a dash between two names inside the body is no outlet's tag
    assert body("Tin\nCác bộ ngành họp sáng nay.\nQuan hệ ASEAN - Trung Quốc được bàn tại hội nghị.") == [
        "Các bộ ngành họp sáng nay.",
        "Quan hệ ASEAN - Trung Quốc được bàn tại hội nghị.",
    ]
