"""Finding the phrases a broken template may paste: title, H1, Title-Case topic n-grams.

Shared by the boilerplate checks so that they agree on what "the title phrase" is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from linter.lexicon import NAME_CONNECTORS, TITLE_SPLIT, TITLE_WORD, WORD_RUN
from linter.model import HEADING, Block, Document

COMPARISON = frozenset({"vs", "vs.", "versus", "or"})


def words(text: str) -> list[str]:
    return TITLE_WORD.findall(text)


def is_title_case(phrase: str) -> bool:
    """Every word capitalised except small connectors (the way titles are written)."""
    tokens = words(phrase)
    capitals = [t for t in tokens if t[:1].isupper() or t[:1].isdigit()]
    rest = [t for t in tokens if t not in capitals]
    return len(capitals) >= 2 and all(t.lower() in NAME_CONNECTORS for t in rest)


def looks_like_name(phrase: str, max_words: int) -> bool:
    """Short all-capitalised phrases without a comparison are names ("Game of Thrones")."""
    tokens = words(phrase)
    if len(tokens) > max_words or any(t.lower() in COMPARISON for t in tokens):
        return False
    return all(t[:1].isupper() or t.lower() in NAME_CONNECTORS or t[:1].isdigit() for t in tokens)


def title_parts(title: str, site_name: str | None) -> list[str]:
    """The title and its meaningful parts, without a trailing site name."""
    title = " ".join(title.split())
    parts = [p.strip(" ?!.,") for p in TITLE_SPLIT.split(title)]
    parts = [p for p in parts if p]
    site = (site_name or "").strip().lower()
    if site:
        parts = [p for p in parts if p.lower() != site]
    elif len(parts) > 1 and len(words(parts[-1])) <= 3:
        parts = parts[:-1]  # "Headline | Site": the short tail is the site's name
    candidates = [title.strip(" ?!.")] if len(parts) > 1 or not site else []
    return [*dict.fromkeys([*candidates, *parts])]


def source_phrases(doc: Document) -> list[tuple[str, str]]:
    """``(phrase, origin)`` for the title's parts, H1s and other Title-Case headings."""
    found: list[tuple[str, str]] = []
    site = doc.meta.og_site_name
    if doc.title:
        found.extend((p, "title") for p in title_parts(doc.title, site))
    for block in doc.blocks:
        if block.kind != HEADING:
            continue
        if block.level == 1:
            found.extend((p, "H1") for p in title_parts(block.text, site))
        elif is_title_case(block.text):
            found.append((block.text.strip(" ?!.:"), "heading"))
    seen: dict[str, str] = {}
    for phrase, origin in found:
        seen.setdefault(phrase, origin)
    return list(seen.items())


# A title-case run is looked for only between words of at most this many characters. Its
# regex tries every capital letter of a word as a start, each time reading to the word's
# end: quadratic in a word's length ("Q" * 40,000 cost 31 s). A longer "word" is no
# phrase anyone wrote, so it separates the text instead.
MAX_WORD = 1_000
_LONG_WORD = re.compile(rf"(?<![\w’'&-])[\w’'&-]{{{MAX_WORD + 1},}}")
_TITLE_RUN = re.compile(
    r"(?:[A-Z][\w’'&-]*|vs\.?|versus|or|and|of|the|in|for|to)"
    r"(?:\s+(?:[A-Z][\w’'&-]*|vs\.?|versus|or|and|of|the|in|for|to))+"
)


def _title_runs(text: str) -> Iterator[re.Match[str]]:
    """``_TITLE_RUN`` matches in ``text``, in the stretches between over-long words."""
    start = 0
    if len(text) > MAX_WORD:
        for long_word in _LONG_WORD.finditer(text):
            yield from _TITLE_RUN.finditer(text, start, long_word.start())
            start = long_word.end()
    yield from _TITLE_RUN.finditer(text, start)


def recurring_title_case(blocks: Iterable[Block], min_words: int, min_count: int) -> list[str]:
    """Title-Case runs with a comparison word ("X vs Y") that recur in running text.

    A template that pastes its topic into sentences leaves a capitalised phrase where the
    prose is otherwise lowercase; the comparison word keeps organisation names out.
    """
    counts: Counter[str] = Counter()
    for block in blocks:
        for match in _title_runs(block.text):
            tokens = match.group().split()
            while tokens and tokens[-1].lower() in NAME_CONNECTORS:
                tokens.pop()
            while tokens and tokens[0].lower() in NAME_CONNECTORS:
                tokens.pop(0)
            if len(tokens) >= min_words and any(t.lower() in COMPARISON for t in tokens):
                counts[" ".join(tokens)] += 1
    return [phrase for phrase, count in counts.items() if count >= min_count]


class BlockIndex:
    """Which blocks may hold a phrase, from one pass over their words.

    Checking every heading phrase against every block costs headings x blocks (a 50 MB
    page has thousands of each). A phrase word made of word characters only is, wherever
    the phrase matches, a whole run of word characters (the pattern's edges and the white
    space inside it separate runs), so only blocks holding that run can match: the
    phrase's rarest such word names the few blocks worth searching.
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._holders: dict[str, list[int]] | None = None  # run -> block positions

    def _index(self) -> dict[str, list[int]]:
        if self._holders is None:
            self._holders = {}
            for position, block in enumerate(self.blocks):
                for run in set(WORD_RUN.findall(block.text)):
                    self._holders.setdefault(run, []).append(position)
        return self._holders

    def blocks_for(self, phrase: str) -> list[Block]:
        """The blocks, in order, that hold the rarest whole-run word of ``phrase``."""
        keys = [w for w in phrase.split() if WORD_RUN.fullmatch(w)]
        if not keys:
            return self.blocks
        holders = self._index()
        rarest = min((holders.get(k, []) for k in keys), key=len)
        return [self.blocks[position] for position in rarest]


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Case-sensitive, whole-word match of ``phrase`` with any white space inside."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<![\w’'-]){body}(?![\w’'-])")
