"""Pages that share the text of one field (``field``: title, description or H1).

Texts are compared with case and spacing folded. One hit per group, on its first page
in audit order, naming the others (at most ``max_listed``) and listing them as related.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, TEXT, Param
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit, page_list, related

SCOPE = "corpus"
PARAMS: dict[str, Param] = {"field": TEXT, "max_listed": COUNT}
FIELDS = {"title": "title", "description": "meta description", "h1": "H1"}


def validate(params: Mapping[str, Any]) -> str | None:
    if params.get("field", "title") not in FIELDS:
        return f"field must be one of {', '.join(FIELDS)}"
    return None


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    name = params["field"]
    groups: dict[str, list[int]] = defaultdict(list)
    for index, page in enumerate(pages):
        value = getattr(page, name)
        if value is not None and value.text:
            groups[" ".join(value.text.casefold().split())].append(index)
    for members in groups.values():
        if len(members) < 2:
            continue
        first, others = members[0], members[1:]
        at = getattr(pages[first], name)
        yield SiteHit(
            first,
            at,
            {
                "what": FIELDS[name],
                "text": at.text if len(at.text) <= 80 else at.text[:79] + "…",
                "count": len(members),
                "pages": page_list([pages[i].path for i in others], params["max_listed"]),
            },
            [related(pages[i], getattr(pages[i], name)) for i in others],
        )
