"""Show-if, drafts and storing a response exactly once, without HTTP."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, inspect, select

from feedback.answering import services
from feedback.answering.models import Answer, Draft, Response
from feedback.answering.validation import shown_codes
from feedback.extensions import db

GOOD = {
    "area": ["north"],
    "visits": ["yes"],
    "often": ["4"],
    "likes": ["trees", "benches"],
    "rating": ["4"],
    "recommend": ["9"],
    "name_it": ["Green Corner"],
    "comments": ["More shade"],
    "visit_day": ["27/3/2024"],
}


def choice(code, en):
    return {"code": code, "label": {"en": en}}


def chain_definition():
    """pet (single) -> dog_name (if pet is dog) -> dog_age (if dog_name is not 'rex')."""
    return [
        {
            "title": {"en": "Pets"},
            "questions": [
                {
                    "code": "pet",
                    "kind": "single",
                    "required": True,
                    "text": {"en": "Which pet?"},
                    "choices": [choice("dog", "Dog"), choice("cat", "Cat"), choice("fish", "Fish")],
                },
                {
                    "code": "dog_name",
                    "kind": "short_text",
                    "required": True,
                    "text": {"en": "Dog's name?"},
                    "show_if": {"question": "pet", "operator": "equals", "values": ["dog"]},
                },
                {
                    "code": "dog_age",
                    "kind": "number",
                    "required": True,
                    "text": {"en": "Dog's age?"},
                    "show_if": {
                        "question": "dog_name",
                        "operator": "not_equals",
                        "values": ["rex"],
                    },
                },
                {
                    "code": "furry",
                    "kind": "yesno",
                    "text": {"en": "Is it furry?"},
                    "show_if": {"question": "pet", "operator": "one_of", "values": ["dog", "cat"]},
                },
            ],
        }
    ]


@pytest.fixture
def pets(make_survey):
    return make_survey(slug="pets", sections=chain_definition())


def test_equals_shows_the_dependent_only_on_a_match(make_survey):
    park = make_survey()
    assert "often" in shown_codes(park, {"visits": ["yes"]})
    assert "often" not in shown_codes(park, {"visits": ["no"]})
    assert "often" not in shown_codes(park, {})


def test_one_of_and_not_equals(pets):
    assert "furry" in shown_codes(pets, {"pet": ["cat"]})
    assert "furry" not in shown_codes(pets, {"pet": ["fish"]})
    shown = shown_codes(pets, {"pet": ["dog"], "dog_name": ["Bella"]})
    assert {"dog_name", "dog_age", "furry"} <= shown
    assert "dog_age" not in shown_codes(pets, {"pet": ["dog"], "dog_name": ["rex"]})
    # "is not" holds while the earlier question is unanswered
    assert "dog_age" in shown_codes(pets, {"pet": ["dog"]})


def test_a_hidden_parent_hides_its_children(pets):
    shown = shown_codes(pets, {"pet": ["cat"], "dog_name": ["Bella"]})
    assert "dog_name" not in shown
    assert "dog_age" not in shown  # its own rule holds, but its parent is hidden


def test_answers_to_hidden_questions_are_dropped_on_submit(pets):
    raw = {"pet": ["cat"], "dog_name": ["Bella"], "dog_age": ["3"], "furry": ["yes"]}
    response = services.submit_response(pets, raw, "en", services.new_key())
    db.session.commit()
    stored = {a.question_id for a in response.answers}
    codes = {q.id: q.code for q in pets.questions}
    assert {codes[i] for i in stored} == {"pet", "furry"}


def test_required_hidden_questions_are_not_asked(pets):
    services.submit_response(pets, {"pet": ["fish"]}, "en", services.new_key())
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_invalid_answers_store_nothing_and_name_the_first_bad_screen(make_survey):
    park = make_survey()
    raw = {**GOOD, "rating": ["9"]}
    with pytest.raises(services.AnswersInvalid) as caught:
        services.submit_response(park, raw, "en", services.new_key())
    assert caught.value.errors == {"rating": "Select a number from 1 to 5"}
    assert caught.value.step == 1
    with pytest.raises(services.AnswersInvalid) as caught:
        services.submit_response(park, {}, "en", services.new_key())
    assert set(caught.value.errors) == {"area", "visits", "rating"}
    assert caught.value.step == 0
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 0
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_a_response_stores_one_row_per_answer(make_survey):
    park = make_survey()
    response = services.submit_response(park, GOOD, "sq", services.new_key())
    db.session.commit()
    by_code = {q.id: q.code for q in park.questions}
    rows = db.session.scalars(select(Answer).where(Answer.response_id == response.id)).all()
    values = {}
    for row in rows:
        values.setdefault(by_code[row.question_id], []).append(row)
    assert len(values["likes"]) == 2
    assert values["visits"][0].text == "yes"
    assert values["visits"][0].number == 1
    assert values["often"][0].number == 4
    assert values["visit_day"][0].day == date(2024, 3, 27)
    assert values["comments"][0].text == "More shade"
    assert response.language == "sq"
    assert response.channel == "web"


def test_the_same_submission_key_twice_stores_one_response(make_survey):
    park = make_survey()
    key = services.new_key()
    first = services.submit_response(park, GOOD, "en", key)
    db.session.commit()
    again = services.submit_response(park, {**GOOD, "rating": ["1"]}, "en", key)
    db.session.commit()
    assert again.id == first.id
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 10


def test_no_name_email_or_address_is_stored_with_a_response():
    columns = {c.key for c in inspect(Response).columns} | {c.key for c in inspect(Answer).columns}
    forbidden = ("name", "email", "mail", "ip", "address", "agent", "user")
    for column in columns:
        parts = column.lower().split("_")
        assert not any(word in parts for word in forbidden), column
    assert {c.key for c in inspect(Response).columns} == {
        "id",
        "survey_id",
        "submission_key",
        "language",
        "channel",
        "submitted_at",
    }


# Drafts -------------------------------------------------------------------------------------


def test_a_draft_keeps_each_screen_and_its_key(make_survey):
    park = make_survey()
    draft = services.start_draft(park, "sq")
    db.session.commit()
    assert services.is_key(draft.token)
    assert services.is_key(draft.submission_key)
    services.update_draft(draft, park, {"area": ["south"], "visits": ["no"]}, 0)
    db.session.commit()
    services.update_draft(draft, park, {"rating": ["3"], "likes": ["trees"]}, 1)
    db.session.commit()
    found = services.find_draft(park, draft.token, timedelta(hours=1))
    assert found.values["area"] == ["south"]
    assert found.values["rating"] == ["3"]
    assert found.values["often"] == []  # on screen 0 but not sent: cleared
    # updating screen 0 again keeps screen 1
    services.update_draft(found, park, {"area": ["north"]}, 0)
    db.session.commit()
    assert found.values["rating"] == ["3"]
    assert found.values["area"] == ["north"]
    # values for questions of another screen are not taken from this one
    services.update_draft(found, park, {"rating": ["5"]}, 0)
    assert found.values["rating"] == ["3"]


def test_an_expired_draft_is_not_found_and_is_purged(make_survey):
    park = make_survey()
    old = services.start_draft(park, "en")
    fresh = services.start_draft(park, "en")
    db.session.commit()
    old.updated_at = old.updated_at - timedelta(hours=5)
    db.session.commit()
    lifetime = timedelta(hours=4)
    assert services.find_draft(park, old.token, lifetime) is None
    assert services.find_draft(park, fresh.token, lifetime) is not None
    assert services.find_draft(park, "not-a-token", lifetime) is None
    assert services.find_draft(park, None, lifetime) is None
    assert services.purge_expired_drafts(lifetime) == 1
    db.session.commit()
    assert db.session.scalars(select(Draft.token)).all() == [fresh.token]


def test_a_draft_of_another_survey_is_not_found(make_survey):
    park = make_survey()
    other = make_survey(slug="other")
    draft = services.start_draft(park, "en")
    db.session.commit()
    assert services.find_draft(other, draft.token, timedelta(hours=1)) is None
