"""Fixtures for the survey builder."""

import pytest


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
