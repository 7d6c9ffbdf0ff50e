"""A resident on a phone (Pixel 5) signs up in Serbian, downloads the calendar file and
cancels with the secret link; the first waitlisted person gets the seat. Every resident
page of the feature passes axe-core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect
from sqlalchemy import select

from feedback.extensions import db
from feedback.focus_groups.models import MessageKind, OutboxMessage, Signup, SignupStatus

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def assert_accessible(page, what: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


@pytest.mark.browser
def test_resident_signs_up_in_serbian_and_cancels_on_a_phone(
    page, live_server, make_group, sign_up
):
    group = make_group(capacity=1)
    group_id = group.id
    db.session.commit()  # on SQLite an open read would hold the write lock

    page.goto(f"{live_server}/focus-groups?lang=sr")
    expect(page.locator("html")).to_have_attribute("lang", "sr")
    expect(page.get_by_text("Разговор о парку")).to_be_visible()
    assert_accessible(page, "list")

    page.locator(f'a[href="/focus-groups/{group_id}"]').first.click()
    expect(page.locator("h1")).to_have_text("Разговор о парку")
    assert_accessible(page, "detail")

    page.locator("form button[type=submit]").last.click()
    expect(page).to_have_title(re.compile(r"^Error:|^Грешка"))
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page, "form with errors")

    page.fill("#name", "Ана Петровић")
    page.fill("#email", "ana@example.org")
    expect(page.locator("#language")).to_have_value("sr")
    page.check("#consent")
    page.locator("form button[type=submit]").last.click()
    expect(page.locator(".panel-confirmation")).to_be_visible()
    assert "/focus-groups/signup/" in page.url
    assert_accessible(page, "confirmation")

    with page.expect_download() as download_info:
        page.locator('a[href$="calendar.ics"]').click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Разговор о парку"

    waiting = sign_up(group, name="Blerim Krasniqi", language="sq")
    waiting_id = waiting.id
    db.session.commit()

    page.goto(page.url)
    assert_accessible(page, "secret-link page")
    page.locator("form button.button-warning").click()
    expect(page.locator("h1")).not_to_have_text("")
    expect(page.locator(".panel-confirmation")).to_have_count(0)
    assert_accessible(page, "cancelled sign-up page")

    db.session.expire_all()
    mine = db.session.scalars(select(Signup).where(Signup.language == "sr")).one()
    assert mine.status == SignupStatus.CANCELLED
    assert mine.name is None
    assert mine.email is None
    promoted = db.session.get(Signup, waiting_id)
    assert promoted.status == SignupStatus.CONFIRMED
    promotion = db.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.kind == MessageKind.PROMOTION, OutboxMessage.signup_id == waiting_id
        )
    ).one()
    assert promotion.language == "sq"
    assert promotion.ics
    db.session.commit()


@pytest.mark.browser
def test_waitlist_pages_in_arabic_are_accessible(page, live_server, make_group, sign_up):
    group = make_group(capacity=1, title={"en": "Talk about the park", "ar": "حديث عن الحديقة"})
    sign_up(group)
    waiting = sign_up(group, language="ar")
    group_id, token = group.id, waiting.token
    db.session.commit()

    page.goto(f"{live_server}/focus-groups?lang=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_text("حديث عن الحديقة")).to_be_visible()
    assert_accessible(page, "list in Arabic, session full")

    page.goto(f"{live_server}/focus-groups/{group_id}")
    expect(page.locator("form button[type=submit]").last).to_be_visible()
    assert_accessible(page, "detail of a full session")

    page.goto(f"{live_server}/focus-groups/signup/{token}")
    expect(page.locator(".fg-panel-waitlist")).to_be_visible()
    expect(page.locator('a[href$="calendar.ics"]')).to_have_count(0)
    assert_accessible(page, "waitlisted sign-up")
