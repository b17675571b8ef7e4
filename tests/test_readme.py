"""The README's rule table is generated from the YAML; this keeps the two in step.

Run ``python tests/test_readme.py`` to regenerate the table after changing a rule.
"""

from __future__ import annotations

import re
from pathlib import Path

from linter.cli.rules import rules_markdown
from linter.rulepack import load_rules

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- rules:start -->\n)(.*?)(<!-- rules:end -->)", re.S)


def generated() -> str:
    return rules_markdown(load_rules())


def test_readme_rule_example_loads_and_its_examples_hold(tmp_path):
    # "Adding a rule" shows a whole rule file: it must load as written (every param of
    # its kind given) and its fail/pass examples must behave as they say.
    from linter.engine import Engine
    from linter.read import parse
    from linter.rulepack import load_rule

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Adding a rule") :]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    path = tmp_path / "XY001.yaml"
    path.write_text(example, encoding="utf-8")
    rule = load_rule(path)
    assert rule.code == "XY001" and rule.params["patterns"] == ["\\bclick here\\b"]
    engine = Engine([rule])
    fail, passing = (e.get("fail") or e.get("pass") for e in rule.examples)
    (finding,) = engine.check(parse(fail, "x.html", "html")).findings
    assert finding.message == "Say where the link goes instead of “click here”."
    assert engine.check(parse(passing, "x.html", "html")).findings == []


def test_readme_rule_table_matches_the_yaml():
    match = BLOCK.search(README.read_text(encoding="utf-8"))
    assert match, "README lacks the <!-- rules:start --> ... <!-- rules:end --> block"
    assert match.group(2) == generated(), "run: python tests/test_readme.py"


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + generated() + m.group(3), text))
