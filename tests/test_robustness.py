"""Bad input, faults and hostile text: one line, the right exit code, nothing half-done."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, SEED, TinyModels
from hubmirror import Mirror, serve

from vnsum.engines import GenerationSettings

ENGLISH = (
    "City officials opened three new electric bus routes on Monday.\n"
    "The routes connect the centre with the western suburbs and cost seven thousand dong per ride.\n"
    "Officials expect twelve thousand extra passengers every day, the transport department said.\n"
)
CHINESE = "河内市周一开通了三条新的电动公交线路。\n这些线路连接市中心和西部郊区，每次乘车费用为七千越南盾。\n交通部门表示，预计每天将增加一万二千名乘客。\n"
FURNITURE = [
    "Trang chủ | Thời sự | Kinh doanh | Thể thao | Giải trí",
    "Đăng nhập",
    "Chia sẻ Facebook",
    "Tin liên quan",
    "Xem thêm: Giá vàng hôm nay",
    "© 2024 Báo Tin Mới. Giấy phép số 123/GP-BTTTT",
    "Liên hệ quảng cáo: 0900 000 000",
    "Thời sự › Xã hội › Giao thông › Đô thị",
    "Tải ứng dụng Báo Tin Mới",
    "Bình luận (0)",
]


def _brief_like(out: str) -> bool:
    return "Key points" in out or "key_points" in out or "Summary" in out


# --------------------------------------------------------------------------- the bad-input matrix


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, str]:
    files = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n  \n",
        "nul.txt": b"Xin ch\x00ao\x00",
        "doc.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
        "img.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "bad-utf8.txt": bytes(range(0x80, 0x100)) * 3,
        "english.txt": ENGLISH.encode(),
        "chinese.txt": CHINESE.encode(),
        "furniture.txt": "\n".join(FURNITURE * 3).encode(),
        "recipe-bad.toml": b'name = "x"\n[summarizer]\nmodel = "a"\nnum_beams = -2\n[translator]\nmodel = "b"\n',
        "recipe-broken.toml": b"[summarizer\nmodel =",
    }
    out = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out[name.rsplit(".", 1)[0]] = str(tmp_path / name)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused from its size, never read
    out["big"] = str(big)
    out["dir"] = str(tmp_path)
    out["missing"] = str(tmp_path / "missing.txt")
    return out


MATRIX = [
    ("empty", ["{empty}"], 1, "empty"),
    ("whitespace", ["{blank}"], 1, "empty"),
    ("nul-bytes", ["{nul}"], 1, "NUL"),
    ("pdf", ["{doc}"], 1, "PDF"),
    ("png", ["{img}"], 1, "PNG"),
    ("invalid-utf8", ["{bad-utf8}"], 1, "cannot decode"),
    ("missing-file", ["{missing}"], 1, "no such file"),
    ("directory", ["{dir}"], 1, "directory"),
    ("50MB", ["{big}"], 1, "limit"),
    ("english", ["{english}"], 1, "does not look like Vietnamese"),
    ("chinese", ["{chinese}"], 1, "does not look like Vietnamese"),
    ("only-furniture", ["{furniture}", "--force"], 1, "too little article text"),
    ("points-0", ["{seed}", "--points", "0"], 2, "--points"),
    ("points-negative", ["{seed}", "--points", "-1"], 2, "--points"),
    ("points-1000", ["{seed}", "--points", "1000"], 2, "--points"),
    ("unknown-recipe", ["{seed}", "--recipe", "nope"], 2, "unknown recipe"),
    ("malformed-recipe-field", ["{seed}", "--recipe", "{recipe-bad}"], 2, "num_beams"),
    ("malformed-recipe-toml", ["{seed}", "--recipe", "{recipe-broken}"], 2, "not valid TOML"),
    ("max-bytes-0", ["{seed}", "--max-bytes", "0"], 2, "--max-bytes"),
    ("threads-negative", ["{seed}", "--threads", "-3"], 2, "--threads"),
]


@pytest.mark.parametrize("args, code, message", [m[1:] for m in MATRIX], ids=[m[0] for m in MATRIX])
def test_bad_input_matrix(run_cli, bad_files: dict[str, str], args: list[str], code: int, message: str) -> None:
    r = run_cli(*[a.format(seed=SEED, **bad_files) for a in args])
    assert r.code == code, r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.err
    assert "Traceback" not in r.err and not _brief_like(r.out) and r.out == ""


def test_malformed_recipe_names_the_file(run_cli, bad_files: dict[str, str]) -> None:
    r = run_cli(SEED, "--recipe", bad_files["recipe-bad"])
    assert bad_files["recipe-bad"] in r.err and "[summarizer]" in r.err


def test_unreadable_file(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(SEED.read_bytes())
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the kernel's answer explicit
        real_open = Path.open

        def deny(self: Path, *a: object, **k: object):  # type: ignore[no-untyped-def]
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *a, **k)

        monkeypatch.setattr(Path, "open", deny)
    r = run_cli(path)
    assert r.code == 1 and "permission denied" in r.err and len(r.err.strip().splitlines()) == 1


def test_oversized_stdin_is_refused_without_reading_it_all(run_cli) -> None:
    r = run_cli("--max-bytes", "1000", stdin=b"a" * 5000)
    assert r.code == 1 and "limit" in r.err


def test_english_with_force_and_mostly_furniture(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    english.write_text(ENGLISH * 3, encoding="utf-8")
    assert run_cli(english, "--recipe", tiny.recipe, "--force", "-f", "json", "-n", "2").code == 0
    noisy = tmp_path / "noisy.txt"
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    lines = FURNITURE * 4 + seed_lines[:3] + FURNITURE * 5  # about 90% page furniture
    noisy.write_text("\n".join(lines), encoding="utf-8")
    r = run_cli(noisy, "--recipe", tiny.recipe, "-f", "json", "-n", "3")
    assert r.code == 0, r.err
    brief = json.loads(r.out)
    assert all(k["text_vi"] not in "\n".join(FURNITURE) for k in brief["key_points"])
    assert all(any(k["text_vi"] in s for s in seed_lines) for k in brief["key_points"])
    assert any("page furniture" in n for n in brief["notes"])


# --------------------------------------------------------------------------- offline means offline


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object, *a: object) -> None:
        attempts.append(address)
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_offline_brief_opens_no_connection(tiny: TinyModels, run_cli, no_network: list[object]) -> None:
    r = run_cli(SEED, "--summarizer", tiny.summarizer, "--translator", tiny.translator, "--offline", "-f", "json")
    assert r.code == 0, r.err
    assert no_network == []


@pytest.fixture
def hub(tiny: TinyModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mirror]:
    m = Mirror()
    m.add("vnsum-test/sum", tiny.summarizer)
    m.add("vnsum-test/trans", tiny.translator)
    httpd, _ = serve(m)
    monkeypatch.setenv("HF_ENDPOINT", m.url)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "vnsum"))
    monkeypatch.setenv("HF_HUB_DISABLE_XET", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    yield m
    httpd.shutdown()


def _vnsum(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnsum", *args], capture_output=True, text=True, env={**os.environ, **env}, timeout=180
    )


def test_hub_models_offline_with_env_open_no_connection(
    hub: Mirror, run_cli, no_network: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _vnsum("models", "pull", "vnsum-test/sum", "vnsum-test/trans", "-q").returncode == 0
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    r = run_cli(SEED, "--summarizer", "vnsum-test/sum", "--translator", "vnsum-test/trans", "-f", "json")
    assert r.code == 0, r.err
    assert no_network == []


# --------------------------------------------------------------------------- damaged caches


def test_truncated_cached_weights(hub: Mirror, tiny: TinyModels) -> None:
    path = Path(_vnsum("models", "pull", "vnsum-test/sum", "-q").stdout.strip())
    blob = (path / "model.safetensors").resolve()
    blob.write_bytes(blob.read_bytes()[:5000])
    r = _vnsum(str(SEED), "--summarizer", "vnsum-test/sum", "--translator", str(tiny.translator), "--offline")
    assert r.returncode == 3
    assert "vnsum-test/sum" in r.stderr and "vnsum models pull --force vnsum-test/sum" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    fixed = _vnsum("models", "pull", "--force", "vnsum-test/sum", "-q")
    assert fixed.returncode == 0, fixed.stderr


def test_missing_tokenizer_in_cache(hub: Mirror) -> None:
    path = Path(_vnsum("models", "pull", "vnsum-test/sum", "-q").stdout.strip())
    for name in ("tokenizer.json", "spiece.model"):
        (path / name).unlink()
    r = _vnsum(str(SEED), "--summarizer", "vnsum-test/sum", "--offline")
    assert r.returncode == 3 and "tokenizer" in r.stderr and "vnsum models pull --force vnsum-test/sum" in r.stderr


def test_damaged_local_directory(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "model"
    shutil.copytree(tiny.summarizer, copy)
    weights = copy / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-100])
    r = run_cli(SEED, "--summarizer", copy, "--translator", tiny.translator)
    assert r.code == 3 and "damaged" in r.err and len(r.err.strip().splitlines()) == 1


def test_two_processes_on_an_empty_cache(hub: Mirror, tmp_path: Path) -> None:
    outs = [tmp_path / f"brief{i}.json" for i in range(2)]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vnsum",
                str(SEED),
                "--summarizer",
                "vnsum-test/sum",
                "--translator",
                "vnsum-test/trans",
                "-f",
                "json",
                "-q",
                "-o",
                str(o),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for o in outs
    ]
    results = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    briefs = [json.loads(o.read_text()) for o in outs]
    assert briefs[0]["key_points"] == briefs[1]["key_points"]
    converted = [p for p in (tmp_path / "vnsum" / "ctranslate2").iterdir() if p.is_dir()]
    assert len(converted) == 2 and not [p for p in converted if p.name.startswith(".")]
    again = _vnsum(str(SEED), "--summarizer", "vnsum-test/sum", "--translator", "vnsum-test/trans", "--offline", "-q")
    assert again.returncode == 0, again.stderr


# --------------------------------------------------------------------------- terminal safety

HOSTILE = [
    "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b]0;owned title\x07",  # window title change
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H",  # colour, clear screen, cursor home
    "\x9b31mC1 CSI\x9d0;c1 title\x9c",  # C1 forms
    "\u202egnirts desrever\u202c \u2066isolate\u2069",  # bidi overrides and isolates
    "[bold red]markup[/bold red] [link=https://evil.example]link[/link]",  # Rich markup
    "bell\x07 backspace\x08 null\x00 del\x7f",
]


class FakeHostileEngine:
    """A fake backend for testing CLI plumbing: it 'translates' into terminal attacks."""

    name = "fake-hostile"

    def __init__(self, model_id: str) -> None:
        self.model_id = model_id

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]:
        return [HOSTILE[i % len(HOSTILE)] + " " + text[:40] for i, text in enumerate(batch)]


LIVE = re.compile(r"\x1b(?!\[[0-9;]*m)|\x1b\[(?:[0-9;]*;)?31m|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "json"])
def test_no_live_escape_reaches_the_terminal(fmt: str, run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scripted = {
        "engine_factory": lambda path, ref, options, notify=None: FakeHostileEngine(ref),
        "resolver": lambda ref, **kw: Path(ref),
    }
    if fmt == "rich":
        monkeypatch.setenv("FORCE_COLOR", "1")  # render as for a real terminal, styles included
    article = tmp_path / "hostile.txt"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    lines[1] = "\x1b]0;title\x07[bold red]Chiều[/bold red] \u202e" + lines[1] + "\x1b[2J"
    article.write_text("\n".join(lines), encoding="utf-8")
    r = run_cli(article, "--summarizer", str(DATA), "--translator", str(DATA), "-f", fmt, "-s", "--offline", **scripted)
    assert r.code == 0, r.err
    assert not LIVE.search(r.out), repr(LIVE.search(r.out))
    assert not LIVE.search(r.err)
    if fmt == "rich":
        assert "\x1b[" in r.out  # it really was styled output
        assert "[bold red]markup[/bold red]" in r.out and "[link=https://evil.example]" in r.out
    if fmt == "json":
        brief = json.loads(r.out)
        assert "[bold red]markup[/bold red]" in json.dumps(brief, ensure_ascii=False)


# --------------------------------------------------------------------------- interrupts and output files


def _spawn_on_pty(args: list[str], cwd: Path) -> tuple[subprocess.Popen[bytes], int]:
    """vnsum with stderr on a pseudo-terminal, so it shows its stages as a person would see them."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vnsum", *args], stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, cwd=cwd
    )
    os.close(slave)
    return proc, master


def _wait_for(master: int, proc: subprocess.Popen[bytes], text: str, timeout: float = 120) -> str:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        if text.encode() in seen:
            return seen.decode(errors="replace")
        if proc.poll() is not None:
            break
    raise AssertionError(f"never saw {text!r}: {seen[-500:]!r}")


def _drain(master: int) -> str:
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out.decode(errors="replace")


@pytest.mark.parametrize("stage", ["loading", "summarising"])
def test_ctrl_c_exits_130_with_one_line(stage: str, tiny: TinyModels, slow_recipe: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.txt"
    out.write_text("previous brief, must survive\n")
    engine = ["--engine", "transformers"] if stage == "loading" else []
    proc, master = _spawn_on_pty([str(SEED), "--recipe", str(slow_recipe), *engine, "-o", str(out)], tmp_path)
    try:
        _wait_for(master, proc, stage)
        time.sleep(0.3)
        assert proc.poll() is None
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        waited = time.monotonic() - start
        err = _drain(master)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert proc.returncode == 130
    assert waited < 10
    assert "vnsum: error: interrupted" in err and "Traceback" not in err
    assert out.read_text() == "previous brief, must survive\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")) == []


def test_output_file_is_atomic(tiny: TinyModels, run_cli, tmp_path: Path, bad_files: dict[str, str]) -> None:
    out = tmp_path / "brief.json"
    out.write_text("old")
    r = run_cli(bad_files["empty"], "-o", out)
    assert r.code == 1 and out.read_text() == "old"
    r = run_cli(SEED, "--recipe", tiny.recipe, "-f", "json", "-o", out)
    assert r.code == 0 and r.out == ""
    assert json.loads(out.read_text())["key_points"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_first_run_download_in_a_terminal(hub: Mirror, tmp_path: Path) -> None:
    """On a terminal the stage spinner steps aside for the download bars; the brief still comes out."""
    hub.slow["model.safetensors"] = 0.01
    proc, master = _spawn_on_pty(
        [str(SEED), "--summarizer", "vnsum-test/sum", "--translator", "vnsum-test/trans", "-f", "json"], tmp_path
    )
    chunks: list[bytes] = []

    def reader() -> None:  # keep the terminal's small buffer from filling and blocking vnsum
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    import threading

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        out, _ = proc.communicate(timeout=240)
        thread.join(timeout=5)
    finally:
        os.close(master)
    err = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 0, err
    assert "loading vnsum-test/sum" in err and "converting vnsum-test/sum" in err
    assert "Traceback" not in err and "LiveError" not in err
    assert json.loads(out)["models"]["summarizer"] == "vnsum-test/sum"
