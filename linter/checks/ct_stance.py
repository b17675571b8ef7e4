"""CT004: a neutral stance and a verdict on the same question, or "same" against "not same".

"Neither path is automatically better" (or "it depends", answering a "which is better"
question) conflicts with an unhedged, unconditional "administration is the better first
step" later, when both are about the pair the article compares (its title or H1, "A vs
B"). Two verdicts for opposite sides conflict too. "A is the same as B" conflicts with
"A is not the same as B". Hedged verdicts ("may be the better fit") and conditional ones
("better for students who want...") are what "it depends" means, so they never conflict.

Cost: O(n) in article length.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.claims import Claim, conflicts, stance_claims
from linter.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    def clash(a: Claim, b: Claim) -> bool:
        return a.value != b.value

    yield from conflicts(doc, stance_claims(doc), clash)
