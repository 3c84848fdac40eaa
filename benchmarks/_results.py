"""Keep benchmarks/RESULTS.md as one file with a section per script, each replaced on its own."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# vnsum benchmark results\n\nEach section is written by the script it names; rerun that script to refresh it.\n"


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    """Replace (or append) the section ``name`` of RESULTS.md with ``markdown``."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    block = f"<!-- {name}:start -->\n{markdown.strip()}\n<!-- {name}:end -->"
    pattern = re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def run_and_record(
    name: str, title: str, script: str, run: Callable[[argparse.Namespace], None], args: argparse.Namespace
) -> None:
    """Run a report; with ``--write`` also store its output as section ``name`` of RESULTS.md."""
    import contextlib
    import io

    if not getattr(args, "write", False):
        run(args)
        return
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        run(args)
    write_section(name, f"{title}\n\nCommand: `python benchmarks/{Path(script).name}`\n\n{buf.getvalue()}")
    print(buf.getvalue())
