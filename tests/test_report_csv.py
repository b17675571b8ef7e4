"""The CSV reports: a findings table and a pages table a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from report_site import HOSTILE_NAME, lint_site

from linter.model import Finding, Severity
from linter.report import FORMATS, Report, render
from linter.report.csv import FINDING_COLUMNS, render_pages
from linter.runner import FileResult


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return lint_site(tmp_path_factory.mktemp("site"))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def finding(message: str, excerpt: str = "x", fix: str | None = None) -> Finding:
    return Finding(
        "HY002", "hygiene.placeholder-text", "hygiene", Severity.ERROR, message,
        "page.txt", 2, 5, 2, 9, excerpt, fix,
    )  # fmt: skip


def test_one_row_per_finding_with_every_column(report: Report) -> None:
    text = render(report, "csv")
    assert "csv" in FORMATS
    assert next(csv.reader(io.StringIO(text))) == list(FINDING_COLUMNS)
    table = rows(text)
    assert len(table) == len(report.findings) > 40
    first = report.findings[0]
    assert table[0] == {
        "path": first.path,
        "line": str(first.line),
        "column": str(first.column),
        "end_line": str(first.end_line),
        "end_column": str(first.end_column),
        "code": first.code,
        "name": first.name,
        "category": first.category,
        "severity": str(first.severity),
        "message": first.message,
        "excerpt": first.excerpt,
        "fix": first.fix or "",
        "related": "",
    }


def test_fix_and_related_places(report: Report) -> None:
    table = rows(render(report, "csv"))
    bp001 = next(r for r in table if r["code"] == "BP001" and r["fix"])
    assert bp001["fix"] == "electric bikes"
    site = next(r for r in table if r["code"] == "SITE001")
    assert site["category"] == "site"
    assert site["path"].endswith(HOSTILE_NAME)
    assert site["related"] == f"{report.files[0].path}:1:1"
    contradiction = next(r for r in table if r["code"] == "CT001")
    assert contradiction["related"] == "30:7"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_quoted(start: str) -> None:
    payload = f'{start}HYPERLINK("http://evil.example","click")'
    report = Report(files=[FileResult("page.txt", "text", findings=[finding(payload, payload)])])
    row = rows(render(report, "csv"))[0]
    assert row["message"] == row["excerpt"] == "'" + payload
    assert row["line"] == "2"  # numbers are left alone


def test_plain_text_is_not_quoted() -> None:
    report = Report(files=[FileResult("page.txt", "text", findings=[finding("a = b", fix="")])])
    row = rows(render(report, "csv"))[0]
    assert row["message"] == "a = b"
    assert row["fix"] == ""


def test_pages_table(report: Report) -> None:
    table = rows(render_pages(report))
    assert len(table) == len(report.files)
    header = list(table[0])
    assert header[:5] == ["path", "format", "words", "error", "flesch_reading_ease"]
    assert "scores.words" in header  # the readability count, not the page's words
    assert header[-7:] == [
        "boilerplate", "contradiction", "faq", "hygiene", "readability", "seo", "site",
    ]  # fmt: skip
    by_path = {Path(r["path"]).name: r for r in table}
    template = by_path["broken-template.txt"]
    result = next(r for r in report.files if r.path.endswith("broken-template.txt"))
    counts = Counter(str(f.severity) for f in result.findings)
    assert template["format"] == "text"
    assert template["flesch_reading_ease"] == str(result.scores["flesch_reading_ease"])
    assert template["scores.words"] == str(result.scores["words"])
    assert template["words"] == str(result.words)
    assert template["findings"] == str(len(result.findings))
    assert (template["errors"], template["warnings"]) == (
        str(counts["error"]),
        str(counts["warning"]),
    )
    assert template["boilerplate"] == str(sum(f.category == "boilerplate" for f in result.findings))
    assert by_path["clean-article.html"]["findings"] == "0"
    hostile = by_path[HOSTILE_NAME]
    assert (hostile["errors"], hostile["warnings"], hostile["info"]) == ("1", "3", "0")
    assert (hostile["hygiene"], hostile["site"]) == ("2", "1")
    missing = by_path["missing.html"]
    assert missing["error"] == "cannot read: missing"
    assert (missing["flesch_reading_ease"], missing["findings"]) == ("", "0")


def test_pages_totals_match_the_findings(report: Report) -> None:
    table = rows(render_pages(report))
    for column, severity in (("errors", "error"), ("warnings", "warning"), ("info", "info")):
        assert sum(int(r[column]) for r in table) == sum(
            1 for f in report.findings if str(f.severity) == severity
        )
    assert sum(int(r["findings"]) for r in table) == len(report.findings)
