"""Key-point selection without any model."""

from __future__ import annotations

import json

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


def test_key_points_skip_captions_credits_and_bylines() -> None:
    # a one-paragraph article as crawled: caption and credit glued before the first sentence, a
    # sub-heading glued in the middle, the author's name at the very end
    art = parse_article(
        "Giá xăng giảm mạnh\n"
        "Người dân đổ xăng tại một cửa hàng ở Hà Nội - Ảnh: Minh Hòa Chiều 12/5, liên bộ Công Thương - Tài chính "
        "điều chỉnh giá xăng giảm mạnh. Giá xăng giảm 1.000 đồng mỗi lít từ 15h chiều nay. Giá dầu giảm ít hơn. "
        "Nhiều chuyên gia Theo các chuyên gia, giá xăng có thể còn giảm trong tháng tới. Nhu cầu tiêu thụ xăng dầu "
        "trong nước tăng nhẹ. HOÀNG LONG"
    )
    dropped = [t for _, _, t in art.dropped()]
    assert dropped == ["Người dân đổ xăng tại một cửa hàng ở Hà Nội", "- Ảnh: Minh Hòa", "Nhiều chuyên gia", "HOÀNG LONG"]
    by_index = {p.index: p for p in art.paragraphs}
    for c in select(art, 3):
        assert by_index[c.paragraph].kind in (LEAD, BODY)
        assert not any(t in c.text for t in dropped)


def test_centrality_in_linear_time_equals_the_pairwise_mean() -> None:
    from vnsum.keypoints import _centrality, _cos, _tfidf

    docs = [["a", "b", "c"], ["b", "c", "d"], ["e"], ["a", "a", "e", "f"], []]
    vecs = _tfidf(docs)
    pairwise = [sum(_cos(vecs[i], vecs[j]) for j in range(len(vecs)) if j != i) / (len(vecs) - 1) for i in range(len(vecs))]
    assert [round(x, 12) for x in _centrality(vecs)] == [round(x, 12) for x in pairwise]


def test_keypoints_of_a_5mb_article(run_cli, tmp_path) -> None:
    """A 5 MB article (the default size limit) through `vnsum keypoints` (its time: benchmarks/bench_read.py)."""
    from conftest import DATA

    body = "\n".join((DATA / "seed_binhduong.txt").read_text(encoding="utf-8").splitlines()[1:])
    big = tmp_path / "big.txt"
    big.write_text("Tiêu đề\n" + "\n".join([body] * (4_900_000 // len(body.encode()))), encoding="utf-8")
    r = run_cli("keypoints", big, "-f", "json")
    assert r.code == 0, r.err
    assert json.loads(r.out)
