"""The test client here starts every request with an empty ``g``.

The shared fixtures keep one application context open for the whole test, and Flask reuses an
open context for each request, so ``g`` (the CSRF token, the signed-in user, the page language)
would otherwise leak from one request into the next.
"""

import pytest
from flask import g
from flask.testing import FlaskClient


class FreshClient(FlaskClient):
    def open(self, *args, **kwargs):
        g.__dict__.clear()
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = FreshClient
    try:
        yield app.test_client()
    finally:
        app.test_client_class = None


@pytest.fixture
def staff(client, make_user, login):
    """A signed-in facilitator; ``staff.post(url, data)`` adds a valid CSRF token."""

    class Staff:
        def __init__(self):
            from tests.conftest import csrf_from

            self.user = make_user("facilitator")
            login(self.user)
            self.token = csrf_from(client.get("/account").text)

        def get(self, url, **kwargs):
            return client.get(url, **kwargs)

        def post(self, url, data=None, **kwargs):
            return client.post(url, data={**(data or {}), "csrf_token": self.token}, **kwargs)

    return Staff()
