"""Editor and CI integration as ruff users expect it (issue 15, item 5): ``--stdin-filename``,
``NO_COLOR``/``FORCE_COLOR``, and ``--statistics``, seen from the command line."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Two doubled words (HY001, safe fix), a space run (HY006, safe fix).
DOUBLED = "A Note\n\nThe the cat sat on  the mat. It was was fine.\n"
FIXED = "A Note\n\nThe cat sat on the mat. It was fine.\n"
MARKDOWN = "# Heading\n\nSome *words* here and here.\n"


@pytest.fixture(autouse=True)
def _no_colour_variables(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


# --stdin-filename -----------------------------------------------------------------------


def test_stdin_filename_names_the_input_and_gives_its_format(cli):
    result = cli("check", "--stdin-filename", "docs/page.md", "--format", "json", input=MARKDOWN)
    assert result.exit_code in (0, 1), result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert (file["path"], file["format"]) == ("docs/page.md", "markdown")
    as_text = cli(
        "check", "-", "--stdin-filename", "page.md", "--format-in", "text", "--format", "json",
        input=MARKDOWN,
    )  # fmt: skip
    assert json.loads(as_text.stdout)["files"][0]["format"] == "text"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab", "csv"])
def test_stdin_filename_is_the_path_in_every_report_format(cli, fmt):
    result = cli(
        "check", "--stdin-filename", "docs/page.txt", "--select", "HY001", "--format", fmt,
        input=DOUBLED,
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.stderr
    assert "docs/page.txt" in result.stdout
    assert "<stdin>" not in result.stdout


def test_stdin_filename_html_report_names_it(cli, tmp_path):
    out = tmp_path / "report.html"
    result = cli(
        "check", "--stdin-filename", "docs/page.txt", "--select", "HY001",
        "--format", "html", "--output", str(out), input=DOUBLED,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "docs/page.txt" in out.read_text(encoding="utf-8")


def test_stdin_filename_resolves_the_config_from_its_directory(cli, tmp_path, monkeypatch):
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / ".contentlint.toml").write_text('select = ["HY001"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    in_blog = cli("check", "--stdin-filename", "blog/post.txt", "-q", input=DOUBLED)
    codes = {line.split()[1] for line in in_blog.stdout.splitlines()}
    assert codes == {"HY001"}
    at_root = cli("check", "--stdin-filename", "post.txt", "-q", input=DOUBLED)
    assert "HY006" in at_root.stdout  # no config here: every rule runs


def test_stdin_filename_ignores_named_paths_with_a_warning(cli, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Clean text here.\n", encoding="utf-8")
    result = cli(
        "check", str(other), "--stdin-filename", "page.txt", "--select", "HY001", "-q",
        input=DOUBLED,
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.startswith("page.txt:3:1: HY001")
    assert str(other) not in result.stdout
    assert f"ignoring {other} in favour of standard input" in result.stderr


def test_fix_on_stdin_prints_the_fixed_text_and_writes_no_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(
        "check", "--fix", "--stdin-filename", "page.txt", "--select", "HY001,HY006",
        input=DOUBLED,
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == FIXED
    assert "Applied 3 fixes in 1 file." in result.stderr
    assert "No problems found in 1 file." in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, not even page.txt


def test_fix_on_stdin_reports_what_is_left_on_stderr_and_keeps_bytes(cli):
    # Latin-1 bytes come back in Latin-1; a finding no fix removes is on stderr, exit 1.
    text = "Caf\xe9 notes\n\nThe the caf\xe9 is open.\n"
    result = cli(
        "check", "-", "--fix", "--stdin-filename", "page.txt", "--select", "HY001,SEO018",
        "--fail-on", "warning", input=text.encode("latin-1"),
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout_bytes == "Caf\xe9 notes\n\nThe caf\xe9 is open.\n".encode("latin-1")
    assert "page.txt:1:1: SEO018" in result.stderr
    clean = cli(
        "check", "-", "--fix", "--stdin-filename", "page.txt", "--select", "BP001",
        input="Nothing to fix here at all.\n",
    )  # fmt: skip
    assert clean.exit_code == 0
    assert clean.stdout == "Nothing to fix here at all.\n"  # unchanged input still printed


def test_fix_dry_run_on_stdin_prints_the_diff_under_its_name(cli):
    result = cli(
        "check", "--fix", "--dry-run", "--stdin-filename", "page.txt", "--select", "HY001",
        input=DOUBLED,
    )  # fmt: skip
    assert result.stdout.startswith("--- page.txt\n+++ page.txt\n")
    assert "Would apply 2 fixes in 1 file." in result.stderr


def test_stdin_filename_from_a_real_pipe():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--fix", "--stdin-filename", "x.txt",
         "--select", "HY001"],
        input=DOUBLED.encode(), capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"A Note\n\nThe cat sat on  the mat. It was fine.\n"


# NO_COLOR / FORCE_COLOR -----------------------------------------------------------------

ANSI = "\x1b["


def test_force_color_colours_a_pipe(cli, monkeypatch):
    assert ANSI not in cli("check", "-", "--select", "HY001", input=DOUBLED).stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ANSI in cli("check", "-", "--select", "HY001", input=DOUBLED).stdout


def test_no_color_wins_over_force_color_and_no_color_flag_wins(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert ANSI not in cli("check", "-", "--select", "HY001", input=DOUBLED).stdout
    monkeypatch.delenv("NO_COLOR")
    flagged = cli("check", "-", "--select", "HY001", "--no-color", input=DOUBLED)
    assert ANSI not in flagged.stdout


def test_empty_variables_count_as_unset(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "")
    assert ANSI not in cli("check", "-", "--select", "HY001", input=DOUBLED).stdout


def test_audit_honours_force_color(cli, tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(DOUBLED, encoding="utf-8")
    args = ("audit", str(page), "--jobs", "1", "--format", "text", "--select", "HY001")
    assert ANSI not in cli(*args).stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ANSI in cli(*args).stdout


def _on_a_terminal(page: Path, **env: str) -> str:
    """What ``check`` prints when its stdout is a terminal."""
    master, slave = pty.openpty()
    environ = {**os.environ, "PYTHONPATH": str(REPO), **env}
    with subprocess.Popen(
        [sys.executable, "-m", "linter", "check", str(page), "--select", "HY001"],
        stdout=slave, stderr=subprocess.DEVNULL, env=environ,
    ) as process:  # fmt: skip
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_color_on_a_terminal(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(DOUBLED, encoding="utf-8")
    assert ANSI in _on_a_terminal(page)
    plain = _on_a_terminal(page, NO_COLOR="1")
    assert "HY001" in plain and ANSI not in plain


# --statistics ---------------------------------------------------------------------------


def test_statistics_counts_per_rule_most_frequent_first(cli):
    result = cli("check", "-", "--statistics", "--select", "HY001,HY006,SEO018", input=DOUBLED)
    assert result.exit_code == 0  # warnings and info only: not at the default threshold
    assert result.stdout.splitlines() == [
        "2\tHY001 \t[*] hygiene.doubled-word",
        "1\tHY006 \t[*] hygiene.whitespace-run",
        "1\tSEO018\t[ ] seo.thin-content",
        "Found 4 problems (0 errors, 3 warnings, 1 info) in 1 file.",
        "[*] 3 fixable with --fix.",
    ]


def test_statistics_keeps_the_exit_code_and_quiet_drops_the_summary(cli):
    result = cli(
        "check", "-", "--statistics", "-q", "--select", "HY001", "--fail-on", "warning",
        input=DOUBLED,
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == "2\tHY001\t[*] hygiene.doubled-word\n"


def test_statistics_as_json_is_ruffs_list(cli):
    result = cli(
        "check", "-", "--statistics", "--format", "json", "--select", "HY001,SEO018",
        input=DOUBLED,
    )  # fmt: skip
    assert json.loads(result.stdout) == [
        {
            "code": "HY001",
            "name": "hygiene.doubled-word",
            "count": 2,
            "fixable": True,
            "fixable_count": 2,
        },
        {"code": "SEO018", "name": "seo.thin-content", "count": 1, "fixable": False,
         "fixable_count": 0},
    ]  # fmt: skip


def test_statistics_in_another_format_is_a_usage_error(cli):
    result = cli("check", "-", "--statistics", "--format", "sarif", input=DOUBLED)
    assert result.exit_code == 2
    assert result.stderr == (
        "contentlint: error: --statistics prints text or json, not --format sarif\n"
    )
    assert result.stdout == ""


def test_statistics_with_nothing_found(cli):
    result = cli("check", "-", "--statistics", "--select", "BP001", input="Fine text.\n")
    assert result.exit_code == 0
    assert result.stdout == "No problems found in 1 file.\n"
