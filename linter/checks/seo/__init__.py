"""On-page SEO rules (SEO001-SEO024): title, description, headings, images, links,
keyphrase. Modules starting with ``_`` are the family's shared model (the source scan,
page parts, keyphrase matching, title width, images, links)."""
