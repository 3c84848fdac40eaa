"""The text front end of issue 20: one lexicon, datelines, tables, why each piece got its kind,
key points that skip what the front end is unsure of."""

from __future__ import annotations

import dataclasses

from vnsum.keypoints import score_sentences, select
from vnsum.text import Kind, parse_article, reading_report
from vnsum.text.lexicon import is_vietnamese_syllable, syllable_shape


def _pieces(text: str) -> list[tuple[str, str]]:
    return [(str(k), t) for p in parse_article(text).paragraphs for k, t in p.pieces]


def test_one_syllable_test() -> None:
    # shape: could be a syllable with its marks put back; written: a mark, or a common unmarked word
    assert syllable_shape("Chat") and not is_vietnamese_syllable("Chat")
    for word in ("Tube", "Tok", "Express", "McDonald"):
        assert not syllable_shape(word) and not is_vietnamese_syllable(word)
    for word in ("Bạn", "Theo", "Nghiêng", "Khoảng", "Quốc", "Người", "Gì", "Ủy"):
        assert is_vietnamese_syllable(word), word


def test_kinds_are_plain_labels() -> None:
    assert Kind.BODY == "body" and f"{Kind.CAPTION}" == "caption" and "lead" in {Kind.LEAD}


def test_a_place_glued_to_the_first_word_is_a_dateline() -> None:
    for place, rest in (("Hà Nội", "An ninh thủ đô được bảo đảm trong dịp lễ."), ("Quảng Ninh", "Sáng 3/4, mưa lớn kéo dài.")):
        got = _pieces(f"Tiêu đề bài\n{place}{rest} Người dân vui.\nĐoạn hai của bài báo khá dài.\nĐoạn ba.")
        assert got[1] == ("agency_tag", place)
        assert got[2] == ("lead", rest)


def test_a_brand_at_the_start_is_no_dateline() -> None:
    got = _pieces("Tiêu đề bài\nYouTube vừa ra mắt tính năng mới. Người dùng vui.\nĐoạn hai.\nĐoạn ba.")
    assert got[1] == ("lead", "YouTube vừa ra mắt tính năng mới.")


def test_a_run_of_numbers_is_a_table() -> None:
    table = "Hà Nội 12 8 3 1 27 Đà Nẵng 12 7 2 3 23 Hải Phòng 12 6 3 3 21 Nam Định 12 5 4 3 19"
    got = _pieces(f"Kết quả vòng 12\nBảng xếp hạng sau vòng đấu như sau. {table}\nĐoạn hai là câu văn.")
    assert ("furniture", table) in got
    # a sentence with a few numbers stays a sentence
    sentence = "Năm 2023, tỉnh có 12 huyện, 3 thị xã, 150 xã và 1,2 triệu dân, tăng 5% so với năm 2013."
    assert ("lead", sentence) in _pieces(f"Tiêu đề\n{sentence}\nĐoạn hai.")


def test_every_piece_says_why() -> None:
    text = (
        "Tiêu đề bài\nTTO - Sáng 3/4, ông A cho biết. Ông nói thêm - Ảnh: AFP Theo báo cáo, năm nay tốt.\nĐoạn hai.\nNguyễn Văn A"
    )
    entries = reading_report(parse_article(text))["paragraphs"]
    why = {e["kind"]: e["why"] for e in entries}
    assert why["agency_tag"] == "agency tag"
    assert why["credit"] == "photo credit label"
    assert why["caption"] == "text before a photo credit"
    assert why["byline"].startswith("end of the article")
    scored = [e for e in entries if e["caption_score"] is not None]
    assert scored and all("caption model" in e["why"] for e in scored)


def test_an_unsure_paragraph_is_no_key_point() -> None:
    text = (
        "Tiêu đề về cháy rừng\nSáng nay, một vụ cháy rừng lớn xảy ra ở huyện A, thiêu rụi 20 ha rừng phòng hộ.\n"
        "Lực lượng chức năng đã huy động 300 người dập lửa suốt nhiều giờ liền.\n"
        "Nguyên nhân vụ cháy đang được điều tra làm rõ.\nChính quyền sẽ hỗ trợ người dân bị thiệt hại."
    )
    art = parse_article(text)
    target = art.body[1]
    assert any(c.paragraph == target.index for c in score_sentences(art))
    unsure = dataclasses.replace(target, caption_score=0.4)
    art.paragraphs[target.index] = unsure
    assert unsure.unsure
    assert all(c.paragraph != target.index for c in score_sentences(art))
    assert all(c.paragraph != target.index for c in select(art, 3))


def test_a_short_paragraph_that_restates_its_neighbour_is_discounted() -> None:
    long_para = (
        "Sáng 3/4, hàng trăm người dân xã B đã cùng nhau chôn lấp cá chết trôi dạt vào bờ biển, "
        "sau khi cơ quan chức năng lấy mẫu nước để xét nghiệm."
    )
    text = (
        f"Cá chết trôi dạt vào bờ biển\n{long_para}\nNgười dân chôn lấp cá chết trôi dạt vào bờ.\nĐoạn khác nói về việc khác hẳn."
    )
    art = parse_article(text)
    caption_like = next(p for p in art.body if p.text.startswith("Người dân chôn"))
    scores = {c.paragraph: c.score for c in score_sentences(art)}
    plain = parse_article(
        f"Cá chết trôi dạt vào bờ biển\nĐoạn mở đầu khác.\n{caption_like.text}\nĐoạn khác nói về việc khác hẳn."
    )
    other = next(p for p in plain.body if p.text == caption_like.text)
    assert scores[caption_like.index] < {c.paragraph: c.score for c in score_sentences(plain)}[other.index]


def test_a_quote_that_goes_on_in_lower_case_is_no_new_sentence() -> None:
    from vnsum.text import split_sentences

    s = "Cô chia sẻ: “Quen nhau được 3 năm, nhưng chia tay là do mình… “cảm nắng” một người khác”."
    assert split_sentences(s) == [s]
    assert len(split_sentences("Anh nói vậy… “Tôi không biết” là câu trả lời.")) == 2


def test_a_dated_phrase_starts_a_sentence_after_a_missing_period() -> None:
    from vnsum.text import split_sentences

    a = "Máy bay này mới được đưa vào vận hành thương mại"
    b = "Tháng 12/2023, C919 lần đầu tiên ra khỏi Trung Quốc đại lục."
    assert split_sentences(f"{a} {b}") == [a, b]
    c = "Theo kế hoạch đã được thông báo từ trước, cuộc họp thường niên của các bên sẽ diễn ra vào Tháng 12 tới tại Hà Nội."
    assert split_sentences(c) == [c]


def test_headings_glued_to_their_sentences() -> None:
    text = (
        "Mẹo chạy bộ đường dài\nDưới đây là một số mẹo giúp bạn chạy tốt hơn. "
        "Dinh dưỡng hợp lý Thử nghiệm các chiến lược nạp năng lượng trước ngày đua là điều cần thiết. "
        "Không lạm dụng việc chạy dài Chạy dài là một trong những bài tập đầu tiên mà người chạy bộ nghĩ đến.\nĐoạn cuối."
    )
    got = _pieces(text)
    assert ("subheading", "Dinh dưỡng hợp lý") in got and ("subheading", "Không lạm dụng việc chạy dài") in got
    # one such pattern alone is a name after a verb as often as a heading: left alone
    one = "Tiêu đề\nHôm qua tôi đến thăm nhà bạn Lan ở ngoại thành và ở lại đến tận chiều tối mới về nhà.\nĐoạn hai."
    assert all(k != "subheading" for k, _ in _pieces(one))
