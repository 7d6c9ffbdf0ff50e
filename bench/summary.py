"""Time the officials' summary page (with and without one breakdown) and count its queries.

    .venv/bin/python bench/summary.py [--db URL] [--runs 9]

Requests go through the Flask test client, signed in as an official; each figure is the
median of ``--runs`` timed requests after one warm-up request (wall clock, and the CPU time
of this process, which a machine shared with other work disturbs less). Queries are counted with a
``before_cursor_execute`` listener on the engine.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from common import SLUG, database_url, engine_name, make_app

EMAIL = "bench-official@example.org"
PASSWORD = "bench official password"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    url = database_url(args.db)
    app = make_app(url)

    from sqlalchemy import event, func, select

    from feedback.auth.models import User
    from feedback.auth.services import create_user
    from feedback.extensions import db
    from feedback.reports.models import RESPONSES, ReportTally
    from feedback.surveys.models import Survey

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == SLUG))
        if not db.session.scalar(select(User).where(User.email == EMAIL)):
            create_user(EMAIL, PASSWORD, "official", "en")
            db.session.commit()
        responses = db.session.scalar(
            select(func.sum(ReportTally.count)).where(
                ReportTally.survey_id == survey.id, ReportTally.question_id == RESPONSES
            )
        )
        tallies = db.session.scalar(select(func.count()).select_from(ReportTally))
        survey_id = survey.id
        queries = []
        event.listen(db.engine, "before_cursor_execute", lambda *_args, **_kw: queries.append(1))

    client = app.test_client()
    signed_in = client.post("/login", data={"email": EMAIL, "password": PASSWORD})
    assert signed_in.status_code == 302, signed_in.text
    base = f"/reports/surveys/{survey_id}"
    scenarios = [
        ("summary", base),
        (
            "summary + breakdown of satisfaction by neighbourhood",
            f"{base}?question=satisfaction&by=neighbourhood",
        ),
        ("breakdown page: topics by age band", f"{base}/questions/topics/breakdown?by=age_band"),
        ("summary filtered to one neighbourhood", f"{base}?segment=neighbourhood%3Ariverside"),
    ]
    print(
        f"{engine_name(url)}, {responses} responses, {tallies} overall tally rows, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print("| page | median ms | min ms | median CPU ms (this process) | SQL queries |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, path in scenarios:
        assert client.get(path).status_code == 200
        times, cpu = [], []
        for _ in range(args.runs):
            queries.clear()
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200
        print(
            f"| {label} | {statistics.median(times):.0f} | {min(times):.0f} "
            f"| {statistics.median(cpu):.0f} | {len(queries)} |"
        )


if __name__ == "__main__":
    main()
