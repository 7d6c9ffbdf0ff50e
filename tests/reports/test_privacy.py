"""Small groups stay hidden, and no hidden count can be worked out from what is shown."""

from __future__ import annotations

import random
import re

from feedback.auth.models import Role
from feedback.reports.privacy import protect_table, protect_vector, suppress
from feedback.reports.statistics import Filters, breakdown, summarize


def test_suppress_hides_only_small_groups():
    assert [suppress(n, 5) for n in (0, 1, 4, 5, 9)] == [0, None, None, 5, 9]


def test_a_single_small_cell_takes_the_next_smallest_with_it():
    assert protect_vector([10, 3, 12, 0], 5) == [None, None, 12, 0]
    assert protect_vector([3, 0, 0], 5) == [None, None, 0]


def _hidden_per_line(matrix):
    """Hidden cells in each row and column of more than one cell."""
    rows = [sum(v is None for v in row) for row in matrix if len(row) > 1]
    columns = []
    if len(matrix) > 1:
        columns = [sum(row[c] is None for row in matrix) for c in range(len(matrix[0]))]
    return rows + columns


def test_no_row_or_column_is_left_with_exactly_one_hidden_cell():
    rng = random.Random(5)
    for _ in range(300):
        height, width = rng.randint(1, 5), rng.randint(1, 6)
        matrix = [
            [rng.choice([0, 1, 2, 4, 5, 7, 20, 40]) for _ in range(width)] for _ in range(height)
        ]
        shown = protect_table(matrix, 5)
        assert 1 not in _hidden_per_line(shown), (matrix, shown)
        for raw, out in zip(matrix, shown, strict=True):
            for value, seen in zip(raw, out, strict=True):
                assert seen in (value, None)
                if 0 < value < 5:
                    assert seen is None


def _survey_with_small_south(make_survey, answer):
    survey = make_survey()
    for index in range(9):
        answer(
            survey,
            {"area": "north", "visits": "no", "rating": str(3 + index % 3), "likes": ["trees"]},
        )
    for rating in ("5", "4"):
        answer(survey, {"area": "south", "visits": "no", "rating": rating, "likes": ["trees"]})
    return survey


def test_breakdown_hides_small_cells_and_their_complements(make_survey, answer):
    survey = _survey_with_small_south(make_survey, answer)
    questions = {q.code: q for q in survey.questions}
    table = breakdown(survey, questions["rating"], questions["area"])
    south = next(row for row in table.rows if row.code == "south")
    assert south.total is None
    assert all(count in (None, 0) for count in south.counts)
    overall = summarize(survey)
    ratings = next(q for q in overall.questions if q.question.code == "rating")
    # Column by column: the official's unfiltered total minus the shown north cell must not
    # give the south cell away, so a hidden south cell always has a hidden north partner.
    north = next(row for row in table.rows if row.code == "north")
    for index, (_value, total) in enumerate(ratings.distribution):
        hidden = [row.counts[index] is None for row in (north, south)]
        assert sum(hidden) != 1, (index, total, north.counts, south.counts)


def test_filter_selecting_few_shows_nothing_but_fewer_than_k(
    make_survey, answer, make_user, login, client
):
    survey = _survey_with_small_south(make_survey, answer)
    summary = summarize(survey, Filters(segment=("area", "south")))
    assert summary.too_few is True
    assert summary.responses is None
    assert summary.questions == []
    login(make_user(Role.OFFICIAL))
    page = client.get(f"/reports/surveys/{survey.id}?segment=area%3Asouth")
    assert page.status_code == 200
    assert "Fewer than 5 responses match these filters" in page.text
    assert 'id="q-rating"' not in page.text


def test_breakdown_page_never_leaves_one_hidden_cell_in_a_line(
    make_survey, answer, make_user, login, client
):
    survey = _survey_with_small_south(make_survey, answer)
    login(make_user(Role.OFFICIAL))
    page = client.get(f"/reports/surveys/{survey.id}/questions/rating/breakdown?by=area")
    assert "fewer than 5" in page.text
    body = page.text.split("<tbody>")[1].split("</tbody>")[0]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r'<td class="number">(.*?)</td>', row, re.S)
        rows.append([None if "fewer than" in c else int(c.split("<br>")[0]) for c in cells])
    assert rows
    assert 1 not in _hidden_per_line(rows)
    assert '<td class="number">2' not in page.text  # the south row total


def test_public_summary_protects_every_count(make_survey, answer):
    survey = _survey_with_small_south(make_survey, answer)
    summary = summarize(survey, public=True)
    area = next(q for q in summary.questions if q.question.code == "area")
    assert {c.code: c.count for c in area.choices} == {"north": None, "south": None}
    assert summary.responses == 11
    assert summary.drafts is None
