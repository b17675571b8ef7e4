"""Inline suppression comments: ``<!-- contentlint-disable CODE -->`` and friends.

The same HTML comment form works in HTML, Markdown and plain text, so a team learns one
syntax. Comments are read from the raw source with a regex (no reader has to keep them),
and findings are dropped by source offset after every check has run, so a check never
needs to know about suppressions. Comments inside ``<script>``/``<style>`` are code, not
directives. A comment that silences nothing, or that cannot be understood, is returned
to the engine, which reports it: a suppression the tool silently ignored is a rule a team
believes is off when it is not.

Forms (targets are codes, names or categories, comma or space separated; none = all):

    <!-- contentlint-disable [T,...] -->  ...  <!-- contentlint-enable [T,...] -->
    <!-- contentlint-disable-next-line T[,...] -->
    <!-- contentlint-disable-file [T,...] -->
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from linter.model import Finding

DIRECTIVES = ("disable", "enable", "disable-next-line", "disable-file")
ALL = "*"

# Any comment that mentions the tool is looked at, so a typo is caught, not ignored.
_COMMENT = re.compile(r"<!--\s*(contentlint\S*)(.*?)-->", re.DOTALL | re.IGNORECASE)
_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_LOOKS_LIKE_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$", re.IGNORECASE)


class RuleLike(Protocol):
    code: str
    name: str
    category: str


@dataclass
class Suppression:
    """One directive comment; ``used`` counts the findings it silenced."""

    directive: str
    targets: tuple[str, ...]  # normalised; ("*",) for all rules
    start: int
    end: int
    text: str
    used: int = 0


@dataclass
class SuppressionProblem:
    """A comment that is not a valid directive, with why."""

    start: int
    end: int
    text: str
    problem: str


@dataclass
class _Region:
    """Offsets ``[start, end)`` where ``target`` (minus ``allowed``) is silenced."""

    start: int
    end: int
    target: str
    owner: Suppression
    allowed: set[str] = field(default_factory=set)


def _code_ranges(source: str) -> list[tuple[int, int]]:
    if "<s" not in source.lower():
        return []
    return [(m.start(), m.end()) for m in _CODE_BLOCK.finditer(source)]


def _resolve(token: str, rules: Sequence[RuleLike]) -> str | None:
    """The normalised target for ``token`` (code, name or category), or None if unknown."""
    upper = token.upper()
    for rule in rules:
        if upper == rule.code:
            return rule.code
        if token.lower() in (rule.name, rule.category):
            return token.lower()
    return None


def _matches(target: str, finding: Finding) -> bool:
    return target == ALL or target in (finding.code, finding.name, finding.category)


def parse(
    source: str, rules: Sequence[RuleLike]
) -> tuple[list[Suppression], list[SuppressionProblem], list[_Region]]:
    """Directives of ``source``: suppressions, problems, and the offset regions they silence."""
    suppressions: list[Suppression] = []
    problems: list[SuppressionProblem] = []
    if "contentlint" not in source.lower():
        return suppressions, problems, []
    code = _code_ranges(source)
    open_regions: list[_Region] = []
    regions: list[_Region] = []
    for match in _COMMENT.finditer(source):
        start, end = match.span()
        if any(a <= start < b for a, b in code):
            continue
        text = " ".join(match.group(0).split())
        word = match.group(1).lower()
        directive = word[len("contentlint-") :] if word.startswith("contentlint-") else ""
        if directive not in DIRECTIVES:
            hint = f" (did you mean {_closest(word)}?)"
            problems.append(
                SuppressionProblem(start, end, text, f"unknown directive “{word}”{hint}")
            )
            continue
        tokens = [t for t in re.split(r"[\s,]+", match.group(2).strip()) if t]
        targets: list[str] = []
        bad = []
        for token in tokens:
            resolved = _resolve(token, rules)
            if resolved is None:
                bad.append(token)
            else:
                targets.append(resolved)
        if bad:
            kind = "rule code" if all(_LOOKS_LIKE_CODE.match(t) for t in bad) else "rule"
            names = ", ".join(f"“{t}”" for t in bad)
            problems.append(
                SuppressionProblem(start, end, text, f"unknown {kind} {names} in “{text}”")
            )
            continue
        if directive == "disable-next-line" and not targets:
            problems.append(
                SuppressionProblem(
                    start, end, text, f"“{text}” needs the rule codes to disable on the next line"
                )
            )
            continue
        if directive == "enable":
            if not _close(open_regions, regions, targets, start, rules):
                what = ", ".join(targets) if targets else "rules"
                problems.append(
                    SuppressionProblem(
                        start, end, text, f"“{text}” enables {what} that no comment disabled"
                    )
                )
            continue
        owner = Suppression(directive, tuple(targets) or (ALL,), start, end, text)
        suppressions.append(owner)
        if directive == "disable":
            for target in owner.targets:
                open_regions.append(_Region(end, len(source) + 1, target, owner))
        elif directive == "disable-file":
            for target in owner.targets:
                regions.append(_Region(0, len(source) + 1, target, owner))
    regions.extend(open_regions)
    return suppressions, problems, regions


def _members(target: str, rules: Sequence[RuleLike]) -> set[str]:
    """Codes of the rules ``target`` (code, name, category or all) stands for."""
    return {r.code for r in rules if target in (ALL, r.code, r.name, r.category)}


def _close(
    open_regions: list[_Region],
    regions: list[_Region],
    targets: list[str],
    at: int,
    rules: Sequence[RuleLike],
) -> bool:
    """End open ``disable`` regions at ``at``; False if nothing was open to end.

    Enabling part of a wider region ("disable hygiene", then "enable HY001") ends the
    region and reopens it from ``at`` with the enabled rules left out.
    """
    if not open_regions:
        return False
    if not targets:
        for region in open_regions:
            region.end = at
        regions.extend(open_regions)
        open_regions.clear()
        return True
    closed = False
    enabled = set().union(*(_members(t, rules) for t in targets)) | set(targets)
    for region in list(open_regions):
        covered = _members(region.target, rules)
        if region.target in targets or (covered and covered <= enabled):
            region.end = at
            regions.append(region)
            open_regions.remove(region)
            closed = True
        elif covered & enabled:
            eof, region.end = region.end, at
            regions.append(region)
            open_regions.remove(region)
            allowed = region.allowed | set(targets)
            open_regions.append(_Region(at, eof, region.target, region.owner, allowed))
            closed = True
    return closed


def _closest(word: str) -> str:
    import difflib

    found = difflib.get_close_matches(word, [f"contentlint-{d}" for d in DIRECTIVES], n=1)
    return found[0] if found else "contentlint-disable"


def _next_line_regions(
    source: str, suppressions: Iterable[Suppression]
) -> list[tuple[int, int, Suppression]]:
    """``[start, end)`` of the line after each next-line comment."""
    out = []
    for s in suppressions:
        if s.directive != "disable-next-line":
            continue
        newline = source.find("\n", s.end)
        if newline < 0:
            continue
        after = source.find("\n", newline + 1)
        out.append((newline + 1, len(source) if after < 0 else after + 1, s))
    return out


def apply_suppressions(
    doc_source: str,
    findings: list[Finding],
    rules: Sequence[RuleLike],
    known: Sequence[RuleLike] | None = None,
) -> tuple[list[Finding], list[Suppression], list[SuppressionProblem]]:
    """``(kept, unused, problems)`` for ``findings`` of ``rules`` in ``doc_source``.

    ``rules`` are the rules that ran; ``known`` every rule a comment may name (defaults
    to ``rules``), so a comment about a deselected rule is not an error. A suppression
    counts as unused only if it names a rule that ran and silenced nothing.
    """
    suppressions, problems, regions = parse(doc_source, known or rules)
    if not suppressions:
        return list(findings), [], problems
    next_lines = _next_line_regions(doc_source, suppressions)
    kept: list[Finding] = []
    for finding in findings:
        owner = None
        for region in regions:
            if region.start <= finding.start < region.end and _matches(region.target, finding):
                if finding.code in region.allowed or finding.name in region.allowed:
                    continue
                if finding.category in region.allowed:
                    continue
                owner = region.owner
                break
        if owner is None:
            for start, end, s in next_lines:
                if start <= finding.start < end and any(_matches(t, finding) for t in s.targets):
                    owner = s
                    break
        if owner is None:
            kept.append(finding)
        else:
            owner.used += 1
    ran = {key for r in rules for key in (r.code, r.name, r.category)}
    unused = [
        s for s in suppressions if not s.used and any(t == ALL or t in ran for t in s.targets)
    ]
    return kept, unused, problems
