"""A resident on a phone (Pixel 5, Debian's Chromium) reads the Albanian results page and says
the summary reflects their experience; the page passes axe in every interface language."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from feedback.extensions import db
from feedback.programmes.models import Indicator, IndicatorSource
from feedback.results import findings, moderation
from feedback.results.models import ActionStatus, Verdict
from feedback.results.review import review_counts, vote
from tests.results.conftest import text_answer_id

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
UI_LANGUAGES = ("en", "es", "sq", "sr", "ar")


@pytest.fixture
def full_page(published, answer, programme):
    """A published survey in every interface language with figures, a quote, a finding,
    an action, an indicator and earlier community votes."""
    survey = published(languages=list(UI_LANGUAGES), codes=("area", "likes", "rating", "visits"))
    for n in range(7):
        answer(survey, area="north", rating=str(3 + n % 3), likes=["trees", "benches"])
    answer(survey, area="south", comments="The benches are lovely in the evening")
    quote = text_answer_id(survey, "The benches are lovely in the evening")
    moderation.approve(survey, "answer", quote)
    moderation.set_featured(survey, {quote})
    finding = findings.create_finding(
        {"en": "People want more shade.", "sq": "Njerëzit duan më shumë hije."},
        survey_id=survey.id,
        evidence_code="likes",
        published=True,
    )
    findings.save_action(
        finding,
        {"en": "Twenty trees planted.", "sq": "U mbollën njëzet pemë."},
        "Parks Department",
        ActionStatus.PLANNED,
        due_on=date(2026, 10, 1),
    )
    initiative = programme(survey)
    db.session.add(
        Indicator(
            initiative=initiative,
            label={"en": "Responses", "sq": "Përgjigje"},
            unit={"en": "responses", "sq": "përgjigje"},
            target=40,
            starts_on=date.today() - timedelta(days=10),
            due_on=date.today() + timedelta(days=30),
            source=IndicatorSource.RESPONSES_COUNT,
        )
    )
    for n in range(5):
        vote(survey, f"an-earlier-browser-{n:04d}", Verdict.YES)
    db.session.commit()
    return survey


def test_a_resident_agrees_with_the_albanian_summary_in_one_tap(page, live_server, full_page):
    page.set_default_timeout(10_000)
    page.goto(f"{live_server}/s/park/results?lang=sq")
    assert page.locator("html").get_attribute("lang") == "sq"
    assert page.locator("h1").inner_text() == "Parku i ri"
    assert "Njerëzit duan më shumë hije." in page.content()
    count = page.locator('dd[data-verdict="yes"]')
    assert re.search(r"\b5\b", count.inner_text())
    page.locator('button[name="verdict"][value="yes"]').click()
    page.wait_for_url(re.compile(r".*/s/park/results\?lang=sq#review$"))
    assert page.locator("html").get_attribute("lang") == "sq"
    assert re.search(r"\b6\b", page.locator('dd[data-verdict="yes"]').inner_text())
    assert page.locator('button[name="verdict"][value="yes"]').get_attribute("aria-pressed") == (
        "true"
    )
    # A second tap on the same phone does not count twice.
    page.locator('button[name="verdict"][value="yes"]').click()
    page.wait_for_load_state()
    assert review_counts(full_page)["yes"] == 6


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_the_public_results_page_passes_axe(page, live_server, full_page, lang):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{live_server}/s/park/results?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
