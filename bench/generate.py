"""Fill a benchmark database with N generated responses to the demo survey.

    .venv/bin/python bench/generate.py --n 1000000 [--db URL] [--days 120] [--reset]

Responses and answers go in with COPY on PostgreSQL and executemany on SQLite; the running
tallies are computed while generating (the same increments a stored response adds) and
written once at the end.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from common import SLUG, database_url, engine_name, make_app

BATCH = 20_000
TEXTS = [
    "More evening events please",
    '=HYPERLINK("http://example.com")',
    "The bus to the centre is too slow",
    "+1 for the library",
    "Thank you for listening",
]


def answer_rows(survey, rng: random.Random, day):
    """(question_id, choice_id, number, text, day) rows of one plausible response."""
    q = {question.code: question for question in survey.questions}
    rows = []

    def choose(code, weights=None):
        choices = q[code].choices
        return rng.choices(choices, weights=weights or [1] * len(choices))[0]

    rows.append(
        (
            q["neighbourhood"].id,
            choose("neighbourhood", [30, 25, 20, 12, 8, 3, 2]).id,
            None,
            None,
            None,
        )
    )
    if rng.random() < 0.9:
        rows.append((q["age_band"].id, choose("age_band").id, None, None, None))
    rows.append(
        (q["home_language"].id, choose("home_language", [40, 30, 15, 10, 5]).id, None, None, None)
    )
    attended = rng.random() < 0.6
    rows.append(
        (q["attended"].id, None, 1.0 if attended else 0.0, "yes" if attended else "no", None)
    )
    if attended:
        rows.append((q["events_count"].id, None, float(rng.randint(1, 50)), None, None))
        if rng.random() < 0.5:
            rows.append((q["last_event"].id, None, None, None, day - timedelta(days=3)))
        rows.append(
            (q["satisfaction"].id, None, float(rng.choice([1, 2, 3, 4, 4, 5, 5])), None, None)
        )
    for choice in rng.sample(q["topics"].choices, rng.randint(1, 3)):
        rows.append((q["topics"].id, choice.id, None, None, None))
    if rng.random() < 0.8:
        rows.append((q["recommend"].id, None, float(rng.randint(0, 10)), None, None))
    if rng.random() < 0.1:
        rows.append((q["idea"].id, None, None, rng.choice(TEXTS), None))
    if rng.random() < 0.1:
        rows.append((q["comments"].id, None, None, rng.choice(TEXTS), None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db")
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--reset", action="store_true", help="delete earlier responses first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    url = database_url(args.db)
    app = make_app(url)

    from sqlalchemy import delete, func, select

    from feedback.answering.models import Response
    from feedback.demo import load_demo
    from feedback.extensions import db
    from feedback.reports.models import ReportSegmentTally, ReportTally
    from feedback.reports.tallies import add_tallies, mark_current, response_increments, segment_ids

    with app.app_context():
        db.create_all()
        load_demo()
        db.session.commit()
        from feedback.answering.services import load_survey

        survey = load_survey(SLUG)
        if args.reset:
            for model in (ReportTally, ReportSegmentTally):
                db.session.execute(delete(model).where(model.survey_id == survey.id))
            db.session.execute(delete(Response).where(Response.survey_id == survey.id))
            db.session.commit()
        kinds = {question.id: question.kind for question in survey.questions}
        segments = set(segment_ids(survey))
        next_id = (db.session.scalar(select(func.max(Response.id))) or 0) + 1
        rng = random.Random(args.seed)
        start_day = datetime(2026, 1, 1, tzinfo=UTC)
        totals: Counter = Counter()
        postgres = url.startswith("postgresql")
        weights = [50, 25, 15, 10, 5, 5, 5][: len(survey.languages)]
        began = time.perf_counter()
        done = 0
        while done < args.n:
            size = min(BATCH, args.n - done)
            responses, answers = [], []
            for offset in range(size):
                rid = next_id + done + offset
                moment = start_day + timedelta(seconds=rng.randrange(args.days * 86400))
                language = rng.choices(survey.languages, weights=weights)[0]
                rows = answer_rows(survey, rng, moment.date())
                responses.append(
                    (rid, survey.id, f"bench-{args.seed}-{rid}", language, "web", moment)
                )
                answers.extend((rid, *row) for row in rows)
                response_increments(kinds, segments, rows, moment.date(), language, into=totals)
            write_batch(db, postgres, responses, answers)
            db.session.commit()
            done += size
            print(f"{done} responses, {time.perf_counter() - began:.0f} s", flush=True)
        add_tallies(survey.id, totals)
        mark_current(survey)
        if postgres:
            db.session.execute(
                db.text(
                    "SELECT setval(pg_get_serial_sequence('response', 'id'),"
                    " (SELECT max(id) FROM response))"
                )
            )
            db.session.execute(db.text("ANALYZE"))
        db.session.commit()
        print(
            f"{engine_name(url)}: {args.n} responses, {len(totals)} tallies "
            f"in {time.perf_counter() - began:.0f} s"
        )


def write_batch(db, postgres: bool, responses: list, answers: list) -> None:
    raw = db.session.connection().connection.driver_connection
    if postgres:
        with raw.cursor() as cursor:
            with cursor.copy(
                "COPY response (id, survey_id, submission_key, language, channel, submitted_at)"
                " FROM STDIN"
            ) as copy:
                for row in responses:
                    copy.write_row(row)
            with cursor.copy(
                "COPY answer (response_id, question_id, choice_id, number, text, day) FROM STDIN"
            ) as copy:
                for row in answers:
                    copy.write_row(row)
        return
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    raw.executemany(
        "INSERT INTO response (id, survey_id, submission_key, language, channel, submitted_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(*row[:5], row[5].strftime(fmt)) for row in responses],
    )
    raw.executemany(
        "INSERT INTO answer (response_id, question_id, choice_id, number, text, day)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(*row[:5], row[5].isoformat() if row[5] else None) for row in answers],
    )


if __name__ == "__main__":
    main()
