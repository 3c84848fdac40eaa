"""``--url`` against hostile servers: one deadline, http(s) only on every hop, short bodies, redacted credentials."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from vnsum.errors import ExitCode, InputError
from vnsum.reading.fetch import fetch_url, redact

PAGE = "<html><body><p>Bài viết thử nghiệm về kinh tế Việt Nam.</p></body></html>".encode()
Route = Callable[[BaseHTTPRequestHandler], None]


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, Route], list[str]]]:
    routes: dict[str, Route] = {}
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        timeout = 10  # a stuck connection cannot outlive the test by much

        def do_GET(self) -> None:
            seen.append(self.path)
            routes.get(self.path, _ok)(self)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes, seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        t.join(5)


def _ok(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(PAGE)))
    h.end_headers()
    h.wfile.write(PAGE)


def _redirect(to: str) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


def _fails(url: str, timeout: float = 30.0) -> str:
    with pytest.raises(InputError) as info:
        fetch_url(url, max_bytes=1_000_000, timeout=timeout)
    assert info.value.exit_code == ExitCode.BAD_INPUT == 1
    msg = str(info.value)
    assert "\n" not in msg
    return msg


def test_plain_fetch_still_works(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, _, _ = server
    assert fetch_url(base + "/", max_bytes=1_000_000).name == base + "/"


def test_trickling_body_fails_at_the_deadline(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, routes, _ = server

    def trickle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "100")
        h.end_headers()
        try:
            for _ in range(1000):  # 200 s of trickle: the 2 s deadline must cut it
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    routes["/slow"] = trickle
    start = time.monotonic()
    msg = _fails(base + "/slow", timeout=2.0)
    assert time.monotonic() - start < 20  # no hang: 10 times the deadline, a tenth of the trickle
    assert "timed out after 2 s" in msg


def test_trickling_headers_fail_at_the_deadline(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, routes, _ = server

    def slow_headers(h: BaseHTTPRequestHandler) -> None:
        try:
            for b in b"HTTP/1.0 200 OK\r\nX-Slow: " + b"a" * 2000:  # 200 s of headers
                h.wfile.write(bytes([b]))
                h.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    routes["/slowhead"] = slow_headers
    start = time.monotonic()
    assert "timed out after 2 s" in _fails(base + "/slowhead", timeout=2.0)
    assert time.monotonic() - start < 20  # no hang: 10 times the deadline, a tenth of the headers


def test_short_body_is_an_error(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, routes, _ = server

    def short(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(PAGE) * 2))
        h.end_headers()
        h.wfile.write(PAGE)
        h.close_connection = True

    routes["/short"] = short
    assert f"connection closed after {len(PAGE)} of {len(PAGE) * 2} bytes" in _fails(base + "/short")


def test_redirect_to_ftp_is_never_followed(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, routes, _ = server
    ftp = socket.socket()
    ftp.bind(("127.0.0.1", 0))
    ftp.listen(1)
    ftp.settimeout(0.5)
    try:
        routes["/to-ftp"] = _redirect(f"ftp://127.0.0.1:{ftp.getsockname()[1]}/x")
        msg = _fails(base + "/to-ftp")
        assert "only http:// and https://" in msg
        with pytest.raises(TimeoutError):
            ftp.accept()  # nobody connected
    finally:
        ftp.close()
    routes["/to-file"] = _redirect("file:///etc/passwd")
    assert "only http:// and https://" in _fails(base + "/to-file")


def test_redirect_hops_are_followed_and_loops_are_one_line(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, routes, _ = server
    routes["/a"] = _redirect("/b")
    routes["/b"] = _redirect("/")
    assert fetch_url(base + "/a", max_bytes=1_000_000) is not None
    routes["/loop1"] = _redirect("/loop2")
    routes["/loop2"] = _redirect("/loop1")
    assert "redirect" in _fails(base + "/loop1")


def test_credentials_are_never_echoed(server: tuple[str, dict[str, Route], list[str]]) -> None:
    base, routes, _ = server
    host = base.removeprefix("http://")
    got: list[str | None] = []

    def auth(h: BaseHTTPRequestHandler) -> None:
        got.append(h.headers.get("Authorization"))
        h.send_response(404)
        h.send_header("Content-Length", "0")
        h.end_headers()

    routes["/private"] = auth
    msg = _fails(f"http://user:secret@{host}/private")
    assert "secret" not in msg and f"http://***@{host}/private" in msg
    assert got and got[0] and got[0].startswith("Basic ")
    assert "secret" not in _fails("http://user:secret@127.0.0.1:1/")  # connection refused
    assert "secret" not in _fails("http://user:secret@127.0.0.1:notaport/")
    routes["/to-ftp"] = _redirect("ftp://bob:hunter2@127.0.0.1/")
    assert "hunter2" not in _fails(base + "/to-ftp")
    assert redact("https://a:b@h:1/p?q") == "https://***@h:1/p?q"
