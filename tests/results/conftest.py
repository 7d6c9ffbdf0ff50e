"""Fixtures: a published park survey with responses stored through the real submit service."""

from __future__ import annotations

import pytest

from feedback.answering.services import new_key, submit_response
from feedback.extensions import db
from feedback.results import publication


@pytest.fixture
def answer(app):
    """``answer(survey, language="en", **values)`` stores one complete response."""

    def store(survey, language: str = "en", **values):
        raw = {"area": "north", "visits": "no", "rating": "4", "likes": ["trees"]}
        raw.update(values)
        raw = {code: v if isinstance(v, list) else [v] for code, v in raw.items() if v}
        response = submit_response(survey, raw, language, new_key())
        db.session.commit()
        return response

    return store


@pytest.fixture
def published(make_survey):
    """``published(codes=("area",), **definition_overrides)``: a survey with public results."""

    def make(codes=("area", "likes", "rating"), **overrides):
        survey = make_survey(**overrides)
        wanted = {q.id for q in survey.questions if q.code in codes}
        publication.set_published_questions(survey, wanted)
        publication.set_public(survey, True)
        db.session.commit()
        return survey

    return make


PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def password_hash(app):
    """The password hashed once: most tests only sign in."""
    from feedback.auth.services import hash_password

    with app.app_context():
        return hash_password(PASSWORD)


@pytest.fixture
def staff(app, login, password_hash):
    """``staff(role)``: a staff member of that role, signed in on the test client."""
    from feedback.auth.models import Role, User

    def make(role="facilitator"):
        user = User(
            email=f"{role}@example.org", role=Role(role), language="en", password_hash=password_hash
        )
        db.session.add(user)
        db.session.commit()
        login(user, PASSWORD)
        return user

    return make


@pytest.fixture
def facilitator(staff):
    return staff("facilitator")


def text_answer_id(survey, text: str) -> int:
    """The id of the open-text answer holding ``text``."""
    from sqlalchemy import select

    from feedback.answering.models import Answer

    return db.session.scalars(select(Answer.id).where(Answer.text == text)).one()


@pytest.fixture
def programme(app):
    """``programme(*surveys)``: a programme in English and Albanian linked to the surveys."""
    from datetime import date

    from feedback.programmes.models import Initiative
    from feedback.programmes.services import set_linked_surveys

    def make(*surveys):
        initiative = Initiative(
            languages=["en", "sq"],
            default_language="en",
            name={"en": "Public spaces", "sq": "Hapësirat publike"},
            description={"en": "Parks and squares."},
            starts_on=date(2026, 1, 1),
        )
        db.session.add(initiative)
        db.session.flush()
        set_linked_surveys(initiative, {s.id for s in surveys})
        db.session.commit()
        return initiative

    return make
