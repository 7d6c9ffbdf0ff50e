"""The translation pages: the language list, one page per language, saving as you go."""

from __future__ import annotations

import re

import pytest

from feedback.extensions import db
from feedback.translating import services
from tests.conftest import csrf_from


def _url(survey, lang=None):
    base = f"/manage/surveys/{survey.id}/translations"
    return f"{base}/{lang}" if lang else base


@pytest.mark.parametrize("role", ["official"])
def test_other_roles_are_refused(survey, client, make_user, login, role):
    login(make_user(role))
    assert client.get(_url(survey)).status_code == 403
    assert client.get(_url(survey, "sq")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(survey, client):
    response = client.get(_url(survey, "sq"))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_admins_may_translate(survey, client, make_user, login):
    login(make_user("admin"))
    assert client.get(_url(survey, "sq")).status_code == 200


def test_language_list_shows_completeness(survey, client, facilitator):
    page = client.get(_url(survey))
    assert page.status_code == 200
    total = len(services.survey_strings(survey))
    assert f"({total - 2} of {total})" in page.text
    assert "Shqip" in page.text
    assert f'href="/manage/surveys/{survey.id}/translations/sq"' in page.text


def test_unknown_language_or_survey_is_not_found(survey, client, facilitator):
    assert client.get(_url(survey, "en")).status_code == 404  # the default language
    assert client.get(_url(survey, "de")).status_code == 404
    assert client.get("/manage/surveys/999999/translations").status_code == 404


def test_page_shows_every_string_beside_the_original(survey, client, facilitator):
    page = client.get(_url(survey, "sq")).text
    assert "Where do you live?" in page
    assert 'name="t:question.area.text"' in page
    assert "Ku jetoni?</textarea>" in page
    assert "Pick the nearest area." in page  # an untranslated hint is offered too
    assert 'lang="sq"' in page
    assert page.count("<form") >= 3  # one form per part (plus sign-out)
    assert "<script>" not in page
    assert "style=" not in page


def test_saving_one_part_without_javascript(survey, client, facilitator):
    page = client.get(_url(survey, "sq"))
    response = client.post(
        _url(survey, "sq"),
        data={
            "csrf_token": csrf_from(page.text),
            "group": "section-0",
            "t:question.area.hint": "Zgjidhni zonën më të afërt.",
            "t:question.area.text": "Ku jetoni?",
        },
    )
    assert response.status_code == 302, response.text
    assert response.headers["Location"].endswith("#section-0")
    db.session.expire_all()
    question = next(q for q in survey.questions if q.code == "area")
    assert question.hint["sq"] == "Zgjidhni zonën më të afërt."
    assert question.text["sq"] == "Ku jetoni?"
    assert "Saved: 1 changed" in client.get(_url(survey, "sq")).text


def test_a_refused_save_keeps_what_was_typed(survey, client, facilitator):
    page = client.get(_url(survey, "sq"))
    response = client.post(
        _url(survey, "sq"),
        data={
            "csrf_token": csrf_from(page.text),
            "t:question.area.hint": "Një tekst i ri",
            "t:question.area.text": "y" * 10_001,
        },
    )
    assert response.status_code == 400
    assert "<title>Error:" in response.text
    assert 'href="#t-question-area-text"' in response.text
    assert "Një tekst i ri</textarea>" in response.text
    db.session.expire_all()
    question = next(q for q in survey.questions if q.code == "area")
    assert "sq" not in question.hint  # nothing of the part was stored


def test_posting_without_csrf_is_refused(survey, client, facilitator):
    response = client.post(_url(survey, "sq"), data={"t:survey.title": "x"})
    assert response.status_code == 400
    db.session.expire_all()
    assert survey.title["sq"] == "Parku i ri"


def test_needs_review_is_shown_and_can_be_confirmed(survey, client, facilitator):
    client.get(_url(survey, "sq"))  # records what the translations were made against
    survey.title = {**survey.title, "en": "The new town park"}
    db.session.commit()
    page = client.get(_url(survey, "sq"))
    assert "Needs review" in page.text
    assert 'name="confirm" value="survey.title"' in page.text
    assert re.search(r"<td>1</td>", client.get(_url(survey)).text)

    client.post(
        _url(survey, "sq"),
        data={
            "csrf_token": csrf_from(page.text),
            "t:survey.title": "Parku i ri",
            "confirm": "survey.title",
        },
    )
    assert services.review_needed(survey, "sq") == set()
    assert "Needs review:" not in client.get(_url(survey, "sq")).text


def test_the_script_saves_one_field_with_the_csrf_header(survey, client, facilitator):
    page = client.get(_url(survey, "sq"))
    assert "translating.js" in page.text
    response = client.post(
        _url(survey, "sq") + "/field",
        json={"key": "choice.likes.lights.label", "value": "Dritat"},
        headers={"X-CSRFToken": csrf_from(page.text)},
    )
    assert response.status_code == 200
    assert response.json["saved"] is True
    assert response.json["completeness"] > 0.9
    db.session.expire_all()
    likes = next(q for q in survey.questions if q.code == "likes")
    assert likes.choices[2].label["sq"] == "Dritat"


def test_the_field_endpoint_refuses_bad_input(survey, client, facilitator):
    token = csrf_from(client.get(_url(survey, "sq")).text)
    url = _url(survey, "sq") + "/field"
    assert client.post(url, json={"key": "x"}, headers={"X-CSRFToken": token}).status_code == 400
    unknown = client.post(
        url, json={"key": "question.none.text", "value": "x"}, headers={"X-CSRFToken": token}
    )
    assert unknown.status_code == 400
    assert "error" in unknown.json
    assert client.post(url, json={"key": "survey.title", "value": "x"}).status_code == 400


def test_saving_is_written_to_the_audit_trail(survey, client, facilitator):
    from feedback.audit.services import history

    page = client.get(_url(survey, "sq"))
    client.post(
        _url(survey, "sq"),
        data={"csrf_token": csrf_from(page.text), "t:question.area.hint": "Zona më e afërt"},
    )
    events = history("survey", survey.id)
    assert events[0].action == "translations.saved"
    assert events[0].user_id == facilitator.id
    assert events[0].detail["changed"] == ["question.area.hint"]
    assert events[0].detail["language"] == "sq"
