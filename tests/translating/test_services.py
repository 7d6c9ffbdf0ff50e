"""The string catalogue, completeness and "needs review"."""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.timeutil import utcnow
from feedback.translating import services
from feedback.translating.models import TranslationCheck


def test_strings_have_stable_keys_and_skip_empty_texts(survey):
    keys = [item.key for item in services.survey_strings(survey)]
    assert keys[:3] == ["survey.title", "survey.introduction", "survey.thank_you"]
    assert "section.0.title" in keys
    assert "section.0.description" not in keys  # no English text: nothing to translate
    assert "question.area.text" in keys
    assert "question.area.hint" in keys
    assert "question.rating.low_label" in keys
    assert "choice.area.north.label" in keys
    assert "choice.likes.lights.label" in keys


def test_removed_questions_and_choices_are_left_out(survey):
    question = next(q for q in survey.questions if q.code == "likes")
    question.choices[2].removed_at = utcnow()
    removed = next(q for q in survey.questions if q.code == "comments")
    removed.removed_at = utcnow()
    db.session.commit()
    keys = {item.key for item in services.survey_strings(survey)}
    assert "choice.likes.lights.label" not in keys
    assert "question.comments.text" not in keys
    assert "choice.likes.trees.label" in keys


def test_completeness_is_the_share_of_translated_strings(survey):
    items = services.survey_strings(survey)
    missing = [item.key for item in items if not item.text("sq")]
    assert set(missing) == {"question.area.hint", "choice.likes.lights.label"}
    share = services.completeness(survey)
    assert share == {"sq": (len(items) - 2) / len(items)}


def test_completeness_of_a_language_without_translations(make_survey):
    survey = make_survey(languages=["en", "sq", "sr"])
    assert services.completeness(survey)["sr"] == 0.0


def test_a_changed_source_marks_its_translation_for_review(survey):
    services.record_baseline(survey)
    db.session.commit()
    assert services.review_needed(survey, "sq") == set()
    question = next(q for q in survey.questions if q.code == "area")
    question.text = {**question.text, "en": "Which area do you live in?"}
    db.session.commit()
    assert services.review_needed(survey, "sq") == {"question.area.text"}


def test_confirming_or_editing_clears_review(survey, make_user):
    user = make_user("facilitator")
    services.record_baseline(survey)
    survey.title = {**survey.title, "en": "The new town park"}
    question = next(q for q in survey.questions if q.code == "area")
    question.text = {**question.text, "en": "Which area?"}
    db.session.commit()
    assert services.review_needed(survey, "sq") == {"survey.title", "question.area.text"}

    result = services.save_translations(
        survey,
        "sq",
        {"survey.title": "Parku i ri", "question.area.text": "Cila zonë?"},
        user,
        confirm={"survey.title"},
    )
    db.session.commit()
    assert result.changed == ["question.area.text"]
    assert result.confirmed == ["survey.title"]
    assert services.review_needed(survey, "sq") == set()
    check = db.session.scalars(
        select(TranslationCheck).where(TranslationCheck.key == "question.area.text")
    ).one()
    assert check.user_id == user.id


def test_translations_without_check_rows_count_as_reviewed(survey):
    survey.title = {**survey.title, "en": "Another title"}
    db.session.commit()
    assert services.review_needed(survey, "sq") == set()


def test_saving_refuses_everything_when_one_text_is_too_long(survey):
    before = dict(survey.title)
    result = services.save_translations(
        survey,
        "sq",
        {"survey.title": "Titull", "question.area.text": "x" * 10_001},
    )
    assert "question.area.text" in result.errors
    assert result.changed == []
    assert survey.title == before


def test_saving_an_empty_text_removes_the_translation(survey):
    services.save_translations(survey, "sq", {"survey.title": "  "})
    db.session.commit()
    assert "sq" not in survey.title
    assert services.completeness(survey)["sq"] < 1.0


def test_saving_refuses_unknown_languages_and_keys(survey):
    assert services.save_translations(survey, "de", {"survey.title": "Der Park"}).errors
    assert services.save_translations(survey, "sq", {"question.nope.text": "x"}).errors
