"""Indicator values from each source and progress against target and time, on fixed dates."""

from datetime import date

import pytest

from feedback.extensions import db
from feedback.programmes import services
from feedback.programmes.models import Indicator, IndicatorSource

START, DUE = date(2026, 1, 1), date(2026, 5, 1)  # 120 days


def add_indicator(initiative, source, target, **fields):
    indicator = Indicator(
        initiative=initiative,
        label={"en": "Residents reached", "sq": "Banorë të arritur"},
        unit={"en": "residents"},
        target=target,
        starts_on=fields.pop("starts_on", START),
        due_on=fields.pop("due_on", DUE),
        source=source,
        **fields,
    )
    db.session.add(indicator)
    db.session.commit()
    return indicator


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 12, 1), 0.0),  # before the start
        (date(2026, 1, 1), 0.0),
        (date(2026, 1, 31), 30.0),  # 30 of 120 days
        (date(2026, 3, 2), 60.0),
        (date(2026, 5, 1), 120.0),
        (date(2026, 9, 1), 120.0),  # after the due date
    ],
)
def test_expected_value_runs_steadily_from_baseline_to_target(programme, today, expected):
    indicator = add_indicator(programme(), IndicatorSource.MANUAL, 120)
    assert services.expected_value(indicator, today) == pytest.approx(expected)


def test_expected_value_starts_from_a_baseline(programme):
    indicator = add_indicator(programme(), IndicatorSource.MANUAL, 80, baseline=20)
    assert services.expected_value(indicator, date(2026, 3, 2)) == pytest.approx(50)


def test_responses_count_is_on_track_behind_or_achieved_by_date(programme, make_survey, answer):
    survey = make_survey()
    other = make_survey(slug="unlinked")
    for _ in range(3):
        answer(survey)
    answer(other)  # not part of the programme
    indicator = add_indicator(programme(survey), IndicatorSource.RESPONSES_COUNT, 12)
    assert services.current_value(indicator) == (3.0, "")
    # 12 over 120 days: 3 expected on day 30.
    assert services.progress(indicator, date(2026, 1, 31)).status == "on_track"
    assert services.progress(indicator, date(2026, 2, 1)).status == "behind"
    behind = services.progress(indicator, date(2026, 3, 2))
    assert (behind.current, behind.expected, behind.percent_of_target) == (3.0, 6.0, 25)
    for _ in range(9):
        answer(survey)
    assert services.progress(indicator, date(2026, 3, 2)).status == "achieved"


def test_choice_share_counts_people_not_ticks(programme, make_survey, answer):
    survey = make_survey()
    answer(survey, likes=["trees", "benches"])
    answer(survey, likes=["trees"])
    answer(survey, likes=["lights"])
    answer(survey, likes=["benches", "lights"])
    indicator = add_indicator(
        programme(survey),
        IndicatorSource.CHOICE_SHARE,
        80,
        survey_id=survey.id,
        question_code="likes",
        choice_codes=["trees", "benches"],
    )
    # 3 of the 4 who answered chose trees or benches.
    assert services.current_value(indicator)[0] == pytest.approx(75.0)
    assert services.progress(indicator, date(2026, 4, 1)).status == "on_track"
    assert services.progress(indicator, date(2026, 5, 1)).status == "behind"


def test_choice_share_of_a_yes_no_question(programme, make_survey, answer):
    survey = make_survey()
    answer(survey, visits="yes", often="2")
    answer(survey, visits="no")
    indicator = add_indicator(
        programme(survey),
        IndicatorSource.CHOICE_SHARE,
        50,
        survey_id=survey.id,
        question_code="visits",
        choice_codes=["yes"],
    )
    assert services.current_value(indicator)[0] == pytest.approx(50.0)
    assert services.progress(indicator, date(2026, 2, 1)).status == "achieved"


def test_scale_mean_and_no_data_before_any_answer(programme, make_survey, answer):
    survey = make_survey()
    indicator = add_indicator(
        programme(survey),
        IndicatorSource.SCALE_MEAN,
        4,
        baseline=3,
        survey_id=survey.id,
        question_code="rating",
    )
    assert services.progress(indicator, date(2026, 2, 1)).status == "no_data"
    answer(survey, rating="5")
    answer(survey, rating="2")
    answer(survey, rating="4")
    result = services.progress(indicator, date(2026, 3, 2))
    assert result.current == pytest.approx(11 / 3)
    assert result.expected == pytest.approx(3.5)
    assert result.status == "on_track"


def test_manual_values_use_the_latest_by_date(programme):
    indicator = add_indicator(programme(), IndicatorSource.MANUAL, 15000)
    services.add_value(indicator, 9000, date(2026, 3, 1), "Door knocking")
    services.add_value(indicator, 4000, date(2026, 2, 1), "Entered late")
    db.session.commit()
    result = services.progress(indicator, date(2026, 3, 2))
    assert result.current == 9000
    assert result.expected == pytest.approx(7500)
    assert result.status == "on_track"


def test_a_target_below_the_baseline_is_reached_by_going_down(programme):
    indicator = add_indicator(programme(), IndicatorSource.MANUAL, 10, baseline=40)
    services.add_value(indicator, 30, date(2026, 2, 1), "")
    db.session.commit()
    assert services.progress(indicator, date(2026, 1, 31)).status == "on_track"  # 32.5 expected
    assert services.progress(indicator, date(2026, 3, 2)).status == "behind"  # 25 expected
    services.add_value(indicator, 9, date(2026, 3, 1), "")
    db.session.commit()
    assert services.progress(indicator, date(2026, 3, 2)).status == "achieved"


def test_focus_group_attendance_without_linked_sessions_is_zero(programme):
    indicator = add_indicator(programme(), IndicatorSource.FOCUS_GROUP_ATTENDANCE, 100)
    value, _note = services.current_value(indicator)
    assert value == 0.0
    assert services.progress(indicator, date(2026, 1, 1)).status == "on_track"


def test_focus_group_attendance_counts_attended_sign_ups_of_linked_sessions(programme):
    from datetime import UTC, datetime

    from feedback.focus_groups.models import FocusGroup, Signup, SignupStatus
    from feedback.programmes.services import set_linked_focus_groups

    def session(title, statuses):
        group = FocusGroup(
            title={"en": title},
            starts_at=datetime(2026, 2, 1, 18, tzinfo=UTC),
            ends_at=datetime(2026, 2, 1, 20, tzinfo=UTC),
            capacity=20,
        )
        for n, status in enumerate(statuses):
            group.signups.append(
                Signup(token=f"{title}-{n}", status=status, name=f"Person {n}", consent=True)
            )
        db.session.add(group)
        db.session.flush()
        return group

    linked = session("linked", [SignupStatus.ATTENDED] * 3 + [SignupStatus.NO_SHOW])
    also = session("also", [SignupStatus.ATTENDED, SignupStatus.CONFIRMED])
    session("other", [SignupStatus.ATTENDED] * 5)
    initiative = programme()
    set_linked_focus_groups(initiative, {linked.id, also.id})
    db.session.commit()
    indicator = add_indicator(initiative, IndicatorSource.FOCUS_GROUP_ATTENDANCE, 8)
    result = services.progress(indicator, date(2026, 3, 2))
    assert result.current == 4.0
    assert result.expected == pytest.approx(4.0)
    assert result.status == "on_track"
