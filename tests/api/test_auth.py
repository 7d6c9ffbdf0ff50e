"""Who may read what, and errors that are always JSON (never an HTML page)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from feedback.api.models import ApiToken
from feedback.api.openapi import build_document
from feedback.config import ROOT
from feedback.extensions import db
from tests.api.schema_check import assert_matches


def _is_json_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["status"] == status
    assert body["error"]
    assert "<html" not in response.text.lower()
    if code:
        assert body["error"] == code
    return body


@pytest.mark.parametrize(
    "header",
    ["Bearer fbk_wrong", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer", "Token fbk_x"],
)
def test_a_bad_token_is_a_401_json_answer(client, header):
    response = client.get("/api/v1/surveys", headers={"Authorization": header})
    body = _is_json_error(response, 401, "invalid_token")
    assert "token" in body["message"].lower()
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.headers["Cache-Control"] == "no-store"


def test_a_bad_token_is_refused_even_on_public_data(client, make_survey):
    make_survey()
    response = client.get("/api/v1/surveys/park", headers={"Authorization": "Bearer fbk_no"})
    _is_json_error(response, 401, "invalid_token")


def test_every_staff_role_reads_drafts_with_a_token(api, make_survey, make_token):
    make_survey(status="draft")
    assert api("/surveys/park").status_code == 404
    for role in ("official", "facilitator", "admin"):
        secret = make_token(role, email=f"{role}@example.org")
        response = api("/surveys/park", token=secret)
        assert response.status_code == 200
        assert response.get_json()["status"] == "draft"


def test_unknown_addresses_and_methods_answer_json(client, api):
    _is_json_error(api("/nothing-here"), 404)
    _is_json_error(api("/surveys/no-such-survey"), 404, "not_found")
    response = client.post("/api/v1/surveys", data={"x": "1"})
    _is_json_error(response, 405)
    assert "GET" in response.headers["Allow"]


def test_error_messages_follow_accept_language(api):
    body = _is_json_error(api("/surveys?page=0", **{"Accept-Language": "sq"}), 400)
    assert body["error"] == "invalid_parameter"
    assert body["problems"][0]["parameter"] == "page"


RATE_LIMIT_SCRIPT = """
from feedback import create_app
from feedback.api.tokens import create_token
from feedback.auth.services import create_user
from feedback.extensions import db
app = create_app({
    "TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
    "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
    "API_RATE_LIMIT": "3 per minute",
})
with app.app_context():
    db.create_all()
    user = create_user("ana@example.org", None, "official")
    _token, secret = create_token(user, "Dashboard")
    db.session.commit()
client = app.test_client()
codes = [client.get("/api/v1/openapi.json").status_code for _ in range(4)]
limited = client.get("/api/v1/openapi.json")
other = client.get("/api/v1/openapi.json", environ_overrides={"REMOTE_ADDR": "192.0.2.7"})
token = client.get("/api/v1/openapi.json", headers={"Authorization": "Bearer " + secret})
print(json.dumps({"codes": codes, "limited": limited.get_json(),
                  "other": other.status_code, "token": token.status_code}))
"""


def test_the_api_is_rate_limited_per_address_and_token():
    # A separate process: the limiter is one object shared by every app of a process, and the
    # test app runs with rate limits off.
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + RATE_LIMIT_SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["codes"] == [200, 200, 200, 429]
    assert outcome["limited"]["error"] == "too_many_requests"
    assert outcome["limited"]["status"] == 429
    assert_matches(build_document(), "Error", outcome["limited"])
    assert outcome["other"] == 200  # another address has its own allowance
    assert outcome["token"] == 200  # a token has its own allowance


def test_using_a_token_notes_when_it_was_last_used(api, make_token):
    secret = make_token()
    assert db.session.scalars(select(ApiToken.last_used_at)).one() is None
    assert api("/surveys", token=secret).status_code == 200
    db.session.expire_all()
    assert db.session.scalars(select(ApiToken.last_used_at)).one() is not None
