"""SARIF 2.1.0: what GitHub code scanning and most CI dashboards read.

One run, one driver with a descriptor for every rule that ran (so a dashboard can show
what was checked, not only what fired), one result per finding. Columns count Unicode
code points, as ours do, and the run says so. ``partialFingerprints`` reuse the baseline
fingerprint (rule, path, flagged text and its neighbourhood, no line number) so an alert
keeps its identity when lines are inserted above it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.baseline import fingerprint, portable_path
from linter.model import Finding, Severity
from linter.quote import Line
from linter.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/contentlint/contentlint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative URI reference with forward slashes (absolute ``file:`` URI if outside)."""
    shown = portable_path(path)
    if shown.startswith("/"):
        return "file://" + quote(shown)
    return quote(shown, safe="/")


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.description}\n\nSee: contentlint explain {rule.code}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """For a finding whose rule the report does not carry (a report built by hand)."""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": [finding.category]},
    }


def _result(finding: Finding, index: int, line: Line | None) -> dict[str, Any]:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"contentlint/v1": fingerprint(finding, line)},
    }
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(r.path or finding.path)},
                    "region": {"startLine": r.line, "startColumn": r.column},
                },
                "message": {"text": r.excerpt or "related"},
            }
            for number, r in enumerate(finding.related, 1)
        ]
    if finding.fix is not None:
        result["properties"] = {"fix": finding.fix}
    return result


def build(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict (tests validate it against the official schema)."""
    descriptors = [_rule_descriptor(rule) for rule in report.rules]
    index = {d["id"]: n for n, d in enumerate(descriptors)}
    results = []
    for file_result in report.files:
        for finding in file_result.findings:
            if finding.code not in index:
                index[finding.code] = len(descriptors)
                descriptors.append(_fallback_descriptor(finding))
            line = file_result.lines.get(finding.line)
            results.append(_result(finding, index[finding.code], line))
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{r.path}: {r.error}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}
            ],
        }
        for r in report.failed_files
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not report.failed_files}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "contentlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def render(report: Report) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"
