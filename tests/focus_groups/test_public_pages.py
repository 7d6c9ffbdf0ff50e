"""Resident pages: the list, the sign-up form, the secret link and the calendar file."""

from __future__ import annotations

import re
from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select

from feedback.extensions import db
from feedback.focus_groups.models import MessageKind, OutboxMessage, Signup, SignupStatus
from feedback.timeutil import utcnow
from tests.conftest import csrf_from
from tests.focus_groups.conftest import TOKEN_LINK, signup_form


def post_signup(client, group, **fields):
    page = client.get(f"/focus-groups/{group.id}")
    return client.post(
        f"/focus-groups/{group.id}",
        data={**signup_form(**fields), "csrf_token": csrf_from(page.text)},
    )


def test_list_shows_seats_left_languages_and_access_in_serbian(client, make_group, sign_up):
    group = make_group(capacity=5)
    full = make_group(capacity=1, title={"en": "Full one"})
    sign_up(group)
    sign_up(group)
    sign_up(full)
    past = make_group(
        title={"en": "Long ago"},
        starts_at=utcnow() - timedelta(days=2),
        ends_at=utcnow() - timedelta(days=2, hours=-1),
    )
    page = client.get("/focus-groups?lang=sr")
    assert page.status_code == 200
    assert '<html lang="sr"' in page.text
    assert "Разговор о парку" in page.text
    seats = re.findall(r'class="fg-seats"><strong>(.*?)</strong>', page.text)
    assert len(seats) == 2
    assert "3" in seats[0]
    assert "Full one" in page.text
    assert "Српски" in page.text
    assert "Улаз без степеница." in page.text
    assert past.title["en"] not in page.text


def test_list_in_english_says_seats_left_and_full(client, make_group, sign_up):
    make_group(capacity=3)
    full = make_group(capacity=1, title={"en": "Full one"})
    sign_up(full)
    page = client.get("/focus-groups?lang=en")
    assert "3 seats left" in page.text
    assert "Full: join the waitlist" in page.text


def test_content_falls_back_to_the_default_language_marked(client, make_group):
    make_group(title={"en": "Only in English"})
    page = client.get("/focus-groups?lang=sq")
    assert 'lang="en" dir="ltr">Only in English' in page.text


def test_signing_up_confirms_and_gives_a_secret_link(client, make_group):
    group = make_group()
    response = post_signup(client, group)
    assert response.status_code == 303
    token = TOKEN_LINK.search(response.headers["Location"]).group(1)
    page = client.get(f"/focus-groups/signup/{token}")
    assert page.status_code == 200
    assert "Talk about the park" in page.text
    assert "calendar.ics" in page.text
    assert "ana@example.org" not in page.text
    assert "Ana Petrović" not in page.text
    signup = db.session.scalars(select(Signup)).one()
    assert signup.status == SignupStatus.CONFIRMED
    assert signup.language == "sr"
    assert signup.consent is True
    assert signup.consented_at is not None
    message = db.session.scalars(select(OutboxMessage)).one()
    assert message.kind == MessageKind.CONFIRMATION
    assert message.language == "sr"
    assert message.sent_via == "log"
    assert token in message.body


def test_form_errors_keep_what_was_typed(client, make_group):
    group = make_group()
    response = post_signup(client, group, name="Ana <b>", email="not-an-email", consent="")
    assert response.status_code == 200
    assert "<title>Error:" in response.text
    assert 'class="error-summary"' in response.text
    assert 'href="#email"' in response.text
    assert 'href="#consent"' in response.text
    assert 'value="Ana &lt;b&gt;"' in response.text
    assert 'value="not-an-email"' in response.text
    assert db.session.scalar(select(Signup.id)) is None


def test_email_or_phone_is_required(client, make_group):
    group = make_group()
    response = post_signup(client, group, email="", phone="")
    assert "Enter an email address or a phone number, or both" in response.text
    phone_only = post_signup(client, group, email="", phone="+381 64 123 4567")
    assert phone_only.status_code == 303


def test_second_signup_of_the_same_person_is_a_friendly_message(client, make_group):
    group = make_group()
    assert post_signup(client, group).status_code == 303
    again = post_signup(client, group, email="ANA@example.org")
    assert again.status_code == 200
    assert "You are already signed up for this session" in again.text
    assert len(db.session.scalars(select(Signup)).all()) == 1


def test_a_pasted_document_is_refused_politely(client, make_group):
    group = make_group()
    response = post_signup(client, group, name="x" * 5000, access_needs="y" * 50000)
    assert response.status_code in (200, 413)
    assert db.session.scalar(select(Signup.id)) is None


def test_waitlist_page_shows_the_position(client, make_group, sign_up):
    group = make_group(capacity=1)
    sign_up(group)
    sign_up(group)
    response = post_signup(client, group)
    token = TOKEN_LINK.search(response.headers["Location"]).group(1)
    page = client.get(f"/focus-groups/signup/{token}?lang=en")
    assert "You are on the waitlist" in page.text
    assert "number 2 on the waitlist" in page.text
    assert client.get(f"/focus-groups/signup/{token}/calendar.ics").status_code == 404


def test_calendar_file_is_valid_rfc5545(client, make_group):
    group = make_group(online_url="https://meet.example.org/park")
    token = TOKEN_LINK.search(post_signup(client, group).headers["Location"]).group(1)
    response = client.get(f"/focus-groups/signup/{token}/calendar.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    raw = response.data.decode()
    assert raw.startswith("BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL"):
        assert key in event, key
    assert event.decoded("DTSTART") == group.starts_at
    assert "DTSTART:" in raw
    assert raw.split("DTSTART:")[1].split("\r\n")[0].endswith("Z")
    assert str(event["SUMMARY"]) == "Разговор о парку"


def test_cancelling_by_the_secret_link_erases_and_promotes(client, make_group, sign_up):
    group = make_group(capacity=1)
    token = TOKEN_LINK.search(post_signup(client, group).headers["Location"]).group(1)
    waiting = sign_up(group, language="sq")
    page = client.get(f"/focus-groups/signup/{token}")
    response = client.post(
        f"/focus-groups/signup/{token}/cancel", data={"csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 303
    after = client.get(f"/focus-groups/signup/{token}?lang=en")
    assert "Your sign-up is cancelled" in after.text
    assert "have been erased" in after.text
    mine = db.session.scalars(select(Signup).where(Signup.token == token)).one()
    assert mine.name is None
    assert mine.email is None
    db.session.refresh(waiting)
    assert waiting.status == SignupStatus.CONFIRMED
    promotion = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == MessageKind.PROMOTION)
    ).one()
    assert promotion.language == "sq"
    mine_messages = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.signup_id == mine.id)
    ).all()
    assert {m.kind for m in mine_messages} == {MessageKind.CONFIRMATION, MessageKind.CANCELLATION}
    assert all(m.sent_at is not None and m.to is None for m in mine_messages)


def test_unknown_secret_link_is_not_found(client):
    assert client.get("/focus-groups/signup/nope").status_code == 404


def test_closed_and_cancelled_sessions_take_no_signups(client, make_group):
    closed = make_group(signup_closes_at=utcnow() - timedelta(hours=1))
    page = client.get(f"/focus-groups/{closed.id}?lang=en")
    assert "Sign-up for this session has closed." in page.text
    assert 'name="consent"' not in page.text


def test_home_page_lists_upcoming_sessions(client, make_group):
    make_group()
    page = client.get("/?lang=en")
    assert "Upcoming focus groups" in page.text
    assert "Talk about the park" in page.text


def test_survey_thanks_block_invites_to_linked_sessions(app, make_survey, make_group):
    from flask import render_template_string

    survey = make_survey()
    make_group(survey_id=survey.id)
    make_group(title={"en": "Not linked"})
    with app.test_request_context("/s/park/thanks?lang=en"):
        html = render_template_string(
            "{% for block in thanks_blocks(survey) %}{{ block }}{% endfor %}", survey=survey
        )
    assert "Join a focus group" in html
    assert "Talk about the park" in html
    assert "Not linked" not in html


def test_privacy_note_names_the_retention_period(client, make_group):
    group = make_group()
    page = client.get(f"/focus-groups/{group.id}?lang=en")
    assert "Only the organisers of this focus group see your name" in page.text
    assert "90 days after the session" in page.text
