"""vnsum.batch.inputs: every INPUT kind, bad entries, duplicates, feeds (file and HTTP)."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import tracemalloc
import urllib.request
from pathlib import Path

import pytest

from vnsum.batch.inputs import BadItem, Item, collect, expand, kind_of, validate
from vnsum.errors import ExitCode, InputError, UsageError

ARTICLE = "Hà Nội - Sáng nay, Thủ tướng đã chủ trì cuộc họp về phát triển kinh tế.\n\nĐoạn thứ hai của bài báo.\n"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Tin mới nhất</title>
  <link>https://example.vn/</link>
  <description>Tin tức</description>
  <item>
    <title>Bài một</title>
    <link>https://example.vn/bai-mot.html</link>
    <guid isPermaLink="false">vn-0001</guid>
  </item>
  <item>
    <title>Bài hai</title>
    <link>/bai-hai.html</link>
  </item>
  <item>
    <title>Không có liên kết</title>
    <guid isPermaLink="false">vn-0003</guid>
  </item>
  <item>
    <title>Thư</title>
    <link>mailto:toasoan@example.vn</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Báo mẫu</title>
  <id>urn:uuid:feed</id>
  <updated>2024-05-01T08:00:00Z</updated>
  <entry>
    <title>Tin A</title>
    <id>urn:uuid:a</id>
    <link rel="alternate" href="https://bao.example/a"/>
    <updated>2024-05-01T08:00:00Z</updated>
  </entry>
  <entry>
    <title>Tin B</title>
    <id>urn:uuid:b</id>
    <link rel="alternate" href="https://bao.example/b"/>
    <updated>2024-05-01T07:00:00Z</updated>
  </entry>
</feed>
"""


def ids(items):
    return [i.id for i in items]


def goods(items):
    return [i for i in items if isinstance(i, Item)]


def bads(items):
    return [i for i in items if isinstance(i, BadItem)]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- directories and files


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    write(root / "b.html", "<html><body><p>x</p></body></html>")
    write(root / "a.txt", ARTICLE)
    write(root / "sub" / "c.HTM", "<html></html>")
    write(root / "sub" / "deeper" / "d.txt", ARTICLE)
    write(root / ".hidden.txt", ARTICLE)
    write(root / ".git" / "e.txt", ARTICLE)
    write(root / "notes.md", "# not an article")
    write(root / "photo.png", b"\x89PNG\r\n")
    write(root / "out.jsonl", "")
    return root


def test_directory_recursive_sorted_skips_hidden(news: Path) -> None:
    items = list(expand([str(news)]))
    assert ids(items) == ["news/a.txt", "news/b.html", "news/sub/c.HTM", "news/sub/deeper/d.txt"]
    assert all(isinstance(i, Item) and i.kind == "file" for i in items)
    first = items[0]
    assert first.path == news / "a.txt" and first.source == str(news / "a.txt")
    assert first.url is None and first.text is None


def test_directory_id_is_stable_whatever_the_spelling(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = ids(expand([str(news)]))
    monkeypatch.chdir(news.parent)
    assert ids(expand(["news"])) == expected
    assert ids(expand(["./news/"])) == expected
    monkeypatch.chdir(news)
    assert ids(expand(["."])) == expected
    assert goods(expand(["."]))[0].path.read_text(encoding="utf-8") == ARTICLE  # paths still usable


def test_two_directories_with_the_same_file_names(tmp_path: Path) -> None:
    write(tmp_path / "day1" / "index.html", "<html></html>")
    write(tmp_path / "day2" / "index.html", "<html></html>")
    items = collect([str(tmp_path / "day1"), str(tmp_path / "day2")])
    assert ids(items) == ["day1/index.html", "day2/index.html"]
    assert not bads(items)


def test_single_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "page.html", "<!doctype html><html><body>x</body></html>")
    items = collect(["./a.txt", "page.html"])
    assert ids(items) == ["a.txt", "page.html"]
    assert [i.kind for i in items] == ["file", "file"]
    assert items[0].path == Path("./a.txt")


def test_same_file_through_directory_and_by_name_is_done_once(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(news.parent)
    items = collect(["news", "news/a.txt"])
    assert ids(items) == ["news/a.txt", "news/b.html", "news/sub/c.HTM", "news/sub/deeper/d.txt"]
    assert not bads(items)


# --------------------------------------------------------------------------- JSONL


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Tiêu đề", "text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "a2", "url": "https://vnexpress.net/x.html"}),
        "",
        "{not json",
        json.dumps({"title": "no id", "text": "x"}),
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a1", "text": "again"}),
        json.dumps({"id": "a4", "url": "ftp://example.com/x"}),
        json.dumps([1, 2]),
        json.dumps({"id": 17, "text": "Bài có id số."}),
        json.dumps({"id": "a5", "text": "   "}),
        json.dumps({"id": "a6", "text": "cuối"}),  # last line without newline
    ]
    path = write(tmp_path / "in.jsonl", "\n".join(lines))
    items = list(expand([str(path)]))
    assert ids(goods(items)) == ["a1", "a2", "17", "a6"]
    a1, a2, n17, a6 = goods(items)
    assert (a1.kind, a1.title, a1.source, a1.text) == ("text", "Tiêu đề", f"{path}:1", None)
    assert a1.load_text() == ARTICLE
    assert (a2.kind, a2.url, a2.source) == ("url", "https://vnexpress.net/x.html", "https://vnexpress.net/x.html")
    assert n17.load_text() == "Bài có id số."
    assert a6.load_text() == "cuối"
    bad = {b.source: b for b in bads(items)}
    assert set(bad) == {f"{path}:{n}" for n in (4, 5, 6, 7, 8, 9, 11)}
    assert "not valid JSON" in bad[f"{path}:4"].message and bad[f"{path}:4"].id == f"{path}:4"
    assert "id" in bad[f"{path}:5"].message and bad[f"{path}:5"].id == f"{path}:5"
    assert bad[f"{path}:6"].id == "a3" and "neither" in bad[f"{path}:6"].message
    assert bad[f"{path}:7"].id == f"{path}:7" and "duplicate id 'a1'" in bad[f"{path}:7"].message
    assert bad[f"{path}:8"].id == "a4" and "http" in bad[f"{path}:8"].message
    assert "object" in bad[f"{path}:9"].message
    assert bad[f"{path}:11"].id == "a5" and "empty" in bad[f"{path}:11"].message
    assert all(b.code == "bad_input" for b in bads(items))
    assert len(set(ids(items))) == len(items)


def test_jsonl_bom_and_changed_file(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "x", "text": "một"}).encode() + b"\n")
    (item,) = collect([str(path)])
    assert item.load_text() == "một"
    path.write_text(json.dumps({"id": "y", "text": "khác"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed"):
        item.load_text()


def test_jsonl_text_is_not_held_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    body = "Bài báo dài. " * 8000  # ~100 kB a record
    with open(path, "w", encoding="utf-8") as f:
        for n in range(300):  # ~30 MB
            f.write(json.dumps({"id": f"r{n}", "text": f"{n} {body}"}, ensure_ascii=False) + "\n")
    tracemalloc.start()
    try:
        items = collect([str(path)])
        _, peak = tracemalloc.get_traced_memory()
        held = sum(len(i.text or "") for i in items)
    finally:
        tracemalloc.stop()
    assert len(items) == 300 and held == 0
    assert peak < 5_000_000, peak  # a few records at a time, not 30 MB
    assert items[123].load_text().startswith("123 Bài báo dài.")


# --------------------------------------------------------------------------- URL lists


def test_url_list(tmp_path: Path) -> None:
    path = write(
        tmp_path / "links.txt",
        "# tin sáng\n"
        "https://vnexpress.net/a.html\n"
        "\n"
        "http://tuoitre.vn/b.htm   # trailing comment\n"
        "ftp://example.com/c\n"
        "www.example.com/no-scheme\n"
        "https://vnexpress.net/a.html\n"
        "https://vnexpress.net/page#section\n",
    )
    assert kind_of(str(path)) == "urls"
    items = collect([str(path)])
    assert ids(goods(items)) == ["https://vnexpress.net/a.html", "http://tuoitre.vn/b.htm", "https://vnexpress.net/page#section"]
    assert all(i.kind == "url" and i.url == i.id == i.source for i in goods(items))
    assert [(b.id, b.source) for b in bads(items)] == [(f"{path}:5", f"{path}:5"), (f"{path}:6", f"{path}:6")]
    assert "not an http(s) URL: ftp://example.com/c" in bads(items)[0].message


def test_txt_sniffing(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    with_link = write(tmp_path / "b.txt", "https://vnexpress.net/a.html\n\n" + ARTICLE)
    urls = write(tmp_path / "c.urls", "https://a.vn/1\n")
    noext = write(tmp_path / "list", "https://a.vn/1\nhttps://a.vn/2\n")
    jsonl_noext = write(tmp_path / "records", '{"id": "1", "text": "x"}\n')
    assert [kind_of(str(p)) for p in (article, with_link, urls, noext, jsonl_noext)] == [
        "article",
        "article",
        "urls",
        "urls",
        "jsonl",
    ]


# --------------------------------------------------------------------------- feeds


def test_rss_file(tmp_path: Path) -> None:
    path = write(tmp_path / "tin.rss", RSS)
    items = collect([str(path)])
    assert [(i.id, i.url, i.title, i.kind) for i in goods(items)] == [
        ("vn-0001", "https://example.vn/bai-mot.html", "Bài một", "url"),
    ]
    messages = [b.message for b in bads(items)]
    assert len(messages) == 3
    assert "not an http(s) URL: /bai-hai.html" in messages[0]  # a local file has no base URL
    assert "no link" in messages[1]
    assert "mailto:" in messages[2]
    assert "vn-0003" in ids(bads(items))


def test_atom_file_and_sniffed_feed(tmp_path: Path) -> None:
    atom = write(tmp_path / "feed.atom", ATOM)
    sniffed = write(tmp_path / "feed-download", RSS)
    assert kind_of(str(sniffed)) == "feed" and kind_of(str(atom)) == "feed"
    items = collect([str(atom)])
    assert [(i.id, i.url, i.title) for i in items] == [
        ("urn:uuid:a", "https://bao.example/a", "Tin A"),
        ("urn:uuid:b", "https://bao.example/b", "Tin B"),
    ]


def test_broken_feed_is_a_bad_item_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.xml", "<<< this is not xml at all")
    article = write(tmp_path / "a.txt", ARTICLE)
    items = collect([str(broken), str(article)])
    assert isinstance(items[0], BadItem) and "not an RSS/Atom feed" in items[0].message
    assert items[0].id == str(broken) and items[0].source == str(broken)
    assert isinstance(items[1], Item)


def test_same_article_in_two_feeds_once_conflicting_guid_bad(tmp_path: Path) -> None:
    one = write(tmp_path / "one.xml", ATOM)
    two = write(tmp_path / "two.xml", ATOM.replace("https://bao.example/b", "https://bao.example/other"))
    items = collect([str(one), str(two)])
    assert ids(goods(items)) == ["urn:uuid:a", "urn:uuid:b"]
    (bad,) = bads(items)
    assert "duplicate id 'urn:uuid:b'" in bad.message and bad.id == f"{two}#2"


def test_duplicates_across_inputs(tmp_path: Path) -> None:
    first = write(tmp_path / "1.jsonl", json.dumps({"id": "k", "text": "một"}) + "\n")
    second = write(tmp_path / "2.jsonl", json.dumps({"id": "k", "text": "hai"}) + "\n")
    links = write(tmp_path / "links.txt", "https://bao.example/a\n")
    items = collect([str(first), str(second), str(links), str(links)])
    assert ids(goods(items)) == ["k", "https://bao.example/a"]
    (bad,) = bads(items)
    assert bad.id == f"{second}:1" and "duplicate id 'k'" in bad.message


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/rss":
            body, ctype = RSS.encode("utf-8"), "application/rss+xml"
        elif self.path == "/atom":
            body, ctype = ATOM.encode("utf-8"), "application/atom+xml"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fetch_feed(url: str) -> bytes:
    """What the CLI does with the --url limits, in small: a timeout and a size cap."""
    with urllib.request.urlopen(url, timeout=5) as resp:
        data = resp.read(1_000_001)
    if len(data) > 1_000_000:
        raise InputError(f"{url}: the feed is larger than 1 MB")
    return data


def test_feed_served_over_http(feed_server: str, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    inputs = [f"{feed_server}/rss", f"{feed_server}/missing", f"{feed_server}/atom", str(article)]
    assert validate(inputs)[:3] == ["feed-url"] * 3
    items = collect(inputs, fetch_feed=fetch_feed)
    good = goods(items)
    assert ids(good) == ["vn-0001", f"{feed_server}/bai-hai.html", "urn:uuid:a", "urn:uuid:b", str(article)]
    assert good[1].url == f"{feed_server}/bai-hai.html"  # relative link resolved against the feed URL
    assert good[1].title == "Bài hai"
    missing = [b for b in bads(items) if b.source == f"{feed_server}/missing"]
    assert len(missing) == 1 and "cannot fetch the feed" in missing[0].message and "404" in missing[0].message
    assert missing[0].id == f"{feed_server}/missing"


def test_feed_url_needs_a_fetcher() -> None:
    with pytest.raises(ValueError, match="fetch_feed"):
        list(expand(["https://example.vn/rss"]))


def test_feedparser_is_imported_only_when_a_feed_is_read(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", ARTICLE)
    write(tmp_path / "in.jsonl", json.dumps({"id": "1", "text": "x"}) + "\n")
    write(tmp_path / "f.atom", ATOM)
    code = (
        "import sys\n"
        "from vnsum.batch.inputs import collect, validate\n"
        "args = [sys.argv[1] + '/d', sys.argv[1] + '/in.jsonl']\n"
        "validate(args); collect(args)\n"
        "assert 'feedparser' not in sys.modules, 'imported early'\n"
        "collect([sys.argv[1] + '/f.atom'])\n"
        "assert 'feedparser' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- validate


def test_missing_path_is_a_usage_error_before_anything_runs(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(UsageError, match=r"nope\.txt: no such file") as exc:
        validate([str(good), str(tmp_path / "nope.txt")])
    assert exc.value.exit_code == ExitCode.USAGE == 2
    with pytest.raises(UsageError):
        list(expand([str(tmp_path / "nope.txt")]))


@pytest.mark.parametrize("arg", ["ftp://example.com/feed", "file:///etc/passwd", "-"])
def test_unsupported_arguments(arg: str) -> None:
    with pytest.raises(UsageError):
        validate([arg])


def test_validate_other_refusals(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="at least one"):
        validate([])
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        validate([str(fifo)])
    out = write(tmp_path / "data.jsonl", json.dumps({"id": "1", "text": "x"}) + "\n")
    with pytest.raises(UsageError, match="output file"):
        validate([str(out)], output=out)
    assert validate([str(out)], output=tmp_path / "results.jsonl") == ["jsonl"]


def test_collect_equals_expand(news: Path, tmp_path: Path) -> None:
    jl = write(tmp_path / "x.jsonl", json.dumps({"id": "1", "text": "x"}) + "\nbad\n")
    inputs = [str(news), str(jl)]
    assert collect(inputs) == list(expand(inputs))
