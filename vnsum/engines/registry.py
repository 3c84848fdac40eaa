"""Which engine loads a model: one place that knows every engine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vnsum.engines.base import Engine, EngineOptions
from vnsum.errors import ModelUnavailable


def load_engine(model_dir: Path, model_id: str, options: EngineOptions, notify: Callable[[str], None] | None = None) -> Engine:
    """Load the model in ``model_dir`` with the engine ``options.engine`` asks for.

    ``auto`` takes CTranslate2 when it is installed and the checkpoint converts,
    and falls back to transformers otherwise (``notify`` is told why).
    """
    from vnsum.errors import ModelFailed, UsageError

    if options.engine in ("auto", "ctranslate2"):
        from vnsum.engines import ct2

        if ct2.available():
            try:
                return ct2.CTranslate2Engine.load(model_dir, model_id, options, notify)
            except (UsageError, ModelUnavailable):
                raise
            except Exception as exc:  # the converter raises many types for unsupported checkpoints
                if options.engine == "ctranslate2":
                    raise ModelFailed(
                        f"model {model_id} cannot be converted for CTranslate2 ({exc.__class__.__name__}: {exc})"
                    ) from None
                if notify:
                    notify(f"{model_id}: CTranslate2 conversion failed, using transformers")
        elif options.engine == "ctranslate2":
            raise UsageError("--engine ctranslate2 needs the ctranslate2 package: pip install ctranslate2")
    from vnsum.engines.hf import TransformersEngine

    return TransformersEngine.load(model_dir, model_id, options)
