"""Every rule over real pages: no crash, every file reported, positions consistent.

Reads ``../shared/corpus/bench`` (skipped where absent); a sample of the pages keeps the
suite fast, the benchmark script runs all of them.
"""

from __future__ import annotations

from linter.engine import Engine
from linter.rulepack import load_rules
from linter.runner import lint_one


def test_all_rules_on_corpus_sample_without_errors(corpus):
    pages = sorted(corpus.glob("*.html"))[::7]
    assert pages
    engine = Engine(load_rules())
    for page in pages:
        result = lint_one(str(page), engine)
        assert result.error is None, f"{page.name}: {result.error}"
        assert result.format == "html"
        source = page.read_bytes().decode("utf-8", errors="replace")
        for finding in result.findings:
            assert 1 <= finding.line <= finding.end_line
            if finding.line == finding.end_line:
                assert finding.column <= finding.end_column
            first = finding.excerpt.lstrip()[:1]
            if first and finding.start < len(source) and first.isalnum():
                # The flagged text starts where the finding says: the same character, or
                # an entity that decodes to it.
                at = source[finding.start]
                assert at in (first, "&"), (page.name, finding.code, finding.line, finding.column)
