"""Site kinds: findings that only show across the pages of an audit.

A grouping site kind is a map and a reduce (``_reduce``): ``site_keys(page, params)``,
in the audit's workers, over one page's ``PageFacts`` (``_facts``), and
``reduce_site(groups, pages, params)`` over the groups of pages sharing a key, yielding
``SiteHit``s (``_hits``); its ``check_site(pages, params)`` runs both over a list. A crawl
kind defines ``check_crawl(pages, crawl, params)``. A kind
that also defines ``scan_keys``, ``template_keys`` and ``mark_page`` runs the audit's
template pass (``site_template_text``). ``_minhash`` and ``_template`` are the
near-duplicate and template-text models.
"""
