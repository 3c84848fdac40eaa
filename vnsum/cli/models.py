"""``vnsum models list|pull|rm|path``: see, fetch and delete the models vnsum uses."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from vnsum.cli.choices import Format, resolve_format
from vnsum.cli.env import Environment
from vnsum.errors import ModelUnavailable, UsageError

models_app = typer.Typer(
    help="See, fetch and delete the models vnsum uses.", add_completion=False, rich_markup_mode=None, no_args_is_help=True
)


def _check_ids(names: list[str]) -> list[str]:
    """Empty or malformed ids are usage errors, before anything touches the cache or the network."""
    from vnsum.hub import check_ref, is_hub_id

    for name in names:
        check_ref(name)  # empty, control characters, too long for the file system: before any file call
        if not (is_hub_id(name) or Path(name).expanduser().is_dir() or name.endswith(".toml")):
            from vnsum.recipes import shipped_recipes

            if name not in shipped_recipes():
                shown = repr(name[:60]) + ("..." if len(name) > 60 else "")
                raise UsageError(f"{shown} is neither a Hugging Face model id, a recipe nor a model directory")
    return names


@models_app.command("list")
def models_list(
    ctx: typer.Context,
    recipes: list[str] = typer.Argument(None, help="Recipes (names or .toml files) or model ids; default: the shipped recipes."),
    fmt: Format = typer.Option("auto", "--format", "-f", help="auto: a table on a terminal, plain otherwise."),
) -> None:
    """Every model the recipes use: cached or not, size on disk, converted copies."""
    from vnsum import store
    from vnsum.recipes import model_pins, model_refs, shipped_recipes
    from vnsum.render import RenderOptions, render
    from vnsum.render.views import ModelList

    env: Environment = ctx.obj
    names = _check_ids(recipes) if recipes else shipped_recipes()
    rows = store.describe(model_refs(names), model_pins(names))
    assert env.stdout is not None
    render([ModelList(rows)], resolve_format(fmt.value, bool(env.stdout_isatty)), env.stdout, RenderOptions(width=env.width))


@models_app.command("pull")
def models_pull(
    ctx: typer.Context,
    names: list[str] = typer.Argument(None, help="Model ids, recipe names or recipe files; default: the default recipe."),
    force: bool = typer.Option(False, "--force", help="Download again even if cached (repairs a damaged copy)."),
    revision: Optional[str] = typer.Option(None, "--revision", help="A branch, tag or commit of the model repository."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Download models into the Hugging Face cache (resumable) and verify them against the hub's hashes."""
    from vnsum import hub
    from vnsum.cli.progress import download_bar
    from vnsum.recipes import model_refs

    env: Environment = ctx.obj
    for ref in model_refs(_check_ids(names) if names else ["default"]):
        if Path(ref).expanduser().is_dir():
            env.err(f"vnsum: {ref} is a local directory, nothing to pull")
            continue
        env.err(f"vnsum: pulling {ref}")
        path, checked = hub.pull(ref, force=force, revision=revision, progress=False if quiet else download_bar(env))
        env.err(f"vnsum: {ref}: {checked} file(s) verified")
        assert env.stdout is not None
        env.stdout.write(f"{path}\n")


@models_app.command("rm")
def models_rm(
    ctx: typer.Context,
    names: list[str] = typer.Argument(..., help="Model ids (or recipe names) to delete from the cache."),
) -> None:
    """Delete models from the cache, with their CTranslate2 copies."""
    from rich.filesize import decimal

    from vnsum import store
    from vnsum.recipes import model_refs

    env: Environment = ctx.obj
    for ref in model_refs(_check_ids(names)):
        freed = store.remove(ref)
        env.err(f"vnsum: {ref}: freed {decimal(freed)}")


@models_app.command("path")
def models_path(ctx: typer.Context, name: str = typer.Argument(..., help="A model id.")) -> None:
    """Print where a cached model lives (exit 3 if it is not cached)."""
    from vnsum import hub

    env: Environment = ctx.obj
    _check_ids([name])
    local = Path(name).expanduser()
    if local.is_dir():
        if hub.inspect_dir(local).missing:
            raise UsageError(f"{name} is a directory but not a model (no config.json, tokenizer or weights)")
        path: Path | None = local
    else:
        path = hub.cached_snapshot(name)
    if path is None:
        raise ModelUnavailable(f"model {name} is not in the local cache; run `{hub.pull_command(name)}`")
    if path != local:
        missing = hub.inspect_dir(path).missing
        problem = f"missing {', '.join(missing)}" if missing else hub.weights_problem(path)
        if problem:
            raise ModelUnavailable(
                f"model {name} in the cache is damaged ({problem}); run `{hub.pull_command(name, force=True)}`"
            )
    assert env.stdout is not None
    env.stdout.write(f"{path}\n")
