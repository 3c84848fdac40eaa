"""``vnsum digest``: articles about the same event across outlets as one story each.

Stages, each a function over the typed values of :mod:`vnsum.story`:

``reports``   an article (its text, its brief) or a brief alone -> :class:`Report`
``group``     reports -> groups of the same event, near-duplicates, follow-up links
``merge``     a story's reports -> its key points, each citing every outlet that said it
``disagree``  a story's reports -> the values on which its outlets differ
``build``     all of it -> :class:`Digest` (or a stream of events)
``run``       inputs (files, feeds, batch outputs) through the Pipeline -> reports
``formats``   a Digest as rich, plain, markdown, json or jsonl

The package is ``stories`` because ``vnsum.digest`` is the library's function.
"""

from vnsum.stories.build import Settings, build_digest, digest_events, stories_of
from vnsum.story import (
    ArticleRead,
    Citation,
    Claim,
    Digest,
    DigestDone,
    Disagreement,
    Event,
    Failure,
    Member,
    Report,
    Sentence,
    Story,
    StoryPoint,
    StoryReady,
)

__all__ = [
    "ArticleRead",
    "Citation",
    "Claim",
    "Digest",
    "DigestDone",
    "Disagreement",
    "Event",
    "Failure",
    "Member",
    "Report",
    "Sentence",
    "Settings",
    "Story",
    "StoryPoint",
    "StoryReady",
    "build_digest",
    "digest_events",
    "stories_of",
]
