"""Briefs written as they are made: the events of ``Pipeline.iter_run`` in every format.

- ``jsonl``: each event on its own line, flushed at once (docs/events.md);
- ``plain``, ``markdown``, ``rich`` (not on a terminal): each brief as soon as it is done,
  byte for byte what the format writes for the whole run;
- ``json``: one document, written when the run ends (an object, or a list for several sources);
- ``rich`` on a terminal (``live=True``): a panel that fills in place as the headline, the key
  points and the summary are ready (Rich Live: redrawn, not scrolled, so it does not flicker).
"""

from __future__ import annotations

from dataclasses import replace
from typing import IO, Any

from vnsum.brief import Brief, KeyPoint, key_point_field
from vnsum.events import Done, Event, Failed, Headline, KeyPointReady, Started, Summary
from vnsum.render import jsonout, markdown, plain, terminal
from vnsum.render.base import RenderOptions
from vnsum.render.layout import Part


class BriefStream:
    """Write a run's events to ``file`` in ``fmt``; ``close()`` ends the document."""

    def __init__(self, fmt: str, file: IO[str], options: RenderOptions, several: bool, live: bool = False) -> None:
        self.fmt = fmt
        self.file = file
        self.options = options
        self.several = several
        self.written = 0
        self._done: list[Brief] = []
        self._live = LivePanel(file, options) if live and fmt == "rich" else None

    def __call__(self, event: Event) -> None:
        if self.fmt == "jsonl":
            self.file.write(jsonout.event_line(event))
            self.file.flush()
            return
        if self._live is not None:
            self._live.handle(event)
            if isinstance(event, Done):
                self.written += 1
            return
        if not isinstance(event, Done):
            return
        if self.fmt == "json":
            self._done.append(event.brief)
            return
        one = {"plain": plain.write_plain_one, "markdown": markdown.write_markdown_one, "rich": terminal.write_rich_one}
        one[self.fmt](event.brief, self.file, self.options, self.written, self.several)
        self.written += 1
        self.file.flush()

    def stage(self, label: str) -> None:
        """What the models are doing (shown under the live panel)."""
        if self._live is not None:
            self._live.stage(label)

    def clear(self) -> None:
        """Before an error line: take the unfinished panel off the screen."""
        if self._live is not None:
            self._live.stop(keep=False)

    def close(self) -> None:
        if self._live is not None:
            self._live.stop(keep=False)
        if self.fmt == "json" and self._done:
            self.file.write(jsonout.to_json(self._done, several=self.several))


class LivePanel:
    """One brief at a time, drawn in place and filled in as its events come."""

    def __init__(self, file: IO[str], options: RenderOptions) -> None:
        self.file = file
        self.options = options
        self._live: Any = None
        self._brief: Brief | None = None
        self._flags: set[str] = set()
        self._points: dict[int, KeyPoint] = {}
        self._pending = frozenset({Part.SUMMARY, Part.KEY_POINTS})
        self._stage = ""
        self._first = True

    def handle(self, event: Event) -> None:
        if isinstance(event, Started):
            self._start(event.source)
        elif self._brief is None:
            return
        elif isinstance(event, Headline):
            self._brief = replace(self._brief, headline_vi=event.text_vi, headline_en=event.text_en)
            self._flag("headline_en", event.flagged)
        elif isinstance(event, KeyPointReady):
            self._points[event.number] = event.point
            self._brief = replace(self._brief, key_points=[self._points[i] for i in sorted(self._points)])
            self._flag(key_point_field(event.number), event.flagged)
        elif isinstance(event, Summary):
            self._brief = replace(self._brief, summary_en=event.summary_en, summary_vi=event.summary_vi)
            self._pending = frozenset()
            self._flag("summary_en", event.flagged)
        elif isinstance(event, Done):
            self._draw(event.brief, final=True)
            self.stop(keep=True)
            return
        elif isinstance(event, Failed):
            self.stop(keep=False)
            return
        if self._brief is not None:
            self._draw(self._brief)

    def stage(self, label: str) -> None:
        self._stage = label
        if self._live is not None and self._brief is not None:
            self._draw(self._brief)

    def stop(self, keep: bool) -> None:
        if self._live is None:
            return
        if not keep:
            from rich.text import Text

            self._live.update(Text(""), refresh=True)
        self._live.stop()
        self._live = None
        self._brief = None

    def _flag(self, field: str, on: bool) -> None:
        if on:
            self._flags.add(field)

    def _start(self, source: str) -> None:
        from rich.live import Live

        self.stop(keep=False)
        if not self._first:
            self.file.write("\n")
        self._first = False
        self._brief = Brief(
            source=source,
            headline_vi=None,
            headline_en=None,
            summary_vi="",
            summary_en="",
            key_points=[],
            models={},
            recipe="",
            engine="",
        )
        self._flags = set()
        self._points = {}
        self._pending = frozenset({Part.SUMMARY, Part.KEY_POINTS})
        self._live = Live(
            console=terminal.console(self.file, self.options.width), auto_refresh=False, transient=False, redirect_stdout=False
        )
        self._live.start()
        self._draw(self._brief)

    def _draw(self, brief: Brief, final: bool = False) -> None:
        if self._live is None:
            return
        if final:
            self._live.update(terminal.brief_panel(brief, self.options.show_source), refresh=True)
            return
        from rich.console import Group
        from rich.text import Text

        panel = terminal.brief_panel(brief, self.options.show_source, self._pending, frozenset(self._flags))
        status = Text(self._stage, style="dim") if self._stage else Text("")
        self._live.update(Group(panel, status), refresh=True)
