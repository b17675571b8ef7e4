"""Reports that agree with the run (issue 15): the exit code they state, what JUnit fails,
the rules they list, where site findings point, SARIF help and unique fingerprints."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import REPO

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DOUBLED = "A Note\n\nWe went to the the shop.\n"
# The same doubled word in two identical paragraphs: one base fingerprint, two findings.
TWICE = "A Note\n\nWe went to the the shop.\n\nWe went to the the shop.\n"
# An info finding with --warn-unused-suppressions (HY009: a comment that silenced nothing).
INFO_ONLY = "A Note\n\n<!-- contentlint-disable HY001 -->\nShort and clean.\n"


def _page(title: str, description: str, h1: str, body: str) -> str:
    return (
        f"<!doctype html>\n<html lang='en'>\n<head>\n<title>{title}</title>\n"
        f'<meta name="description" content="{description}">\n</head>\n'
        f"<body>\n<article>\n<h1>{h1}</h1>\n<p>{body}</p>\n</article>\n</body>\n</html>\n"
    )


# --- item 1: --fix --dry-run diff ---------------------------------------------------------


def test_dry_run_diff_marks_a_missing_final_newline_and_ends_before_the_summary(tmp_path):
    path = tmp_path / "a.md"
    original = "# Title\n\nThis is  a test.\nSee [the docs.  "
    path.write_text(original, encoding="utf-8")
    command = [sys.executable, "-m", "linter", "check", "--fix", "--dry-run", str(path)]
    both = subprocess.run(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert both.returncode == 0
    lines = both.stdout.splitlines()
    assert lines[-3:] == [
        " See [the docs.  ",
        "\\ No newline at end of file",
        "Would apply 1 fix in 1 file.",
    ]
    assert "-This is  a test.\n+This is a test.\n" in both.stdout
    assert path.read_text(encoding="utf-8") == original  # dry: nothing written


# --- item 6: the exit code the reports state ----------------------------------------------


def test_json_exit_code_is_the_process_exit_code_under_exit_zero(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    failing = cli("check", str(path), "--fail-on", "warning", "--format", "json")
    assert failing.exit_code == json.loads(failing.output)["summary"]["exit_code"] == 1
    zero = cli("check", str(path), "--fail-on", "warning", "--format", "json", "--exit-zero")
    assert zero.exit_code == json.loads(zero.output)["summary"]["exit_code"] == 0
    html = tmp_path / "r.html"
    cli(
        "check",
        str(path),
        "--fail-on",
        "warning",
        "--format",
        "html",
        "--output",
        str(html),
        "--exit-zero",
    )
    assert '<span class="status passed">' in html.read_text(encoding="utf-8")


def test_interrupted_audit_report_states_exit_code_130(cli, tmp_path, monkeypatch):
    import linter.audit.run as audit_run

    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        body = f"Page {n} text about gardens."
        (site / f"p{n}.html").write_text(_page(f"T{n}", "D", f"H{n}", body), "utf-8")
    real = audit_run.run_audit

    def interrupted(pages, plan, **options):
        def stop_after_one(phase: str, done: int) -> None:
            if phase == "lint" and done == 1:
                raise KeyboardInterrupt

        return real(pages, plan, **{**options, "progress": stop_after_one})

    monkeypatch.setattr(audit_run, "run_audit", interrupted)
    result = cli("audit", str(site), "-j", "1", "--format", "json", "--exit-zero")
    assert result.exit_code == 130
    summary = json.loads(result.output)["summary"]
    assert summary["interrupted"] is True and summary["exit_code"] == 130
    sarif = cli("audit", str(site), "-j", "1", "--format", "sarif")
    assert sarif.exit_code == 130
    invocation = json.loads(sarif.output)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False


# --- item 7: JUnit failures follow fail-on; only rules that ran are listed -----------------


def _junit_cases(output: str) -> dict[str, ET.Element]:
    root = ET.fromstring(output.encode("utf-8"))
    return {case.get("name").split()[0]: case for case in root.iter("testcase")}


def test_junit_below_threshold_findings_pass_with_system_out(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(INFO_ONLY, encoding="utf-8")
    warned = ("--format", "junit", "--warn-unused-suppressions")
    result = cli("check", str(path), *warned)
    assert result.exit_code == 0
    root = ET.fromstring(result.output.encode("utf-8"))
    assert root.get("failures") == "0"
    case = _junit_cases(result.output)["HY009"]
    assert case.find("failure") is None and case.find("skipped") is None
    out = case.find("system-out").text.splitlines()
    assert out[0] == "1 finding(s) below the fail-on threshold (error):"
    assert out[1].startswith(f"{path}:3:1: [info] The suppression comment")
    strict = cli("check", str(path), *warned, "--fail-on", "info")
    assert strict.exit_code == 1
    assert _junit_cases(strict.output)["HY009"].find("failure") is not None


def test_check_lists_only_the_rules_that_ran(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    cases = _junit_cases(cli("check", str(path), "--format", "junit").output)
    sarif = json.loads(cli("check", str(path), "--format", "sarif").output)
    ids = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    for listed in (list(cases), ids):
        assert "HY001" in listed
        assert not [code for code in listed if code.startswith("SITE")]
        assert "HY009" not in listed
    warned = cli("check", str(path), "--format", "sarif", "--warn-unused-suppressions")
    assert "HY009" in [
        r["id"] for r in json.loads(warned.output)["runs"][0]["tool"]["driver"]["rules"]
    ]
    assert "HY009" in _junit_cases(
        cli("check", str(path), "--format", "junit", "--warn-unused-suppressions").output
    )


def test_audit_lists_the_site_rules(cli, tmp_path):
    (tmp_path / "a.html").write_text(_page("T", "D", "H", "Some text here."), "utf-8")
    sarif = json.loads(cli("audit", str(tmp_path), "-j", "1", "--format", "sarif").output)
    ids = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert "SITE001" in ids and "SEO001" in ids and "HY009" not in ids


# --- item 10: site spans, SARIF help, unique fingerprints ---------------------------------


def test_site_duplicate_findings_span_the_shared_text(cli, tmp_path):
    title, description, h1 = "Pruning &amp; Roses", "How to prune roses in spring.", "Prune roses"
    for name in ("a.html", "b.html"):
        text = _page(title, description, h1, f"Body of {name} about roses and shears.")
        (tmp_path / name).write_text(text, encoding="utf-8")
    payload = json.loads(cli("audit", str(tmp_path), "-j", "1", "--format", "json").output)
    source = (tmp_path / "a.html").read_text(encoding="utf-8").splitlines()
    spans = {}
    for finding in payload["findings"]:
        if finding["code"] in ("SITE001", "SITE002", "SITE003"):
            assert finding["line"] == finding["end_line"]
            line = source[finding["line"] - 1]
            spans[finding["code"]] = line[finding["column"] - 1 : finding["end_column"] - 1]
    assert spans == {"SITE001": title, "SITE002": description, "SITE003": h1}


def test_sarif_help_is_guidance_not_the_description(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    log = json.loads(cli("check", str(path), "--format", "sarif").output)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["help"]["text"] != rule["fullDescription"]["text"]
        assert f"contentlint explain {rule['id']}" in rule["help"]["text"]
        # the package's Repository URL, where the README's rules table is
        assert rule["helpUri"] == "https://github.com/contentlint/contentlint#rules"
    (hy001,) = [r for r in rules if r["id"] == "HY001"]
    assert "What to do: Delete one." in hy001["help"]["text"]


def test_sarif_help_uri_points_into_the_readme_rules_section(cli, tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    from linter.report import sarif

    monkeypatch.setattr(sarif, "help_base", lambda: "https://example.org/contentlint#rules")
    path = tmp_path / "note.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    log = json.loads(cli("check", str(path), "--format", "sarif").output)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["helpUri"] for r in rules} == {"https://example.org/contentlint#rules"}
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)


def test_sarif_and_gitlab_fingerprints_are_unique_and_survive_edits_above(
    cli, tmp_path, monkeypatch
):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "note.txt"
    path.write_text(TWICE, encoding="utf-8")

    def prints() -> tuple[list[str], list[str]]:
        log = json.loads(cli("check", "note.txt", "--format", "sarif", "--select", "HY001").output)
        jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
        sarif = [r["partialFingerprints"]["contentlint/v1"] for r in log["runs"][0]["results"]]
        gitlab = json.loads(
            cli("check", "note.txt", "--format", "gitlab", "--select", "HY001").output
        )
        return sarif, [issue["fingerprint"] for issue in gitlab]

    sarif, gitlab = prints()
    assert len(sarif) == 2 and len(set(sarif)) == 2
    assert sarif == gitlab  # one scheme: an alert is the same alert in both
    path.write_text(TWICE.replace("A Note\n\n", "A Note\n\nA new opening line.\n\n"), "utf-8")
    assert prints() == (sarif, gitlab)


def test_ctrl_c_during_check_exits_130_with_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import linter.runner
    from linter.cli import main

    page = tmp_path / "a.md"
    page.write_text("# Title\n\nThe the text.\n", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(linter.runner, "lint_one", interrupted)
    result = CliRunner().invoke(main, ["check", str(page)])
    assert result.exit_code == 130
    assert result.output.strip().splitlines()[-1] == "contentlint: interrupted"
