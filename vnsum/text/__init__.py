"""The text stage: clean the decoded text, find the article's structure, split sentences.

Pure Python, no model: it runs before anything is loaded.
"""

from vnsum.text.article import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    LEAD,
    TITLE,
    Article,
    Paragraph,
    parse_article,
    strip_agency_tag,
)
from vnsum.text.clean import clean_text, normalize_tone_marks
from vnsum.text.lang import STOPWORDS, vietnamese_share
from vnsum.text.sentences import ABBREVIATIONS, split_sentences

__all__ = [
    "ABBREVIATIONS",
    "BODY",
    "BOILERPLATE",
    "BYLINE",
    "CAPTION",
    "LEAD",
    "STOPWORDS",
    "TITLE",
    "Article",
    "Paragraph",
    "clean_text",
    "normalize_tone_marks",
    "parse_article",
    "split_sentences",
    "strip_agency_tag",
    "vietnamese_share",
]
