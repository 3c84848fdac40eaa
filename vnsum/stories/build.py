"""Reports in, a Digest out: fold same-URL copies, group, merge each story, find its
disagreements, order the stories. Pure: no model, no file, no network.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from vnsum.stories import group as grouping
from vnsum.stories.disagree import disagreements as find_disagreements
from vnsum.stories.merge import merge_points
from vnsum.stories.urls import canonical
from vnsum.story import Digest, DigestDone, Event, Failure, Member, Report, Story, StoryReady


@dataclass(frozen=True)
class Settings:
    """How stories are made (the defaults are the tuned ones, see benchmarks/digest_eval.py)."""

    #: Key points per story.
    points: int = 5
    #: Look for disagreements between a story's outlets.
    disagreements: bool = True
    same_story: float = grouping.SAME_STORY
    duplicate: float = grouping.DUPLICATE
    related: float = grouping.RELATED


_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?|(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\D+(\d{1,2})[:h](\d{2}))?"
)


def when(date: str | None) -> tuple[int, ...]:
    """A sortable (year, month, day, hour, minute) from the dates articles carry ("2024-02-07T23:41",
    "7/2/2024, 23:41", "23/10/2013 11:39"); () when there is none."""
    if not date:
        return ()
    m = _DATE.search(date)
    if not m:
        return ()
    if m.group(1):
        parts = [m.group(1), m.group(2), m.group(3), m.group(4) or 0, m.group(5) or 0]
    else:
        parts = [m.group(8), m.group(7), m.group(6), m.group(9) or 0, m.group(10) or 0]
    return tuple(int(p) for p in parts)


def stories_of(
    reports: Sequence[Report], settings: Settings = Settings(), timings: dict[str, float] | None = None
) -> Iterator[Story]:
    """The stories of ``reports``, in digest order: most outlets first, then newest first."""
    timings = timings if timings is not None else {}
    start = time.perf_counter()
    first_of: dict[str, int] = {}
    same_url: dict[int, int] = {}
    for i, r in enumerate(reports):
        key = canonical(r.url) if r.url else None
        if key is None:
            continue
        if key in first_of:
            same_url[i] = first_of[key]
        else:
            first_of[key] = i
    kept = [i for i in range(len(reports)) if i not in same_url]
    docs = [grouping.document(reports[i].title_vi, reports[i].sentences) for i in kept]
    if docs:
        x = grouping.vectors(docs)
        g = grouping.group(x, same_story=settings.same_story, duplicate=settings.duplicate, related=settings.related)
    else:
        g = grouping.Grouping((), (), {}, ())
    timings["group"] = timings.get("group", 0.0) + time.perf_counter() - start
    copies: dict[int, int] = {kept[i]: kept[j] for i, j in g.duplicates.items()}
    copies.update(same_url)
    score = {kept[i]: s for i, s in enumerate(g.scores)}
    made: list[tuple[Story, tuple[int, ...]]] = []
    for gi, members in enumerate(g.groups):
        start = time.perf_counter()
        idx = [kept[i] for i in members] + sorted(i for i, j in same_url.items() if kept.index(j) in members)
        made.append((_story(reports, idx, score, copies, settings, timings), (gi,)))
        timings["merge"] = timings.get("merge", 0.0) + time.perf_counter() - start
    order = sorted(range(len(made)), key=lambda k: _rank(made[k][0], k))
    ids = {made[k][1][0]: f"s{n + 1}" for n, k in enumerate(order)}
    links: dict[int, list[tuple[str, float]]] = {}
    for a, b, v in g.related:
        links.setdefault(a, []).append((ids[b], v))
        links.setdefault(b, []).append((ids[a], v))
    for k in order:
        story, (gi,) = made[k]
        related = tuple(sorted(links.get(gi, ()), key=lambda t: (-t[1], t[0])))
        yield Story(**{**story.__dict__, "id": ids[gi], "related": related})


def _rank(story: Story, k: int) -> tuple[object, ...]:
    t = when(story.date)
    return (-len(story.outlets), tuple(-p for p in t) if t else (1,), k)


def _story(
    reports: Sequence[Report],
    idx: list[int],
    score: dict[int, float],
    copies: dict[int, int],
    settings: Settings,
    timings: dict[str, float],
) -> Story:
    originals = sorted((i for i in idx if i not in copies), key=lambda i: (-score.get(i, 1.0), i))
    folded: dict[str, list[str]] = {reports[i].id: [reports[i].outlet] for i in originals}
    for i in idx:
        if i in copies:
            root = copies[i]
            while root in copies:
                root = copies[root]
            folded.setdefault(reports[root].id, [reports[root].outlet]).append(reports[i].outlet)
    members = []
    for i in sorted(idx, key=lambda i: (i in copies, -score.get(i, 1.0), i)):
        r = reports[i]
        dup = None
        if i in copies:
            root = copies[i]
            while root in copies:
                root = copies[root]
            dup = reports[root].id
        members.append(
            Member(
                r.id,
                r.outlet,
                r.source,
                r.url,
                r.date,
                r.title_vi,
                r.brief.headline_en if r.brief else None,
                score.get(i, 1.0),
                dup,
            )
        )
    lead = reports[originals[0]] if originals else reports[idx[0]]
    arts = [reports[i] for i in originals]
    points = merge_points(arts, settings.points, outlets={k: tuple(dict.fromkeys(v)) for k, v in folded.items()})
    start = time.perf_counter()
    found = find_disagreements(arts) if settings.disagreements and len({a.outlet for a in arts}) > 1 else ()
    timings["disagree"] = timings.get("disagree", 0.0) + time.perf_counter() - start
    dates = sorted((when(reports[i].date), reports[i].date) for i in idx if when(reports[i].date))
    brief = lead.brief
    return Story(
        id="",
        headline_vi=lead.title_vi,
        headline_en=brief.headline_en if brief else None,
        summary_vi=brief.summary_vi if brief else "",
        summary_en=brief.summary_en if brief else "",
        points=points,
        members=tuple(members),
        disagreements=found,
        date=dates[-1][1] if dates else None,
    )


def digest_events(
    reports: Sequence[Report],
    settings: Settings = Settings(),
    failures: Sequence[Failure] = (),
    timings: dict[str, float] | None = None,
) -> Iterator[Event]:
    """Each story as it is made (:class:`StoryReady`), then the whole :class:`DigestDone`."""
    timings = dict(timings or {})
    stories = []
    for n, story in enumerate(stories_of(reports, settings, timings)):
        stories.append(story)
        yield StoryReady(story, n)
    yield DigestDone(Digest(tuple(stories), tuple(failures), len(reports), timings))


def build_digest(reports: Sequence[Report], settings: Settings | None = None, **kwargs: object) -> Digest:
    """The digest of ``reports`` (keyword arguments are :class:`Settings` fields)."""
    settings = settings or Settings(**kwargs)  # type: ignore[arg-type]
    last = None
    for event in digest_events(reports, settings):
        last = event
    assert isinstance(last, DigestDone)
    return last.digest
