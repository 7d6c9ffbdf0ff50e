"""Commands: send-reminders (safe to repeat), privacy purge, demo sessions."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from feedback.extensions import db
from feedback.focus_groups.models import FocusGroup, MessageKind, OutboxMessage, Signup
from feedback.timeutil import utcnow


def test_send_reminders_twice_sends_one_reminder(runner, make_group, sign_up):
    soon = make_group(
        starts_at=utcnow() + timedelta(hours=3), ends_at=utcnow() + timedelta(hours=4)
    )
    sign_up(soon, language="sr")
    first = runner.invoke(args=["focus-groups", "send-reminders"])
    assert first.exit_code == 0, first.output
    assert "Queued 1 reminders" in first.output
    second = runner.invoke(args=["focus-groups", "send-reminders"])
    assert "Queued 0 reminders" in second.output
    reminders = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == MessageKind.REMINDER)
    ).all()
    assert len(reminders) == 1
    assert reminders[0].sent_at is not None
    assert reminders[0].language == "sr"
    assert "BEGIN:VCALENDAR" in reminders[0].ics


def test_privacy_purge(runner, make_group, sign_up):
    group = make_group()
    sign_up(group, name="Old Person")
    db.session.execute(
        update(FocusGroup)
        .where(FocusGroup.id == group.id)
        .values(starts_at=utcnow() - timedelta(days=92), ends_at=utcnow() - timedelta(days=91))
    )
    db.session.commit()
    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    assert "Erased the contact details of 1 focus-group sign-ups" in result.output
    signup = db.session.scalars(select(Signup)).one()
    assert signup.name is None
    assert signup.erased_at is not None


def test_demo_sessions_are_idempotent(runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    groups = db.session.scalars(select(FocusGroup)).all()
    assert len(groups) >= 3
    assert any(g.capacity == 10 and g.waitlist_enabled for g in groups)
    assert {lang for g in groups for lang in g.languages} >= {"en", "sq", "sr", "es", "ar"}
    runner.invoke(args=["demo", "load"])
    assert len(db.session.scalars(select(FocusGroup)).all()) == len(groups)
