"""``vnsum batch --ray``: the Ray path gives what the local path gives (tiny real models, a local
Ray of 2 CPUs started here); the feed fetcher of ``vnsum batch``."""

from __future__ import annotations

import http.server
import json
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, SEED, TinyModels

ENGLISH = "This is an English text about the weather in London. " * 20


def _models(tiny: TinyModels) -> list[str]:
    return ["--summarizer", str(tiny.summarizer), "--translator", str(tiny.translator), "-n", "2"]


def _by_id(path: Path) -> dict[str, dict]:
    """The records of a batch output by id, without what differs from run to run (timings)."""
    recs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "brief" in rec:
            rec["brief"].pop("timings", None)
        recs[rec["id"]] = rec
    return recs


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    shutil.copy(SEED, root / "a.txt")
    shutil.copy(DATA / "extra_vi.txt", root / "b.txt")
    (root / "c.txt").write_text(ENGLISH, encoding="utf-8")
    return root


@pytest.fixture
def local_ray() -> Iterator[object]:
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    try:
        yield ray
    finally:
        ray.shutdown()


def test_ray_path_equals_local_path_and_resumes(tiny: TinyModels, run_cli, news: Path, tmp_path: Path, local_ray) -> None:
    jsonl = tmp_path / "more.jsonl"
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    jsonl.write_text(json.dumps({"id": 7, "title": title, "text": body}, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"

    # A first run converts the models for CTranslate2 (a note in the first brief, once): after
    # it, the local run and the Ray actor both find them converted.
    assert run_cli("batch", news, "-o", tmp_path / "warm.jsonl", *_models(tiny), "-q").code == 0
    r = run_cli("batch", news, jsonl, "-o", local, *_models(tiny), "--no-cache")
    assert r.code == 0, r.err
    r = run_cli("batch", news, jsonl, "-o", remote, *_models(tiny), "--ray", "--ray-actors", "1")
    assert r.code == 0, r.err
    assert "3 done, 2 failed, 0 skipped" in r.err
    want, got = _by_id(local), _by_id(remote)
    assert sorted(got) == sorted(want) == sorted([f"{jsonl}:2", "news/a.txt", "news/b.txt", "news/c.txt", "7"])
    assert got == want
    assert got["news/c.txt"]["error"]["code"] == "bad_input"

    # The same resume rule: nothing redone, then only the fixed error redone.
    before = remote.read_bytes()
    r = run_cli("batch", news, jsonl, "-o", remote, *_models(tiny), "--ray", "--ray-actors", "1")
    assert r.code == 0, r.err
    assert "0 done, 0 failed, 5 skipped" in r.err
    assert remote.read_bytes() == before
    (news / "c.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli("batch", news, jsonl, "-o", remote, *_models(tiny), "--ray", "--ray-actors", "1", "--retry-failed")
    assert r.code == 0, r.err
    assert "1 done, 1 failed, 3 skipped" in r.err
    got = _by_id(remote)
    assert len(remote.read_text(encoding="utf-8").splitlines()) == 5
    assert "brief" in got["news/c.txt"] and got["news/a.txt"] == want["news/a.txt"]


def test_ray_options_are_checked(run_cli, news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", news, "-o", out, "--ray-actors", "2")
    assert r.code == 2 and "--ray-actors needs --ray" in r.err
    r = run_cli("batch", news, "-o", out, "--ray", "--ray-actors", "0")
    assert r.code == 2 and "--ray-actors must be 1 or more" in r.err
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    r = run_cli("batch", news, "-o", out, "--ray")
    assert r.code == 2
    assert 'pip install "vnsum[ray]"' in r.err
    assert not out.exists()


class _Feeds(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            # A feed in windows-1252, declared so and sent with that charset: it reaches feedparser as UTF-8.
            body = (
                '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Tin</title>'
                "<item><title>Caf\u00e9</title><link>/a.html</link><guid>tin-1</guid></item></channel></rss>"
            ).encode("cp1252")
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=windows-1252")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/short.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<rss>")
        elif self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Feeds)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_feed_fetcher_uses_the_url_limits(feed_server: str) -> None:
    from vnsum.batch.inputs import collect
    from vnsum.cli.batch import _fetcher
    from vnsum.errors import InputError

    fetch = _fetcher(1_000_000)
    items = collect([f"{feed_server}/feed.xml"], fetch_feed=fetch)
    assert [(i.id, i.url, i.title) for i in items] == [(f"{feed_server}/tin-1", f"{feed_server}/a.html", "Caf\u00e9")]  # type: ignore[union-attr]
    with pytest.raises(InputError, match="connection closed after 5 of 1000 bytes"):
        fetch(f"{feed_server}/short.xml")
    with pytest.raises(InputError, match="only http:// and https:// are followed"):
        fetch(f"{feed_server}/away")
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{feed_server}/missing.xml")
    with pytest.raises(InputError, match=r"\*\*\*") as info:
        fetch(f"http://me:s3cret@127.0.0.1:{feed_server.rsplit(':', 1)[1]}/missing.xml")
    assert "s3cret" not in str(info.value)
    with pytest.raises(InputError, match="larger than"):
        _fetcher(100)(f"{feed_server}/feed.xml")
