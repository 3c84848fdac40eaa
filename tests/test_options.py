"""Options: one declaration per field, the CLI's flags made from it, the cache key derived from it.

The key test runs the tiny real models: an option whose change changes the brief must change
``cache_fields()``, and one declared as not changing the brief (``key=False``) must leave it as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED, TinyModels

from vnsum.engines import EngineOptions
from vnsum.errors import UsageError
from vnsum.options import Options, flat_fields
from vnsum.pipeline import Pipeline

#: For every leaf option: a different value a brief can be made with here (None: only the
#: declaration is checked, the tiny models cannot run it: a GPU, another engine's name).
OTHER: dict[str, Any] = {
    "points": 3,
    "recipe": None,  # the recipe's text and its models are keyed themselves
    "summarizer": None,
    "translator": None,
    "length": "short",
    "offline": True,
    "force": True,
    "quiet": True,
    "overlap": False,
    "checks": False,
    "nbest": 1,
    "glossary": None,  # keyed by its content (the Pipeline adds the glossary's digest), tested in test_brief_checks
    "engine.name": "transformers",
    "engine.device": None,
    "engine.compute_type": "float32",
    "engine.threads": 1,
    "engine.concurrent_engines": None,
}


def _brief(tiny: TinyModels, options: Options) -> dict[str, Any]:
    with Pipeline(options, resolver=lambda ref, **kw: Path(ref)) as p:
        data = p.summarize(SEED.read_text(encoding="utf-8"), name="seed").to_dict()
    data.pop("timings")
    data["notes"] = [n for n in data["notes"] if not n.startswith("converting")]
    return data


def test_every_option_is_declared_and_listed_here() -> None:
    assert [name for name, _, _ in flat_fields()] == list(OTHER)


def test_an_option_that_changes_the_brief_changes_the_cache_key(tiny: TinyModels) -> None:
    base = Options(recipe=str(tiny.recipe))
    before = _brief(tiny, base)
    changed, same = [], []
    for name, value in OTHER.items():
        if value is None:
            continue
        if name.startswith("engine."):
            other = base.but(engine=EngineOptions(**{**vars(base.engine), name.split(".")[1]: value}))
        else:
            other = base.but(**{name: value})
        brief_differs = _brief(tiny, other) != before
        key_differs = other.cache_fields() != base.cache_fields()
        assert key_differs or not brief_differs, f"{name} changes the brief but is not in Options.cache_fields()"
        (changed if brief_differs else same).append(name)
    assert {"points", "length", "checks"} <= set(changed)  # the test can see a difference at all
    assert {"overlap", "quiet", "offline", "engine.threads"} <= set(same)


def test_cache_fields_are_the_declared_ones() -> None:
    keys = set(Options().cache_fields())
    assert keys == {name for name, _, spec in flat_fields() if spec.key}
    assert "engine.threads" not in keys and "engine.device" in keys and "points" in keys


@pytest.mark.parametrize(
    ("changes", "flag"),
    [({"points": 0}, "--points"), ({"length": "huge"}, "--length"), ({"summarizer": " "}, "--summarizer")],
)
def test_validation_names_the_flag(changes: dict[str, Any], flag: str) -> None:
    with pytest.raises(UsageError) as info:
        Options(**changes)
    assert flag in info.value.cli_message


def test_a_new_option_is_one_field_and_every_command_gets_it() -> None:
    """Where new things go (docs/architecture.md): an option is a field with an ``Opt``."""
    import dataclasses

    from vnsum.cli import common
    from vnsum.options import Opt, opt

    @dataclasses.dataclass(frozen=True)
    class More(Options):
        style: str = opt("news", Opt(("--style",), "House style.", choices=("news", "wire")))

    params = dict(common.option_parameters(fields_of=More))
    assert params["style"].name == "style" and "style" in More().cache_fields()


def test_the_cli_writes_no_environment_variable(run_cli, tiny: TinyModels) -> None:
    before = dict(os.environ)
    r = run_cli(SEED, "--recipe", tiny.recipe, "--offline", "-q", "-f", "json", "--no-cache")
    assert r.code == 0, r.err
    assert dict(os.environ) == before


def test_the_same_flags_on_brief_batch_and_eval(run_cli) -> None:
    flags = [f for _, _, spec in flat_fields() for f in spec.flags if f.startswith("--")]
    for command in ("brief", "batch", "eval"):
        out = run_cli(command, "--help").out
        assert all(f in out for f in flags), command
