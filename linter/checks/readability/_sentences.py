"""Body sentences as readers read them, and the word each one opens with.

spaCy's sentences, cut again where a sentence really ends (line breaks, citation marks
hiding a full stop), with quotes and brackets moved to the sentence they belong to.
"""

from __future__ import annotations

import re
from typing import Any

from linter.model import TABLE_CELL, Document, Sentence

_BULLETS = frozenset("•·●▪■►▸‣-–—*>")
_ENDS = frozenset(".!?…:;")
_OPENERS = frozenset("“‘([{«")
_CLOSERS = frozenset("”’)]}»")


def sentence_opener(span: Any) -> str | None:
    """The first word, if the sentence is a complete one that starts with a word.

    A bullet or number at the start makes it a list entry, and a line without final
    punctuation ("Continue this thread") a label; neither reads as a sentence opening.
    """
    # By index into the doc: cheaper than ``reversed(span)`` (a span-relative lookup per
    # token) and ``span[:3]`` (a new Span), on every sentence of every page.
    tokens, start = span.doc, span.start
    last = ""
    for index in range(span.end - 1, start - 1, -1):
        text = tokens[index].text
        if text not in _CLOSERS:
            last = text
            break
    if not last or last[-1] not in _ENDS:
        return None
    for index in range(start, min(start + 3, span.end)):
        token = tokens[index]
        if token.is_alpha:
            return token.lower_
        if token.text in _BULLETS or not token.is_punct:
            return None
    return None


# "...the islands.[12] The next": spaCy glues a citation mark to the full stop, so the
# sentencizer never sees the stop. Wikipedia and the many sites that copy it do this.
_CITATION = re.compile(r"[.!?][)\"”’]?(?:\[\d+\])*\[\d+$")


def _lines(sentence: Sentence) -> list[list[int]]:
    """``[start, end)`` token ranges of ``sentence`` cut where a sentence really ends.

    At line breaks, unless the next line goes on in lower case: HTML readers keep
    ``<br>`` as a line break, and bylines, addresses and lists of links put one item a
    line without a full stop, which the sentencizer would read as one long sentence (a
    break before a lower-case word is a hard wrap inside a sentence). And after a
    citation mark that hides a full stop (see ``_CITATION``).
    """
    span, text = sentence.span, sentence.text
    if "\n" not in text and ".[" not in text and "?[" not in text and "![" not in text:
        return [[span.start, span.end]]
    doc = span.doc
    ranges = [[span.start, span.start]]
    for index in range(span.start, span.end):
        token = doc[index]
        if token.is_space and "\n" in token.text:
            following = doc[index + 1].text if index + 1 < span.end else ""
            if not following[:1].islower():
                ranges.append([index + 1, index + 1])
                continue
        ranges[-1][1] = index + 1
        if (
            token.text == "]"
            and span.start < index < span.end - 1
            and doc[index + 1].text[:1].isupper()
            and _CITATION.search(doc[index - 1].text)
        ):
            ranges.append([index + 1, index + 1])
    return [r for r in ranges if r[1] > r[0]]


def _skippable(token: Any, edge: frozenset[str]) -> bool:
    return token.is_space or token.text in edge


def readable_sentences(doc: Document) -> list[Sentence]:
    """Body sentences as readers read them.

    Cut at line breaks (see ``_lines``); an opening quote or bracket the sentencizer
    left at the end of a sentence ("...,” he said. “") moves to the sentence it opens; a
    stray closing one at a start is dropped; table cells are left out, as data rather
    than prose. Token ranges are used so spaCy tokens are only built where looked at.
    """
    pieces = [
        (sentence, bounds)
        for sentence in doc.sentences
        if sentence.block.kind != TABLE_CELL
        for bounds in _lines(sentence)
    ]
    for index, (sentence, bounds) in enumerate(pieces):
        tokens = sentence.span.doc
        while bounds[0] < bounds[1] and _skippable(tokens[bounds[0]], _CLOSERS):
            bounds[0] += 1
        end = bounds[1]
        while bounds[0] < bounds[1] and _skippable(tokens[bounds[1] - 1], _OPENERS):
            bounds[1] -= 1
        moved = next(
            (i for i in range(bounds[1], end) if not tokens[i].is_space), None
        )  # the first opening quote cut off the end
        if moved is not None and index + 1 < len(pieces):
            following, after = pieces[index + 1]
            if following.span.doc is tokens and after[0] > moved:
                after[0] = moved
    units = []
    for sentence, (first, end) in pieces:
        if first >= end:
            continue
        span = sentence.span
        if (first, end) == (span.start, span.end):
            units.append(sentence)
            continue
        tokens = span.doc
        start = sentence.base + tokens[first].idx
        last = tokens[end - 1]
        stop = sentence.base + last.idx + len(last.text)
        units.append(Sentence(sentence.block, start, stop, tokens[first:end], sentence.base))
    return units
