"""Load and validate model recipes (``prompts/*.toml``).

A recipe says which model does each step, how to prompt it and how to decode.
Errors name the file and the field, because users write their own recipes.

Every numeric value has a range (``RANGES``, inclusive): num_beams 1..16,
max_new_tokens 1..2048, min_new_tokens 0..2048, max_input_tokens 1..8192,
max_batch_size 1..256, max_batch_tokens 0..65536 (0: no token bound), no_repeat_ngram_size 0..10, length_penalty and
repetition_penalty finite numbers in 0..10. A value outside its range is a recipe
error (exit 2) naming the field and the range.

Input conventions, per model, chosen from what the model was trained on: ``tone_marks``
(``"oà"``, ``"òa"`` or ``"keep"``: where the tone mark of "hoà"/"hòa" goes in the text sent to the
model; the user always sees the article's own), ``long_input`` (``"truncate"``: the head of a long
article, as the authors trained; ``"chunk"``: summarise parts, then the parts) and ``revision``
(a hub commit, branch or tag to load instead of ``main``).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vnsum.engines import GenerationSettings
from vnsum.errors import RecipeError
from vnsum.text.clean import TONE_STYLES, place_tone_marks

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LENGTHS = ("short", "medium", "long")
_GEN_FIELDS = {f.name: f.type for f in fields(GenerationSettings)}
# Inclusive ranges of every numeric recipe value (checked here, listed in the docs).
RANGES: dict[str, tuple[int | float, int | float]] = {
    "num_beams": (1, 16),
    "max_new_tokens": (1, 2048),
    "min_new_tokens": (0, 2048),
    "max_input_tokens": (1, 8192),
    "max_batch_size": (1, 256),
    "max_batch_tokens": (0, 65536),
    "no_repeat_ngram_size": (0, 10),
    "length_penalty": (0.0, 10.0),
    "repetition_penalty": (0.0, 10.0),
}
#: ``long_input`` values: keep the head that fits (the authors' practice), or summarise in parts.
LONG_INPUT = ("truncate", "chunk")
_CHOICES: dict[str, tuple[str, ...]] = {"tone_marks": TONE_STYLES, "long_input": LONG_INPUT}
_STEP_KEYS = {"model", "prefix", "strip_output_prefix", "length", "revision"} | set(_GEN_FIELDS) | set(_CHOICES)


@dataclass(frozen=True)
class Step:
    """One model's part of a recipe."""

    model: str
    prefix: str
    strip_output_prefix: str
    generation: GenerationSettings
    lengths: dict[str, tuple[int, int]]
    #: Tone-mark placement of the text this model is given (``TONE_STYLES``).
    tone_marks: str = "keep"
    #: What to do with an input longer than ``max_input_tokens`` (``LONG_INPUT``).
    long_input: str = "truncate"
    #: The model repository's revision to load (None: ``main``).
    revision: str | None = None

    def model_input(self, text: str) -> str:
        """What this model is given for ``text``: its prefix, and the tone placement it was trained on."""
        return self.prefix + place_tone_marks(text, self.tone_marks)

    def settings(self, length: str | None = None) -> GenerationSettings:
        """Decoding settings, with ``length``'s (min, max) new tokens when the step defines it."""
        if length and length in self.lengths:
            lo, hi = self.lengths[length]
            return replace(self.generation, min_new_tokens=lo, max_new_tokens=hi)
        return self.generation


@dataclass(frozen=True)
class Recipe:
    name: str
    description: str
    #: Where it came from (a shipped name or a file path), for messages.
    source: str
    summarizer: Step
    translator: Step
    #: The TOML text itself: part of the result cache's key, so an edited recipe is a miss.
    text: str = ""
    #: ``glossary = "path"``: the reader's glossary (``vnsum.checks.glossary``), relative to the recipe file.
    glossary: str = ""


def _shipped() -> dict[str, Traversable]:
    """Shipped recipes by name: the ``prompts/`` folder, installed as package data ``vnsum.prompts``.

    Read through ``importlib.resources`` only: in a wheel, an sdist or an editable
    install the folder may be a namespace package (a ``MultiplexedPath``), a zip or a
    mapped directory, never reliably a plain path.
    """
    try:
        root = resources.files("vnsum.prompts")
    except ModuleNotFoundError:  # pragma: no cover  (a broken install)
        return {}
    return {item.name[: -len(".toml")]: item for item in root.iterdir() if item.name.endswith(".toml") and item.is_file()}


def shipped_recipes() -> list[str]:
    """Names of the recipes that come with vnsum."""
    return sorted(_shipped())


def _check_int(where: str, key: str, value: Any) -> int:
    lo, hi = RANGES[key]
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise RecipeError(f"{where}: field '{key}' must be an integer from {lo} to {hi}, got {value!r}")
    return value


def _check_float(where: str, key: str, value: Any) -> float:
    lo, hi = RANGES[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not lo <= value <= hi:
        raise RecipeError(f"{where}: field '{key}' must be a number from {lo:g} to {hi:g}, got {value!r}")
    return float(value)


def _parse_step(data: Any, where: str) -> Step:
    if not isinstance(data, dict):
        raise RecipeError(f"{where}: must be a table")
    unknown = sorted(set(data) - _STEP_KEYS)
    if unknown:
        raise RecipeError(f"{where}: unknown field '{unknown[0]}'")
    model = data.get("model")
    if not isinstance(model, str) or not model.strip():
        raise RecipeError(f"{where}: field 'model' is required (a Hugging Face model id or a directory)")
    for key in ("prefix", "strip_output_prefix"):
        if not isinstance(data.get(key, ""), str):
            raise RecipeError(f"{where}: field '{key}' must be a string")
    for key, allowed in _CHOICES.items():
        if key in data and data[key] not in allowed:
            raise RecipeError(f"{where}: field '{key}' must be one of {', '.join(map(repr, allowed))}, got {data[key]!r}")
    revision = data.get("revision")
    if revision is not None and (not isinstance(revision, str) or not revision.strip() or any(c.isspace() for c in revision)):
        raise RecipeError(f"{where}: field 'revision' must be a commit, branch or tag (no spaces), got {revision!r}")
    gen: dict[str, Any] = {}
    for key, typ in _GEN_FIELDS.items():
        if key not in data:
            continue
        value = data[key]
        gen[key] = _check_int(where, key, value) if typ == "int" else _check_float(where, key, value)
    lengths: dict[str, tuple[int, int]] = {}
    for name, spec in (data.get("length") or {}).items():
        lw = f"{where}.length.{name}"
        if name not in LENGTHS:
            raise RecipeError(f"{where}.length: unknown length '{name}' (use {', '.join(LENGTHS)})")
        if not isinstance(spec, dict) or set(spec) - {"min_new_tokens", "max_new_tokens"}:
            raise RecipeError(f"{lw}: only 'min_new_tokens' and 'max_new_tokens' are allowed")
        lo = _check_int(lw, "min_new_tokens", spec.get("min_new_tokens", 0))
        hi = _check_int(lw, "max_new_tokens", spec.get("max_new_tokens", 128))
        if lo > hi:
            raise RecipeError(f"{lw}: 'min_new_tokens' is larger than 'max_new_tokens'")
        lengths[name] = (lo, hi)
    return Step(
        model=model.strip(),
        prefix=data.get("prefix", ""),
        strip_output_prefix=data.get("strip_output_prefix", ""),
        generation=GenerationSettings(**gen),
        lengths=lengths,
        tone_marks=data.get("tone_marks", "keep"),
        long_input=data.get("long_input", "truncate"),
        revision=revision,
    )


def parse_recipe(text: str, source: str) -> Recipe:
    """Parse a recipe's TOML text; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise RecipeError(f"recipe {source}: not valid TOML (nested too deeply)") from None
    except tomllib.TOMLDecodeError as exc:
        raise RecipeError(f"recipe {source}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"name", "description", "summarizer", "translator", "glossary"})
    if unknown:
        raise RecipeError(f"recipe {source}: unknown field '{unknown[0]}'")
    for key in ("summarizer", "translator"):
        if key not in data:
            raise RecipeError(f"recipe {source}: missing table [{key}]")
    glossary = data.get("glossary", "")
    if not isinstance(glossary, str):
        raise RecipeError(f"recipe {source}: 'glossary' must be a file path (a string)")
    if glossary and not Path(glossary).expanduser().is_absolute() and Path(source).is_file():
        glossary = str(Path(source).resolve().parent / Path(glossary).expanduser())
    return Recipe(
        name=str(data.get("name") or Path(source).stem),
        description=str(data.get("description", "")),
        source=source,
        summarizer=_parse_step(data["summarizer"], f"recipe {source}: [summarizer]"),
        translator=_parse_step(data["translator"], f"recipe {source}: [translator]"),
        text=text,
        glossary=glossary,
    )


def load_recipe(name_or_path: str) -> Recipe:
    """A shipped recipe by name (``default``, ``fast``, ``quality``) or a TOML file by path."""
    shipped = _shipped()
    path = Path(name_or_path).expanduser()
    if name_or_path in shipped and not name_or_path.endswith(".toml"):
        item = shipped[name_or_path]
        return parse_recipe(item.read_text(encoding="utf-8"), f"{name_or_path} (shipped)")
    if not (name_or_path.endswith(".toml") or path.is_file()):
        names = ", ".join(sorted(shipped))
        raise RecipeError(f"unknown recipe '{name_or_path}' (shipped: {names}; or give a .toml path)")
    if not path.is_file():
        raise RecipeError(f"recipe file not found: {name_or_path}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecipeError(f"recipe {path}: cannot read ({exc.__class__.__name__})") from None
    return parse_recipe(text, str(path))


def with_models(recipe: Recipe, summarizer: str | None = None, translator: str | None = None) -> Recipe:
    """The recipe with its models replaced (``--summarizer`` / ``--translator``)."""
    if summarizer:
        recipe = replace(recipe, summarizer=replace(recipe.summarizer, model=summarizer, revision=None))
    if translator:
        recipe = replace(recipe, translator=replace(recipe.translator, model=translator, revision=None))
    return recipe


def model_refs(names: list[str]) -> dict[str, list[str]]:
    """Model ids or directories, from recipe names/files or given directly -> the recipe steps that use them."""
    refs: dict[str, list[str]] = {}
    shipped = shipped_recipes()
    for name in names:
        if name in shipped or name.endswith(".toml"):
            recipe = load_recipe(name)
            for step in ("summarizer", "translator"):
                refs.setdefault(getattr(recipe, step).model, []).append(f"{recipe.name}:{step}")
        else:
            refs.setdefault(name, [])
    return refs


def model_pins(names: list[str]) -> dict[str, str]:
    """Model -> the revision a recipe among ``names`` pins for it (recipes without pins add nothing)."""
    pins: dict[str, str] = {}
    shipped = shipped_recipes()
    for name in names:
        if name in shipped or name.endswith(".toml"):
            recipe = load_recipe(name)
            for step in (recipe.summarizer, recipe.translator):
                if step.revision:
                    pins.setdefault(step.model, step.revision)
    return pins
