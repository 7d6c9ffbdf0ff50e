"""Seats under concurrency, over HTTP against the live server, on whichever engine runs.

200 people sign up at the same moment for 10 seats; cancellations race with sign-ups.
Each simulated phone has its own cookies and CSRF token.
"""

from __future__ import annotations

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.focus_groups.models import SEATED, FocusGroup, Signup, SignupStatus
from tests.conftest import csrf_from


class Phone:
    """One resident's browser: its own connection per request and its own cookie jar."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, value = header.split(";")[0].partition("=")
                self.cookies[name.strip()] = value
            return response.status, response.headers, text
        finally:
            connection.close()


def sign_up_at_once(base_url: str, group_id: int, people: int, barrier: threading.Barrier, n0=0):
    def one(i: int):
        phone = Phone(base_url)
        status, _headers, page = phone.request("GET", f"/focus-groups/{group_id}?lang=en")
        assert status == 200
        form = {
            "csrf_token": csrf_from(page),
            "name": f"Resident {n0 + i}",
            "email": f"resident{n0 + i}@example.org",
            "phone": "",
            "language": "en",
            "access_needs": "",
            "consent": "y",
        }
        barrier.wait(timeout=120)
        status, headers, text = phone.request("POST", f"/focus-groups/{group_id}", form)
        return status, headers.get("Location"), text

    return one


def counts(group_id: int) -> dict:
    db.session.expire_all()
    rows = db.session.execute(
        select(Signup.status, func.count())
        .where(Signup.focus_group_id == group_id)
        .group_by(Signup.status)
    ).all()
    return {SignupStatus(status): count for status, count in rows}


def assert_no_server_trouble(results, caplog):
    statuses = [r[0] for r in results]
    assert all(status < 500 for status in statuses), statuses
    assert "database is locked" not in caplog.text
    assert "Traceback" not in caplog.text


def release_database() -> None:
    """End this thread's transaction: on SQLite (BEGIN IMMEDIATE) even a read holds the lock."""
    db.session.commit()


def test_200_simultaneous_signups_for_10_seats(live_server, make_group, caplog):
    group = make_group(capacity=10)
    group_id = group.id
    release_database()
    people = 200
    barrier = threading.Barrier(people)
    one = sign_up_at_once(live_server, group_id, people, barrier)
    with ThreadPoolExecutor(max_workers=people) as pool:
        results = list(pool.map(one, range(people)))
    assert_no_server_trouble(results, caplog)
    assert [r[0] for r in results].count(303) == people
    by_status = counts(group.id)
    assert by_status.get(SignupStatus.CONFIRMED) == 10
    assert by_status.get(SignupStatus.WAITLISTED) == people - 10
    stored = db.session.get(FocusGroup, group.id)
    db.session.refresh(stored)
    assert stored.seats_taken == 10


def test_cancellations_racing_with_signups_leave_no_free_seat(
    live_server, make_group, sign_up, caplog
):
    group = make_group(capacity=10)
    seated = [sign_up(group) for _ in range(10)]
    waiting = [sign_up(group) for _ in range(10)]
    cancelling = seated[:6] + waiting[:2]
    newcomers = 30
    barrier = threading.Barrier(len(cancelling) + newcomers)
    join = sign_up_at_once(live_server, group.id, newcomers, barrier, n0=1000)
    tokens = [s.token for s in cancelling]
    release_database()

    def cancel(signup_token: str):
        phone = Phone(live_server)
        _status, _headers, page = phone.request("GET", f"/focus-groups/signup/{signup_token}")
        form = {"csrf_token": csrf_from(page)}
        barrier.wait(timeout=120)
        status, headers, text = phone.request(
            "POST", f"/focus-groups/signup/{signup_token}/cancel", form
        )
        return status, headers.get("Location"), text

    with ThreadPoolExecutor(max_workers=len(cancelling) + newcomers) as pool:
        futures = [pool.submit(cancel, t) for t in tokens]
        futures += [pool.submit(join, i) for i in range(newcomers)]
        results = [f.result() for f in futures]
    assert_no_server_trouble(results, caplog)
    by_status = counts(group.id)
    seated_now = sum(by_status.get(s, 0) for s in SEATED)
    stored = db.session.get(FocusGroup, group.id)
    db.session.refresh(stored)
    assert stored.seats_taken == seated_now
    assert seated_now == 10, by_status  # 22 still wait, so every seat must be taken
    assert by_status[SignupStatus.CANCELLED] == len(cancelling)
    assert by_status[SignupStatus.WAITLISTED] == 10 + newcomers - len(cancelling)
