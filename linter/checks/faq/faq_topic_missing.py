"""Reports each of ``topics`` that no FAQ entry covers (``covered``: by meaning, at
``threshold``, answers counting ``answer_weight``), once per topic at ``faq_anchor``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import FRACTION, SHARE, TEXTS, Hit, Param
from linter.checks.faq._coverage import uncovered_topics
from linter.model import Document

PARAMS: dict[str, Param] = {"topics": TEXTS, "threshold": SHARE, "answer_weight": FRACTION}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    yield from uncovered_topics(doc, list(params["topics"]), params)
