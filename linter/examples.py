"""Runs a rule's own YAML examples, so every rule documents and tests itself.

A ``fail`` example must produce at least one finding of the rule (exactly ``count`` when
given); a ``pass`` example must produce none.
"""

from __future__ import annotations

from html import escape
from typing import Any

from linter.engine import Engine
from linter.message import plural
from linter.model import Finding
from linter.read import parse
from linter.rulepack import Rule

_EXAMPLE_SITE = "https://example.com"


def example_source(example: dict[str, Any]) -> tuple[str, str]:
    """``(source, format)`` for an example, wrapping it with its ``title`` if given."""
    text = str(example.get("fail", example.get("pass", "")))
    fmt = example.get("format") or ("html" if text.lstrip().startswith("<") else "text")
    title = example.get("title")
    if title:
        if fmt == "html" and "<title" not in text.lower():
            text = f"<html><head><title>{escape(title)}</title></head><body>{text}</body></html>"
        elif fmt == "text":
            text = f"{title}\n\n{text}"
    return text, fmt


def run_example(rule: Rule, example: dict[str, Any]) -> list[Finding]:
    """Findings of ``rule`` alone on ``example``."""
    if example.get("params"):
        rule = rule.with_overrides(None, example["params"])
    if rule.scope == "corpus":
        return _run_site_example(rule, example)
    source, fmt = example_source(example)
    doc = parse(source, f"example.{'html' if fmt == 'html' else 'txt'}", fmt)
    return [f for f in Engine([rule]).check(doc).findings if f.code == rule.code]


def _run_site_example(rule: Rule, example: dict[str, Any]) -> list[Finding]:
    """A site rule's example is a list of pages, audited together. A crawl rule's pages
    are ``https://example.com/page1.html`` and so on, and the example's ``crawl`` and
    ``sitemap`` say what the crawl found beside them (``linter.audit.crawl_facts``)."""
    from linter.audit.run import AuditPlan, audit_documents

    pages = example.get("fail", example.get("pass")) or []
    crawled = hasattr(rule.module, "check_crawl")
    docs = []
    for number, page in enumerate(pages, 1):
        source, fmt = example_source({"fail": page, "format": example.get("format")})
        name = f"page{number}.{'html' if fmt == 'html' else 'txt'}"
        docs.append(parse(source, f"{_EXAMPLE_SITE}/{name}" if crawled else name, fmt))
    crawl = None
    if crawled:  # the pages are https://example.com/page1.html... and answered 200
        from linter.audit.crawl_facts import example_crawl

        urls = [doc.path for doc in docs]
        crawl = example_crawl(example.get("crawl") or {}, example.get("sitemap"), urls)
    outcome = audit_documents(docs, AuditPlan(Engine([]), [rule]), crawl)
    return [f for result in outcome.files for f in result.findings if f.code == rule.code]


def example_problem(rule: Rule, example: dict[str, Any]) -> str | None:
    """Why the example does not behave as declared, or ``None`` if it does."""
    findings = run_example(rule, example)
    if "pass" in example:
        if findings:
            return f"pass example flagged: {[f.message for f in findings]}"
        return None
    expected = example.get("count")
    if expected is not None and len(findings) != expected:
        return f"fail example gave {plural(len(findings), 'finding')}, expected {expected}"
    if not findings:
        return "fail example not flagged"
    return None
