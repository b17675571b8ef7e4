"""SEO006: a meta description too long or too short for the snippet.

Google shows about 155-160 characters (Yoast and Screaming Frog use 160 and 70): a
longer description is cut mid-sentence, a much shorter one leaves the snippet half
empty, so search engines are likelier to replace it with page text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, block_hit
from linter.model import META, Document

PARAMS: dict[str, Any] = {"min_chars": 70, "max_chars": 160}
FORMATS = ("html",)


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    block = next(
        (b for b in doc.blocks if b.kind == META and b.attrs.get("name") == "description"), None
    )
    if block is None:
        return
    chars = len(block.text)
    if chars > params["max_chars"]:
        yield block_hit(block, 0, chars, chars=chars, problem="long", limit=params["max_chars"],
                        advice="it will be cut off in search results; keep the key point in "
                        f"the first {params['max_chars']} characters")  # fmt: skip
    elif chars < params["min_chars"]:
        yield block_hit(block, 0, chars, chars=chars, problem="short", limit=params["min_chars"],
                        advice="search engines may replace it with text from the page; "
                        "say what the reader will find here")  # fmt: skip
