"""``contentlint serve``: the editor's web app and the HTTP API a CMS calls.

One Starlette app (``app``) behind uvicorn. Requests pass the guard (``guard``: host,
origin, token, size, security headers), are read into a ``DocumentInput`` (``inputs``)
and linted in a pool of worker processes (``workers``) that each load the rules and the
spaCy pipeline once; ``job`` is what a worker runs, ``review`` what the app is shown.
"""
