"""An official on a phone reads the summary, breaks a question down by neighbourhood and
downloads the CSV; the summary passes an automated accessibility audit."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from feedback.answering.services import load_survey, new_key, submit_response
from feedback.auth.models import Role
from feedback.demo import load_demo
from feedback.extensions import db

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def demo_with_answers(app):
    load_demo()
    db.session.commit()
    survey = load_survey("exchange-programme")
    places = ["riverside"] * 7 + ["northgate"] * 6 + ["eastwood"] * 2
    for index, place in enumerate(places):
        values = {
            "neighbourhood": [place],
            "home_language": ["albanian" if index % 2 else "english"],
            "attended": ["yes" if index % 3 else "no"],
            "topics": ["parks", "transport"] if index % 2 else ["education"],
            "recommend": [str(index % 11)],
            "comments": ["=1+1" if index == 0 else f"Comment {index}"],
        }
        if index % 3:
            values.update(events_count=[str(index)], satisfaction=[str(1 + index % 5)])
        submit_response(survey, values, "sq" if index % 4 == 0 else "en", new_key())
    db.session.commit()
    return survey


def test_official_reads_summary_breaks_down_and_downloads(
    page, live_server, demo_with_answers, make_user
):
    make_user(Role.OFFICIAL, email="official@example.org")
    db.session.remove()  # SQLite: no transaction of ours may hold the lock the server needs
    page.set_default_timeout(30_000)  # a shared test machine can be slow to hash passwords
    page.goto(f"{live_server}/login")
    page.fill("input[name=email]", "official@example.org")
    page.fill("input[name=password]", "correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto(f"{live_server}/reports/")
    page.get_by_role("link", name="Kosovo", exact=False).first.click()
    assert page.locator("h1").inner_text()
    assert page.locator("svg[role=img]").count() > 3

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1

    section = page.locator("#q-topics")
    section.locator("select[name=by]").select_option("neighbourhood")
    section.get_by_role("button", name="Break down").click()
    page.wait_for_url("**/questions/topics/breakdown?by=neighbourhood**")
    table = page.locator("table.report-table")
    assert "Riverside" in table.inner_text()
    assert "fewer than 5" in table.inner_text()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("link", name="Back to the summary").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 15
    assert rows[0]["comments"] == "'=1+1"
    assert {"topics__parks", "topics__education"} <= set(rows[0])
