"""Pages that share the text of one field (``field``: title, description or H1).

Texts are compared with case and spacing folded. One hit per group, on its first page
in audit order, naming the others (at most ``max_listed``) and listing them as related.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, TEXT, Param
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit, page_list
from linter.checks.site._reduce import Group, Pages, others_of, reduce_in_memory

SCOPE = "corpus"
PARAMS: dict[str, Param] = {"field": TEXT, "max_listed": COUNT}
FIELDS = {"title": "title", "description": "meta description", "h1": "H1"}


def validate(params: Mapping[str, Any]) -> str | None:
    if params.get("field", "title") not in FIELDS:
        return f"field must be one of {', '.join(FIELDS)}"
    return None


def site_keys(page: PageFacts, params: Mapping[str, Any]) -> Iterator[str]:
    """The field's text, case and spacing folded."""
    value = getattr(page, params["field"])
    if value is not None and value.text:
        yield " ".join(value.text.casefold().split())


def reduce_site(
    groups: Iterable[Group], pages: Pages, params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    """One hit per group of pages sharing the text, on its first page."""
    name = params["field"]
    for _, members in groups:
        first, others = members[0], members[1:]
        at = getattr(pages.facts(first), name)
        paths, places = others_of(pages, others, lambda page: getattr(page, name))
        yield SiteHit(
            first,
            at,
            {
                "what": FIELDS[name],
                "text": at.text if len(at.text) <= 80 else at.text[:79] + "…",
                "count": len(members),
                "pages": page_list(paths, params["max_listed"]),
            },
            places,
        )


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    return reduce_in_memory(sys.modules[__name__], pages, params)
