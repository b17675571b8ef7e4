"""An article body without internal links, outbound links, or (with ``each`` false,
the default) both.

Only navigable links of the main region count; a link is internal when it is relative
or on the host of the canonical URL (``www.`` aside). Reported at the first paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from linter.checks.base import FLAG, Hit, Param, block_hit
from linter.checks.seo._links import is_navigable
from linter.checks.seo._page import first_paragraph
from linter.model import MAIN, Document

PARAMS: dict[str, Param] = {"each": FLAG}
FORMATS = ("html",)


def _host(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    if not doc.body_blocks():
        return
    home = _host(doc.meta.canonical or "")
    internal = outbound = 0
    for link in doc.links:
        if link.region != MAIN or not is_navigable(link.href):
            continue
        host = _host(link.href) if "//" in link.href else ""
        if not host or host == home:
            internal += 1
        else:
            outbound += 1
    missing = []
    if not internal:
        missing.append("internal")
    if not outbound:
        missing.append("outbound")
    if not missing or (len(missing) == 1 and not params["each"]):
        return
    what = " or ".join(missing)
    block = first_paragraph(doc) or doc.body_blocks()[0]
    yield block_hit(block, 0, len(block.text), missing=what)
