"""FAQ rules (FQ001-FQ014): the visible FAQ, its FAQPage JSON-LD and what it covers.

The family's model lives in the ``_`` modules: ``_text`` (question words, matching keys,
likeness), ``_entries`` (visible entries), ``_schema`` (FAQPage markup) and ``_coverage``
(matching topics by meaning).
"""
