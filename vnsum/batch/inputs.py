"""The INPUT arguments of ``vnsum batch``, turned into a stream of small work items.

Nothing here reads an article: an :class:`Item` says *where* the article is (a file to
read, a URL to fetch, or a JSONL line holding its text) and carries a stable ``id`` that
the journal uses to skip finished work on a rerun. A problem with one entry (a bad JSONL
line, a URL list line that is not http(s), a feed that cannot be parsed, a duplicate id)
becomes a :class:`BadItem`, which the runner records as an error while the batch goes on.

How each argument is read (:func:`kind_of`):

``http://...`` / ``https://...``
    An RSS/Atom **feed**, fetched with the caller's ``fetch_feed`` (the same limits as
    ``--url``). To summarise single article URLs, list them in a text file (one per line)
    or a JSONL file (``{"id", "url"}``).
a directory
    Every ``.txt``/``.html``/``.htm`` file below it (recursive; hidden files and hidden
    directories skipped; symlinked directories are not followed), in sorted path order.
    Every such file is an article (no sniffing inside directories).
    ``id`` = ``<directory name>/<path relative to it>`` in POSIX form, e.g.
    ``news/2024/a.html`` for ``vnsum batch ./news``, ``~/x/news`` or ``.`` run inside
    ``news``: stable whatever the current directory or the spelling of the argument, and
    two directories given together (``day1/ day2/``) do not clash on ``index.html``.
    Renaming the directory changes the ids (its articles are done again).
``*.jsonl`` / ``*.ndjson`` (or a file whose first character is ``{``)
    One record a line: ``{"id", "title"?, "text"}`` or ``{"id", "title"?, "url"}``
    (``text`` wins when both are present). ``id`` is a non-empty string or an integer
    (kept as its decimal string). The text is *not* kept: the item remembers the line's
    byte offset and :meth:`Item.load_text` reads it when the article is processed.
``*.xml`` / ``*.rss`` / ``*.atom`` (or a file that starts like a feed)
    A local feed file.
a text file of URLs (``*.urls``/``*.list``, or a ``.txt`` file every line of which is a
single word and at least one contains ``://``)
    One URL a line; blank lines and ``#`` comments (whole line, or after a space) skipped;
    only http(s) accepted. ``id`` = the URL.
any other file (``.txt``, ``.html``, ...)
    A single article; ``id`` = the path as given, normalised (``./a.txt`` -> ``a.txt``).

Feed entries: ``url`` = the entry's link (resolved against the feed URL),
``title`` = its title, ``id`` = its id/guid when present, else the link.

Duplicates: the same id pointing at the same thing (a URL listed twice, an article in
two feeds, a file reached through its directory and by name) is yielded once and the
repeats are dropped silently; the same id for something else (two JSONL lines with one
id, one guid with two links) makes the later one a ``BadItem("duplicate id")``. Every id
that :func:`expand` yields, Item or BadItem, is unique, so each gets one journal line.
A BadItem whose own id is missing or taken gets a location id instead
(``file.jsonl:12``, ``urls.txt:3``), suffixed ``~2``, ``~3`` ... if even that is taken.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from vnsum import jsonsafe
from vnsum.errors import InputError, UsageError, VnsumError, human_bytes, one_line
from vnsum.reading.source import DEFAULT_MAX_BYTES
from vnsum.reading.urls import parse as parse_url
from vnsum.reading.urls import redact

#: Files taken from a directory.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
URL_LIST_SUFFIXES = (".urls", ".list")
#: A local feed file larger than this is a BadItem (a feed is a few hundred kB).
MAX_FEED_BYTES = 20_000_000
#: Error code of a BadItem in the journal (``ExitCode.BAD_INPUT`` by name).
BAD_INPUT = "bad_input"

_SNIFF_BYTES = 65536
_SNIFF_LINES = 200
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_INLINE_COMMENT = re.compile(r"\s+#.*$")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Item:
    """One article to summarise; small (no article text), so a list of them is cheap.

    Exactly one way to get the article applies, see :attr:`kind`:
    ``"file"`` (read :attr:`path`, .txt or .html), ``"url"`` (fetch :attr:`url` with the
    ``--url`` limits) or ``"text"`` (call :meth:`load_text`).
    """

    id: str
    source: str
    path: Path | None = None
    url: str | None = None
    text: str | None = None
    title: str | None = None
    #: For a JSONL text record: byte offset of its line in :attr:`path`, and the line's size.
    line_offset: int | None = None
    line_size: int = 0

    @property
    def kind(self) -> str:
        if self.text is not None or self.line_offset is not None:
            return "text"
        if self.url is not None:
            return "url"
        return "file"

    def load_text(self) -> str:
        """The article text of a ``"text"`` item (read from its JSONL line now).

        Raises InputError when the line can no longer be read or changed since it was listed.
        """
        if self.text is not None:
            return self.text
        if self.line_offset is None or self.path is None:
            raise ValueError(f"{self.source}: a {self.kind} item has no inline text")
        try:
            with open(self.path, "rb") as f:
                f.seek(self.line_offset)
                raw, _ = jsonsafe.read_line(f, self.line_size)  # the size it had when listed, no more
        except OSError as exc:
            raise InputError(f"{self.source}: cannot read: {exc.strerror or exc}") from None
        if raw is not None and self.line_offset == 0:
            raw = raw.removeprefix(_BOM)
        try:
            rec = jsonsafe.loads(raw) if raw is not None else None
        except ValueError:
            rec = None
        if not isinstance(rec, dict) or _record_id(rec.get("id")) != self.id or not isinstance(rec.get("text"), str):
            raise InputError(f"{self.source}: the file changed since the batch started (id {self.id!r} not found there)")
        return rec["text"]


@dataclass(frozen=True, slots=True)
class BadItem:
    """An input entry that cannot become an article; record it as an error and go on."""

    id: str
    source: str
    message: str
    code: str = BAD_INPUT


# --------------------------------------------------------------------------- classification


def is_url(arg: str) -> bool:
    return arg[:8].lower().startswith(("http://", "https://"))


def kind_of(arg: str) -> str:
    """How an INPUT argument is read: ``feed-url``, ``directory``, ``jsonl``, ``feed``,
    ``urls`` or ``article``. Raises UsageError for anything that cannot be an input."""
    if is_url(arg):
        return "feed-url"
    if arg == "-":
        raise UsageError("batch does not read standard input; give files, directories or feed URLs")
    if _SCHEME.match(arg):
        raise UsageError(f"{arg}: only http:// and https:// URLs can be given")
    try:
        st = os.stat(arg)
    except FileNotFoundError:
        raise UsageError(f"{arg}: no such file or directory") from None
    except OSError as exc:
        raise UsageError(f"{arg}: {exc.strerror or exc}") from None
    except ValueError:  # a NUL in the name
        raise UsageError(f"{arg}: not a valid file name (it contains a NUL character)") from None
    if stat.S_ISDIR(st.st_mode):
        if not os.access(arg, os.R_OK | os.X_OK):
            raise UsageError(f"{arg}: permission denied")
        return "directory"
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{arg}: not a regular file or directory")
    if not os.access(arg, os.R_OK):
        raise UsageError(f"{arg}: permission denied")
    suffix = os.path.splitext(arg)[1].lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in URL_LIST_SUFFIXES:
        return "urls"
    try:
        with open(arg, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError as exc:
        raise UsageError(f"{arg}: {exc.strerror or exc}") from None
    return _sniff(head, suffix, truncated=len(head) == _SNIFF_BYTES)


def _sniff(head: bytes, suffix: str, truncated: bool) -> str:
    body = head.removeprefix(_BOM).lstrip()
    if body.startswith(b"<") and _FEED_ROOT.search(body[:4096]):
        html = _HTML_ROOT.search(body[:4096])
        feed = _FEED_ROOT.search(body[:4096])
        if feed and (not html or feed.start() < html.start()):
            return "feed"
    if suffix in (".html", ".htm"):
        return "article"
    if suffix not in (".txt",) and body.startswith(b"{"):
        return "jsonl"
    if _looks_like_url_list(body, truncated):
        return "urls"
    return "article"


def _looks_like_url_list(body: bytes, truncated: bool) -> bool:
    lines = body.split(b"\n")
    if truncated and len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut short
    seen_url = False
    meaningful = 0
    for raw in lines:
        line = _strip_comment(raw.decode("utf-8", "replace"))
        if not line:
            continue
        if any(c.isspace() for c in line):
            return False
        seen_url = seen_url or "://" in line
        meaningful += 1
        if meaningful >= _SNIFF_LINES:
            break
    return seen_url


def _strip_comment(line: str) -> str:
    line = line.strip()
    if line.startswith("#"):
        return ""
    return _INLINE_COMMENT.sub("", line)


def validate(inputs: Iterable[str], *, output: str | os.PathLike[str] | None = None) -> list[str]:
    """Check every INPUT before anything runs; returns their kinds (see :func:`kind_of`).

    Raises UsageError (exit 2) naming the first argument that is missing, unreadable, not
    a file or directory, a non-http(s) URL, or the output file itself.
    """
    inputs = list(inputs)
    if not inputs:
        raise UsageError("batch needs at least one INPUT (a directory, a JSONL file, a URL list or a feed)")
    kinds = [kind_of(arg) for arg in inputs]
    own = OwnFiles(output)
    for arg, kind in zip(inputs, kinds):
        if kind != "feed-url" and kind != "directory" and own.holds(arg):
            raise UsageError(f"{arg}: is the output file (or its lock); write the results to another file")
    return kinds


class OwnFiles:
    """The files a batch writes beside its output: OUT itself, ``OUT.lock`` and the temporary
    files of a rewrite (``.OUT.tmp-*``). Never read as input, compared by device and inode
    (through any symlink or spelling) and by real path (for those not created yet)."""

    def __init__(self, output: str | os.PathLike[str] | None) -> None:
        self._inodes: set[tuple[int, int]] = set()
        self._paths: set[str] = set()
        self._temp: tuple[str, str] | None = None
        if output is None:
            return
        real = os.path.realpath(output)
        for path in (real, real + ".lock"):
            self._paths.add(path)
            try:
                st = os.stat(path)
            except OSError:
                continue
            self._inodes.add((st.st_dev, st.st_ino))
        self._temp = (os.path.dirname(real), f".{os.path.basename(real)}.tmp-")

    def holds(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` is one of them."""
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is not None and (st.st_dev, st.st_ino) in self._inodes:
            return True
        real = os.path.realpath(path)
        if real in self._paths:
            return True
        return (
            self._temp is not None and os.path.dirname(real) == self._temp[0] and os.path.basename(real).startswith(self._temp[1])
        )


# --------------------------------------------------------------------------- expansion


class _Ids:
    """Every id yielded so far, with what it points at, to keep ids unique."""

    def __init__(self) -> None:
        self._seen: dict[str, str | None] = {}

    def claim(self, item: Item, location: str | None = None) -> Item | BadItem | None:
        """The item if its id is new; None if it repeats the same target; else a BadItem
        whose id and source are ``location`` (default: the item's source)."""
        target = self._target(item)
        if item.id not in self._seen:
            self._seen[item.id] = target
            return item
        if target is not None and self._seen[item.id] == target:
            return None
        return self.bad(None, location or item.source, f"duplicate id {item.id!r} (an earlier input has it)")

    def bad(self, wanted: str | None, location: str, message: str) -> BadItem:
        """A BadItem with ``wanted`` as id if free, else the location (made unique)."""
        if wanted and wanted not in self._seen:
            ident = wanted
        else:
            ident, n = location, 1
            while ident in self._seen:
                n += 1
                ident = f"{location}~{n}"
        self._seen[ident] = None
        return BadItem(ident, location, message)

    @staticmethod
    def _target(item: Item) -> str | None:
        if item.kind == "url":
            return "url:" + item.url  # type: ignore[operator]
        if item.kind == "file" and item.path is not None:
            return "file:" + os.path.realpath(item.path)
        return None  # inline texts: never assumed equal


def expand(
    inputs: Iterable[str],
    *,
    fetch_feed: Callable[[str], bytes] | None = None,
    output: str | os.PathLike[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item | BadItem]:
    """Yield the work items of every INPUT, in argument order, each id once.

    Call :func:`validate` first: a missing path met here still raises UsageError.
    ``fetch_feed(url) -> bytes`` fetches a feed URL (with the ``--url`` limits); it may
    raise VnsumError or OSError, which turns that feed into a BadItem. It is required
    when an argument is a URL. ``output``: the batch's OUT; it, its lock and its temporary
    files are skipped when a directory holds them (:class:`OwnFiles`). ``max_bytes``: a JSONL
    line longer than this is that line's BadItem (it is read past, never held whole).
    """
    own = OwnFiles(output)
    inputs = list(inputs)
    if fetch_feed is None and any(is_url(a) for a in inputs):
        raise ValueError("expand() needs fetch_feed to read a feed URL")
    ids = _Ids()
    for arg in inputs:
        kind = kind_of(arg)
        if kind == "feed-url":
            gen = _from_feed_url(arg, fetch_feed, ids)  # type: ignore[arg-type]
        elif kind == "directory":
            gen = _from_directory(arg, ids, own)
        elif kind == "jsonl":
            gen = _from_jsonl(arg, ids, max_bytes)
        elif kind == "feed":
            gen = _from_feed_file(arg, ids)
        elif kind == "urls":
            gen = _from_url_list(arg, ids)
        else:
            gen = _claimed(ids, [Item(id=_norm_path(arg), source=arg, path=Path(arg))])
        try:
            yield from gen
        except OSError as exc:  # the file went away or failed part-way: the rest goes on
            yield ids.bad(None, arg, f"cannot read: {exc.strerror or exc}")


def collect(
    inputs: Iterable[str],
    *,
    fetch_feed: Callable[[str], bytes] | None = None,
    output: str | os.PathLike[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Item | BadItem]:
    """:func:`expand` as a list (for a total in the progress bar): no article text is held,
    so even a multi-GB JSONL input costs only its ids and offsets. Feeds are fetched once,
    here."""
    return list(expand(inputs, fetch_feed=fetch_feed, output=output, max_bytes=max_bytes))


def _claimed(ids: _Ids, items: Iterable[Item | BadItem]) -> Iterator[Item | BadItem]:
    for item in items:
        if isinstance(item, BadItem):
            yield item
            continue
        got = ids.claim(item)
        if got is not None:
            yield got


def _norm_path(arg: str) -> str:
    return Path(os.path.normpath(arg)).as_posix()


def _from_directory(arg: str, ids: _Ids, own: OwnFiles) -> Iterator[Item | BadItem]:
    root = Path(arg)
    name = os.path.basename(os.path.abspath(arg))
    prefix = f"{name}/" if name else ""

    def walk(rel: str) -> Iterator[Item | BadItem]:
        here = root / rel if rel else root
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield ids.bad(None, str(here), f"cannot list the directory: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            sub = f"{rel}/{entry.name}" if rel else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    yield from walk(sub)
                    continue
                if not entry.is_file():
                    continue
            except OSError:
                continue
            if os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            path = root / sub
            if own.holds(path):
                continue
            yield from _claimed(ids, [Item(id=prefix + sub, source=str(path), path=path)])

    yield from walk("")


def _record_id(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    return None


def _from_jsonl(arg: str, ids: _Ids, max_bytes: int) -> Iterator[Item | BadItem]:
    path = Path(arg)
    with open(path, "rb") as f:
        for got_line in jsonsafe.lines(f, max_bytes):
            start, lineno = got_line.offset, got_line.number
            where = f"{arg}:{lineno}"
            if got_line.data is None:
                yield ids.bad(None, where, f"the line is larger than the {human_bytes(max_bytes)} limit (--max-bytes)")
                continue
            line = got_line.data.removeprefix(_BOM) if start == 0 else got_line.data
            if not line.strip():
                continue
            try:
                rec = jsonsafe.loads(line)
            except ValueError as exc:
                yield ids.bad(None, where, f"not valid JSON ({_short(exc)})")
                continue
            if not isinstance(rec, dict):
                yield ids.bad(None, where, "not a JSON object")
                continue
            ident = _record_id(rec.get("id"))
            if ident is None:
                yield ids.bad(None, where, 'no "id" (a non-empty string or an integer)')
                continue
            title = rec.get("title")
            title = title if isinstance(title, str) and title.strip() else None
            text, url = rec.get("text"), rec.get("url")
            if text is not None:
                if not isinstance(text, str):
                    item: Item | BadItem = ids.bad(ident, where, '"text" is not a string')
                elif not text.strip():
                    item = ids.bad(ident, where, '"text" is empty')
                else:
                    item = Item(id=ident, source=where, path=path, title=title, line_offset=start, line_size=got_line.size)
            elif url is not None:
                problem = _url_problem(url.strip()) if isinstance(url, str) else "not a string"
                if problem:
                    item = ids.bad(ident, where, f'"url" is not an http(s) URL: {_show(url)} ({problem})')
                else:
                    item = Item(id=ident, source=redact(url.strip()), url=url.strip(), title=title)
            else:
                item = ids.bad(ident, where, 'neither "text" nor "url"')
            got = ids.claim(item, where) if isinstance(item, Item) else item
            if got is not None:
                yield got


def _from_url_list(arg: str, ids: _Ids) -> Iterator[Item | BadItem]:
    with open(arg, "rb") as f:
        for lineno, raw in enumerate(f, start=1):
            if lineno == 1:
                raw = raw.removeprefix(_BOM)
            line = _strip_comment(raw.decode("utf-8", "replace"))
            if not line:
                continue
            where = f"{arg}:{lineno}"
            problem = _url_problem(line)
            if problem:
                yield ids.bad(None, where, f"not an http(s) URL: {_show(line)} ({problem})")
                continue
            got = ids.claim(Item(id=redact(line), source=redact(line), url=line), where)
            if got is not None:
                yield got


def _from_feed_url(url: str, fetch_feed: Callable[[str], bytes], ids: _Ids) -> Iterator[Item | BadItem]:
    try:
        data = fetch_feed(url)
    except (VnsumError, OSError) as exc:
        yield ids.bad(redact(url), redact(url), f"cannot fetch the feed: {exc}")
        return
    yield from _feed_items(data, redact(url), base=url, ids=ids)


def _from_feed_file(arg: str, ids: _Ids) -> Iterator[Item | BadItem]:
    try:
        size = os.path.getsize(arg)
        if size > MAX_FEED_BYTES:
            yield ids.bad(_norm_path(arg), arg, f"the feed is {size / 1e6:.1f} MB, more than {MAX_FEED_BYTES / 1e6:.0f} MB")
            return
        data = Path(arg).read_bytes()
    except OSError as exc:
        yield ids.bad(_norm_path(arg), arg, f"cannot read the feed: {exc.strerror or exc}")
        return
    yield from _feed_items(data, arg, base=None, ids=ids)


def _feed_items(data: bytes, name: str, base: str | None, ids: _Ids) -> Iterator[Item | BadItem]:
    import feedparser  # only when a feed is read

    headers = {"content-location": base} if base else None
    try:
        parsed = feedparser.parse(data, response_headers=headers)
    except Exception as exc:  # feedparser is lenient; anything it still raises is a bad feed
        yield ids.bad(_feed_id(name), name, f"not an RSS/Atom feed ({_short(exc)})")
        return
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        why = parsed.get("bozo_exception")
        yield ids.bad(_feed_id(name), name, "not an RSS/Atom feed" + (f" ({_short(why)})" if why else ""))
        return
    for n, entry in enumerate(entries, start=1):
        title = entry.get("title")
        title = title.strip() if isinstance(title, str) and title.strip() else None
        link = entry.get("link")
        link = link.strip() if isinstance(link, str) else ""
        if link and base:
            try:
                link = urljoin(base, link)
            except ValueError:
                pass  # a malformed link: _url_problem says so below
        guid = entry.get("id")
        guid = guid.strip() if isinstance(guid, str) and guid.strip() else None
        where = f"{name}#{n}"
        if not link:
            yield ids.bad(guid, where, "the feed entry has no link" + (f" ({title})" if title else ""))
            continue
        problem = _url_problem(link)
        if problem:
            yield ids.bad(guid or redact(link), where, f"the feed entry's link is not an http(s) URL: {_show(link)} ({problem})")
            continue
        got = ids.claim(Item(id=guid or redact(link), source=redact(link), url=link, title=title), where)
        if got is not None:
            yield got


def _feed_id(name: str) -> str:
    return redact(name) if is_url(name) else _norm_path(name)


def _url_problem(url: str) -> str | None:
    """What is wrong with ``url`` as an article URL (:func:`vnsum.reading.urls.parse`), or None."""
    if not is_url(url):
        return "only http:// and https://"
    try:
        parse_url(url)
    except InputError as exc:
        return str(exc).rpartition(": ")[2]
    return None


def _short(exc: object) -> str:
    return one_line(exc, 200) if isinstance(exc, BaseException) else str(exc).splitlines()[0][:200]


def _show(value: object) -> str:
    text = redact(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:200]
    return text if len(text) <= 120 else text[:117] + "..."
