"""Contradiction rules (CT001-CT005): claims an article makes twice that cannot both hold.

Each kind reads its own claims from the body sentences; the private modules hold what
the kinds share: the lexicon and word folding (``_words``), the clause around a claim
(``_clauses``), the trained pipeline's confirmation (``_parse``) and how claims meet
and are reported (``_pairing``).
"""
