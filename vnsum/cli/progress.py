"""Stages and timings on stderr: a spinner when stderr is a terminal, plain lines otherwise (none with -q)."""

from __future__ import annotations

from typing import Any

from vnsum.brief import Brief
from vnsum.cli.env import Environment


class Progress:
    """A spinner for every stage, loading and converting included; ``clear()`` leaves the line empty."""

    def __init__(self, env: Environment, enabled: bool, spinner: bool = True) -> None:
        self.env = env
        self.enabled = enabled
        #: No spinner where a live display on the same terminal shows the stage itself.
        self.tty = enabled and spinner and bool(env.stderr_isatty)
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


def download_bar(env: Environment) -> Any:
    """The hub's download bar (``hub.DownloadBar``) on this Environment's stderr: the byte count,
    speed and time left of one file, its name sanitised, gone when the file is done."""
    from contextlib import contextmanager

    @contextmanager
    def bar(name: str, total: int, done: int) -> Any:
        if env.stderr is None or not env.stderr_isatty:
            yield lambda n: None
            return
        from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn, TransferSpeedColumn
        from rich.progress import Progress as Bars

        from vnsum.render.sanitize import console, one_line

        columns = (TextColumn("{task.description}", markup=False), BarColumn(), DownloadColumn(), TransferSpeedColumn())
        with Bars(*columns, TimeRemainingColumn(), console=console(env.stderr, force_terminal=True), transient=True) as bars:
            task = bars.add_task(one_line(name), total=total, completed=done)
            yield lambda n: bars.advance(task, n)

    return bar
