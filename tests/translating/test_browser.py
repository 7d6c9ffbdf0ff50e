"""In a real browser: a translation is saved when its field loses the focus, and the pages
of this feature pass axe at a phone and a desktop viewport."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from feedback.extensions import db

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}


def _ready(make_survey, make_user) -> int:
    """A survey and a facilitator; the test's own transaction is closed, so that the server
    (another thread) can write: SQLite's BEGIN IMMEDIATE holds the lock even for reads."""
    survey_id = make_survey().id
    make_user("facilitator", email="translator@example.org")
    db.session.remove()
    return survey_id


def _sign_in(page, live_server):
    page.goto(f"{live_server}/login")
    page.fill("#email", "translator@example.org")
    page.fill("#password", "correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_a_translation_is_saved_when_the_field_loses_focus(
    page, live_server, make_survey, make_user
):
    survey_id = _ready(make_survey, make_user)
    _sign_in(page, live_server)
    page.set_default_timeout(10_000)
    page.goto(f"{live_server}/manage/surveys/{survey_id}/translations/sq")
    field = page.locator('textarea[data-key="choice.likes.lights.label"]')
    field.fill("Dritat")
    field.press("Tab")
    expect(page.locator("#autosave-status")).to_have_text("Saved")
    from feedback.surveys.models import Survey

    survey = db.session.get(Survey, survey_id)
    likes = next(q for q in survey.questions if q.code == "likes")
    assert likes.choices[2].label["sq"] == "Dritat"
    db.session.remove()


@pytest.mark.parametrize(
    "viewport", [None, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_translation_and_sharing_pages_pass_axe(
    page, live_server, make_survey, make_user, viewport
):
    survey_id = _ready(make_survey, make_user)
    _sign_in(page, live_server)
    if viewport:
        page.set_viewport_size(viewport)
    page.set_default_timeout(10_000)
    paths = [
        f"/manage/surveys/{survey_id}/translations",
        f"/manage/surveys/{survey_id}/translations/sq",
        f"/manage/surveys/{survey_id}/translations/import",
        f"/manage/surveys/{survey_id}/share",
        f"/manage/surveys/{survey_id}/share/sq/poster",
        "/manage/surveys/import-xlsform",
    ]
    for path in paths:
        page.goto(f"{live_server}{path}")
        assert not re.search(r"Something went wrong", page.content())
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"
