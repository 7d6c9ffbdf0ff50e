"""The demonstration data: loading it, loading it again, and what the demo survey holds."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from feedback.demo_content import SURVEYS
from feedback.extensions import db
from feedback.surveys.definition import build_survey, export_survey
from feedback.surveys.models import QuestionKind, Survey, SurveyStatus

LANGUAGES = {"en", "sq", "sr", "es"}
SLUGS = {"exchange-programme", "library-hours"}
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
TEXT_KEYS = ("title", "introduction", "thank_you", "description", "text", "hint", "label")
TEXT_KEYS += ("low_label", "high_label")


def stored_slugs() -> set[str]:
    db.session.expire_all()
    return set(db.session.scalars(select(Survey.slug)))


def survey_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Survey))


def text_dicts(node, where="survey"):
    """Every language-keyed text in a definition, with where it sits."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, dict) and value:
                yield f"{where}.{key}", value
            elif isinstance(value, (dict, list)):
                yield from text_dicts(value, f"{where}.{node.get('code', key)}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from text_dicts(item, f"{where}[{index}]")


def demo(slug: str) -> dict:
    return next(d for d in SURVEYS if d["slug"] == slug)


def test_demo_load_creates_both_surveys(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "exchange-programme" in result.output
    assert "library-hours" in result.output
    assert stored_slugs() >= SLUGS
    for slug in SLUGS:
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        assert survey.status == SurveyStatus.OPEN
        assert survey.default_language == "en"
        assert set(survey.languages) == LANGUAGES


def test_demo_load_twice_creates_nothing_new(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    count = survey_count()
    again = runner.invoke(args=["demo", "load"])
    assert again.exit_code == 0, again.output
    assert "already loaded" in again.output
    assert survey_count() == count


def test_demo_load_if_empty_leaves_a_database_with_surveys_alone(runner, make_survey):
    make_survey()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "not loaded" in result.output
    assert stored_slugs() == {"park"}


def test_demo_load_if_empty_loads_an_empty_database(runner):
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert stored_slugs() >= SLUGS


def test_exchange_programme_has_every_kind_sections_show_if_and_segments(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    survey = db.session.scalar(select(Survey).where(Survey.slug == "exchange-programme"))
    assert survey.results_public is True
    assert len(survey.sections) == 2
    assert {q.kind for q in survey.questions} == set(QuestionKind)
    segments = {q.code for q in survey.questions if q.is_segment}
    assert segments == {"neighbourhood", "age_band", "home_language"}
    assert all(q.kind == QuestionKind.SINGLE for q in survey.questions if q.is_segment)

    by_code = {q.code: q for q in survey.questions}
    shown_if = [q for q in survey.questions if q.show_if_question is not None]
    assert shown_if
    same_section = [q for q in shown_if if q.section is q.show_if_question.section]
    across = [q for q in shown_if if q.section is not q.show_if_question.section]
    assert same_section
    assert across
    assert all(q.show_if_values == ["yes"] for q in shown_if)
    assert by_code["satisfaction"].show_if_question.code == "attended"

    topics = by_code["topics"]
    assert (topics.min_choices, topics.max_choices) == (1, 3)
    assert (by_code["satisfaction"].min_value, by_code["satisfaction"].max_value) == (1, 5)
    assert by_code["events_count"].min_value is not None
    assert by_code["events_count"].max_value is not None
    assert by_code["comments"].max_length == 1000
    assert sum(q.required for q in survey.questions) >= 3
    assert sum(bool(q.hint) for q in survey.questions) >= 3


def test_library_hours_is_short_single_section(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    survey = db.session.scalar(select(Survey).where(Survey.slug == "library-hours"))
    assert len(survey.sections) == 1
    assert 3 <= len(survey.questions) <= 4


def test_every_demo_text_is_in_all_four_languages_in_the_definition():
    for definition in SURVEYS:
        found = list(text_dicts(definition))
        assert len(found) > 10
        for where, texts in found:
            assert set(texts) == LANGUAGES, where
            assert all(value.strip() for value in texts.values()), where
        build_survey(definition)  # raises DefinitionError on any problem


def test_serbian_demo_texts_are_cyrillic():
    for definition in SURVEYS:
        for where, texts in text_dicts(definition):
            if texts["sr"] != texts["en"]:  # place names and age ranges read the same
                assert CYRILLIC.search(texts["sr"]), where
                assert not re.search(r"[A-Za-z]", texts["sr"]), where


def test_every_stored_text_is_in_all_four_languages(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    for slug in SLUGS:
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        exported = export_survey(survey)
        found = list(text_dicts(exported))
        assert len(found) == len(list(text_dicts(demo(slug)))), slug
        for where, texts in found:
            assert set(texts) == LANGUAGES, f"{slug}: {where}"
        choices = [c for q in survey.questions for c in q.choices]
        assert choices
        assert all(set(c.label) == LANGUAGES for c in choices)
        assert all(set(s.title) == LANGUAGES for s in survey.sections)


def test_demo_survey_page_renders_in_each_language(runner, client):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    expected = {
        "en": "Which neighbourhood do you live in?",
        "sq": "Në cilën lagje jetoni?",
        "sr": "У ком насељу живите?",
        "es": "¿En qué vecindario vive?",
    }
    for lang, question in expected.items():
        page = client.get(f"/s/exchange-programme?lang={lang}")
        assert page.status_code == 200
        assert question in page.text
        assert demo("exchange-programme")["title"][lang] in page.text
