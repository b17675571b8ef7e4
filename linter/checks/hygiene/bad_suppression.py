"""Marker for suppression comments that cannot be understood.

The check itself finds nothing: ``linter/suppress.py`` parses the comments while applying
them, and the engine reports the malformed ones through a rule of a kind whose
``SUPPRESSION`` is ``"bad"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit, Param
from linter.model import Document

SUPPRESSION = "bad"  # the engine reports comments it cannot parse through this kind
PARAMS: dict[str, Param] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
