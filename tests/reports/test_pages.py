"""The report pages as an official sees them."""

from __future__ import annotations

import re

from feedback.auth.models import Role
from tests.reports.conftest import park_answers


def test_official_sees_summary_with_every_question(make_survey, make_user, login, client, answer):
    survey = make_survey()
    for index in range(6):
        answer(survey, park_answers(rating=str(1 + index % 5), name_it=f"Name {index}"))
    login(make_user(Role.OFFICIAL))

    listing = client.get("/reports/")
    assert listing.status_code == 200
    assert "The new park" in listing.text
    page = client.get(f"/reports/surveys/{survey.id}")
    assert page.status_code == 200, page.text
    html = page.text
    assert 'role="img"' in html
    assert "<title id=" in html
    assert "<desc id=" in html
    for code in ("area", "visits", "often", "likes", "rating", "recommend", "name_it"):
        assert f'id="q-{code}"' in html
    assert "<script" not in html.split("</head>")[1]
    assert ' style="' not in html


def test_breakdown_page_and_texts_page(make_survey, make_user, login, client, answer):
    survey = make_survey()
    for index in range(12):
        area = "north" if index < 7 else "south"
        answer(survey, park_answers(area=area, comments=f"Comment number {index}"))
    login(make_user(Role.OFFICIAL))
    page = client.get(f"/reports/surveys/{survey.id}/questions/rating/breakdown?by=area")
    assert page.status_code == 200, page.text
    assert "North" in page.text
    assert "South" in page.text
    page = client.get(f"/reports/surveys/{survey.id}/questions/rating/breakdown?by=language")
    assert page.status_code == 200
    texts = client.get(f"/reports/surveys/{survey.id}/texts?q=number+1")
    assert texts.status_code == 200
    found = re.findall(r"<blockquote>(.*?)</blockquote>", texts.text)
    assert sorted(found) == ["Comment number 1", "Comment number 10", "Comment number 11"]


def test_residents_and_anonymous_cannot_read_reports(make_survey, client):
    survey = make_survey()
    response = client.get(f"/reports/surveys/{survey.id}")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_filter_form_keeps_what_was_typed_and_explains_errors(
    make_survey, make_user, login, client, answer
):
    survey = make_survey()
    answer(survey, park_answers())
    login(make_user(Role.OFFICIAL))
    page = client.get(f"/reports/surveys/{survey.id}?since=2026-03-09&until=2026-03-01")
    assert page.status_code == 200
    assert "<title>Error:" in page.text
    assert "The end date must be on or after the start date." in page.text
    assert 'value="2026-03-09"' in page.text
    page = client.get(f"/reports/surveys/{survey.id}?since=not-a-date")
    assert page.status_code == 200
    assert "<title>Error:" in page.text


def test_filtered_summary_says_counts_are_protected(make_survey, make_user, login, client, answer):
    survey = make_survey()
    for _ in range(6):
        answer(survey, park_answers(area="north"))
    answer(survey, park_answers(area="south"))
    login(make_user(Role.FACILITATOR))
    page = client.get(f"/reports/surveys/{survey.id}?language=en")
    assert "Filtered results: counts below 5" in page.text
    assert "fewer than 5" in page.text
