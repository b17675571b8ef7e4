"""CT001: a promised number of items ("7 Houseplants That ...", "these four steps") against
the number the article delivers.

**The promise.** A number (digits, one to twenty, "a dozen") from ``min_count`` to
``max_count`` that counts a plural noun a few words on ("10 Best Robot Vacuums", "five
warning signs", "the top 5", with no noun, counts items). The noun is any plural, found
by its form; it is no list of items when it names a measure ("10 years", "5 pounds") or,
outside a listing frame (a determiner before the number, "the/these/our N", or a
superlative after it, "N best"), people ("12 teachers", "3 friends"): both word classes
come from WordNet (``data/ct_count_nouns.yaml``, built by ``tools/ct001_count_nouns.py``).
Not a promise: a number after "of", "over", "about", "up to"... ("one of the 10 tips",
"over 30 dinners"), "20+", "5-year", a noun after "more", "other", "bonus", or a heading
that goes on "and more".

A heading promises by itself. A sentence promises only when it ends its paragraph, the
items follow, and it announces them: a final ":", "here are", "the following", "below";
or a listing frame ("we cover the eight mistakes", "these three culprits") in which the
counted phrase is not the subject; or, in the trained parse, the counted noun is the
object or attribute of a present-tense verb ("Our list has 15 items", "There are five
signs"), where a past tense ("We tested 14 blenders") tells what was done, not listed.

**The delivery** is counted by ``_count_items``. A count under two, or further from the
promise than the larger of two and a third of it, is not evidence that items were lost.
Unnumbered sections after a title or a sentence may include guide sections ("How we
tested"), so there only fewer sections than promised is reported.

**The finding** sits on the promise, names the delivered count and the lines it spans,
and cites the last delivered item. Cost: one pass over the blocks, O(n).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from linter.checks.base import COUNT, Hit, Param, block_hit, related_at
from linter.checks.contradiction import _count_items
from linter.checks.contradiction._count_items import Delivery
from linter.checks.contradiction._parse import parse_texts
from linter.checks.contradiction._words import BREAK, DETERMINERS, PRONOUNS, lexicon, number
from linter.message import plural
from linter.model import HEADING, MAIN, PARAGRAPH, PARAGRAPH_LINES, Block, Document, Sentence

PARAMS: dict[str, Param] = {"min_count": COUNT, "max_count": COUNT}

_NUMBER = (
    r"\d{1,2}|(?:a\s+)?dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_CANDIDATE = re.compile(
    r"(?<![\w$€£.,/+#-])(?P<n>" + _NUMBER + r")(?![\w%/+-]|[.,]\d)(?P<rest>(?:\s+[\w'’-]+){0,4})",
    re.I,
)
_NOT_COUNTED_AFTER = re.compile(
    r"\b(?:of|over|than|about|around|nearly|almost|up\s+to|at\s+least|more\s+than|"
    r"fewer\s+than|under|some|roughly|approximately)(?:\s+(?:the|these|those|our|my|your))?"
    r"\s*$",
    re.I,
)
_FRAME_BEFORE = re.compile(r"\b(?:the|these|those|our|my|your|its|their|top)\s*$", re.I)
_SUPERLATIVE = re.compile(r"^(?:best|worst|top|greatest|favou?rite|\w{3,}est)$", re.I)
_ANNOUNCED = re.compile(r":\s*$|\bhere\s+(?:are|is)\b|\bthe\s+following\b|\bbelow\b", re.I)
# "... and more", "etc.": open-ended; "three sessions a week": a rate, not a list.
_OPEN_ENDED = re.compile(
    r"^\W*(?:and|&|plus)\s+more\b|\betc\b|^\s+(?:a|an|per|each|every)\s+[a-z]+\b", re.I
)
# A heading whose counted phrase goes on with a finite verb states something.
_STATEMENT = re.compile(
    r"\s+(?:have|has|had|are|were|was|is|will|would|could|can|may|might|must|did|do|does)\b",
    re.I,
)
_NOT_ITEMS = frozenset({"more", "other", "additional", "extra", "bonus", "further"})


@dataclass(frozen=True, slots=True)
class Promise:
    promised: int
    noun: str  # the counted phrase, "robot vacuums"; "items" for "the top 5"
    start: int  # the number and its noun in the text
    end: int
    framed: bool  # "the/these/our N ..." or "N best ..."


@cache
def _count_nouns() -> dict[str, Any]:
    text = (resources.files("linter") / "data" / "ct_count_nouns.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        "measure": frozenset(data["measure"]),
        "person": frozenset(data["person"]),
        "plurals": data["plurals"],
        "not_plural": frozenset(lexicon()["not_plural"]),
        "labels": frozenset(lexicon()["number_labels"]),
    }


def _singular(word: str) -> str | None:
    """The singular of a plural noun, or None when ``word`` is no plural by its form."""
    nouns = _count_nouns()
    if word in nouns["plurals"]:
        return nouns["plurals"][word]
    if len(word) < 3 or word in nouns["not_plural"] or word in BREAK:
        return None
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")):
        return word[:-1]
    return None


def _noun_of(rest: str) -> tuple[str, int] | None:
    """The plural noun the number counts in ``rest`` (the words after it) and its end
    offset; None when a word that ends a noun phrase comes first."""
    for m in re.finditer(r"[^\W_][\w'’-]*", rest):
        word = m.group().lower()
        if word in BREAK or word in DETERMINERS or word in PRONOUNS or word in _NOT_ITEMS:
            return None
        if _singular(word):
            return word, m.end()
    return None


def _counts_items(noun: str, framed: bool) -> bool:
    base = _singular(noun) or noun
    nouns = _count_nouns()
    if base in nouns["measure"]:
        return False
    return framed or base not in nouns["person"]


def _labelled(before: str) -> bool:
    """The number labels the word before it ("Chapter 6", "AirPods 2") and counts nothing."""
    m = re.search(r"([^\W\d_][\w'’-]*)\s*$", before)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in _count_nouns()["labels"] or any(c.isupper() for c in word[1:])


def promises(text: str, params: Mapping[str, Any]) -> Iterator[Promise]:
    """Every promise of a number of items in ``text``, in order."""
    for m in _CANDIDATE.finditer(text):
        n = number(m.group("n")) if "dozen" not in m.group("n").lower() else 12
        if n is None or not params["min_count"] <= n <= params["max_count"]:
            continue
        before = text[: m.start()]
        if _NOT_COUNTED_AFTER.search(before) or _labelled(before):
            continue
        found = _noun_of(m.group("rest"))
        top = re.search(r"\btop\s*$", before, re.I)
        if found is None and top is None:
            continue
        noun, end = found if found else ("items", 0)
        end = m.start("rest") + end if found else m.end("n")
        if _OPEN_ENDED.search(text[end:]):
            continue
        words = text[m.end("n") : end].split() if found else []
        framed = bool(_FRAME_BEFORE.search(before)) or any(_SUPERLATIVE.match(w) for w in words)
        if found and not _counts_items(noun, framed):
            continue
        start = top.start() if top and not found else m.start()
        yield Promise(int(n), _named(words) or noun, start, end, framed)


def _named(words: list[str]) -> str:
    """The counted noun phrase as a message names it: superlatives left out, title case
    folded ("Best Robot Vacuums" -> "robot vacuums")."""
    kept = [w for w in words if not _SUPERLATIVE.match(w)]
    return " ".join(w.lower() if w[1:].islower() else w for w in kept)


def _main_object(parse: Any, promise: Promise) -> bool:
    """In the parse: the counted noun is the object or attribute of the sentence's main
    verb in the present tense ("Our list has 15 items", "There are five signs"), not of a
    clause ("If you measure all four signals, ...") nor of a preposition ("lasts nine
    weeks, with three sessions"); "We tested 14 blenders" tells what was done."""
    for token in parse:
        if token.idx >= promise.end:
            break
        if token.idx < promise.start or token.dep_ != "nummod":
            continue
        noun, verb = token.head, token.head.head
        return noun.dep_ in ("dobj", "attr") and verb.dep_ == "ROOT" and verb.tag_ in ("VBZ", "VBP")
    return False


_SIDE_CLAUSES = frozenset({"advcl", "xcomp", "relcl", "acl", "csubj", "advmod", "npadvmod"})


def _framed_ok(parse: Any, promise: Promise) -> bool:
    """In the parse: a framed phrase ("the eight mistakes") announces unless it is the
    main verb's subject ("The two phones differ") or sits in a side clause ("..., urging
    people not to pit the two duchesses against each other")."""
    for token in parse:
        if token.idx >= promise.end:
            break
        if token.idx < promise.start or token.dep_ != "nummod":
            continue
        noun = token.head
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.dep_ == "ROOT":
            return False
        return not any(a.dep_ in _SIDE_CLAUSES for a in (noun, *noun.ancestors))
    return False


def _parse(doc: Document, sentence: Sentence) -> Any | None:
    """The trained parse of one sentence (None without the pipeline). Only a sentence with
    a candidate promise and no announcement is parsed: a few a page at most."""
    return parse_texts(doc, [sentence.text], "count")[0]


def sentence_promise(
    doc: Document, sentence: Sentence, params: Mapping[str, Any], delivery: Delivery
) -> Promise | None:
    """The promise a paragraph's last sentence makes of the items that follow it. The
    sentence is parsed only when the delivery would disagree with a candidate."""
    candidates = list(promises(sentence.text, params))
    if not candidates or _ANNOUNCED.search(sentence.text):
        return candidates[0] if candidates else None
    if not any(_evidence(c.promised, delivery, True) for c in candidates):
        return None  # whichever is the promise, the count agrees with it or says nothing
    parse = None
    for promise in candidates:
        parse = parse or _parse(doc, sentence)
        if parse is None:
            if promise.framed and sentence.text[: promise.start].strip():
                return promise
            continue
        if _framed_ok(parse, promise) if promise.framed else _main_object(parse, promise):
            return promise
    return None


def _plausible(actual: int, promised: int) -> bool:
    """Whether what was counted can be the promised items at all.

    Two sub-headings under "11 things we learned", or a one-item list after "five points",
    mean the items are laid out some other way (bold paragraphs, lists split by ads), not
    that the article lost nine of them; such a count is not evidence.
    """
    return actual >= 2 and abs(actual - promised) <= max(2, promised // 3)


def _evidence(promised: int, delivery: Delivery, shortfall_only: bool) -> bool:
    """Whether the delivered count is evidence that the promise is broken."""
    actual = delivery.count
    if actual == promised or not _plausible(actual, promised):
        return False
    return not (actual > promised and shortfall_only and not delivery.numbered)


def _is_title(doc: Document, block: Block) -> bool:
    first = next((b for b in doc.blocks if b.kind == HEADING), None)
    return block.level == 1 or block is first or block.text == (doc.title or "")


def _lines(doc: Document, items: list[Block]) -> str:
    first = doc.lines.position(items[0].source_span()[0])[0]
    last = doc.lines.position(items[-1].source_span()[0])[0]
    if doc.format in PARAGRAPH_LINES:  # Word: places are paragraphs
        return f"¶{first}" if first == last else f"¶{first}-{last}"
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _delivered(who: str, block: Block, delivery: Delivery) -> str:
    """What was delivered, in words: "the list after it has 9 items"."""
    n = delivery.count
    if delivery.what == "list items":
        where = "under" if block.kind == HEADING else "after"
        return f"the list {where} it has {plural(n, 'item')}"
    if delivery.what == "sections":
        return "1 section follows it" if n == 1 else f"{n} sections follow it"
    holder = "the article" if who == "The title" else "the section"
    # Every kind of delivery is a plural ending in "s": "numbered paragraphs".
    return f"{holder} has {plural(n, delivery.what.removesuffix('s'), delivery.what)}"


def _found(
    doc: Document,
    blocks: list[Block],
    i: int,
    params: Mapping[str, Any],
    last_sentence: dict[int, Sentence],
) -> tuple[Promise, int, str, Delivery, bool] | None:
    """The promise made at ``blocks[i]``, its offset in the block, who makes it, what is
    delivered, and whether only a shortfall counts."""
    block = blocks[i]
    if block.kind == HEADING:
        for promise in promises(block.text, params):
            if _STATEMENT.match(block.text[promise.end :]):
                continue  # "Twenty teams have punched tickets": news, not a list
            delivery = _count_items.under_heading(doc, blocks, i, promise.promised)
            title = _is_title(doc, block)
            if delivery is not None:
                return promise, 0, "The title" if title else "This heading", delivery, title
        return None
    if block.kind != PARAGRAPH or i + 1 >= len(blocks):
        return None
    sentence = last_sentence.get(block.index)
    delivery = _count_items.after_sentence(doc, blocks, i) if sentence else None
    if sentence is None or delivery is None:
        return None
    promise = sentence_promise(doc, sentence, params, delivery)
    if promise is None:
        return None
    return promise, sentence.start, "This sentence", delivery, True


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    blocks = [b for b in doc.blocks if b.region == MAIN]
    last_sentence = {s.block.index: s for s in doc.sentences}
    for i, block in enumerate(blocks):
        found = _found(doc, blocks, i, params, last_sentence)
        if found is None:
            continue
        promise, offset, who, delivery, shortfall_only = found
        if not _evidence(promise.promised, delivery, shortfall_only):
            continue
        last = delivery.items[-1]
        hit = block_hit(
            block,
            offset + promise.start,
            offset + promise.end,
            who=who,
            promised=promise.promised,
            noun=promise.noun,
            delivered=_delivered(who, block, delivery),
            lines=_lines(doc, delivery.items),
        )
        hit.related.append(related_at(doc, last, 0, len(last.text)))
        yield hit
