"""Recipes: the shipped ones load, broken ones say which file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnsum.errors import RecipeError
from vnsum.recipes import load_recipe, parse_recipe, shipped_recipes


def test_shipped_recipes() -> None:
    assert {"default", "fast", "quality"} <= set(shipped_recipes())
    default = load_recipe("default")
    assert default.summarizer.model == "VietAI/vit5-base-vietnews-summarization"
    assert default.summarizer.prefix == ""
    assert default.translator.model == "VietAI/envit5-translation"
    assert default.translator.prefix == "vi: " and default.translator.strip_output_prefix == "en: "
    assert load_recipe("fast").translator.model == "Helsinki-NLP/opus-mt-vi-en"
    quality = load_recipe("quality")
    assert quality.summarizer.model == "VietAI/vit5-large-vietnews-summarization"
    assert quality.summarizer.prefix == "vietnews: "
    short, long = default.summarizer.settings("short"), default.summarizer.settings("long")
    assert short.max_new_tokens < long.max_new_tokens


@pytest.mark.parametrize(
    "text, field",
    [
        ('[summarizer]\nmodel = "a"\n', "translator"),
        ('[summarizer]\nmodel = "a"\nnum_beams = "four"\n[translator]\nmodel = "b"\n', "num_beams"),
        ('[summarizer]\nmodel = "a"\nbeams = 4\n[translator]\nmodel = "b"\n', "beams"),
        ('[summarizer]\n[translator]\nmodel = "b"\n', "model"),
        ('[summarizer]\nmodel = "a"\n[summarizer.length.huge]\nmax_new_tokens = 9\n[translator]\nmodel = "b"\n', "huge"),
        ("[summarizer\nmodel = 1", "TOML"),
    ],
)
def test_malformed_recipe_names_field(text: str, field: str) -> None:
    with pytest.raises(RecipeError, match=field) as info:
        parse_recipe(text, "my.toml")
    assert "my.toml" in str(info.value)


def test_unknown_recipe_and_file(tmp_path: Path) -> None:
    with pytest.raises(RecipeError, match="unknown recipe 'nope'"):
        load_recipe("nope")
    with pytest.raises(RecipeError, match="not found"):
        load_recipe(str(tmp_path / "missing.toml"))


def test_shipped_recipes_resolve_from_any_directory(tmp_path, monkeypatch):
    """Shipped recipes come from the installed package data, not the working directory."""
    from vnsum.recipes import load_recipe, shipped_recipes

    monkeypatch.chdir(tmp_path)
    assert {"default", "fast", "quality"} <= set(shipped_recipes())
    for name in ("default", "fast", "quality"):
        recipe = load_recipe(name)
        assert recipe.name == name and recipe.summarizer.model and recipe.translator.model
    assert load_recipe("default").translator.model == "VietAI/envit5-translation"
