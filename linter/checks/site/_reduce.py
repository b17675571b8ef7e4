"""Site kinds in map-reduce form: what a kind emits per page, and how it reduces groups.

A site of 100,000 pages cannot keep every page's facts in one list for each rule to
walk, so a grouping kind is split in two:

- **map**, in the worker that read the page: ``site_keys(page, params) -> Iterable[Key]``,
  the values the rule groups pages by (a folded title, a template passage's key, an LSH
  band of the MinHash signature, a title topic phrase), each once per page and in the
  order the page has them. A key is a ``str``, ``bytes`` or 64-bit ``int``.
- **reduce**, in the coordinator: ``reduce_site(groups, pages, params) -> Iterable[SiteHit]``.
  ``groups`` are ``(key, members)``: the audit indexes of the pages that emitted the key,
  ascending, only for keys on ``group_size(params)`` pages (``(least, most)``, ``most``
  None for no upper bound; ``(2, None)`` when the kind does not say), in order of their
  first page and then of the key's place on that page. ``pages`` (``Pages``) loads the
  facts of a member when a hit needs them, and says how many pages the rule applies to.
  A hit's ``page`` is an audit index.

The audit (``linter.audit.site_store``) stores the keys in SQLite and groups them
there, so the coordinator's memory grows with the groups that produce hits, not with the
pages. ``check_site(pages, params)`` of these kinds is ``reduce_in_memory``: the same map
and reduce over a list, for code that has the pages at hand.

Crawl kinds (``check_crawl(pages, crawl, params)``) are not grouped: they read every
page's links in turn.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, Protocol

from linter.checks.site._facts import Located, PageFacts
from linter.checks.site._hits import SiteHit, related
from linter.model import Related

Key = Hashable  # str, bytes or a 64-bit int where it is stored
Group = tuple[Key, list[int]]


class Pages(Protocol):
    """The pages a reducer can read back."""

    @property
    def total(self) -> int:
        """How many pages the rule applies to (a share is of these)."""
        ...

    def facts(self, index: int) -> PageFacts:
        """The facts of the page at audit index ``index``."""
        ...

    def many(self, indexes: Sequence[int]) -> Iterable[PageFacts]:
        """The facts of the pages at ascending ``indexes``, in turn (a whole group is
        read in batches, not page by page)."""
        ...


def group_size(module: ModuleType, params: Mapping[str, Any]) -> tuple[int, int | None]:
    """How many pages a group of ``module`` needs: at least, at most (None: any)."""
    sizes = getattr(module, "group_size", None)
    return sizes(params) if sizes is not None else (2, None)


def signed64(key: int) -> int:
    """A 64-bit unsigned key as SQLite's signed integers hold it."""
    return key - (1 << 64) if key >= 1 << 63 else key


def others_of(
    pages: Pages, others: Sequence[int], place: Callable[[PageFacts], Located]
) -> tuple[list[str], list[Related]]:
    """The paths of the ``others`` of a group and their places as related places, read
    one page at a time (a group may be most of the site)."""
    paths, places = [], []
    for page in pages.many(others):
        paths.append(page.path)
        places.append(related(page, place(page)))
    return paths, places


def first_once(keys: Iterable[Key]) -> list[Key]:
    """``keys`` without repeats, each where it first comes."""
    return list(dict.fromkeys(keys))


class ListPages:
    """``Pages`` over a list in memory (the index is the list's)."""

    def __init__(self, pages: Sequence[PageFacts]) -> None:
        self.pages = pages
        self.total = len(pages)

    def facts(self, index: int) -> PageFacts:
        return self.pages[index]

    def many(self, indexes: Sequence[int]) -> Iterator[PageFacts]:
        return (self.pages[index] for index in indexes)


class CachedFacts:
    """The last ``size`` pages loaded by ``load``: a reducer reads a group's first page
    for each of its hits, and near-duplicate pairs read the same pages again."""

    def __init__(self, load, size: int = 512) -> None:
        self.load = load
        self.size = size
        self.kept: OrderedDict[int, PageFacts] = OrderedDict()

    def __call__(self, index: int) -> PageFacts:
        page = self.kept.get(index)
        if page is None:
            page = self.kept[index] = self.load(index)
            if len(self.kept) > self.size:
                self.kept.popitem(last=False)
        else:
            self.kept.move_to_end(index)
        return page


def in_memory_groups(
    module: ModuleType, pages: Sequence[PageFacts], params: Mapping[str, Any]
) -> Iterator[Group]:
    """The groups of ``module``'s keys over ``pages``, in the order ``reduce_site`` expects."""
    least, most = group_size(module, params)
    groups: dict[Key, list[int]] = {}
    for index, page in enumerate(pages):
        for key in first_once(module.site_keys(page, params)):
            groups.setdefault(key, []).append(index)
    for key, members in groups.items():  # insertion order: first page, then place on it
        if len(members) >= least and (most is None or len(members) <= most):
            yield key, members


def reduce_in_memory(
    module: ModuleType, pages: Sequence[PageFacts], params: Mapping[str, Any]
) -> Iterator[SiteHit]:
    """``check_site`` of a map-reduce kind: map and reduce over a list of pages."""
    groups = in_memory_groups(module, pages, params)
    yield from module.reduce_site(groups, ListPages(pages), params)
