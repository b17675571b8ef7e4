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
    assert data["version"] == 2
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


# -- issue 15: paths relative to the baseline file, whole-document findings ----------

PAGE = (
    "<html><head><title>Pruning Roses</title></head><body><article><h1>Pruning Roses</h1>"
    "{above}<p>Cut above an outward-facing bud.</p></article></body></html>\n"
)


def test_a_baseline_written_inside_a_directory_works_from_its_parent(cli, tmp_path, monkeypatch):
    site = tmp_path / "bl"
    site.mkdir()
    (site / "note.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(site)
    cli("check", ".", "--select", "HY001", "--write-baseline", "x.json")
    entry = json.loads((site / "x.json").read_text(encoding="utf-8"))["entries"][0]
    assert entry["path"] == "note.txt"  # relative to the baseline file's directory
    monkeypatch.chdir(tmp_path)
    result = cli("check", "bl", "--select", "HY001", "--baseline", "bl/x.json", "--format", "json")
    assert result.exit_code == 0
    summary = json.loads(result.output)["summary"]
    assert (summary["findings"], summary["baseline_hidden"]) == (0, 1)


def test_a_baseline_written_from_the_parent_works_inside_the_directory(cli, tmp_path, monkeypatch):
    site = tmp_path / "bl"
    site.mkdir()
    (site / "note.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli("check", str(tmp_path / "bl"), "--select", "HY001", "--write-baseline", "bl/x.json")
    monkeypatch.chdir(site)
    result = cli("check", "note.txt", "--select", "HY001", "--baseline", "x.json", "-q")
    assert (result.exit_code, result.output) == (0, "")


def test_a_version_1_baseline_still_hides_its_findings(cli, draft):
    (draft.parent / "page.html").write_text(PAGE.format(above=""), encoding="utf-8")
    # written by contentlint before issue 15: paths relative to the working directory
    entries = [
        ("HY001", "note.txt", "0cc7f74e8be7dd89477baacd1369770f"),
        ("SEO017", "page.html", "ad43229000b5069012c29895325f29fb"),
    ]
    (draft.parent / "old.json").write_text(
        json.dumps(
            {
                "version": 1,
                "tool": "contentlint",
                "entries": [{"code": c, "path": p, "fingerprint": f} for c, p, f in entries],
            }
        ),
        encoding="utf-8",
    )
    result = cli(
        "check", "note.txt", "page.html", "--select", "HY001,SEO017",
        "--baseline", "old.json", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0
    summary = json.loads(result.output)["summary"]
    assert (summary["findings"], summary["baseline_hidden"], summary["baseline_fixed"]) == (0, 2, 0)


def test_a_whole_document_finding_stays_known_when_a_paragraph_is_added_above(cli, draft):
    page = draft.parent / "page.html"
    page.write_text(PAGE.format(above=""), encoding="utf-8")
    written = cli("check", "page.html", "--select", "SEO017", "--write-baseline", "base.json")
    assert "wrote 1 finding(s)" in written.stderr
    page.write_text(PAGE.format(above="<p>Roses flower on new wood.</p>"), encoding="utf-8")
    result = cli("check", "page.html", "--select", "SEO017", "--baseline", "base.json", "-q")
    assert (result.exit_code, result.output) == (0, "")

    def sarif_print() -> dict:
        sarif = cli("check", "page.html", "--select", "SEO017", "--format", "sarif").output
        return json.loads(sarif)["runs"][0]["results"][0]["partialFingerprints"]

    moved = sarif_print()
    page.write_text(PAGE.format(above=""), encoding="utf-8")
    assert sarif_print() == moved
