"""Each model gets the input conventions of its training data; the user sees the article as written."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED, TinyModels

from vnsum import chunk, postprocess
from vnsum.checks.norm import vnorm
from vnsum.engines import EngineOptions, GenerationSettings, load_engine
from vnsum.errors import RecipeError
from vnsum.pipeline import Options, Pipeline
from vnsum.recipes import load_recipe, parse_recipe
from vnsum.text import clean_text, fold_tone_placement, place_tone_marks, tone_style

SECOND = "hoà hoá toà khoẻ thuỷ huỷ nguỵ luỹ Uỷ Hoà Bình Thanh Hoá HOÀ"
FIRST = "hòa hóa tòa khỏe thủy hủy ngụy lũy Ủy Hòa Bình Thanh Hóa HÒA"


def test_tone_placement_both_ways() -> None:
    assert place_tone_marks(FIRST, "oà") == SECOND
    assert place_tone_marks(SECOND, "òa") == FIRST
    assert place_tone_marks(FIRST, "keep") == FIRST
    # one placement only: closed syllables, oai/uyê, qu- + y, other diphthongs
    fixed = "hoàng toán ngoài thuyết quý quỹ khuya của mùa hoặc"
    for style in ("oà", "òa"):
        assert place_tone_marks(fixed, style) == fixed
        assert len(place_tone_marks(FIRST + " " + SECOND, style)) == len(FIRST + " " + SECOND)
    assert place_tone_marks(unicodedata.normalize("NFD", FIRST), "oà") == SECOND
    with pytest.raises(ValueError):
        place_tone_marks("x", "ò-a")


def test_one_fold_for_every_comparison() -> None:
    """checks.norm and the text stage fold the same way (they used to fold to opposite forms)."""
    for a, b in zip(FIRST.split(), SECOND.split()):
        assert fold_tone_placement(a) == fold_tone_placement(b) == vnorm(a) == vnorm(b)


def test_cleaning_keeps_the_articles_spelling() -> None:
    assert clean_text("Tỉnh ủy Khánh Hòa") == "Tỉnh ủy Khánh Hòa"
    assert clean_text("Tỉnh uỷ Khánh Hoà") == "Tỉnh uỷ Khánh Hoà"
    assert tone_style("Tỉnh ủy Khánh Hòa, hoà") == "òa"
    assert tone_style("không có") == "keep"


def test_shipped_recipes_say_each_models_placement() -> None:
    for name in ("default", "quality", "fast"):
        recipe = load_recipe(name)
        assert recipe.summarizer.tone_marks == "oà"  # vietnews: second vowel, 98.7% of 20,465
        assert recipe.summarizer.long_input == "truncate"
        assert recipe.summarizer.generation.no_repeat_ngram_size == 0
        long_min, _ = recipe.summarizer.lengths["long"]
        assert long_min <= 41  # the reference summaries' median; their 90th percentile is 57-59
    assert load_recipe("default").translator.tone_marks == "oà"  # PhoMT test.vi: 1,083 of 1,084
    assert load_recipe("fast").translator.tone_marks == "keep"  # Marian: its training text is not published here
    assert load_recipe("default").summarizer.model_input("Tỉnh ủy") == "Tỉnh uỷ"
    assert load_recipe("quality").summarizer.model_input("Hòa") == "vietnews: Hoà"


def _recipe(tiny: TinyModels, tmp_path: Path, extra_sum: str = "", extra_tr: str = "", max_input: int = 1024) -> Path:
    text = tiny.recipe.read_text(encoding="utf-8").replace("max_input_tokens = 1024", f"max_input_tokens = {max_input}")
    text = text.replace("[summarizer]\n", f"[summarizer]\n{extra_sum}\n").replace("[translator]\n", f"[translator]\n{extra_tr}\n")
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    return path


class Recording:
    """A real tiny engine that remembers what it was given (the boundary under test)."""

    def __init__(self, inner: Any, seen: list[str]) -> None:
        self.inner, self.seen = inner, seen
        self.name, self.model_id = inner.name, inner.model_id
        self.device = getattr(inner, "device", "cpu")

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def generate(self, batch: list[str], settings: GenerationSettings) -> list[str]:
        self.seen.extend(batch)
        return self.inner.generate(batch, settings)

    def generate_nbest(self, batch: list[str], settings: GenerationSettings, n: int) -> list[list[str]]:
        self.seen.extend(batch)
        return self.inner.generate_nbest(batch, settings, n)


def _run(recipe: Path) -> tuple[Any, dict[str, list[str]]]:
    seen: dict[str, list[str]] = {}

    def factory(path: Path, ref: str, options: EngineOptions, notify: Any) -> Any:
        return Recording(load_engine(path, ref, options, notify), seen.setdefault(ref, []))

    with Pipeline(Options(recipe=str(recipe), overlap=False, quiet=True, offline=True), engine_factory=factory) as p:
        brief = p.summarize(SEED.read_text(encoding="utf-8"))
    return brief, seen


def test_models_see_their_placement_users_see_the_articles(tiny: TinyModels, tmp_path: Path) -> None:
    """The seed article writes "Tỉnh ủy", "Ủy ban": the summarizer and translator trained on "uỷ"
    are given "Tỉnh uỷ", "Uỷ ban"; the brief's Vietnamese is the article's."""
    brief, seen = _run(_recipe(tiny, tmp_path, 'tone_marks = "oà"', 'tone_marks = "oà"'))
    article = SEED.read_text(encoding="utf-8")
    assert "Tỉnh ủy" in article and "Tỉnh uỷ" not in article
    for ref in (str(tiny.summarizer), str(tiny.translator)):
        sent = " ".join(seen[ref])
        assert "Tỉnh uỷ" in sent or "Uỷ ban" in sent
        assert "Tỉnh ủy" not in sent and "Ủy ban" not in sent
    shown = " ".join(k.text_vi for k in brief.key_points)
    assert "uỷ" not in shown.lower() and ("ủy" in shown.lower() or "Ủy" in shown)
    assert brief.models["summarizer_revision"] and brief.models["translator_revision"]


def test_long_input_truncates_by_default_and_chunks_on_request(tiny: TinyModels, tmp_path: Path) -> None:
    brief, seen = _run(_recipe(tiny, tmp_path, max_input=96))
    assert len(seen[str(tiny.summarizer)]) == 1  # the head, once: the authors' practice
    assert any("not in the summary" in w and "head" in w for w in brief.warnings)
    assert len(brief.key_points) == 5  # still chosen from the whole article
    brief, seen = _run(_recipe(tiny, tmp_path, 'long_input = "chunk"', max_input=96))
    assert len(seen[str(tiny.summarizer)]) > 1
    assert any("chunked" in n for n in brief.notes)


def test_head_names_what_it_leaves_out() -> None:
    count = lambda texts: [len(t.split()) + 1 for t in texts]  # noqa: E731
    sentences = ["một hai ba.", "bốn năm sáu bảy.", "tám chín.", "mười."]
    h = chunk.head(sentences, count, 10)
    assert h.text == "một hai ba. bốn năm sáu bảy." and h.dropped == ["tám chín.", "mười."]
    assert chunk.head(sentences, count, 100).dropped == []
    long = chunk.head(["a " * 50], count, 10)
    assert long.text and count([long.text])[0] <= 10 and long.dropped


def test_repetition_is_cut_without_banning_names() -> None:
    text = "Bị cáo Tuyết bị bắt. Bị cáo Tuyết khai nhận hành vi. Bị cáo Tuyết bị bắt."
    assert postprocess.drop_repeated_sentences(text) == "Bị cáo Tuyết bị bắt. Bị cáo Tuyết khai nhận hành vi."
    assert postprocess.collapse_runs("dự án cho biết dự án cho biết dự án sẽ xong") == "dự án cho biết dự án sẽ xong"
    assert postprocess.collapse_runs("người phụ nữ và người phụ nữ") == "người phụ nữ và người phụ nữ"
    assert postprocess.summary_text("Hoà bình. Hoà bình.", "Khánh Hòa, hòa bình.") == "Hòa bình."


@pytest.mark.parametrize(
    "field, value",
    [("tone_marks", '"oa"'), ("long_input", '"summarise"'), ("revision", '"a b"'), ("revision", "3")],
)
def test_recipe_conventions_are_validated(field: str, value: str) -> None:
    text = f'[summarizer]\nmodel = "m"\n{field} = {value}\n[translator]\nmodel = "t"\n'
    with pytest.raises(RecipeError, match=field):
        parse_recipe(text, "x.toml")


def test_recipe_may_pin_a_revision() -> None:
    commit = "0" * 40
    recipe = parse_recipe(f'[summarizer]\nmodel = "m"\nrevision = "{commit}"\n[translator]\nmodel = "t"\n', "x.toml")
    assert recipe.summarizer.revision == commit and recipe.translator.revision is None


def test_vnsum_read_shows_the_articles_spelling(run_cli, tmp_path: Path) -> None:
    """`vnsum read` used to rewrite "hoà" to "hòa"; the article's own placement, either one, now stays."""
    article = tmp_path / "a.txt"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    text = "\n".join([lines[0], *lines[1:], "Ủy ban tỉnh Khánh Hoà cho biết chính sách hoà giải được thông qua."])
    article.write_text(text, encoding="utf-8")
    r = run_cli("read", article, "-f", "json")
    assert r.code == 0, r.err
    assert "Khánh Hoà" in r.out and "hoà giải" in r.out and "Tỉnh ủy" in r.out
    assert "Khánh Hòa" not in r.out and "Tỉnh uỷ" not in r.out
