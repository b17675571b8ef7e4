"""The visible FAQ: questions with their answers, sections and numbers.

Readers only tag blocks as ``faq_question``/``faq_answer``; the checks need more than that
(which answers belong to which question, which FAQ section a question sits in, its
number). Building it here once keeps each check a few lines long and makes every rule
agree on what "the FAQ" is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.checks.faq._text import NUMBER_PREFIX, looks_like_question
from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    MAIN,
    PARAGRAPH,
    PROSE_KINDS,
    QUOTE,
    TABLE_CELL,
    TITLE,
    Block,
    Document,
)

# "Still have questions?", "Didn't find your answer?": a call to action closing an FAQ.
_CALL_TO_ACTION = re.compile(
    r"\W*(?:(?:do\s+you\s+)?(?:still\s+)?(?:have|got)\s+"
    r"(?:a|any|more|other|further|additional)?\s*questions?\b"
    r"|(?:any|more|other|further|additional)\s+questions?\b"
    r"|(?:didn[’']?t|did\s+not|can[’']?t|cannot|couldn[’']?t)\s+find\b)",
    re.IGNORECASE,
)
# Blocks that can carry an answer the reader did not attach (after a sub-heading).
_ANSWER_KINDS = frozenset({PARAGRAPH, LIST_ITEM, TABLE_CELL, QUOTE, FAQ_ANSWER})


@dataclass(slots=True)
class FaqEntry:
    """One visible question with its answer blocks.

    ``section`` is the index of the FAQ heading the question sits under (-1 for FAQ blocks
    recognised by markup alone, such as ``<details>`` or Yoast blocks with no heading);
    duplicates and numbering are judged per section. ``text_start`` skips a number the
    reader left in the question text ("1. What ...?").
    """

    question: Block
    answers: list[Block]
    number: int | None
    section: int
    text_start: int = 0

    @property
    def text(self) -> str:
        """The question without its number."""
        return self.question.text[self.text_start :].strip()

    @property
    def answer_text(self) -> str:
        return " ".join(b.text for b in self.answers)

    def answer_span(self) -> tuple[int, int]:
        """Source offsets from the first answer block's start to the last one's end."""
        start = self.answers[0].source_span()[0]
        end = self.answers[-1].source_span()[1]
        return start, max(start, end)


def faq_headings(doc: Document) -> list[Block]:
    """Headings the reader marked as starting an FAQ section."""
    return [b for b in doc.blocks if b.kind == HEADING and b.faq_section]


def faq_entries(doc: Document) -> list[FaqEntry]:
    """Visible FAQ entries of the article body, in document order.

    Built once per document: a dozen FAQ rules read the same entries.
    """
    return doc.memo("faq.entries", lambda: _build_entries(doc))


def _build_entries(doc: Document) -> list[FaqEntry]:
    answers: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == FAQ_ANSWER and block.answers is not None:
            answers.setdefault(block.answers, []).append(block)
    entries: list[FaqEntry] = []
    section = -1
    section_level = 0
    for block in doc.blocks:
        if block.kind == HEADING:
            if block.faq_section:
                section, section_level = block.index, block.level
            elif not block.faq_group and block.level <= section_level:
                section, section_level = -1, 0
            continue
        if block.kind != FAQ_QUESTION or block.region != MAIN:
            continue
        if section < 0 and not looks_like_question(block.text):
            # A <details> table of contents or a "question" class on a label: markup
            # alone made it an FAQ question, and its text says otherwise.
            continue
        if _CALL_TO_ACTION.match(block.text):
            continue
        number = block.number
        text_start = 0
        match = NUMBER_PREFIX.match(block.text)
        if match and match.end() < len(block.text):
            text_start = match.end()
            if number is None:
                number = int(match.group(1))
        found = _with_blocks_between(doc, answers.get(block.index))
        if not found and (section >= 0 or block.level):
            found = _sub_headed_answer(doc, block, section_level)
        entries.append(FaqEntry(block, found or [], number, section, text_start))
    return entries


def _with_blocks_between(doc: Document, found: list[Block] | None) -> list[Block] | None:
    """``found`` with the prose blocks that sit between its first and last block (a
    table or a quote inside an answer): the answer's span covers them, so its text must
    hold them too."""
    if not found or len(found) < 2:
        return found
    first, last = found[0].index, found[-1].index
    between = doc.blocks[first : last + 1]
    if last - first + 1 == len(found) or any(b.index != first + i for i, b in enumerate(between)):
        return found
    mine = {id(b) for b in found}
    return [b for b in between if id(b) in mine or (b.kind in PROSE_KINDS and b.kind != FAQ_ANSWER)]


def _sub_headed_answer(doc: Document, question: Block, section_level: int) -> list[Block]:
    """Prose after a question that the reader did not attach to it.

    Accordion FAQs put sub-headings inside long answers ("What are the system
    requirements?" → "Hardware" → a list); the reader stops the answer at the sub-heading.
    The answer runs to the next question, or to a heading at the question's level or
    higher (the section's level when the question is not a heading).
    """
    stop_level = question.level or section_level
    found: list[Block] = []
    for block in doc.blocks[question.index + 1 :]:
        if block.kind == FAQ_QUESTION:
            break
        if block.kind == HEADING:
            if block.faq_section or not stop_level or block.level <= stop_level:
                break
            continue
        if block.region == question.region and block.kind in _ANSWER_KINDS:
            found.append(block)
    return found


def faq_anchor(doc: Document) -> tuple[int, int, str]:
    """Where document-level FAQ findings go: the FAQ heading, else the first heading,
    else the title, else the start of the file. Returns source offsets and an excerpt."""
    candidates = [
        *faq_headings(doc),
        *(b for b in doc.blocks if b.kind == HEADING and b.region == MAIN),
        *(b for b in doc.blocks if b.kind == TITLE),
    ]
    for block in candidates:
        if block.text:
            start, end = block.source_span()
            return start, end, block.text
    line_end = doc.source.find("\n")
    end = len(doc.source) if line_end < 0 else line_end
    return 0, end, doc.source[:end]
