"""Site kinds: findings that only show across the pages of an audit.

A site kind defines ``check_site(pages, params)`` over every page's ``PageFacts``
(``_facts``, built in the audit's workers) and yields ``SiteHit``s (``_hits``). A kind
that also defines ``scan_keys``, ``template_keys`` and ``mark_page`` runs the audit's
template pass (``site_template_text``). ``_minhash`` and ``_template`` are the
near-duplicate and template-text models.
"""
