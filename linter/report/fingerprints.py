"""Fingerprints that are unique within one report, for SARIF and GitLab.

The baseline fingerprint (rule, portable path, flagged text and the text around it, no
line number) keeps a finding's identity when lines are added above it, but identical
findings share it: the same phrase flagged twice in one paragraph, or a document-wide
finding twice. Code scanning and GitLab merge results with one fingerprint into one
alert, so each is numbered among the identical ones before it, in document order: still
stable across edits above it, and unique. The numbering restarts with each file (a
fingerprint hashes its path), so a report of 100,000 pages never counts them all at once;
a file named twice in one run gets the same fingerprints twice, as it should.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from linter.baseline import fingerprint
from linter.model import Finding


def unique_fingerprints(results: Iterable[Any]) -> Iterator[tuple[Any, Finding, str]]:
    """Each finding of ``results`` (``FileResult``s), in order, with its file result and
    a 32-hex-digit fingerprint no other finding of ``results`` has."""
    for result in results:
        # A fingerprint hashes its finding's path: only findings of one file can share one.
        seen: Counter[str] = Counter()
        for finding in result.findings:
            base = fingerprint(finding, result.lines.get(finding.line))
            seen[base] += 1
            unique = hashlib.sha256(f"{base}:{seen[base]}".encode()).hexdigest()[:32]
            yield result, finding, unique
