"""The moderation queue: pending until reviewed; approve, hide, redact; personal data blocks."""

import pytest
from sqlalchemy import select

from feedback.answering.models import Answer
from feedback.extensions import db
from feedback.results import moderation
from feedback.results.models import ReviewStatus, TextReview
from tests.conftest import csrf_from
from tests.results.conftest import text_answer_id


def test_answers_never_reviewed_are_pending(make_survey, answer):
    survey = make_survey()
    answer(survey, comments="More shade please")
    answer(survey, name_it="Green Corner")
    answer(survey)  # no texts
    items = moderation.queue(survey)
    assert sorted(item.text for item in items) == ["Green Corner", "More shade please"]
    assert {item.status for item in items} == {ReviewStatus.PENDING}
    assert moderation.pending_count(survey) == 2


def test_approve_and_hide_move_texts_between_lists(make_survey, answer):
    survey = make_survey()
    answer(survey, comments="Keep the lights on")
    answer(survey, comments="Rude remark")
    keep = text_answer_id(survey, "Keep the lights on")
    rude = text_answer_id(survey, "Rude remark")
    moderation.approve(survey, "answer", keep)
    moderation.hide(survey, "answer", rude)
    db.session.commit()
    assert [i.text for i in moderation.queue(survey, ReviewStatus.APPROVED)] == [
        "Keep the lights on"
    ]
    assert [i.text for i in moderation.queue(survey, ReviewStatus.HIDDEN)] == ["Rude remark"]
    assert moderation.queue(survey) == []


def test_a_text_with_an_email_cannot_be_approved_until_redacted(make_survey, answer):
    survey = make_survey()
    answer(survey, comments="Write to ana@example.org about the benches")
    answer_id = text_answer_id(survey, "Write to ana@example.org about the benches")
    with pytest.raises(moderation.ModerationError):
        moderation.approve(survey, "answer", answer_id)
    with pytest.raises(moderation.ModerationError):
        moderation.redact(survey, "answer", answer_id, "Write to ana@example.org")
    moderation.redact(survey, "answer", answer_id, "Write to […] about the benches")
    db.session.commit()
    review = db.session.scalars(select(TextReview)).one()
    assert review.status == ReviewStatus.APPROVED
    assert review.redacted_text == "Write to […] about the benches"
    assert review.flags == ["email"]
    # The original stays for officials.
    assert db.session.get(Answer, answer_id).text == "Write to ana@example.org about the benches"


def test_the_queue_page_lists_flags_and_approving_works(client, make_survey, answer, facilitator):
    survey = make_survey()
    answer(survey, comments="Ask Ana Krasniqi, she knows")
    page = client.get(f"/manage/surveys/{survey.id}/moderation")
    assert page.status_code == 200
    assert "Ask Ana Krasniqi, she knows" in page.text
    assert "Possible name" in page.text
    answer_id = text_answer_id(survey, "Ask Ana Krasniqi, she knows")
    done = client.post(
        f"/manage/surveys/{survey.id}/moderation/answer/{answer_id}",
        data={"decision": "approve", "csrf_token": csrf_from(page.text)},
    )
    assert done.status_code == 302
    assert moderation.queue(survey) == []
    approved = client.get(f"/manage/surveys/{survey.id}/moderation?status=approved")
    assert "Ask Ana Krasniqi, she knows" in approved.text


def test_approving_a_phone_number_leads_to_the_redaction_page(
    client, make_survey, answer, facilitator
):
    survey = make_survey()
    answer(survey, comments="Call 044-123-456 for the key")
    answer_id = text_answer_id(survey, "Call 044-123-456 for the key")
    page = client.get(f"/manage/surveys/{survey.id}/moderation")
    done = client.post(
        f"/manage/surveys/{survey.id}/moderation/answer/{answer_id}",
        data={"decision": "approve", "csrf_token": csrf_from(page.text)},
        follow_redirects=True,
    )
    assert "Redact a text" in done.text
    assert "Call […] for the key" in done.text  # the suggested copy
    assert moderation.queue(survey)[0].status == ReviewStatus.PENDING

    token = csrf_from(done.text)
    url = f"/manage/surveys/{survey.id}/moderation/answer/{answer_id}/redact"
    refused = client.post(url, data={"redacted": "Call 044 123 456", "csrf_token": token})
    assert refused.status_code == 400
    assert "Error:" in refused.text
    assert "Remove every email address and phone number" in refused.text
    assert "Call 044 123 456" in refused.text  # what was typed is kept

    saved = client.post(url, data={"redacted": "Call […] for the key", "csrf_token": token})
    assert saved.status_code == 302
    item = moderation.find_item(survey, "answer", answer_id)
    assert item.status == ReviewStatus.APPROVED
    assert item.public_text == "Call […] for the key"


def test_moderation_is_for_facilitators_only(client, make_survey, staff):
    survey = make_survey()
    assert client.get(f"/manage/surveys/{survey.id}/moderation").status_code == 302
    staff("official")
    assert client.get(f"/manage/surveys/{survey.id}/moderation").status_code == 403


def test_items_of_another_survey_are_not_found(client, make_survey, answer, facilitator):
    park = make_survey()
    other = make_survey(slug="other")
    answer(park, comments="Only for the park")
    answer_id = text_answer_id(park, "Only for the park")
    page = client.get(f"/manage/surveys/{other.id}/moderation")
    response = client.post(
        f"/manage/surveys/{other.id}/moderation/answer/{answer_id}",
        data={"decision": "approve", "csrf_token": csrf_from(page.text)},
    )
    assert response.status_code == 404
    assert moderation.queue(park)[0].status == ReviewStatus.PENDING


def test_pending_count_and_a_limited_queue(make_survey, answer):
    from feedback.results.review import add_comment

    survey = make_survey()
    for n in range(4):
        answer(survey, comments=f"Answer {n}")
    add_comment(survey, "A comment", "en")
    done = text_answer_id(survey, "Answer 0")
    moderation.approve(survey, "answer", done)
    db.session.commit()
    assert moderation.pending_count(survey) == 4  # three answers and a comment
    assert [i.text for i in moderation.queue(survey, limit=2)] == [
        "Answer 1",
        "Answer 2",
        "A comment",
    ]
    other = make_survey(slug="other")
    assert moderation.pending_count(other) == 0
