"""Passages the site's template pastes into the body of many pages, one hit for each.

The kind takes part in both passes of an audit. The first counts on how many pages
each passage occurs (``scan_keys``, from the raw source), and ``template_keys`` keeps
those on at least ``min_pages`` pages and ``min_share`` of them. The second takes them
out of each page's body before its rules run (``mark_page``), and the site rule then
reports each once, at its first page. Passages are whole paragraphs, headings, list
items or their sentences of ``min_chars`` characters or more, compared with case,
spacing and punctuation folded (``_template``).
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, NUMBER, Param
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, page_list
from linter.checks.site._reduce import (
    Group,
    Pages,
    first_once,
    others_of,
    reduce_in_memory,
    signed64,
)
from linter.checks.site._template import mark_template, source_keys
from linter.model import Document

SCOPE = "corpus"
PARAMS: dict[str, Param] = {
    "min_chars": COUNT,
    "min_pages": COUNT,
    "min_share": NUMBER,
    "max_listed": COUNT,
}


def validate(params: Mapping[str, Any]) -> str | None:
    share = params.get("min_share", 0.02)
    if not 0 < share <= 1:
        return "min_share must be a share of pages between 0 and 1, such as 0.02"
    return None


def scan_keys(text: str, fmt: str, params: Mapping[str, Any]) -> set[int]:
    """Pass 1, on a page's decoded source: the keys of its passages."""
    return source_keys(text, fmt, params["min_chars"])


def needed_pages(pages: int, params: Mapping[str, Any]) -> int:
    """On how many of ``pages`` a passage must be to be the template's, not a writer's."""
    return math.ceil(max(params["min_pages"], params["min_share"] * pages))


def template_keys(counts: Counter[int], pages: int, params: Mapping[str, Any]) -> frozenset[int]:
    """Passage keys found on enough pages to be the template's, not a writer's."""
    needed = needed_pages(pages, params)
    return frozenset(key for key, count in counts.items() if count >= needed)


def mark_page(
    doc: Document, keys: frozenset[int], params: Mapping[str, Any]
) -> list[tuple[int, int, str]]:
    """Pass 2, before the page's rules run: its template passages taken out of its body,
    as ``(key, source offset, text)`` (see ``_template.mark_template``)."""
    return mark_template(doc, keys, params["min_chars"])


def group_size(params: Mapping[str, Any]) -> tuple[int, int | None]:
    """Every passage found is reported: the first pass already counted its pages."""
    return 1, None


def site_keys(page: PageFacts, params: Mapping[str, Any]) -> list[int]:
    """The keys of the page's template passages, each once."""
    return first_once(signed64(key) for key, _ in page.template)


def _place(key: int) -> Callable[[PageFacts], Located]:
    """Where passage ``key`` is on a page: its first place."""
    return lambda page: next(at for found, at in page.template if signed64(found) == key)


def reduce_site(
    groups: Iterable[Group], pages: Pages, params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    """One hit per passage, at its first page."""
    for key, members in groups:
        first, others = members[0], members[1:]
        paths, places = others_of(pages, others, _place(key))  # type: ignore[arg-type]
        yield SiteHit(
            first,
            _place(key)(pages.facts(first)),  # type: ignore[arg-type]
            {
                "count": len(members),
                "share": round(100 * len(members) / pages.total),
                "pages": page_list(paths, params["max_listed"]),
            },
            places,
        )


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    return reduce_in_memory(sys.modules[__name__], pages, params)
