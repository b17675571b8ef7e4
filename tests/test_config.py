"""Configuration: discovery, selection, overrides, and errors for every typo."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import (
    ConfigError,
    apply_overrides,
    discover,
    load_config_file,
    select_rules,
)
from linter.model import Severity
from linter.rulepack import load_rules


def test_dotfile_found_from_a_subdirectory(tmp_path):
    (tmp_path / ".contentlint.toml").write_text('ignore = ["hygiene"]\nfail_on = "warning"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = discover(nested)
    assert config.path == tmp_path / ".contentlint.toml"
    assert config.ignore == ["hygiene"]
    assert config.fail_on is Severity.WARNING


def test_pyproject_table_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\nselect = ["BP001"]\n')
    assert discover(tmp_path).select == ["BP001"]


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert discover(tmp_path).path is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('selct = ["BP001"]\n', "unknown key(s): selct"),
        ('fail_on = "fatal"\n', "fail_on: unknown severity 'fatal'"),
        ("[severity]\nBP001 = 'loud'\n", "severity.BP001: unknown severity 'loud'"),
        ("params = 3\n", "params must be a table of tables"),
        ("select = [1]\n", "select must be a list of strings"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_an_error_naming_the_file(tmp_path, text, expected):
    path = tmp_path / ".contentlint.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    assert str(info.value).startswith(str(path))
    assert expected in str(info.value)


def test_selection_by_code_name_category_and_glob():
    rules = load_rules()
    assert [r.code for r in select_rules(rules, ["BP001"], [])] == ["BP001"]
    assert [r.code for r in select_rules(rules, ["boilerplate.run-in-title"], [])] == ["BP002"]
    by_category = select_rules(rules, ["boilerplate"], [])
    assert by_category and all(r.category == "boilerplate" for r in by_category)
    assert all(r.code.startswith("BP") for r in select_rules(rules, ["BP*"], []))
    remaining = select_rules(rules, ["boilerplate"], ["BP001", "boilerplate.run-in-title"])
    assert {"BP001", "BP002"}.isdisjoint(r.code for r in remaining)


def test_unknown_selector_is_an_error():
    with pytest.raises(ConfigError, match="'BP999' matches no rule"):
        select_rules(load_rules(), ["BP999"], [])


def test_overrides_change_severity_and_params(tmp_path):
    path = tmp_path / ".contentlint.toml"
    path.write_text(
        '[severity]\nBP004 = "error"\n[params."boilerplate.duplicate-text"]\nmin_words = 5\n'
    )
    rules = apply_overrides(load_rules(), load_config_file(path))
    rule = next(r for r in rules if r.code == "BP004")
    assert rule.severity is Severity.ERROR
    assert rule.params["min_words"] == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[severity]\nBP999 = "error"\n', "severity.BP999: no such rule"),
        ("[params.BP004]\nmin_wordz = 5\n", "unknown param 'min_wordz'"),
        ('[params.BP004]\nmin_words = "five"\n', "must be an integer"),
    ],
)
def test_bad_override_is_an_error(tmp_path, text, expected):
    path = tmp_path / ".contentlint.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=expected):
        apply_overrides(load_rules(), load_config_file(path))


def test_settings_tables_are_validated(tmp_path):
    path = tmp_path / ".contentlint.toml"
    path.write_text(
        '[faq]\nrequired = ["salary"]\nrequire_section = true\n[seo]\nkeyphrase = "x"\n'
    )
    assert load_config_file(path).settings == {
        "faq.required": ["salary"],
        "faq.require_section": True,
        "seo.keyphrase": "x",
    }
    path.write_text("[faq]\nrequird = []\n")
    with pytest.raises(ConfigError, match=r"unknown key faq\.requird"):
        load_config_file(path)
    path.write_text("[seo]\nkeyphrase = 3\n")
    with pytest.raises(ConfigError, match=r"seo\.keyphrase must be a string"):
        load_config_file(path)


def test_selection_by_tag_picks_the_template_rules():
    rules = load_rules()
    chosen = select_rules(rules, ["template"], [])
    assert "SEO025" in [r.code for r in chosen]
    assert all("template" in r.tags for r in chosen)
    assert "SEO025" not in [r.code for r in select_rules(rules, ["seo"], ["template"])]


def test_a_severity_for_a_rule_the_selection_leaves_out_is_no_error(
    cli, tmp_path: Path, monkeypatch
) -> None:
    """``--select BP`` beside ``[severity] RD004 = ...``: the config still names a real
    rule, so the run goes on with the selected ones (it used to fail: "no such rule")."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".contentlint.toml").write_text('[severity]\nRD004 = "warning"\n')
    (tmp_path / "a.txt").write_text("Title\n\nThe the wind blows.\n")
    result = cli("check", "a.txt", "--select", "HY001")
    assert result.exit_code == 0, result.output  # a warning, under the default fail-on
    assert "a.txt:3:1: HY001" in result.output
    (tmp_path / ".contentlint.toml").write_text('[severity]\nRD999 = "warning"\n')
    result = cli("check", "a.txt", "--select", "HY001")
    assert result.exit_code == 2 and "severity.RD999: no such rule" in result.output
