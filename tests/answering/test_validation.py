"""Each question kind accepts what a resident may reasonably type and refuses the rest."""

from __future__ import annotations

from datetime import date

import pytest

from feedback.answering.validation import clean_answer, parse_date, parse_number


def question(survey, code):
    return next(q for q in survey.questions if q.code == code)


@pytest.fixture
def park(make_survey):
    return make_survey()


def test_single_choice_takes_one_known_option(park):
    area = question(park, "area")
    assert clean_answer(area, ["south"]) == (clean_answer(area, ["south"])[0], None)
    assert clean_answer(area, ["south"])[0].choices == ["south"]
    assert clean_answer(area, ["east"])[1] == "Select one of the options shown"
    assert clean_answer(area, ["north", "south"])[1] == "Select only one option"
    assert clean_answer(area, [])[1] == "Select an answer"
    assert clean_answer(area, ["  "])[1] == "Select an answer"


def test_multiple_choice_keeps_within_min_and_max_picks(park):
    likes = question(park, "likes")  # 1 to 2 picks, optional
    cleaned, error = clean_answer(likes, ["trees", "lights", "trees"])
    assert error is None
    assert cleaned.choices == ["trees", "lights"]
    assert clean_answer(likes, ["trees", "benches", "lights"])[1] == (
        "Select no more than 2 options"
    )
    assert clean_answer(likes, ["trees", "swings"])[1] == "Select one of the options shown"
    assert clean_answer(likes, [])[1] is None  # optional: nothing is fine


def test_multiple_choice_minimum_picks(make_survey):
    from feedback.extensions import db

    park = make_survey()
    likes = question(park, "likes")
    likes.min_choices, likes.max_choices = 2, None
    db.session.commit()
    assert clean_answer(likes, ["trees"])[1] == "Select at least 2 options"
    assert clean_answer(likes, ["trees", "benches", "lights"])[1] is None


def test_rating_must_be_a_whole_number_in_its_range(park):
    rating = question(park, "rating")  # 1 to 5, required
    assert clean_answer(rating, ["5"])[0].number == 5.0
    for bad in ("0", "6", "2.5", "five", "-1"):
        assert clean_answer(rating, [bad])[1] == "Select a number from 1 to 5", bad
    assert clean_answer(rating, [])[1] == "Select an answer"


def test_nps_runs_from_0_to_10(park):
    nps = question(park, "recommend")
    assert clean_answer(nps, ["0"])[0].number == 0.0
    assert clean_answer(nps, ["10"])[0].number == 10.0
    assert clean_answer(nps, ["11"])[1] == "Select a number from 0 to 10"
    assert clean_answer(nps, [])[1] is None  # optional


def test_yes_no_stores_text_and_number(park):
    visits = question(park, "visits")
    yes, error = clean_answer(visits, ["yes"])
    assert error is None
    assert (yes.text, yes.number) == ("yes", 1.0)
    no, _error = clean_answer(visits, ["no"])
    assert (no.text, no.number) == ("no", 0.0)
    assert clean_answer(visits, ["maybe"])[1] == "Select yes or no"
    assert clean_answer(visits, [])[1] == "Select yes or no"


def test_number_in_range_and_whole(park):
    often = question(park, "often")  # 1 to 31, whole
    assert clean_answer(often, [" 12 "])[0].number == 12.0
    assert clean_answer(often, ["0"])[1] == "Enter a number from 1 to 31"
    assert clean_answer(often, ["32"])[1] == "Enter a number from 1 to 31"
    assert clean_answer(often, ["2.5"])[1] == "Enter a whole number, like 12"
    assert clean_answer(often, ["twelve"])[1] == "Enter a number, like 12"
    assert clean_answer(often, ["1e3"])[1] == "Enter a number, like 12"


def test_decimal_number_with_a_locale_decimal_comma(app, make_survey):
    from feedback.extensions import db

    park = make_survey()
    often = question(park, "often")
    often.whole_number = False
    often.min_value, often.max_value = None, 100
    db.session.commit()
    with app.app_context(), app.test_request_context("/?lang=sq"):
        assert clean_answer(often, ["2,5"])[0].number == 2.5
        assert clean_answer(often, ["2.5"])[0].number == 2.5
        assert clean_answer(often, ["101"])[1] == "Shkruani një numër 100 ose më të vogël"
    with app.app_context(), app.test_request_context("/?lang=en"):
        assert clean_answer(often, ["2,5"])[0].number == 2.5  # a comma between digits is a decimal
        assert clean_answer(often, ["1,234"])[1] == "Enter a number of 100 or less"
    often.min_value, often.max_value = 10, None
    db.session.commit()
    with app.app_context(), app.test_request_context("/"):
        assert clean_answer(often, ["9.5"])[1] == "Enter a number of 10 or more"


def test_parse_number_reads_what_people_type(app):
    with app.app_context(), app.test_request_context("/?lang=es"):
        assert str(parse_number("3,75")) == "3.75"
        assert str(parse_number("-4")) == "-4"
        assert parse_number("") is None
        assert parse_number("abc") is None
        for odd in ("NaN", "Infinity", "-inf", "1e3", "9" * 400, "1_000"):
            assert parse_number(odd) is None, odd


def test_short_and_long_text_limits(park):
    name = question(park, "name_it")  # default 500
    comments = question(park, "comments")  # max_length 200
    assert clean_answer(name, ["x" * 500])[1] is None
    assert clean_answer(name, ["x" * 501])[1] == "Your answer must be 500 characters or fewer"
    kept, error = clean_answer(comments, ["y" * 201])
    assert error == "Your answer must be 200 characters or fewer"
    assert kept.text == "y" * 201  # what was typed comes back to the form
    assert clean_answer(comments, ["line one\r\nline two"])[0].text == "line one\nline two"
    assert clean_answer(comments, ["bad\x00byte"])[1] == (
        "Your answer contains characters that cannot be stored"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2024-03-27", date(2024, 3, 27)),
        ("27/3/2024", date(2024, 3, 27)),
        ("27.03.2024", date(2024, 3, 27)),
        ("27.03.2024.", date(2024, 3, 27)),
        ("27 3 2024", date(2024, 3, 27)),
        ("27-3-2024", date(2024, 3, 27)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("31/4/2024", None),
        ("32/1/2024", None),
        ("2024-13-01", None),
        ("yesterday", None),
        ("27/3/24", None),
    ],
)
def test_dates_typed_or_picked(typed, expected):
    assert parse_date(typed) == expected


def test_date_question_messages(park):
    day = question(park, "visit_day")
    assert clean_answer(day, ["2023-02-29"])[1] == "Enter a real date, for example 27 3 2024"
    assert clean_answer(day, ["27 3 2024"])[0].day == date(2024, 3, 27)
    assert clean_answer(day, [])[1] is None


def test_required_questions_say_what_is_missing(park):
    from feedback.extensions import db

    for code in ("often", "name_it", "visit_day", "likes"):
        question(park, code).required = True
    db.session.commit()
    assert clean_answer(question(park, "often"), [])[1] == "Enter a number"
    assert clean_answer(question(park, "name_it"), [""])[1] == "Enter an answer"
    assert clean_answer(question(park, "visit_day"), [])[1] == "Enter a date"
    assert clean_answer(question(park, "likes"), [])[1] == "Select at least one option"
