"""Every registered route × every role: no page answers 2xx to someone it is not for.

Expectations are by URL prefix (the longest matching prefix wins), so a route added by any
feature is covered without touching this file. Add a prefix here only for a new public area.
"""

from __future__ import annotations

import pytest
from flask import g
from sqlalchemy import select

from feedback.auth.models import User
from feedback.extensions import db

ANONYMOUS, OFFICIAL, FACILITATOR, ADMIN = "anonymous", "official", "facilitator", "admin"
EVERYONE = frozenset({ANONYMOUS, OFFICIAL, FACILITATOR, ADMIN})
STAFF = frozenset({OFFICIAL, FACILITATOR, ADMIN})

#: Who may get a 2xx, by path prefix. "/" alone is the home page only.
EXPECTATIONS: dict[str, frozenset] = {
    "/": EVERYONE,
    "/s/": EVERYONE,
    "/focus-groups": EVERYONE,
    "/static/": EVERYONE,
    "/login": EVERYONE,
    "/logout": EVERYONE,
    "/account/password/": EVERYONE,  # the secret link of an invitation
    "/api/v1": EVERYONE,  # the API answers anonymous callers with public data or 401 itself
    "/account": STAFF,
    "/reports": STAFF,
    "/manage": frozenset({FACILITATOR, ADMIN}),
    "/manage/users": frozenset({ADMIN}),
}
#: Anything no prefix above names is for staff only, until someone decides otherwise here.
DEFAULT = STAFF


def allowed_roles(path: str) -> frozenset:
    """The roles the longest matching prefix allows (a prefix matches whole segments)."""
    if path == "/":
        return EXPECTATIONS["/"]
    matches = [
        prefix
        for prefix in EXPECTATIONS
        if prefix != "/"
        and (path == prefix.rstrip("/") or path.startswith(prefix.rstrip("/") + "/"))
    ]
    return EXPECTATIONS[max(matches, key=len)] if matches else DEFAULT


def test_prefix_table_reads_as_intended():
    assert allowed_roles("/") == EVERYONE
    assert allowed_roles("/manage/users/3/deactivate") == {ADMIN}
    assert allowed_roles("/manage/surveys/3") == {FACILITATOR, ADMIN}
    assert allowed_roles("/manage") == {FACILITATOR, ADMIN}
    assert allowed_roles("/reports/") == STAFF
    assert allowed_roles("/account") == STAFF
    assert allowed_roles("/account/password/abc") == EVERYONE
    assert allowed_roles("/s/park/results") == EVERYONE
    assert allowed_roles("/something-new") == STAFF
    assert allowed_roles("/managers") == STAFF  # a prefix is a whole path segment


@pytest.fixture
def dataset(make_survey, make_user):
    """A little of everything, so that URLs carry real ids."""
    survey = make_survey()
    users = {role: make_user(role) for role in (OFFICIAL, FACILITATOR, ADMIN)}
    target = make_user("official", email="target@example.org")
    return {
        "survey_id": survey.id,
        "section_id": survey.sections[0].id,
        "question_id": survey.questions[0].id,
        "user_id": target.id,
        "slug": survey.slug,
        "code": survey.questions[0].code,
        "lang": "sq",
        "fmt": "csv",
        "filename": "site.css",
        "users": users,
    }


def build_url(rule, data: dict) -> str:
    values = {}
    for name in rule.arguments:
        converter_obj = rule._converters[name]
        converter = converter_obj.__class__.__name__
        choices = getattr(converter_obj, "items", None)
        if choices is not None:  # any(a, b): a value it accepts
            values[name] = data[name] if data.get(name) in choices else sorted(choices)[0]
        elif name in data:
            values[name] = data[name]
        elif converter in ("IntegerConverter",):
            values[name] = 1
        else:
            values[name] = "park"
    path = rule.build(values, append_unknown=False)[1]
    return path


def _client(app, role, users):
    """A client signed in through the real form (CSRF is off while the matrix runs)."""
    client = app.test_client()
    if role != ANONYMOUS:
        g.__dict__.clear()
        response = client.post(
            "/login", data={"email": users[role].email, "password": "correct horse battery"}
        )
        assert response.status_code == 302, role
    return client


def test_no_route_answers_2xx_to_a_role_it_is_not_for(app, dataset):
    rules = list(app.url_map.iter_rules())
    assert any(r.rule.startswith("/manage/surveys") for r in rules)
    failures = []
    checked = 0
    app.config["WTF_CSRF_ENABLED"] = False  # reach the role checks behind CSRF on POST
    try:
        for role in (ANONYMOUS, OFFICIAL, FACILITATOR, ADMIN):
            client = _client(app, role, dataset["users"])
            for method in ("GET", "POST"):
                for rule in sorted(rules, key=lambda r: r.rule):
                    if method not in rule.methods or rule.endpoint == "auth.logout":
                        continue
                    path = build_url(rule, dataset)
                    g.__dict__.clear()
                    response = client.open(path, method=method)
                    checked += 1
                    allowed = role in allowed_roles(path)
                    if 200 <= response.status_code < 300 and not allowed:
                        failures.append(f"{method} {path} as {role}: {response.status_code}")
            if role != ANONYMOUS:  # still signed in as that role at the end
                g.__dict__.clear()
                assert client.get("/account").status_code == 200, role
                user = db.session.scalar(select(User).where(User.id == dataset["users"][role].id))
                assert user.active
    finally:
        app.config["WTF_CSRF_ENABLED"] = True
    assert checked > 100
    assert not failures, "\n".join(failures)


def test_facilitators_reach_the_builder_and_officials_get_403(app, client, dataset, login):
    users = dataset["users"]
    login(users[OFFICIAL])
    g.__dict__.clear()
    assert client.get("/manage/surveys").status_code == 403
    g.__dict__.clear()
    client.post("/logout", data={})
    anonymous = app.test_client()
    response = anonymous.get(f"/manage/surveys/{dataset['survey_id']}")
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]
    app.config["WTF_CSRF_ENABLED"] = False
    try:
        facilitator = _client(app, FACILITATOR, users)
        admin = _client(app, ADMIN, users)
    finally:
        app.config["WTF_CSRF_ENABLED"] = True
    g.__dict__.clear()
    assert facilitator.get("/manage/surveys").status_code == 200
    g.__dict__.clear()
    assert facilitator.get("/manage/users").status_code == 403
    g.__dict__.clear()
    assert admin.get("/manage/users").status_code == 200
