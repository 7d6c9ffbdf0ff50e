"""Fixtures for the API: tokens, responses stored through the real submit service, a reader
of JSON answers and the OpenAPI schemas to check them against."""

from __future__ import annotations

import pytest

from feedback.answering.services import new_key, submit_response
from feedback.api.tokens import create_token
from feedback.auth.services import create_user
from feedback.extensions import db


@pytest.fixture
def make_token(app):
    """``make_token(role="official", email=None, name=...)`` -> the secret of a new token
    (its user has no password: hashing one is slow and the API does not need it)."""

    def make(role="official", email=None, name="Dashboard"):
        user = create_user(email or f"{role}@example.org", None, role)
        _token, secret = create_token(user, name)
        db.session.commit()
        return secret

    return make


@pytest.fixture
def api(client):
    """``api(path, token=None, **headers)``: a GET under /api/v1 with an optional token."""

    def get(path: str, token: str | None = None, **headers):
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return client.get(f"/api/v1{path}", headers=headers)

    return get


@pytest.fixture
def answer(app):
    """``answer(survey, area=..., ...)`` stores one response to the park survey."""

    def store(survey, language="en", **values):
        answers = {
            "area": "north",
            "visits": "no",
            "rating": "4",
            "likes": ["trees"],
            "recommend": "9",
        }
        answers.update(values)
        raw = {code: v if isinstance(v, list) else [v] for code, v in answers.items() if v}
        response = submit_response(survey, raw, language, new_key())
        db.session.commit()
        return response

    return store
