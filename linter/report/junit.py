"""JUnit XML: the test report format every CI server can display.

A ``testsuite`` per file and a ``testcase`` per rule that ran on it. A rule with findings
at or above the fail-on threshold fails, with one line per such finding in the failure
text; findings below it (info, when the run fails on warnings or errors) fail nothing, as
the exit code says, so their test case passes and lists them in ``system-out``. Not
``skipped``: the rule ran, and CI servers show skipped tests as not run. A file that could
not be read is a testcase with an ``error``. Text from documents may hold control characters that XML 1.0
forbids even escaped, so they are replaced by ``\\xNN`` before the tree is serialised:
the output must parse with a strict XML parser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from linter.model import Finding
from linter.report import Report

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry written as ``\\xNN``/``\\uNNNN``."""
    return _FORBIDDEN.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def _line(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.column}: [{finding.severity}] {finding.message}"


def _outcome(case: ET.Element, found: list[Finding], report: Report) -> int:
    """Fill ``case`` with its findings: a ``failure`` for those at or above the threshold,
    ``system-out`` for the others. Returns 1 when the case failed."""
    failing = [f for f in found if f.severity >= report.fail_on]
    below = [f for f in found if f.severity < report.fail_on]
    if failing:
        failure = ET.SubElement(
            case,
            "failure",
            message=clean(f"{len(failing)} finding(s): {failing[0].message}"),
            type=str(max(f.severity for f in failing)),
        )
        failure.text = clean("\n".join(_line(f) for f in failing))
    if below:
        lines = [f"{len(below)} finding(s) below the fail-on threshold ({report.fail_on}):"]
        ET.SubElement(case, "system-out").text = clean("\n".join(lines + [_line(f) for f in below]))
    return int(bool(failing))


def build(report: Report) -> ET.Element:
    root = ET.Element("testsuites", name="contentlint")
    total_tests = total_failures = total_errors = 0
    for result in report.files:
        suite = ET.SubElement(root, "testsuite", name=clean(result.path))
        tests = failures = errors = 0
        if result.error is not None:
            case = ET.SubElement(suite, "testcase", name="read", classname=clean(result.path))
            ET.SubElement(case, "error", message=clean(result.error)).text = clean(result.error)
            tests, errors = 1, 1
        by_code: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_code.setdefault(finding.code, []).append(finding)
        rules = [r for r in report.rules if result.format is None or r.applies_to(result.format)]
        names = {r.code: r.name for r in rules}
        names.update({f.code: f.name for f in result.findings})
        if result.error is None or result.findings:
            for code in sorted(names):
                case = ET.SubElement(
                    suite, "testcase", name=f"{code} {names[code]}", classname=clean(result.path)
                )
                tests += 1
                failures += _outcome(case, by_code.get(code, []), report)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        total_tests += tests
        total_failures += failures
        total_errors += errors
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    return root


def render(report: Report) -> str:
    root = build(report)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
