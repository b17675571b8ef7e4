"""GitLab Code Quality: a JSON array GitLab shows in merge requests.

GitLab matches issues between the base and the head pipeline by ``fingerprint``, so it
must be stable across runs (no line numbers) and unique within a report: see
``linter.report.fingerprints``, which SARIF shares.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.baseline import portable_path
from linter.jsonstream import document, stream_here
from linter.model import Severity
from linter.report import Report
from linter.report.fingerprints import unique_fingerprints

# GitLab knows info, minor, major, critical and blocker; an error fails the build, so it
# is "major"; "critical" and "blocker" are left for problems we do not report.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(finding, unique: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": f"{finding.code} {finding.message}",
        "check_name": finding.code,
        "fingerprint": unique,
        "severity": SEVERITIES[finding.severity],
        "categories": ["Style"],
        "location": {
            "path": portable_path(finding.path),
            "lines": {"begin": finding.line, "end": finding.end_line},
        },
    }


def build(report: Report) -> list[dict[str, Any]]:
    return [_issue(f, unique) for _, f, unique in unique_fingerprints(report.files)]


def stream(report: Report) -> Iterator[str]:
    issues = (_issue(f, unique) for _, f, unique in unique_fingerprints(report.files))
    return document(stream_here("issues"), {"issues": issues})
