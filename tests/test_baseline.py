"""Baselines: hide known findings, show new ones, survive lines inserted above."""

from __future__ import annotations

import json

import pytest

DRAFT = "A Note\n\nWe went to the the shop.\nIt was closed.\n"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "note.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_write_baseline_records_code_path_fingerprint_and_message(cli, draft):
    result = cli("check", "note.txt", "--select", "HY001", "--write-baseline", "base.json")
    assert result.exit_code == 0
    assert "wrote 1 finding(s) to baseline base.json" in result.stderr
    data = json.loads((draft.parent / "base.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    (entry,) = data["entries"]
    assert entry["code"] == "HY001" and entry["path"] == "note.txt"
    assert len(entry["fingerprint"]) == 32 and "the the" in entry["message"]


def test_baseline_hides_known_findings_after_lines_are_inserted_above(cli, draft):
    cli("check", "note.txt", "--select", "HY001", "--write-baseline", "base.json")
    draft.write_text(
        "A Note\n\nA new first paragraph.\n\nAnd another one.\n\n"
        "We went to the the shop.\nIt was closed.\nThey they left.\n",
        encoding="utf-8",
    )
    result = cli("check", "note.txt", "--select", "HY001", "--baseline", "base.json", "-q")
    assert result.output.splitlines() == [
        "note.txt:9:1: HY001 [warning] The word “They” is repeated: “They they”. Delete one."
    ]
    full = cli("check", "note.txt", "--select", "HY001", "--baseline", "base.json", "--no-color")
    assert full.output.splitlines()[-1] == (
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file. 1 known problem hidden by the "
        "baseline; 0 baseline entries no longer found (fixed)."
    )


def test_duplicates_are_counted_and_fixed_entries_reported(cli, draft):
    draft.write_text(DRAFT + "\nWe went to the the shop.\n", encoding="utf-8")
    cli("check", "note.txt", "--select", "HY001", "--write-baseline", "base.json")
    # a third copy of the same sentence is new, even though its fingerprint is known
    draft.write_text(DRAFT + "\nWe went to the the shop.\n" * 2, encoding="utf-8")
    data = json.loads(
        cli(
            "check", "note.txt", "--select", "HY001", "--baseline", "base.json", "--format", "json"
        ).output
    )
    assert data["summary"]["findings"] == 1
    assert (data["summary"]["baseline_hidden"], data["summary"]["baseline_fixed"]) == (2, 0)
    # both fixed: the entries are reported as gone and the run is clean
    draft.write_text("A Note\n\nWe went to the shop.\n", encoding="utf-8")
    data = json.loads(
        cli(
            "check", "note.txt", "--select", "HY001", "--baseline", "base.json", "--format", "json"
        ).output
    )
    assert data["summary"]["findings"] == 0
    assert (data["summary"]["baseline_hidden"], data["summary"]["baseline_fixed"]) == (0, 2)


def test_changed_flagged_text_is_a_new_finding(cli, draft):
    cli("check", "note.txt", "--select", "HY001", "--write-baseline", "base.json")
    draft.write_text(DRAFT.replace("the the shop", "the the market"), encoding="utf-8")
    result = cli("check", "note.txt", "--select", "HY001", "--baseline", "base.json", "-q")
    assert result.output.count("HY001") == 1


def test_errors_still_fail_with_a_baseline(cli, draft):
    cli("check", "note.txt", "--write-baseline", "base.json")
    draft.write_text(DRAFT + "\nLorem ipsum dolor sit amet.\n", encoding="utf-8")
    result = cli("check", "note.txt", "--baseline", "base.json", "-q")
    assert result.exit_code == 1 and "HY002" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: baseline file not found"),
        ("{not json", "base.json: not a contentlint baseline (invalid JSON"),
        ('{"version": 9, "entries": []}', "base.json: not a contentlint baseline"),
        ('{"version": 1, "entries": [{"code": "X"}]}', "entry 1 needs a path and a fingerprint"),
    ],
)
def test_bad_baseline_is_a_usage_error(cli, draft, content, message):
    if content is not None:
        (draft.parent / "base.json").write_text(content, encoding="utf-8")
    result = cli("check", "note.txt", "--baseline", "base.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("contentlint: error: ") and message in result.stderr
