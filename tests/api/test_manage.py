"""/manage/api-tokens: administrators create a token (its secret shown once) and revoke it."""

from __future__ import annotations

import re

from sqlalchemy import select

from feedback.api.models import ApiToken
from feedback.audit.models import AuditEvent
from feedback.extensions import db
from tests.conftest import csrf_from

SECRET = re.compile(r'value="(fbk_[^"]+)"')


def test_only_admins_manage_tokens(client, make_user, login):
    assert client.get("/manage/api-tokens").status_code == 302
    login(make_user("official"))
    assert client.get("/manage/api-tokens").status_code == 403


def test_an_admin_creates_a_token_that_reads_the_api(client, make_user, login, make_survey):
    admin = make_user("admin")
    official = make_user("official")
    make_survey(status="draft")
    login(admin)
    page = client.get("/manage/api-tokens")
    assert page.status_code == 200
    assert "There are no tokens yet." in page.text
    response = client.post(
        "/manage/api-tokens",
        data={"name": "City dashboard", "user": official.id, "csrf_token": csrf_from(page.text)},
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Copy the new token now" in response.text
    secret = SECRET.search(response.text).group(1)
    stored = db.session.scalars(select(ApiToken)).one()
    assert stored.user_id == official.id
    assert stored.name == "City dashboard"
    assert secret not in stored.token_hash
    reading = client.get("/api/v1/surveys/park", headers={"Authorization": f"Bearer {secret}"})
    assert reading.status_code == 200
    # Shown once: the list never shows it again.
    assert secret not in client.get("/manage/api-tokens").text
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "api_token.create" in actions


def test_a_missing_name_is_an_error_that_keeps_the_page(client, make_user, login):
    login(make_user("admin"))
    page = client.get("/manage/api-tokens")
    response = client.post(
        "/manage/api-tokens",
        data={"name": "  ", "user": "1", "csrf_token": csrf_from(page.text)},
    )
    assert response.status_code == 400
    assert "<title>Error:" in response.text
    assert "Enter what the token is for" in response.text
    assert db.session.scalars(select(ApiToken)).all() == []


def test_an_admin_revokes_a_token(client, make_user, login, make_token):
    secret = make_token()
    login(make_user("admin"))
    page = client.get("/manage/api-tokens")
    token_id = db.session.scalars(select(ApiToken.id)).one()
    response = client.post(
        f"/manage/api-tokens/{token_id}/revoke",
        data={"csrf_token": csrf_from(page.text)},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "no longer works" in response.text
    assert "Revoked on" in response.text
    assert (
        client.get("/api/v1/surveys", headers={"Authorization": f"Bearer {secret}"}).status_code
        == 401
    )
    assert "api_token.revoke" in db.session.scalars(select(AuditEvent.action)).all()


def test_revoking_needs_the_csrf_token(client, make_user, login, make_token):
    make_token()
    login(make_user("admin"))
    token_id = db.session.scalars(select(ApiToken.id)).one()
    response = client.post(f"/manage/api-tokens/{token_id}/revoke", data={})
    assert response.status_code == 400
    assert db.session.get(ApiToken, token_id).revoked_at is None
