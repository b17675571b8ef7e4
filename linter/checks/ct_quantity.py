"""CT002: the same attribute of the same subject given two values that cannot both hold.

"Tuition is $4,200 a year" and later "tuition of $5,900 a year" cannot both be true. Money
($85k = 85,000 dollars), percentages and programme lengths (weeks, months, years, in days)
are normalised by ``linter.claims``, and so are founding and birth years of a named
subject ("Acme was founded in 1998"); ranges conflict only when they do not overlap, and
values within ``tolerance`` (10 % by default; for percentages ``percent_points``, 2 points)
are rounding, not a conflict. Claims are
grouped by (dimension, unit, subject, qualifiers, per-period, scope), so different years,
places, subjects or "per month" versus "per year" never meet.

Cost: O(n) in article length (one regex pass per sentence, a dict of groups, at most a
handful of earlier values compared per claim).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import chain
from typing import Any

from linter.checks.base import Hit
from linter.claims import Claim, conflicts, quantities_conflict, quantity_claims, year_claims
from linter.model import Document

PARAMS = {"tolerance": 0.1, "percent_points": 2.0}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    tolerance = float(params["tolerance"])
    points = float(params["percent_points"])

    def clash(a: Claim, b: Claim) -> bool:
        if a.key[0] == "year":
            return a.value != b.value  # a year is exact: no rounding
        if a.key[2] == "%":
            # Percentages are rounded in points, not in relative terms: 12 % and 13 % are
            # rounding, 92 % and 88 % are two different figures.
            return quantities_conflict(a.value, b.value, 0.0, slack=points)
        return quantities_conflict(a.value, b.value, tolerance)

    claims = sorted(
        chain(quantity_claims(doc), year_claims(doc)),
        key=lambda c: (c.sentence.block.index, c.start),
    )
    yield from conflicts(doc, iter(claims), clash, by_side=True)
