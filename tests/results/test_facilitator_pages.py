"""Facilitator pages: publication settings, findings and actions (plain forms, no JavaScript)."""

from sqlalchemy import select

from feedback.extensions import db
from feedback.results import moderation, publication
from feedback.results.models import Action, Finding, Verdict
from feedback.results.review import vote
from tests.conftest import csrf_from
from tests.results.conftest import text_answer_id


def test_publication_settings_choose_questions_quotes_and_switch_on(
    client, make_survey, answer, facilitator
):
    survey = make_survey()
    answer(survey, comments="A quote worth sharing")
    answer(survey, comments="Still waiting")
    quote = text_answer_id(survey, "A quote worth sharing")
    moderation.approve(survey, "answer", quote)
    db.session.commit()
    page = client.get(f"/manage/surveys/{survey.id}/publication")
    assert page.status_code == 200
    assert "A quote worth sharing" in page.text
    assert "Still waiting" not in page.text  # only approved texts can be featured
    assert "1 text is waiting for moderation." in page.text
    area = next(q for q in survey.questions if q.code == "area")
    saved = client.post(
        f"/manage/surveys/{survey.id}/publication",
        data={
            "public": "on",
            "question": [str(area.id), "999999"],
            "quote": [str(quote)],
            "csrf_token": csrf_from(page.text),
        },
    )
    assert saved.status_code == 302
    db.session.refresh(survey)
    assert survey.results_public is True
    assert [q.code for q in publication.published_questions(survey)] == ["area"]
    assert [i.text for i in moderation.approved_quotes(survey)] == ["A quote worth sharing"]
    assert "A quote worth sharing" in client.get("/s/park/results").text

    page = client.get(f"/manage/surveys/{survey.id}/publication")
    client.post(
        f"/manage/surveys/{survey.id}/publication",
        data={"csrf_token": csrf_from(page.text)},
    )
    assert client.get("/s/park/results").status_code == 404


def test_publication_page_shows_the_community_review_counts(client, make_survey, facilitator):
    survey = make_survey()
    vote(survey, "browser-one-token-xxxx", Verdict.YES)
    vote(survey, "browser-two-token-xxxx", Verdict.NO)
    page = client.get(f"/manage/surveys/{survey.id}/publication")
    assert '<th scope="row">Yes</th><td>1</td>' in page.text
    assert '<th scope="row">No</th><td>1</td>' in page.text
    assert '<th scope="row">Total</th><td>2</td>' in page.text


def test_findings_and_actions_are_created_changed_and_deleted(client, make_survey, facilitator):
    survey = make_survey()
    new = client.get(f"/manage/surveys/{survey.id}/findings/new")
    assert new.status_code == 200
    token = csrf_from(new.text)
    missing = client.post(
        f"/manage/surveys/{survey.id}/findings/new",
        data={"text-sq": "Vetëm shqip", "evidence_code": "likes", "csrf_token": token},
    )
    assert missing.status_code == 400
    assert "Enter the text in English" in missing.text
    assert "Vetëm shqip" in missing.text  # kept
    created = client.post(
        f"/manage/surveys/{survey.id}/findings/new",
        data={
            "text-en": "People want more benches.",
            "text-sq": "Njerëzit duan më shumë stola.",
            "evidence_code": "likes",
            "evidence_by": "area",
            "published": "y",
            "csrf_token": token,
        },
    )
    assert created.status_code == 302
    finding = db.session.scalars(select(Finding)).one()
    assert finding.text == {
        "en": "People want more benches.",
        "sq": "Njerëzit duan më shumë stola.",
    }
    assert (finding.evidence_code, finding.evidence_by, finding.published) == (
        "likes",
        "area",
        True,
    )

    bad = client.post(
        f"/manage/surveys/{survey.id}/findings/{finding.id}/actions/new",
        data={"text-en": "Ten benches.", "owner": "", "status": "planned", "csrf_token": token},
    )
    assert bad.status_code == 400
    assert "Enter the department or team that does it" in bad.text
    made = client.post(
        f"/manage/surveys/{survey.id}/findings/{finding.id}/actions/new",
        data={
            "text-en": "Ten benches by June.",
            "owner": "Parks Department",
            "status": "in_progress",
            "due_on": "2026-06-30",
            "csrf_token": token,
        },
    )
    assert made.status_code == 302
    action = db.session.scalars(select(Action)).one()
    assert (action.owner, action.status.value, str(action.due_on)) == (
        "Parks Department",
        "in_progress",
        "2026-06-30",
    )
    listing = client.get(f"/manage/surveys/{survey.id}/findings")
    assert "People want more benches." in listing.text
    assert "Ten benches by June." in listing.text

    client.post(
        f"/manage/surveys/{survey.id}/findings/{finding.id}/actions/{action.id}",
        data={
            "text-en": "Ten benches, done.",
            "owner": "Parks Department",
            "status": "done",
            "done_on": "2026-05-02",
            "csrf_token": token,
        },
    )
    db.session.expire_all()
    assert db.session.get(Action, action.id).status.value == "done"

    client.post(
        f"/manage/surveys/{survey.id}/findings/{finding.id}/delete", data={"csrf_token": token}
    )
    db.session.expire_all()
    assert db.session.scalars(select(Finding)).all() == []
    assert db.session.scalars(select(Action)).all() == []


def test_a_finding_of_another_survey_is_not_found(client, make_survey, facilitator):
    park = make_survey()
    other = make_survey(slug="other")
    from feedback.results.findings import create_finding

    finding = create_finding({"en": "Park only"}, survey_id=park.id)
    db.session.commit()
    assert client.get(f"/manage/surveys/{other.id}/findings/{finding.id}").status_code == 404


def test_the_overview_lists_surveys_with_texts_to_moderate(
    client, make_survey, answer, facilitator
):
    survey = make_survey()
    answer(survey, comments="One to read")
    page = client.get("/manage/results")
    assert page.status_code == 200
    assert "The new park" in page.text
    assert f"/manage/surveys/{survey.id}/moderation" in page.text
