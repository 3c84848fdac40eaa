"""Read the article: a file, stdin, an HTML page or a URL, decoded to clean text.

Decoding is where real files go wrong (BOMs, UTF-16, legacy code pages,
UTF-8 that was read as Windows-1252 and saved again), so every fallback is
recorded as a note in the Brief.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from vnsum.errors import InputError, UsageError, human_bytes
from vnsum.text.lang import vietnamese_share

#: Inputs larger than this are refused unless the caller raises it (VNSUM_MAX_BYTES or --max-bytes).
DEFAULT_MAX_BYTES = 5_000_000

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_CONT = f"[\\x80-\\xbf{_CP1252_HIGH}]"
_MOJIBAKE_RUN = re.compile(f"[\\xc2-\\xdf]{_CONT}|[\\xe0-\\xef]{_CONT}{{2}}")
_MOJIBAKE_HINT = re.compile("[ÃÄÅÆ][\\x80-\\xbf" + _CP1252_HIGH + "]|á[º»]|Ä[\\x91\\x90'‘]")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<!--)", re.IGNORECASE)


@dataclass
class Source:
    """The article's text as read, before any cleaning, and how it was obtained."""

    name: str
    text: str
    encoding: str
    is_html: bool = False
    title: str | None = None
    date: str | None = None
    author: str | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A lone surrogate (a JSONL record's "\\ud800" escape) is no text: no tokenizer, hash or
        # UTF-8 writer takes it, and every article, however read, is a Source first.
        self.text = without_surrogates(self.text)
        if self.title is not None:
            self.title = without_surrogates(self.title)


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (pairs cannot occur in a ``str``)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 that was decoded as Windows-1252/Latin-1 and saved again, run by run.

    ftfy fixes the clear cases; the runs it leaves inside otherwise correct text
    ("cÅ©ng" next to good letters) are re-decoded one at a time.
    """
    if not _MOJIBAKE_HINT.search(text):
        return text, False
    import ftfy
    import ftfy.bad_codecs

    fixed = ftfy.fix_encoding(text)

    def redecode(m: re.Match[str]) -> str:
        try:
            return m.group(0).encode("sloppy-windows-1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)

    fixed = _MOJIBAKE_RUN.sub(redecode, fixed)
    return fixed, fixed != text


def _describe_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    if b"\x00" in data[:8192]:
        return "binary data (it contains NUL bytes)"
    return None


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Bytes to text: BOMs, UTF-8, then a detected legacy encoding; mojibake repaired."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc}") from None
            if enc != "utf-8":
                notes.append(f"decoded as {enc.upper()} (byte-order mark)")
            break
    else:
        binary = _describe_binary(data)
        if binary:
            raise InputError(f"{name}: looks like {binary}, not a text article")
        try:
            text = data.decode("utf-8")
            enc = "utf-8"
        except UnicodeDecodeError as exc:
            text, enc = _decode_legacy(data, name, exc)
            notes.append(f"input is not UTF-8; decoded as {enc}")
    text, repaired = repair_mojibake(text)
    if repaired:
        notes.append("repaired mojibake (UTF-8 text that had been read as Windows-1252)")
    return text, enc, notes


def _decode_legacy(data: bytes, name: str, exc: UnicodeDecodeError) -> tuple[str, str]:
    """A legacy code page, when one gives plausible Vietnamese; otherwise a clear error."""
    from charset_normalizer import from_bytes

    candidates: list[tuple[str, str]] = []
    best = from_bytes(data, cp_isolation=None).best()
    if best is not None:
        candidates.append((str(best), best.encoding))
    for enc in ("cp1258", "cp1252"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    for text, enc in candidates:
        if vietnamese_share(text) >= 0.05 and not re.search(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]", text):
            return text, enc
    raise InputError(
        f"{name}: cannot decode the text (invalid UTF-8 at byte {exc.start}, and no legacy Vietnamese "
        "encoding fits); save it as UTF-8"
    )


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        what = f"{name}: larger than the {human_bytes(max_bytes)} limit"
        raise InputError(
            f"{what} (raise it with max_bytes= or VNSUM_MAX_BYTES)", cli=f"{what} (raise it with --max-bytes or VNSUM_MAX_BYTES)"
        )


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (+1 to notice more) in chunks: a huge limit allocates nothing up front."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    _check_size(size, name, max_bytes)
    return b"".join(chunks)


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file; the size is checked before the file is read."""
    name = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    except ValueError:  # a NUL in the name: no file can have it
        raise InputError(f"{name}: not a valid file name (it contains a NUL character)") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not a file")
    if stat.S_ISREG(st.st_mode):
        _check_size(st.st_size, name, max_bytes)
    try:
        with p.open("rb") as fh:
            data = _read_limited(fh, name, max_bytes)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    return from_bytes(data, name, html=p.suffix.lower() in (".html", ".htm", ".xhtml"))


def read_stream(stream: BinaryIO, name: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    return from_bytes(_read_limited(stream, name, max_bytes), name)


def from_bytes(data: bytes, name: str, html: bool | None = None) -> Source:
    """Decode bytes (HTML pages reduced to the article) into a Source."""
    if not data.strip():
        raise InputError(f"{name}: is empty")
    text, enc, notes = decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: contains only whitespace")
    if html or (html is None and _HTML_START.match(data[:2048].lstrip(codecs.BOM_UTF8))):
        from vnsum.reading.page import extract_article

        page = extract_article(text, name)
        return Source(
            name=name,
            text=page.text,
            encoding=enc,
            is_html=True,
            title=page.title,
            date=page.date,
            author=page.author,
            notes=notes + page.notes,
        )
    return Source(name=name, text=text, encoding=enc, notes=notes)


#: Beyond this a limit means nothing on any machine (and overflows C sizes).
MAX_LIMIT = 1 << 50


def check_max_bytes(value: int, where: str = "max_bytes") -> int:
    """A size limit: a positive number of bytes (no "negative means unlimited")."""
    if value <= 0 or value > MAX_LIMIT:
        raise UsageError(f"{where} must be between 1 and {MAX_LIMIT} bytes, got {value}")
    return value


def max_bytes_from_env(default: int = DEFAULT_MAX_BYTES) -> int:
    value = os.environ.get("VNSUM_MAX_BYTES", "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"VNSUM_MAX_BYTES must be a number of bytes, got {value!r}") from None
    return check_max_bytes(number, "VNSUM_MAX_BYTES")
