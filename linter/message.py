"""Rule message templates: checked when a rule pack loads, filled for each finding.

A message is a ``str.format`` template over the check's arguments (``"Repeated
{what}"``). A rule pack is user input, so a template that cannot be filled for every
finding (``{0}``, ``{a.b}``, an unclosed ``{``, a width of a billion characters) is
refused when the pack loads, with the file named; a format spec that does not suit a
value (``{count:.1f}`` when a check passes text) falls back to the plain value rather
than failing the document.
"""

from __future__ import annotations

import re
import string
from typing import Any

# A width or precision past this is a memory bomb, not a layout.
_MAX_SPEC_NUMBER = 200
_NUMBER = re.compile(r"\d+")
_FORMATTER = string.Formatter()


class MessageArgs(dict):
    """Leaves unknown placeholders visible instead of failing the whole message."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def template_problem(message: str) -> str | None:
    """Why ``message`` cannot be filled for every finding, or None when it can."""
    try:
        fields = list(_FORMATTER.parse(message))
    except ValueError as error:
        return f"is not a valid template ({error}); write a literal brace as {{{{ or }}}}"
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier():
            return f"field {{{name}}} must be a plain name such as {{count}}"
        if conversion not in (None, "r", "s", "a"):
            return f"field {{{name}}} has an unknown conversion !{conversion}"
        if spec and "{" in spec:
            return f"field {{{name}}} has a nested field in its format spec"
        if spec and any(int(n) > _MAX_SPEC_NUMBER for n in _NUMBER.findall(spec)):
            return f"field {{{name}}} asks for a width over {_MAX_SPEC_NUMBER} characters"
    return None


def fill(message: str, args: dict[str, Any]) -> str:
    """``message`` with ``args`` filled in; unknown names stay visible as ``{name}``."""
    try:
        return message.format_map(MessageArgs(args))
    except (ValueError, TypeError, AttributeError, IndexError, KeyError):
        return _fill_loosely(message, args)


def _fill_loosely(message: str, args: dict[str, Any]) -> str:
    """Field by field: a spec or conversion the value does not take is dropped."""
    parts: list[str] = []
    try:
        fields = list(_FORMATTER.parse(message))
    except ValueError:
        return message
    for literal, name, spec, conversion in fields:
        parts.append(literal)
        if name is None:
            continue
        if name not in args:
            parts.append("{" + name + "}")
            continue
        value = args[name]
        try:
            value = _FORMATTER.convert_field(value, conversion) if conversion else value
            parts.append(format(value, spec or ""))
        except (ValueError, TypeError):
            parts.append(str(value))
    return "".join(parts)
