"""The main menu's disclosure groups in headless Chromium, by keyboard:
Enter and Space open a group, Tab moves into it, Escape closes it and puts
focus back on its button; focus or a click leaving the group closes it. On a
narrow screen one "Meny" button holds the lot, and without JavaScript every
link is listed."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.harness.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (role, a group the role has, how many links it holds)
ROLE_GROUPS = [
    ("coordinator", "Stöd och avtal", 4),
    ("coordinator", "Policy och rapporter", 3),
    ("representative", "Register", 2),
    ("representative", "Mitt arbete", 2),
]


def focused(page) -> str:
    return page.evaluate("(document.activeElement.textContent || '').trim()")


def tab_to(page, text: str, limit: int = 40) -> None:
    """Press Tab from the top of the page until ``text`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def group_button(page, label: str):
    return page.locator(".main-nav").get_by_role("button", name=label, exact=True)


def group_list(page, button):
    return page.locator(f"#{button.get_attribute('aria-controls')}")


@pytest.mark.parametrize("role,label,count", ROLE_GROUPS, ids=[f"{r}-{g}" for r, g, _ in ROLE_GROUPS])
def test_group_opens_and_closes_by_keyboard(role, label, count, user_for, page_as):
    page = page_as(user_for(role))
    page.goto(reverse("home"))
    button = group_button(page, label)
    items = group_list(page, button)
    assert button.get_attribute("aria-expanded") == "false" and items.is_hidden()

    tab_to(page, label)
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and items.is_visible()
    assert items.get_by_role("link").count() == count
    page.keyboard.press("Tab")
    first = items.get_by_role("link").first.inner_text().strip()
    assert focused(page) == first
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and items.is_hidden()
    assert focused(page) == label

    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true" and items.is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert focused(page) == label
    assert page.console_errors == []


def test_tab_past_the_last_link_closes_the_group_and_shift_tab_goes_back(user_for, page_as):
    page = page_as(user_for("coordinator"))
    page.goto(reverse("home"))
    button = group_button(page, "Stöd och avtal")
    items = group_list(page, button)
    tab_to(page, "Stöd och avtal")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # back onto the button: the group stays open
    assert focused(page) == "Stöd och avtal"
    assert button.get_attribute("aria-expanded") == "true"
    for _ in range(items.get_by_role("link").count()):
        page.keyboard.press("Tab")
    assert focused(page) == items.get_by_role("link").last.inner_text().strip()
    page.keyboard.press("Tab")  # on to the next group's button
    assert focused(page) == "Policy och rapporter"
    assert button.get_attribute("aria-expanded") == "false" and items.is_hidden()


def test_one_group_open_at_a_time_and_a_click_outside_closes_it(user_for, page_as):
    page = page_as(user_for("coordinator"))
    page.goto(reverse("home"))
    support, policy = group_button(page, "Stöd och avtal"), group_button(page, "Policy och rapporter")
    support.click()
    assert support.get_attribute("aria-expanded") == "true"
    policy.click()
    assert policy.get_attribute("aria-expanded") == "true"
    assert support.get_attribute("aria-expanded") == "false"
    page.locator("footer").click()
    assert policy.get_attribute("aria-expanded") == "false"
    assert group_list(page, policy).is_hidden()


def test_a_link_in_a_group_leads_to_its_page_which_is_marked_current(user_for, page_as):
    page = page_as(user_for("coordinator"))
    page.goto(reverse("home"))
    button = group_button(page, "Stöd och avtal")
    button.click()
    group_list(page, button).get_by_role("link", name="Avtal", exact=True).click()
    page.wait_for_url(f"**{reverse('support:agreement_list')}")
    button = group_button(page, "Stöd och avtal")
    assert button.get_attribute("aria-current") == "true"
    assert button.get_attribute("aria-expanded") == "false"
    current = page.locator('.main-nav [aria-current="page"]')
    assert current.count() == 1 and current.get_attribute("href") == reverse("support:agreement_list")


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_open_menus_are_accessible_and_fit_on_the_screen(role, user_for, page_as):
    page = page_as(user_for(role))
    page.goto(reverse("home"))
    for width in (1280, 1024):
        page.set_viewport_size({"width": width, "height": 800})
        buttons = page.locator(".main-nav .nav-group-toggle")
        for index in range(buttons.count()):
            buttons.nth(index).click()
            box = group_list(page, buttons.nth(index)).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"group {index} off the screen at {width}"
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        count, report = axe_violations(page)
        assert count == 0, report


@pytest.mark.parametrize("role", ["coordinator", "representative"])
def test_on_a_narrow_screen_one_menu_button_holds_the_groups(role, user_for, page_as):
    page = page_as(user_for(role))
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("home"))
    menu = page.locator(".main-nav-toggle")
    groups = page.locator(".main-nav .nav-group-toggle")
    assert menu.is_visible() and groups.first.is_hidden()
    tab_to(page, "Meny")
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true" and groups.first.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the start page link, onto the first group
    assert focused(page) == "Mitt arbete"
    page.keyboard.press("Enter")
    assert groups.first.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert focused(page) == "Mitt arbete" and groups.first.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Escape")  # a second Escape closes the whole menu
    assert menu.get_attribute("aria-expanded") == "false" and focused(page) == "Meny"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("width", [1280, 320])
def test_without_javascript_every_link_is_listed(width, user_for, browser, live_server):
    client = Client()
    client.force_login(user_for("coordinator"))
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", java_script_enabled=False,
                                  viewport={"width": width, "height": 800})
    try:
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                              "url": live_server.url}])
        page = context.new_page()
        page.goto(reverse("home"))
        links = page.locator(".main-nav a")
        hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
        assert {reverse("support:agreement_list"), reverse("policy_reports:round_list"),
                reverse("workspace:start")} <= hrefs
        for index in range(links.count()):
            assert links.nth(index).is_visible()
        assert page.locator(".main-nav button:visible").count() == 0  # no button that would do nothing
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
