"""Fixtures for translations, translator files, XLSForm import and sharing."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_from


@pytest.fixture
def survey(make_survey):
    """The standard park survey (English, with Albanian), stored."""
    return make_survey()


@pytest.fixture
def facilitator(client, make_user, login):
    """A signed-in facilitator."""
    user = make_user("facilitator")
    login(user)
    return user


@pytest.fixture
def post_form(client):
    """``post_form(url, data)``: fetch the page for its CSRF token, then post."""

    def post(url, data=None, page_url=None, **kwargs):
        page = client.get(page_url or url)
        data = {"csrf_token": csrf_from(page.text), **(data or {})}
        return client.post(url, data=data, **kwargs)

    return post
