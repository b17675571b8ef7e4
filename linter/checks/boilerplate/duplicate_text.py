"""Exact duplicate paragraphs and sentences inside the article body.

Body blocks other than list items, table cells and quotations are compared whole, then
the sentences of the blocks not repeated whole, each folded to a key (spacing, case,
final stops). Only text that ends like a sentence and has at least ``min_words`` words
counts: teaser headlines and "Read more" lines repeat by design. Copies of consecutive
originals form one run (a section pasted twice), and each run is one hit.

What a page repeats by design is left alone (``linter.checks._structure``): text shared by
two instances of a per-entity run (one section per gym or phone plan, each with the same
labels and template lines) is about two entities, and a summary box ("Key takeaways",
"At a glance") restates the body like a pull quote.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from linter.checks._structure import Structure, structure
from linter.checks.base import COUNT, Hit, Param, block_hit, related_at
from linter.model import LIST_ITEM, QUOTE, TABLE_CELL, Block, Document

PARAMS: dict[str, Param] = {"min_words": COUNT, "max_findings": COUNT}

# What ends a key, and what closes a sentence after its final stop. Stripped with
# ``rstrip`` rather than matched with ``[...]+$``, which the regex engine tries at every
# space and stop of the text.
_TRAILING = " .!?;:…"
_STOPS = ".!?…"
_CLOSING = "\"”’')]"


@dataclass(slots=True)
class _Copy:
    block: Block
    start: int
    end: int
    earlier: Block
    earlier_start: int
    earlier_end: int
    what: str


def _key(text: str) -> str:
    """Text folded for comparison: white space as single spaces (``split`` leaves no
    other), lower case, without final stops."""
    return " ".join(text.split()).lower().rstrip(_TRAILING)


def _is_prose(text: str, min_words: int) -> bool:
    """At least ``min_words`` words, ending with a stop (quotes or brackets may follow)."""
    if len(text.split()) < min_words:
        return False
    last = text.rstrip().rstrip(_CLOSING)[-1:]
    return last != "" and last in _STOPS


_HOLDERS = 16  # earlier places kept per text: enough for a run's instances and a copy


def _earlier(page: Structure, holders: list[Any], index: int) -> Any | None:
    """The first earlier holder (block or sentence) of the same text that the page's
    structure does not explain: not in another instance of the same per-entity run."""
    for earlier in holders:
        where = earlier.index if isinstance(earlier, Block) else earlier.block.index
        if not page.across_instances(index, where):
            return earlier
    return None


def _copies(doc: Document, min_words: int) -> Iterator[_Copy]:
    page = structure(doc)
    blocks = [
        b
        for b in doc.body_blocks()
        if b.kind not in (LIST_ITEM, TABLE_CELL) and b.index not in page.summary
    ]
    first_block: dict[str, list[Block]] = {}
    repeated: set[int] = set()
    for block in blocks:
        if block.kind == QUOTE or not _is_prose(block.text, min_words):
            continue  # a pull quote repeats the body by design
        holders = first_block.setdefault(_key(block.text), [])
        earlier = _earlier(page, holders, block.index)
        if len(holders) < _HOLDERS:
            holders.append(block)
        if earlier is not None:
            repeated.add(block.index)
            yield _Copy(block, 0, len(block.text), earlier, 0, len(earlier.text), "paragraph")
    indexes = {b.index for b in blocks if b.kind != QUOTE}
    first_sentence: dict[str, list[Any]] = {}
    for sentence in doc.sentences:
        block = sentence.block
        if block.index not in indexes or block.index in repeated:
            continue
        if not _is_prose(sentence.text, min_words):
            continue
        holders = first_sentence.setdefault(_key(sentence.text), [])
        earlier = _earlier(page, holders, block.index)
        if len(holders) < _HOLDERS:
            holders.append(sentence)
        if earlier is not None:
            yield _Copy(
                block,
                sentence.start,
                sentence.end,
                earlier.block,
                earlier.start,
                earlier.end,
                "sentence",
            )


def _runs(copies: list[_Copy]) -> list[list[_Copy]]:
    """Consecutive copies of consecutive originals: one pasted passage."""
    runs: list[list[_Copy]] = []
    for copy in sorted(copies, key=lambda c: (c.block.index, c.start)):
        if runs:
            last = runs[-1][-1]
            if (
                0 <= copy.block.index - last.block.index <= 1
                and 0 <= copy.earlier.index - last.earlier.index <= 1
                and (copy.block.index, copy.start) != (last.block.index, last.start)
            ):
                runs[-1].append(copy)
                continue
        runs.append([copy])
    return runs


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    runs = _runs(list(_copies(doc, params["min_words"])))
    limit = max(params["max_findings"], 1)
    for number, run in enumerate(runs[:limit], 1):
        first = run[0]
        related = related_at(doc, first.earlier, first.earlier_start, first.earlier_end)
        what = first.what if len(run) == 1 else f"passage ({len(run)} paragraphs or sentences)"
        if number == limit and len(runs) > limit:
            # A page that repeats itself this much needs one look, not fifty findings.
            what += f" (and {len(runs) - limit} more repeated passages after it)"
        hit = block_hit(first.block, first.start, first.end, what=what, line=related.line)
        hit.related.append(related)
        yield hit
