"""FAQ questions a sibling page answers and this page's FAQ does not cover.

Siblings are pages with an FAQ whose titles share a key phrase: a pair of neighbouring
content words of the title's main part, stemmed. A phrase on more than ``max_group``
pages groups nothing. Coverage is judged by the matcher FQ011 to FQ013 use
(``linter.checks.faq._coverage.covered``), names checked against this page's FAQ and title. One hit per ordered pair, at this page's first FAQ question, naming at most
``max_listed`` of the missing questions.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise, permutations
from typing import Any

from linter.checks.base import COUNT, NUMBER, Param
from linter.checks.faq._coverage import covered
from linter.checks.site._facts import PageFacts
from linter.checks.site._hits import SiteHit, related
from linter.checks.site._reduce import Group, Pages, reduce_in_memory
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


def group_size(params: Mapping[str, Any]) -> tuple[int, int | None]:
    """A phrase on more than ``max_group`` pages groups nothing."""
    return 2, params["max_group"]


def site_keys(page: PageFacts, params: Mapping[str, Any]) -> list[str]:
    """The title's topic phrases, of a page with an FAQ (``"stem stem"``)."""
    if not (page.faq and page.title):
        return []
    return sorted(" ".join(phrase) for phrase in topic_phrases(page.title.text))


def sibling_pairs(groups: Iterable[Group]) -> list[tuple[int, int]]:
    """Ordered pairs of FAQ pages sharing a title key phrase, each pair once, sorted."""
    seen: set[tuple[int, int]] = set()
    for _, members in groups:
        seen.update(permutations(members, 2))
    return sorted(seen)


def reduce_site(
    groups: Iterable[Group], pages: Pages, params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    for source, target in sibling_pairs(groups):
        theirs, ours = pages.facts(source), pages.facts(target)
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


def check_site(pages: Sequence[PageFacts], params: Mapping[str, Any]) -> Iterable[SiteHit]:
    return reduce_in_memory(sys.modules[__name__], pages, params)
