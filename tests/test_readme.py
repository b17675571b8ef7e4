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


def test_readme_rule_table_matches_the_yaml():
    match = BLOCK.search(README.read_text(encoding="utf-8"))
    assert match, "README lacks the <!-- rules:start --> ... <!-- rules:end --> block"
    assert match.group(2) == generated(), "run: python tests/test_readme.py"


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + generated() + m.group(3), text))
