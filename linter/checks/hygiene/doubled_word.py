"""Flags a word typed twice in a row ("the the"), the commonest slip editing leaves behind.

Works on spaCy tokens of each sentence, so a double is only seen inside one sentence,
whatever line breaks, entities or inline markup sit between the two words in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import TEXTS, Hit, Param, block_hit
from linter.entities import unescape
from linter.model import Document, Sentence

PARAMS: dict[str, Param] = {"allow": TEXTS, "clause_verbs": TEXTS}

# Quote characters that mark a double as cited rather than typed twice ("“is is”").
_QUOTES = "\"'“”‘’«»"
# Characters that glue a word into a compound ("5,000-word", "and/or").
_JOINERS = "-‐‑/_@"
_TAG = re.compile(r"<[^>]*>")
_LINK_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
_OPENING_TAG = re.compile(r"<(\w+)[^<>]*>\s*$")
# Italics mark a repeat as deliberate ("his <i>backup</i> backup fund"); bold does not.
_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_EMPHASIS_STYLE = re.compile(r"italic", re.IGNORECASE)
# Words before a doubled verb that make "is is" a legitimate clause boundary.
_CLAUSE_WORDS = frozenset({"what", "whatever", "where", "who", "how", "why", "all", "thing"})
# "that that" is good English when the second "that" is a demonstrative ("She said that
# that plan failed", "the dog that that boy chased", "He knew that that was wrong"). A
# demonstrative cannot stand right before an article, a possessive, another determiner or
# a subject pronoun, so "that that the plan" is a slip. (Prepositions are left out: "that
# of the team", "that in itself" follow a demonstrative pronoun.) The blank pipeline has
# no part-of-speech tags, so these closed word classes are listed.
_NOT_AFTER_DEMONSTRATIVE = frozenset(
    {"a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "these",
     "those", "i", "you", "he", "she", "we", "they", "it"}
)  # fmt: skip


def _next_word(tokens: Any, i: int) -> int | None:
    """Index of the next non-space token after ``i``."""
    j = i + 1
    while j < len(tokens) and tokens[j].is_space:
        j += 1
    return j if j < len(tokens) else None


def _is_word(token: Any) -> bool:
    text = token.text
    return token.is_alpha and (len(text) > 1 or text.lower() == "a")


def _clause_double(tokens: Any, i: int) -> bool:
    """ "What it is is ..." : a wh-word a few tokens earlier makes the double grammatical."""
    return any(t.lower_ in _CLAUSE_WORDS for t in tokens[max(0, i - 6) : i])


def _allowed(tokens: Any, j: int, lower: str, allow: frozenset[str]) -> bool:
    """Whether the double ending at token ``j`` is on the allow list *and* grammatical
    here: "that that" only when the next word may follow a demonstrative."""
    if lower not in allow:
        return False
    if lower != "that":
        return True
    k = _next_word(tokens, j)
    return k is None or tokens[k].lower_ not in _NOT_AFTER_DEMONSTRATIVE


def _deliberate_markup(doc: Document, first_start: int, first_end: int, second_start: int) -> bool:
    """True if the markup around two words shows the repeat is not a slip.

    Text the reader dropped (inline code: "between <code>str</code> and <code>bytes</code>"
    is not "and and"), an italic first word ("his <i>backup</i> backup fund"), or two
    links in a row (a tag list: "<a>lexus</a> <a>lexus lc</a>").
    """
    between = doc.source[first_end:second_start]
    if "<" not in between:
        return False
    if "</a>" in between.lower() and _LINK_OPEN.search(between):
        return True
    opening = _OPENING_TAG.search(doc.source[max(0, first_start - 300) : first_start])
    if opening and (
        opening.group(1).lower() in _EMPHASIS or _EMPHASIS_STYLE.search(opening.group())
    ):
        return True
    return bool(unescape(_TAG.sub("", between)).strip())


def _only_space(doc: Document, start: int, end: int) -> bool:
    """Whether only white space separates the two words in the source: deleting across
    anything else (``**the** the``, ``[the](x) the``, a tag) would break the markup."""
    between = doc.source[start:end]
    if doc.format == "html":
        if "<" in between:
            return False
        between = unescape(between) if "&" in between else between
    return not between.strip()


def _sentence_hits(
    doc: Document, sentence: Sentence, allow: frozenset[str], clause: frozenset[str]
) -> Iterable[Hit]:
    block = sentence.block
    text = block.text
    tokens = sentence.span
    i = 0
    while i < len(tokens):
        first = tokens[i]
        j = _next_word(tokens, i)
        if j is None:
            break
        second = tokens[j]
        lower = first.lower_
        if (
            lower != second.lower_
            or not _is_word(first)
            or not first.whitespace_
            or _allowed(tokens, j, lower, allow)
            or second.text[0].isupper()  # "Walla Walla", "a new New Zealand"
            or (lower in clause and _clause_double(tokens, i))
        ):
            i += 1
            continue
        k = _next_word(tokens, j)
        if k is not None and tokens[k].lower_ == lower:
            # Three or more in a row ("love love love") is deliberate emphasis.
            while k is not None and tokens[k].lower_ == lower:
                k = _next_word(tokens, k)
            i = k if k is not None else len(tokens)
            continue
        start = sentence.token_offset(first)
        end = sentence.token_offset(second) + len(second.text)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        quoted = before and after and before in _QUOTES and after in _QUOTES
        # Part of a compound: "5,000-word word count", "yyyy yyyy-mm-dd", "picked-up up".
        compound = (before and (before.isalnum() or before in _JOINERS)) or (
            after and (after.isalnum() or after in _JOINERS)
        )
        first_start, first_end = block.source_span(start, start + len(first.text))
        second_start = block.tmap.to_source(sentence.token_offset(second))
        if quoted or compound or _deliberate_markup(doc, first_start, first_end, second_start):
            i = j
            continue
        hit = block_hit(
            block, start, end, word=first.text, words=text[start:end].replace("\n", " ")
        )
        if _only_space(doc, first_end, second_start):
            # Keep the first word exactly as written in the source (entities included).
            # Outside HTML a line break in between stays, unless the second word is all
            # its line holds: plain text is read line by line (a joined line may turn
            # into a heading) and a Markdown line break is part of the structure.
            gap = doc.source[first_end:second_start]
            keep = first_end
            if doc.format != "html" and ("\n" in gap or "\r" in gap):
                second_end = second_start + len(second.text)
                rest = doc.source[second_end : second_end + 200]
                if rest.lstrip(" \t")[:1] not in ("", "\n", "\r"):
                    keep = second_start
            hit.fix = doc.source[first_start:keep]
        yield hit
        i = j + 1


def _repeat_starts(tokens: Any) -> list[int]:
    """Indexes of the tokens of spaCy doc ``tokens`` followed (after space tokens) by a
    token with the same lowercase form, in order.

    Compared by the lowercase forms' hashes, read in one call: equal words have equal
    hashes, so a sentence without such a token holds no doubled word and is skipped
    without building a Token object for each of its words.
    """
    from spacy.attrs import IS_SPACE, LOWER

    starts: list[int] = []
    previous, previous_lower = -1, None
    for index, (lower, space) in enumerate(tokens.to_array([LOWER, IS_SPACE]).tolist()):
        if space:
            continue
        if lower == previous_lower:
            starts.append(previous)
        previous, previous_lower = index, lower
    return starts


def _may_double(sentence: Sentence, starts: list[int]) -> bool:
    """Whether a repeat starts inside ``sentence`` (before its last token)."""
    span = sentence.span
    at = bisect_left(starts, span.start)
    return at < len(starts) and starts[at] < span.end - 1


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per doubled pair, spanning both words; the fix keeps the first word."""
    allow = frozenset(w.lower() for w in params["allow"])
    clause = frozenset(w.lower() for w in params["clause_verbs"])
    repeats: dict[int, list[int]] = {}  # per spaCy doc (one per block)
    for sentence in doc.sentences:
        tokens = sentence.span.doc
        starts = repeats.get(id(tokens))
        if starts is None:
            starts = repeats[id(tokens)] = _repeat_starts(tokens)
        if _may_double(sentence, starts):
            yield from _sentence_hits(doc, sentence, allow, clause)
