"""Rule selection as ruff users expect it (issue 15): the command line's --select replaces
the config's select, --extend-select adds, --ignore and --extend-ignore take away; code
prefixes and ALL select; and ``explain`` prints parameters as TOML a config accepts."""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from linter.rulepack import load_rules

# BP001 (injected title phrase, an error) and HY001 (doubled word, a warning) both fire.
TEXT = (
    "Solar Panels vs Wind Turbines\n\n"
    "Homeowners often compare costs first.\n"
    "Owners of Solar Panels vs Wind Turbines systems report low upkeep. The the end.\n"
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A directory with a draft and a config, as the working directory."""
    (tmp_path / "draft.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def configure(text: str) -> None:
        (tmp_path / ".contentlint.toml").write_text(text, encoding="utf-8")

    return configure


def codes(result) -> list[str]:
    """The rule codes of a ``check -q`` run's finding lines."""
    return [line.split()[1] for line in result.output.splitlines()]


def listed(result) -> list[str]:
    """The codes ``rules --format json`` lists."""
    assert result.exit_code == 0, result.stderr
    return [row["code"] for row in json.loads(result.output)]


def test_cli_select_replaces_the_configs_select(cli, project):
    project('select = ["HY001"]\n')
    assert codes(cli("check", "draft.txt", "-q")) == ["HY001"]
    result = cli("check", "draft.txt", "-q", "--select", "boilerplate")
    assert result.exit_code == 1
    assert codes(result) == ["BP001"]


def test_cli_select_replaces_the_configs_ignore_too_as_ruff_does(cli, project):
    project('ignore = ["BP001"]\n')
    result = cli("check", "draft.txt", "-q", "--select", "BP001")
    assert (result.exit_code, codes(result)) == (1, ["BP001"])


def test_extend_select_adds_to_the_configs_select(cli, project):
    project('select = ["HY001"]\n')
    result = cli("check", "draft.txt", "-q", "--extend-select", "BP001")
    assert (result.exit_code, codes(result)) == (1, ["BP001", "HY001"])


def test_ignore_and_extend_ignore_take_from_the_configs_select(cli, project):
    project('select = ["BP001", "HY001"]\n')
    for option in ("--ignore", "--extend-ignore"):
        result = cli("check", "draft.txt", "-q", option, "BP001")
        assert (result.exit_code, codes(result)) == (0, ["HY001"])


def test_config_extend_select_and_extend_ignore(cli, project):
    project('select = ["HY001"]\nextend_select = ["BP"]\nextend_ignore = ["BP002"]\n')
    assert listed(cli("rules", "--format", "json")) == [
        "BP001", "BP003", "BP004", "BP005", "BP006", "BP007", "HY001",
    ]  # fmt: skip


def test_ruffs_hyphenated_key_is_pointed_to_ours(cli, project):
    project('extend-select = ["BP"]\n')
    result = cli("check", "draft.txt")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        "; keys are spelled with '_': extend-select -> extend_select"
    )


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("BP", [f"BP00{n}" for n in range(1, 8)]),
        ("BP00", [f"BP00{n}" for n in range(1, 8)]),
        ("SEO01", [f"SEO01{n}" for n in range(10)]),
        ("SEO02", [f"SEO02{n}" for n in range(7)]),
        ("SITE", [f"SITE{n:03}" for n in range(1, 17)]),
    ],
)
def test_a_code_prefix_selects_every_rule_whose_code_starts_with_it(cli, selector, expected):
    assert listed(cli("rules", "--format", "json", "--select", selector)) == expected


def test_all_selects_every_rule_even_over_a_configs_select(cli, project):
    project('select = ["HY001"]\n')
    every = [rule.code for rule in load_rules()]
    assert listed(cli("rules", "--format", "json", "--select", "ALL")) == every


def test_a_prefix_is_whole_letters_as_ruffs_are(cli):
    # "S" is neither SEO nor SITE, as ruff's "S" (bandit) is not "SIM".
    result = cli("rules", "--select", "S")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "contentlint: error: command line: --select: 'S' matches no rule, code prefix, name, "
        "category or tag"
    )


def test_the_narrower_selector_wins_within_one_source(cli):
    narrow_ignore = listed(cli("rules", "--format", "json", "--select", "BP", "--ignore", "BP005"))
    assert "BP005" not in narrow_ignore and "BP004" in narrow_ignore
    narrow_select = listed(
        cli("rules", "--format", "json", "--select", "BP005", "--ignore", "boilerplate")
    )
    assert narrow_select == ["BP005"]


def test_ignoring_what_the_config_already_ignores_is_no_error(cli, project):
    project('ignore = ["BP002"]\n')
    result = cli("check", "draft.txt", "-q", "--ignore", "BP002")
    assert result.exit_code == 1, result.stderr
    assert "BP002" not in result.output and "BP001" in codes(result)


def test_ignoring_a_rule_the_selection_already_dropped_is_no_error(cli, project):
    project('select = ["HY001"]\n')
    for ignored in ("BP002", "boilerplate", "BP"):
        result = cli("check", "draft.txt", "-q", "--ignore", ignored)
        assert (result.exit_code, codes(result)) == (0, ["HY001"]), result.stderr


def test_only_a_selector_that_matches_nothing_at_all_is_an_error(cli, project):
    project('select = ["HY001"]\n')
    result = cli("check", "draft.txt", "--extend-ignore", "BP999")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "contentlint: error: command line: --extend-ignore: 'BP999' matches no rule, "
        "code prefix, name, category or tag"
    )
    project('ignore = ["BP999"]\n')
    result = cli("check", "draft.txt")
    assert result.exit_code == 2
    assert "contentlint.toml: ignore: 'BP999' matches no rule" in result.stderr


def test_audit_layers_the_selection_the_same_way(cli, project, tmp_path):
    project('select = ["HY001"]\n')
    result = cli("audit", str(tmp_path), "--format", "json", "--select", "BP001", "-j", "1")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.output)
    found = {finding["code"] for finding in report["findings"]}
    assert found == {"BP001"}


# -- explain prints TOML -----------------------------------------------------------------


def params_block(output: str) -> str:
    """The ``[params.CODE]`` block ``explain`` prints, up to the blank line after it."""
    match = re.search(r"^\[params\.[A-Z0-9]+\]\n(?:.+\n)*", output, re.M)
    assert match, output
    return match.group(0)


def test_explain_prints_params_as_toml(cli):
    output = cli("explain", "BP005").output
    block = params_block(output)
    assert "case_sensitive = false\n" in block
    assert 'kinds = ["paragraph", "quote"]\n' in block
    assert 'region = "main"\n' in block
    assert "= False" not in block and "= ['paragraph'" not in block


def test_every_rules_printed_params_parse_and_a_config_loads_them(cli, tmp_path):
    blocks = []
    for rule in load_rules():
        if not rule.params:
            continue
        block = params_block(cli("explain", rule.code).output)
        assert tomllib.loads(block) == {"params": {rule.code: rule.params}}, rule.code
        blocks.append(block)
    config = tmp_path / "pasted.toml"
    config.write_text("\n".join(blocks), encoding="utf-8")
    result = cli("rules", "--config", str(config))
    assert result.exit_code == 0, result.stderr
    # and explain shows a changed value back as the config gives it
    config.write_text(params_block(cli("explain", "BP005").output).replace("= false", "= true"))
    shown = params_block(cli("explain", "BP005", "--config", str(config)).output)
    assert "case_sensitive = true\n" in shown
