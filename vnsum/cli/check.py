"""``vnsum check FILE.jsonl``: the brief's faithfulness checks on any translation or summary."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, Optional

import typer

from vnsum.cli.common import GLOSSARY, MAX_BYTES
from vnsum.cli.env import Environment
from vnsum.errors import InputError
from vnsum.jsonsafe import loads_object
from vnsum.render.sanitize import sanitize, write_table


class CheckFormat(str, Enum):
    """What ``check`` prints: JSON lines, or a table for people."""

    auto = "auto"
    json = "json"
    rich = "rich"


def check_command(
    ctx: typer.Context,
    file: Optional[str] = typer.Argument(
        None, help='JSONL: lines of {"vi", "en"} or {"article", "summary"}; \'-\' or nothing reads stdin.'
    ),
    fmt: CheckFormat = typer.Option(
        "auto", "--format", "-f", help="json: one result a line (the default when piped); rich: a table."
    ),
    max_bytes: Optional[int] = MAX_BYTES,
    glossary: Optional[str] = GLOSSARY,
) -> None:
    """Check numbers, dates, amounts and names: a translation against its Vietnamese, or a summary against its article.

    Prints one JSON result a line ({"line", "kind", "ok", "checked", "problems"}); a line that is
    not a record gets {"line", "error"}. Exit 0 when every record passes, 5 when some do not, 1 for bad lines.
    With --glossary, translations are also checked against the glossary (a "glossary" problem per term not rendered).
    """
    from vnsum import checks
    from vnsum.cli.inputs import read_inputs, size_limit
    from vnsum.errors import ExitCode, UsageError

    env: Environment = ctx.obj
    lexicon = None
    if glossary:
        try:
            lexicon = checks.build_lexicon(checks.load_glossary(glossary))
        except checks.GlossaryError as exc:
            raise UsageError(f"--glossary {exc}") from None
    src = read_inputs(env, [file] if file else [], None, size_limit(max_bytes))[0]
    results: list[dict[str, Any]] = []
    for n, line in enumerate(src.text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = loads_object(line)
            results.append({"line": n, **checks.check_record(record, lexicon)})
        except ValueError as exc:  # JSONDecodeError included
            results.append({"line": n, "error": str(exc).splitlines()[0]})
    if not results:
        raise InputError(f"{src.name}: no records")
    chosen = fmt.value if fmt.value != "auto" else ("rich" if env.stdout_isatty else "json")
    assert env.stdout is not None
    if chosen == "rich":
        _table(results, env)
    else:
        for r in results:
            env.stdout.write(sanitize(json.dumps(r, ensure_ascii=False)) + "\n")
    if any("error" in r for r in results):
        raise typer.Exit(int(ExitCode.BAD_INPUT))
    if not all(r["ok"] for r in results):
        raise typer.Exit(int(ExitCode.CHECKS_FAILED))


def _table(results: list[dict[str, Any]], env: Environment) -> None:
    rows: list[list[object]] = []
    for r in results:
        if "error" in r:
            rows.append([r["line"], "-", "-", f"error: {r['error']}"])
            continue
        found = "; ".join(f"{p['kind']} {p['value']!r} {p['problem']}" for p in r["problems"]) or "ok"
        rows.append([r["line"], r["kind"], r["checked"], found])
    assert env.stdout is not None
    write_table(env.stdout, ["line", "kind", "checked", "result"], rows, width=env.width)
