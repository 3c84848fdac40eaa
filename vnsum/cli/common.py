"""What the model-running commands (brief, batch, eval) share: their model options, made from
``vnsum.options.Options`` (declared once there), and the collaborators from the Environment."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from typing import Any, Optional

import typer

from vnsum.cli.env import Environment
from vnsum.options import Options, flat_fields

MAX_BYTES: Any = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this (default 5 MB, or VNSUM_MAX_BYTES).")


def _glossary_option() -> Any:
    """``--glossary`` for the commands that read a glossary without running models (check, read), as Options declares it."""
    spec = next(spec for name, _, spec in flat_fields() if name == "glossary")
    return typer.Option(None, *spec.flags, help=spec.help, envvar=spec.envvar)


GLOSSARY: Any = _glossary_option()


def _param_name(dotted: str, param: str | None) -> str:
    return param or dotted.rsplit(".", 1)[-1]


@functools.cache
def _choices(name: str, values: tuple[str, ...]) -> type[Enum]:
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


def option_parameters(skip: tuple[str, ...] = (), fields_of: type[Options] = Options) -> list[tuple[str, inspect.Parameter]]:
    """(dotted field name, Typer parameter) for every Options field that has CLI flags."""
    out = []
    for dotted, default, spec in flat_fields(cls=fields_of):
        if not spec.flags or dotted in skip:
            continue
        name = _param_name(dotted, spec.param)
        annotation: Any
        if spec.choices:
            annotation = _choices(name.title().replace("_", ""), spec.choices)
        elif default is None:
            annotation = Optional[str]
        else:
            annotation = type(default)
        info = typer.Option(default, *spec.flags, help=spec.help, envvar=spec.envvar)
        out.append((dotted, inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=info, annotation=annotation)))
    return out


def model_options(*, skip: tuple[str, ...] = (), **fixed: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command every model option of ``Options`` as CLI flags; it receives one ``options: Options``.

    ``fixed`` sets fields the command decides itself (``quiet=True`` for eval); ``skip`` leaves
    flags out. A new option is a field of ``Options`` with an ``Opt``: every command gets it."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(command, eval_str=True)
        own = [p for p in sig.parameters.values() if p.name != "options"]
        extra = option_parameters(skip)
        names = {param.name: dotted for dotted, param in extra}

        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            values = {dotted: kwargs.pop(name) for name, dotted in names.items()}
            values = {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}
            if "quiet" in kwargs and "quiet" not in fixed:
                values["quiet"] = kwargs["quiet"]
            return command(*args, options=Options.from_flat({**values, **fixed}), **kwargs)

        run.__signature__ = sig.replace(parameters=own + [p for _, p in extra])  # type: ignore[attr-defined]
        run.__annotations__ = {k: v for k, v in command.__annotations__.items() if k != "options"}
        return run

    return decorate


def services(env: Environment, *, bars: bool = True) -> dict[str, Any]:
    """The collaborators for ``Pipeline(...)``: the download bar on this Environment's stderr (not
    for Ray actors, which run elsewhere), and what a test put in the Environment (an engine
    factory, a resolver)."""
    from vnsum.cli.progress import download_bar

    given = {k: v for k, v in (("engine_factory", env.engine_factory), ("resolver", env.resolver)) if v is not None}
    return {"download_bar": download_bar(env), **given} if bars else given
