"""Whether a body block is prose a reader reads through, or text shaped otherwise.

The readability rules (long sentences, their share, long paragraphs, reading ease and
grade level) judge prose. Pages also put, among their paragraphs and list items, text
that is no prose: reference-list entries ("Smith, J. (2020). Title. Journal 12(3):
45-67. doi:..."), code outside ``<pre>``/``<code>``, lists of links, bylines, datelines
and affiliations. Scored as prose they give absurd counts (a reference list read as
two hundred eight-word "sentences", a line of code as a 60-word sentence), so these
rules leave such blocks out. The judgement is on the block's text alone (and the page's
links), so it does not depend on which reader made the block.

A block is not prose when it is:

- a citation: at least three citation marks (``_CITATION_MARKS``: "Retrieved <date>",
  "ISBN", a DOI, "pp. 12", volume(issue): pages, a year in brackets, "et al.", author
  initials "Smith, J.", a wiki back-link "^" or a "[12]" note number at the start, a
  quoted title followed by a full stop), or two with few function words;
- code: at least three code tokens (``_CODE``: "=", "==", "=>", "<-", "{", "}", ";"
  between words, "name(", "a.b(", snake_case, camelCase) making up a quarter of its words;
- links: a short block (under 25 words) whose text is mostly the text of links;
- a label or credits line: under 80 words, no sentence punctuation at its end, and almost no
  function words ("By Jane Doe | May 3, 2024 9:00 AM", "Tags: ...");
- an affiliation: under 80 words, names an institution (``AFFILIATION_WORDS``), has two
  commas or more and none of the verbs and pronouns of a sentence (``AFFILIATION_BREAKERS``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from linter.lexicon import AFFILIATION_BREAKERS, AFFILIATION_WORDS, PROSE_WORD, STOP_WORDS
from linter.model import Block, Document

_CITATION_MARKS = (
    re.compile(r"\b(?:Retrieved|Accessed)\s+(?:on\s+)?(?:\d|[A-Z][a-z]+\.? \d)"),
    re.compile(r"\bArchived from the original\b"),
    re.compile(r"\bISBN\b|\bISSN\b|\bPMID\b|\bPMC\d|\barXiv\b"),
    re.compile(r"\bdoi\s*:|\bdoi\.org/|\b10\.\d{4,}/\S", re.I),
    re.compile(r"\bpp?\.\s?\d"),
    re.compile(r"\b\d+\s?\(\d+[\w–-]*\)\s?[:,]\s?[e\d]"),  # volume(issue): pages
    re.compile(r"\((?:[A-Z][a-z]+\.? )?(?:\d{1,2} )?(?:19|20)\d\d[a-z]?\)"),  # (2020)
    re.compile(r"\bet al\b"),
    re.compile(r"\b[A-Z][\w’'-]+,\s(?:[A-Z]\.\s?){1,3}(?:[,;&]|and\b)"),  # Smith, J.,
    re.compile(r"^\s*(?:\^|\[\d+\])"),
    re.compile(r"[\"“][^\"“”]{8,}[.,?]?[\"”]\.?\s"),  # "A quoted title." Journal
)
_CODE = re.compile(
    r"==|=>|<-|->|!=|&&|\|\||[{}]|\w=|=\w| = |;\s*\w|\w\(|[^\W_]_[^\W_]"
    r"|(?<!\w)[a-z]{2,}[A-Z][a-z]"
)
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_WORDS_FOR_LINKS = 25
# Reference entries, code, bylines and affiliations have few function words; ordinary
# prose has more than this share (0.4-0.5), and is taken as prose without more tests.
# (Code has many too: "for i in range(n)"; so do long reference titles, hence ``_HINTS``.)
_PLAIN_PROSE = 0.3
_HINTS = re.compile(r"[={};_]|\w\(|\((?:19|20)\d\d|\bdoi\b|\bISBN\b|\bRetrieved\b|\bpp?\.\s?\d|\^")
_WORDS_FOR_LABEL = 80


def prose_blocks(doc: Document) -> set[int]:
    """Indexes (``Block.index``) of the body blocks that read as prose; computed once."""
    return doc.memo("readability.prose", lambda: _judge(doc))


def _judge(doc: Document) -> set[int]:
    links = _link_starts(doc)
    return {b.index for b in doc.body_blocks() if is_prose_text(b.text, _link_share(doc, b, links))}


def is_prose_text(text: str, link_share: float = 0.0) -> bool:
    """Whether ``text`` (one block) reads as prose; ``link_share`` is the share of its
    characters that are link text."""
    words = PROSE_WORD.findall(text)
    if not words:
        return False
    if len(words) < _WORDS_FOR_LINKS and link_share >= 0.7:
        return False
    glue = sum(1 for word in words if word.lower() in STOP_WORDS) / len(words)
    if glue >= _PLAIN_PROSE and not _HINTS.search(text):
        return True  # most paragraphs: many function words, no sign of code or citation
    marks = sum(1 for mark in _CITATION_MARKS if mark.search(text))
    if marks >= 3 or (marks >= 2 and glue < 0.2):
        return False
    code = len(_CODE.findall(text))
    if code >= 3 and code * 4 >= len(words):
        return False
    if glue < 0.08 and not _SENTENCE_END.search(text) and len(words) < _WORDS_FOR_LABEL:
        return False
    return not (
        len(words) < _WORDS_FOR_LABEL
        and not AFFILIATION_BREAKERS.intersection(word.lower() for word in words)
        and text.count(",") >= 2
        and any(word.lower() in AFFILIATION_WORDS for word in words)
    )


def _link_starts(doc: Document) -> list[tuple[int, int]]:
    """``(source offset, text length)`` of the main region's links, in source order."""
    return sorted((link.offset, len(link.text)) for link in doc.links if link.text)


def _link_share(doc: Document, block: Block, links: list[tuple[int, int]]) -> float:
    """The share of ``block``'s characters that are link text (links inside its source
    span)."""
    if not links or not block.text:
        return 0.0
    start, end = block.source_span()
    index = bisect_left(links, (start, -1))
    covered = 0
    while index < len(links) and links[index][0] < end:
        covered += links[index][1]
        index += 1
    return min(1.0, covered / len(block.text.strip() or " "))
