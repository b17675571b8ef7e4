"""A title run straight into the first sentence with no break.

When a template drops the line break after the title, the title becomes the start of the
first sentence ("Data Science vs Data Analytics In today's world ..."). The plain-text
reader detects the run-in while inferring the title; for HTML the first body paragraph
is compared with the title and H1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit, Param
from linter.checks.boilerplate._phrases import title_parts
from linter.model import HEADING, Document

PARAMS: dict[str, Param] = {}


def _html_run_in(doc: Document) -> Iterator[Hit]:
    site = doc.meta.og_site_name
    titles = [b.text for b in doc.blocks if b.kind == HEADING and b.level == 1]
    if doc.title:
        titles.extend(title_parts(doc.title, site))
    body = doc.body_blocks()
    if not body:
        return
    first = body[0]
    for title in sorted({t.strip() for t in titles if len(t.split()) >= 3}, key=len, reverse=True):
        if not first.text.startswith(title):
            continue  # what the pattern below starts with; spares compiling it
        # The title, a space, then a sentence: a capitalised word and a lowercase one.
        match = re.match(re.escape(title) + r"(\s+)(?=[A-Z][\w’']*,?\s+[a-z])", first.text)
        if match:
            start, end = first.source_span(0, len(title))
            # No automatic fix: in HTML the break needs new markup, not a newline.
            yield Hit(
                start,
                end,
                {"title": title, "sentence": first.text[match.end() : match.end() + 40]},
                excerpt=title,
            )
            return


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    run_in = doc.title_run_in
    if run_in and doc.title and doc.title_offset is not None:
        start, end = doc.title_offset, run_in.title_end
        sentence_start = run_in.sentence_start
        # The span covers the title and the space after it; the fix puts a blank line there.
        yield Hit(
            start,
            sentence_start,
            {"title": doc.title, "sentence": doc.source[sentence_start : sentence_start + 40]},
            excerpt=doc.title,
            fix=doc.source[start:end] + "\n\n",
        )
        return
    if doc.format == "html":
        yield from _html_run_in(doc)
