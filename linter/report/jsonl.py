"""JSON Lines: one finding per line, for pipelines that load results into a warehouse.

Each line is a finding's JSON object (the same keys as in the JSON report's
``findings``), written as soon as it is read. A page that could not be read is a line
of its own with ``"type": "error"``, so a load job sees it; nothing else (no summary:
a stream has no end to put it at that a loader would know to expect).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from linter.report import Report


def _line(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def stream(report: Report) -> Iterator[str]:
    for result in report.files:
        if result.error is not None:
            yield _line({"type": "error", "path": result.path, "error": result.error})
        for finding in result.findings:
            yield _line({"type": "finding", **finding.to_dict()})
