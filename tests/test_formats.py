"""Machine formats (SARIF, GitHub, JUnit, GitLab) and --format/--output pairing."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from linter.model import Finding, Severity
from linter.report import Report
from linter.report.github import annotation
from linter.report.junit import render as render_junit
from linter.runner import FileResult

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

INJECTED = (
    "Solar Panels vs Wind Turbines\n\n"
    "Homeowners often compare costs first.\n"
    "Owners of Solar Panels vs Wind Turbines systems report low upkeep.\n"
)
DOUBLED = "A Note\n\nWe went to the the shop.\nThen we we came home.\n"


@pytest.fixture
def draft(tmp_path, monkeypatch) -> Path:
    """A file with one BP001 error, linted from its own directory (relative paths)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "draft.txt"
    path.write_text(INJECTED, encoding="utf-8")
    return path


def _finding(**changes) -> Finding:
    values = dict(
        code="HY001",
        name="hygiene.doubled-word",
        category="hygiene",
        severity=Severity.WARNING,
        message="Say it once",
        path="docs/a.txt",
        line=3,
        column=5,
        end_line=3,
        end_column=12,
        excerpt="the the",
    )
    values.update(changes)
    return Finding(**values)


# --- SARIF ------------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(cli, draft):
    jsonschema = pytest.importorskip("jsonschema")
    result = cli("check", "docs", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.output)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator(schema).validate(log)


def test_sarif_driver_rules_and_result_location(cli, draft):
    log = json.loads(cli("check", "docs", "--format", "sarif", "--select", "BP001,HY001").output)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "contentlint" and driver["version"] and driver["informationUri"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["BP001", "HY001"]
    rule = driver["rules"][0]
    assert rule["name"] == "boilerplate.injected-phrase"
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert rule["help"]["text"] and rule["defaultConfiguration"]["level"] == "error"
    (res,) = run["results"]
    assert res["ruleId"] == "BP001" and res["ruleIndex"] == 0 and res["level"] == "error"
    assert "Solar Panels vs Wind Turbines" in res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/draft.txt"
    assert loc["region"] == {
        "startLine": 4,
        "startColumn": 11,
        "endLine": 4,
        "endColumn": 11 + len("Solar Panels vs Wind Turbines"),
        "snippet": {"text": "Solar Panels vs Wind Turbines"},
    }


def test_sarif_fingerprint_survives_lines_inserted_above(cli, draft):
    def fingerprint() -> str:
        log = json.loads(cli("check", "docs", "--format", "sarif", "--select", "BP001").output)
        return log["runs"][0]["results"][0]["partialFingerprints"]["contentlint/v1"]

    before = fingerprint()
    draft.write_text(INJECTED.replace("first.\n", "first.\nA new line.\n\nAnother.\n"), "utf-8")
    assert fingerprint() == before


# --- GitHub -----------------------------------------------------------------------------


def test_github_annotation_lines(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text(DOUBLED, encoding="utf-8")
    result = cli("check", "note.txt", "--format", "github", "--select", "HY001")
    assert result.exit_code == 0  # warnings do not fail at the default threshold
    assert result.output.splitlines() == [
        "::warning file=note.txt,line=3,col=12,endLine=3,endColumn=19,title=HY001::"
        "The word “the” is repeated: “the the”. Delete one.",
        "::warning file=note.txt,line=4,col=6,endLine=4,endColumn=11,title=HY001::"
        "The word “we” is repeated: “we we”. Delete one.",
    ]


def test_github_escapes_data_and_properties():
    finding = _finding(
        path="docs/a,b:c%.txt", message="50% done\r\nnext: line, here", severity=Severity.INFO
    )
    assert annotation(finding) == (
        "::notice file=docs/a%2Cb%3Ac%25.txt,line=3,col=5,endLine=3,endColumn=12,"
        "title=HY001::50%25 done%0D%0Anext: line, here"
    )
    assert annotation(_finding(severity=Severity.ERROR)).startswith("::error file=")


# --- JUnit ------------------------------------------------------------------------------


def test_junit_parses_strictly_with_a_suite_per_file_and_a_case_per_rule(cli, draft):
    (draft.parent / "clean.txt").write_text("A Title\n\nShort and clean.\n", encoding="utf-8")
    result = cli("check", "docs", "--format", "junit", "--select", "BP001,HY001")
    root = ET.fromstring(result.output.encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["docs/clean.txt", "docs/draft.txt"]
    for suite in suites:
        assert [c.get("name") for c in suite.findall("testcase")] == [
            "BP001 boilerplate.injected-phrase",
            "HY001 hygiene.doubled-word",
        ]
    failures = suites[1].findall("testcase/failure")
    assert len(failures) == 1 and "draft.txt:4:11" in failures[0].text
    assert suites[0].findall("testcase/failure") == []
    assert root.get("tests") == "4" and root.get("failures") == "1"


def test_junit_escapes_control_characters():
    finding = _finding(
        severity=Severity.ERROR, message="bell\x07 and <tag> & \x1b[0m", excerpt="x\x00y"
    )
    report = Report(files=[FileResult("a\x01.txt", "text", findings=[finding])])
    data = render_junit(report).encode("utf-8")
    root = ET.fromstring(data)  # a strict parser: any raw control character would fail here
    failure = root.find("testsuite/testcase/failure")
    assert "bell\\x07 and <tag> & \\x1b[0m" in failure.text
    assert root.find("testsuite").get("name") == "a\\x01.txt"


def test_junit_reports_an_unreadable_file_as_an_error(cli, tmp_path):
    missing = tmp_path / "missing.txt"
    result = cli("check", str(missing), "--format", "junit")
    assert result.exit_code == 2
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.find("testsuite/testcase/error").get("message") == "no such file"


# --- GitLab -----------------------------------------------------------------------------


def test_gitlab_code_quality_keys(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text(DOUBLED + "We went to the the shop.\n", encoding="utf-8")
    issues = json.loads(cli("check", "note.txt", "--format", "gitlab", "--select", "HY001").output)
    assert len(issues) == 3
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["check_name"] == "HY001" and issue["severity"] == "minor"
        assert issue["location"]["path"] == "note.txt"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert [i["location"]["lines"]["begin"] for i in issues] == [3, 4, 5]
    # the same sentence twice still gets two distinct fingerprints
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_severity_mapping(cli, draft):
    issues = json.loads(cli("check", "docs", "--format", "gitlab", "--select", "BP001").output)
    assert [i["severity"] for i in issues] == ["major"]


# --- --format / --output ----------------------------------------------------------------


def test_formats_and_outputs_pair_in_order(cli, draft, tmp_path):
    (tmp_path / "out").mkdir()
    result = cli(
        "check", "docs", "--select", "BP001", "--no-color",
        "--format", "text", "--format", "sarif", "--format", "json",
        "--output", "-", "--output", "out/report.sarif",
    )  # fmt: skip
    assert result.exit_code == 1
    text, _, rest = result.output.partition("Found 1 problem")
    assert text.startswith("docs/draft.txt:4:11: BP001 [error]")
    assert json.loads(rest.split("\n", 1)[1])["summary"]["errors"] == 1  # the unpaired json
    sarif = json.loads((tmp_path / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "BP001"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.sarif"]  # no temp left


def test_output_into_a_missing_directory_is_a_usage_error(cli, draft):
    result = cli("check", "docs", "--format", "sarif", "--output", "nowhere/x.sarif")
    assert result.exit_code == 2
    assert result.stderr.startswith("contentlint: error: cannot write nowhere/x.sarif")


def test_output_replaces_an_existing_file(cli, draft, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    cli("check", "docs", "--format", "json", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_more_outputs_than_formats_is_a_usage_error(cli, draft):
    result = cli("check", "docs", "--format", "json", "--output", "a.json", "--output", "b")
    assert result.exit_code == 2
    assert "2 --output given for 1 --format" in result.stderr


def test_output_alone_writes_the_default_text_report(cli, draft, tmp_path):
    result = cli("check", "docs", "--output", "report.txt", "--select", "BP001")
    assert result.exit_code == 1 and result.output == ""
    assert "Found 1 problem" in (tmp_path / "report.txt").read_text(encoding="utf-8")
