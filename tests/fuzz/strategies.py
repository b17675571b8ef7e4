"""Hypothesis strategies for documents: HTML, Markdown and plain text built from the
pieces real articles have (titles, meta tags, headings, lists, tables, FAQ sections and
FAQPage JSON-LD) and the pieces that broke the readers before (unclosed and deeply nested
tags, huge attributes, ``&#`` with many digits, CR-only line ends, BOMs, odd encodings).

``draw`` turns a strategy into a reproducible list of values for a seed, so the runner
can generate inputs outside a test function.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

T = TypeVar("T")

WORDS = [
    "the", "the", "a", "an", "and", "is", "is", "to", "of", "in", "it", "we", "you",
    "store", "winter", "carrots", "onions", "price", "plan", "cheap", "best", "never",
    "always", "more", "less", "faster", "than", "not", "three", "3", "10%", "2024",
    "Walla", "New", "York", "click", "here", "Lorem", "ipsum", "TODO", "FAQ", "Q:", "A:",
    "café", "naïve", "â€™", "Ã©", "â€œquotedâ€\x9d", "don't", "e.g.", "U.S.", "Dr.",
    "—", "–", "…", "«", "»", "\u00a0", "\u200b", "\u2028", "\ufeff", "😀", "مرحبا", "日本語",
    "contentlint-disable", "<!-- contentlint-disable HY001 -->", "contentlint: ignore",
]  # fmt: skip
PUNCT = [".", ",", "!", "?", ";", ":", "...", "!!!", "?!", " - ", " -- ", "(", ")", '"', "'"]
ENTITIES = [
    "&amp;", "&nbsp;", "&eacute;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;", "&#x1F600;",
    "&#0;", "&#xD800;", "&#1114112;", "&#x110000;", "&bogus;", "&amp", "&", "&#", "&#x;",
    "&#;", "&nbsp", "&NotANamedEntity;", "&copy", "&mdash;",
]  # fmt: skip


def draw(strategy: st.SearchStrategy[T], count: int, key: int) -> list[T]:
    """``count`` values of ``strategy``, the same ones for the same ``key``.

    Hypothesis' own runner draws them (generation phase only, no database, no shrinking),
    seeded with ``key``; it may stop early when a strategy has few distinct values.
    """
    values: list[T] = []

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=False,
    )
    @seed(key)
    @given(strategy)
    def collect(value: T) -> None:
        values.append(value)

    collect()
    return values[:count]


def _join(parts: list[str]) -> str:
    return " ".join(parts)


words = st.lists(st.sampled_from(WORDS), min_size=0, max_size=25).map(_join)
entity = st.one_of(
    st.sampled_from(ENTITIES),
    st.integers(0, 10**40).map(lambda n: f"&#{n};"),
    st.integers(20, 400).map(lambda n: "&#" + "9" * n + ";"),
    st.integers(1, 60).map(lambda n: "&#x" + "f" * n),
)
# Text without control characters: a few of those make a file binary, which ends the run
# at the reader (the mutator covers NUL bytes and binary files).
printable = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20)
# Rare pieces (nested one_of branches are drawn less often): big inputs are slow inputs.
huge_word = st.sampled_from([200, 2_000]).map(lambda n: "x" * n)
oddity = st.one_of(
    st.sampled_from(PUNCT),
    st.sampled_from(["  ", "   \t ", "\t", "\u3000", "the the", "is  is", "!!!!!!!!!!!!"]),
    st.one_of(
        printable, printable, st.sampled_from(["\x0b", "\x0c", "\x1b[0m", "\x7f"]), huge_word
    ),
)
sentence = st.lists(st.one_of(words, entity, oddity), min_size=1, max_size=6).map("".join)
prose = st.lists(sentence, min_size=1, max_size=5).map(lambda s: ". ".join(s) + ".")

ATTR_NAMES = ["href", "src", "alt", "class", "id", "rel", "content", "name", "lang", "title"]
attr_value = st.one_of(
    words,
    st.sampled_from(["#", "/", "http://x.test/a?b=1&c=2", "javascript:void(0)", "", "nofollow"]),
    st.one_of(st.just("x"), st.just("/"), st.just("a" * 5_000)),
)
attribute = st.one_of(
    st.tuples(st.sampled_from(ATTR_NAMES), attr_value).map(lambda p: f' {p[0]}="{p[1]}"'),
    st.sampled_from([" hidden", " disabled", " data-x", " =", ' "', " a=b=c", " alt"]),
)
attrs = st.lists(attribute, max_size=3).map("".join)
INLINE = ["em", "strong", "a", "code", "span", "b", "i", "sup", "br", "img", "abbr"]
BLOCK = ["p", "div", "ul", "ol", "li", "blockquote", "section", "article", "nav", "footer",
         "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "pre", "dl",
         "dt", "dd", "details", "summary", "figure", "figcaption", "main", "header", "aside"]  # fmt: skip


def _element(tag: str, attributes: str, children: list[str], close: int) -> str:
    inner = "".join(children)
    if close == 0:  # unclosed
        return f"<{tag}{attributes}>{inner}"
    if close == 1:  # a stray end tag of another element
        return f"<{tag}{attributes}>{inner}</{tag}x>"
    return f"<{tag}{attributes}>{inner}</{tag}>"


closing = st.sampled_from([2, 2, 2, 2, 2, 2, 0, 1])
html_leaf = st.one_of(prose, sentence, entity, st.just("<!-- a comment -->"), st.just("<br>"))
html_tree = st.recursive(
    html_leaf,
    lambda children: st.builds(
        _element,
        st.sampled_from(INLINE + BLOCK),
        attrs,
        st.lists(children, max_size=4),
        closing,
    ),
    max_leaves=30,
)


def _nest(tags: tuple[str, ...], depth: int, inner: str) -> str:
    opened = "".join(f"<{t}>" for t in tags) * depth
    return opened + inner + "".join(f"</{t}>" for t in reversed(tags)) * depth


deep_html = st.builds(
    _nest,
    st.sampled_from([("div",), ("ul", "li"), ("b",), ("table", "tr", "td"), ("blockquote",)]),
    st.sampled_from([50, 300, 1500]),
    prose,
)


def _faq_jsonld(pairs: list[tuple[str, str]], breakage: int) -> str:
    data: Any = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for q, a in pairs
        ],
    }
    if breakage == 1:
        data = [data, data]
    elif breakage == 2:
        data["mainEntity"] = {"name": 5}
    text = json.dumps(data, ensure_ascii=breakage == 3)
    if breakage == 4:
        text = text[: len(text) // 2]
    return f'<script type="application/ld+json">{text}</script>'


qa_pairs = st.lists(st.tuples(sentence.map(lambda s: s + "?"), prose), max_size=4)
jsonld = st.builds(_faq_jsonld, qa_pairs, st.integers(0, 5))


def _faq_html(pairs: list[tuple[str, str]], level: int) -> str:
    body = "".join(f"<h{level + 1}>{q}</h{level + 1}><p>{a}</p>" for q, a in pairs)
    return f"<h{level}>Frequently asked questions</h{level}>{body}"


faq_html = st.builds(_faq_html, qa_pairs, st.integers(1, 5))
head_part = st.one_of(
    st.builds("<title>{}</title>".format, sentence),
    st.builds('<meta name="description" content="{}">'.format, prose),
    st.just('<meta charset="iso-8859-1">'),
    st.just('<meta name="robots" content="noindex">'),
    st.just('<link rel="canonical" href="https://x.test/a">'),
    jsonld,
)


def _html_doc(doctype: bool, lang: str, head: list[str], body: list[str], tail: bool) -> str:
    start = "<!DOCTYPE html>\n" if doctype else ""
    html = f"<html{lang}>\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n"
    end = "\n</body>\n</html>\n" if tail else ""
    return start + html + "\n".join(body) + end


html_text = st.builds(
    _html_doc,
    st.booleans(),
    st.sampled_from(["", ' lang="en"', " lang", ' lang="xx-!!"']),
    st.lists(head_part, max_size=5),
    st.lists(st.one_of(html_tree, faq_html, jsonld, deep_html), min_size=0, max_size=6),
    st.booleans(),
)

# One piece a document holds at most once: a 100,000-character line or attribute.
huge = st.sampled_from([""] * 17 + ["x" * 100_000, "word " * 20_000, "<p " + "a" * 100_000 + ">"])


def _plus_huge(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(text, huge).map(lambda p: p[0] + "\n" + p[1] if p[1] else p[0])


# -- Markdown -------------------------------------------------------------------------
front_matter = st.one_of(
    st.just(""),
    st.builds("---\ntitle: {}\ndescription: {}\n---\n\n".format, sentence, prose),
    st.builds("---\ntitle: [{}\n---\n".format, sentence),  # broken YAML
    st.just("---\n"),  # never closed
)
md_inline = st.one_of(
    sentence,
    st.builds("*{}*".format, words),
    st.builds("**{}**".format, words),
    st.builds("[{}]({})".format, words, st.sampled_from(["/a", "", "http://x.test", "<>"])),
    st.builds("![{}](img.png)".format, words),
    st.builds("`{}`".format, words),
    entity,
)
md_line = st.lists(md_inline, min_size=1, max_size=5).map(" ".join)
md_heading = st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 7), md_line)
md_list = st.builds(
    lambda marker, items, cont: "\n".join(f"{marker} {item}\n{cont}{item}" for item in items),
    st.sampled_from(["-", "*", "+", "1.", "1)", "-\t"]),
    st.lists(md_line, min_size=1, max_size=4),
    st.sampled_from(["  ", "    ", "\t", " \t", "", "        "]),
)
md_fence = st.builds(
    lambda fence, body, closed: f"{fence}python\n{body}\n" + (fence if closed else ""),
    st.sampled_from(["```", "~~~", "````"]),
    prose,
    st.booleans(),
)
md_faq = st.builds(
    lambda pairs, n: (
        "#" * n + " FAQ\n\n" + "\n\n".join(f"{'#' * (n + 1)} {q}\n\n{a}" for q, a in pairs)
    ),
    qa_pairs,
    st.integers(1, 4),
)
md_block = st.one_of(
    md_line,
    md_heading,
    md_list,
    md_fence,
    md_faq,
    st.builds("> {}".format, md_line),
    st.builds("| a | b |\n|---|---|\n| {} | {} |".format, words, words),
    html_tree,
    st.integers(20, 400).map(lambda n: "> " * n + "deep"),
    st.integers(20, 400).map(lambda n: "".join("  " * i + "- x\n" for i in range(n))),
)
markdown_text = st.builds(
    lambda fm, blocks, gap: fm + gap.join(blocks),
    front_matter,
    st.lists(md_block, max_size=8),
    st.sampled_from(["\n\n", "\n", "\n\n\n\n", "\n \n", "\n\t\n"]),
)

# -- Plain text -----------------------------------------------------------------------
text_block = st.one_of(
    prose,
    sentence,
    st.builds(lambda t, p: f"{t}\n{p}", sentence, prose),  # a title run into a paragraph
    st.lists(sentence, min_size=1, max_size=5).map(lambda s: "\n".join("- " + x for x in s)),
    st.lists(sentence, min_size=1, max_size=5).map(
        lambda s: "\n".join(f"{i}. {x}" for i, x in enumerate(s, 1))
    ),
    st.builds("FAQ\n\nQ: {}?\nA: {}".format, sentence, prose),
    st.builds("{}?\n{}".format, sentence, prose),
)
plain_text = st.builds(
    lambda blocks, gap: gap.join(blocks),
    st.lists(text_block, max_size=8),
    st.sampled_from(["\n\n", "\n", "\n\n\n\n", "\n   \n", "\n\t\t\n"]),
)


# -- Tag soup: markup fragments, Markdown punctuation and words in any order, read as
# each format in turn (broken tags, stray "</", "&amp" without ";", "<" before a digit).
SOUP = [
    *"sajTeAgul.#-|=/'\"*_`[]()!?<>",
    "the", "word", "FAQ", "Q:", "A:", " ", " ", "\t", "\n", "\n", "\n\n",
    "<", "</", "<a >", "<p>", "<b>", "</b>", "<!--", "-->", "&amp", "&amp;", "&#", "&#x",
    "Ã©", "â€™", "\xa0", "1.", "- ", "> ", "# ",
]  # fmt: skip
soup_text = (
    st.sampled_from([20, 80, 300, 1200])
    .flatmap(lambda n: st.lists(st.sampled_from(SOUP), min_size=n // 2, max_size=n))
    .map("".join)
)


def _encode(text: str, newline: str, encoding: str) -> bytes:
    """The text with ``newline`` line ends in ``encoding`` (a BOM for the BOM forms)."""
    text = text.replace("\r\n", "\n").replace("\n", newline)
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if encoding == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    if encoding == "cp1252":
        return text.encode("cp1252", "replace")
    return text.encode("utf-8", "surrogatepass")


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """``text`` as file bytes: mostly UTF-8 with LF, sometimes CRLF, lone CR, a BOM,
    UTF-16 or Windows-1252."""
    return st.builds(
        _encode,
        text,
        st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]),
        st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8", "utf-8-bom", "utf-16", "cp1252"]),
    )


DOCUMENTS: dict[str, tuple[st.SearchStrategy[bytes], Callable[[int], str]]] = {
    "html": (encoded(_plus_huge(html_text)), lambda i: f"page{i}.html"),
    "markdown": (encoded(_plus_huge(markdown_text)), lambda i: f"page{i}.md"),
    "text": (encoded(_plus_huge(plain_text)), lambda i: f"page{i}.txt"),
    "soup": (encoded(soup_text), lambda i: f"page{i}." + ("html", "md", "txt")[i % 3]),
}
