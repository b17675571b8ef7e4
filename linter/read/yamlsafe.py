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


def load(text: str) -> Any:
    """The YAML value of ``text``; raises ``yaml.YAMLError`` for broken or too deep YAML."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return yaml.load(text, Loader=_Loader)
