"""Marker for suppression comments that silenced nothing.

The check itself finds nothing: only the engine sees which findings a comment dropped,
so ``linter/suppress.py`` decides and the engine reports through a rule of a kind whose
``SUPPRESSION`` is ``"unused"``, when the rule's ``report`` param is true.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import FLAG, Hit, Param
from linter.model import Document

SUPPRESSION = "unused"  # the engine reports comments that silenced nothing through this kind
PARAMS: dict[str, Param] = {"report": FLAG}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
