"""Reports each question of ``questions`` (``--questions FILE``) that no FAQ entry
covers, as ``faq_required_missing`` does for its topics.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.checks.base import FRACTION, SHARE, TEXTS, Hit, Param
from linter.checks.faq._coverage import uncovered_topics
from linter.model import Document

PARAMS: dict[str, Param] = {"questions": TEXTS, "threshold": SHARE, "answer_weight": FRACTION}


def check(doc: Document, params: Mapping[str, Any]) -> Iterator[Hit]:
    yield from uncovered_topics(doc, list(params["questions"]), params)
