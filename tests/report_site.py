"""A small audited site for the CSV, HTML and browser report tests.

The samples, plus pages written here: one whose name and text carry HTML that would run
if a report pasted it in unescaped, and a site-level finding naming both pages of a
duplicated title, as an audit reports it. Real lint results, so the reports are tested on
what users get.
"""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES

from linter.engine import Engine
from linter.history import Comparison
from linter.model import Finding, Related, Severity
from linter.report import Report
from linter.rulepack import load_rules
from linter.runner import FileResult, lint_one

SCRIPT_TAG = "<script>alert(1)</script>"
IMG_TAG = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = f"{IMG_TAG}.txt"
HOSTILE_TEXT = (
    "Planting Bulbs in Autumn\n\n"
    f"Plant the the bulbs in autumn. {SCRIPT_TAG} TODO: add a photo of {IMG_TAG} here.\n\n"
    "Water them well after planting and cover the bed with mulch before the first frost.\n"
)
TREND = [
    {"id": 1, "started": "2026-11-01T09:00:00", "pages": 9, "findings": 61, "errors": 14,
     "warnings": 30, "info": 17},
    {"id": 2, "started": "2026-11-08T09:00:00", "pages": 9, "findings": 52, "errors": 9,
     "warnings": 27, "info": 16},
]  # fmt: skip


def site_finding(path: str, other: str) -> Finding:
    """SITE001 as the audit reports it: on one page, the other page in ``related``."""
    title = f"Bulbs {SCRIPT_TAG}"
    return Finding(
        code="SITE001",
        name="site.duplicate-title",
        category="site",
        severity=Severity.WARNING,
        message=f"The title “{title}” is used by 2 pages: {IMG_TAG}.",
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=len(title) + 1,
        excerpt=title,
        related=[Related(1, 1, title, path=other)],
    )


def lint_site(root: Path) -> Report:
    """Lint the samples and a hostile page under ``root``; add a site finding."""
    hostile = root / HOSTILE_NAME
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    rules = load_rules()
    engine = Engine(rules)
    files = [lint_one(str(path), engine) for path in sorted(SAMPLES.iterdir())]
    files.append(lint_one(str(hostile), engine))
    files.append(FileResult(str(root / "missing.html"), "html", error="cannot read: missing"))
    files[-2].findings.append(site_finding(files[-2].path, files[0].path))
    return Report(files=files, rules=rules)


def with_history(report: Report) -> Report:
    """``report`` compared with run 2 of a history: two earlier runs, one finding new."""
    new = report.files[0].findings[:1]
    fixed = [{"code": "HY002", "path": report.files[1].path, "line": 7, "message": IMG_TAG}]
    report.comparison = Comparison(2, TREND[1]["started"], new, fixed, unchanged=40)
    report.trend = TREND
    return report
