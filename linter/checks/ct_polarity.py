"""CT005: the same claim asserted and denied ("a degree is (not) required for ...").

A claim is (subject, predicate, complement, scope) with a polarity; antonym predicates
("optional" for "not required", "prohibited" for "not allowed") fold into one predicate
with the opposite polarity. Hedged claims ("may be required", "is often optional") and
conditional ones ("if", "unless") are never claims, so they never contradict their
unhedged form.

Cost: O(n) in article length.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.claims import Claim, conflicts, polarity_claims
from linter.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    def clash(a: Claim, b: Claim) -> bool:
        return a.value != b.value

    yield from conflicts(doc, polarity_claims(doc), clash, by_side=True)
