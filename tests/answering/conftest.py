"""Helpers for answering a survey through the test client."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.support import Translations

from feedback.config import ROOT

KEY_PATTERN = re.compile(r'name="submission_key" value="([^"]+)"')
STEP_PATTERN = re.compile(r'name="step" value="(\d+)"')
CSRF_PATTERN = re.compile(r'name="csrf_token" value="([^"]+)"')

#: Good answers for the two screens of the ``park`` survey (see ``simple_definition``).
FIRST_SCREEN = {"q-area": "north", "q-visits": "yes", "q-often": "4"}
SECOND_SCREEN = {
    "q-likes": ["trees", "benches"],
    "q-rating": "4",
    "q-recommend": "9",
    "q-name_it": "Green Corner",
    "q-comments": "More shade, please.",
    "q-visit_day": "2024-03-27",
}


def translated(message: str, lang: str) -> str:
    """What the shipped catalog says for ``message`` in ``lang`` (English when untranslated)."""
    if lang == "en":
        return message
    catalog = Translations.load(str(Path(ROOT) / "translations"), [lang])
    return catalog.gettext(message)


def form_fields(html: str) -> dict[str, str]:
    """The hidden fields every survey screen carries."""
    return {
        "csrf_token": CSRF_PATTERN.search(html).group(1),
        "submission_key": KEY_PATTERN.search(html).group(1),
        "step": STEP_PATTERN.search(html).group(1),
    }


def post_screen(client, html: str, answers: dict, action: str = "next", slug: str = "park"):
    """Post one screen's answers with the hidden fields of the page it came from."""
    data = {**form_fields(html), **answers, "action": action}
    return client.post(f"/s/{slug}", data=data)


@pytest.fixture
def survey(make_survey):
    return make_survey()


@pytest.fixture
def answer_all(client):
    """Answer both screens of the park survey; returns the thank-you redirect."""

    def run(lang: str | None = None, slug: str = "park"):
        first = client.get(f"/s/{slug}" + (f"?lang={lang}" if lang else ""))
        assert first.status_code == 200
        moved = post_screen(client, first.text, FIRST_SCREEN, slug=slug)
        assert moved.status_code == 302, moved.text
        second = client.get(moved.headers["Location"])
        done = post_screen(client, second.text, SECOND_SCREEN, action="submit", slug=slug)
        return second, done

    return run
