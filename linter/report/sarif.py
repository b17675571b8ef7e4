"""SARIF 2.1.0: what GitHub code scanning and most CI dashboards read.

One run, one driver with a descriptor for every rule that ran (so a dashboard can show
what was checked, not only what fired), one result per finding. Columns count Unicode
code points, as ours do, and the run says so. ``partialFingerprints`` are the baseline
fingerprint (rule, path, flagged text and its neighbourhood, no line number) numbered
among identical ones (``linter.report.fingerprints``): an alert keeps its identity when
lines are inserted above it, and two findings are never merged into one alert.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.baseline import portable_path
from linter.jsonstream import document, stream_here
from linter.model import Finding, Severity
from linter.report import Report
from linter.report.fingerprints import unique_fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/contentlint/contentlint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative URI reference with forward slashes (absolute ``file:`` URI if outside)."""
    shown = portable_path(path)
    if shown.startswith("/"):
        return "file://" + quote(shown)
    return quote(shown, safe="/")


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
# Names of the package's Project-URL entries a rule's help may point into, best first.
_HELP_URLS = ("documentation", "docs", "repository", "source", "homepage")


@functools.cache
def help_base() -> str | None:
    """The page the rules are documented on: the README's "Rules" section at the
    project URL the installed package declares; None when it declares none (a made-up
    address would send a reader nowhere)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("contentlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().casefold()] = url.strip()
    found = next((urls[label] for label in _HELP_URLS if urls.get(label)), None)
    return f"{found.rstrip('/')}#rules" if found else None


def guidance(message: str) -> str:
    """What the rule's message tells a reader to do: its sentences with nothing filled
    in (``Give each page a title of its own.``)."""
    sentences = _SENTENCE_END.split(message.strip())
    return " ".join(s for s in sentences if not _PLACEHOLDER.search(s))


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    advice = guidance(rule.message)
    help_text = "\n\n".join(
        part
        for part in (
            rule.summary,
            advice and f"What to do: {advice}",
            f"Parameters and examples: contentlint explain {rule.code}",
        )
        if part
    )
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": help_text},
    }
    if help_base():
        descriptor["helpUri"] = help_base()
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {"category": rule.category, "tags": [rule.category]}
    return descriptor


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """For a finding whose rule the report does not carry (a report built by hand)."""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": [finding.category]},
    }


def _result(finding: Finding, index: int, print_: str) -> dict[str, Any]:
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
        "partialFingerprints": {"contentlint/v1": print_},
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


def _descriptors(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The rules the run carries, then a fallback for each other rule that found
    something (a report built by hand), in the order their first findings come."""
    descriptors = [_rule_descriptor(rule) for rule in report.rules]
    index = {d["id"]: n for n, d in enumerate(descriptors)}
    if {t.code for t in report.rule_totals()} <= index.keys():
        return descriptors, index
    for finding in report.each_finding():
        if finding.code not in index:
            index[finding.code] = len(descriptors)
            descriptors.append(_fallback_descriptor(finding))
    return descriptors, index


def _log(report: Report, descriptors: list[dict[str, Any]], results: Any) -> dict[str, Any]:
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
    # Successful: every input linted and the run not stopped (findings are no failure of
    # the tool; the exit code says whether they fail the job).
    successful = not (notifications or report.interrupted or report.problems)
    invocation: dict[str, Any] = {"executionSuccessful": successful}
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


def _results(report: Report, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    for _, finding, print_ in unique_fingerprints(report.files):
        yield _result(finding, index[finding.code], print_)


def build(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict (tests validate it against the official schema)."""
    descriptors, index = _descriptors(report)
    return _log(report, descriptors, list(_results(report, index)))


def stream(report: Report) -> Iterator[str]:
    """The SARIF log's text, its results written as they are read."""
    descriptors, index = _descriptors(report)
    shape = _log(report, descriptors, stream_here("results"))
    return document(shape, {"results": _results(report, index)})
