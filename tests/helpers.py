"""What the rule tests share: lint a source with one rule, and where a finding is."""

from __future__ import annotations

from typing import Any

from linter.engine import Engine
from linter.model import Document, Finding
from linter.read import parse
from linter.rulepack import load_rules

RULES = {rule.code: rule for rule in load_rules()}


def parse_source(source: str, fmt: str | None = None) -> Document:
    """A document from ``source``: HTML if it starts with "<", else plain text."""
    fmt = fmt or ("html" if source.lstrip().startswith("<") else "text")
    return parse(source, f"x.{ {'html': 'html', 'markdown': 'md'}.get(fmt, 'txt') }", fmt)


def lint_rule(
    code: str, source: str, fmt: str | None = None, model: str | None = None, **params: Any
) -> list[Finding]:
    """Findings of rule ``code`` alone on ``source`` (on spaCy pipeline ``model``, blank by
    default), with ``params`` overriding its own."""
    rule = RULES[code].with_overrides(None, params) if params else RULES[code]
    findings = Engine([rule], model=model).check(parse_source(source, fmt)).findings
    return [f for f in findings if f.code == code]


def where(finding: Finding) -> tuple[int, int, int, int]:
    """``(line, column, end_line, end_column)`` of a finding."""
    return finding.line, finding.column, finding.end_line, finding.end_column
