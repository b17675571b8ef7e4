"""The frontier: what is queued, what was seen, and the rules for letting a URL in."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from linter.crawl.urls import Scope, host_of

# A redirect chain longer than this is not followed further (recorded as an error).
MAX_HOPS = 10


@dataclass
class Item:
    """A URL to fetch and how it was found (the metadata record's fields)."""

    url: str
    depth: int = 0
    via: str | None = None
    found_by: str = "seed"  # seed | link | redirect | sitemap | canonical | robots
    kind: str = "page"  # page | sitemap | robots
    follow: bool = True  # read its links (False for --urls pages without --follow)
    pinned: bool = False  # given by the user (or a redirect from one): path prefixes do not apply
    chain: tuple[str, ...] = ()  # the redirect hops that led here
    level: int = 0  # sitemap index nesting

    def meta(self) -> dict:
        return {
            "depth": self.depth,
            "via": self.via,
            "found_by": self.found_by,
            "kind": self.kind,
        }


class Frontier:
    """Queued sitemaps (fetched first: their URLs are seeds) and pages, and every URL seen.

    ``skip`` is called for a URL turned away with a reason worth recording (max-depth)."""

    def __init__(
        self, scope: Scope, max_depth: int | None, skip: Callable[[Item, str], None]
    ) -> None:
        self.scope = scope
        self.max_depth = max_depth
        self.skip = skip
        self.seen: set[str] = set()
        self.sitemaps: deque[Item] = deque()
        self.pages: deque[Item] = deque()

    def __len__(self) -> int:
        return len(self.sitemaps) + len(self.pages)

    def _in_scope(self, item: Item) -> bool:
        if item.kind == "sitemap":
            # a user-given sitemap is read wherever it is; one it points at must be on a
            # host of the scope or on the host of the file that named it
            return (
                item.pinned
                or self.scope.host_in(item.url)
                or (item.via is not None and host_of(item.via) == host_of(item.url))
            )
        if not self.scope.host_in(item.url):
            return False
        return item.pinned or self.scope.path_in(item.url)

    def offer(self, item: Item, *, front: bool = False) -> bool:
        """Queue ``item`` if it is in scope, new and not too deep; True if queued."""
        if item.url in self.seen or not self._in_scope(item):
            return False
        self.seen.add(item.url)
        if item.kind == "page" and self.max_depth is not None and item.depth > self.max_depth:
            self.skip(item, "max-depth")
            return False
        queue = self.sitemaps if item.kind == "sitemap" else self.pages
        if front:
            queue.appendleft(item)
        else:
            queue.append(item)
        return True
