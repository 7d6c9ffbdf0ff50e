"""One submission arriving five times at once is stored once (a real threaded server)."""

from __future__ import annotations

import threading
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

from sqlalchemy import func, select

from feedback.answering.models import Answer, Draft, Response
from feedback.extensions import db
from tests.answering.conftest import FIRST_SCREEN, SECOND_SCREEN, form_fields

COPIES = 5


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser_like():
    """An opener that keeps cookies and reports redirects instead of following them."""
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
    )


def fetch(opener, url, data=None):
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=30) as reply:
            return reply.status, reply.headers.get("Location"), reply.read().decode()
    except urllib.error.HTTPError as reply:  # 3xx and 4xx arrive here without redirects
        return reply.code, reply.headers.get("Location"), reply.read().decode()


def test_five_simultaneous_copies_of_a_submission_store_one_response(live_server, make_survey):
    make_survey()
    opener = browser_like()
    status, _location, html = fetch(opener, f"{live_server}/s/park?lang=sq")
    assert status == 200
    status, location, _html = fetch(
        opener, f"{live_server}/s/park", {**form_fields(html), **FIRST_SCREEN, "action": "next"}
    )
    assert status == 302
    status, _location, html = fetch(opener, urllib.parse.urljoin(live_server, location))
    assert status == 200
    final = {**form_fields(html), **SECOND_SCREEN, "action": "submit"}

    start = threading.Barrier(COPIES)
    results = [None] * COPIES

    def post(index):
        start.wait()
        results[index] = fetch(opener, f"{live_server}/s/park", final)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = [r[0] for r in results]
    locations = {r[1] for r in results}
    assert statuses == [302] * COPIES, [r[2][:300] for r in results if r[0] != 302]
    assert len(locations) == 1
    assert locations.pop().endswith("/s/park/thanks?lang=sq")
    db.session.remove()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 10
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
