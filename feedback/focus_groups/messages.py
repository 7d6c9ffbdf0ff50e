"""Messages to residents: composed in their language, kept in the outbox, sent or logged.

Every message is a row in :class:`OutboxMessage` first (written in the same transaction as the
change it reports); :func:`deliver` sends it afterwards by SMTP when ``MAIL_SERVER`` is set,
otherwise writes it to the log. Confirmed seats get an RFC 5545 calendar file.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta
from email.message import EmailMessage

from flask import current_app
from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _
from icalendar import Calendar, Event, vText
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.focus_groups.models import (
    FocusGroup,
    GroupStatus,
    MessageKind,
    OutboxMessage,
    Signup,
    SignupStatus,
)
from feedback.i18n import UI_LANGUAGES, localize
from feedback.timeutil import utcnow

log = logging.getLogger(__name__)

#: Kinds that go with a calendar file (the person has a seat).
QUEUED_KEY = "focus_group_outbox_ids"
WITH_CALENDAR = (MessageKind.CONFIRMATION, MessageKind.PROMOTION, MessageKind.REMINDER)


def signup_path(token: str) -> str:
    return f"/focus-groups/signup/{token}"


def signup_url(token: str) -> str:
    """The secret link, absolute (messages leave the site)."""
    return current_app.config.get("BASE_URL", "").rstrip("/") + signup_path(token)


def build_ics(group: FocusGroup, language: str, uid_suffix: str = "") -> str:
    """A VCALENDAR with one VEVENT for the session, times in UTC (RFC 5545)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Community feedback//Focus groups//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    host = current_app.config.get("BASE_URL", "localhost").split("//")[-1].split("/")[0]
    event.add("uid", f"focus-group-{group.id}{uid_suffix}@{host.split(':')[0] or 'localhost'}")
    event.add("dtstamp", utcnow().replace(microsecond=0))
    event.add("dtstart", group.starts_at)
    event.add("dtend", group.ends_at)
    event.add("summary", localize(group.title, language, group.default_language).text)
    description = localize(group.description, language, group.default_language).text
    if description:
        event.add("description", description)
    if group.place:
        event.add("location", vText(group.place))
    if group.online_url:
        event.add("url", group.online_url)
    if group.status == GroupStatus.CANCELLED:
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def message_language(language: str) -> str:
    return language if language in UI_LANGUAGES else "en"


def _when(group: FocusGroup) -> str:
    return format_datetime(group.starts_at, "full")


def compose(signup: Signup, kind: MessageKind) -> tuple[str, str]:
    """Subject and body of a message, in the current locale (see :func:`queue_message`)."""
    group = signup.focus_group
    language = message_language(signup.language)
    title = localize(group.title, language, group.default_language).text
    when = _when(group)
    where = group.place or group.online_url
    link = signup_url(signup.token)
    if kind == MessageKind.CONFIRMATION:
        subject = _("You have a seat: %(title)s", title=title)
        lead = _("Thank you for signing up. Your seat is booked for %(when)s.", when=when)
    elif kind == MessageKind.WAITLIST:
        subject = _("You are on the waitlist: %(title)s", title=title)
        lead = _(
            "The session on %(when)s is full, so you are on the waitlist. If a seat frees up, "
            "it is yours and we will tell you.",
            when=when,
        )
    elif kind == MessageKind.PROMOTION:
        subject = _("A seat is now yours: %(title)s", title=title)
        lead = _("A seat has freed up and it is now yours: %(when)s.", when=when)
    elif kind == MessageKind.CANCELLATION:
        subject = _("Your sign-up is cancelled: %(title)s", title=title)
        lead = _("Your sign-up for %(when)s is cancelled. Thank you for telling us.", when=when)
    elif kind == MessageKind.REMINDER:
        subject = _("Reminder: %(title)s", title=title)
        lead = _("A reminder: the session starts %(when)s.", when=when)
    else:
        subject = _("Session cancelled: %(title)s", title=title)
        lead = _(
            "We are sorry: the session on %(when)s has been cancelled. Your sign-up is cancelled "
            "too; you do not need to do anything.",
            when=when,
        )
    lines = [lead, ""]
    if where and kind not in (MessageKind.CANCELLATION, MessageKind.SESSION_CANCELLED):
        lines += [_("Where: %(place)s", place=where), ""]
    if kind not in (MessageKind.CANCELLATION, MessageKind.SESSION_CANCELLED):
        lines += [_("To see or cancel your sign-up, use this link: %(link)s", link=link), ""]
    lines.append(_("Community feedback"))
    return subject, "\n".join(lines)


def queue_message(signup: Signup, kind: MessageKind) -> OutboxMessage | None:
    """Write a message to the outbox in the person's language (the caller commits).

    Returns None when this kind was already queued for this sign-up (the unique key).
    """
    language = message_language(signup.language)
    with force_locale(language):
        subject, body = compose(signup, kind)
    ics = None
    if kind in WITH_CALENDAR and signup.status == SignupStatus.CONFIRMED:
        ics = build_ics(signup.focus_group, language)
    message = OutboxMessage(
        signup_id=signup.id,
        to=signup.email,
        language=language,
        kind=kind,
        subject=subject[:300],
        body=body,
        ics=ics,
    )
    try:
        with db.session.begin_nested():
            db.session.add(message)
    except IntegrityError:
        return None
    db.session.info.setdefault(QUEUED_KEY, []).append(message.id)
    return message


def queue_reminders(now: datetime | None = None, within: timedelta = timedelta(hours=24)) -> int:
    """Queue a reminder for every seat in sessions starting within ``within``; never twice."""
    now = now or utcnow()
    already = select(OutboxMessage.signup_id).where(OutboxMessage.kind == MessageKind.REMINDER)
    due = db.session.scalars(
        select(Signup)
        .join(FocusGroup)
        .where(
            FocusGroup.status == GroupStatus.ACTIVE,
            FocusGroup.starts_at > now,
            FocusGroup.starts_at <= now + within,
            Signup.status == SignupStatus.CONFIRMED,
            Signup.erased_at.is_(None),
            Signup.id.not_in(already),
        )
    ).all()
    return sum(1 for signup in due if queue_message(signup, MessageKind.REMINDER) is not None)


def _send_smtp(message: OutboxMessage) -> None:
    config = current_app.config
    mail = EmailMessage()
    mail["From"] = config["MAIL_SENDER"]
    mail["To"] = message.to
    mail["Subject"] = message.subject
    mail.set_content(message.body)
    if message.ics:
        mail.add_attachment(
            message.ics.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            filename="focus-group.ics",
        )
    with smtplib.SMTP(config["MAIL_SERVER"], config.get("MAIL_PORT", 25), timeout=20) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        smtp.send_message(mail)


def deliver(message_ids: list[int] | None = None) -> int:
    """Send unsent messages (these ids, or all); returns how many went.

    Messages are claimed first by one conditional UPDATE (so two processes never send the
    same one), then sent by SMTP (committed one by one) or written to the log.
    """
    statement = update(OutboxMessage).where(OutboxMessage.sent_at.is_(None))
    if message_ids is not None:
        if not message_ids:
            return 0
        statement = statement.where(OutboxMessage.id.in_(message_ids))
    claimed = db.session.scalars(
        statement.values(sent_at=utcnow())
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    ).all()
    db.session.commit()
    smtp = bool(current_app.config.get("MAIL_SERVER"))
    sent = 0
    for message_id in sorted(claimed):
        message = db.session.get(OutboxMessage, message_id)
        try:
            if not message.to:
                message.sent_via = "none"
                log.info("Message %s (%s) has no e-mail address.", message.id, message.kind)
            elif smtp:
                _send_smtp(message)
                message.sent_via = "smtp"
            else:
                message.sent_via = "log"
                log.info(
                    "Message %s (%s, %s) written to the log:\n%s\n\n%s",
                    message.id,
                    message.kind,
                    message.language,
                    message.subject,
                    message.body,
                )
            message.error = None
            sent += 1
            signup = db.session.get(Signup, message.signup_id) if message.signup_id else None
            if signup is not None and signup.erased_at is not None:
                message.to = None  # the person asked to be erased: keep no address
        except (OSError, smtplib.SMTPException) as error:
            message.sent_at = None
            message.error = str(error)[:1000]
            log.warning("Message %s could not be sent: %s", message.id, error)
        if smtp:
            db.session.commit()
    db.session.commit()
    return sent


def deliver_queued() -> int:
    """After the caller's commit, send the messages this session queued."""
    return deliver(db.session.info.pop(QUEUED_KEY, None) or [])
