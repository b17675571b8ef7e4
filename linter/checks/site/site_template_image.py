"""An image of the site template without ``alt``, once for the whole site.

Each page reports its template's images without alt in one info finding (SEO025); across
a site the same logo or icon is then reported on every page. Here each image, by its
file name, is one finding on the first page that has it, naming how many pages show it
and listing them as related places: the developer fixes it once, in the template.
Images on fewer than ``min_pages`` pages are left to the page rule.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, Param
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, page_list
from linter.checks.site._reduce import Group, Pages, first_once, others_of, reduce_in_memory

SCOPE = "corpus"
FORMATS = ("html",)
PARAMS: dict[str, Param] = {"min_pages": COUNT, "max_listed": COUNT}


def group_size(params: Mapping[str, Any]) -> tuple[int, int | None]:
    return max(params["min_pages"], 2), None


def site_keys(page: PageFacts, params: Mapping[str, Any]) -> list[str]:
    """The names of the page's template images without alt, each once."""
    return first_once(name for name, _ in page.template_images)


def _place(name: str) -> Callable[[PageFacts], Located]:
    """Where image ``name`` is on a page: its first copy."""
    return lambda page: next(at for found, at in page.template_images if found == name)


def reduce_site(
    groups: Iterable[Group], pages: Pages, params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    """One hit per image, on the first page that shows it."""
    for name, members in groups:
        first, others = members[0], members[1:]
        paths, places = others_of(pages, others, _place(name))
        yield SiteHit(
            first,
            _place(name)(pages.facts(first)),
            {"src": name, "count": len(members), "pages": page_list(paths, params["max_listed"])},
            places,
        )


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    return reduce_in_memory(sys.modules[__name__], pages, params)
