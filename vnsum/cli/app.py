"""The ``vnsum`` command: parse options, call the core, render, map errors to exit codes.

Kept thin on purpose; nothing here imports torch, transformers or ctranslate2.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

from vnsum import __version__
from vnsum.errors import ExitCode, UsageError, VnsumError


class Format(str, Enum):
    auto = "auto"
    rich = "rich"
    plain = "plain"
    markdown = "markdown"
    json = "json"


class Length(str, Enum):
    short = "short"
    medium = "medium"
    long = "long"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class EngineName(str, Enum):
    auto = "auto"
    ctranslate2 = "ctranslate2"
    transformers = "transformers"


class ComputeType(str, Enum):
    auto = "auto"
    int8 = "int8"
    int8_float32 = "int8_float32"
    int16 = "int16"
    float32 = "float32"
    float16 = "float16"


class DefaultToBrief(TyperGroup):
    """``vnsum FILE`` runs the ``brief`` command; named subcommands work as usual."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
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


#: Temporary output files to delete if Ctrl-C ends the process before they are renamed.
_PENDING: list[str] = []


def _on_sigint(signum: int, frame: object) -> None:
    """Ctrl-C: one line, exit 130 at once.

    Not a KeyboardInterrupt: raised inside torch's import or a native model call it can
    abort the process (SIGABRT) instead of unwinding. Nothing needs unwinding here:
    temporary output files are removed, and model caches are written atomically under
    locks that end with the process.
    """
    for tmp in list(_PENDING):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    fail("interrupted", ExitCode.INTERRUPTED)
    _exit_now(ExitCode.INTERRUPTED)


def fail(message: str, code: int) -> typer.Exit:
    """One line on stderr; returns the Exit to raise."""
    sys.stderr.write(f"vnsum: error: {message}\n")
    sys.stderr.flush()
    return typer.Exit(int(code))


@contextmanager
def atomic_output(path: Optional[Path]) -> Iterator[object]:
    """stdout, or a temporary file renamed onto ``path`` only once complete."""
    if path is None:
        yield sys.stdout
        return
    target = path.expanduser()
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc.__class__.__name__}") from None
    _PENDING.append(tmp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        _PENDING.remove(tmp)


def _read_inputs(files: list[str], url: Optional[str], max_bytes: int) -> list:
    from vnsum.reading import source

    if url:
        from vnsum.reading.fetch import fetch_url

        return [fetch_url(url, max_bytes=max_bytes)]
    if not files:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no article given. Usage: vnsum [OPTIONS] [FILES]... (a file, '-' for stdin, or pipe text in)")
        files = ["-"]
    out = []
    for name in files:
        if name == "-":
            out.append(source.read_stream(sys.stdin.buffer, "<stdin>", max_bytes))
        else:
            out.append(source.read_path(name, max_bytes))
    return out


@app.command(
    "brief",
    epilog="Other commands: 'vnsum keypoints FILE' (key sentences, no model), 'vnsum models list|pull|rm|path'.",
)
def brief_command(
    files: list[str] = typer.Argument(
        None, help="Article files (.txt or .html); '-' or nothing reads stdin.", show_default=False
    ),
    url: Optional[str] = typer.Option(None, "--url", help="Fetch the article from this web page."),
    fmt: Format = typer.Option(
        Format.auto, "--format", "-f", help="auto: rich on a terminal, plain otherwise.", envvar="VNSUM_FORMAT"
    ),
    points: int = typer.Option(5, "--points", "-n", help="Number of key points (1-50)."),
    show_source: bool = typer.Option(False, "--show-source", "-s", help="Show the Vietnamese sentence behind each key point."),
    recipe: str = typer.Option(
        "default", "--recipe", "-r", help="Recipe name (default, fast, quality) or a .toml file.", envvar="VNSUM_RECIPE"
    ),
    summarizer: Optional[str] = typer.Option(None, "--summarizer", help="Summarizer model: hub id or local directory."),
    translator: Optional[str] = typer.Option(None, "--translator", help="Translator model: hub id or local directory."),
    length: Length = typer.Option(Length.medium, "--length", "-l", help="Summary length."),
    offline: bool = typer.Option(
        False, "--offline", help="Never use the network (also HF_HUB_OFFLINE=1).", envvar="VNSUM_OFFLINE"
    ),
    engine: EngineName = typer.Option(
        EngineName.auto, "--engine", help="auto: CTranslate2 when available, else transformers.", envvar="VNSUM_ENGINE"
    ),
    compute_type: ComputeType = typer.Option(
        ComputeType.auto, "--compute-type", help="auto: int8 on CPU, float16 on CUDA.", envvar="VNSUM_COMPUTE_TYPE"
    ),
    device: Device = typer.Option(Device.auto, "--device", help="Where models run.", envvar="VNSUM_DEVICE"),
    threads: int = typer.Option(0, "--threads", help="CPU threads (0: physical cores).", envvar="VNSUM_THREADS"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the brief to FILE (atomically) instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Summarise even if the text does not look Vietnamese."),
    max_bytes: Optional[int] = typer.Option(
        None, "--max-bytes", help="Refuse inputs larger than this (default 5 MB, or VNSUM_MAX_BYTES)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or timings on stderr."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Turn a Vietnamese news article into an English brief: headline, summary, key points."""
    from vnsum import render
    from vnsum.engines import EngineOptions
    from vnsum.pipeline import Options, Pipeline
    from vnsum.reading import source

    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
    if threads < 0:
        raise UsageError(f"--threads must be 0 or more, got {threads}")
    limit = max_bytes if max_bytes is not None else source.max_bytes_from_env()
    if limit <= 0:
        raise UsageError(f"--max-bytes must be positive, got {limit}")
    options = Options(
        points=points,
        recipe=recipe,
        summarizer=summarizer,
        translator=translator,
        length=length.value,
        offline=offline,
        force=force,
        engine=EngineOptions(engine=engine.value, device=device.value, compute_type=compute_type.value, threads=threads),
    )
    chosen = fmt.value
    out_is_tty = output is None and sys.stdout.isatty()
    if chosen == "auto":
        chosen = "rich" if out_is_tty else "plain"
    progress = _Progress(enabled=not quiet)
    pipeline = Pipeline(options, on_stage=progress.update)
    sources = _read_inputs(files or [], url, limit)
    briefs = []
    with progress:
        for src in sources:
            briefs.append(pipeline.run(src))
            progress.timings(briefs[-1])
    with atomic_output(output) as fh:
        render.render(briefs, chosen, fh, show_source)  # type: ignore[arg-type]


@app.command("keypoints")
def keypoints_command(
    file: Optional[str] = typer.Argument(None, help="Article file; '-' or nothing reads stdin.", show_default=False),
    points: int = typer.Option(5, "--points", "-n", help="Number of sentences (1-50)."),
    fmt: Format = typer.Option(Format.auto, "--format", "-f", help="plain or json (auto: plain)."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this."),
) -> None:
    """Print the article's key Vietnamese sentences with their indexes (no model needed)."""
    import json

    from vnsum import keypoints
    from vnsum.pipeline import MAX_POINTS
    from vnsum.reading import source
    from vnsum.render import sanitize
    from vnsum.text import parse_article

    if not 1 <= points <= MAX_POINTS:
        raise UsageError(f"--points must be between 1 and {MAX_POINTS}, got {points}")
    limit = max_bytes if max_bytes is not None else source.max_bytes_from_env()
    src = _read_inputs([file] if file else [], None, limit)[0]
    article = parse_article(src.text)
    if not article.body_sentences():
        from vnsum.errors import InputError

        raise InputError(f"{src.name}: no article text found (only a title, captions or a byline)")
    chosen = keypoints.select(article, points)
    lines = {p.index: p.line for p in article.paragraphs}
    if fmt == Format.json:
        data = {
            "source": src.name,
            "title": article.title,
            "key_points": [
                {
                    "text_vi": c.text,
                    "paragraph": c.paragraph,
                    "sentence": c.sentence,
                    "line": lines[c.paragraph],
                    "score": round(c.score, 4),
                }
                for c in chosen
            ],
        }
        sys.stdout.write(sanitize(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        return
    for n, c in enumerate(chosen, 1):
        sys.stdout.write(f"{n}. [{c.paragraph}:{c.sentence}] {sanitize(c.text)}\n")


models_app = typer.Typer(help="See, fetch and delete the models vnsum uses.", add_completion=False, rich_markup_mode=None)
app.add_typer(models_app, name="models")


def _model_refs(names: list[str]) -> dict[str, list[str]]:
    """Model ids or directories, from recipe names/files or given directly -> what uses them."""
    from vnsum.recipes import load_recipe, shipped_recipes

    refs: dict[str, list[str]] = {}
    for name in names:
        if name in shipped_recipes() or name.endswith(".toml"):
            recipe = load_recipe(name)
            for step in ("summarizer", "translator"):
                refs.setdefault(getattr(recipe, step).model, []).append(f"{recipe.name}:{step}")
        else:
            refs.setdefault(name, [])
    return refs


def _size(n: int) -> str:
    from rich.filesize import decimal

    return decimal(n)


@models_app.command("list")
def models_list(
    recipes: list[str] = typer.Argument(None, help="Recipes (names or .toml files) or model ids; default: the shipped recipes."),
    fmt: Format = typer.Option(Format.auto, "--format", "-f", help="plain or json (auto: a table on a terminal)."),
) -> None:
    """Every model the recipes use: cached or not, size on disk, converted copies."""
    import json

    from vnsum import hub as models
    from vnsum.recipes import shipped_recipes

    rows = models.describe(_model_refs(recipes or shipped_recipes()))
    if fmt == Format.json:
        data = [
            {
                "model": r.ref,
                "used_by": list(r.used_by),
                "cached": r.cached,
                "size_bytes": r.size_bytes,
                "path": str(r.path) if r.path else None,
                "ctranslate2": [str(p) for p in r.converted],
            }
            for r in rows
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    if fmt in (Format.rich, Format.auto) and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table("model", "used by", "cached", "size", "CTranslate2 copies")
        for r in rows:
            table.add_row(
                r.ref,
                ", ".join(r.used_by),
                "yes" if r.cached else "no",
                _size(r.size_bytes) if r.size_bytes else "-",
                ", ".join(p.name.rsplit("--", 1)[-1] for p in r.converted) or "-",
            )
        Console(markup=False, highlight=False).print(table)
        return
    for r in rows:
        conv = ",".join(p.name.rsplit("--", 1)[-1] for p in r.converted) or "-"
        sys.stdout.write(
            f"{r.ref}\t{'cached' if r.cached else 'missing'}\t{_size(r.size_bytes) if r.size_bytes else '-'}\t"
            f"ct2:{conv}\t{','.join(r.used_by) or '-'}\n"
        )


@models_app.command("pull")
def models_pull(
    names: list[str] = typer.Argument(None, help="Model ids, recipe names or recipe files; default: the default recipe."),
    force: bool = typer.Option(False, "--force", help="Download again even if cached (repairs a damaged copy)."),
    revision: Optional[str] = typer.Option(None, "--revision", help="A branch, tag or commit of the model repository."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Download models into the Hugging Face cache (resumable) and verify them against the hub's hashes."""
    from vnsum import hub as models

    for ref in _model_refs(names or ["default"]):
        if Path(ref).expanduser().is_dir():
            sys.stderr.write(f"vnsum: {ref} is a local directory, nothing to pull\n")
            continue
        sys.stderr.write(f"vnsum: pulling {ref}\n")
        path, checked = models.pull(ref, force=force, revision=revision, progress=not quiet)
        sys.stderr.write(f"vnsum: {ref}: {checked} file(s) verified\n")
        sys.stdout.write(f"{path}\n")


@models_app.command("rm")
def models_rm(names: list[str] = typer.Argument(..., help="Model ids (or recipe names) to delete from the cache.")) -> None:
    """Delete models from the cache, with their CTranslate2 copies."""
    from vnsum import hub as models

    for ref in _model_refs(names):
        freed = models.remove(ref)
        sys.stderr.write(f"vnsum: {ref}: {'freed ' + _size(freed) if freed else 'not in the cache'}\n")


@models_app.command("path")
def models_path(name: str = typer.Argument(..., help="A model id.")) -> None:
    """Print where a cached model lives (exit 3 if it is not cached)."""
    from vnsum import hub as models
    from vnsum.errors import ModelUnavailable

    local = Path(name).expanduser()
    path = local if local.is_dir() else models.cached_snapshot(name)
    if path is None:
        raise ModelUnavailable(f"model {name} is not in the local cache; run `{models.pull_command(name)}`")
    sys.stdout.write(f"{path}\n")


class _Progress:
    """Stages and timings on stderr: a spinner when stderr is a terminal, paused while a
    model loads so that download and conversion progress can be drawn in its place."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = enabled and sys.stderr.isatty()
        self._status = None
        self._active = False

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._status is not None and self._active:
            self._status.stop()
            self._active = False

    def update(self, label: str) -> None:
        if not self.tty:
            return
        from rich.text import Text

        if label.startswith(("loading", "converting")):
            self._stop()
            sys.stderr.write(f"vnsum: {label}\n")
            sys.stderr.flush()
            return
        if self._status is None:
            from rich.console import Console

            self._status = Console(stderr=True).status(Text(label))
        else:
            self._status.update(Text(label))
        if not self._active:
            self._status.start()
            self._active = True

    def timings(self, brief: object) -> None:
        if not self.enabled:
            return
        self._stop()
        t = getattr(brief, "timings", {})
        parts = ", ".join(f"{k} {v:.2f}s" for k, v in t.items())
        sys.stderr.write(f"vnsum: {getattr(brief, 'source', '')}: {parts}\n")


def _exit_now(code: int) -> None:
    """Exit at once after Ctrl-C: without waiting for a model call still running in a worker
    thread, and without interpreter teardown, which can meet a half-imported torch and die
    of the same SIGINT instead of exiting with 130. Temporary output files are removed by
    the caller; model caches are written atomically under locks that end with the process."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(int(code))


def main(argv: Optional[list[str]] = None) -> None:
    """Console entry point: run the app, turning every failure into one line and an exit code."""
    import signal
    import threading

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, _on_sigint)
    try:
        _run(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _run(argv: Optional[list[str]]) -> None:
    try:
        code = app(args=argv, prog_name="vnsum", standalone_mode=False)
        if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into this return value, silently
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            raise SystemExit(code)
    except VnsumError as exc:
        raise SystemExit(fail(str(exc), exc.exit_code).exit_code) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except typer.Abort:
        raise SystemExit(fail("interrupted", ExitCode.INTERRUPTED).exit_code) from None
    except typer.TyperException as exc:
        msg = exc.format_message().strip().splitlines()[0] if exc.format_message().strip() else "usage error"
        raise SystemExit(fail(f"{msg} (see vnsum --help)", ExitCode.USAGE).exit_code) from None
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED)
        _exit_now(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        raise SystemExit(0) from None
    except MemoryError:
        raise SystemExit(fail("out of memory", ExitCode.MODEL_FAILED).exit_code) from None
    except Exception as exc:  # a bug: still one line, with a way to see the traceback
        if os.environ.get("VNSUM_DEBUG"):
            raise
        raise SystemExit(
            fail(f"internal error: {exc.__class__.__name__}: {exc} (set VNSUM_DEBUG=1 for details)", ExitCode.INTERNAL).exit_code
        ) from None


if __name__ == "__main__":  # pragma: no cover
    main()
