"""Contradiction rules (CT001-CT005): claims an article makes twice that cannot both hold.

Claims are read by patterns over sentence text and the lexicon in
``data/ct_lexicon.yaml``; a trained pipeline's parse can only reject one. Each kind reads
its own claims; the private modules hold what the kinds share: the lexicon and word
folding (``_words``), the clause around a claim (``_clauses``), the parse check
(``_parse``) and how claims meet and are reported (``_pairing``).
"""
