"""GET /api/v1/surveys/<slug>/summary: hand-computed figures, small groups that cannot be
recovered, and a public view with only published questions and never a text answer."""

from __future__ import annotations

import pytest

from feedback.extensions import db
from feedback.results.publication import set_published_questions

SECRET_TEXT = "Call Ana Smith on 555 0199"


def _question(body: dict, code: str) -> dict:
    return next(q for q in body["questions"] if q["code"] == code)


def _choices(question: dict) -> dict:
    return {c["code"]: (c["count"], c["suppressed"]) for c in question["choices"]}


def assert_nothing_recoverable(body: dict) -> None:
    """No shown total and shown counts give away a hidden count: wherever a count is hidden,
    at least one other in the same line is hidden too (or the total is)."""
    for question in body["questions"]:
        for cells in (question["choices"], question["distribution"]):
            if not cells:
                continue
            hidden = [c for c in cells if c["suppressed"]]
            for cell in cells:
                assert cell["suppressed"] == (cell["count"] is None)
            if hidden and not question["answered"]["suppressed"]:
                assert len(hidden) >= 2, question["code"]
            if hidden:
                assert all(c.get("percent") is None for c in hidden)
                assert question["mean"] is None
                assert question["median"] is None
    for line in (body["by_language"], body["over_time"]):
        hidden = [item for item in line if item["suppressed"]]
        if hidden and not body["responses"]["suppressed"]:
            assert len(hidden) >= 2


@pytest.fixture
def park(make_survey, answer):
    """8 responses: 6 from the north, 2 from the south (k = 5); one personal comment."""
    survey = make_survey()
    for number in range(8):
        answer(
            survey,
            area="north" if number < 6 else "south",
            likes=["trees", "benches"] if number < 5 else ["trees"],
            comments=SECRET_TEXT if number == 0 else "",
            name_it="Ana Smith Park" if number == 1 else "",
            language="sq" if number == 7 else "en",
        )
    return survey


def test_staff_summary_matches_hand_counts(api, park, make_token):
    response = api("/surveys/park/summary", token=make_token())
    assert response.status_code == 200, response.text
    body = response.get_json()
    assert body["responses"] == {"count": 8, "suppressed": False}
    assert body["public"] is False
    assert body["k"] == 5
    # 2 in the south is a small group; the north is hidden too, or 8 - 6 would give it away.
    area = _question(body, "area")
    assert area["answered"]["count"] == 8
    assert _choices(area) == {"north": (None, True), "south": (None, True)}
    visits = _question(body, "visits")
    assert _choices(visits) == {"yes": (0, False), "no": (8, False)}
    assert [c["percent"] for c in visits["choices"]] == [0.0, 100.0]
    likes = _question(body, "likes")
    assert _choices(likes) == {
        "trees": (8, False),
        "benches": (5, False),
        "lights": (0, False),
    }
    assert [c["percent"] for c in likes["choices"]] == [100.0, 62.5, 0.0]
    rating = _question(body, "rating")
    assert rating["mean"] == 4.0
    assert rating["median"] == 4.0
    assert [(d["value"], d["count"]) for d in rating["distribution"]] == [
        (1.0, 0),
        (2.0, 0),
        (3.0, 0),
        (4.0, 8),
        (5.0, 0),
    ]
    assert _question(body, "recommend")["nps"]["score"] == 100.0
    assert _question(body, "comments")["text_answers"] == {"count": None, "suppressed": True}
    # 1 answer in Albanian is a small group; English (7) would give it away from the total.
    assert {item["language"]: item["count"] for item in body["by_language"]} == {
        "en": None,
        "sq": None,
    }
    assert_nothing_recoverable(body)


def test_no_text_answer_ever_reaches_a_summary(api, park, make_token):
    park.results_public = True
    set_published_questions(park, {q.id for q in park.questions})
    db.session.commit()
    for token in (None, make_token()):
        text = api("/surveys/park/summary", token=token).text
        assert SECRET_TEXT not in text
        assert "Ana Smith" not in text
        assert "555" not in text


def test_public_summary_needs_published_results(api, park):
    response = api("/surveys/park/summary")
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


def test_public_summary_shows_only_published_questions(api, park):
    park.results_public = True
    published = {q.id for q in park.questions if q.code in ("area", "rating", "comments")}
    set_published_questions(park, published)
    db.session.commit()
    response = api("/surveys/park/summary")
    assert response.status_code == 200
    body = response.get_json()
    assert body["public"] is True
    assert [q["code"] for q in body["questions"]] == ["area", "rating"]
    assert body["by_language"] == []
    assert body["over_time"] == []
    assert _choices(_question(body, "area")) == {"north": (None, True), "south": (None, True)}
    assert body["responses"]["count"] == 8
    assert_nothing_recoverable(body)


def test_public_summary_without_published_questions_has_none(api, park):
    park.results_public = True
    db.session.commit()
    body = api("/surveys/park/summary").get_json()
    assert body["questions"] == []
    assert body["responses"]["count"] == 8


def test_public_summary_takes_no_filters(api, park):
    park.results_public = True
    db.session.commit()
    response = api("/surveys/park/summary?segment=area:north&language=en")
    assert response.status_code == 401
    assert response.get_json()["error"] == "token_required"
    problems = response.get_json()["problems"]
    assert [p["parameter"] for p in problems] == ["segment", "language"]


def test_fewer_than_k_responses_show_nothing(api, make_survey, answer, make_token):
    survey = make_survey(results_public=True)
    set_published_questions(survey, {q.id for q in survey.questions})
    db.session.commit()
    for _ in range(3):
        answer(survey)
    for token in (None, make_token()):
        body = api("/surveys/park/summary", token=token).get_json()
        assert body["too_few"] is True
        assert body["responses"] == {"count": None, "suppressed": True}
        assert body["questions"] == []
        assert body["by_language"] == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("segment=area:east", "segment"),
        ("segment=visits:yes", "segment"),
        ("segment=nonsense", "segment"),
        ("since=2026-13-01", "since"),
        ("since=yesterday", "since"),
        ("until=20260101", "until"),
        ("since=2026-05-02&until=2026-05-01", "until"),
        ("language=fr", "language"),
        ("language=", "language"),
        ("until=", "until"),
        ("segment=", "segment"),
        ("langauge=en", "langauge"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(api, park, make_token, query, parameter):
    response = api(f"/surveys/park/summary?{query}", token=make_token())
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "invalid_parameter"
    assert [p["parameter"] for p in body["problems"]] == [parameter]
    assert body["problems"][0]["message"]


def test_filters_narrow_the_summary(api, make_survey, answer, make_token):
    survey = make_survey()
    for number in range(11):
        answer(survey, area="north" if number < 6 else "south", language="en")
    token = make_token()
    body = api("/surveys/park/summary?segment=area:north", token=token).get_json()
    assert body["filters"]["segment"] == "area:north"
    assert body["responses"]["count"] == 6
    assert _choices(_question(body, "area")) == {"north": (6, False), "south": (0, False)}
    body = api("/surveys/park/summary?language=en&since=2000-01-01", token=token).get_json()
    assert body["responses"]["count"] == 11
    assert body["filters"]["since"] == "2000-01-01"
    body = api("/surveys/park/summary?until=2000-01-01", token=token).get_json()
    assert body["responses"]["count"] == 0


def test_the_public_api_never_contains_answers_or_personal_data(api, park, make_token):
    make_token(email="ana.official@example.org")
    park.results_public = True
    set_published_questions(park, {q.id for q in park.questions})
    db.session.commit()
    bodies = [
        api(path).text
        for path in ("/surveys", "/surveys/park", "/surveys/park/summary", "/openapi.json")
    ]
    for body in bodies:
        for private in (SECRET_TEXT, "Ana Smith", "555 0199", "ana.official@example.org"):
            assert private not in body
        assert "fbk_" not in body
