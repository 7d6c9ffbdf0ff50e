"""Command-line tools: ``flask --app wsgi demo load``, ``drafts purge`` and the features' own."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from feedback.extensions import db

demo_cli = AppGroup("demo", help="Demonstration data.")
drafts_cli = AppGroup("drafts", help="Answers in progress.")

#: Features add their own command groups here.
COMMAND_GROUPS: list[AppGroup] = [demo_cli, drafts_cli]


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Only when the database holds no survey yet.")
def demo_load(if_empty: bool) -> None:
    """Load the demonstration surveys (running it again changes nothing)."""
    from feedback.demo import database_is_empty, load_demo

    if if_empty and not database_is_empty():
        click.echo("The database already has data; the demo was not loaded.")
        return
    created = load_demo()
    db.session.commit()
    if created:
        click.echo(f"Loaded: {', '.join(created)}.")
    else:
        click.echo("The demo was already loaded.")


@drafts_cli.command("purge")
def drafts_purge() -> None:
    """Delete answers in progress that have not been touched for the configured time."""
    from feedback.answering.services import draft_lifetime, purge_expired_drafts

    removed = purge_expired_drafts(draft_lifetime(current_app.config["DRAFT_LIFETIME_HOURS"]))
    db.session.commit()
    click.echo(f"Removed {removed} expired drafts.")


def register_commands(app: Flask) -> None:
    for group in COMMAND_GROUPS:
        app.cli.add_command(group)
