"""Boilerplate rules: the finding, its place and its message, on texts written here."""

from __future__ import annotations

from helpers import lint_rule, where

from linter.rulepack import load_rules

RULES = {r.code: r for r in load_rules()}


def lint(source: str, code: str, fmt: str | None = None):
    return lint_rule(code, source, fmt)


def spans(findings):
    return [where(f) for f in findings]


def test_injected_phrase_each_occurrence_at_its_place_in_html():
    source = (
        "<html><head><title>Tea vs Coffee for Students | Campus Life</title></head>\n"
        "<body><h1>Tea vs Coffee for Students</h1>\n"
        "<p>Most dorms stock Tea vs Coffee for Students machines.</p>\n"
        "<p>Prices of Tea&nbsp;vs Coffee for Students vary.</p>\n"
        "<h2>Why Tea vs Coffee for Students matters</h2></body></html>\n"
    )
    findings = lint(source, "BP001")
    assert spans(findings) == [(3, 21, 3, 47), (4, 14, 4, 45)]
    assert findings[1].excerpt == "Tea vs Coffee for Students"  # white space folded
    assert findings[0].message.startswith("The title phrase “Tea vs Coffee for Students” is pasted")


def test_injected_phrase_not_flagged_in_sentence_case_or_quotes_or_alone():
    source = (
        "<title>Tea vs Coffee for Students</title>\n"
        "<p>Choosing tea vs coffee for students is personal.</p>\n"
        "<p>Our guide “Tea vs Coffee for Students” has more.</p>\n"
        "<p>Tea vs Coffee for Students</p>\n"
    )
    assert lint(source, "BP001") == []


def test_short_names_are_never_flagged():
    name = "Harbor Lights Music Festival"
    pasted = (
        f"<title>{name}</title><p>The {name} opens in June.</p>"
        f"<p>Buy {name} tickets early.</p><p>Park near {name} gates.</p>"
    )
    assert lint(pasted, "BP001") == []


def test_title_without_comparison_flagged_only_when_pasted_everywhere():
    name = "Best Hiking Boots for Wide Feet"
    mentions = (
        f"<title>{name}</title><p>The {name} opens in June.</p>"
        "<p>Tickets go on sale soon.</p><p>Parking is limited.</p>"
        f"<p>See you at the {name}.</p>"
    )
    assert lint(mentions, "BP001") == []
    pasted = (
        f"<title>{name}</title><p>The {name} opens in June.</p>"
        f"<p>Buy {name} tickets early.</p><p>Park near {name} gates.</p>"
    )
    assert len(lint(pasted, "BP001")) == 3


def test_injected_phrase_found_without_title_as_recurring_comparison():
    text = (
        "Notes on Budgeting\n\n"
        "Many families adopt Cash Envelopes vs Budget Apps habits.\n"
        "The Cash Envelopes vs Budget Apps debate never ends.\n"
        "Some prefer Cash Envelopes vs Budget Apps tools.\n"
    )
    assert spans(lint(text, "BP001")) == [(3, 21, 3, 50), (4, 5, 4, 34), (5, 13, 5, 42)]


def test_run_in_title_text_and_html():
    text = "Tea vs Coffee for Students When exams come, students drink more of both.\n"
    (finding,) = lint(text, "BP002")
    assert spans([finding]) == [(1, 1, 1, 28)]
    assert finding.fix == "Tea vs Coffee for Students\n\n"
    assert "runs straight into the first sentence (“When exams come" in finding.message
    html = (
        "<title>Tea vs Coffee for Students</title>\n"
        "<p>Tea vs Coffee for Students When exams come, students drink more.</p>"
    )
    (finding,) = lint(html, "BP002")
    assert spans([finding]) == [(2, 4, 2, 30)]
    assert finding.fix is None


def test_run_in_title_not_flagged_for_ordinary_first_sentence():
    html = (
        "<title>Tea vs Coffee for Students</title>\n"
        "<p>Tea vs Coffee for Students: a question as old as exams.</p>"
    )
    assert lint(html, "BP002") == []


def test_duplicate_paragraph_points_at_the_earlier_one():
    para = "Night buses run every twenty minutes after the last train leaves."
    source = f"<p>{para}</p>\n<p>Day buses run more often.</p>\n<p>{para}</p>\n"
    (finding,) = lint(source, "BP004")
    assert spans([finding]) == [(3, 4, 3, 4 + len(para))]
    assert finding.message == (
        "This paragraph repeats the text at line 1 word for word. Delete one of them."
    )
    assert [(r.line, r.column) for r in finding.related] == [(1, 4)]


def test_duplicate_passage_is_one_finding_and_headlines_are_ignored():
    one = "Night buses run every twenty minutes after the last train leaves."
    two = "Tickets bought on the bus cost a little more than tickets bought online."
    teaser = "Ten things about night buses you need to know today"
    source = (
        f"<p>{one}</p><p>{two}</p><p>Other text here.</p><p>{teaser}</p>"
        f"<p>{one}</p><p>{two}</p><p>{teaser}</p>"
    )
    (finding,) = lint(source, "BP004")
    assert "passage (2 paragraphs or sentences)" in finding.message


def test_duplicate_findings_are_capped():
    sentences = [
        f"Route {n} leaves the central station at {n} past the hour daily." for n in range(8)
    ]
    first = "".join(f"<p>{s}</p><p>Filler {n}.</p>" for n, s in enumerate(sentences))
    second = "".join(f"<p>{s}</p><p>Gap {n}.</p>" for n, s in enumerate(sentences))
    findings = lint(first + "<p>Break.</p>" + second, "BP004")
    assert len(findings) == 5
    assert "(and 3 more repeated passages after it)" in findings[-1].message


def test_repeated_phrase_reports_once_with_count_and_places():
    text = (
        "Saving Money\n\n"
        "Cooking at home helps families build lasting habits around weekly spending.\n\n"
        "Walking to work helps families build lasting habits around weekly spending too.\n\n"
        "Even small choices help families build lasting habits around weekly spending.\n"
    )
    (finding,) = lint(text, "BP003")
    assert finding.line == 5
    assert finding.message.startswith(
        "The phrase “families build lasting habits around weekly spending”"
    )
    assert "repeated in 3 paragraphs (first at line 3)" in finding.message
    assert [r.line for r in finding.related] == [3, 7]


def test_call_to_action_and_related_lines_are_info():
    text = (
        "Evening Classes\n\n"
        "Classes start in September.\n\n"
        "Interested in enrolling at Westbrook?\n\n"
        "Related: Paying for Evening Classes\n"
    )
    (cta,) = lint(text, "BP005")
    (related,) = lint(text, "BP006")
    assert (cta.line, cta.column, str(cta.severity)) == (5, 1, "info")
    assert (related.line, related.column, str(related.severity)) == (7, 1, "info")
    assert "“Related: Paying for Evening Classes”" in related.message


def test_comparison_named_as_topic_is_not_pasted_but_a_running_noun_is():
    source = (
        "<title>Tea vs Coffee for Students</title>\n"
        "<p>When comparing Tea vs Coffee for Students, start with caffeine.</p>\n"
        "<p>Dorms that choose Tea vs Coffee for Students machines save money.</p>\n"
    )
    assert spans(lint(source, "BP001")) == [(3, 22, 3, 48)]


# Issue 14: a call to action the writer pasted into the article (BP007) ----------------------


def test_shouted_app_prompt_in_an_article_paragraph_is_a_warning():
    source = (
        "<article><p>The festival opens on Friday with a parade.</p>\n"
        "<p><strong>CLICK HERE TO GET OUR APP</strong></p></article>\n"
    )
    (finding,) = lint(source, "BP007")
    assert where(finding) == (2, 12, 2, 37)
    assert str(finding.severity) == "warning"
    assert finding.message == (
        "Promotional call to action in the article text: “CLICK HERE TO GET OUR APP”. Delete"
        " it from the article; if the site wants it on every page, it belongs in the page"
        " template."
    )


def test_call_to_action_is_reported_as_its_sentence():
    source = "<p>The vote is on Monday. Follow us on Twitter for live updates.</p>\n"
    (finding,) = lint(source, "BP007")
    assert finding.excerpt == "Follow us on Twitter for live updates."
    assert where(finding) == (1, 27, 1, 65)


def test_call_to_action_in_plain_text():
    text = "Garden Notes\n\nTomatoes need sun.\n\nSign up for our weekly newsletter today!\n"
    (finding,) = lint(text, "BP007")
    assert (finding.line, finding.column) == (5, 1)


def test_template_buttons_and_boxes_are_no_pasted_call_to_action():
    source = (
        "<article><p>The festival opens on Friday with a parade.</p>\n"
        '<div class="promo"><a href="/s">Subscribe</a> <a href="/in">Sign In</a></div>\n'
        "<p>Apply Now</p>\n"
        '<div class="signup"><span>Subscribe to our newsletter for daily news</span></div>\n'
        "</article>\n"
    )
    assert lint(source, "BP007") == []


def test_mentions_of_subscribing_or_apps_are_no_call_to_action():
    source = (
        "<p>Readers who subscribe to the print edition get it early.</p>\n"
        "<p>To get the new version of the app, the store sends a patch.</p>\n"
        "<p>A car began to follow us on the road home.</p>\n"
    )
    assert lint(source, "BP007") == []


def test_a_sign_up_line_shown_twice_is_the_templates_not_the_writers() -> None:
    line = "<p>SIGN UP FOR OUR WEEKLY GARDEN LETTER.</p>"
    body = "<p>Roses want a sunny, sheltered spot and deep, rich soil.</p>"
    assert lint_rule("BP007", f"<article>{body}{line}<p>More text.</p>{line}</article>") == []
    (finding,) = lint_rule("BP007", f"<article>{body}{line}<p>More text.</p></article>")
    assert finding.message.startswith(
        "Promotional call to action in the article text: “SIGN UP FOR OUR WEEKLY GARDEN LETTER.”"
    )
