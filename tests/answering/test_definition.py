"""Definitions that would make a question impossible to answer are refused up front."""

from __future__ import annotations

import pytest

from feedback.surveys.definition import DefinitionError, build_survey
from tests.conftest import simple_definition


def with_question(**changes) -> dict:
    definition = simple_definition()
    rating = definition["sections"][1]["questions"][1]
    assert rating["code"] == "rating"
    rating.update(changes)
    return definition


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"min": "one"}, "min must be a number"),
        ({"max": True}, "max must be a number"),
        ({"min": 7, "max": None}, "a scale needs 2 to 11 whole points"),
        ({"min": 1.5, "max": 5}, "a scale needs 2 to 11 whole points"),
        ({"min": 0, "max": 20}, "a scale needs 2 to 11 whole points"),
        ({"max_length": 0}, "max_length must be a whole number of 1 or more"),
        ({"min_choices": "2"}, "min_choices must be a whole number of 1 or more"),
    ],
)
def test_unanswerable_settings_are_refused(changes, message):
    with pytest.raises(DefinitionError) as refused:
        build_survey(with_question(**changes))
    assert any(message in why for _where, why in refused.value.problems)


def test_more_minimum_picks_than_maximum_is_refused():
    definition = simple_definition()
    likes = definition["sections"][1]["questions"][0]
    likes.update(min_choices=3, max_choices=2)
    with pytest.raises(DefinitionError, match="minimum number of picks"):
        build_survey(definition)


def test_the_test_survey_and_the_demo_build():
    from feedback.demo_content import SURVEYS

    assert build_survey(simple_definition()).slug == "park"
    for definition in SURVEYS:
        assert build_survey(definition).slug == definition["slug"]
