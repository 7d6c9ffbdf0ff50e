"""``flask reports recount [SLUG]``: rebuild the running tallies from the stored answers."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Survey

reports_cli = AppGroup("reports", help="Evaluation summary maintenance.")


@reports_cli.command("recount")
@click.argument("slug", required=False)
def recount_command(slug: str | None) -> None:
    """Rebuild the tallies of one survey (or of every survey) from its answers."""
    from feedback.reports.tallies import recount

    query = select(Survey).order_by(Survey.id)
    if slug:
        query = query.where(Survey.slug == slug)
    for survey in db.session.scalars(query):
        counted = recount(survey)
        db.session.commit()
        click.echo(f"{survey.slug}: {counted}")
