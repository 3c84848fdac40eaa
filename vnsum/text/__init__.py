"""The text stage: clean the decoded text, find the article's structure, split sentences.

Pure Python, no model: it runs before anything is loaded.
"""

from vnsum.text.article import Article, Paragraph, parse_article, strip_agency_tag
from vnsum.text.clean import TONE_STYLES, clean_text, fold_tone_placement, place_tone_marks, tone_style
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
    "TONE_STYLES",
    "Article",
    "Kind",
    "Paragraph",
    "clean_text",
    "fold_tone_placement",
    "is_vietnamese_syllable",
    "parse_article",
    "place_tone_marks",
    "reading_report",
    "sentence_spans",
    "split_sentences",
    "strip_agency_tag",
    "tone_style",
    "vietnamese_share",
]
