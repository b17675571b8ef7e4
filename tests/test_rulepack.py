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


def test_every_builtin_rule_gives_exactly_the_params_its_kind_declares():
    # The YAML is a rule's one header: each param of the kind has its value there, of
    # the kind's type, and the kind holds no defaults of its own.
    from linter.checks.base import Param
    from linter.rulepack import kind_params

    for rule in load_rules():
        declared = kind_params(rule.module)
        assert all(isinstance(p, Param) for p in declared.values()), rule.check
        assert set(rule.params) == set(declared), rule.code
        for name, value in rule.params.items():
            assert declared[name].accepts(value), (rule.code, name, value)


def test_a_rule_missing_a_param_of_its_kind_is_an_error_naming_it(tmp_path):
    path = write(
        tmp_path, GOOD.replace("params: {min_words: 4, max_findings: 5}", "params: {min_words: 4}")
    )
    with pytest.raises(RuleError) as info:
        load_rule(path)
    assert str(info.value) == f"{path}: missing param 'max_findings' (an integer, 0 or more)"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("fix: always", "fix must be one of safe, suggest"),
        ("fix_formats: [pdf]", "fix_formats must be a list drawn from html, text, markdown"),
        ("anchor: page", "anchor must be one of span, document"),
        (
            "settings: {min_words: faq}",
            "settings must map param names to settings like faq.required",
        ),
        ("settings: {colour: faq.required}", "settings: unknown param 'colour'"),
        ("renamed: [min_words]", "renamed must map old param names to current ones"),
        ("renamed: {least_words: colour}", "renamed: unknown param 'colour'"),
        ("renamed: {min_words: max_findings}", "renamed: 'min_words' is a current param name"),
    ],
)
def test_fix_anchor_and_settings_keys_are_checked(tmp_path, line, expected):
    path = write(
        tmp_path, GOOD.replace("description: A test rule.", f"description: A test rule.\n{line}")
    )
    with pytest.raises(RuleError) as info:
        load_rule(path)
    assert str(info.value) == f"{path}: {expected}"


def test_fix_and_anchor_come_from_the_yaml():
    rules = {r.code: r for r in load_rules()}
    assert rules["HY001"].fixes_safely("html") and rules["HY001"].anchor == "span"
    assert rules["BP002"].fixes_safely("text") and not rules["BP002"].fixes_safely("html")
    assert rules["BP002"].fix_restructures
    assert not rules["BP001"].fixes_safely("text")  # a guess: shown, never applied
    assert rules["SEO001"].anchor == "document"
    assert rules["FQ011"].settings == {"topics": "faq.required"}
    assert rules["FQ011"].renamed == {"required": "topics"}


@pytest.mark.parametrize(
    ("code", "params", "expected"),
    [
        (
            "FQ003",
            {"min_similarity": 0},
            "param 'min_similarity' must be a number above 0 and at most 1",
        ),
        (
            "FQ003",
            {"min_similarity": 1.5},
            "param 'min_similarity' must be a number above 0 and at most 1",
        ),
        (
            "FQ011",
            {"answer_weight": -0.1},
            "param 'answer_weight' must be a number from 0 to 1",
        ),
    ],
)
def test_shares_out_of_range_are_refused_by_their_type(code, params, expected):
    rule = {r.code: r for r in load_rules()}[code]
    with pytest.raises(RuleError) as info:
        rule.with_overrides(None, params)
    assert str(info.value) == f"params for {code}: {expected}"
    assert rule.with_overrides(None, {next(iter(params)): 1.0}).params[next(iter(params))] == 1.0


def test_a_renamed_param_is_still_set_by_its_old_name(tmp_path):
    """A config written before a param was renamed keeps working: the old name sets the
    param now called by the new one (and the later of the two wins, as overrides do)."""
    path = write(
        tmp_path,
        GOOD.replace(
            "description: A test rule.",
            "description: A test rule.\nrenamed: {least_words: min_words}",
        ),
    )
    rule = load_rule(path)
    assert rule.with_overrides(None, {"least_words": 9}).params["min_words"] == 9
    both = rule.with_overrides(None, {"min_words": 7, "least_words": 9})
    assert both.params == {"min_words": 9, "max_findings": 5}
    with pytest.raises(RuleError) as info:
        rule.with_overrides(None, {"least_words": "nine"})
    assert str(info.value) == "params for ZZ001: param 'min_words' must be an integer, 0 or more"


def test_a_choice_param_names_its_choices_when_a_pack_gives_another():
    from linter.checks import load_kind
    from linter.rulepack import validate_params

    with pytest.raises(
        RuleError, match=r"x\.yaml: param 'unit' must be one of sentence, paragraph, section"
    ):
        validate_params(load_kind("word_limit"), {"unit": "chapter", "max_words": 3}, "x.yaml")
