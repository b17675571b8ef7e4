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
from collections.abc import Iterator

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


def _suite(result, report: Report) -> tuple[ET.Element, int, int, int]:
    """The ``testsuite`` of one file, and its tests, failures and errors."""
    suite = ET.Element("testsuite", name=clean(result.path))
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
    return suite, tests, failures, errors


def _root(totals: tuple[int, int, int]) -> ET.Element:
    root = ET.Element("testsuites", name="contentlint")
    for key, value in zip(("tests", "failures", "errors"), totals, strict=True):
        root.set(key, str(value))
    return root


def build(report: Report) -> ET.Element:
    suites = [_suite(result, report) for result in report.files]
    root = _root(tuple(sum(s[n] for s in suites) for n in (1, 2, 3)))  # type: ignore[arg-type]
    root.extend(suite for suite, *_ in suites)
    return root


def stream(report: Report) -> Iterator[str]:
    """The XML as ``ET.indent`` and ``ET.tostring`` write the whole tree, a suite at a
    time: a first pass counts the totals the root element carries."""
    totals = [0, 0, 0]
    for result in report.files:
        for n, value in enumerate(_suite(result, report)[1:]):
            totals[n] += value
    root = _root((totals[0], totals[1], totals[2]))
    if not len(report.files):
        yield ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
        return
    head = ET.tostring(root, encoding="unicode", xml_declaration=True)
    yield head[: -len(" />")] + ">"
    for result in report.files:
        suite = _suite(result, report)[0]
        ET.indent(suite, level=1)
        yield "\n  " + ET.tostring(suite, encoding="unicode")
    yield "\n</testsuites>\n"


def render(report: Report) -> str:
    return "".join(stream(report))
