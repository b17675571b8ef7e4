"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``. GitHub
parses these lines itself, so data and properties are escaped as its toolkit does
(``%``, CR and LF everywhere; ``:`` and ``,`` also in properties), or a message with a
newline or a path with a comma would break the annotation or forge a second one.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.baseline import portable_path
from linter.model import Finding, Severity
from linter.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """The workflow command for one finding (columns as in every report: end exclusive)."""
    props = [
        ("file", portable_path(finding.path)),
        ("line", str(finding.line)),
        ("col", str(finding.column)),
        ("endLine", str(finding.end_line)),
        ("endColumn", str(finding.end_column)),
        ("title", finding.code),
    ]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def stream(report: Report) -> Iterator[str]:
    for finding in report.each_finding():
        yield annotation(finding) + "\n"
    for r in report.failed_files:
        yield (
            f"::error file={escape_property(portable_path(r.path))},title=contentlint::"
            + escape_data(f"could not lint: {r.error}")
            + "\n"
        )
