"""GitLab Code Quality: a JSON array GitLab shows in merge requests.

GitLab matches issues between the base and the head pipeline by ``fingerprint``, so it
must be stable across runs (no line numbers) and unique within a report: the baseline
fingerprint plus the occurrence number among identical ones.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from linter.baseline import fingerprint, portable_path
from linter.model import Severity
from linter.report import Report

# GitLab knows info, minor, major, critical and blocker; an error fails the build, so it
# is "major"; "critical" and "blocker" are left for problems we do not report.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def build(report: Report) -> list[dict[str, Any]]:
    issues = []
    seen: Counter[str] = Counter()
    for result in report.files:
        for finding in result.findings:
            base = fingerprint(finding, result.lines.get(finding.line))
            seen[base] += 1
            unique = hashlib.sha256(f"{base}:{seen[base]}".encode()).hexdigest()[:32]
            issues.append(
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
            )
    return issues


def render(report: Report) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"
