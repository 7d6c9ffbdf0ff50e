"""In a real browser, at a phone and a desktop size: the staff pages of focus groups, results,
moderation, programmes and reports pass an automated WCAG 2.1 AA audit (the survey builder,
translation, API-token and summary pages have audits of their own)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from feedback.answering.services import new_key, submit_response
from feedback.demo import load_demo
from feedback.extensions import db
from feedback.focus_groups.models import FocusGroup
from feedback.programmes.models import Indicator, Initiative
from feedback.results.models import Finding
from feedback.surveys.models import Survey

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
PASSWORD = "correct horse battery"
ANSWERS = {
    "neighbourhood": ["riverside"],
    "age_band": ["25_34"],
    "home_language": ["albanian"],
    "attended": ["no"],
    "topics": ["public_health"],
    "recommend": ["9"],
    "comments": ["Call me on 044 123 456, the health talks were great."],
}


@pytest.fixture
def demo_with_answers(app):
    load_demo()
    db.session.commit()
    survey = db.session.scalar(select(Survey).where(Survey.slug == "exchange-programme"))
    for _ in range(3):
        submit_response(survey, ANSWERS, "en", new_key())
    db.session.commit()
    return survey


@pytest.mark.parametrize(
    "viewport", [None, {"width": 1280, "height": 800}], ids=["phone", "desktop"]
)
def test_staff_pages_pass_axe(page, live_server, make_user, demo_with_answers, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    survey_id = demo_with_answers.id
    group_id = db.session.scalars(select(FocusGroup.id).order_by(FocusGroup.id)).first()
    programme_id = db.session.scalars(select(Initiative.id)).first()
    indicator_id = db.session.scalars(select(Indicator.id)).first()
    finding_id = db.session.scalars(
        select(Finding.id).where(Finding.survey_id == survey_id)
    ).first()
    make_user("admin", email="admin@example.org", password=PASSWORD)
    db.session.remove()  # no open transaction (on SQLite it would hold the write lock)
    page.goto(f"{live_server}/login")
    page.fill("#email", "admin@example.org")
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    paths = [
        "/manage/focus-groups",
        "/manage/focus-groups/new",
        f"/manage/focus-groups/{group_id}",
        f"/manage/focus-groups/{group_id}/edit",
        f"/manage/focus-groups/{group_id}/cancel",
        "/manage/results",
        f"/manage/surveys/{survey_id}/moderation",
        f"/manage/surveys/{survey_id}/publication",
        f"/manage/surveys/{survey_id}/findings",
        f"/manage/surveys/{survey_id}/findings/new",
        "/manage/programmes",
        "/manage/programmes/new",
        f"/manage/programmes/{programme_id}",
        f"/manage/programmes/{programme_id}/indicators/new",
        f"/manage/programmes/{programme_id}/indicators/{indicator_id}/values",
        f"/manage/programmes/{programme_id}/findings",
        "/reports/",
        f"/reports/surveys/{survey_id}/texts",
        "/reports/programmes",
        f"/reports/programmes/{programme_id}",
        "/manage/users",
        "/manage/users/invite",
    ]
    if finding_id is not None:
        paths.append(f"/manage/surveys/{survey_id}/findings/{finding_id}")
    for path in paths:
        response = page.goto(f"{live_server}{path}")
        assert response.status == 200, path
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"
