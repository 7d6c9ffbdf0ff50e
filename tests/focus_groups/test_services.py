"""Seats, the waitlist, messages, reminders and erasure, without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.focus_groups import messages, services
from feedback.focus_groups.models import (
    FocusGroup,
    MessageKind,
    OutboxMessage,
    Signup,
    SignupStatus,
)
from feedback.timeutil import utcnow


def outbox(kind=None):
    statement = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        statement = statement.where(OutboxMessage.kind == kind)
    return list(db.session.scalars(statement))


def test_seats_then_waitlist_in_order(make_group, sign_up):
    group = make_group(capacity=2)
    first, second, third = (sign_up(group) for _ in range(3))
    assert [s.status for s in (first, second, third)] == [
        SignupStatus.CONFIRMED,
        SignupStatus.CONFIRMED,
        SignupStatus.WAITLISTED,
    ]
    db.session.refresh(group)
    assert group.seats_taken == 2
    assert [m.kind for m in outbox()] == [
        MessageKind.CONFIRMATION,
        MessageKind.CONFIRMATION,
        MessageKind.WAITLIST,
    ]
    assert outbox()[0].ics
    assert outbox()[2].ics is None


def test_full_session_without_waitlist_refuses(make_group, sign_up):
    group = make_group(capacity=1, waitlist_enabled=False)
    sign_up(group)
    with pytest.raises(services.SignupRefused) as refused:
        sign_up(group)
    db.session.rollback()
    assert refused.value.reason == "full"
    assert db.session.scalar(select(db.func.count()).select_from(Signup)) == 1


def test_one_signup_per_person_by_email_or_phone(make_group, sign_up):
    group = make_group()
    sign_up(group, email="Ana@Example.org", phone="+381 11 222-333")
    for email, phone in (("ana@example.org ", None), (None, "+38111222333")):
        with pytest.raises(services.SignupRefused) as refused:
            sign_up(group, email=email, phone=phone)
        db.session.rollback()
        assert refused.value.reason == "duplicate"


def test_database_refuses_a_second_row_for_the_same_email(make_group, sign_up):
    group = make_group()
    first = sign_up(group, email="ana@example.org")
    db.session.add(
        Signup(
            focus_group_id=group.id,
            token="another",
            email_key=first.email_key,
            language="en",
            status=SignupStatus.WAITLISTED,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_database_refuses_more_seats_than_capacity(make_group):
    group = make_group(capacity=2, seats_taken=2)
    statement = update(FocusGroup).where(FocusGroup.id == group.id).values(seats_taken=3)
    with pytest.raises(IntegrityError):
        db.session.execute(statement)
    db.session.rollback()


def test_closed_signup_is_refused(make_group, sign_up):
    group = make_group(signup_closes_at=utcnow() - timedelta(minutes=1))
    with pytest.raises(services.SignupRefused) as refused:
        sign_up(group)
    db.session.rollback()
    assert refused.value.reason == "closed"


def test_cancelling_a_seat_promotes_the_longest_waiting_and_erases(make_group, sign_up):
    group = make_group(capacity=1)
    seated = sign_up(group, language="sr")
    waiting_first = sign_up(group, language="sq")
    waiting_second = sign_up(group)
    promoted = services.cancel_signup(seated.id)
    db.session.commit()
    assert [p.id for p in promoted] == [waiting_first.id]
    db.session.refresh(seated)
    assert seated.status == SignupStatus.CANCELLED
    assert seated.name is None
    assert seated.email is None
    assert seated.erased_at is not None
    assert db.session.get(Signup, waiting_first.id).status == SignupStatus.CONFIRMED
    assert db.session.get(Signup, waiting_second.id).status == SignupStatus.WAITLISTED
    db.session.refresh(group)
    assert group.seats_taken == 1
    promotion = outbox(MessageKind.PROMOTION)
    assert len(promotion) == 1
    assert promotion[0].language == "sq"
    assert promotion[0].ics
    assert "BEGIN:VEVENT" in promotion[0].ics
    cancellation = outbox(MessageKind.CANCELLATION)[0]
    assert cancellation.language == "sr"


def test_cancelling_a_waitlist_place_frees_no_seat(make_group, sign_up):
    group = make_group(capacity=1)
    sign_up(group)
    waiting = sign_up(group)
    assert services.cancel_signup(waiting.id) == []
    db.session.commit()
    db.session.refresh(group)
    assert group.seats_taken == 1


def test_more_seats_promote_the_waitlist(make_group, sign_up):
    group = make_group(capacity=1)
    sign_up(group)
    waiting = [sign_up(group) for _ in range(3)]

    def more_seats(g):
        g.capacity = 3

    promoted = services.save_group(group, more_seats)
    db.session.commit()
    assert [p.id for p in promoted] == [waiting[0].id, waiting[1].id]
    db.session.refresh(group)
    assert group.seats_taken == 3


def test_fewer_seats_than_taken_is_refused(make_group, sign_up):
    group = make_group(capacity=2)
    sign_up(group)
    sign_up(group)

    def fewer(g):
        g.capacity = 1

    with pytest.raises(ValueError, match="capacity"):
        services.save_group(group, fewer)
    db.session.rollback()


def test_cancelled_session_tells_everyone_in_their_language(make_group, sign_up):
    group = make_group(capacity=1)
    sign_up(group, language="sr")
    sign_up(group, language="es")
    assert services.cancel_group(group.id) == 2
    db.session.commit()
    told = outbox(MessageKind.SESSION_CANCELLED)
    assert sorted(m.language for m in told) == ["es", "sr"]
    serbian = next(m for m in told if m.language == "sr")
    assert "Разговор о парку" in serbian.subject
    statuses = db.session.scalars(select(Signup.status)).all()
    assert set(statuses) == {SignupStatus.CANCELLED}


def test_messages_are_in_the_persons_language(make_group, sign_up):
    group = make_group()
    sign_up(group, language="sq")
    sign_up(group, language="en")
    albanian, english = outbox()
    assert "Bisedë për parkun" in albanian.subject
    assert "Talk about the park" in english.subject
    assert "/focus-groups/signup/" in albanian.body


def test_messages_go_to_the_log_without_a_mail_server(make_group, sign_up, caplog):
    group = make_group()
    sign_up(group)
    sign_up(group, email=None, phone="+1 555 0100")
    caplog.set_level("INFO")
    assert messages.deliver() == 2
    by_email, by_phone = outbox()
    assert by_email.sent_at is not None
    assert by_email.sent_via == "log"
    assert by_phone.sent_at is not None
    assert by_phone.sent_via == "none"
    assert "Talk about the park" in caplog.text
    assert messages.deliver() == 0


def test_reminders_once_for_sessions_within_a_day(make_group, sign_up):
    soon = make_group(
        starts_at=utcnow() + timedelta(hours=5), ends_at=utcnow() + timedelta(hours=6)
    )
    later = make_group(title={"en": "Later"})
    sign_up(soon, language="sr")
    waiting = make_group(
        capacity=0, starts_at=utcnow() + timedelta(hours=5), ends_at=utcnow() + timedelta(hours=6)
    )
    sign_up(waiting)
    sign_up(later)
    assert messages.queue_reminders() == 1
    db.session.commit()
    assert messages.queue_reminders() == 0
    db.session.commit()
    reminders = outbox(MessageKind.REMINDER)
    assert len(reminders) == 1
    assert reminders[0].language == "sr"
    assert reminders[0].ics


def test_unique_key_refuses_a_second_reminder(make_group, sign_up):
    group = make_group()
    signup = sign_up(group)
    assert messages.queue_message(signup, MessageKind.REMINDER) is not None
    assert messages.queue_message(signup, MessageKind.REMINDER) is None
    db.session.commit()
    assert len(outbox(MessageKind.REMINDER)) == 1


def test_purge_erases_old_contact_details_and_keeps_counts(make_group, sign_up):
    old = make_group(title={"en": "Old"})
    recent = make_group(title={"en": "Recent"})
    sign_up(old, name="Old Person", access_needs="Wheelchair")
    sign_up(recent, name="New Person")
    db.session.execute(
        update(FocusGroup)
        .where(FocusGroup.id == old.id)
        .values(starts_at=utcnow() - timedelta(days=100), ends_at=utcnow() - timedelta(days=99))
    )
    db.session.commit()
    assert services.purge_personal_data(90) == 1
    db.session.commit()
    names = db.session.execute(
        text("select name, email, access_needs from focus_group_signup")
    ).all()
    assert sorted(n for n, _e, _a in names if n) == ["New Person"]
    assert services.attendance_figures(old.id)["confirmed"] == 1
    assert all(m.to is None for m in outbox() if m.signup_id == old.signups[0].id)


def test_attendance_figures(make_group, sign_up):
    group = make_group(capacity=3)
    people = [sign_up(group) for _ in range(4)]
    services.set_attendance(people[0], SignupStatus.ATTENDED)
    services.set_attendance(people[1], SignupStatus.NO_SHOW)
    db.session.commit()
    figures = services.attendance_figures(group.id)
    assert figures["attended"] == 1
    assert figures["no_show"] == 1
    assert figures["confirmed"] == 1
    assert figures["waitlisted"] == 1
    with pytest.raises(ValueError, match="seated"):
        services.set_attendance(people[3], SignupStatus.ATTENDED)


def test_roster_search_by_name(make_group, sign_up):
    group = make_group()
    sign_up(group, name="Ana Petrović")
    sign_up(group, name="Blerim Krasniqi")
    assert [p.name for p in services.roster(group.id, "petro")] == ["Ana Petrović"]
    assert services.roster(group.id, "100%_") == []
