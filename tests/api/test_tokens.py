"""API tokens: only a hash is stored, revoked tokens and inactive users stop working, the CLI."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from feedback.api.models import ApiToken
from feedback.api.tokens import PREFIX, create_token, find_token, revoke_token
from feedback.extensions import db


def test_only_the_hash_of_the_secret_is_stored(make_user):
    user = make_user("official")
    token, secret = create_token(user, "  City   dashboard ")
    db.session.commit()
    stored = db.session.scalars(select(ApiToken)).one()
    assert secret.startswith(PREFIX)
    assert len(secret) > 40
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in repr(stored.__dict__)
    assert stored.name == "City dashboard"
    assert stored.user_id == user.id
    assert stored.revoked_at is None
    assert token is stored


def test_find_token_notes_the_last_use(make_user):
    token, secret = create_token(make_user("official"), "Dashboard")
    db.session.commit()
    assert token.last_used_at is None
    assert find_token(secret) is token
    db.session.commit()
    assert db.session.get(ApiToken, token.id).last_used_at is not None


def test_wrong_revoked_and_inactive_tokens_are_refused(make_user):
    user = make_user("official")
    token, secret = create_token(user, "Dashboard")
    db.session.commit()
    assert find_token(secret + "x") is None
    assert find_token("not-even-a-token") is None
    assert find_token("") is None
    user.active = False
    db.session.commit()
    assert find_token(secret) is None
    user.active = True
    assert revoke_token(token) is True
    assert revoke_token(token) is False
    db.session.commit()
    assert find_token(secret) is None


def test_cli_creates_lists_and_revokes_tokens(runner, make_user, api):
    make_user("official", email="ana@example.org")
    result = runner.invoke(args=["api-tokens", "create", "--user", "ANA@example.org"])
    assert result.exit_code == 0, result.output
    secret = result.output.split(": ", 1)[1].split()[0]
    assert secret.startswith(PREFIX)
    assert api("/surveys", token=secret).status_code == 200

    listed = runner.invoke(args=["api-tokens", "list"])
    assert "ana@example.org" in listed.output
    assert "active" in listed.output
    assert secret not in listed.output

    token_id = db.session.scalars(select(ApiToken.id)).one()
    revoked = runner.invoke(args=["api-tokens", "revoke", str(token_id)])
    assert revoked.exit_code == 0
    assert "revoked" in revoked.output
    assert api("/surveys", token=secret).status_code == 401


def test_cli_refuses_an_unknown_user_and_an_empty_name(runner, make_user):
    result = runner.invoke(args=["api-tokens", "create", "--user", "nobody@example.org"])
    assert result.exit_code != 0
    assert "nobody@example.org" in result.output
    make_user("official", email="ana@example.org")
    result = runner.invoke(
        args=["api-tokens", "create", "--user", "ana@example.org", "--name", "   "]
    )
    assert result.exit_code != 0
    assert "name" in result.output
    assert db.session.scalars(select(ApiToken)).all() == []
