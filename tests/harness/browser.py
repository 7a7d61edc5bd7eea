"""Headless Chromium for browser tests: Debian's chromium driven by
Playwright (no browser download), and axe-core for WCAG checks."""

import os

import pytest
from django.test import Client

from tests.services import need_browser

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    executable = need_browser()
    # Playwright's sync API keeps an event loop in this thread; the test's own
    # ORM calls are still synchronous, so Django may allow them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page_as(browser, live_server):
    """Open a page signed in as ``user`` (None for anonymous); console errors
    (such as CSP violations) are collected on ``page.console_errors``."""
    contexts = []

    def _page_as(user=None):
        context = browser.new_context(base_url=live_server.url, locale="sv-SE")
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            session_cookie = client.cookies["sessionid"]
            context.add_cookies([{"name": "sessionid", "value": session_cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        return page

    yield _page_as
    for context in contexts:
        context.close()


def axe_violations(page) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS}})
    return results.violations_count, results.generate_report()
