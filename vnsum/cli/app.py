"""The Typer app: global options and one module per command.

A new command is a module in this package with a function, added to ``app`` below.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperGroup

from vnsum._version import __version__
from vnsum.cli.batch import batch_command
from vnsum.cli.brief import brief_command
from vnsum.cli.check import check_command
from vnsum.cli.digest import digest_command
from vnsum.cli.evaluate import eval_command
from vnsum.cli.history import cache_app, history_app
from vnsum.cli.keypoints import keypoints_command
from vnsum.cli.models import models_app
from vnsum.cli.read import read_command


class DefaultToBrief(TyperGroup):
    """``vnsum FILE`` runs the ``brief`` command; named subcommands work as usual. ``vnsum --help``
    shows both forms and the commands first, then the brief's options (as git and llm do)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _tidy_help(self, type(ctx))
        if not args or (args[0] not in self.commands and args[0] not in ("--version", "-h", "--help")):
            args = ["brief", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage("vnsum", "[OPTIONS] [FILE]...")
        formatter.write_usage("       vnsum", "COMMAND [ARGS]...", prefix="")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        formatter.write_paragraph()
        formatter.indent()
        formatter.write_text("'vnsum FILE' is 'vnsum brief FILE'; 'vnsum COMMAND --help' for each command.")
        formatter.dedent()
        self.format_commands(ctx, formatter)
        brief = self.commands["brief"]
        with type(ctx)(brief, info_name="brief", parent=ctx) as sub:
            rows = [r for p in brief.get_params(sub) if (r := p.get_help_record(sub)) is not None]
        rows += [r for p in self.get_params(ctx) if p.name == "version" and (r := p.get_help_record(ctx)) is not None]
        with formatter.section("Options of vnsum [FILE]... (the brief)"):
            formatter.write_dl(rows)


_BARE = re.compile(r"^<(?:list\[)?(str|int|float|path)\]?>$")
#: Metavars in words for options whose name alone would not say what they take.
_METAVARS = {
    "output": "FILE",
    "summarizer": "MODEL",
    "translator": "MODEL",
    "ray_address": "ADDRESS",
    "inputs": "INPUT",
    "entry": "ID",
}


def _tidy_help(group: Any, context: type) -> None:
    """Every command of ``group`` (and below): a metavar in words where Typer would show a Python
    type (``<list[str]>``), and its first help paragraph whole in command lists (Click cuts it with ...)."""
    for command in group.commands.values():
        if command.help and not command.short_help:
            command.short_help = " ".join(command.help.split("\n\n")[0].split())
        for param in command.params:
            if param.metavar is not None or getattr(param, "is_flag", False) or not hasattr(param, "display_type"):
                continue
            with context(command) as ctx:
                bare = _BARE.match(param.display_type(ctx))
            if bare is None:
                continue
            name = param.name or "value"
            word = _METAVARS.get(name) or (name.upper().removesuffix("S") if param.nargs == -1 else name.upper())
            param.metavar = {"int": "N", "float": "X"}.get(bare.group(1), word)
            if param.param_type_name == "argument":
                param.display_type_rich = lambda ctx: None  # the metavar says it; no Python type beside it
        if hasattr(command, "commands"):
            _tidy_help(command, context)


app = typer.Typer(
    cls=DefaultToBrief,
    add_completion=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnsum {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """vnsum: a Vietnamese news article in, an English brief out."""


app.command(
    "brief",
    epilog=(
        "Other commands: read FILE (how the article was read), keypoints FILE (key sentences, no model), batch, check FILE.jsonl, eval DATA.jsonl, "
        "history, cache info|clear, models list|pull|rm|path. 'vnsum COMMAND --help' for each."
    ),
)(brief_command)
app.command("keypoints")(keypoints_command)
app.command("read")(read_command)
app.add_typer(models_app, name="models")
app.command("batch")(batch_command)
app.add_typer(history_app, name="history")
app.add_typer(cache_app, name="cache")
app.command("eval")(eval_command)
app.command("check")(check_command)
app.command("digest")(digest_command)
