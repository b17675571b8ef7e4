"""Hypothesis strategies for configuration files (TOML text) and rule packs (YAML files).

Both start from something close to valid, so that many get past validation and reach
the rules, then break it: wrong types, odd and non-string keys, nested values, params
of the wrong type or out of range, message templates ``str.format`` cannot fill, and
text that is not TOML or YAML at all. Depth bombs stay a few hundred levels deep: enough
to find recursion, small enough for an in-process run.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fuzz.strategies import prose, sentence, words

CATEGORIES = ["boilerplate", "faq", "contradiction", "readability", "seo", "hygiene", "site"]


@cache
def catalogue() -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(code, name, check kind, params)`` of every built-in rule (its YAML's values: a
    kind's ``PARAMS`` holds only types)."""
    from linter.rulepack import load_rules

    return [(r.code, r.name, r.check, dict(r.params)) for r in load_rules()]


scalar = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([0, -1, 1, 2**31, -(10**9)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(["", "error", "warning", "info", "ERROR", " info ", "fatal", "*", "HY*"]),
)
nested = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3)), max_leaves=6)
depth_bomb = st.sampled_from([20, 100, 300]).map(lambda n: json.loads("[" * n + "]" * n))


def _like(default: Any) -> st.SearchStrategy[Any]:
    """Values for a param whose default is ``default``: its type (with extremes) or not."""
    if isinstance(default, bool):
        right: st.SearchStrategy[Any] = st.booleans()
    elif isinstance(default, int):
        right = st.one_of(st.integers(-5, 5), st.sampled_from([-(10**9), 10**9, 2**62]))
    elif isinstance(default, float):
        right = st.one_of(st.floats(allow_nan=False), st.sampled_from([-1.0, 0.0, 1e308]))
    elif isinstance(default, list):
        inner = _like(default[0]) if default else scalar
        right = st.lists(inner, max_size=4)
    elif isinstance(default, str):
        right = st.one_of(
            words,
            st.sampled_from(["(", "[", "(a+)+$", "\\", "(?P<x>", "*", "a{99999999}", "main"]),
        )
    else:
        right = scalar
    return st.one_of(right, right, right, nested)


@st.composite
def params_for(draw: Any, defaults: dict[str, Any]) -> dict[Any, Any]:
    """Some of a check's params, with values drawn by ``_like``, and now and then a key
    the check does not have."""
    keys = draw(st.lists(st.sampled_from(sorted(defaults)), max_size=3)) if defaults else []
    params: dict[Any, Any] = {key: draw(_like(defaults[key])) for key in keys}
    if draw(st.integers(0, 9)) == 9:
        params[draw(st.sampled_from(["nope", 1, "", "max words"]))] = draw(scalar)
    return params


# -- configs --------------------------------------------------------------------------
def _toml_key(key: Any) -> str:
    return json.dumps(str(key), ensure_ascii=False)


def toml_value(value: Any) -> str:
    """``value`` as a TOML value (tables inline), or ``"1"`` for what TOML cannot hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if -(2**63) <= value < 2**63 else "1"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string takes JSON's escapes
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return "1"


def toml_text(table: dict[str, Any], wrap: bool) -> str:
    """A TOML file of ``table``, under ``[tool.contentlint]`` when ``wrap``."""
    lines = ["[tool.contentlint]"] if wrap else []
    lines += [f"{_toml_key(k)} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


@st.composite
def config_table(draw: Any) -> dict[str, Any]:
    """A ``[tool.contentlint]`` table: right keys with right or wrong values, odd keys."""
    rules = catalogue()
    names = [c for c, _, _, _ in rules] + [n for _, n, _, _ in rules] + CATEGORIES
    selector = st.one_of(st.sampled_from(names), st.sampled_from(["HY*", "*", "", "ZZ999"]))
    rule = st.sampled_from(rules)
    options: dict[str, st.SearchStrategy[Any]] = {
        "select": st.one_of(st.lists(selector, max_size=3), selector, nested),
        "ignore": st.one_of(st.lists(selector, max_size=3), nested),
        "severity": st.one_of(st.dictionaries(st.sampled_from(names), scalar, max_size=3), scalar),
        "params": st.one_of(
            rule.flatmap(lambda r: params_for(r[3]).map(lambda p: {r[0]: p})),
            rule.flatmap(lambda r: params_for(r[3]).map(lambda p: {r[1]: p})),
            st.dictionaries(st.sampled_from(names), nested, max_size=2),
        ),
        "rule_packs": st.one_of(
            st.lists(st.sampled_from(["pack", "pack/../pack", "missing", ""])), scalar
        ),
        "fail_on": scalar,
        "faq": st.one_of(
            st.fixed_dictionaries(
                {},
                optional={
                    "required": st.lists(sentence, max_size=3),
                    "require_section": st.booleans(),
                    "questions": nested,
                    "other": scalar,
                },
            ),
            scalar,
        ),
        "seo": st.fixed_dictionaries(
            {}, optional={"keyphrase": st.one_of(words, scalar), "infer_keyphrase": scalar}
        ),
        "nlp": st.fixed_dictionaries({}, optional={"model": st.sampled_from(["", "xx_none"])}),
        "unknown_key": scalar,
        "deep": depth_bomb,
    }
    keys = draw(st.lists(st.sampled_from(sorted(options)), max_size=5, unique=True))
    return {key: draw(options[key]) for key in keys}


@st.composite
def config_file(draw: Any) -> tuple[str, bytes]:
    """``(file name, bytes)`` of a config: valid TOML mostly, broken TOML now and then."""
    name = draw(st.sampled_from([".contentlint.toml", "pyproject.toml", "custom.toml"]))
    text = toml_text(draw(config_table()), wrap=name == "pyproject.toml" or draw(st.booleans()))
    breakage = draw(st.integers(0, 9))  # high values break it: hypothesis favours low ones
    if breakage == 9:
        text = text[: draw(st.integers(0, len(text)))]
    elif breakage == 8:
        text = "[tool.contentlint]\n" + draw(st.text(max_size=60))
    elif breakage == 7:
        return name, text.encode("utf-8") + b"\xff\xfe\x00"
    return name, text.encode("utf-8", "surrogatepass")


# -- rule packs -----------------------------------------------------------------------
MESSAGES = ["{word}", "{0}", "{", "}", "{a.b}", "{x[0]}", "{word!r}", "{x:>{y}}", "{{ok}}", "%s"]


@st.composite
def rule_dict(draw: Any, number: int) -> dict[Any, Any]:
    """A rule file's mapping: a real check kind with plausible fields, then broken."""
    _, _, kind, defaults = draw(st.sampled_from(catalogue()))
    category = draw(st.sampled_from([*CATEGORIES, "nope"]))
    rule: dict[Any, Any] = {
        "code": f"ZZ{number:03d}",
        "name": f"{category}.fuzz-{number}",
        "category": category,
        "severity": draw(st.sampled_from(["error", "warning", "info"])),
        "check": kind,
        "message": " ".join(draw(st.lists(st.one_of(words, st.sampled_from(MESSAGES))))),
        "description": draw(prose),
        "params": draw(params_for(defaults)),
    }
    odd: dict[str, st.SearchStrategy[Any]] = {
        "formats": st.one_of(
            st.lists(st.sampled_from(["html", "text", "markdown"]), max_size=3),
            st.sampled_from([[["html"]], "html", [1], None, {"html": 1}, []]),
        ),
        "scope": st.sampled_from(["document", "corpus", "site", 1, None]),
        "examples": st.one_of(
            st.lists(st.fixed_dictionaries({"fail": prose}, optional={"count": scalar})),
            scalar,
        ),
        "summary": st.one_of(sentence, scalar),
        "code": st.one_of(scalar, st.just(f"ZZ{number:03d}")),
        "severity": scalar,
        "message": st.one_of(scalar, nested),
        "params": st.one_of(scalar, nested, depth_bomb),
        "deep": depth_bomb,
    }
    for key in draw(st.lists(st.sampled_from(sorted(odd)), max_size=2, unique=True)):
        rule[key] = draw(odd[key])
    if draw(st.integers(0, 14)) == 14:
        rule[draw(st.sampled_from([1, None, True, 2.5]))] = "non-string key"
    if draw(st.integers(0, 14)) == 13:
        del rule[draw(st.sampled_from(sorted(k for k in rule if isinstance(k, str))))]
    return rule


def _yaml(rule: dict[Any, Any]) -> bytes:
    try:
        return yaml.safe_dump(rule, allow_unicode=True, sort_keys=False).encode("utf-8")
    except (yaml.YAMLError, RecursionError, UnicodeEncodeError):
        return b"code: [unrepresentable\n"


@st.composite
def pack_files(draw: Any) -> dict[str, bytes]:
    """A rule pack: one to three rule files, sometimes garbage or not UTF-8."""
    files: dict[str, bytes] = {}
    for number in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from([f"ZZ{number}.yaml", f"sub/ZZ{number}.yml"]))
        data = _yaml(draw(rule_dict(number + 1)))
        breakage = draw(st.integers(0, 11))  # high values break it, as in config_file
        if breakage == 11:
            data = data[: draw(st.integers(0, len(data)))]
        elif breakage == 10:
            data = b"\xff\xfe" + data
        elif breakage == 9:
            data = draw(st.text(max_size=80)).encode("utf-8", "surrogatepass")
        elif breakage == 8:  # a small alias bomb
            data = b"a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n" + data
        files[name] = data
    return files
