"""``vnsum digest`` and ``vnsum.digest``: stories across outlets, folded copies, merged key points,
disagreements, every format; on small synthetic articles written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TinyModels

import vnsum
from vnsum.stories import Digest, Settings, build_digest
from vnsum.stories.disagree import disagreements, quantity
from vnsum.stories.reports import from_text
from vnsum.stories.urls import canonical, outlet

ARTICLES = Path(__file__).parent / "data" / "digest" / "articles.jsonl"


def _records() -> list[dict]:
    return [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def digest() -> Digest:
    return vnsum.digest(_records(), models=False)


def test_urls_have_one_spelling() -> None:
    same = [
        "http://www.vnexpress.net/a-1.html?utm_source=fb&fbclid=x#top",
        "https://vnexpress.net/a-1.html/",
        "https://m.vnexpress.net//a-1.html",
        "HTTPS://VNEXPRESS.NET/a-1.html?gclid=1",
    ]
    assert len({canonical(u) for u in same}) == 1
    assert canonical("https://vnexpress.net/a-1.html?id=2") != canonical("https://vnexpress.net/a-1.html?id=3")
    assert canonical("ftp://x.vn/a") is None and canonical("not a url") is None
    assert outlet("https://www.tuoitre.vn/x.htm") == "tuoitre.vn"
    assert outlet("press/thanhnien/a.txt") == "thanhnien"
    assert outlet("feed.jsonl:3") == "feed.jsonl"


def test_stories_ordered_by_outlets_with_copies_folded(digest: Digest) -> None:
    assert [len(s.outlets) for s in digest.stories] == [3, 2, 1]
    fire, match, rice = digest.stories
    assert fire.outlets == ["thanhnien.vn", "tuoitre.vn", "vnexpress.net"]
    same_url = next(m for m in fire.members if m.article == "tuoitre-1-again")
    assert same_url.duplicate_of == "tuoitre-1"
    copy = next(m for m in match.members if m.duplicate_of)
    assert {copy.article, copy.duplicate_of} == {"dantri-1", "baomoi-1"}
    assert [m.article for m in rice.members] == ["vneconomy-1"]
    for s in digest.stories:
        assert all(0.0 <= m.score <= 1.0 + 1e-6 for m in s.members)
    assert [s.id for s in digest.stories] == ["s1", "s2", "s3"]


def test_key_points_said_once_with_every_outlet(digest: Digest) -> None:
    fire = digest.stories[0]
    texts = [p.text_vi for p in fire.points]
    assert len(texts) == len(set(texts))
    cause = next(p for p in fire.points if p.text_vi.startswith("Nguyên nhân vụ cháy"))
    assert cause.outlets == ["thanhnien.vn", "tuoitre.vn", "vnexpress.net"]
    assert all(c.text_vi.startswith("Nguyên nhân") for c in cause.citations)
    assert fire.points[0].score >= fire.points[-1].score
    # the wire copy on two sites cites both
    assert digest.stories[1].points[0].outlets == ["baomoi.com", "dantri.com.vn"]


def test_disagreements_found_with_equivalences_and_approximations(digest: Digest) -> None:
    fire = digest.stories[0]
    by_kind = {d.kind: d for d in fire.disagreements}
    assert set(by_kind) == {"number", "amount", "name"}  # 25/3 and "ngày 25 tháng 3" agree
    count = by_kind["number"]
    assert {(c.outlet, c.value) for c in count.claims} == {("tuoitre.vn", "27"), ("vnexpress.net", "25")}
    assert not count.approximate and all("bị thương" in c.text_vi for c in count.claims)
    assert by_kind["amount"].approximate  # "gần 150 triệu" against "148 triệu"
    names = {(c.outlet, c.value) for c in by_kind["name"].claims}
    assert ("thanhnien.vn", "Trần Quốc Bảo") in names and ("tuoitre.vn", "Nguyễn Văn Hùng") in names
    assert not digest.stories[1].disagreements and not digest.stories[2].disagreements


def _pair(a: str, b: str) -> list:
    reports = [
        from_text("a", a, url="https://a.vn/1", title="Dự án cao tốc Bắc Nam được phê duyệt"),
        from_text("b", b, url="https://b.vn/1", title="Phê duyệt dự án cao tốc Bắc Nam"),
    ]
    return list(disagreements(reports))


def test_equal_values_written_differently_are_no_disagreement() -> None:
    base = "Quốc hội đã phê duyệt dự án đường cao tốc Bắc Nam với tổng vốn đầu tư {} đồng vào ngày {}."
    rest = "\nDự án dài hơn 700 km, đi qua nhiều tỉnh miền Trung và dự kiến hoàn thành trong năm năm tới."
    assert _pair(base.format("10.000 tỷ", "25/3") + rest, base.format("10 nghìn tỷ", "25 tháng 3") + rest) == []
    found = _pair(base.format("10.000 tỷ", "25/3") + rest, base.format("12.000 tỷ", "26/3") + rest)
    assert sorted(d.kind for d in found) == ["amount", "date"] and not any(d.approximate for d in found)


def test_quantities() -> None:
    assert quantity("10.000 tỷ đồng") == quantity("10 nghìn tỷ") == 10**13
    assert float(quantity("5,5%") or 0) == 5.5
    assert quantity("không có số") is None


def test_deterministic_and_settings(digest: Digest) -> None:
    again = vnsum.digest(_records(), models=False)
    assert again.to_dict()["stories"] == digest.to_dict()["stories"]
    reports = [from_text(r["id"], r["text"], url=r["url"], title=r["title"]) for r in _records()]
    alone = build_digest(reports, Settings(same_story=0.99, duplicate=1.01, disagreements=False))
    assert all(not s.disagreements for s in alone.stories)
    assert len(alone.stories) == 5  # the same-URL copy is folded, and the identical wire copies (cosine 1) still join


def test_json_schema(digest: Digest) -> None:
    d = json.loads(json.dumps(digest.to_dict()))
    assert d["schema"] == 1 and d["articles"] == 7 and len(d["stories"]) == 3
    s = d["stories"][0]
    assert set(s) >= {
        "id",
        "headline_vi",
        "headline_en",
        "summary_en",
        "outlets",
        "articles",
        "key_points",
        "disagreements",
        "related",
    }
    assert set(s["key_points"][0]) == {"text_vi", "text_en", "score", "outlets", "citations"}
    assert set(s["disagreements"][0]["claims"][0]) == {"outlet", "article", "value", "text_vi"}
    assert set(s["articles"][0]) == {"id", "outlet", "source", "url", "date", "title_vi", "headline_en", "score", "duplicate_of"}


def test_digest_renders_through_the_registry(digest: Digest) -> None:
    """A digest is a result type of render.RENDERERS like a brief: every format from the library,
    and a finished digest's jsonl is the events that stream it (one story a line, then the digest)."""
    import io

    from vnsum.render import FORMATS, RenderOptions, render
    from vnsum.story import DigestDone, StoryReady

    shown = {}
    for fmt in FORMATS:
        out = io.StringIO()
        render([digest], fmt, out, RenderOptions(width=100))
        shown[fmt] = out.getvalue()
        assert shown[fmt].strip(), fmt
    assert len(json.loads(shown["json"])["stories"]) == len(digest.stories)
    streamed = io.StringIO()
    for n, story in enumerate(digest.stories):
        render([StoryReady(story, n)], "jsonl", streamed)
    render([DigestDone(digest)], "jsonl", streamed)
    assert streamed.getvalue() == shown["jsonl"]
    assert max(len(line) for line in shown["rich"].splitlines()) <= 100


@pytest.mark.parametrize("fmt", ["plain", "markdown", "json", "jsonl", "rich"])
def test_cli_formats_sanitised(run_cli, tmp_path: Path, fmt: str) -> None:
    records = _records()
    records[1]["title"] = "Kho hàng\x1b]8;;http://evil\x07 ở Bình Tân cháy dữ dội\x1b[31m, 25 người bị thương"
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    r = run_cli("digest", src, "--no-models", "-f", fmt, "-q")
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\x07" not in r.out
    assert "vnexpress.net" in r.out
    if fmt == "json":
        assert len(json.loads(r.out)["stories"]) == 3
    if fmt == "jsonl":
        events = [json.loads(line) for line in r.out.splitlines()]
        assert [e["event"] for e in events] == ["story", "story", "story", "digest"]
    if fmt == "markdown":
        assert r.out.startswith("# Digest: 3 stories from 7 articles")
    if fmt in ("plain", "rich"):
        assert "Where the outlets disagree" in r.out


def test_cli_output_file_and_bad_input(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "digest.md"
    r = run_cli("digest", ARTICLES, "--no-models", "-f", "markdown", "-o", out)
    assert r.code == 0, r.err
    assert out.read_text(encoding="utf-8").startswith("# Digest") and r.out == ""
    assert "7 articles, 0 failed" in r.err
    r = run_cli("digest", tmp_path / "missing", "--no-models")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    r = run_cli("digest", "--no-models")
    assert r.code == 2 and "no INPUT" in r.err


def test_batch_output_is_digested_without_models(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    news = tmp_path / "news"  # one folder per outlet: the folder names the outlet
    for rec in _records()[:3] + _records()[4:6]:
        folder = news / outlet(rec["url"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{rec['id']}.txt").write_text(f"{rec['title']}\n{rec['text']}\n", encoding="utf-8")
    briefs = tmp_path / "briefs.jsonl"
    models = ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-n", "3"]
    r = run_cli("batch", news, "-o", briefs, *models, "-q")
    assert r.code == 0, r.err

    def no_model(*args: object, **kwargs: object) -> object:
        raise AssertionError("a batch output's briefs must not be made again")

    r = run_cli("digest", briefs, "-f", "json", "-q", engine_factory=no_model, resolver=no_model)
    assert r.code == 0, r.err
    d = json.loads(r.out)
    assert d["articles"] == 5 and [len(s["outlets"]) for s in d["stories"]] == [3, 2]
    assert all(s["summary_en"] and s["key_points"][0]["text_en"] for s in d["stories"])

    r = run_cli("digest", news, "-f", "json", "-q", *models)  # through the models, the batch's grouped path
    assert r.code == 0, r.err
    d = json.loads(r.out)
    assert [len(s["outlets"]) for s in d["stories"]] == [3, 2]
    assert all(s["headline_en"] is not None and s["summary_en"] for s in d["stories"])
    assert all(p["text_en"] for s in d["stories"] for p in s["key_points"])


def test_digest_help_imports_no_heavy_library() -> None:
    code = (
        "import sys, vnsum.cli\n"
        "try:\n    vnsum.cli.main(['digest', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('torch', 'sklearn', 'scipy', 'ctranslate2') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert "HEAVY []" in out and "--no-models" in out


def test_values_paired_by_their_place_in_the_sentence() -> None:
    rest = "\nDự án dài hơn 700 km, đi qua nhiều tỉnh miền Trung và dự kiến hoàn thành trong năm năm tới."
    # the same count told with other words around it, after the same amount
    a = "Tham dự lễ khởi công có 17 bộ trưởng của các nước với tổng vốn 48.000 tỷ đồng; 36 doanh nhân và nhà đầu tư cũng có mặt."
    b = "Lễ khởi công có 17 bộ trưởng của các nước với tổng vốn 48.000 tỷ đồng và 27 lãnh đạo doanh nghiệp cũng có mặt."
    found = _pair(a + rest, b + rest)
    assert [(d.kind, sorted(c.value for c in d.claims)) for d in found] == [("number", ["27", "36"])]
    # one figure written two ways, a model's name, two people's ages: no disagreement
    same = "Chiếc máy ảnh mới của hãng được trang bị cảm biến {} và màn hình rộng dành cho người dùng phổ thông."
    assert _pair(same.format("1,9MP") + rest, same.format("1.9MP") + rest) == []
    assert _pair(same.format("chip A5") + rest, same.format("chip A6") + rest) == []
    age = "Bị cáo {}, {} tuổi, bị tuyên phạt tù vì tội cố ý gây thương tích cho người hàng xóm."
    found = _pair(age.format("Nguyễn Văn An", 58) + rest, age.format("Trần Văn Bình", 51) + rest)
    assert [d.kind for d in found] == ["name"]  # the accused's name differs; their ages are not one figure


def test_a_sentence_is_compared_with_its_most_alike() -> None:
    rest = "\nDự án dài hơn 700 km, đi qua nhiều tỉnh miền Trung và dự kiến hoàn thành trong năm năm tới."
    a = "Quốc hội phê duyệt dự án đường cao tốc Bắc Nam với 12 gói thầu xây lắp chính." + rest
    b = (
        "Quốc hội phê duyệt dự án đường cao tốc Bắc Nam với 12 gói thầu xây lắp chính."
        "\nDự án đường cao tốc Bắc Nam trước đó đã được 15 tỉnh góp ý." + rest
    )
    assert _pair(a, b) == []
