"""FAQ questions a sibling page answers and this page's FAQ does not cover.

Siblings are pages with an FAQ whose titles share a key phrase: a pair of neighbouring
content words of the title's main part, stemmed. A phrase on more than ``max_group``
pages groups nothing. Coverage is judged by the matcher FQ011 to FQ013 use
(``linter.checks.faq._coverage.covered``), names checked against this page's FAQ and title. One hit per ordered pair, at this page's first FAQ question, naming at most
``max_listed`` of the missing questions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise, permutations
from typing import Any

from linter.checks.base import COUNT, NUMBER, Param
from linter.checks.faq._coverage import covered
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit, related
from linter.lexicon import STOP_WORDS, TITLE_KEY_WORD, TITLE_PART_SPLIT, concept_stem

SCOPE = "corpus"
PARAMS: dict[str, Param] = {
    "threshold": NUMBER,
    "answer_weight": NUMBER,
    "max_group": COUNT,
    "max_listed": COUNT,
}


def topic_phrases(title: str) -> set[tuple[str, str]]:
    """Stemmed pairs of neighbouring content words of the title's main part."""
    main = max(TITLE_PART_SPLIT.split(title), key=len)
    words = [
        w for w in TITLE_KEY_WORD.findall(main.lower()) if w not in STOP_WORDS and not w.isdigit()
    ]
    stems = [concept_stem(w) for w in words]
    return set(pairwise(stems))


def sibling_pairs(pages: Sequence[PageFacts], max_group: int) -> Iterator[tuple[int, int]]:
    """Ordered pairs of FAQ pages sharing a title key phrase, each pair once."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, page in enumerate(pages):
        if page.faq and page.title:
            for phrase in topic_phrases(page.title.text):
                groups[phrase].append(index)
    seen: set[tuple[int, int]] = set()
    for members in groups.values():
        if 1 < len(members) <= max_group:
            seen.update(permutations(members, 2))
    yield from sorted(seen)


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    for source, target in sibling_pairs(pages, params["max_group"]):
        theirs, ours = pages[source], pages[target]
        page = ours.title.text if ours.title else ""
        missing = [
            item
            for item in theirs.faq
            if not covered(item.text, ours.faq, params["threshold"], params["answer_weight"], page)
        ]
        if not missing:
            continue
        shown = missing[: params["max_listed"]]
        names = "; ".join(f'"{item.text}"' for item in shown)
        if len(missing) > len(shown):
            names += f" and {len(missing) - len(shown)} more"
        yield SiteHit(
            target,
            ours.faq[0].question,
            {"page": theirs.path, "count": len(missing), "questions": names},
            [related(theirs, item.question) for item in missing],
        )
