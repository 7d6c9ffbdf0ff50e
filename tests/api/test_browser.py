"""In a real browser: an administrator creates an API token on a phone, copies it once and
revokes it; the page passes axe."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}


def check_axe(page, where: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


def test_an_admin_creates_and_revokes_a_token_on_a_phone(page, live_server, make_user):
    make_user("admin", email="admin@example.org")
    page.goto(f"{live_server}/login")
    page.fill("#email", "admin@example.org")
    page.fill("#password", "correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto(f"{live_server}/manage/api-tokens")
    check_axe(page, "empty tokens page")

    page.get_by_role("button", name="Create token").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.title().startswith("Error:")
    check_axe(page, "tokens page with an error")

    page.get_by_label("What is the token for?").fill("City dashboard")
    page.get_by_role("button", name="Create token").click()
    secret = page.get_by_label("New token").input_value()
    assert secret.startswith("fbk_")
    check_axe(page, "tokens page showing a new secret")
    api = f"{live_server}/api/v1/surveys"
    answer = page.request.get(api, headers={"Authorization": f"Bearer {secret}"})
    assert answer.status == 200

    page.get_by_role("button", name="Revoke City dashboard").click()
    expect(page.get_by_text("no longer works")).to_be_visible()
    check_axe(page, "tokens page after revoking")
    answer = page.request.get(api, headers={"Authorization": f"Bearer {secret}"})
    assert answer.status == 401
