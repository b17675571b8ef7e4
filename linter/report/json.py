"""The JSON report: one object, stable keys, documented in the README."""

from __future__ import annotations

import json
from typing import Any

from linter import __version__
from linter.report import Report

SCHEMA_VERSION = 1


def payload(report: Report) -> dict[str, Any]:
    """The report as the JSON object it is written as (the server sends it as it is)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "contentlint", "version": __version__},
        "findings": [f.to_dict() for f in report.findings],
        "files": [r.to_dict() for r in report.files],
        "summary": report.summary(),
    }


def render(report: Report) -> str:
    return json.dumps(payload(report), ensure_ascii=False, indent=2) + "\n"
