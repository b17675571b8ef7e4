"""A promotional call to action a writer pasted into the article's own paragraphs.

"Subscribe to our newsletter", "Follow us on Twitter", "CLICK HERE TO GET OUR APP":
written as a line of the article, such a prompt interrupts the reader and belongs in the
site's template if anywhere. The phrases are the rule's ``patterns`` (regular
expressions, matched without regard to case). Only prose is read: a block of the
article body (not navigation, footer or sidebar) that the page writes as a paragraph.
The same words on a button or in a sign-up box of the template ("Subscribe", "Apply
Now", "Subscribe Sign In") are the site's furniture, not the writer's text: a bare label
of a few words without sentence punctuation is skipped, and in HTML so is text whose
nearest enclosing block element is not a paragraph, list item or quotation (a ``div``,
``span`` or ``a`` styled as a box or a button). A line the page shows twice word for word
(a sign-up box in a desktop and a mobile copy) is the template's too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import regex

from linter.checks.base import COUNT, TEXTS, Hit, Param, block_hit, word_count
from linter.model import MAIN, Block, Document

PARAMS: dict[str, Param] = {"patterns": TEXTS, "kinds": TEXTS, "max_words": COUNT}

# A label of at most this many words without sentence punctuation is a button or a box
# title ("Subscribe", "Apply Now"), unless it says "click here" or "our" (a writer's
# shouted line: "CLICK HERE TO GET OUR APP").
_LABEL_WORDS = 5
_SENTENCE_END = (".", "!", "?", ":", "…")
_WRITER_CUE = re.compile(r"\b(?:click|tap) here\b|\bour\b", re.IGNORECASE)
# Elements that hold a writer's paragraph; and inline elements a paragraph's text may
# start inside ("<p><strong><a>Click here</a>").
_PROSE_ELEMENTS = frozenset({"p", "li", "blockquote", "dd"})
_INLINE = frozenset(
    {"a", "b", "strong", "em", "i", "u", "span", "font", "mark", "small", "big", "sup",
     "sub", "br", "wbr", "abbr", "cite", "q", "s", "ins", "del", "img"}
)  # fmt: skip
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>")
_LOOKBACK = 600  # characters of source read before a block for its element


# Seconds a pattern may spend on one block (the blocks read are short): a team's pattern
# that backtracks without end stops the rule with a one-line error, as in ``pattern``.
_TIME_LIMIT = 1.0


@lru_cache(maxsize=32)
def _compile(patterns: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(p, regex.IGNORECASE) for p in patterns if p)


def validate(params: Mapping[str, Any]) -> str | None:
    """Why these params cannot work, or ``None``: a bad regex fails at load time."""
    for pattern in params.get("patterns", []):
        try:
            regex.compile(pattern)
        except regex.error as error:
            return f"invalid regular expression {pattern!r} in patterns: {error}"
    return None


def _matches(patterns: tuple[regex.Pattern[str], ...], text: str) -> list[tuple[int, int]]:
    """``(start, -end)`` of every non-empty match, in order."""
    found = []
    for pattern in patterns:
        try:
            found.extend(
                (m.start(), -m.end())
                for m in pattern.finditer(text, timeout=_TIME_LIMIT)
                if m.end() > m.start()
            )
        except TimeoutError:
            raise TimeoutError(
                f"pattern {pattern.pattern!r} was stopped after {_TIME_LIMIT:g} s on one block"
                " (it backtracks too much: simplify nested repeats such as (a+)+)"
            ) from None
    return sorted(found)


def _element(doc: Document, block: Block) -> str | None:
    """Name of the nearest block-level element the block's text starts in (HTML only).

    Inline tags ("<strong>", "<a>", "<br>") are stepped over; ``None`` when the text
    follows a closed block element (loose text in a box) or nothing is found.
    """
    start = block.source_span(0, 0)[0]
    tags = list(_TAG.finditer(doc.source, max(0, start - _LOOKBACK), start))
    for match in reversed(tags):
        name = match.group(2).lower()
        if name in _INLINE:
            continue
        return None if match.group(1) else name
    return None


def _written_as_prose(doc: Document, block: Block) -> bool:
    """Whether the block is a writer's paragraph rather than a button, box or banner."""
    text = block.text.strip()
    if (
        word_count(text) <= _LABEL_WORDS
        and not text.endswith(_SENTENCE_END)
        and not _WRITER_CUE.search(text)
    ):
        return False
    if doc.format != "html":
        return True
    return _element(doc, block) in _PROSE_ELEMENTS


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    """One hit per call to action (the sentence holding it), in article paragraphs."""
    regexes = _compile(tuple(params["patterns"]))
    kinds = frozenset(params["kinds"])
    max_words = params["max_words"]
    copies = Counter(b.text for b in doc.blocks if b.kind in kinds)
    for block in doc.blocks:
        if block.region != MAIN or block.kind not in kinds or copies[block.text] > 1:
            continue
        if max_words and word_count(block.text) > max_words:
            continue
        spans = _matches(regexes, block.text)
        if not spans or not _written_as_prose(doc, block):
            continue
        last_end = -1
        for start, neg_end in spans:
            if start < last_end:
                continue
            last_end = -neg_end
            matched = block.text[start:last_end]
            begin = start + len(matched) - len(matched.lstrip())
            yield block_hit(block, begin, start + len(matched.rstrip()), match=matched.strip())
