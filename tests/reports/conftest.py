"""Fixtures: a survey with hand-made responses stored through the real submit service."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from feedback.answering.models import Response
from feedback.answering.services import new_key, submit_response
from feedback.extensions import db
from feedback.reports.tallies import recount


@pytest.fixture
def answer(app):
    """``answer(survey, values, language="en", day=None)`` stores one response."""

    def store(survey, values: dict, language: str = "en", day: str | None = None):
        raw = {code: v if isinstance(v, list) else [v] for code, v in values.items()}
        response = submit_response(survey, raw, language, new_key())
        if day:
            moment = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
            db.session.execute(
                update(Response).where(Response.id == response.id).values(submitted_at=moment)
            )
            # The tallies were keyed by the real time: rebuild them.
            recount(survey)
        db.session.commit()
        return response

    return store


def park_answers(
    area="north",
    visits="yes",
    often="3",
    likes=("trees",),
    rating="4",
    recommend="9",
    name_it="",
    comments="",
    visit_day="",
):
    values = {"area": area, "visits": visits, "rating": rating, "likes": list(likes)}
    if visits == "yes" and often:
        values["often"] = often
    for code, value in (
        ("recommend", recommend),
        ("name_it", name_it),
        ("comments", comments),
        ("visit_day", visit_day),
    ):
        if value:
            values[code] = value
    return values


#: Five hand-made responses; the expected figures are worked out in test_statistics.py.
FIVE = [
    (
        {
            "area": "north",
            "visits": "yes",
            "often": "2",
            "likes": ["trees", "benches"],
            "rating": "5",
            "recommend": "10",
            "name_it": "Oak",
            "visit_day": "2026-03-01",
        },
        "en",
    ),
    (
        {
            "area": "north",
            "visits": "yes",
            "often": "4",
            "likes": ["trees"],
            "rating": "4",
            "recommend": "9",
            "comments": '=HYPERLINK("http://x")',
        },
        "sq",
    ),
    ({"area": "south", "visits": "no", "likes": ["lights"], "rating": "2", "recommend": "6"}, "en"),
    (
        {
            "area": "south",
            "visits": "yes",
            "often": "10",
            "likes": ["benches", "lights"],
            "rating": "3",
            "recommend": "0",
        },
        "en",
    ),
    ({"area": "north", "visits": "no", "likes": ["trees"], "rating": "4"}, "en"),
]


@pytest.fixture
def five(make_survey, answer):
    """The park survey with the five responses of FIVE."""
    survey = make_survey()
    for values, language in FIVE:
        answer(survey, values, language=language)
    return survey
