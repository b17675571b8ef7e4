"""Whether a fix's span holds the text its finding flagged, and nothing else.

A fix replaces ``start:end`` of the file. If a reader mapped a word to the wrong place
(a tab, a stray byte) or a span runs across markup (``**the** the``), that span holds
something other than the flagged words, and replacing it would damage the file; so
``--fix`` only applies a fix whose span, read as text, is the finding's excerpt.
"""

from __future__ import annotations

from linter.entities import unescape
from linter.model import Finding

_ELLIPSIS = "…"


def _words(text: str) -> str:
    return " ".join(text.split())


def flagged_text_at(text: str, finding: Finding, fmt: str) -> bool:
    """Whether ``text[finding.start:finding.end]`` reads as ``finding.excerpt``.

    White space is compared as runs (a soft line break is a space in the excerpt) and, in
    HTML, character references as the characters they stand for. Any markup character in
    the span makes it differ, since the excerpt holds text only.
    """
    span = text[finding.start : finding.end]
    if fmt == "html":
        if "<" in span:
            return False
        span = unescape(span)
    span, excerpt = _words(span), finding.excerpt
    if excerpt.endswith(_ELLIPSIS) and len(span) >= len(excerpt):
        return span.startswith(excerpt[: -len(_ELLIPSIS)])
    return span == excerpt
