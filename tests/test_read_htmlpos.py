"""The HTML tokenizer behind exact positions (``linter.read.htmlpos.SourceIndex``).

The stream is the text lxml sees between markup; these cases pin the tokenizer's rules
where a single regex could easily go wrong: raw-text bodies (skipped, case-insensitive
end tags), self-closed raw-text tags, comment forms, a start tag with no ">" or with a
quoted value left open (scanning stops), quotes inside unquoted values, non-ASCII
look-alikes of tag names, and the start tags whose offsets are kept.
"""

from __future__ import annotations

import pytest

from linter.read.htmlpos import SourceIndex, start_tag_attrs


@pytest.mark.parametrize(
    ("source", "stream"),
    [
        ("<P>Up</P><SCRIPT>if (a<b) x='</div>'</SCRIPT >after", "Upafter"),
        ("<title/>t<b>x</b><Style>p{}</style>y", "txy"),
        # "\u017f" (long s) is not an ASCII letter: "<" starts no tag, so it is text.
        ("<\u017fcript>shown</\u017fcript><script>hidden", "<\u017fcript>shown"),
        ("a<!-->b<!--->c<!-- x -- y --!>d<!DOCTYPE html>e<?php ?>f</ div>g< h", "abcdefg< h"),
        # A quoted value left open runs to the end of the file: the tag never ends, and
        # nothing after it is text (libxml2 2.14 as HTML5).
        ('one <p class="unterminated two <b>three', "one "),
        # No ">" after "<p": the tag runs to the end of the file, comment opener included.
        ("x</b>y<p a=1 <!-- c", "xy"),
        # A quote inside an unquoted value ('="a') opens nothing: the tag ends at ">".
        ("<p x==\"a>b\">T</p><p a=b=='c>d'>U", "b\">Td'>U"),
        ("<textarea>a &amp; b</textarea><a href=x>L</a>", "a & bL"),
    ],
)
def test_stream_is_the_text_between_markup(source: str, stream: str) -> None:
    assert SourceIndex(source).stream == stream


def test_runs_map_decoded_text_to_the_source() -> None:
    index = SourceIndex("<div>Caf&eacute;\r\nbar</div>")
    assert index.stream == "Caf\u00e9\nbar"
    assert index.runs == [(0, 5, 3, 3), (3, 8, 1, 8), (4, 16, 1, 2), (5, 18, 3, 3)]


def test_recorded_tags_and_jsonld_scripts() -> None:
    source = (
        "<a\nhref=x\n>L</a><img src='a>b'><META name=d>"
        '<script type="application/ld+json">{"a": 1}</script><script>x</script>'
    )
    index = SourceIndex(source)
    assert index.tags == {"a": [(0, 1, 3, 11)], "img": [(16, 3, 3, 31)], "meta": [(31, 3, 3, 44)]}
    assert index.ldjson_scripts == [(44, 79, 87)]
    assert index.stream == "L"
    assert index.page_tags == [("meta", 31, 44)]
    assert index.closes == {"a": [(12, 16)], "h": []}


def test_page_tags_leave_out_hidden_markup() -> None:
    """Comments, raw text, templates, SVG, noscript: their tags are not the page's."""
    source = (
        "<HTML lang=en><head><title>T</title><!-- <h1>c</h1> --></head><body>"
        "<template><h2>t</h2></template><svg><title>icon</title><h3>s</h3></svg>"
        "<svg/><h4>x</H4><noscript><link rel=x></noscript><script>'<h5>'</script>"
        "<textarea><h6></textarea><h1>y</h1></body>"
    )
    index = SourceIndex(source)
    names = [name for name, _, _ in index.page_tags]
    assert names == ["html", "head", "title", "body", "h4", "h1"]
    assert [source[a:b] for a, b in index.hidden] == [
        "<template><h2>t</h2>",
        "<svg><title>icon</title><h3>s</h3>",
        "<noscript><link rel=x>",
        "<textarea><h6>",
    ]
    assert [source[a:b] for a, b in index.closes["h"]] == ["</h2>", "</h3>", "</H4>", "</h1>"]


def test_start_tag_with_an_open_quote() -> None:
    """An attribute quote never closed: no tag, and no exponential backtracking."""
    source = '<h1 class="x>' + "a" * 5000 + "<p>text</p>"
    assert SourceIndex(source).page_tags == []
    assert SourceIndex('<h1 title="a>b">T</h1>').page_tags == [("h1", 0, 16)]


def test_start_tag_attrs_are_read_as_libxml2_reads_them() -> None:
    source = "<meta NAME=a name=b content='x &amp; y' data-x=\"&copy=1\" hidden c=d'e>"
    assert start_tag_attrs(source, 0, len(source)) == {
        "name": "a",
        "content": "x & y",
        "data-x": "&copy=1",
        "hidden": "",
        "c": "d'e",
    }
