"""Fetch an article page over HTTP(S) with a timeout and a size limit."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlparse

from vnsum._version import __version__
from vnsum.errors import InputError
from vnsum.reading.source import Source, from_bytes

TIMEOUT_S = 20.0


def fetch_url(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> Source:
    """Download ``url`` (HTML or text) and read it like a file; errors are one clear line."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"{url}: only http:// and https:// URLs can be fetched")
    request = urllib.request.Request(
        url, headers={"User-Agent": f"vnsum/{__version__}", "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: {int(length) / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.1f} MB limit")
            data = resp.read(max_bytes + 1)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: cannot fetch ({exc.reason})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:.0f} s") from None
    except OSError as exc:
        raise InputError(f"{url}: cannot fetch ({exc.__class__.__name__}: {exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{url}: the page is larger than the {max_bytes / 1e6:.1f} MB limit")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass
    is_html = ctype in ("text/html", "application/xhtml+xml") or None
    return from_bytes(data, url, html=is_html)
