"""Template text: passages a site's templates paste into many pages.

A disclaimer or author box inside every article body is not the writer's prose: it
should be reported once for the site, not as a long sentence on each of 5,000 pages.
Passages are compared by a short hash of their words (case and punctuation folded), so a
first pass over the site can count them cheaply and the lint pass can recognise them.

The first pass does not build documents: it cuts the decoded source at block tags and
strips the rest (``source_keys``), about a quarter of the reader's cost. It sees a
little more than the body (menus and footers too), which only adds keys the lint pass
never meets in a body block; on the benchmark corpus it finds 18 of the 19 passages the
reader's body blocks share between pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from linter.entities import unescape
from linter.lexicon import SHINGLE_WORD
from linter.model import HEADING, MAIN, Block, Document

# A sentence ends at . ! or ? (and closing quotes) before white space and a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")

TEMPLATE = "template"  # region of a block found to be template text

# Elements whose text is not prose, and comments. The body of an element is matched as
# "text without '<', then '<' not starting its end tag, ...", possessively: the same match
# as ``\b.*?</\1\s*>``, without trying the end tag at every character (4x faster on
# pages with large inline scripts).
_HIDDEN = re.compile(
    r"<(?:(script|style|noscript|template|svg|iframe|pre|code|textarea)\b"
    r"[^<]*+(?:<(?!/\1\s*>)[^<]*+)*+</\1\s*>|!--.*?-->)",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|table|section|article|main|blockquote|dd|dt|dl|br"
    r"|hr|figcaption|figure|header|footer|nav|aside|form|body|head|title|option|button|label)"
    r"\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n")


def passage_key(text: str) -> int:
    """A 64-bit key of ``text``'s words: equal for the same passage however it is spaced."""
    words = " ".join(SHINGLE_WORD.findall(text.casefold()))
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


def source_keys(text: str, fmt: str, min_chars: int) -> set[int]:
    """Keys of the passages of decoded ``text``, without parsing it into a document."""
    if fmt == "html":
        pieces = _BLOCK_TAG.split(_HIDDEN.sub(" ", text))
        pieces = [unescape(_TAG.sub("", p)) for p in pieces if len(p) >= min_chars]
    else:
        pieces = _BLANK_LINES.split(text)
    return {passage_key(p[a:b]) for p in pieces for a, b in passages(p, min_chars)}


def _candidate_blocks(doc: Document) -> list[Block]:
    """Body blocks whose text a template may have pasted: prose and headings."""
    return [b for b in doc.blocks if b.region == MAIN and (b.is_prose or b.kind == HEADING)]


def mark_template(
    doc: Document, keys: frozenset[int], min_chars: int
) -> list[tuple[int, int, str]]:
    """Take template passages out of the body; returns ``(key, source offset, text)``.

    A block that is template text as a whole moves to the ``template`` region, which no
    body rule reads. A template sentence inside a block of the writer's own is listed in
    the document's ``template_spans`` so sentence rules skip it. Call before any check.
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
            doc.template_spans.setdefault(block.index, []).append((a, b))
    return found
