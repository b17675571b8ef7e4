"""Reports each topic of ``required`` that no FAQ entry covers (``covered``: by meaning,
at ``threshold``, answers counting ``answer_weight``), once per topic at ``faq_anchor``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import NUMBER, TEXTS, Hit, Param
from linter.checks.faq._coverage import uncovered_topics, validate_coverage
from linter.model import Document

PARAMS: dict[str, Param] = {"required": TEXTS, "threshold": NUMBER, "answer_weight": NUMBER}

validate = validate_coverage


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    yield from uncovered_topics(doc, list(params["required"]), params)
