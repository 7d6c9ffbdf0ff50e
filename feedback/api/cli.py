"""``flask --app wsgi api-tokens create|list|revoke``: managing API tokens from a shell."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from feedback.api import tokens
from feedback.api.models import ApiToken
from feedback.auth.services import find_user
from feedback.extensions import db

api_tokens_cli = AppGroup("api-tokens", help="Tokens for the JSON API (/api/v1).")


@api_tokens_cli.command("create")
@click.option("--user", "email", required=True, help="E-mail address of the staff user.")
@click.option("--name", default="API token", show_default=True, help="What the token is for.")
def create(email: str, name: str) -> None:
    """Create a token acting with the user's role; its secret is printed once."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No user has the address {email}.")
    try:
        token, secret = tokens.create_token(user, name)
    except tokens.TokenError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Token {token.id} for {user.email} ({user.role}): {secret}")
    click.echo("Keep it secret: it is not stored and cannot be shown again.")


@api_tokens_cli.command("list")
@click.option("--user", "email", default=None, help="Only this user's tokens.")
def list_(email: str | None) -> None:
    """List tokens (never their secrets)."""
    user = None
    if email:
        user = find_user(email)
        if user is None:
            raise click.ClickException(f"No user has the address {email}.")
    for token in tokens.list_tokens(user):
        state = f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "active"
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
        click.echo(f"{token.id}\t{token.user.email}\t{token.name}\t{state}\tlast used {used}")


@api_tokens_cli.command("revoke")
@click.argument("token_id", type=int)
def revoke(token_id: int) -> None:
    """Revoke a token by its number (see ``list``)."""
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise click.ClickException(f"There is no token {token_id}.")
    if tokens.revoke_token(token):
        db.session.commit()
        click.echo(f"Token {token_id} revoked.")
    else:
        click.echo(f"Token {token_id} was already revoked.")
