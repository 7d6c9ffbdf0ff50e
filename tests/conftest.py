"""Fixtures: an app on a real database (SQLite file, or PostgreSQL when
``FEEDBACK_TEST_DATABASE_URL`` names one), a clean database per test, factories."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from flask import g
from flask.testing import FlaskClient

from feedback import create_app
from feedback.extensions import db
from feedback.surveys.definition import build_survey

TEST_DATABASE_URL = os.environ.get("FEEDBACK_TEST_DATABASE_URL")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if TEST_DATABASE_URL:
        return TEST_DATABASE_URL
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
            "SERVER_NAME": None,
            # Cheap password hashing: the real cost only slows the tests down.
            "ARGON2_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
        }
    )
    app.test_client_class = FreshClient
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _clear_tables() -> None:
    """Delete every row, children first (faster than TRUNCATE for small tables)."""
    db.session.remove()
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(autouse=True)
def _clean_database(request):
    """Every test starts with empty tables; data is committed for real (threads see it)."""
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        yield
        _clear_tables()


class FreshClient(FlaskClient):
    """Starts every request with an empty ``g``, as in production.

    The fixtures keep one application context open for the whole test (so tests can use
    ``db.session``), and Flask reuses it for each request: without this, the CSRF token, the
    signed-in user and the page language would leak from one request into the next.
    """

    def open(self, *args, **kwargs):
        g.__dict__.clear()
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = FreshClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_PATTERN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = CSRF_PATTERN.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def simple_definition(**overrides) -> dict:
    """A small open survey covering every kind, in English and Albanian."""
    definition = {
        "slug": "park",
        "status": "open",
        "default_language": "en",
        "languages": ["en", "sq"],
        "title": {"en": "The new park", "sq": "Parku i ri"},
        "introduction": {"en": "Tell us about the park.", "sq": "Na tregoni për parkun."},
        "thank_you": {"en": "We will read every answer.", "sq": "Do t'i lexojmë të gjitha."},
        "sections": [
            {
                "title": {"en": "About you", "sq": "Rreth jush"},
                "questions": [
                    {
                        "code": "area",
                        "kind": "single",
                        "required": True,
                        "segment": True,
                        "text": {"en": "Where do you live?", "sq": "Ku jetoni?"},
                        "hint": {"en": "Pick the nearest area."},
                        "choices": [
                            {"code": "north", "label": {"en": "North", "sq": "Veri"}},
                            {"code": "south", "label": {"en": "South", "sq": "Jug"}},
                        ],
                    },
                    {
                        "code": "visits",
                        "kind": "yesno",
                        "required": True,
                        "text": {
                            "en": "Have you visited the park?",
                            "sq": "A e keni vizituar parkun?",
                        },
                    },
                    {
                        "code": "often",
                        "kind": "number",
                        "min": 1,
                        "max": 31,
                        "text": {
                            "en": "How many times last month?",
                            "sq": "Sa herë muajin e kaluar?",
                        },
                        "show_if": {"question": "visits", "operator": "equals", "values": ["yes"]},
                    },
                ],
            },
            {
                "title": {"en": "Your views", "sq": "Mendimet tuaja"},
                "questions": [
                    {
                        "code": "likes",
                        "kind": "multiple",
                        "min_choices": 1,
                        "max_choices": 2,
                        "text": {"en": "What do you like?", "sq": "Çfarë ju pëlqen?"},
                        "choices": [
                            {"code": "trees", "label": {"en": "Trees", "sq": "Pemët"}},
                            {"code": "benches", "label": {"en": "Benches", "sq": "Stolat"}},
                            {"code": "lights", "label": {"en": "Lights"}},
                        ],
                    },
                    {
                        "code": "rating",
                        "kind": "rating",
                        "min": 1,
                        "max": 5,
                        "required": True,
                        "text": {"en": "How good is it?", "sq": "Sa i mirë është?"},
                        "low_label": {"en": "Very poor", "sq": "Shumë i dobët"},
                        "high_label": {"en": "Very good", "sq": "Shumë i mirë"},
                    },
                    {
                        "code": "recommend",
                        "kind": "nps",
                        "text": {"en": "Would you recommend it?", "sq": "A do ta rekomandonit?"},
                    },
                    {
                        "code": "name_it",
                        "kind": "short_text",
                        "text": {"en": "Suggest a name", "sq": "Sugjeroni një emër"},
                    },
                    {
                        "code": "comments",
                        "kind": "long_text",
                        "max_length": 200,
                        "text": {"en": "Anything else?", "sq": "Diçka tjetër?"},
                    },
                    {
                        "code": "visit_day",
                        "kind": "date",
                        "text": {
                            "en": "When did you last go?",
                            "sq": "Kur shkuat për herë të fundit?",
                        },
                    },
                ],
            },
        ],
    }
    definition.update(overrides)
    return definition


@pytest.fixture
def make_survey(app):
    """Factory: ``make_survey(**overrides)`` stores a survey built from a definition."""

    def make(**overrides):
        survey = build_survey(simple_definition(**overrides))
        db.session.add(survey)
        db.session.commit()
        return survey

    return make


@pytest.fixture
def make_user(app):
    """Factory: ``make_user(role, email=..., password=...)`` stores a staff user."""
    from feedback.auth.services import create_user

    def make(role="facilitator", email=None, password="correct horse battery", language="en"):
        user = create_user(email or f"{role}@example.org", password, role, language)
        db.session.commit()
        return user

    return make


@pytest.fixture
def login(client):
    """``login(user, password)`` signs the test client in."""

    def do_login(user, password="correct horse battery"):
        page = client.get("/login")
        response = client.post(
            "/login",
            data={"email": user.email, "password": password, "csrf_token": csrf_from(page.text)},
        )
        assert response.status_code == 302, response.text
        return response

    return do_login


@pytest.fixture(scope="session")
def live_server(app):
    """The app served on a free loopback port, in a thread, for browsers and concurrency."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


# Browser tests: Debian's Chromium driven by Playwright ---------------------------------------

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": str(CHROMIUM), "args": BROWSER_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(playwright):
    return {**playwright.devices["Pixel 5"], "locale": "en-GB"}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="Debian's Chromium (/usr/bin/chromium) is not installed")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
