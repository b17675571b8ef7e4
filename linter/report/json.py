"""The JSON report: one object, stable keys, documented in the README."""

from __future__ import annotations

import json

from linter import __version__
from linter.report import Report

SCHEMA_VERSION = 1


def render(report: Report) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "contentlint", "version": __version__},
        "findings": [f.to_dict() for f in report.findings],
        "files": [r.to_dict() for r in report.files],
        "summary": report.summary(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
