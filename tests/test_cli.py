"""The command line as users meet it: output lines, exit codes, errors in one line."""

from __future__ import annotations

import json

from linter import __version__

INJECTED = (
    "Solar Panels vs Wind Turbines\n\n"
    "Homeowners often compare costs first.\n"
    "Owners of Solar Panels vs Wind Turbines systems report low upkeep.\n"
)


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_rules_lists_every_rule_with_its_summary(cli):
    result = cli("rules")
    assert result.exit_code == 0
    line = next(ln for ln in result.output.splitlines() if ln.startswith("BP001"))
    assert "boilerplate.injected-phrase" in line
    assert "error" in line


def test_explain_by_code_and_by_name(cli):
    by_code = cli("explain", "BP001")
    by_name = cli("explain", "boilerplate.injected-phrase")
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.output == by_name.output
    assert "Flagged:" in by_code.output and "Not flagged:" in by_code.output


def test_explain_unknown_rule_is_a_usage_error(cli):
    result = cli("explain", "XX999")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "contentlint: error: no rule named 'XX999' (see 'contentlint rules')"
    )


def test_check_reports_finding_with_position_source_line_and_caret(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(INJECTED, encoding="utf-8")
    result = cli("check", str(path), "--select", "BP001", "--no-color")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (
        f"{path}:4:11: BP001 [error] The title phrase “Solar Panels vs Wind Turbines” is pasted "
        "into this sentence where a noun belongs. Rewrite the sentence with the words it needs."
    )
    assert lines[1] == "    4 | Owners of Solar Panels vs Wind Turbines systems report low upkeep."
    assert lines[2] == "      |           " + "^" * len("Solar Panels vs Wind Turbines")
    assert lines[-1] == "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file."


def test_check_json_schema(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(INJECTED, encoding="utf-8")
    result = cli("check", str(path), "--select", "BP001", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    assert data["tool"] == {"name": "contentlint", "version": __version__}
    (finding,) = data["findings"]
    assert {k: finding[k] for k in ("code", "name", "category", "severity")} == {
        "code": "BP001",
        "name": "boilerplate.injected-phrase",
        "category": "boilerplate",
        "severity": "error",
    }
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (
        4,
        11,
        4,
        40,
    )
    assert finding["excerpt"] == "Solar Panels vs Wind Turbines"
    assert finding["fix"] is None
    (entry,) = data["files"]
    assert entry["path"] == str(path) and entry["format"] == "text" and entry["error"] is None
    assert entry["words"] == 16
    assert data["summary"]["errors"] == 1 and data["summary"]["exit_code"] == 1


def test_fail_on_threshold_decides_exit_code(cli, tmp_path):
    path = tmp_path / "dup.html"
    sentence = "Every garden needs water, light and a little patience from its owner."
    path.write_text(f"<p>{sentence}</p><p>Other words here.</p><p>{sentence}</p>")
    assert cli("check", str(path), "--select", "BP004").exit_code == 0
    assert cli("check", str(path), "--select", "BP004", "--fail-on", "warning").exit_code == 1


def test_fail_on_from_config(cli, tmp_path, monkeypatch):
    path = tmp_path / "dup.html"
    sentence = "Every garden needs water, light and a little patience from its owner."
    path.write_text(f"<p>{sentence}</p><p>{sentence}</p>")
    (tmp_path / ".contentlint.toml").write_text('fail_on = "warning"\nselect = ["BP004"]\n')
    monkeypatch.chdir(tmp_path)
    assert cli("check", "dup.html").exit_code == 1


def test_unreadable_inputs_are_reported_and_others_still_linted(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(INJECTED, encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    missing = tmp_path / "missing.txt"
    result = cli("check", str(binary), str(good), str(missing), "--select", "BP001", "--no-color")
    assert result.exit_code == 2
    assert f"contentlint: {binary}: binary file, not text" in result.stderr
    assert f"contentlint: {missing}: no such file" in result.stderr
    assert f"{good}:4:11: BP001" in result.output
    assert result.output.rstrip().endswith("2 files could not be linted.")
    assert "Traceback" not in result.output + result.stderr


def test_directories_recurse_and_stdin_reads(cli, tmp_path):
    nested = tmp_path / "site" / "blog"
    nested.mkdir(parents=True)
    (nested / "post.txt").write_text(INJECTED, encoding="utf-8")
    (nested / "notes.bin").write_bytes(b"\x00\x01")
    result = cli("check", str(tmp_path / "site"), "--select", "BP001", "-q")
    assert result.exit_code == 1
    assert result.output == (
        f"{nested / 'post.txt'}:4:11: BP001 [error] The title phrase “Solar Panels vs Wind "
        "Turbines” is pasted into this sentence where a noun belongs. Rewrite the sentence "
        "with the words it needs.\n"
    )
    piped = cli("check", "-", "--select", "BP001", "-q", input=INJECTED.encode())
    assert piped.exit_code == 1
    assert piped.output.startswith("<stdin>:4:11: BP001")


def test_bad_config_and_unknown_selection_exit_2(cli, tmp_path):
    config = tmp_path / "lint.toml"
    config.write_text("ignor = ['BP001']\n")
    result = cli("check", "--config", str(config), str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"contentlint: error: {config}: unknown key(s): ignor "
        "(known: audit, exclude, extend_exclude, extend_ignore, extend_select, fail_on, faq, "
        "force_exclude, ignore, nlp, params, per_file_ignores, respect_gitignore, rule_packs, "
        "select, seo, severity)"
    )
    unknown = cli("check", str(tmp_path), "--select", "BP999")
    assert unknown.exit_code == 2
    assert "'BP999' matches no rule" in unknown.stderr


def test_broken_rule_pack_exit_2_naming_the_file(cli, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    bad = pack / "XY001.yaml"
    bad.write_text("code: XY001\nname: hygiene.x\n")
    config = tmp_path / ".contentlint.toml"
    config.write_text('rule_packs = ["pack"]\n')
    result = cli("check", "--config", str(config), str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"contentlint: error: {bad}: missing required key 'category'")


def test_unknown_model_is_a_usage_error(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Hello there.\n")
    result = cli("check", str(path), "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "contentlint: error: spaCy pipeline 'no_such_pipeline_xyz' is not installed (see the README)"
    )


# -- directories that cannot be listed, or hold nothing to lint ------------------------


def test_an_unlistable_directory_is_a_file_error_counted_in_the_summary(tmp_path, cli, monkeypatch):
    import os

    site = tmp_path / "site"
    (site / "locked").mkdir(parents=True)
    (site / "a.txt").write_text("Fine text here.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # what a directory without read permission does for non-root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("check", str(site))
    assert result.exit_code == 2
    locked = site / "locked"
    assert result.stderr == f"contentlint: {locked}: cannot list the directory: permission denied\n"
    assert result.output.endswith("in 2 files. 1 file could not be linted.\n")


def test_a_named_directory_with_no_file_to_lint_is_said_and_exit_2(tmp_path, cli):
    (tmp_path / "notes.rst").write_text("Not a format we read.\n", encoding="utf-8")
    result = cli("check", str(tmp_path))
    assert result.exit_code == 2  # a run that lints nothing checks nothing (issue 15)
    assert result.stderr == (
        f"contentlint: error: nothing to lint: {tmp_path}: no files to lint "
        "(looked for .html, .htm, .xhtml, .txt, .text, .md, .markdown, .docx)\n"
    )


def test_a_dangling_symlink_named_directly_is_a_file_error(tmp_path, cli):
    (tmp_path / "gone.html").symlink_to(tmp_path / "nowhere.html")
    result = cli("check", str(tmp_path / "gone.html"))
    assert result.exit_code == 2
    assert result.stderr == f"contentlint: {tmp_path / 'gone.html'}: broken symbolic link\n"


def test_standard_input_is_read_up_to_the_size_limit(cli, monkeypatch):
    import linter.read as read

    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    result = cli("check", "-", input="word " * 1000)
    assert result.exit_code == 2
    assert result.stderr == (
        "contentlint: <stdin>: file is too large (more than 1,000 bytes; the limit is 1,000)\n"
    )


def test_audit_reports_an_unlistable_directory_even_with_include_globs(tmp_path, cli, monkeypatch):
    import os

    site = tmp_path / "site"
    (site / "locked").mkdir(parents=True)
    (site / "a.html").write_text("<html><head><title>T</title></head><p>x</p></html>")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("audit", str(site), "-j", "1", "--include", "*.html", "--format", "json")
    assert result.exit_code == 2
    assert f"contentlint: {site / 'locked'}: cannot list the directory: permission denied\n" in (
        result.stderr
    )
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 2 and data["summary"]["files_failed"] == 1
