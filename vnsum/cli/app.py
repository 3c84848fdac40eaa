"""The Typer app: global options and one module per command.

A new command is a module in this package with a function, added to ``app`` below.
"""

from __future__ import annotations

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
    """``vnsum FILE`` runs the ``brief`` command; named subcommands work as usual."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] != "--version"):
            args = ["brief", *args]
        return super().parse_args(ctx, args)


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
