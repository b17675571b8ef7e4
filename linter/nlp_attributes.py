"""spaCy's attribute ruler, matched by looking up each token's tag.

A trained English pipeline's ``attribute_ruler`` maps fine tags to coarse parts of
speech and sets a few lemmas and morphology (179 one- or two-token patterns in
en_core_web_sm). spaCy's ``Matcher`` tries every pattern at every token, which costs a
sixth of the whole parse of a claim sentence; almost every pattern names one tag, so
indexing the patterns by it finds the same matches for a few dictionary look-ups a
token. ``speed_up(ruler)`` swaps the ruler's ``match`` for this one; the rest of the
ruler (which attributes a match sets, in which order) is spaCy's own.
``tests/test_nlp.py`` checks the two give the same tokens on real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# One token of a pattern: a test per attribute.
_Test = Callable[[Any], bool]

_GETTERS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}


def _any(token: Any) -> bool:
    return True


_ANY: _Test = _any


def _value_test(value: Any) -> Callable[[Any], bool] | None:
    if isinstance(value, (str, bool)):
        return lambda got: got == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            members = frozenset(arg)
            return lambda got: got in members
        if op == "NOT_IN":
            members = frozenset(arg)
            return lambda got: got not in members
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda got: pattern.search(str(got)) is not None
    return None


def _token_test(spec: dict[str, Any]) -> _Test | None:
    if not spec:
        return _ANY
    tests = []
    for name, value in spec.items():
        getter, test = _GETTERS.get(name), _value_test(value)
        if getter is None or test is None:
            return None
        tests.append((getter, test))
    return lambda token: all(test(getter(token)) for getter, test in tests)


_INDEXED = ("TAG", "LOWER", "DEP")


class TagIndexedMatch:
    """``AttributeRuler.match`` by look-up of each token's (tag, lower-case form,
    dependency), each possibly a wildcard; patterns on white space are tried on white
    space only. ``build`` gives None when a pattern uses something it does not know (the
    ruler then keeps spaCy's matcher)."""

    def __init__(self, index: dict[tuple[int, ...], list[Any]], space: list[Any]) -> None:
        self.index = index
        self.space = space

    @classmethod
    def build(cls, ruler: Any) -> TagIndexedMatch | None:
        index: dict[tuple[int, ...], list[Any]] = {}
        space: list[Any] = []
        strings = ruler.vocab.strings
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = strings.add(str(attr_id))
            for pattern in entry["patterns"]:
                if not pattern:
                    return None
                first = dict(pattern[0])
                keys: list[list[int]] = []
                for name in _INDEXED:
                    value = first.get(name)
                    if isinstance(value, dict) and list(value) == ["IN"]:
                        value = value["IN"]
                    if isinstance(value, str):
                        value = [value]
                    if isinstance(value, list):
                        keys.append([strings.add(v) for v in value])
                        first.pop(name)
                    else:
                        keys.append([0])
                on_space = first.get("IS_SPACE") is True
                if on_space:
                    first.pop("IS_SPACE")
                tests = [_token_test(first), *(_token_test(spec) for spec in pattern[1:])]
                if any(t is None for t in tests):
                    return None
                # a one-token pattern fully decided by the look-up needs no test
                rule = (attr_id, match_id, None if tests == [_ANY] else tests)
                if on_space:
                    space.append(rule)
                    continue
                for tag in keys[0]:
                    for low in keys[1]:
                        for dep in keys[2]:
                            index.setdefault((tag, low, dep), []).append(rule)
        return cls(index, space)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        found: set[tuple[int, int, int, int]] = set()
        n = len(doc)
        get = self.index.get
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if n else []
        for i, (tag, low, dep, is_space) in enumerate(rows):
            for key in (
                (tag, low, dep), (tag, low, 0), (tag, 0, dep), (tag, 0, 0),
                (0, low, dep), (0, low, 0), (0, 0, dep), (0, 0, 0),
            ):  # fmt: skip
                for rule in get(key, ()):
                    self._try(doc, i, n, rule, found)
            if is_space:
                for rule in self.space:
                    self._try(doc, i, n, rule, found)
        return sorted(found)

    @staticmethod
    def _try(doc: Any, i: int, n: int, rule: Any, found: set[tuple[int, int, int, int]]) -> None:
        attr_id, match_id, tests = rule
        if tests is None:
            found.add((attr_id, match_id, i, i + 1))
            return
        end = i + len(tests)
        if end <= n and all(test(doc[i + k]) for k, test in enumerate(tests)):
            found.add((attr_id, match_id, i, end))


def speed_up(ruler: Any) -> None:
    """Give ``ruler`` (a spaCy ``AttributeRuler``) the tag-indexed ``match``."""
    fast = TagIndexedMatch.build(ruler)
    if fast is not None:
        ruler.match = fast
