"""Rows per second and peak memory of the CSV export of every response of the demo survey.

    .venv/bin/python bench/export_csv.py [--db URL]

The export is read chunk by chunk from the streamed response (as a browser would), so the
peak resident memory (``ru_maxrss``) shows whether memory grows with the number of rows.
"""

from __future__ import annotations

import argparse
import resource
import time

from common import SLUG, database_url, engine_name, make_app
from summary import EMAIL, PASSWORD


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    args = parser.parse_args()
    url = database_url(args.db)
    app = make_app(url)

    from sqlalchemy import select

    from feedback.auth.models import User
    from feedback.auth.services import create_user
    from feedback.extensions import db
    from feedback.surveys.models import Survey

    with app.app_context():
        survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == SLUG))
        if not db.session.scalar(select(User).where(User.email == EMAIL)):
            create_user(EMAIL, PASSWORD, "official", "en")
            db.session.commit()
    client = app.test_client()
    assert client.post("/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 302
    before = peak_mb()
    began, began_cpu = time.perf_counter(), time.process_time()
    response = client.get(f"/reports/surveys/{survey_id}/export.csv", buffered=False)
    assert response.status_code == 200
    lines = 0
    size = 0
    for chunk in response.response:
        data = chunk if isinstance(chunk, bytes) else chunk.encode()
        lines += data.count(b"\n")
        size += len(data)
    response.close()
    elapsed = time.perf_counter() - began
    cpu = time.process_time() - began_cpu
    rows = lines - 1
    print(
        f"{engine_name(url)}: {rows} rows, {size / 1e6:.0f} MB of CSV in {elapsed:.1f} s: "
        f"{rows / elapsed:,.0f} rows/s ({rows / cpu:,.0f} rows per CPU second of this "
        f"process); peak RSS {peak_mb():.0f} MB "
        f"(before the export {before:.0f} MB)"
    )


if __name__ == "__main__":
    main()
