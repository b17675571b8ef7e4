"""Readers and rules on hostile input: the file is linted, never "could not parse".

Inputs from the fuzz report: invalid dates and deep nesting in front matter, charsets
that are no text encoding, an unreadable ``<title``, huge numeric character references.
"""

from __future__ import annotations

import json

import pytest

BODY = "\n# Notes\n\nWe read the the notes on Monday.\n"


def lint(cli, path, *args: str):
    result = cli("check", str(path), "--format", "json", *args)
    data = json.loads(result.stdout)
    return result, data["findings"], data["files"][0]


def places(found: list[dict]) -> list[tuple[str, int, int, str]]:
    return [(f["code"], f["line"], f["column"], f["excerpt"]) for f in found]


def test_front_matter_with_an_invalid_date_keeps_its_title(cli, tmp_path):
    path = tmp_path / "d.md"
    path.write_text("---\ntitle: Notes on the week\ndate: 2024-02-30\n---\n" + BODY)
    result, found, file = lint(cli, path, "--select", "HY001,SEO001")
    assert file["error"] is None and result.exit_code == 0
    assert places(found) == [("HY001", 8, 9, "the the")]  # SEO001 silent: the title is read


@pytest.mark.parametrize(
    "nested",
    [
        "k: " + "[" * 5000 + "]" * 5000 + "\n",
        "".join(" " * i + "k:\n" for i in range(3000)) + " " * 3000 + "v\n",
    ],
    ids=["flow", "block"],
)
def test_deeply_nested_front_matter_is_skipped_and_the_body_linted(cli, tmp_path, nested):
    front = "---\ntitle: Notes\n" + nested + "---\n"
    path = tmp_path / "n.md"
    path.write_text(front + BODY)
    result, found, file = lint(cli, path, "--select", "HY001")
    assert file["error"] is None and result.exit_code == 0
    assert places(found) == [("HY001", front.count("\n") + 4, 9, "the the")]


PAGE = (
    b'<html lang="en"><head><meta charset="{charset}"><title>Caf\xe9 notes</title></head>'
    b"<body><h1>Notes</h1><p>We met at the caf\xe9 caf\xe9 on Monday.</p></body></html>\n"
)


@pytest.mark.parametrize(
    "charset", ["rot13", "hex", "zlib", "base64", "uu", "quopri", "bz2", "undefined", "cp037"]
)
def test_a_charset_that_is_no_usable_text_encoding_is_ignored(cli, tmp_path, charset):
    path = tmp_path / "page.html"
    data = PAGE.replace(b"{charset}", charset.encode())
    path.write_bytes(data)
    result, found, file = lint(cli, path, "--select", "HY001")
    assert file["error"] is None and result.exit_code == 0
    column = data.index(b"caf\xe9 caf\xe9") + 1  # one byte a character: read as windows-1252
    assert places(found) == [("HY001", 1, column, "caf\xe9 caf\xe9")]


def test_unreadable_title_tag_is_an_empty_title_not_a_crash(cli, tmp_path):
    path = tmp_path / "x.html"
    path.write_text('<title\n">')
    result, found, file = lint(cli, path, "--select", "SEO001")
    assert file["error"] is None and result.exit_code == 1
    assert [(f["code"], f["line"], f["column"], f["message"][:23]) for f in found] == [
        ("SEO001", 1, 1, "The page title is empty")
    ]


ENTITIES = ["&#" + "1" * 4301 + ";", "&#x" + "f" * 5000 + ";", "&#0;", "&#xD800;", "&#x110000;"]


@pytest.mark.parametrize("entity", ENTITIES, ids=["digits", "hex", "nul", "surrogate", "range"])
def test_numeric_references_in_attributes_never_crash_a_rule(cli, tmp_path, entity):
    template = (
        '<html lang="{e}"><head><title>A page about {e} and other things</title>'
        '<meta name="description" content="{e}"><link rel="canonical" href="{e}"></head>'
        '<body><h1 title="{e}">Heading</h1><p>Text <a href="/x" title="{e}">a link</a>.</p>'
        '<img src="i.png" alt="{e}" width="{e}"></body></html>\n'
    )
    hostile, plain = tmp_path / "hostile.html", tmp_path / "plain.html"
    hostile.write_text(template.format(e=entity))
    plain.write_text(template.format(e="\ufffd"))
    result, found, file = lint(cli, hostile, "--select", "seo")
    assert file["error"] is None and result.exit_code != 2
    assert result.stderr == ""
    # The same findings as with the U+FFFD an out-of-range reference stands for.
    _, expected, _ = lint(cli, plain, "--select", "seo")
    assert [f["code"] for f in found] == [f["code"] for f in expected]


def test_numeric_reference_in_faq_json_ld_never_crashes_a_rule(cli, tmp_path):
    template = (
        '<html lang="en"><head><title>Questions about the delivery service</title>'
        '<script type="application/ld+json">{{"@context": "https://schema.org", '
        '"@type": "FAQPage", "mainEntity": [{{"@type": "Question", "name": "How long {e}?", '
        '"acceptedAnswer": {{"@type": "Answer", "text": "Two {e} days."}}}}]}}</script>'
        "</head><body><h1>FAQ</h1><h2>How long?</h2><p>Two days {e} here.</p></body></html>\n"
    )
    hostile, plain = tmp_path / "hostile.html", tmp_path / "plain.html"
    hostile.write_text(template.format(e=ENTITIES[0]))
    plain.write_text(template.format(e="\ufffd"))
    result, found, file = lint(cli, hostile, "--select", "faq")
    assert file["error"] is None and result.exit_code != 2
    assert result.stderr == ""
    _, expected, _ = lint(cli, plain, "--select", "faq")
    assert [(f["code"], f["line"]) for f in found] == [(f["code"], f["line"]) for f in expected]
