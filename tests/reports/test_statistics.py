"""Every statistic of the summary against figures worked out by hand (see FIVE)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from feedback.extensions import db
from feedback.reports.statistics import Filters, breakdown, summarize
from feedback.surveys.models import Choice


def by_code(summary):
    return {item.question.code: item for item in summary.questions}


def counts(item):
    return {c.code: (c.count, c.percent) for c in item.choices}


def test_taking_part_and_language_mix(five):
    summary = summarize(five)
    assert summary.responses == 5
    assert summary.by_language == [("en", 4), ("sq", 1)]
    today = datetime.now(UTC).date()
    assert summary.over_time == [(today, 5)]
    assert summary.protected is False


def test_single_choice_and_yes_no_counts_and_percentages(five):
    items = by_code(summarize(five))
    assert items["area"].answered == 5
    assert counts(items["area"]) == {"north": (3, 60.0), "south": (2, 40.0)}
    assert counts(items["visits"]) == {"yes": (3, 60.0), "no": (2, 40.0)}


def test_multiple_choice_counts_each_option_over_those_who_answered(five):
    likes = by_code(summarize(five))["likes"]
    assert likes.answered == 5
    assert counts(likes) == {"trees": (3, 60.0), "benches": (2, 40.0), "lights": (2, 40.0)}


def test_show_if_number_answered_by_few(five):
    often = by_code(summarize(five))["often"]
    assert often.answered == 3
    stats = often.number_stats
    assert (stats.min, stats.max, stats.mean, stats.median) == (2, 10, 5.33, 4)
    assert often.distribution == [(2.0, 1), (4.0, 1), (10.0, 1)]


def test_rating_scale_mean_median_distribution(five):
    rating = by_code(summarize(five))["rating"]
    assert rating.answered == 5
    assert rating.mean == 3.6
    assert rating.median == 4
    assert rating.distribution == [(1.0, 0), (2.0, 1), (3.0, 1), (4.0, 2), (5.0, 1)]


def test_recommendation_score_in_points(five):
    recommend = by_code(summarize(five))["recommend"]
    assert recommend.answered == 4
    assert (recommend.promoters, recommend.passives, recommend.detractors) == (50.0, 0.0, 50.0)
    assert recommend.nps == 0.0
    assert recommend.median == 7.5
    assert recommend.mean == 6.25


def test_open_text_and_dates_are_counted(five):
    items = by_code(summarize(five))
    assert items["name_it"].text_count == 1
    assert items["comments"].text_count == 1
    assert items["visit_day"].text_count == 1


def test_removed_questions_and_choices_keep_their_answers(five):
    question = next(q for q in five.questions if q.code == "visit_day")
    question.removed_at = datetime.now(UTC)
    lights = db.session.scalar(select(Choice).where(Choice.code == "lights"))
    lights.removed_at = datetime.now(UTC)
    db.session.commit()
    items = by_code(summarize(five))
    assert items["visit_day"].removed is True
    assert items["visit_day"].text_count == 1
    lights_stat = next(c for c in items["likes"].choices if c.code == "lights")
    assert (lights_stat.count, lights_stat.removed) == (2, True)


def test_empty_survey(make_survey):
    summary = summarize(make_survey())
    assert summary.responses == 0
    assert summary.by_language == []
    items = by_code(summary)
    assert items["area"].answered == 0
    assert counts(items["area"]) == {"north": (0, None), "south": (0, None)}
    assert items["rating"].mean is None
    assert items["rating"].median is None
    assert items["recommend"].nps is None
    assert items["often"].number_stats.min is None


def test_filter_by_segment_answer(five):
    summary = summarize(five, Filters(segment=("area", "north")), k=1)
    assert summary.responses == 3
    items = by_code(summary)
    assert counts(items["likes"]) == {
        "trees": (3, 100.0),
        "benches": (1, 33.3),
        "lights": (0, 0.0),
    }
    assert items["rating"].mean == round(13 / 3, 2)


def test_filter_by_language_and_date_range(make_survey, answer):
    survey = make_survey()
    answer(
        survey,
        {"area": "north", "visits": "no", "rating": "5", "likes": ["trees"]},
        day="2026-03-01",
    )
    answer(
        survey,
        {"area": "south", "visits": "no", "rating": "1", "likes": ["trees"]},
        language="sq",
        day="2026-03-05",
    )
    answer(
        survey,
        {"area": "south", "visits": "no", "rating": "3", "likes": ["lights"]},
        day="2026-03-09",
    )
    ranged = summarize(survey, Filters(since=date(2026, 3, 2), until=date(2026, 3, 9)), k=1)
    assert ranged.responses == 2
    assert [d for d, _n in ranged.over_time] == [date(2026, 3, 5), date(2026, 3, 9)]
    assert by_code(ranged)["rating"].mean == 2
    english = summarize(survey, Filters(language="en"), k=1)
    assert english.responses == 2
    assert by_code(english)["rating"].distribution[4] == (5.0, 1)


def test_breakdown_by_segment_and_by_language(five):
    questions = {q.code: q for q in five.questions}
    table = breakdown(five, questions["likes"], questions["area"], k=1)
    assert [c for c, _label in table.columns] == ["trees", "benches", "lights"]
    rows = {row.code: row for row in table.rows}
    assert rows["north"].total == 3
    assert rows["north"].counts == [3, 1, 0]
    assert rows["north"].percents == [100.0, 33.3, 0.0]
    assert rows["south"].counts == [0, 1, 2]
    assert rows["south"].percents == [0.0, 50.0, 100.0]
    by_language = breakdown(five, questions["visits"], "language", k=1)
    rows = {row.code: row for row in by_language.rows}
    assert rows["en"].counts == [2, 2]
    assert rows["sq"].counts == [1, 0]
