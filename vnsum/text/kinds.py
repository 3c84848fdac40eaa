"""What a piece of an article is (the labels of ``../shared/corpus/structure-conventions.md``)."""

from __future__ import annotations

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
#: The old name of page furniture (menus, share and login prompts, copyright lines).
BOILERPLATE = FURNITURE

#: Kinds whose text is the article (summarised, and where key points come from).
BODY_KINDS = frozenset([LEAD, BODY])
#: Kinds that are not prose of the article at all (left out of the language check).
PAGE_KINDS = frozenset([FURNITURE, RELATED_LINKS])
NON_BODY_KINDS = frozenset([CAPTION, CREDIT, BYLINE, SOURCE_LINE, RELATED_LINKS, FURNITURE, SUBHEADING, AGENCY_TAG])
