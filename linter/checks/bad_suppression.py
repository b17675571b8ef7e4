"""Marker for suppression comments that cannot be understood (rule HY010).

The check itself finds nothing: ``linter/suppress.py`` parses the comments while applying
them and the engine reports the malformed ones through this rule, so they are never
silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import Hit
from linter.model import Document

PARAMS: dict[str, Any] = {}


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    return ()
