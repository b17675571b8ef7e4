"""The page-structure model and the rules that read it (BP003, BP004, contradictions), on
the development set in ``repeated_pages``: repeated per-entity blocks and summary boxes
are no duplicate text, real duplicates still are."""

from __future__ import annotations

import re

import pytest
from helpers import lint_rule, parse_source, where
from repeated_pages import (
    AT_A_GLANCE,
    DUPLICATE_PAGES,
    ENTITY_PAGES,
    GYMS,
    PADDED_PHRASE,
    PASTED_IN_ONE_ENTITY,
    PASTED_PARAGRAPH,
    PASTED_SENTENCE_ACROSS_ASPECTS,
    SUMMARY_PAGES,
    TRAILS,
)

from linter.checks._structure import Structure, structure
from linter.engine import Engine
from linter.rulepack import load_rules


def page(source: str, fmt: str) -> Structure:
    doc = parse_source(source, fmt)
    Engine(load_rules()[:1]).check(doc)  # segments the sentences the model reads
    return structure(doc)


@pytest.mark.parametrize("name", ENTITY_PAGES)
def test_per_entity_pages_have_no_duplicate_text_or_repeated_phrase(name):
    fmt, source = ENTITY_PAGES[name]
    assert lint_rule("BP004", source, fmt) == []
    assert lint_rule("BP003", source, fmt) == []


@pytest.mark.parametrize("name", SUMMARY_PAGES)
def test_a_summary_box_is_a_pull_quote_not_a_duplicate(name):
    fmt, source = SUMMARY_PAGES[name]
    assert lint_rule("BP004", source, fmt) == []


def test_the_model_finds_one_instance_per_gym():
    doc = parse_source(GYMS, "html")
    model = structure(doc)
    headings = [b for b in doc.blocks if b.kind == "heading" and b.level == 2]
    runs = {model.instance[h.index][0] for h in headings}
    assert len(runs) == 1
    assert [model.instance[h.index][1] for h in headings] == [h.index for h in headings]


def test_the_model_finds_labelled_runs_without_headings():
    flat = re.sub(r"<h2>.*?</h2>\n", "", TRAILS)
    doc = parse_source(flat, "html")
    model = structure(doc)
    dogs = [b.index for b in doc.blocks if b.text.startswith("Dogs on the trail?")]
    assert len({model.instance[i] for i in dogs}) == 3
    assert model.across_instances(dogs[0], dogs[2])


def test_the_summary_box_under_a_label_paragraph_stops_at_the_body():
    model = page(AT_A_GLANCE, "html")
    assert sorted(model.summary) == [2, 3, 4]  # the label and its two one-line items


def test_a_pasted_paragraph_is_still_reported():
    (finding,) = lint_rule("BP004", PASTED_PARAGRAPH)
    assert where(finding) == (5, 4, 5, 76)
    assert (
        finding.message
        == "This paragraph repeats the text at line 3 word for word. Delete one of them."
    )


def test_a_paragraph_pasted_twice_inside_one_entity_is_still_reported():
    (finding,) = lint_rule("BP004", PASTED_IN_ONE_ENTITY)
    assert (finding.line, finding.column) == (13, 4)
    assert finding.related[0].line == 12


def test_a_sentence_pasted_across_aspect_sections_is_still_reported():
    (finding,) = lint_rule("BP004", PASTED_SENTENCE_ACROSS_ASPECTS)
    assert (finding.line, finding.column, finding.related[0].line) == (8, 37, 5)
    assert finding.message.startswith("This sentence repeats the text at line 5")


def test_a_padded_phrase_is_still_one_bp003_finding():
    (finding,) = lint_rule("BP003", PADDED_PHRASE)
    assert (finding.line, finding.column) == (5, 44)
    assert finding.message.startswith(
        "The phrase “make sensible choices about their weekend plans” is repeated in 3 "
        "paragraphs (first at line 3)."
    )


def test_overlapping_phrases_of_one_repeated_span_are_one_finding():
    """ "because the ferry ... doors" and "the ferry ... doors on Sundays" are one span
    read two ways: one finding, on the longer reading, counting all six paragraphs."""
    text = (
        "Packing for the Coast\n\n"
        "Pack early because the ferry leaves before the cafes open their doors.\n\n"
        "Bring snacks because the ferry leaves before the cafes open their doors.\n\n"
        "Eat first because the ferry leaves before the cafes open their doors.\n\n"
        "Locals know the ferry leaves before the cafes open their doors on Sundays.\n\n"
        "Plan ahead, as the ferry leaves before the cafes open their doors on Sundays.\n\n"
        "Sleep well: the ferry leaves before the cafes open their doors on Sundays.\n"
    )
    (finding,) = lint_rule("BP003", text)
    assert (finding.line, finding.column) == (11, 16)
    assert finding.message == (
        "The phrase “the ferry leaves before the cafes open their doors on Sundays” is "
        "repeated in 6 paragraphs (first at line 3). Say it once, or vary it."
    )
    assert [r.line for r in finding.related] == [3, 5, 7, 9, 13]


@pytest.mark.parametrize("name", ["pasted_paragraph", "pasted_in_one_entity"])
def test_duplicate_pages_report_bp004(name):
    fmt, source = DUPLICATE_PAGES[name]
    assert lint_rule("BP004", source, fmt)
