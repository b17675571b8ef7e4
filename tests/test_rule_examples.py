"""Every rule's YAML examples behave as declared: fail examples flag, pass examples don't."""

from __future__ import annotations

import pytest

from linter.examples import example_problem
from linter.rulepack import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{n}-{'fail' if 'fail' in example else 'pass'}")
    for rule in RULES
    for n, example in enumerate(rule.examples, 1)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule, example):
    assert example_problem(rule, example) is None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_failing_and_passing_examples(rule):
    kinds = {"fail" if "fail" in e else "pass" for e in rule.examples}
    assert kinds == {"fail", "pass"}, f"{rule.path} needs both fail and pass examples"
