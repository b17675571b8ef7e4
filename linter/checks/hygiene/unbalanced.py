"""Flags brackets and double quotes left without a partner inside one block of prose.

Each body block of ``kinds`` is read alone. Brackets pair on one stack per kind of
bracket; quote marks pair by direction (a straight quote opens after white space, a
bracket, a dash or an opening quote), and only an odd count is reported. The unpaired
marks prose has on purpose (the rule's YAML lists them) are recognised by the patterns
below, and so are citation brackets split from their link ("(" + "1" + ").") and script
text that reached a paragraph; a quotation left open is let through when the next
paragraph, past captions and ads, reopens it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from linter.checks.base import FLAG, TEXTS, Hit, Param, block_hit, word_count
from linter.model import FAQ_ANSWER, LIST_ITEM, MAIN, PARAGRAPH, QUOTE, Block, Document

PARAMS: dict[str, Param] = {"kinds": TEXTS, "brackets": FLAG, "quotes": FLAG}

_PAIRS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
# Any bracket: the characters ``_bracket_problems`` looks at, found in C.
_BRACKET = re.compile(r"[()\[\]{}]")
_WHERE = {
    PARAGRAPH: "paragraph",
    LIST_ITEM: "list item",
    FAQ_ANSWER: "answer",
    QUOTE: "quotation",
    "table_cell": "table cell",
}

# Marks that are not brackets at all: smileys ":)", ";-(", "=]".
_SMILEY = re.compile(r"[:;=][-'^o]?[()\[\]](?!\w)")
# List markers "a)", "2)", "iv)" at the start or after a space/comma: they close nothing.
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s(,;:/]))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\)")
# Half-open ranges "[0, 1)" and "(0, 10]" pair a bracket with a parenthesis on purpose.
# A number is at most 32 characters (white space around it at most 8) so that a run like
# "(1.1,1.1,1.1,..." costs constant work per bracket, not a rescan of the run.
_NUMBER = r"[-+−]?(?:\d[\d.,]{0,31}|∞)"
_RANGE = re.compile(rf"[\[(]\s{{0,8}}{_NUMBER}\s{{0,8}}[,;]\s{{0,8}}{_NUMBER}\s{{0,8}}[\])]")
# A straight quote straight after a number is an inch mark (a 55" screen, 5'11").
_DIGITS = "0123456789½¼¾⅛"
_INCH = re.compile(f'(?<=[{_DIGITS}])"')
# A quotation may run on past navigation blocks and a few captions or ads.
_LOOKAHEAD = 40
_MAX_INTERRUPTIONS = 3
# What may follow an opener at the end of a block (or precede a closer at its start)
# when a citation link was split off: "(3," ... "4" ... ").".
_CITATION_TAIL = re.compile(r"[\s\d,;–-]*")
_CITATION_CHAR = re.compile(r"[\s\d,;–-]")
# A teaser cut short by the site: "... … Wikipedia", "... Read More". Possessive: the
# same matches, without trying every split of a long word into three.
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*+(?:[\w…]++\s*+){0,3}+$")
_ELLIPSIS = re.compile(r"(?=\.\.\.|…)")
# Share of code symbols ({}[];=\\) above which a block is script text, not prose.
_CODE_RATIO = 0.05
# A short block not ending like a sentence is a caption or an ad a quotation runs past.
_INTERRUPTION_WORDS = 15
_TERMINALS = (".", "!", "?", ":", '"', "”", "’")
# Characters after which a straight quote opens a quotation rather than closing one.
_OPENS_AFTER = frozenset(" \t\n\xa0([{—–-/“‘'")


def _ignored(text: str) -> set[int]:
    """Offsets of bracket characters that are not meant to pair."""
    skip: set[int] = set()
    for match in _SMILEY.finditer(text):
        skip.add(match.end() - 1)
    for match in _RANGE.finditer(text):
        opener, closer = text[match.start()], text[match.end() - 1]
        if _PAIRS[opener] != closer:
            skip.update((match.start(), match.end() - 1))
    return skip


def _bracket_problems(text: str) -> Iterable[tuple[int, str, str]]:
    """``(offset, mark, detail)`` for every bracket without a partner."""
    brackets = [(m.start(), m.group()) for m in _BRACKET.finditer(text)]
    if not brackets:
        return  # most blocks: nothing to pair, nothing to skip
    skip = _ignored(text)
    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text)}
    stacks: dict[str, list[int]] = {opener: [] for opener in _PAIRS}
    for offset, char in brackets:
        if offset in skip:
            continue
        if char in _PAIRS:
            stacks[char].append(offset)
        elif char in _CLOSERS:
            stack = stacks[_CLOSERS[char]]
            if stack:
                stack.pop()
            elif offset not in enumerators:
                opener = _CLOSERS[char]
                yield (
                    offset,
                    f"“{char}”",
                    (f"nothing opens it. Add the missing “{opener}” or delete this one."),
                )
    for opener, stack in stacks.items():
        for offset in stack:
            yield (
                offset,
                f"“{opener}”",
                (f"it is never closed. Add the missing “{_PAIRS[opener]}” or delete this one."),
            )


_OPEN, _CLOSE, _STRAIGHT, _PRIME = range(4)
# Double quote marks, longest first: typesetters write ‘‘ and ’’ for “ and ” (AP style),
# and WordPress turns a closing " after a digit into a double prime ″ ("Evil Dead 2″").
_QUOTE_MARKS = re.compile(r"‘‘|’’|[“„”\"″]")
_KINDS = {"‘‘": _OPEN, "“": _OPEN, "„": _OPEN, "’’": _CLOSE, "”": _CLOSE, '"': _STRAIGHT}


def _quote_tokens(text: str) -> list[tuple[int, int, int]]:
    """``(offset, length, kind)`` of every double quote mark that is not an inch mark."""
    inches = {m.start() for m in _INCH.finditer(text)}
    tokens = []
    for match in _QUOTE_MARKS.finditer(text):
        offset, mark = match.start(), match.group()
        if offset in inches:
            continue
        kind = _KINDS.get(mark, _PRIME)
        if kind == _STRAIGHT:
            kind = _OPEN if offset == 0 or text[offset - 1] in _OPENS_AFTER else _CLOSE
        tokens.append((offset, len(mark), kind))
    return tokens


def _unmatched_quote(text: str) -> tuple[int, int, bool, bool] | None:
    """``(offset, length, opens, only_openers)`` of the first quote mark without a partner.

    Only an odd count is reported: with an even count a "wrong" direction is usually a
    typing habit (”like this”), not a missing mark. A number right before a straight
    quote may be an inch mark, so an odd count is not trusted then either.
    ``only_openers`` says every unmatched mark opens a quotation, which may continue in
    the next paragraph.
    """
    if not _QUOTE_MARKS.search(text) or _INCH.search(text):
        return None  # no mark at all (most blocks), or one that may be an inch mark
    stack: list[tuple[int, int]] = []
    closers: list[tuple[int, int]] = []
    used = 0
    for offset, length, kind in _quote_tokens(text):
        if kind == _PRIME:
            if not stack:
                continue  # a real double prime: 5″, 2′30″
            stack.pop()
        elif kind == _OPEN:
            stack.append((offset, length))
        elif stack:
            stack.pop()
        elif text[offset] == "”" and offset and text[offset - 1] in _DIGITS:
            continue  # an inch mark typed as a closing quote: a 16” laptop
        else:
            closers.append((offset, length))
        used += 1
    if used % 2 == 0:
        return None
    unmatched = sorted(stack + closers)
    if not unmatched:
        return None
    offset, length = unmatched[0]
    return offset, length, (offset, length) in stack, not closers


def _mixed_double(text: str) -> tuple[int, int, int, int] | None:
    """``(open_offset, open_length, close_offset, close_length)`` of the first quotation
    opened with a curly mark and closed with a straight one, or the reverse.

    The count of marks is even then, so ``_unmatched_quote`` lets it pass; but “this"
    and "this” are a slip a reader sees (the fonts draw the two differently). Inch marks
    (a 12" pizza) are no quote marks and double primes (5″) are left out.
    """
    if '"' not in text or not _QUOTE_MARKS.search(text):
        return None
    stack: list[tuple[int, int]] = []
    for offset, length, kind in _quote_tokens(text):
        if kind == _PRIME:
            return None  # a prime may close a quotation (WordPress): not a style slip
        if kind == _OPEN:
            stack.append((offset, length))
        elif stack:
            open_offset, open_length = stack.pop()
            if (text[open_offset] == '"') != (text[offset] == '"'):
                return open_offset, open_length, offset, length
    return None


# A single curly opening quote (‘ after a space, a bracket or a double quote, before a
# letter) and the first single quote that ends a word after it: a straight ' followed by
# a space or punctuation. An apostrophe inside a word (don't, O'Brien) is followed by a
# letter; a plural possessive (the students' books) and a dropped g (goin') end in "s"
# or "n" and are left out, as are 'n' and marks before digits ('90s, 5'10").
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[“\"—–]))‘(?=[A-Za-z])")
_SINGLE_CLOSE = re.compile(r"(?<=[A-Za-z.,!?])(?<![sSnN])'(?![\w'])|’(?![A-Za-z])")


def _mixed_single(text: str) -> tuple[int, int, int, int] | None:
    """The first ‘quotation' closed with a straight mark, as in ``_mixed_double``."""
    if "‘" not in text or "'" not in text:
        return None
    for opener in _SINGLE_OPEN.finditer(text):
        closer = _SINGLE_CLOSE.search(text, opener.end())
        if closer is None:
            return None
        if closer.group() == "'" and "‘" not in text[opener.end() : closer.start()]:
            return opener.start(), 1, closer.start(), 1
    return None


def _starts_with_quote(block: Block) -> bool:
    return block.text.lstrip()[:1] in ("“", '"', "„") or block.text.lstrip()[:2] == "‘‘"


def _interruption(block: Block, kinds: frozenset[str]) -> bool:
    """A block a quotation can run past: navigation, a caption, "Advertisement"."""
    if block.region != MAIN or block.kind not in kinds:
        return True
    text = block.text.strip()
    return word_count(text) <= _INTERRUPTION_WORDS and not text.endswith(_TERMINALS)


def _quotation_continues(blocks: list[Block], number: int, kinds: frozenset[str]) -> bool:
    """True if the next paragraph, past captions, ads and navigation, reopens the quotation.

    A long quotation is left open at the end of each paragraph and reopened with a quote
    mark at the start of the next; only its last paragraph closes it.
    """
    skipped = 0
    for block in blocks[number + 1 : number + 1 + _LOOKAHEAD]:
        if not _interruption(block, kinds):
            return _starts_with_quote(block)
        skipped += block.region == MAIN
        if skipped > _MAX_INTERRUPTIONS:
            break
    return False


class _Edges:
    """Where a block's citation-number head ends and tail starts, and where its last
    truncation marker is: found once per block, so each unmatched mark is judged in
    constant time (a block of 40,000 unclosed brackets took minutes, one slice each)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.head_end = _CITATION_TAIL.match(text).end()  # type: ignore[union-attr]
        tail = len(text)
        while tail > 0 and _CITATION_CHAR.match(text, tail - 1):
            tail -= 1
        self.tail_start = tail
        self._truncated: int | None = None

    def last_truncation(self) -> int:
        """Start of the last ``_TRUNCATED`` match, or -1."""
        if self._truncated is None:
            starts = [m.start() for m in _ELLIPSIS.finditer(self.text)]
            found = (p for p in reversed(starts) if _TRUNCATED.match(self.text, p))
            self._truncated = next(found, -1)
        return self._truncated


def _dangling(edges: _Edges, offset: int, length: int, opens: bool) -> bool:
    """A mark that belongs to a neighbouring block or to text the page cut short.

    An opener followed only by a citation number ("(3,") or a closer preceded only by one
    ends or starts the block: the page (or the reader) split one paragraph around a link
    or a custom element, as in "(<a>1</a>)". An opener before a trailing ellipsis is a
    teaser the site truncated ("“What we are talking about...").
    """
    if opens:
        rest = offset + length
        return rest >= edges.tail_start or edges.last_truncation() >= rest
    return offset <= edges.head_end


def _looks_like_code(text: str) -> bool:
    """Script or JSON that reached the text: its brackets are not prose punctuation."""
    if "function(" in text or "=>" in text:
        return True
    if len(text) <= 40:
        return False
    symbols = sum(text.count(c) for c in "{}[];=\\")
    return symbols / len(text) > _CODE_RATIO


def _quote_problem(mark: str) -> tuple[str, str]:
    """``(mark, detail)`` for an unmatched quote mark."""
    if mark == '"':
        return 'quotation mark "', (
            "the number of quotation marks is odd. Add the missing one where the quotation"
            " starts or ends, or delete this one."
        )
    if mark in ("”", "’’"):
        return f"closing quotation mark {mark}", (
            "nothing opens it. Add the missing “ where the quotation starts, or delete this one."
        )
    return f"opening quotation mark {mark}", (
        "it is never closed. Add the missing ” where the quotation ends, or delete this one."
    )


def _mixed_problem(
    text: str, open_offset: int, open_length: int, close_offset: int, close_length: int
) -> tuple[int, int, bool, str, str]:
    """The problem tuple of ``check`` for a mixed pair, at its straight mark."""
    opener = text[open_offset : open_offset + open_length]
    closer = text[close_offset : close_offset + close_length]
    style = {"“": "curly", "‘": "curly", '"': "straight", "'": "straight"}
    straight_opens = opener in ('"', "'")
    at, length = (open_offset, open_length) if straight_opens else (close_offset, close_length)
    return (
        at,
        length,
        straight_opens,
        f"quotation marks {opener} … {closer}",  # "Mismatched quotation marks “ … \""
        (
            f"the quotation opens with a {style.get(opener, 'curly')} {opener} and closes"
            f" with a {style.get(closer, 'curly')} {closer}. Use the same kind of mark at"
            " both ends."
        ),
    )


def check(doc: Document, params: Mapping[str, Any]) -> Iterable[Hit]:
    """One hit per unmatched mark, at the mark itself."""
    kinds = frozenset(params["kinds"])
    blocks = doc.blocks
    for number, block in enumerate(blocks):
        if block.region != MAIN or block.kind not in kinds:
            continue
        text = block.text
        if _looks_like_code(text):
            continue
        # (offset, length, opens, mark, detail)
        problems: list[tuple[int, int, bool, str, str]] = []
        if params["brackets"]:
            problems.extend(
                (offset, 1, text[offset] in _PAIRS, mark, detail)
                for offset, mark, detail in _bracket_problems(text)
            )
        found = _unmatched_quote(text) if params["quotes"] else None
        if found is not None:
            offset, length, opens, only_openers = found
            if not (only_openers and _quotation_continues(blocks, number, kinds)):
                problems.append(
                    (offset, length, opens, *_quote_problem(text[offset : offset + length]))
                )
        if found is None and params["quotes"]:
            mixed = _mixed_double(text) or _mixed_single(text)
            if mixed is not None:
                problems.append(_mixed_problem(text, *mixed))
        where = _WHERE.get(block.kind, "block")
        edges = _Edges(text)
        for offset, length, opens, mark, detail in sorted(problems):
            if not _dangling(edges, offset, length, opens):
                problem = "Mismatched" if mark.startswith("quotation marks") else "Unmatched"
                yield block_hit(
                    block,
                    offset,
                    offset + length,
                    problem=problem,
                    mark=mark,
                    where=where,
                    detail=detail,
                )
