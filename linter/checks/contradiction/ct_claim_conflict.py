"""Claims of one kind (``claims``) that the article makes twice and that cannot both hold.

Each kind of claim is read by its own module, which gives every claim a key (what it is
about) and a value (what it says); ``_pairing.conflicts`` groups the claims by key and
reports each later claim that clashes with an earlier one, on the later claim, naming the
earlier one. Figures (quantity and year claims) clash when they are further apart than
``tolerance`` (relative) or, for percentages, ``percent_points``, and years when they
differ; the values of the other claims clash when they differ.

``claims`` names the module and whether sections about either side of the article's own
comparison ("A vs B") split the groups:

- ``comparative`` (``_comparative``): "A earns more than B" and its reversal;
- ``polarity`` (``_polarity``): "X is (not) required", split by side;
- ``quantity`` (``_quantity``): money, percentages, lengths, counts and event years,
  split by side;
- ``stance`` (``_stance``): verdicts and neutral stances on the article's comparison,
  and "A is (not) the same as B".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from linter.checks.base import NUMBER, Hit, Param, choice
from linter.checks.contradiction._comparative import comparative_claims
from linter.checks.contradiction._pairing import Claim, conflicts
from linter.checks.contradiction._polarity import polarity_claims, polarity_clash
from linter.checks.contradiction._quantity import FIGURES, figure_claims, figures_clash
from linter.checks.contradiction._stance import stance_claims, stance_clash
from linter.model import Document

# claims -> (the document's claims of that kind, whether sides of the comparison split them)
CLAIMS: dict[str, tuple[Callable[[Document], Iterator[Claim]], bool]] = {
    "comparative": (comparative_claims, False),
    "polarity": (polarity_claims, True),
    "quantity": (figure_claims, True),
    "stance": (stance_claims, False),
}

PARAMS: dict[str, Param] = {
    "claims": choice(*CLAIMS),
    "tolerance": NUMBER,
    "percent_points": NUMBER,
}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    claims, by_side = CLAIMS[params["claims"]]
    tolerance = float(params["tolerance"])
    points = float(params["percent_points"])

    def clash(a: Claim, b: Claim) -> bool:
        if a.key[0] in FIGURES:
            return figures_clash(a, b, tolerance, points)
        if a.key[0] == "polarity":
            return polarity_clash(a, b)
        if a.key[0] == "stance":
            return stance_clash(a, b)
        return a.value != b.value

    yield from conflicts(doc, claims(doc), clash, by_side=by_side)
