"""``html.unescape`` that cannot fail on a hostile character reference.

``html.unescape`` turns ``&#`` + digits into ``int`` first, and Python refuses to convert
more than 4,300 digits (a ``ValueError``); one attribute like that used to crash every
rule that reads attributes. A numeric reference too large to be a code point decodes to
U+FFFD, as HTML5 says and as ``html.unescape`` already does for merely large values.
"""

from __future__ import annotations

import html
import re

# Numbers that cannot be a code point (over 0x10FFFF) however their leading zeros run:
# more than 7 significant decimal digits or 6 significant hex digits.
_HUGE = re.compile(r"&#(?:[xX]0*[0-9a-fA-F]{7,}|0*[0-9]{8,});?")


def unescape(text: str) -> str:
    """``html.unescape(text)``, with out-of-range numeric references as U+FFFD."""
    if "&" not in text:
        return text
    if "&#" in text:
        text = _HUGE.sub("\ufffd", text)
    return html.unescape(text)
