"""``flask --app wsgi users create|list|deactivate``."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from feedback.auth.models import Role
from feedback.auth.services import (
    MIN_PASSWORD_LENGTH,
    AccountError,
    create_user,
    deactivate_user,
    list_users,
)
from feedback.extensions import db

users_cli = AppGroup("users", help="Staff accounts.")


def _read_password() -> str:
    """Ask twice on a terminal; otherwise read the first line of standard input."""
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@users_cli.command("create")
@click.argument("email")
@click.option(
    "--role", type=click.Choice([r.value for r in Role]), required=True, help="The user's role."
)
@click.option("--language", default="en", show_default=True, help="Interface language.")
def create(email: str, role: str, language: str) -> None:
    """Create a user; the password is asked for (or read from standard input)."""
    password = _read_password()
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters."
        )
    try:
        user = create_user(email, password, role, language)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role.value}).")


@users_cli.command("list")
def list_command() -> None:
    """List every user with role and state."""
    for user in list_users():
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.email}\t{user.role.value}\t{state}")


@users_cli.command("deactivate")
@click.argument("email")
def deactivate(email: str) -> None:
    """Stop a user from signing in."""
    try:
        user = deactivate_user(email)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Deactivated {user.email}.")
