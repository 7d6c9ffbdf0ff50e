"""Headers, cookies, secrets, body limits, error pages and the submission rate limit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from feedback import create_app
from feedback.answering.models import Response
from feedback.config import DEFAULT_SECRET_KEY
from feedback.extensions import db, limiter
from tests.answering.conftest import FIRST_SCREEN, form_fields, translated

REAL_SECRET = "a-long-random-value-only-for-this-test-0123456789"


@pytest.fixture
def build_app(app, database_url):
    """Factory for extra apps on the test database; the shared limiter is put back after."""

    def build(**config):
        settings = {"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": REAL_SECRET}
        settings.update(config)
        return create_app(settings)

    yield build
    limiter.init_app(app)  # the limiter is one object: give it back the suite's settings


def test_security_headers_on_every_response(client, make_survey):
    make_survey()
    for path in ("/", "/s/park", "/s/nothing", "/static/site.css", "/s/park/thanks"):
        response = client.get(path)
        policy = response.headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy, path
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_inline_script_or_style_on_resident_pages(client, make_survey):
    make_survey()
    for path in ("/", "/s/park", "/s/park/thanks", "/s/nothing"):
        html = client.get(path).text
        assert "<script>" not in html
        assert "style=" not in html
        assert "<style" not in html
        assert " on" + "click=" not in html


def test_session_and_draft_cookies_are_httponly_lax_and_secure_outside_debugging(
    build_app, make_survey
):
    make_survey()
    production = build_app(TESTING=False)
    assert production.config["SESSION_COOKIE_SECURE"] is True
    client = production.test_client()
    page = client.get("/s/park", base_url="https://example.org")
    moved = client.post(
        "/s/park",
        data={**form_fields(page.text), **FIRST_SCREEN},
        base_url="https://example.org",
    )
    assert moved.status_code == 302
    cookies = page.headers.getlist("Set-Cookie") + moved.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    draft = next(c for c in cookies if c.startswith("draft="))
    for cookie in (session, draft):
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie
        assert "Secure" in cookie


def test_debugging_starts_on_the_default_key_without_secure_cookies(build_app):
    debugging = build_app(DEBUG=True, SECRET_KEY=DEFAULT_SECRET_KEY)
    assert debugging.debug
    assert debugging.config["SESSION_COOKIE_SECURE"] is False
    assert debugging.config["SESSION_COOKIE_HTTPONLY"] is True
    assert debugging.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_the_app_refuses_the_default_secret_key_when_not_debugging(database_url):
    with pytest.raises(RuntimeError, match="FEEDBACK_SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": DEFAULT_SECRET_KEY})
    with pytest.raises(RuntimeError, match="FEEDBACK_SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": ""})


def test_no_stack_trace_reaches_the_browser(build_app):
    fragile = build_app(TESTING=False)

    @fragile.route("/explode")
    def explode():
        raise ValueError("secret internals: password=hunter2")

    page = fragile.test_client().get("/explode?lang=sq")
    assert page.status_code == 500
    assert "Traceback" not in page.text
    assert "hunter2" not in page.text
    assert "ValueError" not in page.text
    assert translated("Sorry, there is a problem with the service", "sq") in page.text
    assert page.headers["Content-Security-Policy"]


def test_an_oversized_body_gets_413(client, make_survey):
    make_survey()
    first = client.get("/s/park?lang=sq")
    data = {**form_fields(first.text), **FIRST_SCREEN, "q-often": "1" * (1024 * 1024 + 10)}
    page = client.post("/s/park", data=data)
    assert page.status_code == 413
    assert translated("What you sent is too large", "sq") in page.text
    assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_a_configured_small_body_limit_is_honoured(build_app, make_survey):
    make_survey()
    small = build_app(TESTING=True, MAX_CONTENT_LENGTH=2000, MAX_FORM_MEMORY_SIZE=2000)
    client = small.test_client()
    first = client.get("/s/park")
    page = client.post("/s/park", data={**form_fields(first.text), "q-name_it": "x" * 3000})
    assert page.status_code == 413


def test_405_and_400_pages_are_friendly(client):
    page = client.delete("/s/park")
    assert page.status_code == 405
    assert page.headers["Allow"]
    assert "Something went wrong with that request" in page.text


def submit_twice_and_once_more(client):
    """Three POSTs of the survey's first screen; returns their status codes."""
    first = client.get("/s/park?lang=es")
    data = {**form_fields(first.text), **FIRST_SCREEN}
    return [client.post("/s/park", data=data).status_code for _ in range(3)]


def test_submissions_are_rate_limited_with_a_translated_page(build_app, make_survey):
    make_survey(languages=["en", "sq", "es"])
    limited = build_app(
        TESTING=True,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="memory://",
        SUBMIT_RATE_LIMIT="2 per minute",
    )
    client = limited.test_client()
    assert submit_twice_and_once_more(client) == [302, 302, 429]
    page = client.post("/s/park?lang=es", data={})
    assert page.status_code == 429
    assert '<html lang="es"' in page.text
    assert translated("Too many attempts", "es") in page.text
    # reading the survey is never limited
    assert client.get("/s/park").status_code == 200


def redis_url() -> str | None:
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return None
    return url


@pytest.mark.redis
def test_workers_share_the_rate_limit_count_through_redis(build_app, make_survey):
    import redis

    url = redis_url()
    if url is None:
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    redis.Redis.from_url(url).flushdb()
    make_survey()
    settings = {
        "TESTING": True,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": url,
        "SUBMIT_RATE_LIMIT": "2 per minute",
    }
    first_worker = build_app(**settings).test_client()
    page = first_worker.get("/s/park")
    data = {**form_fields(page.text), **FIRST_SCREEN}
    assert first_worker.post("/s/park", data=data).status_code == 302
    # a second worker starts: it gets its own connection to the shared store
    second_worker = build_app(**settings).test_client()
    second_worker.set_cookie("session", first_worker.get_cookie("session").value)
    assert second_worker.post("/s/park", data=data).status_code == 302
    assert second_worker.post("/s/park", data=data).status_code == 429
    assert redis.Redis.from_url(url).keys("*")  # the count lives in Redis
    redis.Redis.from_url(url).flushdb()


def test_without_redis_a_new_worker_starts_counting_afresh(build_app, make_survey):
    """The control for the Redis test: in memory, each worker keeps its own count."""
    make_survey()
    settings = {
        "TESTING": True,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "memory://",
        "SUBMIT_RATE_LIMIT": "2 per minute",
    }
    first_worker = build_app(**settings).test_client()
    page = first_worker.get("/s/park")
    data = {**form_fields(page.text), **FIRST_SCREEN}
    assert first_worker.post("/s/park", data=data).status_code == 302
    second_worker = build_app(**settings).test_client()
    second_worker.set_cookie("session", first_worker.get_cookie("session").value)
    statuses = [second_worker.post("/s/park", data=data).status_code for _ in range(2)]
    assert statuses == [302, 302]


@pytest.mark.parametrize("code", [400, 403, 404, 405, 410, 413, 429, 500])
def test_every_error_page_is_translated(build_app, code):
    from flask import abort

    from feedback.errors import MESSAGES

    failing = build_app(TESTING=False)

    @failing.route("/fail")
    def fail():
        if code == 500:
            raise RuntimeError("boom")
        abort(code)

    page = failing.test_client().get("/fail?lang=sr")
    assert page.status_code == code
    assert '<html lang="sr" dir="ltr">' in page.text
    title = MESSAGES[code][0]._args[0]  # the English msgid behind the lazy string
    assert translated(title, "sr") in page.text
    assert "boom" not in page.text


def test_behind_a_trusted_proxy_each_resident_has_their_own_limit(build_app, make_survey):
    make_survey()
    limited = build_app(
        TESTING=True,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="memory://",
        SUBMIT_RATE_LIMIT="2 per minute",
        TRUSTED_PROXIES=1,
    )
    client = limited.test_client()
    page = client.get("/s/park")
    data = {**form_fields(page.text), **FIRST_SCREEN}

    def post_from(address):
        return client.post("/s/park", data=data, headers={"X-Forwarded-For": address})

    assert [post_from("203.0.113.1").status_code for _ in range(3)] == [302, 302, 429]
    assert post_from("203.0.113.2").status_code == 302  # a neighbour is not blocked
