from datetime import timedelta

import pytest
from sqlalchemy import func, select

from feedback.auth import throttle
from feedback.auth.models import LoginAttempt, PasswordToken, Role, User
from feedback.auth.services import (
    AccountError,
    authenticate,
    find_password_token,
    invite_user,
    set_password_with_token,
)
from feedback.auth.views import safe_next
from feedback.extensions import db
from feedback.timeutil import utcnow
from tests.conftest import csrf_from


def test_users_create_reads_the_password_from_stdin(runner):
    result = runner.invoke(
        args=["users", "create", "Ana@Example.org", "--role", "facilitator"],
        input="a long enough secret\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert user.email == "ana@example.org"
    assert user.role == Role.FACILITATOR
    assert user.password_hash.startswith("$argon2id$")
    assert authenticate("ana@example.org", "a long enough secret") is not None


def test_users_create_refuses_a_short_password_and_a_duplicate(runner, make_user):
    short = runner.invoke(
        args=["users", "create", "x@example.org", "--role", "admin"], input="abc\n"
    )
    assert short.exit_code != 0
    assert "at least 10" in short.output
    make_user("admin", email="a@example.org")
    dup = runner.invoke(
        args=["users", "create", "A@example.org", "--role", "admin"], input="long password 1\n"
    )
    assert dup.exit_code != 0
    assert "already exists" in dup.output
    assert db.session.scalar(select(func.count(User.id))) == 1


def test_users_list_and_deactivate(runner, make_user):
    make_user("official", email="o@example.org")
    make_user("admin", email="a@example.org")
    listed = runner.invoke(args=["users", "list"])
    assert listed.output.splitlines() == [
        "a@example.org\tadmin\tactive",
        "o@example.org\tofficial\tactive",
    ]
    result = runner.invoke(args=["users", "deactivate", "O@example.org"])
    assert result.exit_code == 0
    assert "o@example.org\tofficial\tdeactivated" in runner.invoke(args=["users", "list"]).output
    assert authenticate("o@example.org", "correct horse battery") is None
    missing = runner.invoke(args=["users", "deactivate", "nobody@example.org"])
    assert missing.exit_code != 0


def _post_login(client, email, password, next_url=None):
    page = client.get("/login")
    url = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(
        url, data={"email": email, "password": password, "csrf_token": csrf_from(page.text)}
    )


def test_five_failures_slow_the_account_down_and_say_so(client, make_user):
    user = make_user("facilitator")
    for _ in range(4):
        response = _post_login(client, user.email, "wrong password")
        assert "The email address or password is not right." in response.text
    fifth = _post_login(client, user.email, "wrong password")
    assert "Too many failed attempts" in fifth.text
    # Even the right password is refused while the delay lasts.
    refused = _post_login(client, user.email, "correct horse battery")
    assert refused.status_code == 429
    assert "wait 1 minute" in refused.text
    assert db.session.scalar(select(func.count(LoginAttempt.id))) == 5


def test_the_delay_grows_and_ends(app):
    now = utcnow()
    last = now - timedelta(minutes=1)
    for _ in range(6):
        db.session.add(LoginAttempt(email="x@example.org", address="10.0.0.9", at=last))
    db.session.commit()
    # Six failures: two minutes from the last one, whatever the case of the address.
    assert throttle.wait_time("X@example.org", "10.0.0.1", now) == timedelta(minutes=1)
    assert throttle.wait_time("x@example.org", "10.0.0.1", now + timedelta(minutes=1)) <= (
        timedelta(0)
    )
    # The same client address trying another account waits too.
    assert throttle.wait_time("other@example.org", "10.0.0.9", now) == timedelta(minutes=1)
    # A seventh failure doubles the delay.
    db.session.add(LoginAttempt(email="x@example.org", address="10.0.0.9", at=last))
    db.session.commit()
    assert throttle.wait_time("x@example.org", "10.0.0.1", now) == timedelta(minutes=3)
    # Outside the window nothing is held against anyone.
    assert throttle.wait_time("x@example.org", "10.0.0.9", now + timedelta(minutes=15)) <= (
        timedelta(0)
    )


def test_the_throttle_message_is_translated(client, make_user):
    user = make_user("facilitator")
    for _ in range(5):
        _post_login(client, user.email, "wrong password")
    page = client.get("/login?lang=sq")
    response = client.post(
        "/login?lang=sq",
        data={"email": user.email, "password": "x", "csrf_token": csrf_from(page.text)},
    )
    assert response.status_code == 429
    assert 'lang="sq"' in response.text


def test_success_clears_the_account_failures_and_renews_the_session(client, make_user):
    user = make_user("facilitator")
    for _ in range(3):
        _post_login(client, user.email, "wrong")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    response = _post_login(client, user.email, "correct horse battery")
    assert response.status_code == 302
    assert db.session.scalar(select(func.count(LoginAttempt.id))) == 0
    with client.session_transaction() as session:
        assert "planted" not in session


@pytest.mark.parametrize(
    "evil",
    [
        "//evil.com",
        "https://evil.com",
        "/\\evil.com",
        "\\\\evil.com",
        "javascript:alert(1)",
        "http:/evil.com",
        "/%09/evil.com",
        "\t//evil.com",
        "evil.com",
    ],
)
def test_next_never_leaves_the_site(client, make_user, evil):
    user = make_user("facilitator")
    response = _post_login(client, user.email, "correct horse battery", next_url=evil)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil" not in location
    assert location.startswith("/")
    assert safe_next(evil) is None or not safe_next(evil).startswith("//")


def test_next_follows_a_local_path(client, make_user):
    user = make_user("facilitator")
    response = _post_login(client, user.email, "correct horse battery", next_url="/s/park?x=1")
    assert response.headers["Location"] == "/s/park?x=1"


def test_the_interface_follows_the_users_language(client, make_user, login):
    user = make_user("facilitator", language="en")
    login(user)
    page = client.get("/account")
    assert page.status_code == 200
    response = client.post("/account", data={"language": "sq", "csrf_token": csrf_from(page.text)})
    assert response.status_code == 302
    assert db.session.get(User, user.id).language == "sq"
    assert '<html lang="sq"' in client.get("/account").text
    bad = client.post("/account", data={"language": "xx", "csrf_token": csrf_from(page.text)})
    assert bad.status_code == 200
    assert db.session.get(User, user.id).language == "sq"


def test_account_page_needs_a_sign_in(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_invitation_link_sets_the_password_once(client, app):
    user, token = invite_user("new@example.org", "facilitator")
    db.session.commit()
    stored = db.session.scalar(select(PasswordToken))
    assert token not in stored.token_hash
    assert len(stored.token_hash) == 64
    page = client.get(f"/account/password/{token}")
    assert page.status_code == 200
    mismatch = client.post(
        f"/account/password/{token}",
        data={
            "password": "a good new password",
            "confirm": "other",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert "not the same" in mismatch.text
    done = client.post(
        f"/account/password/{token}",
        data={
            "password": "a good new password",
            "confirm": "a good new password",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert done.status_code == 302
    assert authenticate("new@example.org", "a good new password") is not None
    assert client.get(f"/account/password/{token}").status_code == 404


def test_invitation_expires_after_seven_days(app):
    user, token = invite_user("late@example.org", "official")
    db.session.commit()
    record = db.session.scalar(select(PasswordToken))
    assert timedelta(days=6, hours=23) < record.expires_at - utcnow() <= timedelta(days=7)
    record.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert find_password_token(token) is None
    with pytest.raises(AccountError, match="expired"):
        set_password_with_token(token, "whatever long")
