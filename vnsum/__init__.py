"""vnsum: a Vietnamese news article in, an English brief out.

The public API is ``summarize(text, ...) -> Brief`` and ``digest(articles, ...) -> Digest``; ``Pipeline`` keeps models
loaded across articles. Nothing heavy (torch, transformers, ctranslate2) is
imported until a model is actually loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vnsum._version import __version__

__all__ = ["Brief", "Digest", "KeyPoint", "Options", "Pipeline", "__version__", "digest", "summarize"]

if TYPE_CHECKING:
    from vnsum.brief import Brief, KeyPoint
    from vnsum.pipeline import Options, Pipeline, summarize
    from vnsum.stories.run import digest
    from vnsum.story import Digest


def __getattr__(name: str) -> Any:
    if name in ("Brief", "KeyPoint"):
        from vnsum import brief

        return getattr(brief, name)
    if name in ("Options", "Pipeline", "summarize"):
        from vnsum import pipeline

        return getattr(pipeline, name)
    if name == "digest":
        from vnsum.stories.run import digest

        return digest
    if name == "Digest":
        from vnsum.story import Digest

        return Digest
    raise AttributeError(f"module 'vnsum' has no attribute {name!r}")
