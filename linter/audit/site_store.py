"""The site rules' side of an audit, on disk: every page's facts and the keys the site
rules group pages by, in SQLite, reduced there into findings.

A site of 100,000 pages does not fit in a list of facts for each rule to walk. Workers
emit, next to a page's facts, the keys each grouping rule groups it by (``emit_keys``:
a folded title, template passage keys, LSH buckets, title topic phrases; see
``linter.checks.site._reduce``). The coordinator writes both here as pages arrive
(``SiteStore.add``); once the pages are in, SQLite groups the keys (``GROUP BY key
HAVING count(*)``, on an index built then, its sorter on disk), and only the members of
the groups found are read back, one page at a time, for the rules to turn into hits. So
the coordinator's memory grows with the groups that become findings, not with the pages.

The crawl's rules (``check_crawl``) read every page's links in turn from the table
(``StoredPages``); what they keep grows with the site's links and URLs, as the crawl's
own facts (``CrawlFacts``) already do.

The store writes into a connection it is given (the audit's result store, or a private
temporary database: ``temporary_connection``) and creates its own tables there.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from itertools import groupby
from typing import Any

from linter.audit.facts_codec import decode, encode
from linter.audit.site import make_site_finding
from linter.checks.site._crawl import CrawlFacts
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit
from linter.checks.site._reduce import CachedFacts, Group, first_once, group_size, signed64
from linter.model import Finding
from linter.rulepack import Rule

_TABLES = """
CREATE TABLE IF NOT EXISTS site_facts (
    page INTEGER PRIMARY KEY,  -- the page's index among the audit's results
    format TEXT NOT NULL,
    signature BLOB,            -- MinHash signature, 128 uint32 (linter.checks.site._minhash)
    data BLOB NOT NULL         -- the rest, zlib of JSON (linter.audit.facts_codec)
);
CREATE TABLE IF NOT EXISTS site_keys (
    rule INTEGER NOT NULL,     -- the rule's number among the audit's site rules
    key NOT NULL,              -- text, bytes or a signed 64-bit integer
    page INTEGER NOT NULL,
    ord INTEGER NOT NULL       -- the key's place among the page's keys for the rule
);
"""
# Built once the pages are in: one sort, instead of keeping an index in order per insert.
_BATCH = 500  # pages read back in one query (SQLite allows 32,766 parameters)
_INDEX = "CREATE INDEX IF NOT EXISTS site_keys_group ON site_keys (rule, key, page, ord)"
# The members of every group of ``least`` to ``most`` pages, group after group, groups in
# order of their first page and then of the key's place on it. (``ord`` beside ``min()``
# is SQLite's bare column: the value of the row holding the minimum.)
_GROUPS = """
WITH g AS (
    SELECT key, min(page) AS first, ord AS first_ord, count(*) AS n
    FROM site_keys WHERE rule = :rule GROUP BY key
    HAVING n >= :least AND (:most IS NULL OR n <= :most)
)
SELECT g.key, k.page FROM g JOIN site_keys AS k ON k.rule = :rule AND k.key = g.key
ORDER BY g.first, g.first_ord, k.page
"""


def site_rules(rules: Sequence[Rule]) -> list[Rule]:
    return [rule for rule in rules if rule.scope == "corpus"]


def emit_keys(rules: Sequence[Rule], facts: PageFacts) -> dict[str, Any]:
    """The map step, in the worker: rule code -> the page's keys for each grouping site
    rule that applies to the page. A rule whose map fails gives its error's text instead
    (the store reports the rule as failed, as a failing site rule always was)."""
    keys: dict[str, Any] = {}
    for rule in site_rules(rules):
        if hasattr(rule.module, "site_keys") and rule.applies_to(facts.format):
            try:
                keys[rule.code] = first_once(rule.module.site_keys(facts, rule.params))
            except Exception as error:
                keys[rule.code] = f"{type(error).__name__}: {error}"
    return keys


def temporary_connection() -> sqlite3.Connection:
    """A private database in a temporary file SQLite deletes when it is closed."""
    connection = sqlite3.connect("")
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    return connection


def _stored(key: Any) -> int | str | bytes:
    if isinstance(key, int):
        return signed64(key)
    if isinstance(key, str | bytes):
        return key
    raise TypeError(f"a site key must be text, bytes or an integer, not {type(key).__name__}")


def _as_bytes(row: tuple) -> tuple:
    """A key row whose text SQLite cannot take as UTF-8 with that text as bytes (the
    same text on every page gives the same bytes, so it still groups)."""
    number, key, index, n = row
    if isinstance(key, str):
        try:
            key.encode()
        except UnicodeEncodeError:
            key = key.encode("utf-8", "surrogatepass")
    return number, key, index, n


class SiteStore:
    """Page facts and site keys of one audit, and the site findings reduced from them."""

    def __init__(self, connection: sqlite3.Connection, rules: Sequence[Rule]) -> None:
        self.db = connection
        self.rules = site_rules(rules)
        self.numbers = {rule.code: number for number, rule in enumerate(self.rules)}
        self.failed: dict[str, str] = {}  # rule code -> the first error of its map step
        self.db.executescript(_TABLES)
        self.facts = CachedFacts(self._load)

    def add(self, index: int, facts: PageFacts, keys: Mapping[str, Any] | None = None) -> None:
        """Store page ``index``'s facts and keys (``keys``: what the worker's map step
        emitted, rule code -> keys; None: computed here from the facts)."""
        if keys is None:
            keys = emit_keys(self.rules, facts)
        self.db.execute(
            "INSERT INTO site_facts VALUES (?, ?, ?, ?)",
            (index, facts.format, facts.signature, encode(facts)),
        )
        rows = []
        for code, found in keys.items():
            number = self.numbers.get(code)
            if number is None:
                continue
            if isinstance(found, str):
                self.failed.setdefault(code, found)
                continue
            rows.extend((number, _stored(key), index, n) for n, key in enumerate(found))
        try:
            self.db.executemany("INSERT INTO site_keys VALUES (?, ?, ?, ?)", rows)
        except UnicodeEncodeError:  # a lone surrogate (a broken character reference)
            self.db.executemany("INSERT INTO site_keys VALUES (?, ?, ?, ?)", map(_as_bytes, rows))

    def _load(self, index: int) -> PageFacts:
        row = self.db.execute(
            "SELECT data, signature FROM site_facts WHERE page = ?", (index,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no facts for page {index}")
        return decode(row[0], row[1])

    def _groups(self, number: int, rule: Rule) -> Iterator[Group]:
        least, most = group_size(rule.module, rule.params)
        rows = self.db.execute(_GROUPS, {"rule": number, "least": least, "most": most})
        for key, members in groupby(rows, key=lambda row: row[0]):
            yield key, [page for _, page in members]

    def findings(
        self, crawl: CrawlFacts | None, total: int
    ) -> tuple[dict[int, list[Finding]], list[str]]:
        """Findings of every site rule by the index of the result they go to (``total +
        n``: sitemap ``n`` of the crawl, ``total`` being the number of results); and the
        rules that failed."""
        self.db.execute(_INDEX)
        formats = [row[0] for row in self.db.execute("SELECT DISTINCT format FROM site_facts")]
        found: dict[int, list[Finding]] = {}
        errors: list[str] = []
        for number, rule in enumerate(self.rules):
            pages = StoredPages(self, [f for f in formats if rule.applies_to(f)])
            try:
                if rule.code in self.failed:
                    raise _MapFailed(self.failed[rule.code])
                placed = self._rule_hits(number, rule, pages, crawl, total)
            except _MapFailed as error:
                errors.append(f"site rule {rule.code} failed: {error}")
                continue
            except Exception as error:  # one broken site rule must not lose the audit
                errors.append(f"site rule {rule.code} failed: {type(error).__name__}: {error}")
                continue
            for index, path, hit in placed:
                found.setdefault(index, []).append(make_site_finding(rule, path, hit))
        return found, errors

    def _rule_hits(
        self,
        number: int,
        rule: Rule,
        pages: StoredPages,
        crawl: CrawlFacts | None,
        total: int,
    ) -> list[tuple[int, str, SiteHit]]:
        """The rule's hits, each with the index of its result and its path."""
        module = rule.module
        if hasattr(module, "check_crawl"):
            if crawl is None:
                return []
            hits = list(module.check_crawl(pages, crawl, rule.params))
            return [self._crawl_place(hit, pages, crawl, total) for hit in hits]
        if hasattr(module, "site_keys"):
            hits = list(module.reduce_site(self._groups(number, rule), pages, rule.params))
        else:  # a kind without a map step: every page it applies to, in a list
            listed = list(pages)
            hits = list(module.check_site(listed, rule.params))
            for hit in hits:
                hit.page = pages.indexes[hit.page]
        return [(hit.page, self.facts(hit.page).path, hit) for hit in hits]

    @staticmethod
    def _crawl_place(
        hit: SiteHit, pages: StoredPages, crawl: CrawlFacts, total: int
    ) -> tuple[int, str, SiteHit]:
        if hit.page < len(pages):
            return pages.indexes[hit.page], pages[hit.page].path, hit
        number = hit.page - len(pages)
        return total + number, crawl.sitemaps[number].page.path, hit


class _MapFailed(Exception):
    """A rule's map step failed in a worker (its message is the error's text)."""


class StoredPages(Sequence[PageFacts]):
    """The stored pages in given formats, in audit order, as a sequence read from the
    table: a reducer's ``Pages`` (``facts``: by audit index, ``total``) and a crawl
    rule's list of pages (by position; ``indexes``: the audit index at each position)."""

    def __init__(self, store: SiteStore, formats: list[str]) -> None:
        self.store = store
        self.where = f"format IN ({', '.join('?' * len(formats))})"
        self.formats = formats
        self._indexes: array | None = None

    @property
    def indexes(self) -> array:
        """The audit index of each page (read when a crawl rule needs positions)."""
        if self._indexes is None:
            query = f"SELECT page FROM site_facts WHERE {self.where} ORDER BY page"
            rows = self.store.db.execute(query, self.formats)
            self._indexes = array("q", (row[0] for row in rows))
        return self._indexes

    @cached_property
    def total(self) -> int:
        query = f"SELECT count(*) FROM site_facts WHERE {self.where}"
        return self.store.db.execute(query, self.formats).fetchone()[0]

    def facts(self, index: int) -> PageFacts:
        return self.store.facts(index)

    def many(self, indexes: Sequence[int]) -> Iterator[PageFacts]:
        """The facts of ascending ``indexes``, read a batch at a time."""
        for start in range(0, len(indexes), _BATCH):
            batch = indexes[start : start + _BATCH]
            query = (
                "SELECT data, signature FROM site_facts"
                f" WHERE page IN ({', '.join('?' * len(batch))}) ORDER BY page"
            )
            rows = self.store.db.execute(query, batch).fetchall()
            if len(rows) != len(batch):
                raise KeyError("no facts for some of the pages of a group")
            yield from (decode(data, signature) for data, signature in rows)

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self.store.facts(i) for i in self.indexes[position]]
        return self.store.facts(self.indexes[position])

    def __iter__(self) -> Iterator[PageFacts]:
        query = f"SELECT data, signature FROM site_facts WHERE {self.where} ORDER BY page"
        for data, signature in self.store.db.execute(query, self.formats):
            yield decode(data, signature)
