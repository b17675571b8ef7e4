"""Which files a run takes, and what ``audit -q`` and a first ``--compare`` say (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.globs import Glob

NOTE = "A Note\n\nWe went to the the shop.\nIt was closed.\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch) -> Path:
    """``work/site`` with pages at three depths; the working directory is ``work``."""
    site = tmp_path / "work" / "site"
    for name in ("b.md", "blog/a.md", "blog/2024/deep.md", "drafts/c.md", "page.txt"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(NOTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    return site


def audited(cli, *args: str) -> list[str]:
    result = cli("audit", *args, "-j", "1", "--select", "HY001", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return sorted(Path(f["path"]).absolute().relative_to(Path.cwd() / "site").as_posix()
                  for f in json.loads(result.stdout)["files"])  # fmt: skip


def test_audit_quiet_prints_the_finding_lines_and_no_summary(cli, tree: Path) -> None:
    quiet = cli("audit", "site/b.md", "-j", "1", "--select", "HY001", "-q")
    assert quiet.exit_code == 0  # HY001 is a warning
    assert quiet.stdout == cli("check", "site/b.md", "--select", "HY001", "-q").stdout
    assert quiet.stdout == (
        "site/b.md:3:12: HY001 [warning] The word “the” is repeated: “the the”. Delete one.\n"
    )


def test_first_compare_records_the_run_and_says_so_in_one_line(cli, tree: Path) -> None:
    plain = cli("audit", "site", "-j", "1", "--select", "HY001")
    first = cli("audit", "site", "-j", "1", "--select", "HY001", "--db", "new.sqlite",
                "--compare", "last")  # fmt: skip
    assert first.exit_code == plain.exit_code == 0
    assert first.stderr == (
        "contentlint: recorded audit 1 in new.sqlite; "
        "nothing to compare yet: this is the first audit in the history\n"
    )
    second = cli("audit", "site", "-j", "1", "--select", "HY001", "--db", "new.sqlite",
                 "--compare", "last", "-q")  # fmt: skip
    assert second.exit_code == 0 and second.stderr == ""
    assert "HY001" in second.stdout and "Audited" not in second.stdout
    listed = json.loads(cli("history", "--db", "new.sqlite", "--format", "json").output)
    assert [run["id"] for run in listed] == [2, 1]


def test_an_absolute_root_with_a_glob_relative_to_the_working_directory(cli, tree: Path) -> None:
    assert audited(cli, str(tree), "--include", "site/*.md") == ["b.md"]


def test_a_glob_with_a_slash_is_relative_to_the_named_directory(cli, tree: Path) -> None:
    assert audited(cli, "site", "--include", "blog/*.md") == ["blog/a.md"]
    assert audited(cli, "site", "--include", "blog/**/*.md") == ["blog/2024/deep.md", "blog/a.md"]
    assert audited(cli, "site", "--include", "/b.md") == ["b.md"]


def test_a_glob_without_a_slash_matches_a_name_at_any_depth(cli, tree: Path) -> None:
    every = ["b.md", "blog/2024/deep.md", "blog/a.md", "drafts/c.md"]
    assert audited(cli, "site", "--include", "*.md") == every
    assert audited(cli, "site", "--exclude", "drafts", "--exclude", "*.txt") == [
        "b.md",
        "blog/2024/deep.md",
        "blog/a.md",
    ]
    assert audited(cli, "site", "--exclude", "blog/", "--include", "*.md") == [
        "b.md",
        "drafts/c.md",
    ]


def test_globs_that_select_no_file_are_one_error_line(cli, tree: Path) -> None:
    result = cli("audit", str(tree), "--include", "pages/*.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "contentlint: error: nothing to audit: --include 'pages/*.md' left none of the 5 files"
        " found (a glob with a slash is relative to the directory named, or to the current one)\n"
    )


def test_directories_without_a_file_to_lint_are_one_error_line(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.rst").write_text("Not read.\n", encoding="utf-8")
    looked = "no files to lint (looked for .html, .htm, .xhtml, .txt, .text, .md, .markdown, .docx)"
    for command, verb in (("check", "lint"), ("audit", "audit")):
        result = cli(command, "empty")
        assert result.exit_code == 2
        assert result.stderr == f"contentlint: error: nothing to {verb}: empty: {looked}\n"
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    some = cli("check", "empty", "note.txt", "-q", "--select", "HY001")
    assert some.exit_code == 0  # a warning: below the default fail threshold
    assert some.stderr == f"contentlint: empty: {looked}\n" and "note.txt:3:12" in some.stdout


@pytest.mark.parametrize(
    ("glob", "path", "matched"),
    [
        ("*.md", "blog/a.md", True),
        ("blog/*.md", "blog/2024/a.md", False),
        ("blog/**/*.md", "blog/2024/a.md", True),
        ("**/a.md", "a.md", True),
        ("drafts/", "drafts", False),
        ("drafts/", "drafts/c.md", True),
        ("a[0-9].md", "x/a7.md", True),
        ("a[!0-9].md", "a7.md", False),
        ("./b.md", "b.md", True),
    ],
)
def test_glob_semantics(glob: str, path: str, matched: bool) -> None:
    assert Glob.parse(glob).matches(path) is matched
