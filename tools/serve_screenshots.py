"""Take the README's screenshots of ``contentlint serve``: the editor's page reviewing a draft
(a finding selected, its explanation open) and the same page after a safe fix.

    python tools/serve_screenshots.py            # starts a server on a free port
    python tools/serve_screenshots.py --url URL  # or uses one already running

Writes docs/img/serve-review.png and docs/img/serve-fix.png at 1280x800 with the system
Chromium (Playwright), as the browser tests use it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, FLAGS  # noqa: E402
from serve_server import running_server  # noqa: E402

OUT = ROOT / "docs" / "img"
SIZE = {"width": 1280, "height": 800}

PHRASE = "Electric Bikes vs Regular Bikes"
DRAFT = f"""# {PHRASE}

Choosing how to get to work is a bigger decision than it looks. Commuters who weigh
{PHRASE} options usually start with the price tag, then think about hills and rain.

## Cost

A decent commuter bicycle costs a few hundred pounds, while a good e-bike can cost three
times as much. Insurance for {PHRASE} owners also differs, and so does theft risk.

## Effort

On a hilly route the the motor makes the difference between arriving fresh and arriving
soaked. Many riders say {PHRASE} debates end after one test ride.

## Maintenance

Chains, brakes and tyres wear on both. The battery is the one part that costs real money
to replace, usually after five or six years of daily riding.
"""


@contextmanager
def server() -> Iterator[str]:
    """A fresh ``contentlint serve`` on a free port in an empty directory; yields its URL."""
    with tempfile.TemporaryDirectory() as workdir, running_server(Path(workdir)) as url:
        yield url.rstrip("/")


def shoot(url: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport=SIZE)
        page.goto(url + "/")
        page.fill("#draft", DRAFT)
        page.select_option("#format", "markdown")
        page.click("#check")
        expect(page.locator("#status")).to_contain_text("Checked")
        item = page.locator('#groups .item[data-code="BP001"]').first
        item.locator(".item-main").click()
        item.locator("button.explain").click()
        expect(item.locator(".explain-panel")).to_be_visible()
        page.evaluate("window.scrollTo(0, document.querySelector('#results').offsetTop - 70)")
        page.locator("#side").evaluate("side => side.scrollTo(0, 0)")
        page.mouse.move(0, 0)
        page.screenshot(path=OUT / "serve-review.png")

        page.locator('#groups .item[data-code="HY001"] button.apply').click()
        expect(page.locator("#status")).to_contain_text("applied")
        page.mouse.move(0, 0)
        page.evaluate("window.scrollTo(0, document.querySelector('#status').offsetTop - 200)")
        page.locator("#side").evaluate("side => side.scrollTo(0, 0)")
        page.screenshot(path=OUT / "serve-fix.png")
        browser.close()
    for name in ("serve-review.png", "serve-fix.png"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size // 1024} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running contentlint serve (default: start one)")
    args = parser.parse_args()
    if args.url:
        shoot(args.url.rstrip("/"))
    else:
        with server() as url:
            shoot(url)


if __name__ == "__main__":
    main()
