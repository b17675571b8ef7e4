"""--diff REF and --diff-file: only findings on changed lines."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from linter.changed import ALL_LINES, parse_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = "A Note\n\nWe went to the the shop.\nIt was closed.\n\nThey they left.\n"
NEW = "A Note\n\nWe went to the the shop.\nIt it was closed.\n\nThey they left.\nSo so be it it.\n"


def git(cwd, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with docs/note.txt committed, then edited (lines 4 and 7 changed)."""
    git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    note = tmp_path / "docs" / "note.txt"
    note.write_text(OLD, encoding="utf-8")
    (tmp_path / "docs" / "same.txt").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    note.write_text(NEW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines_of(output: str) -> list[str]:
    return [line.split(" [")[0] for line in output.splitlines()]


def test_without_diff_every_finding_is_reported(cli, repo):
    result = cli("check", "docs", "--select", "HY001", "-q")
    assert lines_of(result.output) == [
        "docs/note.txt:3:12: HY001", "docs/note.txt:4:1: HY001", "docs/note.txt:6:1: HY001",
        "docs/note.txt:7:10: HY001",
        "docs/same.txt:3:12: HY001", "docs/same.txt:6:1: HY001",
    ]  # fmt: skip


def test_diff_head_keeps_only_changed_lines(cli, repo):
    result = cli("check", "docs", "--select", "HY001", "-q", "--diff", "HEAD")
    assert lines_of(result.output) == ["docs/note.txt:4:1: HY001", "docs/note.txt:7:10: HY001"]


def test_diff_from_a_subdirectory_with_relative_paths(cli, repo, monkeypatch):
    monkeypatch.chdir(repo / "docs")
    result = cli("check", "note.txt", "same.txt", "--select", "HY001", "-q", "--diff", "HEAD")
    assert lines_of(result.output) == ["note.txt:4:1: HY001", "note.txt:7:10: HY001"]


def test_untracked_file_counts_as_all_changed(cli, repo):
    (repo / "docs" / "new.txt").write_text(OLD, encoding="utf-8")
    result = cli("check", "docs/new.txt", "--select", "HY001", "-q", "--diff", "HEAD")
    assert lines_of(result.output) == ["docs/new.txt:3:12: HY001", "docs/new.txt:6:1: HY001"]


def test_document_level_findings_are_kept_when_the_file_changed(cli, repo):
    # SEO018 (thin content) is about the whole document; it points at the unchanged title
    result = cli("check", "docs", "--select", "SEO018", "-q", "--diff", "HEAD")
    assert [line.split(":")[0] for line in result.output.splitlines()] == ["docs/note.txt"]


def test_diff_file_from_a_patch(cli, repo, tmp_path):
    patch = tmp_path / "change.patch"
    patch.write_text(git(repo, "diff"), encoding="utf-8")
    git(repo, "checkout", "-q", "--", ".")
    (repo / "docs" / "note.txt").write_text(NEW, encoding="utf-8")
    shutil.rmtree(repo / ".git")  # CI without history
    result = cli("check", "docs", "--select", "HY001", "-q", "--diff-file", str(patch))
    assert lines_of(result.output) == ["docs/note.txt:4:1: HY001", "docs/note.txt:7:10: HY001"]


def test_parse_diff_handles_prefixes_counts_deletions_and_quoted_names(tmp_path):
    text = (
        "diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n"
        "@@ -1,0 +2,3 @@\n+a\n+b\n+c\n@@ -9 +12 @@\n-old\n+new\n@@ -20,2 +22,0 @@\n-x\n-y\n"
        "--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n"
        '+++ "b/caf\\303\\251.txt"\n@@ -1 +1 @@\n-q\n+r\n'
    )
    changes = parse_diff(text, tmp_path)
    assert changes.lines[tmp_path.resolve() / "x.txt"] == {2, 3, 4, 12}
    assert changes.lines[tmp_path.resolve() / "café.txt"] == {1}
    assert len(changes.lines) == 2
    assert ALL_LINES == -1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--diff", "no-such-ref"], "--diff: unknown git revision 'no-such-ref'"),
        (["--diff-file", "missing.patch"], "cannot read diff file missing.patch: No such file"),
        (["--diff", "HEAD", "--diff-file", "x.patch"], "give --diff or --diff-file, not both"),
    ],
)
def test_diff_errors_are_one_line_usage_errors(cli, repo, args, message):
    result = cli("check", "docs", *args)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"contentlint: error: {message}")


def test_diff_outside_a_repository_is_a_usage_error(cli, tmp_path, monkeypatch):
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "a.txt").write_text(OLD, encoding="utf-8")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = cli("check", "a.txt", "--diff", "HEAD")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "contentlint: error: --diff needs a git repository (the current directory is not in one)"
    )


def test_a_patch_that_is_not_a_diff_is_a_usage_error(cli, repo, tmp_path):
    bad = tmp_path / "bad.patch"
    bad.write_text("hello\n", encoding="utf-8")
    result = cli("check", "docs", "--diff-file", str(bad))
    assert result.exit_code == 2 and "is not a unified diff" in result.stderr
