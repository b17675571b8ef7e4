"""Text from pages and file names made safe to print.

A file name with a newline could forge a finding line in the text report, and an
escape sequence in a page title reaches the terminal raw. Control characters (C0 but
tab, DEL, C1) are shown as escapes (``\\n``, ``\\x1b``), and a file name byte that is
not UTF-8 (a lone surrogate from ``surrogateescape``) as ``\\xff``.
"""

from __future__ import annotations

import re

MESSAGE_LIMIT = 500  # characters of a message shown; a message quoting a 200 KB block

_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
# For a quoted CSV cell, where a line break is data: everything above but CR and LF.
_UNSAFE_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, *, line_breaks: bool = False) -> str:
    """``text`` with control characters and undecodable bytes written as escapes
    (``line_breaks``: but CR and LF kept, for a quoted CSV cell)."""
    unsafe = _UNSAFE_IN_CELL if line_breaks else _UNSAFE
    return unsafe.sub(_escape, text) if unsafe.search(text) else text


def capped(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message as a terminal or a line-based report shows it: escaped, then capped."""
    return capped(visible(text), limit)
