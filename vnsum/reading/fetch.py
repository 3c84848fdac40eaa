"""Fetch an article page over HTTP(S) with one deadline and a size limit.

The deadline (``TIMEOUT_S``, 30 s) covers the whole fetch: connecting, every redirect hop,
the headers and the body. When it passes, the connection is shut down and the fetch fails
with "timed out after 30 s" (exit 1), however slowly the server trickles bytes.

Only ``http://`` and ``https://`` are fetched, on every redirect hop (at most 10). A body
shorter than its ``Content-Length`` is an error, never a silently truncated article. A
password in the URL (``http://user:secret@host/``) is sent as HTTP basic authentication to
that host only and shown as ``***`` in every message (:mod:`vnsum.reading.urls`).
"""

from __future__ import annotations

import base64
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urljoin, urlparse, urlunparse

from vnsum._version import __version__
from vnsum.errors import InputError, human_bytes
from vnsum.reading.source import Source, from_bytes
from vnsum.reading.urls import parse, redact, redact_text

__all__ = ["fetch_bytes", "fetch_url", "redact"]

TIMEOUT_S = 30.0
MAX_REDIRECTS = 10
CHUNK = 64 * 1024
SCHEMES = ("http", "https")


class _Deadline:
    """One clock for the whole fetch; at the deadline every open connection is shut down."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.end = time.monotonic() + timeout
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise InputError(f"timed out after {self.timeout:.0f} s")
        return left

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            if self.expired:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                self._shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _check_hop(newurl: str) -> None:
    scheme = urlparse(newurl).scheme.lower()
    if scheme not in SCHEMES:
        raise InputError(f"redirected to {redact(newurl)}: only http:// and https:// are followed (not {scheme}://)")


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    class Conn(http.client.HTTPConnection):
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.track(self.sock)

    class TLSConn(http.client.HTTPSConnection):
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.track(self.sock)

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Conn, req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(TLSConn, req)

    class Redirect(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
            _check_hop(newurl)
            deadline.remaining()
            return super().redirect_request(req, fp, code, msg, headers, newurl)

        def http_error_302(self, req: Any, fp: Any, code: int, msg: str, headers: Any) -> Any:
            location = headers.get("location") or headers.get("uri")
            if location:
                _check_hop(urljoin(req.full_url, location))
            req.timeout = deadline.remaining()
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        HTTP(),
        HTTPS(),
        urllib.request.HTTPDefaultErrorHandler(),
        Redirect(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _request(url: str) -> urllib.request.Request:
    """The request for ``url``; credentials leave the URL and go to that host only, as basic auth."""
    parsed = urlparse(url)
    headers = {"User-Agent": f"vnsum/{__version__}", "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    if parsed.username is None and parsed.password is None:
        return urllib.request.Request(url, headers=headers)
    bare = urlunparse(parsed._replace(netloc=parsed.netloc.rpartition("@")[2]))
    request = urllib.request.Request(bare, headers=headers)
    token = base64.b64encode(f"{parsed.username or ''}:{parsed.password or ''}".encode()).decode("ascii")
    request.add_unredirected_header("Authorization", f"Basic {token}")
    return request


def _scrub(text: str, url: str) -> str:
    try:
        password = urlparse(url).password
    except ValueError:
        password = None
    text = redact_text(" ".join(str(text).split()))
    return text.replace(password, "***") if password else text


def fetch_url(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> Source:
    """Download ``url`` (HTML or text) and read it like a file; errors are one clear line."""
    data, ctype, charset = fetch_bytes(url, max_bytes, timeout)
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass
    is_html = ctype in ("text/html", "application/xhtml+xml") or None
    return from_bytes(data, redact(url), html=is_html)


def fetch_bytes(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> tuple[bytes, str, str | None]:
    """The raw body of ``url``, its content type and charset, with every limit of ``fetch_url``
    (feeds are parsed from these bytes)."""
    safe = redact(url)
    parse(url)
    deadline = _Deadline(timeout)
    declared: int | None = None
    chunks: list[bytes] = []
    got = 0
    try:
        with _opener(deadline).open(_request(url), timeout=deadline.remaining()) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.strip().isdigit():
                declared = int(length)
                if declared > max_bytes:
                    raise InputError(f"{safe}: {human_bytes(declared)} is larger than the {human_bytes(max_bytes)} limit")
            while got <= max_bytes:
                chunk = resp.read(min(CHUNK, max_bytes + 1 - got))
                if deadline.expired:
                    raise InputError(f"timed out after {timeout:.0f} s")
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
    except InputError as exc:
        msg = str(exc)
        raise InputError(msg if msg.startswith(safe) else f"{safe}: {msg}") from None
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308) and "infinite loop" in str(exc.reason):
            raise InputError(f"{safe}: too many redirects (a redirect loop?)") from None
        reason = _scrub(str(exc.reason), url).splitlines()[0] if str(exc.reason).strip() else ""
        raise InputError(f"{safe}: the server answered HTTP {exc.code} {reason}".rstrip()) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        if deadline.expired:
            raise InputError(f"{safe}: timed out after {timeout:.0f} s") from None
        if isinstance(exc, http.client.IncompleteRead):
            raise InputError(f"{safe}: connection closed after {got + len(exc.partial)} bytes") from None
        if isinstance(exc, TimeoutError):
            raise InputError(f"{safe}: timed out after {timeout:.0f} s") from None
        reason = str(exc.reason) if isinstance(exc, urllib.error.URLError) else f"{exc.__class__.__name__}: {exc}"
        raise InputError(f"{safe}: cannot fetch ({_scrub(str(reason), url)})") from None
    finally:
        deadline.cancel()
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise InputError(f"{safe}: the page is larger than the {human_bytes(max_bytes)} limit")
    if declared is not None and len(data) < declared:
        raise InputError(f"{safe}: connection closed after {len(data)} of {declared} bytes")
    return data, ctype, charset
