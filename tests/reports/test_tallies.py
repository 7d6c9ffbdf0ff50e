"""The running tallies always equal a full recount of the stored answers."""

from __future__ import annotations

import threading
from dataclasses import asdict

from sqlalchemy import func, select

from feedback.answering.services import load_survey, new_key, submit_response
from feedback.extensions import db
from feedback.reports.models import ReportTally
from feedback.reports.statistics import Filters, breakdown, summarize
from feedback.reports.tallies import recount


def snapshot(survey, filters=None, k=None):
    """Everything a summary shows, as plain values."""
    summary = summarize(survey, filters, k=k)
    plain = asdict(summary)
    for item in plain["questions"]:
        item["question"] = item["question"].code
    return plain


def tables(survey):
    questions = {q.code: q for q in survey.questions}
    out = []
    for code in ("area", "likes", "rating", "often", "recommend"):
        for by in (questions["area"], "language"):
            table = breakdown(survey, questions[code], by, k=1)
            out.append([(row.code, row.total, row.counts) for row in table.rows])
    return out


def test_incremental_tallies_equal_a_full_recount(five):
    filters = [None, Filters(segment=("area", "north")), Filters(language="sq")]
    before = [snapshot(five, f, k=1) for f in filters], tables(five)
    assert recount(five) == 5
    db.session.commit()
    after = [snapshot(five, f, k=1) for f in filters], tables(five)
    assert before == after


def test_recount_of_an_empty_survey(make_survey):
    survey = make_survey()
    before = snapshot(survey)
    assert recount(survey) == 0
    assert snapshot(survey) == before
    assert db.session.scalar(select(func.count()).select_from(ReportTally)) == 0


def test_simultaneous_responses_lose_no_count(app, make_survey):
    survey = make_survey()
    errors = []

    def submit(index):
        with app.app_context():
            try:
                fresh = load_survey("park")
                area = "north" if index % 3 else "south"
                values = {
                    "area": [area],
                    "visits": ["no"],
                    "rating": [str(1 + index % 5)],
                    "likes": ["trees", "lights"] if index % 2 else ["benches"],
                }
                submit_response(fresh, values, "en", new_key())
                db.session.commit()
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    db.session.expire_all()
    live = snapshot(survey, k=1)
    assert live["responses"] == 12
    recount(survey)
    db.session.commit()
    assert snapshot(survey, k=1) == live
