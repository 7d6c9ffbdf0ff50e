"""In a real browser: a facilitator builds, translates and publishes a survey, prints its
Albanian poster, and a resident answers it in Albanian; the manage pages pass axe."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from feedback.answering.models import Answer, Response
from feedback.extensions import db
from feedback.surveys.models import Survey, SurveyStatus

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
PASSWORD = "correct horse battery"

ALBANIAN = {
    "Bus stops": "Stacionet e autobusit",
    "Do you take the bus?": "A udhëtoni me autobus?",
    "Which line do you take most?": "Cilën linjë merrni më shpesh?",
    "Line 1": "Linja 1",
    "Line 2": "Linja 2",
    "How clean are the stops?": "Sa të pastra janë stacionet?",
    "Dirty": "Të pista",
    "Clean": "Të pastra",
    "What would you change?": "Çfarë do të ndryshonit?",
    "When do you travel?": "Kur udhëtoni?",
    "Morning": "Mëngjes",
    "Evening": "Mbrëmje",
    "Tell us about the bus stops.": "Na tregoni për stacionet.",
    "Thank you!": "Faleminderit!",
}


def check_axe(page, where: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


def sign_in(page, live_server, email):
    page.goto(f"{live_server}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def add_question(page, kind: str, fields: dict, checks=(), show_if=None):
    page.select_option("select[name=kind]", kind)
    page.get_by_role("button", name=re.compile("^Add a question")).first.click()
    page.wait_for_load_state()
    if "code" in fields:
        page.get_by_text("Section, kind and code").click()
    for name, value in fields.items():
        page.fill(f"[name={name}]", value)
    for name in checks:
        page.check(f"[name={name}]")
    if show_if:
        source, value = show_if
        option = page.locator("select[name=show_if_question_id] option", has_text=f"{source}:")
        page.select_option("select[name=show_if_question_id]", option.get_attribute("value"))
        page.check(f"input[name=show_if_values][value$=':{value}']")
    page.get_by_role("button", name="Add the question").click()
    page.wait_for_load_state()
    expect(page.locator(".notices")).to_contain_text("The question is added.")


def test_facilitator_builds_translates_publishes_and_a_resident_answers_in_albanian(
    page, browser, live_server, make_user
):
    make_user("facilitator", email="builder@example.org")
    db.session.remove()  # let the server thread write
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "builder@example.org")
    expect(page.get_by_role("heading", name="Surveys")).to_be_visible()
    check_axe(page, "survey list (phone)")

    page.get_by_role("link", name="Create a survey").click()
    page.fill("#title", "Bus stops")
    page.check("input[name=languages][value=sq]")
    page.fill("#introduction", "Tell us about the bus stops.")
    page.fill("#thank_you", "Thank you!")
    check_axe(page, "new survey form (phone)")
    page.get_by_role("button", name="Create the survey").click()
    page.wait_for_load_state()
    survey_id = int(re.search(r"/manage/surveys/(\d+)", page.url).group(1))
    check_axe(page, "survey page (phone)")

    add_question(page, "yesno", {"text": "Do you take the bus?", "code": "bus"}, ["required"])
    add_question(
        page,
        "single",
        {"text": "Which line do you take most?", "choices": "Line 1\nLine 2", "code": "line"},
        show_if=("bus", "yes"),
    )
    page.select_option("select[name=kind]", "rating")
    page.get_by_role("button", name=re.compile("^Add a question")).first.click()
    check_axe(page, "question form (phone)")
    page.goto(f"{live_server}/manage/surveys/{survey_id}")
    add_question(
        page,
        "rating",
        {"text": "How clean are the stops?", "low_label": "Dirty", "high_label": "Clean"},
    )
    add_question(page, "short_text", {"text": "What would you change?"})
    add_question(page, "multiple", {"text": "When do you travel?", "choices": "Morning\nEvening"})
    expect(page.locator(".question-item")).to_have_count(5)

    # Albanian texts through the translation page (one form per part, saved without JS).
    page.goto(f"{live_server}/manage/surveys/{survey_id}/translations/sq")
    parts = page.locator("form.translation-part").count()
    for index in range(parts):
        part = page.locator("form.translation-part").nth(index)
        for field in part.locator("textarea").all():
            source = field.evaluate(
                "f => document.getElementById(f.id + '-source').lastChild.textContent.trim()"
            )
            field.fill(ALBANIAN.get(source, f"{source} (sq)"))
        part.get_by_role("button", name="Save this part").click()
        page.wait_for_load_state()

    page.goto(f"{live_server}/manage/surveys/{survey_id}")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    if page.get_by_role("button", name="Publish anyway").count():
        page.get_by_role("button", name="Publish anyway").click()
        page.wait_for_load_state()
    expect(page.locator(".notices")).to_contain_text("The survey is published.")
    expect(page.locator("#history")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Published")

    poster = page.context.new_page()
    poster.goto(f"{live_server}/manage/surveys/{survey_id}/share/sq/poster")
    expect(poster.locator("body")).to_contain_text("Stacionet e autobusit")
    poster.close()

    survey = db.session.get(Survey, survey_id)
    slug = survey.slug
    assert survey.status == SurveyStatus.OPEN
    assert slug == "bus-stops"
    db.session.remove()

    resident_context = browser.new_context(locale="sq")
    resident = resident_context.new_page()
    resident.set_default_timeout(15_000)
    resident.goto(f"{live_server}/s/{slug}?lang=sq")
    expect(resident.locator("h1")).to_have_text("Stacionet e autobusit")
    expect(resident.get_by_label("Linja 2")).to_be_hidden()  # show-if: only after "yes"
    resident.locator("input[name=q-bus][value=yes]").check()  # "Yes" is an interface string
    resident.get_by_label("Linja 2").check()
    resident.locator("input[type=radio][value='4']").check()
    resident.get_by_label("Çfarë do të ndryshonit?").fill("Më shumë stola")
    resident.get_by_label("Mbrëmje").check()
    resident.locator("button[type=submit][value=submit]").click()
    resident.wait_for_load_state()
    expect(resident.locator("main")).to_contain_text("Faleminderit!")
    resident_context.close()

    response = db.session.scalar(select(Response).where(Response.survey_id == survey_id))
    assert response.language == "sq"
    texts = db.session.scalars(select(Answer.text).where(Answer.response_id == response.id))
    assert "Më shumë stola" in list(texts)
    line = next(q for q in db.session.get(Survey, survey_id).questions if q.code == "line")
    chosen = db.session.scalars(
        select(Answer.choice_id).where(
            Answer.response_id == response.id, Answer.question_id == line.id
        )
    ).all()
    assert [c.code for c in line.choices if c.id in chosen] == ["line_2"]
    db.session.remove()


@pytest.mark.parametrize(
    "viewport", [None, {"width": 1280, "height": 800}], ids=["phone", "desktop"]
)
def test_manage_pages_pass_axe(page, live_server, make_survey, make_user, viewport):
    survey = make_survey(status="draft")
    survey_id, question_id = survey.id, survey.questions[2].id
    make_user("admin", email="admin@example.org")
    db.session.remove()
    if viewport:
        page.set_viewport_size(viewport)
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "admin@example.org")
    paths = [
        "/manage/surveys",
        "/manage/surveys/new",
        f"/manage/surveys/{survey_id}",
        f"/manage/surveys/{survey_id}/edit",
        f"/manage/surveys/{survey_id}/questions/new?kind=single",
        f"/manage/surveys/{survey_id}/questions/{question_id}/edit",
        f"/manage/surveys/{survey_id}/publish",
        f"/manage/surveys/{survey_id}/preview?lang=sq",
        "/manage/surveys/import",
        "/manage/users",
        "/manage/users/invite",
        "/account",
    ]
    for path in paths:
        page.goto(f"{live_server}{path}")
        check_axe(page, path)
    # A form with errors: the summary and the messages pass too.
    page.goto(f"{live_server}/manage/surveys/new")
    page.get_by_role("button", name="Create the survey").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile("^Error:"))
    check_axe(page, "new survey with errors")
