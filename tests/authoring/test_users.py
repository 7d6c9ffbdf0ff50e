import logging
import re

from sqlalchemy import select

from feedback.audit.models import AuditEvent
from feedback.auth.models import PasswordToken, Role, User
from feedback.auth.services import authenticate
from feedback.extensions import db
from tests.conftest import csrf_from


def signed_in_admin(client, make_user, login):
    admin = make_user("admin")
    login(admin)
    return admin, csrf_from(client.get("/manage/users").text)


def test_admin_invites_a_user_with_a_one_time_link(client, make_user, login, caplog):
    _admin, token = signed_in_admin(client, make_user, login)
    with caplog.at_level(logging.INFO):
        page = client.post(
            "/manage/users/invite",
            data={
                "email": "New.Person@example.org",
                "role": "facilitator",
                "language": "sq",
                "csrf_token": token,
            },
        )
    assert page.status_code == 200
    link = re.search(r"<code>(http[^<]+)</code>", page.text).group(1)
    secret = link.rsplit("/", 1)[1]
    assert link in caplog.text
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user.role == Role.FACILITATOR
    assert user.language == "sq"
    assert user.password_hash is None
    stored = db.session.scalar(select(PasswordToken))
    assert secret not in stored.token_hash
    assert "user.invited" in db.session.scalars(select(AuditEvent.action)).all()
    listing = client.get("/manage/users").text
    assert "new.person@example.org" in listing
    assert "Invited" in listing
    # The invited person sets a password through the link.
    other = client.application.test_client()
    form = other.get(link.replace("http://localhost", ""))
    assert form.status_code == 200


def test_invite_refuses_a_duplicate_and_a_bad_address(client, make_user, login):
    _admin, token = signed_in_admin(client, make_user, login)
    make_user("official", email="taken@example.org")
    taken = client.post(
        "/manage/users/invite",
        data={
            "email": "TAKEN@example.org",
            "role": "official",
            "language": "en",
            "csrf_token": token,
        },
    )
    assert "A user with this email address already exists." in taken.text
    bad = client.post(
        "/manage/users/invite",
        data={"email": "not an address", "role": "official", "language": "en", "csrf_token": token},
    )
    assert "Enter an email address like name@example.org" in bad.text
    assert 'value="not an address"' in bad.text


def test_admin_deactivates_and_reactivates_a_user(client, make_user, login):
    admin, token = signed_in_admin(client, make_user, login)
    official = make_user("official")
    client.post(f"/manage/users/{official.id}/deactivate", data={"csrf_token": token})
    db.session.expire_all()
    assert not db.session.get(User, official.id).active
    assert authenticate(official.email, "correct horse battery") is None
    client.post(f"/manage/users/{official.id}/reactivate", data={"csrf_token": token})
    db.session.expire_all()
    assert db.session.get(User, official.id).active
    client.post(f"/manage/users/{admin.id}/deactivate", data={"csrf_token": token})
    db.session.expire_all()
    assert db.session.get(User, admin.id).active
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["user.deactivated", "user.reactivated"]


def test_user_pages_are_for_admins_only(client, make_user, login):
    facilitator = make_user("facilitator")
    login(facilitator)
    assert client.get("/manage/users").status_code == 403
    assert client.get("/manage/users/invite").status_code == 403
    assert client.get("/manage/surveys").status_code == 200
