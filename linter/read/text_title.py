"""Plain-text reader, title: the first line as the title, or a title run into the text.

A short first line that reads like a title is the title (a repetition of it just below is
its H1); pages pasted from templates often run the title into the first sentence, where
the title ends is inferred from its Title Case run.
"""

from __future__ import annotations

import re

from linter.lexicon import SPACED_WORD, TITLE_CONNECTORS, WORD_PUNCT, wordset
from linter.model import HEADING, PARAGRAPH, TITLE, Document, TitleRunIn
from linter.read.text_lines import (
    State,
    Unit,
    add_block,
    capitalised,
    is_faq_heading,
    last_char,
    starts_lower,
)

_TITLE_MAX_WORDS = 15
_RUN_IN_MIN_WORDS = 12
_RUN_MAX_WORDS = 20
# Capitalised words that open a sentence; seeing one mid-run followed by a lower-case word
# marks where a run-in title stops and the first sentence begins.
_OPENERS = wordset(
    "In The A An When While If As For This These That Today Whether Although Though"
    " Because Since With Without Many Most Every Each Over Across Nowadays Currently"
    " Recently Our We You It There Here Choosing Understanding Imagine Did Have Are Is"
    " Do Does Can"
)


def _title_like(unit: Unit) -> bool:
    text = unit.text
    return (
        unit.single
        and unit.bullet is None
        and unit.words <= _TITLE_MAX_WORDS
        and last_char(text) not in ".,;:"
        and not starts_lower(text)
        and not is_faq_heading(unit)
    )


def _run_words(line: str) -> list[re.Match[str]]:
    """The leading Title Case run of ``line`` (words with their positions)."""
    run: list[re.Match[str]] = []
    for match in SPACED_WORD.finditer(line):
        if len(run) >= _RUN_MAX_WORDS:
            break
        word = match.group(0)
        core = word.strip(WORD_PUNCT)
        if not core:
            break
        if word[-1] in ".,;!?" and core.lower() not in TITLE_CONNECTORS:
            break
        if capitalised(core) or (run and core.lower() in TITLE_CONNECTORS and core.islower()):
            run.append(match)
            continue
        break
    return run


def _word_after(line: str, end: int) -> str:
    match = SPACED_WORD.search(line, end)
    return match.group(0).strip(WORD_PUNCT) if match else ""


def _run_in_title(line: str, source: str, start: int) -> tuple[int, int] | None:
    """``(title_end, sentence_start)`` inside ``line`` when a title runs into the text.

    ``line`` starts at ``start`` in ``source``; a template that pastes the title phrase
    once usually pastes it again later, which marks where the title stops.
    """
    words = line.split()
    if len(words) < _RUN_IN_MIN_WORDS:
        return None
    run = _run_words(line)
    while run and run[-1].group(0).islower():
        run.pop()
    # A sentence opener closing the run and followed by a lower-case word.
    if len(run) >= 3 and run[-1].group(0) in _OPENERS:
        after = _word_after(line, run[-1].end())
        title = run[:-1]
        if after[:1].islower() and title[-1].group(0).lower() not in TITLE_CONNECTORS:
            return title[-1].end(), run[-1].start()
    # The longest prefix of the run that the document repeats elsewhere.
    for size in range(len(run) - 1, 2, -1):
        phrase = line[: run[size - 1].end()]
        if run[size - 1].group(0).islower() or source.find(phrase, start + len(phrase)) < 0:
            continue
        opener = run[size].group(0)
        after = _word_after(line, run[size].end())
        starts_sentence = opener in _OPENERS or (
            after[:1].islower() and after.lower() not in TITLE_CONNECTORS
        )
        return (run[size - 1].end(), run[size].start()) if starts_sentence else None
    return None


def read_title(doc: Document, state: State, units: list[Unit]) -> int:
    """Title block (and its repetition as H1), or run-in title meta; units consumed."""
    if not units:
        return 0
    first = units[0]
    if _title_like(first):
        line = first.lines[0]
        doc.title, doc.title_offset = line.text, line.start
        add_block(state, TITLE, first)
        if len(units) > 1 and units[1].single and units[1].text == first.text:
            add_block(state, HEADING, units[1], level=1)
            return 2
        return 1
    line = first.lines[0]
    if first.bullet is None:
        found = _run_in_title(line.text, doc.source, line.start)
        if found:
            title_end, sentence_start = found
            doc.title = line.text[:title_end]
            doc.title_offset = line.start
            doc.title_run_in = TitleRunIn(line.start + title_end, line.start + sentence_start)
            add_block(state, PARAGRAPH, first)
            return 1
    return 0
