"""The one URL parser and redactor: every URL vnsum fetches goes through :func:`parse`, every
URL it shows or stores (a batch id or source, a brief's source, the history, progress lines,
notes and error messages) through :func:`redact` or :func:`redact_text`.

``urllib.parse`` raises ``ValueError`` on some malformed URLs (``http://[::1``), only when
``.port`` is read on others (``http://h:99999/``), and accepts control characters and spaces;
:func:`parse` turns each into one :class:`~vnsum.errors.InputError` that never shows a password.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

from vnsum.errors import InputError

__all__ = ["SCHEMES", "is_http", "parse", "redact", "redact_text"]

SCHEMES = ("http", "https")
_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
#: ``scheme://userinfo@`` inside free text (an exception's message, a note).
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s@]*@")
_HOST = re.compile(r"^(?:[^\s/?#\[\]@:]+|\[[0-9A-Fa-f:.]+(?:%[\w.~-]+)?\])$")


def is_http(text: str) -> bool:
    """Whether ``text`` starts like an http(s) URL (it may still be malformed: see :func:`parse`)."""
    return text[:8].lower().startswith(("http://", "https://"))


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number in 0-65535)
    except ValueError:
        return None
    return parts


def parse(url: str) -> str:
    """``url`` checked as an http(s) URL with a host; returns it unchanged (credentials kept, for
    the fetch). Raises InputError naming the redacted URL and what is wrong."""
    shown = redact(url)
    if _BAD_CHARS.search(url):
        raise InputError(f"{shown}: not a valid URL (it contains a space or a control character)")
    parts = _split(url)
    if parts is None:
        raise InputError(f"{shown}: not a valid URL (a malformed host or port)")
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(f"{shown}: only http:// and https:// URLs can be fetched")
    host = parts.netloc.rpartition("@")[2]
    if parts.port is not None or host.endswith(":"):
        host = host.rpartition(":")[0]
    if not parts.hostname or not _HOST.match(host):
        raise InputError(f"{shown}: not a valid URL (no host, or a malformed one)")
    return url


def redact(url: str) -> str:
    """``url`` for display or storage: user name and password replaced by ``***``, control
    characters removed; a URL too malformed to split still loses anything before an ``@``."""
    text = _BAD_CHARS.sub(lambda m: "" if m.group() != " " else "%20", url)
    parts = _split(text)
    if parts is None:
        return _USERINFO.sub(r"\1***@", text)
    if "@" not in parts.netloc:
        return text
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


def redact_text(text: str) -> str:
    """Free text (a message, a note) with the user info of every URL in it replaced by ``***``."""
    return _USERINFO.sub(r"\1***@", text)
