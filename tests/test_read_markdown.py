"""Markdown reader: blocks, metadata, FAQ, and exact positions through inline markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.model import (
    FAQ_ANSWER,
    FAQ_QUESTION,
    HEADING,
    LIST_ITEM,
    META,
    PARAGRAPH,
    QUOTE,
    TABLE_CELL,
    TITLE,
    Document,
)
from linter.read import format_for, read_path
from linter.read.markdown import read_markdown

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

ARTICLE = """\
---
title: "Cloud Hosting vs Shared Hosting"
description: A short guide to choosing a host.
---
# Title &amp; *more*

Some **bold** text with \\* an escape, `code`  and [a link](http://x.example "t") and ![alt *x*](img.png).
Second line<BR>
hard break <span>inline</span> &copy; done.

> quote line
> more

| Plan | Price \\| tax |
|---|---|
| Basic | two  words |

- item one
- item [two](</a b>) and <http://auto.example>
  1. nested _em_

```python
x = "not linted"
```

    indented code is not linted

<div>
an html block
</div>

<!-- contentlint: a comment stays in the source -->

Setext heading
--------------

## Frequently Asked Questions

**How long does it take?**

About a week.

### Is it safe?

Yes, it is.

- and a list

## Next section

Body.
""".replace("<BR>", "  ")  # a two-space hard line break, spelled out for the linters


def exact(doc: Document) -> list[str]:
    """Characters of block text that do not map onto the same source character."""
    wrong = []
    for block in doc.blocks:
        for index, char in enumerate(block.text):
            if char.isspace():
                continue
            at = block.tmap.to_source(index)
            if doc.source[at] != char and doc.source[at] not in "&\\":
                wrong.append(f"{block.kind} {block.text!r}[{index}] -> {doc.source[at : at + 8]!r}")
    return wrong


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_markdown(ARTICLE, "a.md")


def kinds(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in doc.blocks]


def test_extensions_name_the_markdown_format():
    assert format_for("guide.md") == format_for("GUIDE.markdown") == "markdown"


def test_blocks_kinds_levels_and_text(doc):
    assert kinds(doc) == [
        (TITLE, 0, "Cloud Hosting vs Shared Hosting"),
        (META, 0, "A short guide to choosing a host."),
        (HEADING, 1, "Title & more"),
        (
            PARAGRAPH,
            0,
            "Some bold text with * an escape, and a link and . Second line\n"
            "hard break inline © done.",
        ),
        (QUOTE, 0, "quote line more"),
        (TABLE_CELL, 0, "Plan"),
        (TABLE_CELL, 0, "Price | tax"),
        (TABLE_CELL, 0, "Basic"),
        (TABLE_CELL, 0, "two  words"),
        (LIST_ITEM, 0, "item one"),
        (LIST_ITEM, 0, "item two and http://auto.example"),
        (LIST_ITEM, 0, "nested em"),
        (HEADING, 2, "Setext heading"),
        (HEADING, 2, "Frequently Asked Questions"),
        (FAQ_QUESTION, 0, "How long does it take?"),
        (FAQ_ANSWER, 0, "About a week."),
        (FAQ_QUESTION, 3, "Is it safe?"),
        (FAQ_ANSWER, 0, "Yes, it is."),
        (FAQ_ANSWER, 0, "and a list"),
        (HEADING, 2, "Next section"),
        (PARAGRAPH, 0, "Body."),
    ]


def test_code_and_html_are_never_text(doc):
    text = " ".join(b.text for b in doc.blocks)
    assert "not linted" not in text and "html block" not in text and "comment" not in text
    assert "<!-- contentlint: a comment stays in the source -->" in doc.source


def test_faq_answers_point_at_their_question(doc):
    blocks = doc.blocks
    faq = next(b for b in blocks if b.faq_section)
    assert faq.text == "Frequently Asked Questions"
    for block in blocks:
        if block.kind == FAQ_ANSWER:
            question = blocks[block.answers]
            assert question.kind == FAQ_QUESTION and question.index < block.index
    assert blocks[-2].kind == HEADING and not blocks[-2].faq_group


def test_front_matter_title_and_description_map_onto_their_values(doc):
    assert doc.title == "Cloud Hosting vs Shared Hosting"
    assert doc.meta.description == "A short guide to choosing a host."
    title = doc.blocks[0]
    start, end = title.source_span()
    assert doc.source[start:end] == "Cloud Hosting vs Shared Hosting"
    assert doc.title_offset == start
    assert doc.lines.position(start) == (2, 9)


def test_first_h1_is_the_title_without_front_matter():
    doc = read_markdown("Intro line.\n\n# The Real Title\n\nText.\n", "a.md")
    assert doc.title == "The Real Title"
    assert doc.source[doc.title_offset :].startswith("The Real Title")


def test_links_and_images(doc):
    assert [(link.href, link.text) for link in doc.links] == [
        ("http://x.example", "a link"),
        ("/a%20b", "two"),
        ("http://auto.example", "http://auto.example"),
    ]
    assert ARTICLE[doc.links[0].offset :].startswith("[a link]")
    assert [(i.src, i.alt) for i in doc.images] == [("img.png", "alt x")]
    assert ARTICLE[doc.images[0].offset :].startswith("![alt")


def test_every_character_maps_to_its_source_character(doc):
    assert exact(doc) == []


def test_inline_markup_spans_map_exactly(doc):
    para = next(b for b in doc.blocks if b.kind == PARAGRAPH)
    start = para.text.index("bold")
    a, b = para.source_span(start, start + 4)
    assert doc.source[a:b] == "bold"
    start = para.text.index("©")
    a, b = para.source_span(start, start + 1)
    assert doc.source[a:b] == "&copy;"
    start = para.text.index("*")
    a, b = para.source_span(start, start + 1)
    assert doc.source[a:b] == "\\*"
    start = para.text.index("hard")
    assert doc.lines.position(para.tmap.to_source(start)) == (9, 1)


def test_crlf_source_keeps_positions_exact():
    doc = read_markdown(ARTICLE.replace("\n", "\r\n"), "a.md")
    assert kinds(doc) == kinds(read_markdown(ARTICLE, "a.md"))
    assert exact(doc) == []


def test_inline_code_leaves_no_double_space():
    doc = read_markdown("Run `ls -l` to list the files, or `ls`.\n", "a.md")
    assert doc.blocks[0].text == "Run to list the files, or ."


def test_lists_quotes_and_lazy_lines_keep_exact_positions():
    source = "* a\t tab\n\n1) x\n   y\n\n> - q\n>   lazy\nlazy2\n\nText &#35; [ref][r]\n\n[r]: http://r.example\n"
    doc = read_markdown(source, "a.md")
    assert [b.text for b in doc.blocks] == ["a\t tab", "x y", "q lazy lazy2", "Text # ref"]
    assert exact(doc) == []
    assert doc.links[0].href == "http://r.example"


@pytest.mark.parametrize("name", ["markdown-guide.md"])
def test_sample_reads_exactly(name):
    doc = read_path(str(SAMPLES / name))
    assert doc.format == "markdown"
    assert exact(doc) == []
    assert doc.title == "How to Store Winter Vegetables Without a Cellar"
    assert sum(1 for b in doc.blocks if b.kind == FAQ_QUESTION) == 3
    assert all("crate 1" not in b.text for b in doc.blocks)


def test_sample_is_clean(cli):
    result = cli("check", str(SAMPLES / "markdown-guide.md"), "--no-color")
    assert result.exit_code == 0, result.output
    assert "No problems found" in result.output


def test_finding_in_markdown_lands_on_the_source_word(cli, tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# A Note\n\nWe *compared* the the **plans** today.\n", encoding="utf-8")
    result = cli("check", str(path), "--select", "HY001", "--no-color", "-q")
    assert result.stdout.splitlines()[0].startswith(f"{path}:3:15: HY001 [warning]")


def test_suppression_comments_work_in_markdown(cli, tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "# Note\n\n<!-- contentlint-disable-next-line HY001 -->\nWe saw the the plan.\n\n"
        "And the the other.\n",
        encoding="utf-8",
    )
    result = cli("check", str(path), "--select", "HY001", "-q")
    assert (
        result.stdout
        == f"{path}:6:5: HY001 [warning] The word “the” is repeated: “the the”. Delete one.\n"
    )


def test_a_dashed_block_that_is_not_yaml_metadata_stays_text():
    doc = read_markdown("---\nSome text here.\n---\n\nBody.\n", "a.md")
    assert [b.text for b in doc.blocks] == ["Some text here.", "Body."]
    doc = read_markdown("---\r\ntitle: Only Front\r\n---\r\n\r\nBody.\r\n", "a.md")
    assert doc.title == "Only Front" and [b.text for b in doc.blocks] == ["Only Front", "Body."]
