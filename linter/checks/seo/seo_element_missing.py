"""A page element that every page needs is missing, or there but empty.

``element`` names it: ``title``, ``description`` (the meta description), ``h1``,
``canonical`` (``<link rel="canonical">``) or ``lang`` (of ``<html>``). The reader says
whether the page has it; when it does not, the finding sits on the empty element in the
page's markup (``doc.page``), else at ``<head>`` (for an H1, ``<body>``).
``problem`` says which: "is missing", or how the element is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, Param, block_hit, choice
from linter.checks.seo._page import (
    head_anchor,
    heading_blocks,
    normal_name,
    page_h1s,
    page_headline,
    page_of,
    repeats_title,
    site_names,
    tag_hit,
)
from linter.model import MAIN, Block, Document

FORMATS = ("html",)


def _title(doc: Document) -> Hit | None:
    if doc.title:  # the first <title> is the one browsers and search engines use
        return None
    tags = page_of(doc).titles
    if tags:
        return tag_hit(tags[0], problem="is empty")
    # no <title> tag outside hidden markup (the reader found one in an SVG)
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if doc.title is None else "is empty"
    return hit


def _description(doc: Document) -> Hit | None:
    if any(d.strip() for d in doc.meta.descriptions):
        return None
    tags = page_of(doc).metas_named("description")
    if tags:
        return tag_hit(tags[0], problem="is empty")
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing"
    return hit


_WHAT = {
    "logo": "the site's logo",
    "site name": "the site's name",
    "button": "a button",
    "dialog": "a pop-up's title",
    "hidden": "hidden",
    "teaser": "a link to another page",
}


def _h1(doc: Document) -> Hit | None:
    """An H1 counts wherever it sits, unless it cannot be the article's headline (a
    logo, the site's name, a button, a dialog's title, a hidden screen: ``_page``)."""
    if page_headline(doc) is not None:
        return None
    h1s = page_h1s(doc)
    worded = [h for h in h1s if not h.empty]
    if h1s and not worded:
        first = h1s[0].heading
        return Hit(first.start, first.end, {"problem": "has no text"}, excerpt="")
    if worded:
        kinds = list(dict.fromkeys(_WHAT[h.not_headline] for h in worded))
        lines = ", ".join(str(doc.lines.position(h.heading.start)[0]) for h in worded[:5])
        only = "only H1" if len(worded) == 1 else "H1s"
        where = "line" if len(worded) == 1 else "lines"
        problem = f"is missing: the page's {only} ({where} {lines}) {'is' if len(worded) == 1 else 'are'} {' or '.join(kinds)}, not a headline"
    else:
        problem = "is missing"
    lookalike = _headline_lookalike(doc)
    if lookalike is not None:
        hit = block_hit(lookalike, 0, len(lookalike.text))
        hit.args["problem"] = f"{problem}; the headline here is marked up as an H{lookalike.level}"
        return hit
    if worded:
        first = worded[0].heading
        return Hit(first.start, first.end, {"problem": problem})
    body = page_of(doc).body
    hit = Hit(body.start, body.end) if body else head_anchor(doc)
    hit.args["problem"] = problem
    return hit


def _headline_lookalike(doc: Document) -> Block | None:
    """A lower heading of the article that the title repeats: the headline, marked up as
    H2 or lower. Not one in the page's chrome (a share box repeating the title, a menu)
    and not the site's name."""
    names = site_names(doc)
    return next(
        (
            b
            for b in heading_blocks(doc, MAIN)
            if b.level > 1 and repeats_title(doc, b.text) and normal_name(b.text) not in names
        ),
        None,
    )


def _canonical(doc: Document) -> Hit | None:
    canonical = doc.meta.canonical
    if canonical:
        return None
    hit = head_anchor(doc)
    hit.args["problem"] = "is missing" if canonical is None else "has an empty href"
    return hit


def _lang(doc: Document) -> Hit | None:
    """At the ``<html>`` tag; ``xml:lang`` counts as well."""
    if doc.lang:
        return None
    html = page_of(doc).html
    hit = Hit(html.start, html.end) if html else head_anchor(doc)
    has_attr = html is not None and ("lang" in html.attrs or "xml:lang" in html.attrs)
    hit.args["problem"] = "is empty" if has_attr else "is missing"
    return hit


_ELEMENTS: dict[str, Callable[[Document], Hit | None]] = {
    "title": _title,
    "description": _description,
    "h1": _h1,
    "canonical": _canonical,
    "lang": _lang,
}

PARAMS: dict[str, Param] = {"element": choice(*_ELEMENTS)}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    hit = _ELEMENTS[params["element"]](doc)
    if hit is not None:
        yield hit
