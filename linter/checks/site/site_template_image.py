"""An image of the site template without ``alt``, once for the whole site.

Each page reports its template's images without alt in one info finding (SEO025); across
a site the same logo or icon is then reported on every page. Here each image, by its
file name, is one finding on the first page that has it, naming how many pages show it
and listing them as related places: the developer fixes it once, in the template.
Images on fewer than ``min_pages`` pages are left to the page rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from linter.checks.base import COUNT, Param
from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, page_list, related

SCOPE = "corpus"
FORMATS = ("html",)
PARAMS: dict[str, Param] = {"min_pages": COUNT, "max_listed": COUNT}


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    places: dict[str, list[tuple[int, Located]]] = defaultdict(list)
    for index, page in enumerate(pages):
        seen = set()
        for name, at in page.template_images:
            if name not in seen:  # one place per page: the image's first copy
                seen.add(name)
                places[name].append((index, at))
    for name, found in places.items():
        if len(found) < max(params["min_pages"], 2):
            continue
        (first, at), others = found[0], found[1:]
        yield SiteHit(
            first,
            at,
            {
                "src": name,
                "count": len(found),
                "pages": page_list([pages[i].path for i, _ in others], params["max_listed"]),
            },
            [related(pages[i], place) for i, place in others],
        )
