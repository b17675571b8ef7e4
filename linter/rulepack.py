"""Loads and validates YAML rule packs.

A pack is a directory of YAML files, one rule per file. Every problem in a pack is an
error naming the file, because a rule that silently does not load is a rule a team
believes is running when it is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from linter.checks import available_kinds, load_kind
from linter.model import Severity

CATEGORIES = ("boilerplate", "faq", "contradiction", "readability", "seo", "hygiene", "site")
SCOPES = ("document", "corpus")
FORMATS = ("html", "text", "markdown")
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_NAME = re.compile(r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")
_KEYS = {
    "code",
    "name",
    "category",
    "severity",
    "check",
    "message",
    "summary",
    "description",
    "params",
    "examples",
    "scope",
    "formats",
}
_REQUIRED = ("code", "name", "category", "severity", "check", "message", "description")
_EXAMPLE_KEYS = {"fail", "pass", "format", "title", "count", "params"}


class RuleError(Exception):
    """A rule pack problem; the message names the file."""


@dataclass(slots=True)
class Rule:
    """A rule as loaded from YAML, with its parameters merged over the check's defaults."""

    code: str
    name: str
    category: str
    severity: Severity
    check: str
    message: str
    summary: str
    description: str
    params: dict[str, Any]
    examples: list[dict[str, Any]]
    scope: str
    formats: tuple[str, ...]
    path: str
    module: ModuleType = field(repr=False)

    def applies_to(self, fmt: str) -> bool:
        return fmt in self.formats

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled with its check module's name, not the module (audit workers receive
        their rules pickled): the module is imported again where it is unpickled."""
        fields = tuple(getattr(self, name) for name in self.__slots__ if name != "module")
        return _unpickle_rule, fields

    def with_overrides(self, severity: Severity | None, params: dict[str, Any] | None) -> Rule:
        """A copy with config overrides applied (params validated like YAML ones)."""
        merged = dict(self.params)
        if params:
            merged.update(validate_params(self.module, params, f"params for {self.code}"))
        return Rule(
            self.code,
            self.name,
            self.category,
            severity or self.severity,
            self.check,
            self.message,
            self.summary,
            self.description,
            merged,
            self.examples,
            self.scope,
            self.formats,
            self.path,
            self.module,
        )


def _unpickle_rule(*fields: Any) -> Rule:
    names = [name for name in Rule.__slots__ if name != "module"]
    values = dict(zip(names, fields, strict=True))
    return Rule(**values, module=load_kind(values["check"]))


def type_ok(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, list):
        return isinstance(value, list) and all(
            not default or type_ok(default[0], item) for item in value
        )
    if default is None:
        return True
    return isinstance(value, type(default))


def type_name(default: Any) -> str:
    if isinstance(default, list):
        inner = type(default[0]).__name__ if default else "value"
        return f"a list of {inner}"
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        type(default), type(default).__name__
    )


def validate_params(module: ModuleType, params: Any, where: str) -> dict[str, Any]:
    """Check ``params`` against the check module's ``PARAMS`` and its optional ``validate``."""
    if not isinstance(params, dict):
        raise RuleError(f"{where}: params must be a mapping")
    defaults: dict[str, Any] = getattr(module, "PARAMS", {})
    for key, value in params.items():
        if key not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise RuleError(f"{where}: unknown param {key!r} (known: {known})")
        if not type_ok(defaults[key], value):
            raise RuleError(f"{where}: param {key!r} must be {type_name(defaults[key])}")
    hook = getattr(module, "validate", None)  # optional: checks values, e.g. regexes
    problem = hook(params) if hook else None
    if problem:
        raise RuleError(f"{where}: {problem}")
    return dict(params)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _parse_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, through libyaml when PyYAML has it (the wheels do).

    The C loader reads the same documents at a tenth of the time, which is most of
    loading the catalogue on every run. Its error messages are worded differently, so a
    file it rejects is parsed again by the Python loader, whose error is reported.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def load_rule(path: Path) -> Rule:
    """Parse and validate one rule file."""
    import yaml

    where = str(path)
    try:
        data = _parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(f"{where}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise RuleError(f"{where}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise RuleError(f"{where}: invalid YAML{at}: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a YAML mapping")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key(s): {', '.join(unknown)}")
    for key in _REQUIRED:
        if not data.get(key):
            raise RuleError(f"{where}: missing required key {key!r}")
    code, name = str(data["code"]), str(data["name"])
    if not _CODE.match(code):
        raise RuleError(f"{where}: code {code!r} must look like BP001 (2-4 capitals, 3 digits)")
    if not _NAME.match(name):
        raise RuleError(f"{where}: name {name!r} must look like category.rule-name")
    category = data["category"]
    if category not in CATEGORIES:
        raise RuleError(f"{where}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
    if not name.startswith(category + "."):
        raise RuleError(f"{where}: name {name!r} must start with its category {category!r}")
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as error:
        raise RuleError(f"{where}: {error}") from None
    kind = str(data["check"])
    if kind not in available_kinds():
        raise RuleError(f"{where}: unknown check kind {kind!r}")
    module = load_kind(kind)
    params = validate_params(module, data.get("params") or {}, where)
    scope = data.get("scope", getattr(module, "SCOPE", "document"))
    if scope not in SCOPES:
        raise RuleError(f"{where}: scope must be one of {', '.join(SCOPES)}")
    formats = data.get("formats", list(getattr(module, "FORMATS", FORMATS)))
    if not isinstance(formats, list) or not set(formats) <= set(FORMATS):
        raise RuleError(f"{where}: formats must be a list drawn from {', '.join(FORMATS)}")
    examples = data.get("examples") or []
    if not isinstance(examples, list):
        raise RuleError(f"{where}: examples must be a list")
    for number, example in enumerate(examples, 1):
        if (
            not isinstance(example, dict)
            or ("fail" in example) == ("pass" in example)
            or set(example) - _EXAMPLE_KEYS
        ):
            raise RuleError(
                f"{where}: example {number} must have exactly one of fail/pass "
                f"and only keys {', '.join(sorted(_EXAMPLE_KEYS))}"
            )
        if "params" in example:
            validate_params(module, example["params"], f"{where}: example {number}")
    merged = {**getattr(module, "PARAMS", {}), **params}
    description = str(data["description"]).strip()
    return Rule(
        code=code,
        name=name,
        category=category,
        severity=severity,
        check=kind,
        message=str(data["message"]),
        summary=str(data.get("summary") or _first_sentence(description)),
        description=description,
        params=merged,
        examples=examples,
        scope=scope,
        formats=tuple(formats),
        path=where,
        module=module,
    )


def builtin_rules_dir() -> Path:
    """The shipped catalogue: inside the wheel, or ``rules/`` in a source checkout."""
    packaged = Path(str(resources.files("linter"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def load_pack(directory: Path) -> list[Rule]:
    """Every ``*.yaml``/``*.yml`` rule below ``directory``, sorted by path."""
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule pack directory not found")
    files = sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return [load_rule(p) for p in files]


@cache
def _builtin() -> tuple[Rule, ...]:
    return tuple(load_pack(builtin_rules_dir()))


def load_rules(extra_packs: list[Path] | tuple[Path, ...] = ()) -> list[Rule]:
    """The built-in rules plus ``extra_packs``; duplicate codes or names are errors."""
    rules = list(_builtin())
    for pack in extra_packs:
        rules.extend(load_pack(Path(pack)))
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleError(f"{rule.path}: {key} is already defined in {seen[key].path}")
            seen[key] = rule
    return sorted(rules, key=lambda r: r.code)
