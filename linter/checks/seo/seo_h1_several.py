"""Several H1s on the page, judged against the article's headline, once per page.

The headline is ``_page.page_headline`` (the article's headline, else the first H1 that
can be one); the other H1s with something to read are the extra ones (an empty H1 is
SEO011's or the template rule's, never "another H1"). An extra H1 is in the template
when it sits outside the article body or is a logo, the site's name, a button, a dialog's
title, a hidden screen or a link's card (``PageH1.in_template``), or repeats the
headline's text (a sticky header's copy).

``part`` says which finding this rule gives: ``article`` when at least one extra H1 is
in the article body (at the first of those, every extra listed as related), ``template``
when every extra H1 is in the template (at the first of them), and also for empty H1s
outside the article body. ``max_count`` H1s are allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, choice
from linter.checks.seo._page import PageH1, page_h1s, page_headline
from linter.model import Document, Related

PARAMS: dict[str, Param] = {"part": choice("article", "template"), "max_count": COUNT}
FORMATS = ("html",)


def _related(doc: Document, h1s: list[PageH1]) -> list[Related]:
    places = []
    for h1 in h1s:
        line, column = doc.lines.position(h1.heading.start)
        places.append(Related(line, column, h1.heading.text or "(empty)"))
    return places


def _advice(doc: Document, headline: PageH1 | None, extra: int) -> str:
    others = "the other one" if extra == 1 else f"the other {extra}"
    if headline is not None and not headline.not_headline:
        line = doc.lines.position(headline.heading.start)[0]
        return f"The headline is the H1 on line {line}; make {others} H2 or plain text."
    return "None of them reads as the article's headline: keep one H1 for the headline and make the others H2 or plain text."


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    h1s = page_h1s(doc)
    headline = page_headline(doc)
    worded = [h for h in h1s if not h.empty]
    keeper = headline or (worded[0] if worded else None)
    extras = [h for h in worded if h is not keeper] if len(worded) > params["max_count"] else []
    copy = _normal_text(keeper) if keeper is not None else None
    # an extra H1 that repeats the headline is a sticky header's or a print copy
    body = [h for h in extras if not h.in_template and _normal_text(h) != copy]
    if params["part"] == "article":
        if body:
            at = body[0]
            yield _hit(
                doc,
                at,
                [h for h in extras if h is not at],
                count=len(worded),
                advice=_advice(doc, headline, len(extras)),
            )
        return
    empties = [h for h in h1s if h.empty and h.in_template]
    listed = ([] if body else extras) + empties
    if not listed:
        return
    listed.sort(key=lambda h: h.heading.start)
    parts = []
    if listed != empties:
        parts.append(_some(len(listed) - len(empties), "extra H1"))
    if empties:
        parts.append(_some(len(empties), "empty H1"))
    advice = (
        _advice(doc, headline, len(extras))
        if listed != empties
        else "Remove empty H1s or give them text."
    )
    yield _hit(doc, listed[0], listed[1:], what=" and ".join(parts), advice=advice)


def _hit(doc: Document, at: PageH1, others: list[PageH1], **args: object) -> Hit:
    heading = at.heading
    return Hit(heading.start, heading.end, dict(args), related=_related(doc, others))


def _some(count: int, what: str) -> str:
    return f"an {what}" if count == 1 else f"{count} {what}s"


def _normal_text(h1: PageH1) -> str:
    return " ".join(h1.heading.text.casefold().split())
