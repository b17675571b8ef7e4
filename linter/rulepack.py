"""Loads and validates YAML rule packs.

A pack is a directory of YAML files, one rule per file. Every problem in a pack is an
error naming the file, because a rule that silently does not load is a rule a team
believes is running when it is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from linter.checks import available_kinds, load_kind
from linter.checks.base import Param
from linter.message import template_problem
from linter.model import Severity
from linter.read.yamlsafe import deeper_than

CATEGORIES = ("boilerplate", "faq", "contradiction", "readability", "seo", "hygiene", "site")
SCOPES = ("document", "corpus")
FORMATS = ("html", "text", "markdown")
# Input formats no rule names, and the format whose rules they get. A Word draft is prose
# with headings, lists, tables and links but no page around it (no head, meta tags,
# canonical, lang, images' alt or JSON-LD), which is what a Markdown draft is: so it gets
# the Markdown rules (prose, boilerplate, FAQ, contradiction, readability, hygiene, thin
# content and keyphrase) and none of the HTML page's. Here once, not in 90 rule files.
READS_LIKE = {"docx": "markdown"}
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_SETTING = re.compile(r"^[a-z]+\.[a-z_]+$")
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
    "fix",
    "fix_formats",
    "fix_restructures",
    "anchor",
    "settings",
    "renamed",
    "tags",
}
FIXES = ("safe", "suggest")
ANCHORS = ("span", "document")
_REQUIRED = ("code", "name", "category", "severity", "check", "message", "description")
# ``crawl`` and ``sitemap``: what a crawl found, for the examples of crawl site rules
# (``linter.examples``).
_EXAMPLE_KEYS = {"fail", "pass", "format", "title", "count", "params", "crawl", "sitemap"}
_STRING_KEYS = ("code", "name", "category", "severity", "check", "message", "summary")
_STRING_KEYS += ("description", "scope")
RULE_MAX_BYTES = 1024 * 1024  # one rule file; the largest shipped one is under 10 KB
MAX_DEPTH = 20  # YAML collections inside one another (PyYAML recurses once per level)


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
    # ``safe``: ``--fix`` applies the fix its findings carry (in ``fix_formats`` only,
    # when given); ``suggest``: reports show it, nobody applies it unread.
    fix: str = "suggest"
    fix_formats: tuple[str, ...] | None = None
    # A safe fix meant to change the document's structure (the run-in title's new
    # paragraph): the structure guard lets it through.
    fix_restructures: bool = False
    # ``document``: the rule judges the page as a whole and its findings sit at some
    # representative spot (``--diff`` keeps them whenever the file changed at all).
    anchor: str = "span"
    # Params a project-wide setting fills ("faq.required"), by param name.
    settings: dict[str, str] = field(default_factory=dict)
    # Old names of renamed params (``{old: new}``): a user's config that still sets
    # ``[params.FQ011] required`` sets the param now called ``topics``.
    renamed: dict[str, str] = field(default_factory=dict)
    # Words a user selects the rule by besides its code, name and category: ``template``
    # marks findings about the site's template (header, footer, navigation), which a
    # developer fixes once for every page, not the writer of this one.
    tags: tuple[str, ...] = ()

    def fixes_safely(self, fmt: str) -> bool:
        """Whether ``--fix`` applies this rule's fixes in ``fmt`` input."""
        if fmt in READS_LIKE:
            return False  # a Word document is never rewritten (linter.fix)
        return self.fix == "safe" and (self.fix_formats is None or fmt in self.fix_formats)

    def applies_to(self, fmt: str) -> bool:
        return READS_LIKE.get(fmt, fmt) in self.formats

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled with its check module's name, not the module (audit workers receive
        their rules pickled): the module is imported again where it is unpickled."""
        fields = {name: getattr(self, name) for name in self.__slots__ if name != "module"}
        return _unpickle_rule, (fields,)

    def with_overrides(self, severity: Severity | None, params: dict[str, Any] | None) -> Rule:
        """A copy with config overrides applied (params validated like YAML ones)."""
        merged = dict(self.params)
        if params:
            where = f"params for {self.code}"
            current = current_names(params, self.renamed)
            merged.update(validate_params(self.module, current, where))
        return replace(self, severity=severity or self.severity, params=merged)


def current_names(params: Any, renamed: dict[str, str]) -> Any:
    """``params`` with the old names of renamed params (``renamed``) turned into the
    current ones. A param given under both names takes the later value, as a rule's own
    ``[params.CODE]`` overrides the setting that filled it before (``apply_overrides``)."""
    if not renamed or not isinstance(params, dict):
        return params
    return {renamed.get(k, k) if isinstance(k, str) else k: v for k, v in params.items()}


def _unpickle_rule(fields: dict[str, Any]) -> Rule:
    return Rule(**fields, module=load_kind(fields["check"]))


def kind_params(module: ModuleType) -> dict[str, Param]:
    """Names and types of the params of a check kind (its ``PARAMS``); the values live
    in each rule's YAML."""
    return dict(getattr(module, "PARAMS", {}))


def validate_params(module: ModuleType, params: Any, where: str) -> dict[str, Any]:
    """Check ``params`` against the check module's ``PARAMS`` and its optional ``validate``."""
    if not isinstance(params, dict):
        raise RuleError(f"{where}: params must be a mapping")
    declared = kind_params(module)
    for key, value in params.items():
        if not isinstance(key, str):
            raise RuleError(f"{where}: param names must be strings, not {key!r}")
        if key not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise RuleError(f"{where}: unknown param {key!r} (known: {known})")
        if not declared[key].accepts(value):
            raise RuleError(f"{where}: param {key!r} must be {declared[key].describe()}")
    hook = getattr(module, "validate", None)  # optional: checks values, e.g. regexes
    problem = hook(params) if hook else None
    if problem:
        raise RuleError(f"{where}: {problem}")
    return dict(params)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _parse_yaml(text: str, check_depth: bool = True) -> Any:
    """``yaml.safe_load(text)``, through libyaml when PyYAML has it (the wheels do).

    The C loader reads the same documents at a tenth of the time, which is most of
    loading the catalogue on every run. Its error messages are worded differently, so a
    file it rejects is parsed again by the Python loader, whose error is reported.
    ``check_depth`` refuses collections nested deeper than ``MAX_DEPTH`` first (skipped
    for the shipped catalogue); the error is a ``RuleError`` without the file name.
    """
    import yaml

    if check_depth:
        try:
            deep = deeper_than(text, MAX_DEPTH)
        except yaml.YAMLError:
            deep = False  # reported below, with the Python loader's wording
        if deep:
            raise RuleError(f"YAML nested more than {MAX_DEPTH} levels deep")
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def _check_types(data: dict[Any, Any], where: str) -> None:
    """Every key a string, every known field of the type the schema says."""
    odd = [key for key in data if not isinstance(key, str)]
    if odd:
        raise RuleError(f"{where}: keys must be strings, not {odd[0]!r}")
    for key in _STRING_KEYS:
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise RuleError(f"{where}: {key} must be a string")
    formats = data.get("formats", [])
    if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
        raise RuleError(f"{where}: formats must be a list drawn from {', '.join(FORMATS)}")


def _check_example(example: Any, number: int, module: ModuleType, where: str) -> None:
    """One ``examples`` entry: exactly one of fail/pass, each field of its type."""
    if (
        not isinstance(example, dict)
        or not all(isinstance(key, str) for key in example)
        or ("fail" in example) == ("pass" in example)
        or set(example) - _EXAMPLE_KEYS
    ):
        raise RuleError(
            f"{where}: example {number} must have exactly one of fail/pass "
            f"and only keys {', '.join(sorted(_EXAMPLE_KEYS))}"
        )
    for key in ("fail", "pass"):  # a page, or the pages of a site rule's example
        value = example.get(key, "")
        pages = value if isinstance(value, list) else [value]
        if not pages or not all(isinstance(page, str) for page in pages):
            raise RuleError(f"{where}: example {number}: {key} must be text or a list of texts")
    if not isinstance(example.get("title", ""), str):
        raise RuleError(f"{where}: example {number}: title must be a string")
    if "format" in example and example["format"] not in FORMATS:
        raise RuleError(f"{where}: example {number}: format must be one of {', '.join(FORMATS)}")
    count = example.get("count", 0)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise RuleError(f"{where}: example {number}: count must be an integer, 0 or more")
    if "params" in example:
        validate_params(module, example["params"], f"{where}: example {number}")
    crawl = example.get("crawl", {})
    if not isinstance(crawl, dict) or not all(
        isinstance(url, str) and isinstance(answer, dict) for url, answer in crawl.items()
    ):
        raise RuleError(f"{where}: example {number}: crawl must map URLs to their answers")
    if not isinstance(example.get("sitemap", ""), str):
        raise RuleError(f"{where}: example {number}: sitemap must be the sitemap's text")


def _read_data(path: Path, check_depth: bool) -> dict[str, Any]:
    """The YAML mapping of one rule file, or a ``RuleError`` naming the file."""
    import yaml

    from linter.inputs import InputError, read_text

    where = str(path)
    try:
        data = _parse_yaml(read_text(where, RULE_MAX_BYTES), check_depth)
    except InputError as error:
        raise RuleError(f"{where}: cannot read: {error.reason}") from None
    except RuleError as error:
        raise RuleError(f"{where}: {error}") from None
    except RecursionError:
        raise RuleError(f"{where}: YAML nested too deeply") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise RuleError(f"{where}: invalid YAML{at}: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a YAML mapping")
    _check_types(data, where)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key(s): {', '.join(unknown)}")
    for key in _REQUIRED:
        if not data.get(key):
            raise RuleError(f"{where}: missing required key {key!r}")
    return data


def _identity(data: dict[str, Any], where: str) -> dict[str, Any]:
    """Code, name, category, severity and message, checked."""
    problem = template_problem(str(data["message"]))
    if problem:
        raise RuleError(f"{where}: message {problem}")
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
    description = str(data["description"]).strip()
    return {
        "code": code,
        "name": name,
        "category": category,
        "severity": severity,
        "message": str(data["message"]),
        "summary": str(data.get("summary") or _first_sentence(description)),
        "description": description,
    }


def _kind_and_params(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The check kind, its params (every declared one given), scope, formats, examples."""
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
        _check_example(example, number, module, where)
    declared = kind_params(module)
    missing = [key for key in declared if key not in params]
    if missing:
        key = missing[0]
        raise RuleError(f"{where}: missing param {key!r} ({declared[key].describe()})")
    return {
        "check": kind,
        "module": module,
        "params": params,
        "scope": scope,
        "formats": tuple(formats),
        "examples": examples,
    }


def load_rule(path: Path, check_depth: bool = True) -> Rule:
    """Parse and validate one rule file (``check_depth``: see ``_parse_yaml``)."""
    where = str(path)
    data = _read_data(path, check_depth)
    fields = _identity(data, where) | _kind_and_params(data, where)
    declared = kind_params(fields["module"])
    extra = _fix_and_anchor(data, declared, where)
    renamed = _renamed(data, declared, where)
    return Rule(**fields, **extra, renamed=renamed, tags=_tags(data, where), path=where)


_TAG = re.compile(r"^[a-z][a-z0-9-]{0,30}$")


def _tags(data: dict[str, Any], where: str) -> tuple[str, ...]:
    """The rule's ``tags``: short lowercase words, checked."""
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) and _TAG.match(t) for t in tags):
        raise RuleError(f"{where}: tags must be a list of lowercase words like 'template'")
    return tuple(tags)


def _renamed(data: dict[str, Any], declared: dict[str, Param], where: str) -> dict[str, str]:
    """The rule's ``renamed`` key, ``{old param name: current name}``, checked: configs
    written before a param was renamed keep working (see ``Rule.with_overrides``)."""
    renamed = data.get("renamed") or {}
    if not isinstance(renamed, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in renamed.items()
    ):
        raise RuleError(f"{where}: renamed must map old param names to current ones")
    for old, new in renamed.items():
        if new not in declared:
            raise RuleError(f"{where}: renamed: unknown param {new!r}")
        if old in declared:
            raise RuleError(f"{where}: renamed: {old!r} is a current param name")
    return dict(renamed)


def _fix_and_anchor(data: dict[str, Any], declared: dict[str, Param], where: str) -> dict[str, Any]:
    """The rule's ``fix``, ``fix_formats``, ``fix_restructures``, ``anchor`` and
    ``settings`` keys, checked."""
    fix = data.get("fix", "suggest")
    if fix not in FIXES:
        raise RuleError(f"{where}: fix must be one of {', '.join(FIXES)}")
    fix_formats = data.get("fix_formats")
    if fix_formats is not None and (
        not isinstance(fix_formats, list) or not set(fix_formats) <= set(FORMATS)
    ):
        raise RuleError(f"{where}: fix_formats must be a list drawn from {', '.join(FORMATS)}")
    restructures = data.get("fix_restructures", False)
    if not isinstance(restructures, bool):
        raise RuleError(f"{where}: fix_restructures must be true or false")
    anchor = data.get("anchor", "span")
    if anchor not in ANCHORS:
        raise RuleError(f"{where}: anchor must be one of {', '.join(ANCHORS)}")
    settings = data.get("settings") or {}
    if not isinstance(settings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and _SETTING.match(v) for k, v in settings.items()
    ):
        raise RuleError(f"{where}: settings must map param names to settings like faq.required")
    for param in settings:
        if param not in declared:
            raise RuleError(f"{where}: settings: unknown param {param!r}")
    return {
        "fix": fix,
        "fix_formats": tuple(fix_formats) if fix_formats is not None else None,
        "fix_restructures": restructures,
        "anchor": anchor,
        "settings": dict(settings),
    }


def builtin_rules_dir() -> Path:
    """The shipped catalogue: inside the wheel, or ``rules/`` in a source checkout."""
    packaged = Path(str(resources.files("linter"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def load_pack(directory: Path, check_depth: bool = True) -> list[Rule]:
    """Every ``*.yaml``/``*.yml`` rule below ``directory``, sorted by path."""
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule pack directory not found")
    try:
        files = sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml"))
    except OSError as error:
        raise RuleError(f"{directory}: cannot list the rule pack: {error.strerror}") from None
    return [load_rule(p, check_depth) for p in files if not p.is_dir()]


@cache
def _builtin() -> tuple[Rule, ...]:
    """The shipped catalogue. Kinds with a ``trust(params)`` hook learn the values of
    the shipped rules, which were reviewed (the ``pattern`` kind runs their patterns
    without a time limit)."""
    rules = tuple(load_pack(builtin_rules_dir(), check_depth=False))
    for rule in rules:
        trust = getattr(rule.module, "trust", None)
        if trust is not None:
            trust(rule.params)
    return rules


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
