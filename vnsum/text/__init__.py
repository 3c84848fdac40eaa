"""The text stage: clean the decoded text, find the article's structure, split sentences.

Pure Python, no model: it runs before anything is loaded.
"""

from vnsum.text.article import Article, Paragraph, parse_article, strip_agency_tag
from vnsum.text.clean import clean_text, normalize_tone_marks
from vnsum.text.kinds import (
    AGENCY_TAG,
    BODY,
    BODY_KINDS,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    LEAD,
    NON_BODY_KINDS,
    RELATED_LINKS,
    SOURCE_LINE,
    SUBHEADING,
    TITLE,
    Kind,
)
from vnsum.text.lang import STOPWORDS, vietnamese_share
from vnsum.text.lexicon import ABBREVIATIONS, is_vietnamese_syllable
from vnsum.text.report import reading_report
from vnsum.text.segment import split_sentences
from vnsum.text.sentences import sentence_spans

__all__ = [
    "ABBREVIATIONS",
    "AGENCY_TAG",
    "BODY",
    "BODY_KINDS",
    "BOILERPLATE",
    "BYLINE",
    "CAPTION",
    "CREDIT",
    "FURNITURE",
    "LEAD",
    "NON_BODY_KINDS",
    "RELATED_LINKS",
    "SOURCE_LINE",
    "STOPWORDS",
    "SUBHEADING",
    "TITLE",
    "Article",
    "Kind",
    "Paragraph",
    "clean_text",
    "is_vietnamese_syllable",
    "normalize_tone_marks",
    "parse_article",
    "reading_report",
    "sentence_spans",
    "split_sentences",
    "strip_agency_tag",
    "vietnamese_share",
]
