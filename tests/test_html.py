"""HTML pages and URLs: the article without menus, related links, ads or captions."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, SEED, TinyModels

from vnsum.reading.source import read_path
from vnsum.text import BODY, LEAD, parse_article

PAGE = DATA / "news_page.html"
FURNITURE = [
    "Trang chủ",
    "Thời sự",
    "Đăng nhập",
    "Tin liên quan",
    "Giá vé tàu điện",
    "taxi điện",
    "Quảng cáo",
    "©",
    "Giới thiệu",
    "RSS",
]


def _check_article(text: str) -> None:
    art = parse_article(text)
    assert art.title == "Hà Nội mở thêm ba tuyến xe buýt điện"
    body = [p.text for p in art.paragraphs if p.kind in (LEAD, BODY)]
    assert body[0].startswith("Từ ngày 1/6/2024, Hà Nội đưa vào khai thác")
    assert any("E05, E06 và E07" in b for b in body)
    joined = "\n".join(body)
    for junk in FURNITURE + ["Xe buýt điện chạy thử"]:
        assert junk not in joined, junk


def test_html_file_is_reduced_to_the_article() -> None:
    src = read_path(PAGE)
    assert src.is_html and src.author == "Minh Châu" and src.date == "2024-05-28"
    _check_article(src.text)


def test_html_on_stdin_is_detected(run_cli) -> None:
    r = run_cli("keypoints", "-", "-f", "json", "-n", "2", stdin=PAGE.read_bytes())
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["title"] == "Hà Nội mở thêm ba tuyến xe buýt điện"
    assert all("Tin liên quan" not in k["text_vi"] for k in data["key_points"])


def test_lead_from_description_when_the_body_lacks_it(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8")
    page = tmp_path / "no-lead.html"
    # The same page with the lead paragraph removed from the markup: only the meta description has it.
    start = html.index('<p class="description"')
    page.write_text(html[:start] + html[html.index("</p>", start) + 4 :], encoding="utf-8")
    src = read_path(page)
    _check_article(src.text)
    assert any("description" in n for n in src.notes)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.routes = {
        "/bai-viet.html": (200, "text/html; charset=utf-8", PAGE.read_bytes()),
        "/bai.txt": (200, "text/plain; charset=utf-8", SEED.read_bytes()),
        "/lon.html": (200, "text/html", b"<html>" + b"a" * 3000 + b"</html>"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_end_to_end(tiny: TinyModels, run_cli, server: str) -> None:
    r = run_cli("--url", f"{server}/bai-viet.html", "--recipe", tiny.recipe, "-f", "json", "-n", "3")
    assert r.code == 0, r.err
    brief = json.loads(r.out)
    assert brief["headline_vi"] == "Hà Nội mở thêm ba tuyến xe buýt điện"
    assert brief["author"] == "Minh Châu"
    assert len(brief["key_points"]) == 3
    assert all(not any(j in k["text_vi"] for j in FURNITURE) for k in brief["key_points"])


@pytest.mark.parametrize(
    "path, extra, message",
    [("/missing.html", [], "HTTP 404"), ("/lon.html", ["--max-bytes", "1000"], "limit")],
)
def test_url_errors(run_cli, server: str, path: str, extra: list[str], message: str) -> None:
    r = run_cli("--url", server + path, *extra)
    assert r.code == 1 and message in r.err and len(r.err.strip().splitlines()) == 1


def test_url_unreachable_and_bad_scheme(run_cli) -> None:
    r = run_cli("--url", "http://127.0.0.1:9/nothing")
    assert r.code == 1 and "cannot fetch" in r.err
    r = run_cli("--url", "file:///etc/passwd")
    assert r.code == 1 and "only http" in r.err


def test_keypoints_command_on_plain_text(run_cli) -> None:
    r = run_cli("keypoints", SEED, "-n", "3", "-f", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    art = parse_article(SEED.read_text(encoding="utf-8"))
    by_index = {p.index: p for p in art.paragraphs}
    assert len(data["key_points"]) == 3
    for k in data["key_points"]:
        assert by_index[k["paragraph"]].sentences[k["sentence"]] == k["text_vi"]
    plain = run_cli("keypoints", SEED, "-n", "2")
    assert plain.code == 0 and plain.out.startswith("1. [") and plain.out.count("\n") == 2
