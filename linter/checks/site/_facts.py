"""What site rules need to know of a page, small enough to keep for every page of a site.

Workers parse a page, run its page rules, and send back these facts instead of the
document: a title, a description, a heading, the FAQ questions, a MinHash signature and
where template text sat. Each fact keeps its line and column, and the source line, so a
site finding is reported, quoted and fingerprinted like any other finding.

A page audited from a crawl (its path is its URL) also keeps its links, canonical and
noindex for the crawl's site rules (``site_crawl``). A page has many links and few of them
are ever reported, so their source lines are not kept here: the audit reads the few lines
its findings need again from the page's source (``linter.audit.run``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.model import HEADING, META, Document
from linter.quote import Line, keep_line

_ANSWER_CHARS = 600  # enough of an answer to judge what it covers


@dataclass(slots=True)
class Located:
    """A piece of a page's text, where it starts and, when known, where it ends (a
    finding about a title underlines the title, not a zero-width point before it)."""

    text: str
    line: int
    column: int
    end_line: int = 0  # 0: unknown, the place is the start only
    end_column: int = 0


@dataclass(slots=True)
class FaqItem:
    """A visible FAQ question with the start of its answer (what coverage reads)."""

    question: Located
    answer_text: str

    @property
    def text(self) -> str:
        return self.question.text


@dataclass(slots=True)
class PageLink:
    """A link of a crawled page: its target as an absolute URL without its fragment,
    and where its tag is (``text``: the href as written)."""

    url: str
    at: Located


@dataclass(slots=True)
class PageFacts:
    """One page as the site rules see it."""

    path: str
    format: str = "html"
    words: int = 0
    title: Located | None = None
    description: Located | None = None
    h1: Located | None = None
    faq: list[FaqItem] = field(default_factory=list)
    body_words: int = 0  # words of the body text, as the MinHash signature counts them
    signature: bytes | None = None
    template: list[tuple[int, Located]] = field(default_factory=list)
    # Images of the site template without alt: (file name, where its tag starts).
    template_images: list[tuple[str, Located]] = field(default_factory=list)
    lines: dict[int, Line] = field(default_factory=dict)
    # Pages of a crawl only (path an http(s) URL): each link target once, first place.
    links: list[PageLink] = field(default_factory=list)
    canonical: PageLink | None = None
    noindex: bool = False


class _Locator:
    """Turns source offsets into ``Located`` and keeps the lines they are on (a long
    line only around the places on it: see ``linter.quote``)."""

    def __init__(self, doc: Document, facts: PageFacts) -> None:
        self.doc = doc
        self.facts = facts
        self.spans: dict[int, list[tuple[int, int]]] = {}

    def at(self, text: str, offset: int, end: int | None = None) -> Located:
        line, column = self.doc.lines.position(offset)
        end_line, end_column = self.doc.lines.position(end) if end else (line, column)
        last = end_column - 1 if end_line == line else len(self.doc.line_text(line))
        self.spans.setdefault(line, []).append((column - 1, last))
        return Located(" ".join(text.split()), line, column, end_line, end_column)

    def keep_lines(self) -> None:
        """Store the lines of every place located (a site finding is quoted at its start)."""
        for line, spans in self.spans.items():
            self.facts.lines[line] = keep_line(self.doc.line_text(line), spans)


def page_facts(doc: Document, template: list[tuple[int, int, str]]) -> PageFacts:
    """The facts of ``doc``; ``template`` is what ``mark_template`` found on it."""
    from linter.checks._images import image_name, missing_alt
    from linter.checks.faq._entries import faq_entries
    from linter.checks.site._minhash import body_signature  # numpy: only when an audit runs

    facts = PageFacts(doc.path, doc.format, words=doc.word_count)
    where = _Locator(doc, facts)
    if doc.title and doc.title_offset is not None:
        facts.title = where.at(doc.title, doc.title_offset, _title_end(doc))
    for block in doc.blocks:
        if not block.text.strip():
            continue
        if facts.description is None and block.kind == META:
            if block.attrs.get("name") == "description":
                facts.description = where.at(block.text, *block.source_span())
        elif facts.h1 is None and block.kind == HEADING and block.level == 1:
            facts.h1 = where.at(block.text, *block.source_span())
    for entry in faq_entries(doc):
        start = entry.question.source_span(entry.text_start)[0]
        facts.faq.append(FaqItem(where.at(entry.text, start), entry.answer_text[:_ANSWER_CHARS]))
    body = " ".join(block.text for block in doc.body_blocks())
    facts.body_words, facts.signature = body_signature(body)
    facts.template = [(key, where.at(text, offset)) for key, offset, text in template]
    if doc.format == "html":
        facts.template_images = [
            (image_name(image, tag), where.at(image_name(image, tag), tag.start))
            for image, tag in missing_alt(doc, template=True)
        ]
    where.keep_lines()
    if doc.path.startswith(("http://", "https://")):
        _crawl_facts(doc, facts)
    return facts


def _crawl_facts(doc: Document, facts: PageFacts) -> None:
    """Links, canonical and noindex of a crawled page (its path is its URL); relative
    links resolve against its ``<base href>`` when it has one, as the crawler's did."""
    seen: set[str] = set()
    base = doc.path
    if doc.page is not None and doc.page.base is not None:
        base = absolute(doc.path, doc.page.base.attrs.get("href", "")) or doc.path
    for link in doc.links:
        url = absolute(base, link.href)
        if url is None or url in seen:
            continue
        seen.add(url)
        start, end = (link.tag.start, link.tag.end) if link.tag else (link.offset, None)
        facts.links.append(PageLink(url, _place(doc, link.href, start, end)))
    tag = _canonical_tag(doc)
    if tag is not None:
        url = absolute(base, tag.attrs.get("href", ""))
        if url is not None:
            facts.canonical = PageLink(url, _place(doc, tag.attrs["href"], tag.start, tag.end))
    robots = (doc.meta.robots or "").lower().replace(",", " ").split()
    facts.noindex = "noindex" in robots or "none" in robots


def absolute(base: str, href: str) -> str | None:
    """``href`` on page ``base`` as an absolute http(s) URL spelled as the crawler spells
    what it fetched (``linter.weburl``), or None (a fragment alone, another scheme)."""
    from linter.weburl import normalise

    href = href.strip()
    if not href or href.startswith("#"):
        return None
    return normalise(href, base)


def _place(doc: Document, text: str, start: int, end: int | None) -> Located:
    line, column = doc.lines.position(start)
    end_line, end_column = doc.lines.position(end) if end else (line, column)
    return Located(" ".join(text.split()), line, column, end_line, end_column)


def _canonical_tag(doc: Document):
    """The first ``<link rel=canonical>`` with an href, as the reader found it."""
    if doc.page is None:
        return None
    for tag in doc.page.rel_links:
        rel = tag.attrs.get("rel", "").lower().split()
        if "canonical" in rel and tag.attrs.get("href", "").strip():
            return tag
    return None


def _title_end(doc: Document) -> int | None:
    """Source offset where the title ends: that of the block holding it (the HTML
    ``<title>``, the front-matter value, the Markdown H1), else the title's length on its
    line (a plain-text run-in title), else None."""
    start = doc.title_offset
    if start is None or not doc.title:
        return None
    for block in doc.blocks:
        if block.text == doc.title and block.text and block.source_span()[0] == start:
            return block.source_span()[1]
    if doc.source.startswith(doc.title, start):
        return start + len(doc.title)
    return None
