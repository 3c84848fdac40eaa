"""``vnsum read``: how the article was read, in every format."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED

GLUED = """Giá xăng giảm lần thứ ba liên tiếp

TTO - Chiều nay, liên bộ Công Thương - Tài chính điều chỉnh giá xăng dầu. Giá xăng RON95 giảm 500 đồng mỗi lít. Ảnh: Thái HàKhoảng 20h30, các cửa hàng đã niêm yết giá mới.
Minh Trang (TTXVN)
"""


def test_read_json_shows_every_piece_with_its_kind(run_cli, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GLUED, encoding="utf-8")
    r = run_cli("read", article, "-f", "json")
    assert r.code == 0, r.err
    report = json.loads(r.out)
    assert set(report) == {"source", "title", "paragraphs", "notes"}
    kinds = [(p["kind"], p["line"]) for p in report["paragraphs"]]
    assert kinds[0] == ("title", 1)
    assert ("credit", 3) in kinds and ("byline", 4) in kinds
    body = [s for p in report["paragraphs"] if p["kind"] in ("body", "lead") for s in p["sentences"]]
    assert any(s.startswith("Khoảng 20h30") for s in body), body
    assert not any("Ảnh" in s or "TTXVN" in s for s in body)
    for p in report["paragraphs"]:
        assert set(p) >= {"kind", "text", "sentences", "line"}
        assert (p["sentences"] != []) == (p["kind"] in ("body", "lead"))


def test_read_renders_every_format(run_cli) -> None:
    for fmt in ("plain", "markdown", "rich"):
        r = run_cli("read", SEED, "-f", fmt)
        assert r.code == 0 and "caption" in r.out and "byline" in r.out, fmt
