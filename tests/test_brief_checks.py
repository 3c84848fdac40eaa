"""The faithfulness checks inside a brief (JSON, plain, markdown, rich, --strict, n-best choice)
and the result cache around it (hit without models, misses, --no-cache, a damaged database).

The checks are driven by a scripted test engine (named as such): it returns chosen
hypotheses, which no random-weight model can be made to do. The cache tests use the
tiny real models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, TinyModels

from vnsum.engines import EngineOptions, GenerationSettings, load_engine

ARTICLE = """Doanh thu của Công ty Sao Mai tăng mạnh

Năm 2021, doanh thu của công ty đạt 10.000 tỷ đồng, tăng 5,66% so với năm trước.
Ông Lê Xuân Định, tổng giám đốc, cho biết công ty sẽ mở thêm 12 cửa hàng tại Hà Nội vào ngày 25/3/2022.
Các cửa hàng mới sẽ tuyển khoảng 300 nhân viên trong quý đầu tiên của năm.
Công ty cũng dự kiến xuất khẩu sang Nhật Bản và Hàn Quốc trong những năm tới.
"""

GOOD = {
    "Doanh thu của Công ty Sao Mai tăng mạnh": "Sao Mai Company's revenue rises sharply",
    "Năm 2021, doanh thu của công ty đạt 10.000 tỷ đồng, tăng 5,66% so với năm trước.": (
        "In 2021, the company's revenue reached 10 trillion dong, up 5.66% from the previous year."
    ),
    "Ông Lê Xuân Định, tổng giám đốc, cho biết công ty sẽ mở thêm 12 cửa hàng tại Hà Nội vào ngày 25/3/2022.": (
        "General director Le Xuan Dinh said the company would open 12 more stores in Hanoi on March 25, 2022."
    ),
    "Các cửa hàng mới sẽ tuyển khoảng 300 nhân viên trong quý đầu tiên của năm.": (
        "The new stores will hire about 300 employees in the first quarter of the year."
    ),
    "Công ty cũng dự kiến xuất khẩu sang Nhật Bản và Hàn Quốc trong những năm tới.": (
        "The company also plans to export to Japan and South Korea in the coming years."
    ),
}
SUMMARY_VI = "Năm 2021, doanh thu của công ty đạt 10.000 tỷ đồng, tăng 5,66% so với năm trước."


class ScriptedEngine:
    """A scripted test engine for the plumbing around the checks: the summarizer returns
    ``summary``; the translator returns, for each Vietnamese segment, the hypotheses in
    ``beams`` (best first), else the right translation from GOOD."""

    name = "scripted"

    def __init__(self, model_id: str, summary: str = SUMMARY_VI, beams: dict[str, list[str]] | None = None) -> None:
        self.model_id = model_id
        self.summary = summary
        self.beams = beams or {}

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def _hyps(self, text: str) -> list[str]:
        vi = text.removeprefix("vi: ").strip()
        return self.beams.get(vi) or [GOOD.get(vi, vi)]

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]:
        if self.model_id.endswith("summarizer"):
            return [self.summary for _ in batch]
        return [self._hyps(t)[0] for t in batch]

    def generate_nbest(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        return [self._hyps(t)[:n] for t in batch]


def _scripted(tiny: TinyModels, **kw: object) -> dict[str, object]:
    engines = {
        str(tiny.summarizer): ScriptedEngine(str(tiny.summarizer) + "/summarizer", **kw),  # type: ignore[arg-type]
        str(tiny.translator): ScriptedEngine(str(tiny.translator), **kw),
    }  # type: ignore[arg-type]
    return {
        "engine_factory": lambda path, ref, options, notify=None: engines[ref],
        "resolver": lambda ref, **kw: Path(ref),
    }


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "sao-mai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _brief(run_cli, article: Path, tiny: TinyModels, *extra: str, **kw: object) -> tuple[int, dict, str]:
    r = run_cli(article, "--recipe", tiny.recipe, "-f", "json", "-q", "--no-cache", "-n", "4", *extra, **_scripted(tiny, **kw))
    return r.code, (json.loads(r.out) if r.out.strip().startswith("{") else {}), r.err


def test_faithful_brief_has_no_problems(run_cli, article: Path, tiny: TinyModels) -> None:
    code, brief, err = _brief(run_cli, article, tiny)
    assert code == 0, err
    assert brief["checks"] == [] and brief["values_checked"] >= 10
    assert "check" in brief["timings"]
    plain = run_cli(article, "--recipe", tiny.recipe, "-f", "plain", "-q", "--no-cache", "-n", "4", **_scripted(tiny)).out
    assert "Checks" not in plain and "[check]" not in plain


def test_a_wrong_number_in_a_translation_is_reported_where_it_appears(run_cli, article: Path, tiny: TinyModels) -> None:
    sentence = "Các cửa hàng mới sẽ tuyển khoảng 300 nhân viên trong quý đầu tiên của năm."
    code, brief, err = _brief(run_cli, article, tiny, beams={sentence: ["The new stores will hire about 30 employees."]})
    assert code == 0, err
    index = next(i for i, k in enumerate(brief["key_points"]) if k["text_vi"] == sentence)
    problems = [c for c in brief["checks"] if c["field"] == f"key_points[{index}].text_en"]
    assert {(c["value"], c["problem"]) for c in problems} >= {
        ("300", "missing from the English"),
        ("30", "not in the Vietnamese"),
    }
    assert all(c["text_vi"] == sentence for c in problems)
    for fmt, mark in (("plain", "[check]"), ("markdown", "⚠"), ("rich", "⚠")):
        out = run_cli(
            article,
            "--recipe",
            tiny.recipe,
            "-f",
            fmt,
            "-q",
            "--no-cache",
            "-n",
            "4",
            **_scripted(tiny, beams={sentence: ["The new stores will hire about 30 employees."]}),
        ).out
        assert "Checks" in out and mark in out and "'300'" in out, fmt


def test_a_later_hypothesis_that_passes_is_used_and_said(run_cli, article: Path, tiny: TinyModels) -> None:
    sentence = "Ông Lê Xuân Định, tổng giám đốc, cho biết công ty sẽ mở thêm 12 cửa hàng tại Hà Nội vào ngày 25/3/2022."
    beams = {
        sentence: [
            "General director Le Xuan Dinh said the company would open 12 more stores in Hanoi on May 25, 2022.",
            GOOD[sentence],
        ]
    }
    code, brief, err = _brief(run_cli, article, tiny, beams=beams)
    assert code == 0, err
    point = next(k for k in brief["key_points"] if k["text_vi"] == sentence)
    assert point["text_en"] == GOOD[sentence]
    assert brief["checks"] == []
    assert any("hypothesis 2" in n for n in brief["notes"])


def test_an_invented_summary_value_is_not_in_the_article(run_cli, article: Path, tiny: TinyModels) -> None:
    invented = "Năm 2021, doanh thu của công ty đạt 12.000 tỷ đồng."
    code, brief, err = _brief(run_cli, article, tiny, summary=invented)
    assert code == 0, err
    assert any(
        c["field"] == "summary_vi" and c["problem"] == "not in the article" and "12.000" in c["value"] for c in brief["checks"]
    )


def test_strict_exits_5_after_writing_the_brief(run_cli, article: Path, tiny: TinyModels, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    code, _, err = _brief(run_cli, article, tiny, "--strict", "-o", str(out), summary="Năm 2020, doanh thu đạt 9 tỷ đồng.")
    assert code == 5 and "did not pass the checks" in err and err.count("\n") == 1
    assert json.loads(out.read_text())["checks"]
    code, _, _ = _brief(run_cli, article, tiny, "--strict", "-o", str(out))
    assert code == 0


def test_vnsum_check_on_jsonl(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "pairs.jsonl"
    lines = [
        {"vi": "Giá vàng tăng 5,66% trong tháng 3/2021.", "en": "Gold prices rose 5.66% in March 2021."},
        {"vi": "Giá vàng tăng 5,66% trong tháng 3/2021.", "en": "Gold prices rose 6.66% in May 2021."},
        {"article": ARTICLE, "summary": "Ông Định nói doanh thu đạt 10 nghìn tỷ đồng."},
    ]
    data.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    r = run_cli("check", data)
    results = [json.loads(x) for x in r.out.splitlines()]
    assert r.code == 5 and [x["ok"] for x in results] == [True, False, True]
    assert results[2]["kind"] == "summary" and results[1]["kind"] == "translation"
    data.write_text("not json\n", encoding="utf-8")
    r = run_cli("check", data)
    assert r.code == 1 and "error" in json.loads(r.out.splitlines()[0])
    assert run_cli("check", data, "-f", "rich").code == 1


# --------------------------------------------------------------------------- the result cache


def _counting(loads: list[str]):
    def factory(path: Path, ref: str, options: EngineOptions, notify=None):  # type: ignore[no-untyped-def]
        loads.append(ref)
        return load_engine(path, ref, options, notify)

    return factory


def test_a_repeated_brief_comes_from_the_cache_without_any_model(
    run_cli, tiny: TinyModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "cache"))
    loads: list[str] = []
    first = run_cli(SEED, "--recipe", tiny.recipe, "-f", "json", "-q", engine_factory=_counting(loads))
    assert first.code == 0 and len(loads) == 2
    second = run_cli(SEED, "--recipe", tiny.recipe, "-f", "json", "-q", engine_factory=_counting(loads))
    assert second.code == 0 and len(loads) == 2, "a cache hit loads no model"
    a, b = json.loads(first.out), json.loads(second.out)
    assert b["key_points"] == a["key_points"] and b["summary_en"] == a["summary_en"]
    assert any("result cache" in n for n in b["notes"])
    # every option that changes the brief is part of the key
    for extra in (["-n", "3"], ["--length", "short"], ["--no-cache"]):
        r = run_cli(SEED, "--recipe", tiny.recipe, "-f", "json", "-q", *extra, engine_factory=_counting(loads))
        assert r.code == 0 and not any("result cache" in n for n in json.loads(r.out)["notes"]), extra
    assert len(loads) == 2 + 3 * 2
    history = json.loads(run_cli("history", "-f", "json").out)
    assert len(history) >= 4


def test_an_edited_recipe_is_a_miss(run_cli, tiny: TinyModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(tmp_path / "cache"))
    recipe = tmp_path / "r.toml"
    recipe.write_text(tiny.recipe.read_text())
    assert run_cli(SEED, "--recipe", recipe, "-q").code == 0
    recipe.write_text(tiny.recipe.read_text().replace("num_beams = 2", "num_beams = 1", 1))
    r = run_cli(SEED, "--recipe", recipe, "-q", "-f", "json")
    assert r.code == 0 and not any("result cache" in n for n in json.loads(r.out)["notes"])


def test_a_damaged_cache_never_breaks_a_brief(run_cli, tiny: TinyModels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("VNSUM_CACHE_DIR", str(cache))
    (cache / "results.sqlite3").write_bytes(b"not a database" * 200)
    r = run_cli(SEED, "--recipe", tiny.recipe, "-q", "-f", "json")
    assert r.code == 0 and json.loads(r.out)["key_points"]
    assert "warning" in r.err and "cache" in r.err


def test_run_many_batches_and_matches_single_briefs(tiny: TinyModels, article: Path) -> None:
    """Several articles through one generate per stage give the briefs each gets alone;
    an unreadable article gets its error in its place."""
    from vnsum.errors import InputError
    from vnsum.pipeline import Options, Pipeline
    from vnsum.reading.source import Source, read_path

    calls: list[int] = []

    def counting(path, ref, options, notify=None):  # type: ignore[no-untyped-def]
        engine = load_engine(path, ref, options, notify)
        original = engine.generate

        def generate(batch, settings):  # type: ignore[no-untyped-def]
            calls.append(len(batch))
            return original(batch, settings)

        engine.generate = generate  # type: ignore[method-assign]
        return engine

    sources = [read_path(SEED), read_path(article), Source(name="english", text="Hello world. " * 40, encoding="utf-8")]
    with Pipeline(Options(recipe=str(tiny.recipe), overlap=False, nbest=1), engine_factory=counting) as p:
        together = p.run_many(sources)
        n_batched = len(calls)
        alone = [p.run(s) for s in sources[:2]]
    assert isinstance(together[2], InputError)
    assert n_batched == 2, "one summarizer call and one translator call for the whole batch"
    for a, b in zip(together[:2], alone):
        assert not isinstance(a, Exception)
        assert a.summary_vi == b.summary_vi and [k.text_vi for k in a.key_points] == [k.text_vi for k in b.key_points]
        assert [k.text_en for k in a.key_points] == [k.text_en for k in b.key_points]
