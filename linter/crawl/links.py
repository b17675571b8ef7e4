"""The links a fetched HTML page adds to the frontier, read with lxml from its bytes.

Followed: ``<a href>`` (``rel=nofollow`` ones too: the site's owner is auditing what a
reader can click, and a broken nofollow link is still broken; Screaming Frog leaves them
out by default and has a switch to follow them) and ``<link rel=canonical>``, both resolved
against ``<base href>``. ``<meta name=robots content=nofollow|none>`` (or the same in an
``X-Robots-Tag`` header) stops a page's links being followed; its canonical is still
checked, since the audit reports canonicals that point at missing pages.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from email.message import Message

import lxml.html
from lxml import etree

from linter.crawl.urls import normalise

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


@dataclass
class PageLinks:
    links: list[str] = field(default_factory=list)
    canonical: str | None = None
    nofollow: bool = False


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return _known(message.get_param("charset"))


def _known(name: object) -> str | None:
    if not isinstance(name, str):
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def page_charset(body: bytes, content_type: str | None) -> str:
    """The page's encoding: the HTTP header's charset first, then ``<meta charset>`` (or the
    http-equiv form) in the first 4 KB, then UTF-8."""
    found = header_charset(content_type)
    if found:
        return found
    match = _META_CHARSET.search(body[:4096])
    if match:
        found = _known(match.group(1).decode("ascii", "replace"))
    return found or "utf-8"


def is_html(content_type: str | None) -> bool:
    """An HTML response by its Content-Type; a missing one counts as HTML (a browser would
    sniff it, and a small static server often sends none)."""
    if not content_type:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml")


def _robots_nofollow(value: str | None) -> bool:
    words = {word.strip().lower() for word in (value or "").split(",")}
    return bool(words & {"nofollow", "none"})


def extract(body: bytes, url: str, content_type: str | None, x_robots: str | None) -> PageLinks:
    """The normalised http(s) links and canonical of an HTML page (scope is the caller's)."""
    found = PageLinks(nofollow=_robots_nofollow(x_robots))
    if not body.strip():
        return found
    parser = lxml.html.HTMLParser(encoding=page_charset(body, content_type))
    try:
        root = lxml.html.document_fromstring(body, parser=parser)
    except (etree.ParserError, ValueError):
        return found
    base = url
    for element in root.iter("base"):
        href = element.get("href")
        if href:
            base = normalise(href, url) or url
            break
    for meta in root.iter("meta"):
        if (meta.get("name") or "").strip().lower() in ("robots", "contentlint"):
            found.nofollow = found.nofollow or _robots_nofollow(meta.get("content"))
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href") and found.canonical is None:
            found.canonical = normalise(link.get("href"), base)
    if found.nofollow:
        return found
    seen: set[str] = set()
    for anchor in root.iter("a"):
        href = anchor.get("href")
        target = normalise(href, base) if href else None
        if target and target not in seen:
            seen.add(target)
            found.links.append(target)
    return found
