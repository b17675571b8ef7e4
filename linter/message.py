"""Rule message templates: checked when a rule pack loads, filled for each finding.

A message is a ``str.format`` template over the check's arguments (``"Repeated
{what}"``). A rule pack is user input, so a template that cannot be filled for every
finding (``{0}``, ``{a.b}``, an unclosed ``{``, a width of a billion characters) is
refused when the pack loads, with the file named; a format spec that does not suit a
value (``{count:.1f}`` when a check passes text) falls back to the plain value rather
than failing the document.

A count takes its noun in the spec, singular and plural: ``{words:word|words}`` reads
"1 word" and "264 words", so no message says "Only 1 words". English plurals are not
guessed (entry/entries, is/are), the template names both forms.
"""

from __future__ import annotations

import re
import string
from typing import Any

# A width or precision past this is a memory bomb, not a layout.
_MAX_SPEC_NUMBER = 200
_NUMBER = re.compile(r"\d+")
_FORMATTER = string.Formatter()


def plural(count: Any, singular: str, plural_form: str | None = None) -> str:
    """``count`` with the noun that agrees with it: "1 file", "2 files", "0 entries"."""
    return f"{count} {singular if _is_one(count) else (plural_form or singular + 's')}"


def _is_one(value: Any) -> bool:
    """Whether a count takes the singular: 1 does, 1.0 does not ("1.0 words on average")."""
    if isinstance(value, str):
        return value.strip() == "1"
    return isinstance(value, int) and not isinstance(value, bool) and value == 1


def _counted(value: Any, spec: str) -> str:
    """A ``{name:one|many}`` field: the value and the form of the noun that agrees with it."""
    singular, _, many = spec.partition("|")
    return plural(value, singular, many)


class _MessageFormatter(string.Formatter):
    """``str.format`` plus the ``{count:one|many}`` plural spec."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            return _counted(value, format_spec)
        return super().format_field(value, format_spec)


_MESSAGE_FORMATTER = _MessageFormatter()


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
        if spec and "|" in spec:
            one, _, many = spec.partition("|")
            if not one.strip() or not many.strip() or "|" in many:
                return f"field {{{name}}} needs both forms of its noun, as in {{{name}:word|words}}"
            continue
        if spec and any(int(n) > _MAX_SPEC_NUMBER for n in _NUMBER.findall(spec)):
            return f"field {{{name}}} asks for a width over {_MAX_SPEC_NUMBER} characters"
    return None


def fill(message: str, args: dict[str, Any]) -> str:
    """``message`` with ``args`` filled in; unknown names stay visible as ``{name}``."""
    try:
        return _MESSAGE_FORMATTER.vformat(message, (), MessageArgs(args))
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
            parts.append(_MESSAGE_FORMATTER.format_field(value, spec or ""))
        except (ValueError, TypeError):
            parts.append(str(value))
    return "".join(parts)


# "line {line}" and "lines {lines}" in a message template (a place the message names).
_LINE_FIELD = re.compile(r"\blines? (?=\{)")


def paragraph_places(template: str) -> str:
    """A message template whose places are paragraphs: "first at line {line}" as "first
    at ¶{line}", for documents numbered by paragraph (Word), where "line 12" would send
    an editor looking for a line Word never numbers."""
    return _LINE_FIELD.sub("¶", template)
