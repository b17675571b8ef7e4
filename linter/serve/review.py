"""What the editor's app shows of a checked document: its blocks as text, each finding
placed on the words of one block, the readability scores and the FAQ at a glance.

The report places findings in the source (line, column, source offsets); the app shows
the document's blocks, not its markup, so each finding's source span is mapped back into
the text of the block that holds it. A finding about the whole page (a missing meta
description) or one whose spot is markup, not text, has no block.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from linter.checks.faq._overview import faq_overview
from linter.engine import Engine
from linter.fix import is_safe
from linter.model import Block, Document, Finding
from linter.report.fingerprints import unique_fingerprints
from linter.runner import FileResult

MAX_BLOCK_CHARS = 20_000  # a block shown longer than this is cut, with an ellipsis


def _text_offset(block: Block, source: int, end: bool = False) -> int | None:
    """The offset in ``block.text`` of source offset ``source``, or None outside it.
    ``end``: ``source`` is an end (one past the last character)."""
    for text_start, source_start, length, source_length in block.tmap.runs:
        inside = (
            source_start < source <= source_start + source_length
            if end
            else (source_start <= source < source_start + source_length)
        )
        if inside:
            if length != source_length:  # an entity: all of it or none
                return text_start + (length if end else 0)
            return text_start + source - source_start
    return None


def _first_inside(block: Block, start: int, end: int) -> int | None:
    """The offset in ``block.text`` of its first character whose source lies in
    ``[start, end)`` (text inside an element the span covers), or None."""
    for text_start, source_start, length, source_length in block.tmap.runs:
        if source_start + source_length <= start:
            continue
        if source_start >= end:
            return None
        if length != source_length or source_start >= start:
            return text_start
        return text_start + start - source_start
    return None


def _last_inside(block: Block, end: int) -> int:
    """The offset in ``block.text`` just past its last character whose source lies
    before ``end``."""
    last = 0
    for text_start, source_start, length, source_length in block.tmap.runs:
        if source_start >= end:
            break
        if length != source_length or source_start + source_length <= end:
            last = text_start + length
        else:
            last = text_start + end - source_start
    return last


class _Blocks:
    """Finds the block whose source holds an offset (blocks are in source order, except
    for head blocks such as the title: those are searched one by one)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = [b for b in blocks if b.tmap.runs and b.text]
        self.blocks.sort(key=lambda b: b.tmap.runs[0][1])
        self.starts = [b.tmap.runs[0][1] for b in self.blocks]

    def place(self, start: int, end: int) -> tuple[int, int, int] | None:
        """``(block index, text start, text end)`` of the source span, or None: the block
        holding its start, else the first block that begins inside it (a finding on a
        whole ``<a href=...>text</a>`` or ``<h1>`` lands on its text)."""
        at = bisect_right(self.starts, start) - 1
        for block in self.blocks[max(at - 2, 0) : at + 1][::-1]:
            first = _text_offset(block, start)
            if first is None:
                continue
            last = _text_offset(block, max(end, start + 1), end=True)
            if last is None or last <= first:
                last = min(len(block.text), first + 1) if end <= start else len(block.text)
            return block.index, first, max(last, first)
        if end <= start:
            return None
        for block in self.blocks[max(at, 0) : bisect_left(self.starts, end)]:
            first = _first_inside(block, start, end)
            if first is not None:
                return block.index, first, max(_last_inside(block, end), first)
        return None


def _block(block: Block, doc: Document) -> dict[str, Any]:
    text = block.text
    if len(text) > MAX_BLOCK_CHARS:
        text = text[:MAX_BLOCK_CHARS] + "…"
    start = block.tmap.runs[0][1] if block.tmap.runs else 0
    return {
        "index": block.index,
        "kind": block.kind,
        "level": block.level,
        "text": text,
        "region": block.region,
        "part": block.part,
        "line": doc.lines.position(start)[0],
    }


def _finding(
    finding: Finding, ident: str, blocks: _Blocks, fmt: str, engine: Engine
) -> dict[str, Any]:
    placed = None if finding.anchor == "document" else blocks.place(finding.start, finding.end)
    if placed is not None and placed[1] >= MAX_BLOCK_CHARS:
        placed = None
    block, start, end = placed if placed is not None else (None, None, None)
    return finding.to_dict() | {
        "id": ident,
        "block": block,
        "start": start,
        "end": end,
        "safe_fix": is_safe(finding, fmt, engine),
    }


def build_review(
    doc: Document, result: FileResult, engine: Engine, report: dict[str, Any]
) -> dict[str, Any]:
    """The review payload of ``doc`` checked into ``result`` (``report``: its JSON report)."""
    blocks = _Blocks(doc.blocks)
    findings = [
        _finding(finding, ident, blocks, doc.format, engine)
        for _, finding, ident in unique_fingerprints([result])
    ]
    return {
        "report": report,
        "document": {
            "path": result.path,
            "format": doc.format,
            "title": doc.title,
            "words": doc.word_count,
            "blocks": [_block(b, doc) for b in doc.blocks],
        },
        "findings": findings,
        "scores": result.scores,
        "faq": faq_overview(doc),
        "fixable": sum(1 for f in findings if f["safe_fix"]),
    }


def finding_ids(result: FileResult) -> dict[str, Finding]:
    """The findings of ``result`` by the id the review gave them."""
    return {ident: finding for _, finding, ident in unique_fingerprints([result])}
