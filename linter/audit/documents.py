"""The audit of pages already parsed, in this process: rule examples and tests, where
pages are strings rather than files. Same passes as ``linter.audit.run``, no workers."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from linter.audit.run import AuditPlan, AuditResult, add_site_findings, strip_template
from linter.audit.site_store import SiteStore
from linter.checks.site._crawl import CrawlFacts
from linter.checks.site._facts import page_facts
from linter.runner import result_for


def audit_parsed(docs: Iterable[Any], plan: AuditPlan, crawl: CrawlFacts | None) -> AuditResult:
    """Template pass, page rules and site rules (with the crawl's facts, if any)."""
    docs = list(docs)
    rule = plan.template_rule
    if rule is not None and len(docs) > 1:
        scan, params = rule.module.scan_keys, rule.params
        counts = Counter(k for doc in docs for k in scan(doc.source, doc.format, params))
        plan.template_keys = rule.module.template_keys(counts, len(docs), params)
    outcome = AuditResult()
    store = SiteStore(sqlite3.connect(":memory:"), plan.site_rules)
    for index, doc in enumerate(docs):
        found = strip_template(plan, doc)
        outcome.files.append(result_for(doc.path, doc, plan.engine))
        store.add(index, page_facts(doc, found))
    texts = {doc.path: doc.source for doc in docs}
    add_site_findings(outcome, store, crawl, texts.get)
    store.db.close()
    return outcome
