"""Finds, reads and validates configuration.

Configuration lives in ``.contentlint.toml`` or under ``[tool.contentlint]`` in
``pyproject.toml``, found from the working directory upward, or in a file named with
``--config``. Unknown keys are errors: a typo in a config file must not silently turn a
rule off.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from linter.model import Severity
from linter.rulepack import CATEGORIES, Rule, RuleError


class ConfigError(Exception):
    """A configuration problem; the message names the file."""


# Hostile or mistaken values get a one-line error naming the key instead of slow runs:
# limits far above anything a real config holds.
MAX_STRING = 4096  # characters of one string value
MAX_ITEMS = 1000  # entries of one list or table
MAX_DEPTH = 8  # tables and lists inside one another (the deepest real one has 3)

_KEYS = {
    "select",
    "extend_select",
    "ignore",
    "extend_ignore",
    "severity",
    "params",
    "rule_packs",
    "fail_on",
    "faq",
    "seo",
    "nlp",
    "audit",
}
# Which files a walk leaves out and which rules skip which files (``linter.exclude``).
_FILE_KEYS = {"exclude", "extend_exclude", "per_file_ignores", "respect_gitignore", "force_exclude"}
_KEYS |= _FILE_KEYS

# Run-wide settings: tables of the config whose values reach the rules that declare them
# (a rule's YAML ``settings`` maps a param to a setting such as "faq.required"); each
# setting has the type of the params it fills. A setting left unset leaves the rule's
# own param. ``nlp.model`` is read by the pipeline, not by a rule.
_TABLES = ("faq", "seo", "nlp")


def settings_schema() -> dict[str, dict[str, Any]]:
    """``{table: {key: Param}}`` of the settings a config may set."""
    from linter.checks.base import TEXT
    from linter.rulepack import kind_params, load_rules

    schema: dict[str, dict[str, Any]] = {table: {} for table in _TABLES}
    schema["nlp"]["model"] = TEXT
    for rule in load_rules():
        declared = kind_params(rule.module)
        for param, setting in rule.settings.items():
            table, key = setting.split(".", 1)
            if table in schema:
                schema[table].setdefault(key, declared[param])
    return schema


@dataclass
class Config:
    """Validated settings; ``path`` is where they came from (None for defaults)."""

    path: Path | None = None
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_packs: list[Path] = field(default_factory=list)
    fail_on: Severity | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    exclude: list[str] | None = None  # None: the default excludes
    extend_exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    respect_gitignore: bool = True
    force_exclude: bool = False
    # ``[audit]``: where ``audit`` runs its pages (``--engine``, ``--scheduler``).
    audit_engine: str | None = None
    audit_scheduler: str | None = None

    @property
    def base(self) -> Path:
        """Where the config's relative paths and globs are anchored: its directory."""
        return self.path.parent if self.path else Path.cwd()


def _string_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return value


def _check_sizes(value: Any, key: str, where: str, depth: int = 0) -> None:
    """Refuse strings, lists, tables and nesting beyond the limits above, naming the key."""
    if depth > MAX_DEPTH:
        raise ConfigError(f"{where}: {key}: nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str) and len(value) > MAX_STRING:
        raise ConfigError(f"{where}: {key}: string longer than {MAX_STRING:,} characters")
    if isinstance(value, list | dict) and len(value) > MAX_ITEMS:
        raise ConfigError(f"{where}: {key}: more than {MAX_ITEMS:,} entries")
    if isinstance(value, dict):
        for name, item in value.items():
            _check_sizes(item, f"{key}.{name}" if key else str(name), where, depth + 1)
    elif isinstance(value, list):
        for number, item in enumerate(value):
            _check_sizes(item, f"{key}[{number}]", where, depth + 1)


def parse_config(data: dict[str, Any], path: Path | None) -> Config:
    """Validate a ``[tool.contentlint]`` table."""
    where = str(path) if path else "config"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: [tool.contentlint] must be a table")
    _check_sizes(data, "", where)
    _refuse_unknown_keys(data, where)
    config = Config(path=path)
    for key in ("select", "extend_select", "ignore", "extend_ignore"):
        setattr(config, key, _string_list(data.get(key, []), key, where))
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{where}: severity must be a table of rule = level")
    for rule, level in severity.items():
        if not isinstance(level, str):
            raise ConfigError(f"{where}: severity.{rule} must be a string (error, warning, info)")
        try:
            config.severity[rule] = Severity.parse(level)
        except ValueError as error:
            raise ConfigError(f"{where}: severity.{rule}: {error}") from None
    params = data.get("params", {})
    if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
        raise ConfigError(f"{where}: params must be a table of tables ([params.BP001])")
    config.params = params
    base = path.parent if path else Path.cwd()
    config.rule_packs = [
        (base / p).resolve() for p in _string_list(data.get("rule_packs", []), "rule_packs", where)
    ]
    config.settings = _parse_settings(data, where)
    _parse_files(config, data, where)
    _parse_audit(config, data, where)
    if "fail_on" in data:
        if not isinstance(data["fail_on"], str):
            raise ConfigError(f"{where}: fail_on must be a string (error, warning, info)")
        try:
            config.fail_on = Severity.parse(data["fail_on"])
        except ValueError as error:
            raise ConfigError(f"{where}: fail_on: {error}") from None
    return config


def _refuse_unknown_keys(data: dict[str, Any], where: str) -> None:
    """Unknown keys fail; ruff's spelling (``extend-select``) is pointed to ours."""
    unknown = sorted(set(data) - _KEYS)
    if not unknown:
        return
    hints = [
        f"{key} -> {key.replace('-', '_')}" for key in unknown if key.replace("-", "_") in _KEYS
    ]
    hint = f"; keys are spelled with '_': {', '.join(hints)}" if hints else ""
    raise ConfigError(
        f"{where}: unknown key(s): {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))}){hint}"
    )


def _parse_files(config: Config, data: dict[str, Any], where: str) -> None:
    """The exclusion keys: lists of globs, a table of glob = selectors, two flags."""
    if "exclude" in data:
        config.exclude = _string_list(data["exclude"], "exclude", where)
    config.extend_exclude = _string_list(data.get("extend_exclude", []), "extend_exclude", where)
    for flag in ("respect_gitignore", "force_exclude"):
        if flag in data:
            if not isinstance(data[flag], bool):
                raise ConfigError(f"{where}: {flag} must be true or false")
            setattr(config, flag, data[flag])
    table = data.get("per_file_ignores", {})
    if not isinstance(table, dict):
        raise ConfigError(f'{where}: per_file_ignores must be a table of glob = ["CODE", ...]')
    config.per_file_ignores = {
        glob: _string_list(selectors, f"per_file_ignores.{glob}", where)
        for glob, selectors in table.items()
    }


def _parse_audit(config: Config, data: dict[str, Any], where: str) -> None:
    """``[audit] engine = "local" | "dask"`` and ``[audit] scheduler = "tcp://host:8786"``."""
    table = data.get("audit", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: audit must be a table ([audit])")
    unknown = sorted(set(table) - {"engine", "scheduler"})
    if unknown:
        raise ConfigError(f"{where}: unknown key audit.{unknown[0]} (known: engine, scheduler)")
    engine = table.get("engine")
    if engine is not None and engine not in ("local", "dask"):
        raise ConfigError(f'{where}: audit.engine must be "local" or "dask"')
    scheduler = table.get("scheduler")
    if scheduler is not None and (not isinstance(scheduler, str) or not scheduler.strip()):
        raise ConfigError(f"{where}: audit.scheduler must be an address (tcp://host:8786)")
    config.audit_engine, config.audit_scheduler = engine, scheduler


def _parse_settings(data: dict[str, Any], where: str) -> dict[str, Any]:
    """``{"faq.required": [...], ...}`` from the ``[faq]`` and ``[seo]`` tables."""
    settings: dict[str, Any] = {}
    for table, schema in settings_schema().items():
        values = data.get(table, {})
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: {table} must be a table ([{table}])")
        for key, value in values.items():
            if key not in schema:
                known = ", ".join(sorted(schema))
                raise ConfigError(f"{where}: unknown key {table}.{key} (known: {known})")
            if not schema[key].accepts(value):
                raise ConfigError(f"{where}: {table}.{key} must be {schema[key].describe()}")
            if (table, key) == ("nlp", "model") and value:
                problem = pipeline_problem(value)
                if problem:
                    raise ConfigError(f"{where}: nlp.model: {problem}")
            settings[f"{table}.{key}"] = value
    return settings


def pipeline_problem(name: str) -> str | None:
    """Why ``name`` is not an installed spaCy pipeline package, or None if it is one.

    Only a plain identifier is looked up (``../../x`` or ``a.b`` never reach the import
    system, and a top-level ``find_spec`` runs no code); the package must hold spaCy's
    ``meta.json`` or ``config.cfg``, so ``os`` is refused here and not on every file.
    """
    import importlib.util
    import keyword

    if not name.isidentifier() or keyword.iskeyword(name):
        return f"{name!r} is not a spaCy pipeline name (a package name such as en_core_web_sm)"
    spec = importlib.util.find_spec(name)
    if spec is None:
        return f"spaCy pipeline {name!r} is not installed (see the README)"
    for location in spec.submodule_search_locations or ():
        base = Path(location)
        if (base / "meta.json").is_file() or (base / "config.cfg").is_file():
            return None
    return f"{name!r} is installed but is not a spaCy pipeline (no meta.json or config.cfg)"


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML at ``path``, read only up to ``CONFIG_MAX_BYTES`` (``/dev/zero`` too)."""
    from linter.inputs import CONFIG_MAX_BYTES, InputError, read_text

    try:
        return tomllib.loads(read_text(str(path), CONFIG_MAX_BYTES))
    except InputError as error:
        raise ConfigError(f"{path}: cannot read: {error.reason}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def load_config_file(path: Path) -> Config:
    """Read a named config file: a ``pyproject.toml`` or a ``.contentlint.toml``."""
    data = _read_toml(path)
    tool = data.get("tool", {})
    if path.name == "pyproject.toml":
        data = tool.get("contentlint", {}) if isinstance(tool, dict) else {}
    elif isinstance(tool, dict) and "contentlint" in tool:
        data = tool["contentlint"]
    return parse_config(data, path)


def discover(start: Path | None = None) -> Config:
    """The nearest config from ``start`` upward, or the defaults if there is none."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        dotfile = folder / ".contentlint.toml"
        if dotfile.is_file():
            return load_config_file(dotfile)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "contentlint" in tool:
                return parse_config(data["tool"]["contentlint"], pyproject)
    return Config()


_PREFIX = re.compile(r"^([A-Z]{2,4})(\d{0,3})$")


def _is_prefix(selector: str, code: str) -> bool:
    """``BP``, ``BP00`` or ``SEO01`` against ``BP001``: the letters whole, the digits a start,
    as ruff's prefixes (``S`` is not ``SEO``, as ruff's ``S`` is not ``SIM``)."""
    match = _PREFIX.match(selector)
    if match is None:
        return False
    letters = code.rstrip("0123456789")
    return letters == match[1] and code[len(letters) :].startswith(match[2])


def _matches(selector: str, rule: Rule) -> bool:
    if selector == "ALL" or selector in (rule.code, rule.name, rule.category):
        return True
    if selector in rule.tags or _is_prefix(selector, rule.code):
        return True
    return any(fnmatchcase(key, selector) for key in (rule.code, rule.name))


def _specificity(selector: str, rules: Sequence[Rule]) -> int:
    """How narrow ``selector`` is: within one source the narrower one wins, as in ruff
    (``select = ["BP"]``, ``ignore = ["BP005"]`` and the reverse both keep the narrow word)."""
    if selector == "ALL":
        return 0
    if selector in CATEGORIES or any(selector in r.tags for r in rules):
        return 1
    if any(selector in (r.code, r.name) for r in rules):
        return 100
    return 2 + len(selector.replace("*", "").replace("?", ""))


_SELECTORS = ("select", "extend_select", "ignore", "extend_ignore")


@dataclass(frozen=True)
class Selection:
    """The rule selectors of one source (the config file, or the command line).

    ``select`` replaces what earlier sources chose (empty: keep it), ``extend_select`` adds,
    ``ignore`` and ``extend_ignore`` remove, as ruff layers its config and command line.
    """

    select: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    extend_ignore: Sequence[str] = ()
    where: str = "config"
    options: bool = False  # name the keys as command-line options (--extend-select)

    def validate(self, rules: Sequence[Rule]) -> None:
        """A selector that matches nothing at all is a typo; one whose rules an earlier
        source already dropped, or this one also ignores, is not."""
        for key in _SELECTORS:
            for selector in getattr(self, key):
                if selector not in CATEGORIES and not any(_matches(selector, r) for r in rules):
                    name = "--" + key.replace("_", "-") if self.options else key
                    raise ConfigError(
                        f"{self.where}: {name}: {selector!r} matches no rule, code prefix, "
                        "name, category or tag"
                    )

    def apply(self, rules: Sequence[Rule], chosen: set[str]) -> set[str]:
        """The codes chosen after this source, from those ``chosen`` before it."""
        self.validate(rules)
        words = [(s, True) for s in (*self.select, *self.extend_select)]
        words += [(s, False) for s in (*self.ignore, *self.extend_ignore)]
        # Broad words first, narrow ones last; at equal width an ignore beats a select.
        words.sort(key=lambda word: (_specificity(word[0], rules), not word[1]))
        updates: dict[str, bool] = {}
        for selector, on in words:
            updates.update((r.code, on) for r in rules if _matches(selector, r))
        result = set() if self.select else set(chosen)
        result |= {code for code, on in updates.items() if on}
        return result - {code for code, on in updates.items() if not on}


def resolve_selection(rules: list[Rule], sources: Sequence[Selection]) -> list[Rule]:
    """The rules the ``sources`` choose, applied in order (config, then command line),
    starting from every rule; unknown selectors fail."""
    chosen = {rule.code for rule in rules}
    for source in sources:
        chosen = source.apply(rules, chosen)
    return [rule for rule in rules if rule.code in chosen]


def config_selection(config: Config) -> Selection:
    """The config file's selectors, as a ``Selection`` to layer under the command line's."""
    where = str(config.path) if config.path else "config"
    return Selection(*(getattr(config, key) for key in _SELECTORS), where=where)


def select_rules(
    rules: list[Rule], select: list[str], ignore: list[str], where: str = "config"
) -> list[Rule]:
    """Rules chosen by ``select`` (all if empty) minus ``ignore``; unknown selectors fail."""
    return resolve_selection(rules, [Selection(select, ignore=ignore, where=where)])


def apply_overrides(
    rules: list[Rule], config: Config, known: Sequence[Rule] | None = None
) -> list[Rule]:
    """Rules with the config's severity and params applied; a key naming no rule of
    ``known`` (the catalogue; default ``rules``) fails. A key naming a rule the selection
    left out is no error: ``--select BP`` must work beside ``[severity] RD004``."""
    where = str(config.path) if config.path else "config"
    by_key = {key: rule for rule in (known or rules) for key in (rule.code, rule.name)}
    for table in ("severity", "params"):
        for key in getattr(config, table):
            if key not in by_key:
                raise ConfigError(f"{where}: {table}.{key}: no such rule")
    result = []
    for rule in rules:
        severity = config.severity.get(rule.code) or config.severity.get(rule.name)
        params = {
            param: config.settings[setting]
            for param, setting in rule.settings.items()
            if setting in config.settings
        }
        params.update(config.params.get(rule.name, {}))
        params.update(config.params.get(rule.code, {}))
        try:
            result.append(rule.with_overrides(severity, params))
        except RuleError as error:
            raise ConfigError(f"{where}: {error}") from None
    return result


def per_file_ignores(config: Config, catalogue: list[Rule]):
    """``per_file_ignores`` compiled against ``catalogue``; an unknown selector fails."""
    from linter.exclude import per_file_ignores as compile_table

    where = str(config.path) if config.path else "config"
    codes_of: dict[str, frozenset[str]] = {}
    for glob, selectors in config.per_file_ignores.items():
        for selector in selectors:
            codes = frozenset(r.code for r in catalogue if _matches(selector, r))
            if not codes and selector not in CATEGORIES:
                raise ConfigError(
                    f"{where}: per_file_ignores.{glob}: {selector!r} matches no rule, "
                    "name, category or tag"
                )
            codes_of[selector] = codes
    return compile_table(config.per_file_ignores, config.base, codes_of)
