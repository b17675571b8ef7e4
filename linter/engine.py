"""Runs rules over documents and turns check hits into findings.

The engine is the only place that knows both a rule (code, severity, message) and a
document (positions), so checks stay small and reporters stay dumb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from linter.checks.base import Hit
from linter.exclude import PerFileIgnores
from linter.message import fill, paragraph_places
from linter.model import PARAGRAPH_LINES, Document, Finding
from linter.rulepack import Rule

_EXCERPT_LIMIT = 120

# Whether a source may hold a suppression comment, searched without ``source.lower()``:
# that copy of a 50 MB page with an emoji (four bytes a character) took 330 MB at once.
_MENTION = re.compile("contentlint", re.IGNORECASE)
# The Unicode letters besides "i" and "I" that the pattern takes for an "i" (dotted
# capital, dotless small): with neither in a source, a case-blind match is an ASCII one.
_OTHER_I = ("\u0130", "\u0131")
_CHUNK = 1 << 20


def _mentions_contentlint(source: str) -> bool:
    """``_MENTION.search(source)``, three times faster: a case-blind regex compares one
    character at a time (1.2 s over the benchmark corpus), while ``bytes.lower`` and a
    substring search run in C. Latin-1 with every other character replaced keeps the
    positions and ASCII letters; no Latin-1 letter folds to one of "contentlint"'s. In
    chunks of a megabyte (and the 10 characters a match may run over), so a 50 MB page
    is never copied whole."""
    if any(char in source for char in _OTHER_I):
        return _MENTION.search(source) is not None
    for start in range(0, len(source), _CHUNK):
        piece = source[start : start + _CHUNK + 10].encode("latin-1", "replace")
        if b"contentlint" in piece.lower():
            return True
    return False


def excerpt_of(text: str) -> str:
    """The flagged text on one line, cut to a length reports can show."""
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_LIMIT else text[: _EXCERPT_LIMIT - 1] + "…"


def rule_finding(
    rule: Rule, args: dict[str, Any], paragraphs: bool = False, **place: Any
) -> Finding:
    """A finding of ``rule`` with its message filled in from ``args``; ``place`` holds
    the path, positions, excerpt, fix and related places. ``paragraphs``: the document
    numbers its places by paragraph (Word), and so does the message."""
    template = paragraph_places(rule.message) if paragraphs else rule.message
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=fill(template, args),
        anchor=rule.anchor,
        **place,
    )


def make_finding(rule: Rule, doc: Document, hit: Hit) -> Finding:
    """A finding for ``hit`` of ``rule`` in ``doc``."""
    start = max(0, min(hit.start, len(doc.source)))
    end = max(start, min(hit.end, len(doc.source)))
    line, column = doc.lines.position(start)
    end_line, end_column = doc.lines.position(end)
    excerpt = hit.excerpt if hit.excerpt is not None else doc.source[start:end]
    return rule_finding(
        rule,
        hit.args,
        doc.format in PARAGRAPH_LINES,
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=excerpt_of(excerpt),
        fix=hit.fix,
        related=list(hit.related),
        start=start,
        end=end,
    )


@dataclass
class DocumentResult:
    """Findings of one document, and any rule that failed on it."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)


def _silent(rule: Rule) -> bool:
    """A suppression-comment rule whose ``report`` param is off never reports."""
    return bool(getattr(rule.module, "SUPPRESSION", False)) and not rule.params.get("report")


class Engine:
    """Holds the selected rules; ``check`` runs them on one document."""

    def __init__(
        self,
        rules: list[Rule],
        known: list[Rule] | None = None,
        model: str | None = None,
        per_file: PerFileIgnores | None = None,
    ) -> None:
        self.per_file = per_file  # ``per_file_ignores``: rules that skip some files
        self.model = model  # the spaCy pipeline that splits and parses sentences (None: blank)
        self.rules = [r for r in rules if r.scope == "document"]  # corpus rules run elsewhere
        self._known = known  # every rule a suppression comment may name
        self._by_code = {r.code: r for r in self.rules}

    @property
    def reporting(self) -> list[Rule]:
        """The rules that can report in this run: the page rules, less a rule that reports
        on suppression comments while switched off (HY009 without
        --warn-unused-suppressions). Reports list these as the rules that ran."""
        return [r for r in self.rules if not _silent(r)]

    def rule(self, code: str) -> Rule | None:
        """The selected rule with ``code``, if any."""
        return self._by_code.get(code)

    @property
    def known(self) -> list[Rule]:
        """Rules a suppression may name: the catalogue, so deselected ones are no error."""
        if self._known is None:
            from linter.rulepack import load_rules

            names = {r.code for r in self.rules}
            self._known = list(self.rules) + [r for r in load_rules() if r.code not in names]
        return self._known

    def _suppress(self, doc: Document, ran: list[Rule], findings: list[Finding]) -> list[Finding]:
        """Findings left after inline suppressions, plus findings about the comments."""
        if not _mentions_contentlint(doc.source):
            return findings
        from linter.checks.base import Hit
        from linter.suppress import apply_suppressions

        kept, unused, problems = apply_suppressions(doc.source, findings, ran, self.known)
        for rule in ran:
            # A kind that reports on the comments says so (``SUPPRESSION = True``); its
            # rule's ``comments`` param says which ("unused" or "bad"), ``report`` whether.
            reports = getattr(rule.module, "SUPPRESSION", False) and rule.params.get("report")
            reports = reports and rule.params.get("comments")
            if reports == "unused":
                kept += [
                    make_finding(rule, doc, Hit(s.start, s.end, {"comment": s.text}))
                    for s in unused
                ]
            elif reports == "bad":
                kept += [
                    make_finding(rule, doc, Hit(p.start, p.end, {"problem": p.problem}))
                    for p in problems
                ]
        return kept

    def check(self, doc: Document) -> DocumentResult:
        if doc.segmenter is None or self.model is not None:
            from linter.nlp import segmenter

            doc.segmenter = segmenter(self.model)
        result = DocumentResult()
        skip = self.per_file.codes_for(doc.path) if self.per_file else frozenset()
        ran = [r for r in self.rules if r.applies_to(doc.format) and r.code not in skip]
        for rule in ran:
            try:
                hits = list(rule.module.check(doc, rule.params))
            except TimeoutError as error:  # a user's pattern over its time limit
                result.errors.append(f"rule {rule.code}: {error}")
                continue
            except Exception as error:  # a broken check must not lose the other rules
                result.errors.append(f"rule {rule.code} failed: {type(error).__name__}: {error}")
                continue
            result.findings.extend(make_finding(rule, doc, hit) for hit in hits)
        result.findings = self._suppress(doc, ran, result.findings)
        result.findings.sort(key=Finding.sort_key)
        try:
            from linter.checks.readability._stats import document_scores

            result.scores = document_scores(doc)
        except Exception as error:
            result.errors.append(f"readability scores failed: {type(error).__name__}: {error}")
        return result
