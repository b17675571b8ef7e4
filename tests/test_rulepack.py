"""Rule packs: valid packs load, every mistake is an error that names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.rulepack import RuleError, load_pack, load_rule, load_rules

GOOD = """\
code: ZZ001
name: hygiene.shouting
category: hygiene
severity: warning
check: duplicate_text
message: "Repeated {what}"
description: A test rule.
params: {min_words: 4, max_findings: 5}
examples:
  - fail: "<p>One two three four.</p><p>One two three four.</p>"
  - pass: "<p>One two three four.</p>"
"""


def write(tmp_path: Path, text: str, name: str = "ZZ001.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_rule_loads_with_params_merged(tmp_path):
    rule = load_rule(write(tmp_path, GOOD))
    assert (rule.code, rule.name, rule.category, str(rule.severity)) == (
        "ZZ001",
        "hygiene.shouting",
        "hygiene",
        "warning",
    )
    assert rule.params == {"min_words": 4, "max_findings": 5}
    assert rule.summary == "A test rule."


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("check: duplicate_text", "check: no_such_check"), "unknown check kind 'no_such_check'"),
        (("params: {min_words: 4,", "params: {max_words: 4,"), "unknown param 'max_words'"),
        (("params: {min_words: 4,", "params: {min_words: four,"), "must be an integer"),
        (("severity: warning", "severity: fatal"), "unknown severity 'fatal'"),
        (("category: hygiene", "category: style"), "unknown category 'style'"),
        (("code: ZZ001", "code: z1"), "must look like BP001"),
        (('message: "Repeated {what}"\n', ""), "missing required key 'message'"),
        (("description: A test rule.", "description: A test rule.\ncolour: red"), "unknown key"),
        (("  - pass:", "  - nope:"), "example 2 must have exactly one of fail/pass"),
        (("params: {min_words: 4, max_findings: 5}", "params: [1, 2"), "invalid YAML at line"),
    ],
)
def test_invalid_rule_is_an_error_naming_the_file(tmp_path, change, expected):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as info:
        load_rule(path)
    assert str(info.value).startswith(str(path))
    assert expected in str(info.value)


def test_duplicate_code_across_packs_is_an_error(tmp_path):
    write(tmp_path, GOOD.replace("ZZ001", "BP001"))
    with pytest.raises(RuleError, match="BP001 is already defined in"):
        load_rules([tmp_path])


def test_missing_pack_directory_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="rule pack directory not found"):
        load_pack(tmp_path / "absent")


def test_builtin_rules_have_unique_codes_and_names():
    rules = load_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert {r.category for r in rules} >= {"boilerplate", "hygiene", "readability"}
