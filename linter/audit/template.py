"""Template text: passages a site's templates paste into many pages.

A disclaimer or author box inside every article body is not the writer's prose: it
should be reported once for the site, not as a long sentence on each of 5,000 pages.
Passages are compared by a short hash of their words (case and punctuation folded), so a
first pass over the site can count them cheaply and the lint pass can recognise them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from linter.model import HEADING, MAIN, Block, Document

_WORD = re.compile(r"\w+")
# A sentence ends at . ! or ? (and closing quotes) before white space and a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")

TEMPLATE = "template"  # region of a block found to be template text


def passage_key(text: str) -> int:
    """A 64-bit key of ``text``'s words: equal for the same passage however it is spaced."""
    words = " ".join(_WORD.findall(text.casefold()))
    return int.from_bytes(hashlib.blake2b(words.encode(), digest_size=8).digest(), "big")


def passages(text: str, min_chars: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` long enough to count: the whole text, and its sentences."""
    if len(text.strip()) < min_chars:
        return
    yield 0, len(text)
    start = 0
    pieces = []
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, match.start()))
        start = match.end()
    if pieces:
        pieces.append((start, len(text)))
        yield from ((a, b) for a, b in pieces if len(text[a:b].strip()) >= min_chars)


def _candidate_blocks(doc: Document) -> list[Block]:
    """Body blocks whose text a template may have pasted: prose and headings."""
    return [b for b in doc.blocks if b.region == MAIN and (b.is_prose or b.kind == HEADING)]


def page_keys(doc: Document, min_chars: int) -> set[int]:
    """Keys of every passage of the page body; each counts once per page."""
    return {
        passage_key(block.text[a:b])
        for block in _candidate_blocks(doc)
        for a, b in passages(block.text, min_chars)
    }


def mark_template(
    doc: Document, keys: frozenset[int], min_chars: int
) -> list[tuple[int, int, str]]:
    """Take template passages out of the body; returns ``(key, source offset, text)``.

    A block that is template text as a whole moves to the ``template`` region, which no
    body rule reads. A template sentence inside a block of the writer's own is listed in
    the block's ``attrs["template"]`` so sentence rules skip it. Call before any check.
    """
    found: list[tuple[int, int, str]] = []
    for block in _candidate_blocks(doc):
        for a, b in passages(block.text, min_chars):
            key = passage_key(block.text[a:b])
            if key not in keys:
                continue
            found.append((key, block.source_span(a, b)[0], block.text[a:b]))
            if (a, b) == (0, len(block.text)):
                block.region = TEMPLATE
                break
            block.attrs.setdefault("template", []).append((a, b))
    return found
