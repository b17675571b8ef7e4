"""The JSON report: one object, stable keys, documented in the README."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter import __version__
from linter.jsonstream import document, stream_here
from linter.report import Report

SCHEMA_VERSION = 1


def _shape(report: Report, findings: Any, files: Any) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "contentlint", "version": __version__},
        "findings": findings,
        "files": files,
        "summary": report.summary(),
    }


def payload(report: Report) -> dict[str, Any]:
    """The report as the JSON object it is written as (the server sends it as it is)."""
    return _shape(
        report,
        [f.to_dict() for f in report.each_finding()],
        [r.to_dict() for r in report.files],
    )


def stream(report: Report) -> Iterator[str]:
    """The report's text, written as it is read from the results."""
    shape = _shape(report, stream_here("findings"), stream_here("files"))
    arrays = {
        "findings": (f.to_dict() for f in report.each_finding()),
        "files": (r.to_dict() for r in report.files),
    }
    return document(shape, arrays)
