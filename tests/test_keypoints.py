"""Key-point selection without any model."""

from __future__ import annotations

from conftest import DATA, SEED

from vnsum.keypoints import overlap, select, tokens
from vnsum.text import BODY, LEAD, parse_article


def test_select_seed_without_model() -> None:
    art = parse_article(SEED.read_text(encoding="utf-8"))
    chosen = select(art, 5)
    assert len(chosen) == 5
    assert chosen == sorted(chosen, key=lambda c: (c.paragraph, c.sentence))
    by_index = {p.index: p for p in art.paragraphs}
    for c in chosen:
        para = by_index[c.paragraph]
        assert para.kind in (LEAD, BODY)
        assert para.sentences[c.sentence] == c.text
    for i, a in enumerate(chosen):
        for b in chosen[i + 1 :]:
            assert overlap(set(tokens(a.text)), set(tokens(b.text))) <= 0.6


def test_summary_signal_changes_ranking() -> None:
    art = parse_article((DATA / "extra_vi.txt").read_text(encoding="utf-8"))
    target = "Khách Hàn Quốc và Trung Quốc chiếm tỷ lệ lớn nhất, tiếp theo là khách Nga và Ấn Độ."
    without = [c.text for c in select(art, 1)]
    with_summary = [c.text for c in select(art, 1, summary="khách Hàn Quốc Trung Quốc Nga Ấn Độ chiếm tỷ lệ lớn nhất")]
    assert with_summary == [target]
    assert without != with_summary


def test_redundant_sentences_not_both_chosen() -> None:
    art = parse_article(
        "Tiêu đề bài\nGiá xăng giảm mạnh trong tuần này theo công bố của bộ.\n"
        "Giá xăng giảm mạnh trong tuần này theo công bố của liên bộ.\nMưa lớn gây ngập nhiều tuyến phố ở Hà Nội chiều qua."
    )
    texts = [c.text for c in select(art, 2)]
    assert len(texts) == 2
    assert any("Mưa" in t for t in texts)


def test_k_larger_than_article() -> None:
    art = parse_article(
        "Tiêu đề bài\nCâu thứ nhất của bài báo này rất dài và rõ ràng.\nCâu thứ hai nói về một chuyện hoàn toàn khác hẳn."
    )
    assert len(select(art, 10)) == 2
    assert select(art, 0) == []
