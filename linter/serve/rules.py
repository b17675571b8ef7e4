"""The rules as the API lists and explains them: the catalogue the server's config
loads, each marked enabled or not by the config's selection, with what ``contentlint
explain`` prints (description, parameters, examples)."""

from __future__ import annotations

from typing import Any

from linter.config import apply_overrides, config_selection, resolve_selection
from linter.rulepack import Rule
from linter.serve.errors import ApiError


def _summary(rule: Rule, enabled: bool) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": str(rule.severity),
        "fix": rule.fix,
        "summary": rule.summary,
        "tags": list(rule.tags),
        "enabled": enabled,
    }


class RuleBook:
    """The catalogue with the config's severities and params applied."""

    def __init__(self, config: Any, catalogue: list[Rule]) -> None:
        self.rules = apply_overrides(list(catalogue), config)
        enabled = resolve_selection(catalogue, [config_selection(config)])
        self.enabled = {r.code for r in enabled}
        self.by_key = {key: r for r in self.rules for key in (r.code, r.name, r.code.lower())}

    def listing(self) -> list[dict[str, Any]]:
        return [_summary(r, r.code in self.enabled) for r in self.rules]

    def explain(self, key: str) -> dict[str, Any]:
        rule = self.by_key.get(key) or self.by_key.get(key.upper())
        if rule is None:
            raise ApiError(404, "unknown_rule", f"no rule named {key!r} (GET /v1/rules lists them)")
        return _summary(rule, rule.code in self.enabled) | {
            "message": rule.message,
            "description": rule.description,
            "params": rule.params,
            "examples": rule.examples,
            "formats": list(rule.formats),
        }
