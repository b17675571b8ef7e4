"""Audits of a crawl's WARC files: the pages to read, the facts the crawl's site rules
need, and each URL's answer for the reports.

``open_crawl`` reads the WARCs once in this process (``linter.crawl.archive``); the
pages themselves are read later by the workers, from the WARC, by offset
(``plan.sources``). ``add_answers`` gives every audited page its status, depth and time
and returns the crawl's other URLs for the reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from linter.checks.site._crawl import CrawlFacts
from linter.runner import FetchInfo, FileResult


@dataclass
class CrawlInput:
    """What the audit takes from WARC files."""

    pages: list[str] = field(default_factory=list)
    sources: dict[str, tuple[str, int, str | None]] = field(default_factory=dict)
    facts: CrawlFacts = field(default_factory=CrawlFacts)
    answers: dict[str, FetchInfo] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def open_crawl(paths: Sequence[str]) -> CrawlInput:
    """The crawl recorded in the WARC files ``paths`` (``ArchiveError``: one line
    naming the file that cannot be read)."""
    from linter.audit.crawl_facts import crawl_facts, fetch_of
    from linter.crawl.archive import read_crawl

    archive = read_crawl(paths)
    return CrawlInput(
        pages=archive.pages(),
        sources=archive.sources(),
        facts=crawl_facts(archive),
        answers={url: fetch_of(fetch) for url, fetch in archive.urls.items()},
        warnings=list(archive.warnings),
    )


def add_answers(
    files: list[FileResult], answers: dict[str, FetchInfo]
) -> list[tuple[str, FetchInfo]]:
    """Set each result's ``fetch`` from the crawl; the URLs no result stands for, in
    crawl order (redirects, errors, skipped URLs, other files)."""
    audited = set()
    for result in files:
        answer = answers.get(result.path)
        if answer is not None:
            result.fetch = answer
            audited.add(result.path)
    return [(url, answer) for url, answer in answers.items() if url not in audited]
