"""The system Chromium the browser tests drive through Playwright (never a downloaded
one), and the flags that keep it off the network and from updating itself."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def browser_context(profile: Path, **options: Any) -> Iterator[Any]:
    """A headless Chromium with a fresh ``profile`` (Playwright's persistent context, so
    downloads and storage behave as in a real browser); ``options`` as Playwright takes
    them (viewport, accept_downloads)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS, **options
        )
        try:
            yield context
        finally:
            context.close()
