"""Stages and timings on stderr: a spinner when stderr is a terminal, plain lines otherwise (none with -q)."""

from __future__ import annotations

from typing import Any

from vnsum.brief import Brief
from vnsum.cli.env import Environment


class Progress:
    """A spinner for every stage, loading and converting included; ``clear()`` leaves the line empty."""

    def __init__(self, env: Environment, enabled: bool) -> None:
        self.env = env
        self.enabled = enabled
        self.tty = enabled and bool(env.stderr_isatty)
        self._status: Any = None
        self._active = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.clear()

    def clear(self) -> None:
        """Stop the spinner and erase its line (before an error line, or at the end)."""
        if self._status is not None and self._active:
            self._status.stop()
            self._active = False

    def update(self, label: str) -> None:
        if not self.tty:
            return
        from rich.text import Text

        if self._status is None:
            from rich.console import Console

            self._status = Console(file=self.env.stderr, force_terminal=True).status(Text(label))
        else:
            self._status.update(Text(label))
        if not self._active:
            self._status.start()
            self._active = True

    def pause(self) -> None:
        """Let another progress display (a download bar) draw in the spinner's place."""
        self.clear()

    def timings(self, brief: Brief) -> None:
        if not self.enabled:
            return
        self.clear()
        from vnsum.render.sanitize import one_line

        parts = ", ".join(f"{k} {v:.2f}s" for k, v in brief.timings.items()) or "from the result cache, no model run"
        self.env.err(f"vnsum: {one_line(brief.source)}: {parts}")
