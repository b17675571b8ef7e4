"""Words and word patterns the readers share: the one place they are kept in step.

The lowest layer: it imports nothing from ``linter``, so any reader (and anything else)
can use it without loading another reader's dependencies (lxml, markdown-it).
"""

from __future__ import annotations

import re

# A heading that names an FAQ, found anywhere in the heading's text ("FAQ", "FAQs",
# "F.A.Q.", "Frequently Asked Questions", "Frequently-asked question", "Common
# questions", "Question & answers", "Q&A", with other words around). The HTML and
# Markdown readers, whose headings are marked up, use it with ``search``.
FAQ_HEADING = re.compile(
    r"(?<![\w.])(?:faqs?|f\.a\.q\.?s?|frequently[\s-]+asked[\s-]+questions?|common\s+questions"
    r"|questions?\s+(?:and|&)\s+answers?|q\s*&\s*a)(?!\w)",
    re.I,
)

# The plain-text reader's variant, used with ``match`` on a whole line, which has no
# markup to say it is a heading: the line must open with the FAQ name (optionally in
# brackets, "(FAQ)" after it allowed) and either end there, go on after ":", "-", "–",
# "—" or "|", or go on with "about", "on", "for", "regarding", "of", "to", "in" or
# "related to". The names themselves are stricter than ``FAQ_HEADING``'s: the plural
# only for "frequently asked questions" and "questions and answers", no hyphens in the
# former, no "&" in the latter.
FAQ_HEADING_LINE = re.compile(
    r"\(?\s*(?:faqs?|f\.a\.q\.?s?|frequently\s+asked\s+questions|common\s+questions"
    r"|questions\s+and\s+answers|q\s*&\s*a)\s*(?:\(\s*faqs?\s*\))?\s*\)?"
    r"(?:$|\s*[:\-–—|]\s*\S|\s+(?:about|on|for|regarding|of|to|in|related\s+to)\b)",
    re.IGNORECASE,
)

# A paragraph ending with "?" inside an FAQ section is a question up to this many words
# (HTML and Markdown readers; plain-text question lines have their own limit).
FAQ_QUESTION_MAX_WORDS = 25

# Closing quotes and brackets that may follow a sentence's final "?" or ".": looked
# through when reading how a line ends.
CLOSING_QUOTES = "\"'”’»)]"
