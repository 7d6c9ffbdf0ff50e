"""GET /api/v1/surveys and /api/v1/surveys/<slug>: what anonymous callers and tokens see."""

from __future__ import annotations

from datetime import timedelta

from feedback.extensions import db
from feedback.surveys.definition import export_survey
from feedback.timeutil import utcnow


def _slugs(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.get_json()["items"]]


def _surveys_in_every_state(make_survey):
    now = utcnow()
    make_survey(slug="open-now")
    make_survey(slug="a-draft", status="draft")
    make_survey(slug="closed-private", status="closed")
    make_survey(slug="closed-public", status="closed", results_public=True)
    make_survey(slug="not-yet", opens_at=(now + timedelta(days=3)).isoformat())
    make_survey(slug="past-date", closes_at=(now - timedelta(days=1)).isoformat())


def test_anonymous_callers_see_open_surveys_and_public_results(api, make_survey):
    _surveys_in_every_state(make_survey)
    assert sorted(_slugs(api("/surveys"))) == ["closed-public", "open-now"]


def test_a_token_lists_every_survey(api, make_survey, make_token):
    _surveys_in_every_state(make_survey)
    listed = _slugs(api("/surveys", token=make_token()))
    assert sorted(listed) == [
        "a-draft",
        "closed-private",
        "closed-public",
        "not-yet",
        "open-now",
        "past-date",
    ]


def test_a_listed_survey_has_titles_in_every_language_and_links(api, make_survey):
    make_survey()
    item = api("/surveys").get_json()["items"][0]
    assert item["title"] == {"en": "The new park", "sq": "Parku i ri"}
    assert item["languages"] == ["en", "sq"]
    assert item["default_language"] == "en"
    assert item["status"] == "open"
    assert item["availability"] == "open"
    assert item["results_public"] is False
    assert item["links"]["self"].endswith("/api/v1/surveys/park")
    assert item["links"]["summary"].endswith("/api/v1/surveys/park/summary")
    assert item["links"]["page"].endswith("/s/park")


def test_lists_are_paginated(api, make_survey):
    for number in range(5):
        make_survey(slug=f"survey-{number}")
    first = api("/surveys?per_page=2").get_json()
    assert first["total"] == 5
    assert first["pages"] == 3
    assert first["page"] == 1
    assert len(first["items"]) == 2
    assert first["links"]["prev"] is None
    seen = [item["slug"] for item in first["items"]]
    page = first
    while page["links"]["next"]:
        page = api(page["links"]["next"].split("/api/v1", 1)[1]).get_json()
        seen += [item["slug"] for item in page["items"]]
    assert sorted(seen) == [f"survey-{n}" for n in range(5)]
    assert page["page"] == 3
    assert page["links"]["prev"].endswith("page=2&per_page=2")
    beyond = api("/surveys?page=9&per_page=2").get_json()
    assert beyond["items"] == []
    assert beyond["total"] == 5


def test_bad_pagination_is_a_400_naming_each_parameter(api):
    for query, names in [
        ("page=0", ["page"]),
        ("page=abc&per_page=1000", ["page", "per_page"]),
        ("per_page=-1", ["per_page"]),
        ("page=1.5", ["page"]),
        ("pgae=2", ["pgae"]),
        ("page=1&page=2", ["page"]),
        ("page=", ["page"]),
    ]:
        response = api(f"/surveys?{query}")
        assert response.status_code == 400, query
        body = response.get_json()
        assert body["error"] == "invalid_parameter"
        assert [p["parameter"] for p in body["problems"]] == names


def test_the_definition_is_the_export_in_every_language(api, make_survey):
    survey = make_survey()
    response = api("/surveys/park")
    assert response.status_code == 200
    body = response.get_json()
    assert body == export_survey(survey)
    question = body["sections"][0]["questions"][0]
    assert question["text"] == {"en": "Where do you live?", "sq": "Ku jetoni?"}
    assert question["choices"][1] == {"code": "south", "label": {"en": "South", "sq": "Jug"}}


def test_removed_questions_are_left_out_of_the_definition(api, make_survey):
    survey = make_survey()
    next(q for q in survey.questions if q.code == "name_it").removed_at = utcnow()
    db.session.commit()
    codes = [q["code"] for s in api("/surveys/park").get_json()["sections"] for q in s["questions"]]
    assert "name_it" not in codes
    assert "comments" in codes


def test_drafts_are_hidden_without_a_token(api, make_survey, make_token):
    make_survey(status="draft")
    response = api("/surveys/park")
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"
    assert api("/surveys/park", token=make_token()).status_code == 200


def test_public_answers_are_cacheable_and_conditional(api, make_survey):
    make_survey()
    first = api("/surveys/park")
    assert first.headers["ETag"]
    assert "public" in first.headers["Cache-Control"]
    assert "Authorization" in first.headers["Vary"]
    again = api("/surveys/park", **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""


def test_answers_to_a_token_are_private(api, make_survey, make_token):
    make_survey()
    response = api("/surveys/park", token=make_token())
    assert "private" in response.headers["Cache-Control"]
    assert "public" not in response.headers["Cache-Control"]
