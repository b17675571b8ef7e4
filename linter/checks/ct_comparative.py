"""CT003: a comparison flipped later ("A earns more than B", then "B earns more than A").

Claims are keyed by (dimension, the pair, scope); the dimension folds synonyms (earn, pay,
salary, compensation; harder, more difficult) and antonyms (more/less, higher/lower,
better/worse) into one direction, so "B has a lower salary than A" agrees with "A earns
more than B". Hedged, negated and conditional comparisons are not claims.

Cost: O(n) in article length.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.claims import Claim, comparative_claims, conflicts
from linter.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    def clash(a: Claim, b: Claim) -> bool:
        return a.value != b.value

    yield from conflicts(doc, comparative_claims(doc), clash)
