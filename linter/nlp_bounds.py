"""Sentence boundaries the rule-based sentencizer gets wrong, corrected on its token ranges.

spaCy's sentencizer ends a sentence at every "." token, and never inside a token. Its
tokenizer keeps many abbreviations whole ("Sen.", "Calif.", "U.S."), so it never ends a
sentence after one, even where the sentence does end ("... in the U.S. The next day");
others it splits ("Lt" + "."), so it ends a sentence inside a name ("Lt. | Col. |
Vindman"). It also ends one at a "?" or "!" inside a dash aside ("— why would anyone? —
was dropped"). Real pages are full of these (news style abbreviates titles, states,
party tags and months), and a wrong boundary makes a long sentence look short, a short
one long, and puts a finding in the middle of a sentence.

``sentence_bounds`` takes the sentencizer's sentences and corrects two things:

- a break is removed after an abbreviation followed by a lower-case word, a digit or a
  comma ("No. 3", "approx. 20", "R-Ky., said"), after a title followed by a name ("Lt.
  Col. Vindman"), and after a "?" or "!" followed by a lower-case word;
- a break is added after a whole-token abbreviation ("U.S.", "p.m.", "Calif.") followed
  by a capitalised word that opens sentences ("The", "He", "In": ``SENTENCE_OPENERS``),
  after a clock's "a.m."/"p.m." followed by any capitalised word but a day, a month or a
  time zone ("at 10 a.m. Police said"),
  and after a URL or DOI that ends with "." followed by a capitalised word.

The word lists are in ``linter.lexicon``. Decisions are made on the text at each
boundary, not on spaCy tokens (each token looked at is a new Python object, which would
cost more than the sentencizer); a token look-up is only made where a break is added.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter.lexicon import (
    ABBREVIATIONS,
    AFTER_CLOCK,
    CLOCK_SUFFIXES,
    MID_SENTENCE_ABBREVIATIONS,
    SENTENCE_OPENERS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Punctuation that may follow a sentence's final stop inside the same sentence: closing
# quotes and brackets, dashes closing an aside, and the commas that show it goes on.
_TAIL = frozenset("\"'”’»)]}—–-,;: \t\n\xa0")
_GOES_ON = frozenset(",;")
# The word a sentence's last chunk ends with: "Ky" of "R-Ky", "U.S" of "(U.S".
_LAST_WORD = re.compile(r"[^\s(\[“‘\"'/—–-]*$")
_FIRST_WORD = re.compile(r"\s*([\w’'-]+|\S)")

# A run of non-space characters ending with "." (closing quotes or brackets may follow),
# then white space and a capitalised word: where a missed break may be.
_MISSED = re.compile(r"(?<!\S)[(\[“‘\"']*(\S+?\.)[\"”’)\]]*\s+([A-Z][\w’'-]*)")
# A URL or DOI: a scheme, "www.", "doi:", a DOI's "10.1234/", or a lower-case domain
# name before a path ("example.com/page."), not "NASA/ESA/K.".
# A note number run onto a sentence's full stop by a superscript ("seconds.23 If"): a
# word's last letter, the stop, one to three digits, then a capitalised word.
_NOTE_AFTER_STOP = re.compile(r"(?<=[a-z]\.)\d{1,3}\s+(?=[A-Z][a-z])")
_URL = re.compile(r"^(?:https?://|www\.|doi:|10\.\d{4,}/)|[a-z0-9-]\.[a-z]{2,}/", re.I)


def sentence_bounds(doc: Doc) -> list[Span]:
    """``doc``'s sentences as spans, with the boundaries corrected as described."""
    spans = list(doc.sents)
    text = doc.text
    bounds = [[span.start_char, span.end_char] for span in spans]
    changed = False
    if "." in text:
        changed = _add_missed(text, bounds)
    if len(bounds) > 1:
        joined = _join_split(text, bounds)
        changed = changed or len(joined) < len(bounds)
        bounds = joined
    if not changed:
        return spans
    found = [doc.char_span(start, end, alignment_mode="expand") for start, end in bounds]
    return [span for span in found if span is not None]


def _add_missed(text: str, bounds: list[list[int]]) -> bool:
    """Break after whole-token abbreviations and URLs that end a sentence, and after a
    note number set after a sentence's full stop ("... take 5 seconds.23 If ...")."""
    starts = {start for start, _ in bounds}
    added = False
    for match in _MISSED.finditer(text):
        at = match.start(2)
        if at in starts:
            continue  # already a sentence start: the common case, a plain full stop
        chunk, following = match.group(1), match.group(2)
        if chunk.endswith(".."):
            continue  # an ellipsis: whether it ends a sentence is anyone's guess
        if not _URL.search(chunk) and not _ends_sentence(chunk[:-1], following):
            continue
        added = _split_at(bounds, starts, at) or added
    for match in _NOTE_AFTER_STOP.finditer(text):
        if match.end() not in starts:
            added = _split_at(bounds, starts, match.end()) or added
    return added


def _split_at(bounds: list[list[int]], starts: set[int], at: int) -> bool:
    """Split the sentence that ``at`` falls inside there; whether one was split."""
    for index, (start, end) in enumerate(bounds):
        if start < at < end:
            bounds[index : index + 1] = [[start, at], [at, end]]
            starts.add(at)
            return True
    return False


def _ends_sentence(word: str, following: str) -> bool:
    """Whether ``word.`` (a token the sentencizer did not break after) ends a sentence
    before ``following``: not a title or a never-final abbreviation, not an initial, and
    the next word one that opens sentences."""
    key = word.lower()
    if key in MID_SENTENCE_ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return False
    if key.rsplit(" ", 1)[-1] in CLOCK_SUFFIXES:  # "at 10 a.m. Police said", not "a.m. Tuesday"
        return following.lower() not in AFTER_CLOCK
    return following.lower() in SENTENCE_OPENERS


def _join_split(text: str, bounds: list[list[int]]) -> list[list[int]]:
    """Join each sentence to the next where the break between them is no sentence end."""
    joined = [bounds[0]]
    for start, end in bounds[1:]:
        previous = joined[-1]
        if _goes_on(text, previous[0], previous[1], start):
            previous[1] = end
        else:
            joined.append([start, end])
    return joined


def _goes_on(text: str, first: int, last: int, following: int) -> bool:
    """Whether the sentence ``text[first:last]`` goes on in the one at ``following``."""
    stop = last
    while stop > first and text[stop - 1] in _TAIL:
        if text[stop - 1] in _GOES_ON:
            return True  # "Jr., said": a sentence does not end in a comma
        stop -= 1
    match = _FIRST_WORD.match(text, following)
    if match is None or stop == first:
        return False
    mark, word = text[stop - 1], match.group(1)
    if mark in "?!":
        # "— why would anyone? — was dropped"; not "eBay", "iPhone": names.
        return word[:1].islower() and not word[1:2].isupper() and word.isalpha()
    if mark != "." or text[stop - 2 : stop] == "..":
        return False
    key = _LAST_WORD.search(text, first, stop - 1)
    return key is not None and _abbreviation_goes_on(key.group().lower(), word)


def _abbreviation_goes_on(key: str, word: str) -> bool:
    """Whether a sentence goes on after the abbreviation ``key`` when ``word`` follows."""
    if key not in ABBREVIATIONS:
        return False
    first = word[:1]
    if first.islower() or first.isdigit() or first in ",;:)":
        return True  # "No. 3", "approx. 20", "R-Ky., said", "etc. and"
    if key in MID_SENTENCE_ABBREVIATIONS:  # titles before a name, "vs.", "Fig."
        return first.isupper() and word.lower() not in SENTENCE_OPENERS  # "Lt. Col. Vindman"
    return False
