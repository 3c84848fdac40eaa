"""What happens to a model's summary before anyone reads it: repeats dropped, the article's spelling.

The summarizers decode without an n-gram ban, as their authors did (a 3-gram ban rewrites the second
mention of a name); a beam that loops is cut here instead, by sentences and by repeated runs of words.
"""

from __future__ import annotations

import re

from vnsum.text import fold_tone_placement, place_tone_marks, split_sentences, tone_style

#: A run of at least this many words said twice in a row ("A B C D A B C D") is said once.
MIN_REPEATED_RUN = 4
_KEY = re.compile(r"[\W_]+")


def _key(sentence: str) -> str:
    return _KEY.sub(" ", fold_tone_placement(sentence).lower()).strip()


def collapse_runs(text: str, min_words: int = MIN_REPEATED_RUN) -> str:
    """Say once a run of ``min_words`` or more words that the text says twice in a row."""
    words = text.split(" ")
    n = min_words
    out: list[str] = []
    i = 0
    while i < len(words):
        out.append(words[i])
        i += 1
        for size in range(len(out) // 2, n - 1, -1):
            if [_key(w) for w in out[-size:]] == [_key(w) for w in out[-2 * size : -size]]:
                del out[-size:]
                break
    return " ".join(out)


def drop_repeated_sentences(text: str) -> str:
    """The text without a sentence that repeats an earlier one (placement, case and punctuation aside)."""
    sentences = split_sentences(text) or [text]
    seen: set[str] = set()
    kept = []
    for sentence in sentences:
        key = _key(sentence)
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return " ".join(kept) if len(kept) < len(sentences) else text


def summary_text(summary: str, article: str) -> str:
    """A model's Vietnamese summary as the user reads it: no looped sentence or run, and tone marks
    placed as the article places them (the model writes its training data's placement)."""
    summary = drop_repeated_sentences(collapse_runs(summary.strip()))
    style = tone_style(article)
    return place_tone_marks(summary, style) if style != "keep" else summary
