"""The data every stage shares: documents, blocks, sentences and findings.

Readers build one ``Document`` per input; checks only read it. Offsets inside a block are
offsets into ``Block.text``; ``Block.tmap`` turns them into offsets into
``Document.source``, and ``Document.lines`` turns those into line and column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any, TypeVar

from linter.textmap import LineIndex, TextMap

if TYPE_CHECKING:
    from spacy.tokens import Span

T = TypeVar("T")


class Severity(IntEnum):
    """Ordered so that ``severity >= threshold`` decides what fails a run."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


# Block kinds. Prose kinds hold running text that sentence-level rules read.
TITLE = "title"
META = "meta"
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"
QUOTE = "quote"
FAQ_QUESTION = "faq_question"
FAQ_ANSWER = "faq_answer"
PROSE_KINDS = frozenset({PARAGRAPH, LIST_ITEM, QUOTE, FAQ_ANSWER, TABLE_CELL})

# Regions: "main" is the article body; "chrome" is navigation, header, footer, sidebars
# and forms, which prose rules leave alone.
MAIN = "main"
CHROME = "chrome"

# Parts of the article that are not its running text (``Block.part``): prose rules leave
# them alone, the SEO rules still count them as the article's.
HEADLINE = "headline"
BYLINE = "byline"
CAPTION = "caption"
RELATED = "related"  # a "Related: ..." or "Read more: ..." line linking to another story


# Input formats whose source lines are paragraphs, not lines of a file: the Word reader
# (``linter.read.docx``) writes one line per paragraph, so line N is paragraph N.
PARAGRAPH_LINES = frozenset({"docx"})


def line_label(line: int, fmt: str | None = None, path: str | None = None) -> str:
    """How a person finds line ``line``: "¶12" in a Word document (paragraph 12, as
    Word numbers none but shows with ¶ marks on), "12" elsewhere. The format is
    ``fmt`` when known (``FileResult.format``), else guessed from ``path``'s suffix."""
    if fmt is None and path is not None and path.lower().endswith(".docx"):
        fmt = "docx"
    return f"¶{line}" if fmt in PARAGRAPH_LINES else str(line)


# Block's role fields, as ``Block.roles`` reports them.
_ROLES = (
    "faq_section",
    "faq_group",
    "answers",
    "number",
    "marker",
    "bullet",
    "front_matter",
    "table",
    "part",
)


@dataclass(slots=True)
class TableCell:
    """Where a table cell sits in a table the text reader inferred from bare lines."""

    table: int
    """The table's number in the document, from 0."""
    row: int | None = None
    """The cell's row and column, from 0; ``None`` when the reader found a run of cells
    but could not tell the grid."""
    col: int | None = None


@dataclass(slots=True)
class Block:
    """One unit of visible text: a heading, a paragraph, a list item, a table cell...

    The typed fields after ``attrs`` are what readers infer about the block's role; each
    keeps its default where it does not apply.
    """

    kind: str
    text: str
    tmap: TextMap
    level: int = 0
    region: str = MAIN
    index: int = 0
    attrs: dict[str, str] = field(default_factory=dict)
    """HTML attributes of the source element, only those a rule reads (today ``name`` of
    the ``<meta name="description">`` block); never the reader's inferences."""
    faq_section: bool = False
    """A heading that names an FAQ and so opens an FAQ section."""
    faq_group: bool = False
    """A non-question sub-heading inside an FAQ section that groups its questions."""
    answers: int | None = None
    """For an FAQ answer: the index of the question block it answers."""
    number: int | None = None
    """The number written before an FAQ question or a list item ("3." -> 3); plain text."""
    marker: str | None = None
    """A list item's marker as written ("•", "3.", "a)"); plain text."""
    bullet: bool = False
    """An FAQ answer written as a bulleted line; plain text."""
    front_matter: bool = False
    """A title or description block read from Markdown YAML front matter."""
    table: TableCell | None = None
    """Where a table cell sits; plain text (the other readers leave it ``None``)."""
    part: str | None = None
    """HTML: a part of the article that is not its running text (``HEADLINE``, ``BYLINE``,
    ``CAPTION``, ``RELATED``); prose rules skip it."""

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    def roles(self) -> dict[str, Any]:
        """The role fields the reader set (those not at their default), by name."""
        values = {name: getattr(self, name) for name in _ROLES}
        # ``is``, not ``in (None, False)``: answers=0 (the first block) is set.
        return {n: v for n, v in values.items() if v is not None and v is not False}

    def source_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Source offsets of ``text[start:end]``."""
        return self.tmap.span(start, len(self.text) if end is None else end)


@dataclass(slots=True)
class Sentence:
    """A sentence inside one block; ``span`` is the spaCy span with its tokens."""

    block: Block
    start: int
    end: int
    span: Span
    base: int = 0

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def token_offset(self, token: Any) -> int:
        """Offset of a spaCy token of this sentence in ``block.text``."""
        return self.base + token.idx


# Splits prose blocks into sentences (``linter.nlp.segment``), given to a document by
# whoever runs checks on it (the engine), so the model does not import the NLP layer.
Segmenter = Callable[[list[Block]], list[Sentence]]


@dataclass(slots=True)
class Tag:
    """An HTML start tag as the reader found it: its name, the source offsets of its
    ``<`` and of its ``>`` + 1, and its attributes (names in lower case, values decoded
    as the parser decodes them, the first of a repeated name kept)."""

    name: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Link:
    href: str
    text: str
    offset: int
    rel: str = ""
    region: str = MAIN
    tag: Tag | None = None
    """HTML: the ``<a>`` start tag (``None`` when the reader could not find it in the
    source, and in Markdown)."""
    close: tuple[int, int] | None = None
    """HTML: the source span of the first ``</a>`` after the start tag, if any."""


@dataclass(slots=True)
class Image:
    src: str
    alt: str | None
    offset: int
    region: str = MAIN
    tag: Tag | None = None
    """HTML: the ``<img>`` start tag (``None`` when the reader could not find it in the
    source, and in Markdown)."""
    hidden: bool = False
    """HTML: the image or an element around it is hidden by its markup (the ``hidden``
    attribute, an inline ``display:none`` or ``visibility:hidden``, ``aria-hidden="true"``
    or a ``<template>``; see ``read.html_hidden``)."""
    interface: bool = False
    """HTML: the element around the image or the one around that is named as part of the
    site's interface ("logo", "icon" or "avatar" in its class or id), or the image sits in
    the article's byline (the author's photo)."""


@dataclass(slots=True)
class Heading:
    """A heading element of an HTML page, as written in the source."""

    level: int
    start: int
    """Offset of the ``<`` of ``<hN``."""
    end: int
    """End of the first heading end tag (``</h1>``-``</h6>``) after the start tag, or of
    the start tag when none follows."""
    text: str
    """The visible text between the tags (white space collapsed; empty for an unclosed
    heading)."""
    label: str
    """What assistive technology reads for it without text: its ``aria-label``, else the
    ``aria-label`` of elements inside, the ``alt`` of images inside and the ``<title>`` of
    an inline SVG, joined."""
    within: frozenset[str] = frozenset()
    """Where an H1 sits (other levels leave it empty): markers of the elements around it (``article``, ``main``, ``header``,
    ``footer``, ``nav``, ``aside``, ``dialog``, ``button``, ``a``, ``logo``; see
    ``linter.read.html_frame``)."""
    holds: frozenset[str] = frozenset()
    """What its markup holds: ``a``, ``button``, ``img``, ``logo`` (``html_frame``)."""


@dataclass
class PageFacts:
    """The markup of an HTML page that rules about the page itself (SEO) judge, in
    source order. Tags inside comments and inside script, style, template, SVG, MathML,
    noscript, object, textarea, iframe and other raw-text elements are not the page's
    and are left out."""

    html: Tag | None = None
    """The first ``<html>`` start tag."""
    head: Tag | None = None
    """The first ``<head>`` start tag."""
    body: Tag | None = None
    """The first ``<body>`` start tag."""
    base: Tag | None = None
    """The first ``<base>`` start tag (its ``href`` is what relative links resolve
    against)."""
    titles: list[Tag] = field(default_factory=list)
    metas: list[Tag] = field(default_factory=list)
    rel_links: list[Tag] = field(default_factory=list)
    """``<link>`` start tags (canonical, alternate...)."""
    headings: list[Heading] = field(default_factory=list)

    def metas_named(self, *names: str) -> list[Tag]:
        """``<meta>`` tags whose ``name`` (or ``property``) is one of ``names``."""
        found = []
        for tag in self.metas:
            key = (tag.attrs.get("name") or tag.attrs.get("property") or "").strip().lower()
            if key in names:
                found.append(tag)
        return found


@dataclass(slots=True)
class JsonLd:
    """A JSON-LD script: its parsed data, or the parse error with its source offset."""

    offset: int
    data: Any = None
    error: str | None = None
    error_offset: int | None = None


@dataclass(slots=True)
class HeadMeta:
    """What a page says about itself outside its text: the HTML head's title, meta and
    link tags, or a Markdown file's front matter. Empty values are kept as read."""

    titles: list[str] = field(default_factory=list)  # every <title>'s text, "" if empty
    descriptions: list[str] = field(default_factory=list)  # every meta description
    description: str | None = None  # the first one
    canonical: str | None = None
    robots: str | None = None
    og_title: str | None = None
    og_site_name: str | None = None


@dataclass(slots=True)
class TitleRunIn:
    """A plain-text title line that runs into the first sentence ("Solar vs Wind Homeowners
    often ..."): source offsets of the title's end and of the sentence's start."""

    title_end: int
    sentence_start: int


@dataclass
class Document:
    """Everything known about one input, built once and read by every check."""

    path: str
    format: str
    source: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    title_offset: int | None = None
    meta: HeadMeta = field(default_factory=HeadMeta)
    # Whether the HTML reader found the article's container (None: not HTML).
    body_found: bool | None = None
    title_run_in: TitleRunIn | None = None
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    jsonld: list[JsonLd] = field(default_factory=list)
    lang: str | None = None
    page: PageFacts | None = None
    """The page's markup as the HTML reader found it; ``None`` for Markdown and text."""
    # Passages an audit found pasted by the site's template inside a block of the
    # writer's own (block index -> spans of its text): sentence rules leave them to the
    # site report (``linter.checks.site._template``).
    template_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    segmenter: Segmenter | None = field(default=None, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` of the source, without its newline."""
        start = self.lines.line_start(line)
        end = self.source.find("\n", start)
        return self.source[start : None if end == -1 else end]

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """Derived data several checks share (FAQ entries, readability counts, a source
        scan): built on first request, kept as long as the document and no longer."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    @property
    def sentences(self) -> list[Sentence]:
        """Sentences of every prose block in the main region, segmented once."""
        if self._sentences is None:
            if self.segmenter is None:
                raise RuntimeError("no sentence segmenter: run the document through the engine")
            self._sentences = [
                s for s in self.segmenter(self.body_blocks()) if not self._in_template(s)
            ]
        return self._sentences

    def _in_template(self, sentence: Sentence) -> bool:
        spans = self.template_spans.get(sentence.block.index)
        return bool(spans) and any(a < sentence.end and sentence.start < b for a, b in spans)

    def body_blocks(self) -> list[Block]:
        """Prose blocks of the article body: what prose rules read (no captions, bylines)."""
        return [b for b in self.blocks if b.is_prose and b.region == MAIN and b.part is None]

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.body_blocks())


@dataclass(slots=True)
class Related:
    """Another place a finding refers to (the earlier claim of a contradiction...)."""

    line: int
    column: int
    excerpt: str
    # Set when the place is in another file: site-level findings list the other pages.
    path: str | None = None


@dataclass(slots=True)
class Finding:
    """One problem at one place, as every reporter prints it."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    fix: str | None = None
    related: list[Related] = field(default_factory=list)
    start: int = 0
    end: int = 0
    anchor: str = "span"  # the rule's: "document" when the spot shown is not the point

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "fix": self.fix,
            "related": [
                {"line": r.line, "column": r.column, "excerpt": r.excerpt}
                | ({"path": r.path} if r.path else {})
                for r in self.related
            ],
        }


@dataclass
class Comparison:
    """What changed since run ``against`` of the history (``linter.history``): findings
    new now, fixed since, and unchanged. Here, below the history and the reports, so a
    report can hold one with its type.

    ``not_compared`` counts pages only one of the two runs checked (failed to read, not
    reached by an interrupted run, not audited this time): their findings are left out,
    so a page that could not be read is not reported as "all fixed".
    """

    against: int
    started: str
    new: list[Finding]
    fixed: list[dict[str, Any]]
    unchanged: int
    not_compared: int = 0
