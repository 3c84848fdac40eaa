"""One spelling per page: the URL an article is known by, and the outlet that published it.

``http://www.vnexpress.net/a-1.html?utm_source=fb#top`` and ``https://vnexpress.net/a-1.html/``
are the same page: scheme, ``www.``/``m.``, default ports, a trailing slash, tracking
parameters and the fragment do not count.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

_TRACKING = re.compile(
    r"^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_[ce]id|igshid|yclid|_ga|ref|ref_src|cmpid|zarsrc|zarsrc.*|gidzl|src|from)$", re.I
)
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")


def host(url: str) -> str | None:
    """The host without ``www.``/``m.`` and port, lowercased, or None when ``url`` is no URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return _HOST_PREFIX.sub("", parts.hostname.lower().rstrip("."))


def canonical(url: str) -> str | None:
    """The page's one spelling (``host/path?kept-query``), or None when ``url`` is no http(s) URL."""
    name = host(url)
    if name is None:
        return None
    parts = urlsplit(url.strip())
    path = re.sub(r"/{2,}", "/", parts.path or "/").rstrip("/") or ""
    if path.endswith(("/index.html", "/index.htm", "/index.php")):
        path = path.rsplit("/", 1)[0]
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    return f"{name}{path}" + (f"?{query}" if query else "")


def outlet(source: str, url: str | None = None) -> str:
    """Who published it: the domain of its URL, else the folder or file it came from."""
    for candidate in (url, source):
        if candidate:
            name = host(candidate)
            if name:
                return name
    parts = [p for p in source.replace("\\", "/").split("/") if p]
    name = parts[-2] if len(parts) >= 2 else (parts[0] if parts else source)
    return name.rsplit(":", 1)[0] if re.search(r":\d+$", name) else name
