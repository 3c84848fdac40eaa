"""Faithfulness checks for a brief: numbers, amounts, percentages, dates, times and names.

No model is involved: values are extracted from both texts by rules and compared.

* :func:`check_summary` - each value of a Vietnamese summary must be supported
  by the article ("not in the article").
* :func:`check_translation` - each value of the Vietnamese text must have its
  counterpart in the English ("missing from the English") and each value of the
  English one in the Vietnamese ("not in the Vietnamese").
* :func:`choose_translation` - the first of a beam's hypotheses that passes.
* :func:`check_record` - one line of ``vnsum check FILE.jsonl``.

Where things go
---------------
``values.py``    the :class:`Value` model and its keys; a new *kind of value*
                 starts here (a key helper and its kind name).
``numeric.py``   how a number, amount, percentage, date or time becomes keys,
                 shared by all languages.
``vi.py``        Vietnamese numbers, amounts, percentages, dates, times.
``en.py``        English numbers, amounts, percentages, dates, times.
``names.py``     proper names in both languages and how they match.
``tables.py``    data: places and organisations named differently in the two
                 languages, titles, family names, generic words.  Extend it
                 for new names.
``lexicon.py``   the :class:`Lexicon` value built from ``tables`` (and a glossary)
                 once per Pipeline and passed to every check.
``units.py``     unit conversions a human translator makes (``converted``).
``glossary.py``  the reader's glossary: format, checks, post-edits.
``compare.py``   matching rules and the public functions.

A new *language pair* needs an extractor per new language producing the same
keys (copy ``en.py``; names: ``en_names``), rows in ``tables.PLACES`` (or a
table of its own) and a ``check_translation`` that uses them.

Everything here uses the standard library only and imports nothing else from
vnsum.
"""

from .compare import (
    CONVERTED,
    MISSING_EN,
    MISSPELLED,
    NOT_IN_ARTICLE,
    NOT_IN_VI,
    CheckResult,
    Choice,
    Problem,
    check_record,
    check_summary,
    check_translation,
    choose_hypothesis,
    choose_summary,
    choose_translation,
    english_of,
)
from .glossary import Glossary, GlossaryError, load_glossary, parse_glossary
from .lexicon import Lexicon, build_lexicon, default_lexicon
from .values import KINDS, Value

__all__ = [
    "CONVERTED",
    "KINDS",
    "MISSING_EN",
    "MISSPELLED",
    "NOT_IN_ARTICLE",
    "NOT_IN_VI",
    "CheckResult",
    "Choice",
    "Glossary",
    "GlossaryError",
    "Lexicon",
    "Problem",
    "Value",
    "build_lexicon",
    "check_record",
    "check_summary",
    "check_translation",
    "choose_hypothesis",
    "choose_summary",
    "choose_translation",
    "default_lexicon",
    "english_of",
    "load_glossary",
    "parse_glossary",
]
