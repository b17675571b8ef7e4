"""GitLab Code Quality: a JSON array GitLab shows in merge requests.

GitLab matches issues between the base and the head pipeline by ``fingerprint``, so it
must be stable across runs (no line numbers) and unique within a report: see
``linter.report.fingerprints``, which SARIF shares.
"""

from __future__ import annotations

import json
from typing import Any

from linter.baseline import portable_path
from linter.model import Severity
from linter.report import Report
from linter.report.fingerprints import unique_fingerprints

# GitLab knows info, minor, major, critical and blocker; an error fails the build, so it
# is "major"; "critical" and "blocker" are left for problems we do not report.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def build(report: Report) -> list[dict[str, Any]]:
    return [
        {
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
        for _, finding, unique in unique_fingerprints(report.files)
    ]


def render(report: Report) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"
