"""The OpenAPI document describes what the endpoints really return: real answers of every
endpoint, successes and errors, are validated against its schemas."""

from __future__ import annotations

import re

import pytest

from feedback.extensions import db
from feedback.results.publication import set_published_questions
from tests.api.schema_check import assert_matches, errors_of, response_schema


@pytest.fixture
def document(api):
    response = api("/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _template(rule: str) -> str:
    """``/api/v1/surveys/<slug>`` -> ``/surveys/{slug}``."""
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.removeprefix("/api/v1"))


def test_the_document_names_every_endpoint_and_nothing_else(app, document):
    routes = {
        _template(rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert set(document["paths"]) == routes
    assert document["openapi"] == "3.1.0"
    assert document["servers"][0]["url"].endswith("/api/v1")


def test_every_reference_resolves(document):
    text = repr(document)
    for name in set(re.findall(r"#/components/schemas/(\w+)", text)):
        assert name in document["components"]["schemas"], name
    # Every schema is in the subset the validator understands (it raises otherwise).
    for schema in document["components"]["schemas"].values():
        errors_of(document, schema, None)


def _check(document, path: str, response) -> None:
    status = response.status_code
    schema = response_schema(document, path, status)
    assert response.mimetype == "application/json"
    assert_matches(document, schema, response.get_json())


def test_real_answers_match_the_schemas(api, document, make_survey, answer, make_token):
    token = make_token()
    survey = make_survey(results_public=True)
    make_survey(slug="draft-one", status="draft", opens_at="2026-01-01T09:00:00+00:00")
    empty = make_survey(slug="empty", results_public=True)
    for number in range(12):
        answer(
            survey,
            area="north" if number < 9 else "south",
            visits="yes" if number % 2 else "no",
            often=str(number + 1) if number % 2 else "",
            comments="A long comment" if number < 3 else "",
            visit_day="2026-05-01" if number == 4 else "",
            language="sq" if number < 4 else "en",
        )
    set_published_questions(survey, {q.id for q in survey.questions})
    set_published_questions(empty, {q.id for q in empty.questions})
    db.session.commit()

    checks = [
        ("/surveys", "/surveys", None),
        ("/surveys", "/surveys?per_page=1&page=2", token),
        ("/surveys", "/surveys?page=0", None),
        ("/surveys", "/surveys", "fbk_not-a-token"),
        ("/surveys/{slug}", "/surveys/park", None),
        ("/surveys/{slug}", "/surveys/draft-one", token),
        ("/surveys/{slug}", "/surveys/draft-one", None),
        ("/surveys/{slug}", "/surveys/park?x=1", None),
        ("/surveys/{slug}", "/surveys/park", "fbk_not-a-token"),
        ("/surveys/{slug}/summary", "/surveys/park/summary", None),
        ("/surveys/{slug}/summary", "/surveys/park/summary", token),
        ("/surveys/{slug}/summary", "/surveys/park/summary?segment=area:north", token),
        ("/surveys/{slug}/summary", "/surveys/park/summary?language=sq&since=2020-01-01", token),
        ("/surveys/{slug}/summary", "/surveys/empty/summary", None),
        ("/surveys/{slug}/summary", "/surveys/draft-one/summary", token),
        ("/surveys/{slug}/summary", "/surveys/park/summary?segment=area", token),
        ("/surveys/{slug}/summary", "/surveys/park/summary?segment=area:north", None),
        ("/surveys/{slug}/summary", "/surveys/nope/summary", None),
        ("/surveys/{slug}/summary", "/surveys/park/summary", "fbk_not-a-token"),
    ]
    statuses = set()
    for path, url, secret in checks:
        response = api(url, token=secret)
        statuses.add((path, response.status_code))
        _check(document, path, response)
    # Every documented answer of every endpoint was seen (but 429, tested on its own).
    documented = {
        (path, int(status))
        for path, item in document["paths"].items()
        for status in item["get"]["responses"]
        if status != "429" and path != "/openapi.json"
    }
    assert documented - statuses == set()


def test_the_small_validator_rejects_what_the_schema_forbids(document):
    item = {"error": "x", "status": 400}
    assert errors_of(document, {"$ref": "#/components/schemas/Error"}, item) == []
    assert errors_of(document, {"$ref": "#/components/schemas/Error"}, {**item, "extra": 1})
    assert errors_of(document, {"$ref": "#/components/schemas/Error"}, {"error": "x"})
    assert errors_of(
        document, {"$ref": "#/components/schemas/Count"}, {"count": -1, "suppressed": False}
    )
    assert errors_of(
        document, {"$ref": "#/components/schemas/Count"}, {"count": 1.5, "suppressed": False}
    )
