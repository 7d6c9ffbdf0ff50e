"""Facilitator pages: sessions, roster, check-in, attendance, CSV export, audit trail."""

from __future__ import annotations

import csv
import io

import pytest
from flask import g
from sqlalchemy import select

from feedback.audit.models import AuditEvent
from feedback.extensions import db
from feedback.focus_groups.models import (
    FocusGroup,
    GroupStatus,
    MessageKind,
    OutboxMessage,
    SignupStatus,
)
from tests.conftest import csrf_from


@pytest.fixture
def facilitator(make_user, login):
    user = make_user("facilitator")
    login(user)
    # The test's app context outlives requests, so Flask-WTF's per-context token cache
    # (g.csrf_token) would keep the token of the session cleared at sign-in.
    g.pop("csrf_token", None)
    return user


def audit_actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def session_form(**overrides):
    data = {
        "default_language": "en",
        "title_en": "Budget night",
        "title_sr": "Вече буџета",
        "description_en": "Talk about the budget.",
        "accessibility_en": "Lift to the first floor.",
        "starts_at": "2031-05-04T18:00",
        "ends_at": "2031-05-04T19:30",
        "place": "Town hall",
        "languages": ["en", "sr"],
        "capacity": "8",
        "waitlist_enabled": "y",
        "survey_id": "0",
    }
    data.update(overrides)
    return data


def test_residents_and_officials_cannot_manage(client, make_user, login, make_group):
    group = make_group()
    assert client.get("/manage/focus-groups").status_code == 302
    assert client.get(f"/manage/focus-groups/{group.id}/roster.csv").status_code == 302
    login(make_user("official"))
    assert client.get("/manage/focus-groups").status_code == 403
    assert client.get(f"/manage/focus-groups/{group.id}").status_code == 403


def test_create_a_session(client, facilitator):
    page = client.get("/manage/focus-groups/new")
    assert page.status_code == 200
    response = client.post(
        "/manage/focus-groups/new", data={**session_form(), "csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 302, response.text
    group = db.session.scalars(select(FocusGroup)).one()
    assert group.title == {"en": "Budget night", "sr": "Вече буџета"}
    assert group.languages == ["en", "sr"]
    assert group.capacity == 8
    assert group.starts_at.isoformat() == "2031-05-04T18:00:00+00:00"
    assert group.status == GroupStatus.ACTIVE


def test_session_form_errors_are_listed(client, facilitator):
    page = client.get("/manage/focus-groups/new")
    response = client.post(
        "/manage/focus-groups/new",
        data={
            **session_form(title_en="", ends_at="2031-05-04T17:00", place="", capacity="0"),
            "csrf_token": csrf_from(page.text),
        },
    )
    assert response.status_code == 200
    assert "<title>Error:" in response.text
    for message in (
        "Enter a title in the main language",
        "The end must be after the start",
        "Enter a place or an online link",
        "Enter a number of seats from 1 to 10,000",
    ):
        assert message in response.text
    assert db.session.scalar(select(FocusGroup.id)) is None


def test_more_seats_promote_and_fewer_than_taken_is_refused(
    client, facilitator, make_group, sign_up
):
    group = make_group(capacity=1)
    sign_up(group)
    waiting = sign_up(group, language="sr")
    page = client.get(f"/manage/focus-groups/{group.id}/edit")
    assert 'value="Talk about the park"' in page.text
    fewer = client.post(
        f"/manage/focus-groups/{group.id}/edit",
        data={
            **session_form(title_en="Talk about the park", capacity="0"),
            "csrf_token": csrf_from(page.text),
        },
    )
    assert fewer.status_code == 200
    more = client.post(
        f"/manage/focus-groups/{group.id}/edit",
        data={
            **session_form(title_en="Talk about the park", capacity="2"),
            "csrf_token": csrf_from(page.text),
        },
    )
    assert more.status_code == 302
    db.session.refresh(waiting)
    assert waiting.status == SignupStatus.CONFIRMED
    promotion = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == MessageKind.PROMOTION)
    ).one()
    assert promotion.language == "sr"


def test_roster_shows_people_and_is_audited(client, facilitator, make_group, sign_up):
    group = make_group(capacity=1)
    sign_up(group, name="Ana Petrović", language="sr", access_needs="Step-free access")
    sign_up(group, name="Blerim Krasniqi", language="sq")
    page = client.get(f"/manage/focus-groups/{group.id}")
    assert page.status_code == 200
    assert "Ana Petrović" in page.text
    assert "Step-free access" in page.text
    assert "Blerim Krasniqi" in page.text
    assert "Српски" in page.text
    assert "Waitlisted" in page.text
    assert audit_actions() == ["focus_group.roster_viewed"]


def test_search_by_name_without_javascript(client, facilitator, make_group, sign_up):
    group = make_group()
    sign_up(group, name="Ana Petrović")
    sign_up(group, name="Blerim Krasniqi")
    page = client.get(f"/manage/focus-groups/{group.id}?q=blerim")
    assert "Blerim Krasniqi" in page.text
    assert "Ana Petrović" not in page.text
    assert 'value="blerim"' in page.text


def test_check_in_and_no_show_with_one_tap(client, facilitator, make_group, sign_up):
    group = make_group()
    ana = sign_up(group, name="Ana Petrović")
    blerim = sign_up(group, name="Blerim Krasniqi")
    page = client.get(f"/manage/focus-groups/{group.id}?q=ana")
    token = csrf_from(page.text)
    response = client.post(
        f"/manage/focus-groups/{group.id}/signups/{ana.id}",
        data={"status": "attended", "q": "ana", "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"?q=ana#signup-{ana.id}")
    client.post(
        f"/manage/focus-groups/{group.id}/signups/{blerim.id}",
        data={"status": "no_show", "csrf_token": token},
    )
    db.session.refresh(ana)
    db.session.refresh(blerim)
    assert ana.status == SignupStatus.ATTENDED
    assert ana.checked_in_at is not None
    assert blerim.status == SignupStatus.NO_SHOW
    listing = client.get("/manage/focus-groups")
    assert listing.status_code == 200
    row = listing.text.split("Talk about the park")[1].split("</tr>")[0]
    assert "<td>1</td>" in row
    undo = client.post(
        f"/manage/focus-groups/{group.id}/signups/{ana.id}",
        data={"status": "confirmed", "csrf_token": token},
    )
    assert undo.status_code == 302
    db.session.refresh(ana)
    assert ana.status == SignupStatus.CONFIRMED


def test_csv_export_neutralises_formulas_and_is_audited(client, facilitator, make_group, sign_up):
    group = make_group()
    sign_up(group, name='=HYPERLINK("http://x")', access_needs="+1 ramp")
    response = client.get(f"/manage/focus-groups/{group.id}/roster.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][0] == "Name"
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert rows[1][4] == "'+1 ramp"
    assert audit_actions() == ["focus_group.roster_exported"]


def test_cancelling_a_session_tells_everyone(client, facilitator, make_group, sign_up):
    group = make_group(capacity=1)
    sign_up(group, language="sr")
    sign_up(group, language="es")
    page = client.get(f"/manage/focus-groups/{group.id}/cancel")
    assert "2 people" in page.text
    response = client.post(
        f"/manage/focus-groups/{group.id}/cancel", data={"csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 302
    db.session.refresh(group)
    assert group.status == GroupStatus.CANCELLED
    told = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == MessageKind.SESSION_CANCELLED)
    ).all()
    assert sorted(m.language for m in told) == ["es", "sr"]
    assert all(m.sent_at is not None for m in told)
    public = client.get(f"/focus-groups/{group.id}?lang=en")
    assert "This session has been cancelled." in public.text
    assert "Talk about the park" not in client.get("/focus-groups?lang=en").text
