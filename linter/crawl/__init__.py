"""Crawling sites and reading what a crawl recorded (WARC files, issue 17)."""
