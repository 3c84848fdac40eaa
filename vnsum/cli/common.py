"""What the model-running commands (brief, batch, eval) share: their options, written once, and
how those become the library's ``Options`` and collaborators."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Optional

import typer

from vnsum.cli.choices import ComputeType, Device, EngineName, Length
from vnsum.cli.env import Environment
from vnsum.errors import UsageError

if TYPE_CHECKING:
    from vnsum.pipeline import Options

POINTS: Any = typer.Option(5, "--points", "-n", help="Number of key points (1-50).")
RECIPE: Any = typer.Option(
    "default", "--recipe", "-r", help="Recipe name (default, fast, quality) or a .toml file.", envvar="VNSUM_RECIPE"
)
SUMMARIZER: Any = typer.Option(None, "--summarizer", help="Summarizer model: hub id or local directory.")
TRANSLATOR: Any = typer.Option(None, "--translator", help="Translator model: hub id or local directory.")
LENGTH: Any = typer.Option("medium", "--length", "-l", help="Summary length.")
OFFLINE: Any = typer.Option(False, "--offline", help="Never use the network (also HF_HUB_OFFLINE=1).", envvar="VNSUM_OFFLINE")
ENGINE: Any = typer.Option("auto", "--engine", help="auto: CTranslate2 when available, else transformers.", envvar="VNSUM_ENGINE")
COMPUTE_TYPE: Any = typer.Option(
    "auto",
    "--compute-type",
    help="auto: int8 on CPU; on CUDA float16, bfloat16 for T5 models (float32 without bfloat16).",
    envvar="VNSUM_COMPUTE_TYPE",
)
DEVICE: Any = typer.Option("auto", "--device", help="Where models run.", envvar="VNSUM_DEVICE")
THREADS: Any = typer.Option(0, "--threads", help="CPU threads (0: physical cores).", envvar="VNSUM_THREADS")
FORCE: Any = typer.Option(False, "--force", help="Summarise even if the text does not look Vietnamese.")
GLOSSARY: Any = typer.Option(
    None,
    "--glossary",
    help="Glossary file: 'Vietnamese<TAB>English' lines and terms to keep as is (README, Glossary).",
    envvar="VNSUM_GLOSSARY",
)
MAX_BYTES: Any = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this (default 5 MB, or VNSUM_MAX_BYTES).")


def build_options(
    *,
    points: int,
    recipe: str,
    summarizer: Optional[str],
    translator: Optional[str],
    length: Length,
    offline: bool,
    engine: EngineName,
    compute_type: ComputeType,
    device: Device,
    threads: int,
    force: bool,
    quiet: bool,
    glossary: Optional[str] = None,
) -> Options:
    """The Pipeline options from the command line, checked the same way in every command."""
    from vnsum.engines import EngineOptions
    from vnsum.pipeline import Options

    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
    if threads < 0:
        raise UsageError(f"--threads must be 0 or more, got {threads}")
    for flag, value in (("--summarizer", summarizer), ("--translator", translator)):
        if value is not None and not value.strip():
            raise UsageError(f"{flag}: empty model id")
    return Options(
        points=points,
        recipe=recipe,
        summarizer=summarizer,
        translator=translator,
        length=length.value,
        offline=offline,
        force=force,
        quiet=quiet,
        glossary=glossary,
        engine=EngineOptions(name=engine.value, device=device.value, compute_type=compute_type.value, threads=threads),
    )


def services(env: Environment) -> dict[str, Any]:
    """The collaborators a test put in the Environment, for ``Pipeline(...)``."""
    return {k: v for k, v in (("engine_factory", env.engine_factory), ("resolver", env.resolver)) if v is not None}
