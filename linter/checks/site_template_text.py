"""SITE004: a passage the site's template pastes into the body of many pages.

An author box, a disclaimer or a sign-up pitch inside every article is reported once for
the site with the number of pages carrying it, and taken out of each page's readability
and repetition rules: it is not the writer's prose, and a long sentence in it would
otherwise be reported on every page. Passages are whole paragraphs, headings, list items
or their sentences of ``min_chars`` characters or more, compared with case, spacing and
punctuation folded. A first pass of the audit counts them (see ``template_keys``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from linter.audit.facts import Located, PageFacts
from linter.audit.site import SiteHit, page_list, related

SCOPE = "corpus"
PARAMS: dict[str, Any] = {"min_chars": 100, "min_pages": 3, "min_share": 0.02, "max_listed": 10}


def validate(params: Mapping[str, Any]) -> str | None:
    share = params.get("min_share", 0.02)
    if not 0 < share <= 1:
        return "min_share must be a share of pages between 0 and 1, such as 0.02"
    return None


def template_keys(counts: Counter[int], pages: int, params: Mapping[str, Any]) -> frozenset[int]:
    """Passage keys found on enough pages to be the template's, not a writer's."""
    needed = max(params["min_pages"], params["min_share"] * pages)
    return frozenset(key for key, count in counts.items() if count >= needed)


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    seen: dict[int, list[tuple[int, Located]]] = defaultdict(list)
    for index, page in enumerate(pages):
        for key, at in page.template:
            if not seen[key] or seen[key][-1][0] != index:  # once per page
                seen[key].append((index, at))
    for places in seen.values():
        (first, at), others = places[0], places[1:]
        yield SiteHit(
            first,
            at,
            {
                "count": len(places),
                "share": round(100 * len(places) / len(pages)),
                "pages": page_list([pages[i].path for i, _ in others], params["max_listed"]),
            },
            [related(pages[i], place) for i, place in others],
        )
