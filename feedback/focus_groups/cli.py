"""Commands: ``flask --app wsgi focus-groups send-reminders`` and ``privacy purge``."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from feedback.extensions import db

focus_groups_cli = AppGroup("focus-groups", help="Focus group sessions and their messages.")
privacy_cli = AppGroup("privacy", help="Personal data kept for focus groups.")


@focus_groups_cli.command("send-reminders")
def send_reminders() -> None:
    """Queue reminders for sessions within 24 hours and send every unsent message.

    Safe to run from cron every few minutes: a reminder is never queued twice.
    """
    from feedback.focus_groups import messages

    queued = messages.queue_reminders()
    db.session.commit()
    sent = messages.deliver()
    click.echo(f"Queued {queued} reminders; sent {sent} messages.")


@privacy_cli.command("purge")
def purge() -> None:
    """Erase focus-group contact details once the retention period after a session is over."""
    from feedback.focus_groups.services import purge_personal_data

    days = current_app.config.get("RETENTION_DAYS", 90)
    erased = purge_personal_data(days)
    db.session.commit()
    click.echo(
        f"Erased the contact details of {erased} focus-group sign-ups from sessions that "
        f"ended more than {days} days ago; anonymous counts are kept."
    )
