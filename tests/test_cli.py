"""End to end through the CLI on tiny real models: structure, provenance, formats, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, TinyModels

from vnsum.text import parse_article

ANSI = re.compile(r"\x1b[\[\]PX^_]|[\x80-\x9f]")


def _models(tiny: TinyModels, translator: Path | None = None) -> list[str]:
    return ["--summarizer", str(tiny.summarizer), "--translator", str(translator or tiny.translator)]


def check_provenance(brief: dict, text: str, points: int = 5) -> None:
    art = parse_article(text)
    by_index = {p.index: p for p in art.paragraphs}
    assert len(brief["key_points"]) == points
    for kp in brief["key_points"]:
        para = by_index[kp["paragraph"]]
        assert para.kind in ("lead", "body"), kp
        assert para.sentences[kp["sentence"]] == kp["text_vi"]
        assert para.line == kp["line"]
        assert kp["text_en"].strip()
    seen = [(k["paragraph"], k["sentence"]) for k in brief["key_points"]]
    assert seen == sorted(seen)


def test_seed_json_end_to_end(tiny: TinyModels, run_cli) -> None:
    r = run_cli(SEED, *_models(tiny), "--format", "json")
    assert r.code == 0, r.err
    brief = json.loads(r.out)
    text = SEED.read_text(encoding="utf-8")
    check_provenance(brief, text)
    assert brief["headline_vi"] == text.splitlines()[0]
    assert brief["headline_en"]
    assert brief["summary_vi"] and brief["summary_en"]
    assert {k: v for k, v in brief["models"].items() if not k.endswith("_revision")} == {
        "summarizer": str(tiny.summarizer),
        "translator": str(tiny.translator),
    }
    assert brief["models"]["summarizer_revision"] and brief["models"]["translator_revision"]
    captions_and_byline = {text.splitlines()[i] for i in (3, 6, 8)}
    assert not captions_and_byline & {k["text_vi"] for k in brief["key_points"]}
    assert {"segment", "summarize", "select", "translate"} <= set(brief["timings"])
    assert brief["vnsum_version"]


def test_stdin_dash_and_pipe_give_same_brief(tiny: TinyModels, run_cli) -> None:
    data = SEED.read_bytes()
    from_file = json.loads(run_cli(SEED, *_models(tiny), "-f", "json").out)
    dash = run_cli("-", *_models(tiny), "-f", "json", stdin=data)
    piped = run_cli(*_models(tiny), "-f", "json", stdin=data)
    assert dash.code == 0 and piped.code == 0, dash.err + piped.err
    for r in (dash, piped):
        brief = json.loads(r.out)
        assert brief["source"] == "<stdin>"
        assert brief["key_points"] == from_file["key_points"]


def test_points_and_show_source_plain(tiny: TinyModels, run_cli) -> None:
    r = run_cli(SEED, *_models(tiny), "--points", "3", "--show-source", "-f", "plain")
    assert r.code == 0, r.err
    assert not ANSI.search(r.out)
    assert r.out.count("   vi: ") == 3
    assert "Key points:" in r.out and "3. " in r.out and "4. " not in r.out


def test_plain_is_default_when_piped_and_markdown_renders(tiny: TinyModels, run_cli) -> None:
    plain = run_cli(SEED, *_models(tiny))
    assert plain.code == 0 and not ANSI.search(plain.out) and plain.out.startswith(plain.out.split("\n")[0])
    md = run_cli(SEED, *_models(tiny), "-f", "markdown", "-s")
    assert md.code == 0
    assert md.out.startswith("# ")
    assert "## Summary" in md.out and "## Key points" in md.out
    assert len(re.findall(r"^\d\. ", md.out, re.M)) == 5
    assert len(re.findall(r"^   > ", md.out, re.M)) == 5


def test_rich_format(tiny: TinyModels, run_cli) -> None:
    r = run_cli(SEED, *_models(tiny), "-f", "rich", "-s")
    assert r.code == 0
    assert "Key points" in r.out and "Summary" in r.out


def test_several_files_in_order(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text((Path(SEED).parent / "extra_vi.txt").read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli(SEED, other, *_models(tiny), "-f", "json", "-n", "2")
    assert r.code == 0, r.err
    briefs = json.loads(r.out)
    assert [b["source"] for b in briefs] == [str(SEED), str(other)]


def test_fast_recipe_with_marian(tiny: TinyModels, run_cli) -> None:
    r = run_cli(SEED, "--recipe", "fast", *_models(tiny, tiny.marian), "-f", "json")
    assert r.code == 0, r.err
    check_provenance(json.loads(r.out), SEED.read_text(encoding="utf-8"))


def test_recipe_file_and_length(tiny: TinyModels, run_cli) -> None:
    short = json.loads(run_cli(SEED, "--recipe", tiny.recipe, "--length", "short", "-f", "json").out)
    assert short["recipe"] == "tiny"
    check_provenance(short, SEED.read_text(encoding="utf-8"))


def test_long_article_is_chunked_when_the_recipe_asks(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    recipe = tmp_path / "small-budget.toml"
    text = tiny.recipe.read_text(encoding="utf-8").replace(
        "max_input_tokens = 1024", 'max_input_tokens = 120\nlong_input = "chunk"'
    )
    recipe.write_text(text, encoding="utf-8")
    r = run_cli(SEED, "--recipe", recipe, "-f", "json")
    assert r.code == 0, r.err
    brief = json.loads(r.out)
    assert brief["chunks"] > 1
    assert any(n.startswith("chunked: ") for n in brief["notes"])


def test_one_huge_sentence_still_gets_a_brief(tiny: TinyModels, run_cli, tmp_path: Path) -> None:
    words = SEED.read_text(encoding="utf-8").replace(".", " ").replace("\n", " ").split()
    huge = tmp_path / "huge.txt"
    huge.write_text(" ".join(words * 10)[:20000], encoding="utf-8")
    r = run_cli(huge, "--recipe", tiny.recipe, "-f", "json", "-n", "1")
    assert r.code == 0, r.err
    brief = json.loads(r.out)
    # the summarizer reads the head that fits, cut between words; what it left out is named
    assert brief["summary_vi"] and brief["chunks"] == 1
    assert any(w.startswith("not in the summary: ") for w in brief["warnings"])


@pytest.mark.parametrize(
    "args, stdin, code, message",
    [
        (["{empty}"], None, 1, "empty"),
        (["{blank}"], None, 1, "empty"),
        (["{binary}"], None, 1, "NUL"),
        (["{latin}"], None, 1, "cannot decode"),
        (["/nonexistent/article.txt"], None, 1, "no such file"),
        (["{dir}"], None, 1, "directory"),
        (["{seed}", "--points", "0"], None, 2, "--points"),
        (["{seed}", "--points", "-1"], None, 2, "--points"),
        (["{seed}", "--points", "1000"], None, 2, "--points"),
        (["{seed}", "--recipe", "nope"], None, 2, "unknown recipe"),
        (["{seed}", "--format", "xml"], None, 2, "--format"),
        (["{seed}", "--no-such-option"], None, 2, "no-such-option"),
        ([], b"", 1, "empty"),
    ],
    ids=[
        "empty",
        "whitespace",
        "binary",
        "undecodable",
        "missing",
        "directory",
        "points0",
        "points-1",
        "points1000",
        "recipe",
        "format",
        "option",
        "empty-stdin",
    ],
)
def test_bad_input_exit_codes(run_cli, tmp_path: Path, args: list[str], stdin: bytes | None, code: int, message: str) -> None:
    files = {
        "empty": b"",
        "blank": b"  \n\n\t  \n",
        "binary": b"Xin chao\x00\x00\x01\x02 binary",
        "latin": bytes(range(0x80, 0x100)) * 3,
    }
    paths = {"seed": str(SEED), "dir": str(tmp_path)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths[name] = str(tmp_path / name)
    r = run_cli(*[a.format(**paths) for a in args], stdin=stdin)
    assert r.code == code
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.err
    assert "Traceback" not in r.err


def test_bare_vnsum_on_a_terminal_prints_usage(run_cli) -> None:
    r = run_cli(tty=True)
    assert r.code == 2
    assert "Usage: vnsum" in r.err and r.out == ""


def test_missing_default_model_offline_is_one_line(run_cli) -> None:
    r = run_cli(SEED, "--offline")
    assert r.code == 3
    lines = r.err.strip().splitlines()
    assert len(lines) == 1
    assert "VietAI/vit5-base-vietnews-summarization" in lines[0] and "vnsum models pull" in lines[0]


def test_missing_local_model_dir(run_cli, tmp_path: Path) -> None:
    r = run_cli(SEED, "--summarizer", str(tmp_path / "nope"))
    assert r.code == 3 and "nope" in r.err and len(r.err.strip().splitlines()) == 1


def _run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vnsum", *args], input=stdin, capture_output=True, env={**os.environ, **(env or {})}, timeout=120
    )


def test_help_and_version_do_not_import_heavy_libraries() -> None:
    code = (
        "import sys, vnsum.cli\n"
        "try:\n    vnsum.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'transformers', 'ctranslate2', 'huggingface_hub', 'ray', 'feedparser', 'rouge_score', 'sklearn', 'scipy') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert "HEAVY []" in out and "--points" in out
    proc = _run("--version")  # its start-up time: benchmarks/bench_limits.py
    assert proc.returncode == 0 and proc.stdout.decode().startswith("vnsum ")


def test_real_entry_point_end_to_end(tiny: TinyModels) -> None:
    proc = _run("-", *_models(tiny), "-f", "json", stdin=SEED.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    check_provenance(json.loads(proc.stdout), SEED.read_text(encoding="utf-8"))


def test_python_api_pipeline_reuses_models(tiny: TinyModels) -> None:
    import vnsum

    pipeline = vnsum.Pipeline(vnsum.Options(recipe=str(tiny.recipe), points=2))
    text = SEED.read_text(encoding="utf-8")
    first = pipeline.summarize(text, name="seed")
    engines = dict(pipeline._engines)
    second = pipeline.summarize(text, name="again")
    assert pipeline._engines == engines  # loaded once
    assert first.key_points == second.key_points and second.source == "again"
    assert isinstance(first, vnsum.Brief) and len(first.key_points) == 2
    direct = vnsum.summarize(text, recipe=str(tiny.recipe), points=2)
    assert [k.text_vi for k in direct.key_points] == [k.text_vi for k in first.key_points]


def test_keypoints_on_a_terminal_prints_usage(run_cli) -> None:
    r = run_cli("keypoints", tty=True)
    assert r.code == 2 and "Usage" in r.err
