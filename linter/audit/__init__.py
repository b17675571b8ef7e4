"""Batch audits: many pages on every core, then the findings only a whole site shows.

``paths`` picks the pages, ``template`` finds text a site's template pastes into many
pages, ``facts`` keeps what site rules need of each page, ``pool`` runs the pages on
worker processes, ``watchdog`` stops a page that goes over the time limit, ``site``
runs the site rules, ``progress`` draws the bar.
"""
