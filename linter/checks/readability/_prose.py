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
  "ISBN", a DOI, "pp. 12", volume(issue): pages, year;volume(issue):pages, Vancouver
  initials "Shear NH,", a year in brackets, "et al.", author
  initials "Smith, J.", a wiki back-link "^" or a "[12]" note number at the start, a
  quoted title followed by a full stop), or two with almost no function words (under a
  tenth);
- code: at least three code tokens (``_CODE``: "=", "==", "=>", "<-", "{", "}", ";"
  between words, "name(", "a.b(", snake_case, camelCase) making up a quarter of its words;
- links: a short block (under 25 words) whose text is mostly the text of links;
- a label, caption or credits line: under 80 words, no sentence punctuation at its end,
  under a quarter of its words function words ("By Jane Doe | May 3, 2024 9:00 AM");
- a list of names or keywords: 20 words or more, a comma for every three words or fewer,
  under 8 % of them function words (other languages have no English function words,
  but are no comma lists);
- an affiliation: under 80 words, names an institution (``AFFILIATION_WORDS``), has two
  commas or more and none of the verbs and pronouns of a sentence (``AFFILIATION_BREAKERS``).

Everything under a heading that names the article's sources ("References", "Notes",
"Sources", "Further reading"...) is left out too, up to the next heading of its level.

Most paragraphs are settled by the first test: a third of their words or more are
function words and nothing hints at code or a citation (``_hints``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from linter.lexicon import AFFILIATION_BREAKERS, AFFILIATION_WORDS, PROSE_WORD, STOP_WORDS
from linter.model import HEADING, Block, Document

_CITATION_MARKS = (
    re.compile(r"\b(?:Retrieved|Accessed)\s+(?:on\s+)?(?:\d|[A-Z][a-z]+\.? \d)"),
    re.compile(r"\bArchived from the original\b"),
    re.compile(r"\bISBN\b|\bISSN\b|\bPMID\b|\bPMC\d|\barXiv\b"),
    re.compile(r"\bdoi\s*:|\bdoi\.org/|\b10\.\d{4,}/\S", re.I),
    re.compile(r"\bpp?\.\s?\d"),
    re.compile(r"\b\d+\s?\(\d+[\w–-]*\)\s?[:,]\s?[e\d]"),  # volume(issue): pages
    re.compile(r"\b(?:19|20)\d\d(?: [A-Z][a-z]{2})?;\s?\d+(?:\(\d+\))?:\s?[e\d]"),  # 2003;13(5):478
    re.compile(r"\((?:[A-Z][a-z]+\.? )?(?:\d{1,2} )?(?:19|20)\d\d[a-z]?\)"),  # (2020)
    re.compile(r"\bet al\b"),
    re.compile(r"\b[A-Z][\w’'-]+,\s(?:[A-Z]\.\s?){1,3}(?:[,;&]|and\b)"),  # Smith, J.,
    re.compile(r"\b[A-Z][a-z][\w’'-]*\s[A-Z]{1,3}[,.]\s"),  # Vancouver "Shear NH, "
    re.compile(r"^\s*(?:\^|\[\d+\])"),
    re.compile(r"[\"“][^\"“”]{8,}[.,?]?[\"”]\.?\s"),  # "A quoted title." Journal
)
_CODE = re.compile(
    r"==|=>|<-|->|!=|&&|\|\||[{}]|\w=|=\w| = |;\s*\w|\w\(|[^\W_]_[^\W_]"
    r"|(?<!\w)[a-z]{2,}[A-Z][a-z]"
)
_ENDS = ".!?…:;"
_CLOSERS = "\"'”’)]"
_NOTE_MARKS = re.compile(r"(?:\[[\w ]{1,12}\])+$")  # "...in 2015.[231][note 4]"
_WORDS_FOR_LINKS = 25  # (a block under 250 characters: its link share is only read then)
# Reference entries, code, bylines and affiliations have few function words; ordinary
# prose has more than this share (0.4-0.5), and is taken as prose without more tests.
# (Code has many too: "for i in range(n)"; so do long reference titles, hence ``_hints``.)
_PLAIN_PROSE = 0.3
# Each is tried only when a plain substring test finds its first character (much faster
# than one regex with many alternatives, which is tried at every position).
_HINT_CHARS = re.compile(r"[={};_^]")
_CALL = re.compile(r"\w\(|\((?:19|20)\d\d")  # "name(" or "(2020"
_PAGES = re.compile(r"\bpp?\.\s?\d")
_HINT_WORDS = ("doi", "ISBN", "Retrieved")
_WORDS_FOR_LABEL = 80
# Whether a block is plain prose is read from its first characters (a paragraph does not
# change its nature half-way, and finding and counting every word cost a twentieth of a
# run); the other tests read all of it.
_SAMPLE_CHARS = 500


def prose_blocks(doc: Document) -> set[int]:
    """Indexes (``Block.index``) of the body blocks that read as prose; computed once."""
    return doc.memo("readability.prose", lambda: _judge(doc))


def _judge(doc: Document) -> set[int]:
    links = _link_starts(doc)
    listed = _reference_sections(doc)
    return {
        block.index
        for block in doc.body_blocks()
        if block.index not in listed
        and is_prose_text(block.text, _link_share(block, links) if len(block.text) < 250 else 0.0)
    }


# A heading over the sources of an article, not over more of its text.
_REFERENCES_HEADING = re.compile(
    r"^\W*(?:references?|bibliography|sources?|works cited|literature( cited)?|citations?"
    r"|notes?( and references)?|footnotes|further reading|endnotes)\W*$",
    re.IGNORECASE,
)


def _reference_sections(doc: Document) -> set[int]:
    """Indexes of the blocks under a "References" (or "Notes", "Sources"...) heading, up to
    the next heading of the same or a higher level: entries, however they are written."""
    found: set[int] = set()
    level = 0
    for block in doc.blocks:
        if block.kind == HEADING:
            if level and block.level > level:
                continue
            level = block.level if _REFERENCES_HEADING.match(block.text) else 0
        elif level:
            found.add(block.index)
    return found


def is_prose_text(text: str, link_share: float = 0.0) -> bool:
    """Whether ``text`` (one block) reads as prose; ``link_share`` is the share of its
    characters that are link text."""
    sample = PROSE_WORD.findall(text, 0, _SAMPLE_CHARS)
    if not sample:
        return False
    glue = sum(1 for word in sample if word.lower() in STOP_WORDS) / len(sample)
    if glue >= _PLAIN_PROSE and link_share < 0.7 and not _hints(text):
        return True  # most paragraphs: many function words, no sign of code or citation
    words = PROSE_WORD.findall(text) if len(text) > _SAMPLE_CHARS else sample
    if len(words) < _WORDS_FOR_LINKS and link_share >= 0.7:
        return False
    if len(words) > len(sample):
        glue = sum(1 for word in words if word.lower() in STOP_WORDS) / len(words)
    if glue < 0.08 and len(words) >= 20 and text.count(",") * 3 >= len(words):
        return False  # a list of names or keywords: English prose is never this bare
    if glue < 0.25 and not _ends_sentence(text) and len(words) < _WORDS_FOR_LABEL:
        return False
    if _hints(text) or "et al" in text:  # citations and code show one of these
        marks = sum(1 for mark in _CITATION_MARKS if mark.search(text))
        if marks >= 3 or (marks >= 2 and glue < 0.1):
            return False
        code = len(_CODE.findall(text))
        if code >= 3 and code * 4 >= len(words):
            return False
    return not (
        len(words) < _WORDS_FOR_LABEL
        and not AFFILIATION_BREAKERS.intersection(word.lower() for word in words)
        and text.count(",") >= 2
        and any(word.lower() in AFFILIATION_WORDS for word in words)
    )


def _hints(text: str) -> bool:
    """Whether ``text`` shows a sign of code or a citation: "=", "{", ";", "_", "^",
    "name(", "(2020", "pp. 12", "doi", "ISBN", "Retrieved"."""
    return (
        any(word in text for word in _HINT_WORDS)
        or _HINT_CHARS.search(text) is not None
        or ("(" in text and _CALL.search(text) is not None)
        or ("p." in text and _PAGES.search(text) is not None)
    )


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence punctuation (closing quotes and note marks such
    as "[12]" may follow)."""
    return _NOTE_MARKS.sub("", text.rstrip()).rstrip(_CLOSERS)[-1:] in tuple(_ENDS)


def _link_starts(doc: Document) -> list[tuple[int, int]]:
    """``(source offset, text length)`` of the main region's links, in source order."""
    return sorted((link.offset, len(link.text)) for link in doc.links if link.text)


def _link_share(block: Block, links: list[tuple[int, int]]) -> float:
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
