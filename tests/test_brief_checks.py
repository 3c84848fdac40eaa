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
    ``summary`` (a list: its beam, best first); the translator returns, for each Vietnamese
    segment, the hypotheses in ``beams`` (best first), else the right translation from GOOD.
    ``calls`` counts the model calls."""

    name = "scripted"

    def __init__(self, model_id: str, summary: str | list[str] = SUMMARY_VI, beams: dict[str, list[str]] | None = None) -> None:
        self.model_id = model_id
        self.summaries = [summary] if isinstance(summary, str) else list(summary)
        self.summary = self.summaries[0]
        self.beams = beams or {}
        self.calls: list[str] = []

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def _hyps(self, text: str) -> list[str]:
        vi = text.removeprefix("vi: ").strip()
        return self.beams.get(vi) or [GOOD.get(vi, vi)]

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]:
        self.calls.append("generate")
        if self.model_id.endswith("summarizer"):
            return [self.summary for _ in batch]
        return [self._hyps(t)[0] for t in batch]

    def generate_nbest(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        self.calls.append("generate_nbest")
        if self.model_id.endswith("summarizer"):
            return [self.summaries[:n] for _ in batch]
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


# --------------------------------------------------------------------------- check-guided summary


def test_the_first_summary_the_article_supports_is_used_and_said(run_cli, article: Path, tiny: TinyModels) -> None:
    invented = "Năm 2021, doanh thu của công ty đạt 12.000 tỷ đồng tại Đà Nẵng."
    code, brief, err = _brief(run_cli, article, tiny, summary=[invented, SUMMARY_VI])
    assert code == 0, err
    assert brief["summary_vi"] == SUMMARY_VI and brief["checks"] == []
    assert any("summary is the beam's hypothesis 2" in n for n in brief["notes"])


def test_no_supported_summary_keeps_the_best_and_marks_its_values(run_cli, article: Path, tiny: TinyModels) -> None:
    bad = "Năm 2021, doanh thu của công ty đạt 12.000 tỷ đồng."
    worse = "Năm 2020, doanh thu của công ty đạt 9 tỷ đồng."
    good_en = "In 2021, the company's revenue reached 12 trillion dong."
    kw = {"summary": [bad, worse], "beams": {bad: [good_en]}}
    code, brief, err = _brief(run_cli, article, tiny, **kw)
    assert code == 0, err
    assert brief["summary_vi"] == bad and any("none of the beam's 2 summaries" in n for n in brief["notes"])
    flagged = [c for c in brief["checks"] if c["field"] == "summary_vi"]
    assert flagged and flagged[0]["value_en"] == "12 trillion dong"
    marks = {"plain": "12 trillion dong [check]", "markdown": "**12 trillion dong** ⚠", "rich": "12 trillion dong"}
    for fmt, mark in marks.items():
        r = run_cli(article, "--recipe", tiny.recipe, "-f", fmt, "-q", "--no-cache", "-n", "4", **_scripted(tiny, **kw))
        assert r.code == 0 and mark in r.out, fmt


def test_the_summary_choice_makes_no_extra_model_call(tiny: TinyModels) -> None:
    """One call of the summarizer whether or not the checks may choose (scripted engine)."""
    from vnsum.pipeline import Options, Pipeline

    calls = {}
    for nbest in (1, 4):
        services = _scripted(tiny, summary=["Năm 2020 doanh thu đạt 9 tỷ đồng.", SUMMARY_VI])
        with Pipeline(Options(recipe=str(tiny.recipe), nbest=nbest, overlap=False), **services) as p:  # type: ignore[arg-type]
            brief = p.summarize(ARTICLE)
            calls[nbest] = list(p.engine_for(p.recipe.summarizer).calls)  # type: ignore[attr-defined]
        assert brief.summary_vi == (SUMMARY_VI if nbest == 4 else "Năm 2020 doanh thu đạt 9 tỷ đồng.")
    assert calls == {1: ["generate"], 4: ["generate_nbest"]}


def test_tiny_models_summary_beam_costs_no_extra_generate_call(tiny: TinyModels) -> None:
    """The real engines on the tiny models: the summarizer is called once per brief with the
    choice (its beam's hypotheses) and once without."""
    from vnsum.pipeline import Options, Pipeline

    counts: dict[int, list[str]] = {}
    for nbest in (1, 4):
        seen: list[str] = []

        def factory(path: Path, ref: str, options: EngineOptions, notify=None, seen=seen):  # type: ignore[no-untyped-def]
            engine = load_engine(path, ref, options, notify)
            return _Counted(engine, seen, "summarizer" if ref == str(tiny.summarizer) else "translator")

        with Pipeline(Options(recipe=str(tiny.recipe), nbest=nbest, overlap=False), engine_factory=factory) as p:
            p.summarize(ARTICLE)
        counts[nbest] = [c for c in seen if c.startswith("summarizer")]
    assert len(counts[1]) == len(counts[4]) == 1, counts
    assert counts[4] == ["summarizer.generate_nbest"]


class _Counted:
    """A real engine with its model calls counted (a proxy, not a mock: the model still runs)."""

    def __init__(self, engine: object, seen: list[str], role: str) -> None:
        self._engine, self._seen, self._role = engine, seen, role

    def __getattr__(self, name: str) -> object:
        attr = getattr(self._engine, name)
        if name in ("generate", "generate_nbest"):

            def counted(*args: object, **kw: object) -> object:
                self._seen.append(f"{self._role}.{name}")
                return attr(*args, **kw)

            return counted
        return attr


# --------------------------------------------------------------------------- the glossary

SEED_GLOSSARY = (
    "# one entry for each name of the seed article\n"
    "Bình Dương\tBinh Duong Province\n"
    "Lê Xuân Định\tLe Xuan Dinh\n"
    "Mai Hùng Dũng\tMai Hung Dung\n"
    "Bộ Khoa học và công nghệ\tMinistry of Science and Technology\n"
    "Fablab\n"
)


def _ascii(text: str) -> str:
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


class GlossaryEngine(ScriptedEngine):
    """Scripted: each segment's beam is its Vietnamese without diacritics ("Binh Duong", a term
    left untranslated), "Fab Lab" for Fablab, and "Mr. Dung" for Mai Hùng Dũng (no rendering
    near it); where Lê Xuân Định occurs, a second hypothesis renders every term as given."""

    def _hyps(self, text: str) -> list[str]:
        vi = text.removeprefix("vi: ").strip()
        first = _ascii(vi).replace("Fablab", "Fab Lab").replace("Mai Hung Dung", "Mr. Dung")
        if "Lê Xuân Định" not in vi:
            return [first]
        honoured = _ascii(vi).replace("Binh Duong", "Binh Duong Province")
        honoured = honoured.replace("Bo Khoa hoc va cong nghe", "Ministry of Science and Technology")
        return [first, honoured.replace("Mai Hung Dung", "Mai Hung Dung")]


def test_every_glossary_entry_is_honoured_or_flagged_on_the_seed(run_cli, tiny: TinyModels, tmp_path: Path) -> None:
    from vnsum.checks import parse_glossary

    gloss = tmp_path / "names.tsv"
    gloss.write_text(SEED_GLOSSARY, encoding="utf-8")
    summary = SEED.read_text(encoding="utf-8").splitlines()[1]
    engines = {
        str(tiny.summarizer): GlossaryEngine(str(tiny.summarizer) + "/summarizer", summary=summary),
        str(tiny.translator): GlossaryEngine(str(tiny.translator)),
    }
    services = {"engine_factory": lambda path, ref, options, notify=None: engines[ref], "resolver": lambda ref, **kw: Path(ref)}
    r = run_cli(SEED, "--recipe", tiny.recipe, "-f", "json", "-q", "--no-cache", "--glossary", str(gloss), **services)
    assert r.code == 0, r.err
    brief = json.loads(r.out)
    glossary = parse_glossary(SEED_GLOSSARY)
    segments = [("headline_en", brief["headline_vi"], brief["headline_en"])] if brief.get("headline_vi") else []
    segments += [(f"key_points[{i}].text_en", k["text_vi"], k["text_en"]) for i, k in enumerate(brief["key_points"])]
    flagged = {(c["field"], c["value"]) for c in brief["checks"] if c["kind"] == "glossary"}
    honoured = seen = 0
    for name, vi, en in segments:
        for term in glossary.present(vi):
            seen += 1
            ok = glossary.rendered(term, en)
            honoured += ok
            assert ok or (name, term.vi) in flagged, (name, term.vi, en)
    assert seen and honoured and flagged  # both kinds happen
    assert any(n.startswith("glossary: ") for n in brief["notes"])  # a post-edit, said
    assert any("the glossary's terms" in n for n in brief["notes"])  # a hypothesis chosen for it


def test_a_bad_glossary_is_a_usage_error_naming_its_line(run_cli, article: Path, tiny: TinyModels, tmp_path: Path) -> None:
    gloss = tmp_path / "bad.tsv"
    gloss.write_text("Hà Nội\tHanoi\nBình Dương\tBinh\tDuong\n", encoding="utf-8")
    r = run_cli(article, "--recipe", tiny.recipe, "-q", "--no-cache", "--glossary", str(gloss), **_scripted(tiny))
    assert r.code == 2 and f"{gloss}:2: 3 columns" in r.err and r.err.count("\n") == 1
    r = run_cli("check", article, "--glossary", str(tmp_path / "missing.tsv"))
    assert r.code == 2 and "cannot read the glossary" in r.err


def test_vnsum_check_with_a_glossary(run_cli, tmp_path: Path) -> None:
    gloss = tmp_path / "g.tsv"
    gloss.write_text("Tô Lâm\tTo Lam\n", encoding="utf-8")
    data = tmp_path / "pairs.jsonl"
    lines = [{"vi": "Ông Tô Lâm phát biểu.", "en": "Mr. To Lam spoke."}, {"vi": "Ông Tô Lâm phát biểu.", "en": "Mr. Lam spoke."}]
    data.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    r = run_cli("check", data, "--glossary", gloss)
    results = [json.loads(x) for x in r.out.splitlines()]
    assert r.code == 5 and [x["ok"] for x in results] == [True, False]
    assert results[1]["problems"][0]["kind"] == "glossary" and results[1]["problems"][0]["expected"] == "To Lam"
    assert run_cli("check", data).code == 0  # without the glossary "Mr. Lam" is fine


def test_the_glossary_enters_the_cache_key_by_content(tiny: TinyModels, tmp_path: Path) -> None:
    from vnsum.cache import ResultCache
    from vnsum.pipeline import Options, Pipeline
    from vnsum.reading.source import Source

    gloss = tmp_path / "g.tsv"
    keys = []
    for text in ("Sao Mai\tSao Mai Corp\n", "Sao Mai\tSao Mai Corp\n", "Sao Mai\tMorning Star\n", None):
        if text is not None:
            gloss.write_text(text, encoding="utf-8")
        opts = Options(recipe=str(tiny.recipe), glossary=str(gloss) if text else None)
        with Pipeline(opts, cache=ResultCache(tmp_path / "c.db")) as p:
            src = Source(name="a", text=ARTICLE, encoding="utf-8")
            keys.append(p._cache_key(src, p.read(src)))
    assert keys[0] == keys[1] and len({keys[1], keys[2], keys[3]}) == 3


def test_a_recipe_names_its_glossary(tiny: TinyModels, tmp_path: Path) -> None:
    from vnsum.pipeline import Options, Pipeline

    (tmp_path / "g.tsv").write_text("Sao Mai\tSao Mai Corp\n", encoding="utf-8")
    recipe = tmp_path / "r.toml"
    recipe.write_text('glossary = "g.tsv"\n' + Path(tiny.recipe).read_text(encoding="utf-8"), encoding="utf-8")
    with Pipeline(Options(recipe=str(recipe))) as p:
        assert p.glossary is not None and p.glossary.terms[0].en == "Sao Mai Corp"


def test_vnsum_read_says_which_glossary_terms_the_article_holds(run_cli, article: Path, tmp_path: Path) -> None:
    gloss = tmp_path / "g.tsv"
    gloss.write_text("Lê Xuân Định\tLe Xuan Dinh\nTô Lâm\tTo Lam\n", encoding="utf-8")
    r = run_cli("read", article, "-f", "json", "--glossary", gloss)
    assert r.code == 0, r.err
    assert "glossary: 1 of its 2 terms occur in the article: Lê Xuân Định -> Le Xuan Dinh" in json.loads(r.out)["notes"]
