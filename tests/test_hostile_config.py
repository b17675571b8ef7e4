"""Hostile or mistaken configs, rule packs and side inputs: each is one clear line
naming the file (and the key), exit code 2, never a traceback, a hang or a read of
gigabytes. The bounds are tested with inputs the old code read without end."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.rulepack import RuleError, load_rule

PAGE = "<html lang='en'><head><title>A title</title></head><body><p>Text.</p></body></html>"

RULE = """\
code: ZZ001
name: hygiene.shouting
category: hygiene
severity: warning
check: duplicate_text
message: "Repeated {what}"
description: A test rule.
"""


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    return tmp_path


def one_error_line(result) -> str:
    """The single stderr line of a usage/config error (exit 2), without traceback."""
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("contentlint: error: ")
    return result.stderr.strip()


# -- side inputs that are not regular files --------------------------------------------


@pytest.mark.parametrize("option", ["--config", "--questions", "--baseline", "--diff-file"])
def test_a_device_as_a_side_input_is_refused_without_reading_it(here, cli, option):
    line = one_error_line(cli("check", "a.html", option, "/dev/zero"))
    assert "/dev/zero" in line and "is a device, not a regular file" in line


@pytest.mark.parametrize("option", ["--config", "--questions", "--baseline", "--diff-file"])
def test_a_fifo_as_a_side_input_is_refused_without_waiting_for_a_writer(here, cli, option):
    os.mkfifo(here / "pipe")
    line = one_error_line(cli("check", "a.html", option, "pipe"))
    assert "pipe" in line and "is a FIFO (named pipe), not a regular file" in line


def test_audit_from_list_of_a_fifo_is_refused(here, cli):
    os.mkfifo(here / "pages.txt")
    line = one_error_line(cli("audit", "--from-list", "pages.txt"))
    assert line == (
        "contentlint: error: pages.txt: cannot read the path list: "
        "is a FIFO (named pipe), not a regular file"
    )


def test_a_config_over_the_size_limit_is_refused(here, cli):
    (here / "big.toml").write_text("# padding\n" * 120_000)  # 1.2 MB of comments
    line = one_error_line(cli("check", "a.html", "--config", "big.toml"))
    assert line.startswith("contentlint: error: big.toml: cannot read: file is too large")


@pytest.mark.parametrize("name", ["fifo.html", "zero.html"])
def test_a_page_that_is_a_fifo_or_a_link_to_dev_zero_is_a_file_error(here, cli, name):
    os.mkfifo(here / "fifo.html")
    os.symlink("/dev/zero", here / "zero.html")
    result = cli("check", name, "a.html", "--quiet")
    assert result.exit_code == 2
    reason = "FIFO (named pipe)" if name == "fifo.html" else "device"
    assert result.stderr == f"contentlint: {name}: is a {reason}, not a regular file\n"


# -- TOML config ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[nlp]\nmodel = 'os'\n", "nlp.model: 'os' is installed but is not a spaCy pipeline"),
        ("[nlp]\nmodel = '../../x'\n", "nlp.model: '../../x' is not a spaCy pipeline name"),
        ("[params.RD001]\nmax_words = -1\n", "param 'max_words' must be an integer, 0 or more"),
        ("[params.HY002]\nkinds = [1]\n", "param 'kinds' must be a list of str"),
        ("[severity]\nBP001 = 3\n", "severity.BP001 must be a string"),
        ("fail_on = ['error']\n", "fail_on must be a string"),
        ("select = 'x' \n[colours]\nred = 1\n", "unknown key(s): colours"),
        (f"select = ['{'A' * 5000}']\n", "select[0]: string longer than 4,096 characters"),
        (f"ignore = [{', '.join(['1'] * 1001)}]\n", "ignore: more than 1,000 entries"),
        ("x = " + "[" * 3000 + "]" * 3000 + "\n", "invalid TOML: nested too deeply"),
        ("[faq]\nrequired = 'yes'\n", "faq.required must be a list of str"),
        # A phrase in one paragraph is no repetition: BP003 crashed on every file.
        ("[params.BP003]\nmin_paragraphs = 1\n", "min_paragraphs must be 2 or more, not 1"),
    ],
)
def test_hostile_toml_is_one_line_naming_the_file_and_key(here, cli, toml, expected):
    (here / "c.toml").write_text(toml, encoding="utf-8")
    line = one_error_line(cli("check", "a.html", "--config", "c.toml"))
    assert line.startswith("contentlint: error: c.toml: ")
    assert expected in line


@pytest.mark.parametrize("model", ["../../x", "os", "no_such_pipeline_xyz", "a.b"])
def test_model_option_must_name_a_spacy_pipeline(here, cli, model):
    line = one_error_line(cli("check", "a.html", "--model", model))
    assert repr(model) in line


# -- rule packs ----------------------------------------------------------------------


def rule_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ZZ001.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("formats: [[html]]\n", "formats must be a list drawn from"),
        ("1: one\nzz: two\n", "keys must be strings, not 1"),
        ("params: {kinds: [1]}\n", "does not apply"),
        ("params: {min_words: -3}\n", "param 'min_words' must be an integer, 0 or more"),
        ("params: {1: 2}\n", "param names must be strings"),
        ("summary: [not, text]\n", "summary must be a string"),
        ("examples:\n  - fail: [1, 2]\n", "example 1: fail must be text or a list of texts"),
        ("examples:\n  - pass: x\n    count: -1\n", "count must be an integer, 0 or more"),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", "YAML nested more than 20 levels deep"),
        ("x:\n" + "".join("  " * n + "- \n" for n in range(1, 200)), "nested more than 20"),
    ],
)
def test_hostile_rule_pack_yaml_is_one_error_naming_the_file(tmp_path, extra, expected):
    text = RULE + extra
    if expected == "does not apply":  # duplicate_text has no 'kinds'; pattern's are strings
        text = RULE.replace("duplicate_text", "pattern") + extra
        expected = "param 'kinds' must be a list of str"
    path = rule_file(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_rule(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert expected in message


def test_a_hostile_pack_through_the_cli_is_exit_2(here, cli):
    pack = here / "pack"
    pack.mkdir()
    rule_file(pack, RULE + "formats: [[html]]\n")
    (here / "c.toml").write_text("rule_packs = ['pack']\n", encoding="utf-8")
    line = one_error_line(cli("check", "a.html", "--config", "c.toml"))
    assert "ZZ001.yaml: formats must be a list drawn from html, text, markdown" in line


def test_a_rule_file_that_is_a_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "ZZ001.yaml")
    with pytest.raises(RuleError, match="is a FIFO"):
        load_rule(tmp_path / "ZZ001.yaml")
