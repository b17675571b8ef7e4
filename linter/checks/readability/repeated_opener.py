"""Runs of at least ``min_run`` sentences in a row that open with the same word.

A run goes on across paragraphs of one stretch of prose (``_sections``) and never
includes list items or sentences without an opener (see ``_sentences.sentence_opener``).
One finding per run, on the sentence where the run reaches ``min_run``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import COUNT, Hit, Param, sentence_hit
from linter.checks.readability._stats import SentenceStats, text_stats
from linter.model import LIST_ITEM, PROSE_KINDS, TABLE_CELL, Document

PARAMS: dict[str, Param] = {"min_run": COUNT}


def _sections(doc: Document) -> dict[int, int]:
    """Block id -> the number of the stretch of running prose it belongs to."""
    section, numbers, previous_prose = 0, {}, False
    for block in doc.blocks:
        prose = block.kind in PROSE_KINDS and block.kind not in (LIST_ITEM, TABLE_CELL)
        if not prose or not previous_prose:
            section += 1  # a heading, list, table or other break starts a new stretch
        numbers[id(block)] = section
        previous_prose = prose
    return numbers


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    minimum = max(params["min_run"], 2)
    sections = _sections(doc)
    run: list[SentenceStats] = []

    def report() -> Iterable[Hit]:
        if len(run) >= minimum:
            word = next(t.text for t in run[0].sentence.span if t.is_alpha)
            yield sentence_hit(run[minimum - 1].sentence, count=len(run), word=word)

    for stats in text_stats(doc).sentences:
        block = stats.sentence.block
        same = (
            run
            and stats.opener is not None
            and stats.opener == run[-1].opener
            and sections.get(id(block)) == sections.get(id(run[-1].sentence.block))
        )
        if same:
            run.append(stats)
            continue
        yield from report()
        run = [stats] if stats.opener is not None and block.kind != LIST_ITEM else []
    yield from report()
