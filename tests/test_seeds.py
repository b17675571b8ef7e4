"""The issue's acceptance checks on the two seed articles (skipped where absent)."""

from __future__ import annotations

import json

from linter.engine import Engine
from linter.read import read_path
from linter.rulepack import load_rules

PHRASE = "Healthcare Management vs Healthcare Administration"


def phrase_positions(text: str) -> list[tuple[int, int]]:
    """Every occurrence of the title phrase as (line, column), found by plain search."""
    positions, start = [], text.find(PHRASE)
    while start != -1:
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        positions.append((line, column))
        start = text.find(PHRASE, start + 1)
    return positions


def findings_for(path):
    doc = read_path(str(path))
    return Engine(load_rules()).check(doc).findings


def test_seed_001_reports_each_injected_phrase_at_its_place(seeds):
    _, broken = seeds
    text = broken.read_text(encoding="utf-8")
    everywhere = phrase_positions(text)
    assert len(everywhere) == 27
    faq_heading_line = next(
        n for n, line in enumerate(text.splitlines(), 1) if line.startswith("(FAQs) About")
    )
    expected = [
        (ln, col) for ln, col in everywhere if (ln, col) != (1, 1) and ln != faq_heading_line
    ]
    assert len(expected) == 25
    findings = [f for f in findings_for(broken) if f.code == "BP001"]
    assert [(f.line, f.column) for f in findings] == expected
    assert all(f.end_column - f.column == len(PHRASE) for f in findings)
    assert all(f.excerpt == PHRASE for f in findings)
    assert not any(f.line == faq_heading_line for f in findings)


def test_seed_001_run_in_title_and_trailing_blank_lines(seeds):
    _, broken = seeds
    text = broken.read_text(encoding="utf-8")
    findings = findings_for(broken)
    run_in = [f for f in findings if f.code == "BP002"]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in run_in] == [
        (1, 1, 1, len(PHRASE) + 2)
    ]
    assert run_in[0].fix == PHRASE + "\n\n"
    last_text_line = len(text.rstrip().splitlines())
    blank = [f for f in findings if f.code == "HY004"]
    assert len(blank) == 1
    assert blank[0].line == last_text_line + 1
    assert blank[0].fix == ""


def test_seed_001_exit_code_is_1(cli, seeds):
    _, broken = seeds
    result = cli("check", str(broken), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["errors"] >= 26


def test_seed_000_has_no_boilerplate_error_or_warning_and_cta_is_info(seeds):
    clean, _ = seeds
    findings = [f for f in findings_for(clean) if f.category == "boilerplate"]
    assert all(str(f.severity) == "info" for f in findings), [
        (f.code, f.line, f.message) for f in findings if str(f.severity) != "info"
    ]
    cta_lines = {f.line for f in findings if f.code == "BP005"}
    text = clean.read_text(encoding="utf-8").splitlines()
    cta = next(n for n, line in enumerate(text, 1) if line.startswith("Interested in enrolling"))
    assert cta in cta_lines
    related = [f for f in findings if f.code == "BP006"]
    assert related and all(text[f.line - 1].startswith("Related:") for f in related)
