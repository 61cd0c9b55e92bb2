"""Report tests: the seed paths, an HTML element collector, and a headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.report.browser import Browser, find_chromium

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "datasets" / "kazakhstan-2022"
DATA = Path(__file__).parent / "data"
SHARED = ROOT.parent / "shared"


class Elements(HTMLParser):
    """Every start tag with its attributes, in order; and the text outside tags."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, str]]:
        out = []
        for name, have in self.tags:
            if tag is not None and name != tag:
                continue
            if all(
                v in have.get(k.rstrip("_"), "").split() if k == "class_" else have.get(k) == v
                for k, v in attrs.items()
            ):
                out.append(have)
        return out


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the session. Missing: skip locally, fail in CI."""
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("headless Chromium is required in CI (bash .ci/chromium.sh installs it)")
        pytest.skip("headless Chromium not installed (bash .ci/chromium.sh installs it)")
    browser = Browser(executable)
    try:
        yield browser
    finally:
        browser.close()
