"""Long source lines are kept only around their findings, and every report that quotes
or fingerprints a finding reads the same text as it would from the whole line."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.baseline import fingerprint
from linter.engine import Engine
from linter.model import Finding, Severity
from linter.quote import LONG_LINE, MARGIN, LinePart, cut, keep_line, length, merge
from linter.report.html.pages import highlight
from linter.report.text import _source_line
from linter.rulepack import load_rules
from linter.runner import lint_one

WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
]
LINE = " ".join(WORDS[n % len(WORDS)] + str(n) for n in range(3000))  # about 24,000 chars


def finding(column: int, end_column: int, *, runs_on: bool = False) -> Finding:
    """A finding on line 1, from ``column`` to ``end_column`` (1-based, exclusive end)."""
    return Finding(
        "HY001", "hygiene.doubled-word", "hygiene", Severity.WARNING, "A doubled word.",
        "page.html", 1, column, 2 if runs_on else 1, end_column, LINE[column - 1 : column + 9 if runs_on else end_column - 1],
    )  # fmt: skip


SPOTS = [
    finding(1, 6),  # at the start of the line
    finding(9000, 9012),  # in the middle
    finding(9100, 9105),  # close to the one before: one piece holds both
    finding(len(LINE) - 4, len(LINE) + 1),  # at the very end
    finding(15000, 1, runs_on=True),  # runs on to the next line
]


def spans(findings: list[Finding]) -> list[tuple[int, int | None]]:
    return [(f.column - 1, f.end_column - 1 if f.end_line == f.line else None) for f in findings]


def test_short_lines_are_kept_whole() -> None:
    line = "x" * LONG_LINE
    assert keep_line(line, [(10, 12)]) is line


def test_long_lines_keep_pieces_around_their_findings() -> None:
    kept = keep_line(LINE, spans(SPOTS))
    assert isinstance(kept, LinePart)
    assert kept.length == len(LINE)
    assert [offset for offset, _ in kept.pieces] == [0, 9000 - 1 - MARGIN, 15000 - 1 - MARGIN]
    assert sum(len(text) for _, text in kept.pieces) < len(LINE) // 2
    assert all(LINE[offset : offset + len(text)] == text for offset, text in kept.pieces)


@pytest.mark.parametrize("spot", SPOTS, ids=lambda f: f"column-{f.column}")
def test_reports_read_a_kept_line_as_the_whole_line(spot: Finding) -> None:
    kept = keep_line(LINE, spans(SPOTS))
    assert fingerprint(spot, kept) == fingerprint(spot, LINE)
    assert _source_line(kept, spot) == _source_line(LINE, spot)
    assert highlight(kept, spot) == highlight(LINE, spot)
    assert spot.excerpt.split()[0] in _source_line(kept, spot)[0]


def test_a_line_ending_in_a_carriage_return_is_measured_without_it() -> None:
    line = LINE + "\r"
    kept = keep_line(line, [(len(LINE) - 10, len(LINE) - 5)])
    assert length(kept, "\r") == len(LINE) == length(line, "\r")
    assert length(kept) == len(line)
    spot = finding(len(LINE) - 9, len(LINE) - 4)
    assert _source_line(kept, spot) == _source_line(line, spot)
    assert highlight(kept, spot) == highlight(line, spot)


def test_merge_joins_the_pieces_kept_for_page_and_site_findings() -> None:
    page, site = SPOTS[:2], SPOTS[2:]
    both = merge(keep_line(LINE, spans(page)), keep_line(LINE, spans(site)))
    assert both == keep_line(LINE, spans(SPOTS))
    for spot in SPOTS:
        assert fingerprint(spot, both) == fingerprint(spot, LINE)
    assert merge(keep_line(LINE, spans(page)), LINE) == LINE


def test_cut_clips_to_the_line() -> None:
    kept = keep_line(LINE, [(100, 110)])
    assert cut(kept, 95, 115) == LINE[95:115]
    assert cut(LINE, -5, 3) == LINE[:3]


def test_a_minified_page_keeps_a_small_quote_and_the_same_report(tmp_path: Path) -> None:
    """A page on one line: its result keeps a few hundred characters, not the page, and the
    text report quotes the flagged words as from the whole line."""
    body = "".join(f"<p>{LINE[n * 400 : n * 400 + 300]}.</p>" for n in range(40))
    body += "<p>The the garden needs water in a dry summer.</p>"
    source = f'<!doctype html><html lang="en"><head><title>Minified</title></head><body>{body}</body></html>'
    path = tmp_path / "minified.html"
    path.write_text(source, encoding="utf-8")
    result = lint_one(str(path), Engine([r for r in load_rules() if r.code == "HY001"]))
    [doubled] = result.findings
    assert (doubled.code, doubled.line) == ("HY001", 1)
    kept = result.lines[1]
    assert isinstance(kept, LinePart) and sum(len(t) for _, t in kept.pieces) < 2 * MARGIN + 20
    text, start, width = _source_line(kept, doubled)
    assert (text, start, width) == _source_line(source, doubled)
    assert text[start : start + width] == "The the"
