"""What a piece of an article is (the labels of ``../shared/corpus/structure-conventions.md``).

``Kind`` is a ``str`` enum: a kind compares equal to its label ("body" == Kind.BODY), prints as
it and goes into JSON as it, so reports and scripts see plain labels.
"""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """The kind of a paragraph or of a piece inside one."""

    TITLE = "title"
    LEAD = "lead"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    BYLINE = "byline"
    SOURCE_LINE = "source_line"
    RELATED_LINKS = "related_links"
    FURNITURE = "furniture"
    SUBHEADING = "subheading"
    AGENCY_TAG = "agency_tag"

    def __str__(self) -> str:
        return self.value

    __hash__ = str.__hash__  # "body" and Kind.BODY are the same key of a set or dict


TITLE = Kind.TITLE
LEAD = Kind.LEAD
BODY = Kind.BODY
CAPTION = Kind.CAPTION
CREDIT = Kind.CREDIT
BYLINE = Kind.BYLINE
SOURCE_LINE = Kind.SOURCE_LINE
RELATED_LINKS = Kind.RELATED_LINKS
FURNITURE = Kind.FURNITURE
SUBHEADING = Kind.SUBHEADING
AGENCY_TAG = Kind.AGENCY_TAG
#: The old name of page furniture (menus, share and login prompts, copyright lines).
BOILERPLATE = FURNITURE

#: Kinds whose text is the article (summarised, and where key points come from).
BODY_KINDS = frozenset([LEAD, BODY])
#: Kinds that are not prose of the article at all (left out of the language check).
PAGE_KINDS = frozenset([FURNITURE, RELATED_LINKS])
NON_BODY_KINDS = frozenset([CAPTION, CREDIT, BYLINE, SOURCE_LINE, RELATED_LINKS, FURNITURE, SUBHEADING, AGENCY_TAG])

__all__ = [
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
    "PAGE_KINDS",
    "RELATED_LINKS",
    "SOURCE_LINE",
    "SUBHEADING",
    "TITLE",
    "Kind",
]
