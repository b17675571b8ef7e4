"""Keeping files out of a run as ruff does (issue 15, items 4 and 5): .gitignore, exclude,
extend_exclude, force_exclude, per_file_ignores, no path, --show-files, --show-settings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

DOUBLED = "# Title\n\nSome text text here.\n"  # one HY001 finding (a doubled word)


def _site(root: Path, files: list[str], config: str = "") -> Path:
    """A git repository at ``root`` holding ``files`` (each with one HY001 finding)."""
    (root / ".git").mkdir(parents=True)
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DOUBLED, encoding="utf-8")
    if config:
        (root / ".contentlint.toml").write_text(config, encoding="utf-8")
    return root


def _linted(result) -> list[str]:
    """The files a ``-q --select HY001`` run reported, in order."""
    return [line.split(":", 1)[0] for line in result.output.splitlines()]


def _check(cli, *args: str):
    return cli("check", *args, "--select", "HY001", "-q")


@pytest.fixture
def site(tmp_path, monkeypatch):
    root = _site(tmp_path / "site", ["content/a.md", "public/index.md", "node_modules/x/r.md"])
    (root / ".gitignore").write_text("public/\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_gitignore_and_default_excludes_are_honoured_while_walking(cli, site):
    result = _check(cli, ".")
    assert result.exit_code == 0  # HY001 is a warning
    assert _linted(result) == ["./content/a.md"]
    everything = _check(cli, ".", "--no-respect-gitignore")
    assert _linted(everything) == ["./content/a.md", "./public/index.md"]  # node_modules stays out


def test_respect_gitignore_false_in_config_and_nested_gitignore_with_negation(cli, site):
    (site / "content" / ".gitignore").write_text("*.md\n!keep.md\n", encoding="utf-8")
    (site / "content" / "keep.md").write_text(DOUBLED, encoding="utf-8")
    assert _linted(_check(cli, ".")) == ["./content/keep.md"]
    (site / ".contentlint.toml").write_text("respect_gitignore = false\n", encoding="utf-8")
    assert _linted(_check(cli, ".")) == ["./content/a.md", "./content/keep.md", "./public/index.md"]


def test_gitignore_outside_a_repository_is_not_read_as_git_does_not(cli, tmp_path, monkeypatch):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "p.md").write_text(DOUBLED, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("public/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _linted(_check(cli, ".")) == ["./public/p.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(cli, site):
    (site / "drafts").mkdir()
    (site / "drafts" / "d.md").write_text(DOUBLED, encoding="utf-8")
    assert _linted(_check(cli, ".", "--exclude", "drafts")) == [
        "./content/a.md",
        "./node_modules/x/r.md",
    ]
    assert _linted(_check(cli, ".", "--extend-exclude", "drafts")) == ["./content/a.md"]
    (site / ".contentlint.toml").write_text('exclude = ["content"]\n', encoding="utf-8")
    assert _linted(_check(cli, ".")) == ["./drafts/d.md", "./node_modules/x/r.md"]
    (site / ".contentlint.toml").write_text('extend_exclude = ["drafts/*.md"]\n', encoding="utf-8")
    assert _linted(_check(cli, ".")) == ["./content/a.md"]


def test_config_globs_are_relative_to_the_config_file(cli, site, monkeypatch):
    (site / "content" / "b.md").write_text(DOUBLED, encoding="utf-8")
    (site / ".contentlint.toml").write_text('extend_exclude = ["content/b.md"]\n', "utf-8")
    monkeypatch.chdir(site / "content")
    assert _linted(_check(cli, ".")) == ["./a.md"]


def test_a_named_path_is_linted_even_if_excluded_unless_force_exclude(cli, site):
    named = ("node_modules/x/r.md", "public/index.md", "content/a.md")
    assert _linted(_check(cli, *named)) == list(named)
    # As in ruff, --force-exclude applies the excludes, never .gitignore, to named paths.
    forced = _check(cli, *named, "--force-exclude")
    assert _linted(forced) == ["public/index.md", "content/a.md"]
    (site / ".contentlint.toml").write_text("force_exclude = true\n", encoding="utf-8")
    assert _linted(_check(cli, "node_modules")) == []
    assert _linted(_check(cli, "node_modules", "--no-force-exclude")) == ["node_modules/x/r.md"]


def test_a_named_ignored_directory_is_walked(cli, site):
    assert _linted(_check(cli, "public")) == ["public/index.md"]


def test_per_file_ignores_turn_rules_off_for_matching_files(cli, site, monkeypatch):
    (site / "content" / "b.md").write_text(DOUBLED, encoding="utf-8")
    (site / ".contentlint.toml").write_text(
        '[per_file_ignores]\n"content/a.md" = ["HY001"]\n', encoding="utf-8"
    )
    assert _linted(_check(cli, ".")) == ["./content/b.md"]
    monkeypatch.chdir(site / "content")  # the glob stays relative to the config file
    assert _linted(_check(cli, ".")) == ["./b.md"]
    (site / ".contentlint.toml").write_text(
        '[per_file_ignores]\n"!content/a.md" = ["hygiene"]\n', encoding="utf-8"
    )
    assert _linted(_check(cli, ".")) == ["./a.md"]


def test_per_file_ignores_apply_in_audit_too(cli, site):
    (site / ".contentlint.toml").write_text(
        '[per_file_ignores]\n"*.md" = ["HY001"]\n', encoding="utf-8"
    )
    result = cli("audit", ".", "--select", "HY001", "--format", "json")
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["./content/a.md"]
    assert json.loads(result.output)["findings"] == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("exclude = 3\n", "exclude must be a list of strings"),
        ('respect_gitignore = "no"\n', "respect_gitignore must be true or false"),
        ("per_file_ignores = []\n", "per_file_ignores must be a table"),
        ('[per_file_ignores]\n"*.md" = ["NOPE"]\n', "'NOPE' matches no rule"),
    ],
)
def test_bad_exclusion_config_is_a_one_line_error(cli, site, config, message):
    (site / ".contentlint.toml").write_text(config, encoding="utf-8")
    result = cli("check", ".")
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_check_without_a_path_lints_the_current_directory(cli, site):
    assert _linted(_check(cli)) == ["./content/a.md"]


def test_show_files_prints_the_files_that_would_be_linted(cli, site):
    result = cli("check", "--show-files")
    assert result.exit_code == 0
    assert result.output == "./content/a.md\n"
    named = cli("check", "public", "content/a.md", "--show-files", "--no-respect-gitignore")
    assert named.output == f"{os.path.join('public', 'index.md')}\ncontent/a.md\n"


def test_show_settings_prints_the_resolved_settings(cli, site):
    (site / ".contentlint.toml").write_text(
        'select = ["hygiene"]\nfail_on = "warning"\nextend_exclude = ["drafts"]\n'
        '[per_file_ignores]\n"content/*" = ["HY001"]\n',
        encoding="utf-8",
    )
    result = cli("check", "--show-settings", "--ignore", "HY002")
    assert result.exit_code == 0
    out = result.output
    assert f"# config file: {site / '.contentlint.toml'}" in out
    assert 'select = ["hygiene"]' in out
    assert 'fail_on = "warning"' in out
    assert '"node_modules", ' in out and '"drafts"]' in out
    assert "respect_gitignore = true" in out
    assert '"content/*" = ["HY001"]' in out
    assert "HY001" in out.split("rules that run")[1] and "HY002," not in out


def test_audit_honours_gitignore_and_config_excludes(cli, site):
    (site / ".contentlint.toml").write_text('extend_exclude = ["content"]\n', encoding="utf-8")
    (site / "other.md").write_text(DOUBLED, encoding="utf-8")
    result = cli("audit", ".", "--select", "HY001", "--format", "json")
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["./other.md"]
    everything = cli(
        "audit", ".", "--select", "HY001", "--format", "json", "--no-respect-gitignore"
    )
    paths = [f["path"] for f in json.loads(everything.output)["files"]]
    assert paths == ["./other.md", "./public/index.md"]


def test_only_excluded_paths_named_is_a_quiet_success_for_pre_commit(cli, site):
    result = cli("check", "node_modules/x/r.md", "--force-exclude", "--select", "HY001")
    assert result.exit_code == 0
    assert "every path named is excluded (force_exclude): nothing to lint" in result.output


def test_one_glob_means_the_same_in_check_and_audit(cli, tmp_path, monkeypatch):
    root = _site(tmp_path / "docs", ["drafts/a.md", "drafts/old/b.md", "posts/c.md"])
    monkeypatch.chdir(root)
    # "*" stays within one directory, "**" spans several, in both commands.
    assert _linted(_check(cli, ".", "--extend-exclude", "drafts/*.md")) == [
        "./drafts/old/b.md",
        "./posts/c.md",
    ]
    assert _linted(_check(cli, ".", "--extend-exclude", "drafts/**")) == ["./posts/c.md"]
    audited = cli("audit", ".", "--exclude", "drafts/*.md", "--select", "HY001", "-q")
    assert sorted(_linted(audited)) == ["./drafts/old/b.md", "./posts/c.md"]
