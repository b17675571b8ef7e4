"""Front matter YAML loaded without the ways a hostile block could crash the reader.

``yaml.safe_load`` turns ``date: 2024-02-30`` into a ``datetime.date`` and fails with a
``ValueError``, and composes nested collections recursively, so a few thousand levels of
``[[[...`` end in ``RecursionError``. Here timestamps stay strings (the reader only wants
``title`` and ``description``), and the nesting depth is measured on the event stream,
which PyYAML parses without recursion, before anything is built.
"""

from __future__ import annotations

from typing import Any

import yaml

# Far deeper than any front matter; far shallower than Python's recursion limit.
MAX_DEPTH = 64


class _Loader(yaml.SafeLoader):
    """``SafeLoader`` whose timestamps are plain strings (no invalid-date errors)."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


class TooDeep(yaml.YAMLError):
    """Collections nested deeper than ``MAX_DEPTH``: not front matter anyone wrote."""


def deeper_than(text: str, limit: int) -> bool:
    """Whether collections in ``text`` nest deeper than ``limit``, found from the parser's
    events: the parsers keep their own stack, while composing nodes recurses once per
    level. libyaml stops at 1,000 levels with an error, so the Python parser counts then.
    Raises ``yaml.YAMLError`` for text that is no YAML."""
    try:
        return _deeper(limit, yaml.parse(text, Loader=yaml.CSafeLoader))
    except (yaml.YAMLError, AttributeError):  # AttributeError: PyYAML without libyaml
        return _deeper(limit, yaml.parse(text, Loader=yaml.SafeLoader))


def _deeper(limit: int, events: Any) -> bool:
    depth = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limit:
                return True
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return False


def load(text: str) -> Any:
    """The YAML value of ``text``; raises ``yaml.YAMLError`` for broken or too deep YAML."""
    if deeper_than(text, MAX_DEPTH):
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")
    return yaml.load(text, Loader=_Loader)
