"""The rough edges of a first walk through the installed CLI (issue: install fix), and the hostile
cases of output paths, streams, signals and limits (issue: hostile world, round 2)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED, TinyModels
from test_robustness import _drain, _spawn_on_pty, _wait_for

MISSING_MODEL = "/nonexistent/model-dir"


def _vnsum(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vnsum", *args], capture_output=True, text=True, timeout=180, **kw)  # type: ignore[call-overload]


# --------------------------------------------------------------------------- -o checked first, never destroying


@pytest.mark.parametrize("target", ["missing-dir/brief.txt", "adir"])
def test_bad_output_is_refused_before_any_model_loads(run_cli, tmp_path: Path, target: str) -> None:
    (tmp_path / "adir").mkdir()
    r = run_cli(SEED, "--summarizer", MISSING_MODEL, "--translator", MISSING_MODEL, "-o", tmp_path / target)
    assert r.code == 2, r.err
    assert r.err.count("\n") == 1 and "cannot write" in r.err


def test_output_modes_follow_umask_and_existing_files(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.txt"
        assert run_cli(SEED, "--recipe", tiny.recipe, "-q", "-o", new).code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("x")
        kept.chmod(0o640)
        assert run_cli(SEED, "--recipe", tiny.recipe, "-q", "-o", kept).code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and "Key points" in kept.read_text()
    finally:
        os.umask(old)


def test_output_onto_an_input_is_refused_by_inode(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    link = tmp_path / "same.txt"
    os.link(article, link)
    for target in (article, link):
        r = run_cli(article, "--recipe", tiny.recipe, "-o", target)
        assert r.code == 2 and "input" in r.err
    assert article.read_bytes() == SEED.read_bytes()


def test_output_through_a_symlink_replaces_its_target(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run_cli(SEED, "--recipe", tiny.recipe, "-q", "-o", link).code == 0
    assert link.is_symlink() and "Key points" in real.read_text()


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_output_onto_a_device_writes_through_and_keeps_the_node(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert run_cli(SEED, "--recipe", tiny.recipe, "-q", "-o", node).code == 0
    assert stat.S_ISCHR(node.stat().st_mode)


def test_output_onto_a_socket_is_refused(run_cli, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    try:
        r = run_cli(SEED, "--summarizer", MISSING_MODEL, "-o", path)
    finally:
        s.close()
    assert r.code == 2 and "not a regular file" in r.err and stat.S_ISSOCK(path.stat().st_mode)


# --------------------------------------------------------------------------- streams and signals


def test_closed_stdout_is_a_usage_error_not_a_crash(tiny: TinyModels, tmp_path: Path) -> None:
    r = subprocess.run(
        f'"{sys.executable}" -m vnsum "{SEED}" --recipe "{tiny.recipe}" -q >&-',
        shell=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=180,
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "standard output is closed" in r.stderr


def test_reader_going_away_is_a_quiet_exit(tiny: TinyModels) -> None:
    r = subprocess.run(
        f'"{sys.executable}" -m vnsum models list -f plain | true; echo "rc=${{PIPESTATUS[0]}}"',
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert "rc=0" in r.stdout and r.stderr == ""


def test_sigterm_exits_143_with_one_line_and_no_temporary_file(slow_recipe: Path, tmp_path: Path) -> None:
    slow = slow_recipe
    out = tmp_path / "brief.txt"
    proc, master = _spawn_on_pty([str(SEED), "--recipe", str(slow), "-o", str(out)], tmp_path)
    try:
        _wait_for(master, proc, "summarising")
        time.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        err = _drain(master)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert proc.returncode == 143
    assert "vnsum: error: terminated" in err and "Traceback" not in err
    assert err.split("vnsum: error")[0].endswith("\x1b[2K"), "the spinner's line is erased before the error line"
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------- formats and messages


def test_several_inputs_each_start_with_their_source(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes(SEED.read_bytes())
    for fmt, mark in (("plain", "==> "), ("markdown", "# ")):
        r = run_cli(SEED, other, "--recipe", tiny.recipe, "-q", "-f", fmt)
        assert r.code == 0, r.err
        assert f"{mark}{SEED}" in r.out.replace("\\", "") and f"{mark}{other}" in r.out.replace("\\", "")


def test_rich_shows_the_whole_headline(tiny: TinyModels, run_cli) -> None:
    import io

    from vnsum.brief import Brief
    from vnsum.render import RenderOptions, render

    headline = "A very long English headline " * 6
    brief = Brief(
        source="x.txt",
        headline_vi="t",
        headline_en=headline.strip(),
        summary_vi="",
        summary_en="s",
        key_points=[],
        models={},
        recipe="r",
        engine="e",
    )
    buf = io.StringIO()
    render([brief], "rich", buf, RenderOptions(width=100))
    flat = " ".join(buf.getvalue().replace("│", " ").split())
    assert headline.strip() in flat


def test_unsupported_compute_type_is_a_usage_error(tiny: TinyModels, run_cli) -> None:
    r = run_cli(SEED, "--recipe", tiny.recipe, "--engine", "ctranslate2", "--compute-type", "float16", "--device", "cpu")
    assert r.code == 2 and "float16" in r.err and "supported here: " in r.err and "int8" in r.err


def test_size_limit_message_uses_units(run_cli, tmp_path: Path) -> None:
    r = run_cli("keypoints", SEED, "--max-bytes", "100")
    assert r.code == 1 and "100 bytes limit" in r.err and "--max-bytes" in r.err


@pytest.mark.parametrize("value", ["-2", "0", str(2**63)])
def test_max_bytes_is_validated_in_every_command(run_cli, value: str) -> None:
    for cmd in (["keypoints"], []):
        r = run_cli(*cmd, SEED, "--max-bytes", value)
        assert r.code == 2 and "--max-bytes" in r.err, (cmd, r.err)


def test_huge_max_bytes_allocates_nothing(run_cli) -> None:
    r = run_cli("keypoints", SEED, "--max-bytes", "1000000000000")
    assert r.code == 0, r.err


def test_models_alone_shows_its_help(run_cli) -> None:
    r = run_cli("models")
    assert "list" in r.out + r.err and "pull" in r.out + r.err and "Traceback" not in r.err


@pytest.mark.parametrize("name", ["nonsense!!", "", "/etc"])
def test_models_path_rejects_what_is_not_a_model(run_cli, name: str) -> None:
    r = run_cli("models", "path", name)
    assert r.code == 2 and "models pull" not in r.err, r.err


def test_models_list_does_not_cut_ids(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run_cli("models", "list", "default", "-f", "rich", width=80)
    assert "VietAI/vit5-base-vietnews-summarization" in r.out and "VietAI/envit5-translation" in r.out


def test_keypoints_renders_every_format(run_cli) -> None:
    for fmt in ("plain", "markdown", "rich", "json"):
        r = run_cli("keypoints", SEED, "-f", fmt, "-n", "2")
        assert r.code == 0 and r.out.strip(), (fmt, r.err)
    assert json.loads(run_cli("keypoints", SEED, "-f", "json", "-n", "2").out)["key_points"]


def test_library_errors_speak_python_and_the_cli_speaks_flags(run_cli) -> None:
    from vnsum.errors import InputError
    from vnsum.pipeline import Options, Pipeline

    english = "This is an English text about the weather in London and nothing else at all. " * 5
    with Pipeline(Options(summarizer=MISSING_MODEL, translator=MISSING_MODEL)) as p, pytest.raises(InputError) as info:
        p.summarize(english)
    assert "force=True" in str(info.value) and "--force" not in str(info.value)
    r = run_cli("-", "--summarizer", MISSING_MODEL, stdin=english.encode())
    assert r.code == 1 and "--force" in r.err and "force=True" not in r.err


def test_fewer_key_points_are_explained(tiny: TinyModels, run_cli) -> None:
    r = run_cli(SEED, "--recipe", tiny.recipe, "-n", "50", "-f", "json", "-q")
    assert r.code == 0
    warning = json.loads(r.out)["warnings"][0]
    assert warning.startswith("only ") and ("repeat too much" in warning or "body sentence(s)" in warning)
    plain = run_cli(SEED, "--recipe", tiny.recipe, "-n", "50", "-f", "plain", "-q").out
    assert f"Warning: {warning}" in plain


def test_a_full_disk_is_one_line_and_exit_74(tiny: TinyModels) -> None:
    for redirect in ("-o /dev/full", "> /dev/full"):
        r = subprocess.run(
            f'"{sys.executable}" -m vnsum "{SEED}" --recipe "{tiny.recipe}" -q --no-cache {redirect}',
            shell=True,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert r.returncode == 74, (redirect, r.stderr)
        assert r.stderr.count("\n") == 1 and "No space left on device" in r.stderr, (redirect, r.stderr)


@pytest.mark.parametrize("args", [["--summarizer", ""], ["--translator", " "]])
def test_empty_model_ids_are_usage_errors(run_cli, args: list[str]) -> None:
    r = run_cli(SEED, *args)
    assert r.code == 2 and "empty model id" in r.err


def test_models_list_with_an_empty_id_is_a_usage_error(run_cli) -> None:
    r = run_cli("models", "list", "")
    assert r.code == 2 and "empty model id" in r.err
