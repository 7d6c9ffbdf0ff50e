"""Resident pages through the test client: languages, the switcher, steps, errors, submit."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from feedback.answering.models import Draft, Response
from feedback.extensions import db
from feedback.surveys.models import SurveyStatus
from feedback.timeutil import utcnow
from tests.answering.conftest import FIRST_SCREEN, SECOND_SCREEN, post_screen, translated

LANGUAGES = {"en": "ltr", "es": "ltr", "sq": "ltr", "sr": "ltr", "ar": "rtl"}
NAMES = {"en": "English", "es": "Español", "sq": "Shqip", "sr": "Српски", "ar": "العربية"}


def html_tag(page) -> str:
    return re.search(r"<html[^>]*>", page.text).group(0)


def responses() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


@pytest.fixture
def every_language_survey(make_survey):
    """The park survey offered in all five interface languages (content in en and sq only)."""
    return make_survey(languages=["en", "sq", "es", "sr", "ar"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_resident_page_in_each_language(client, every_language_survey, lang):
    direction = LANGUAGES[lang]
    expected = f'<html lang="{lang}" dir="{direction}">'
    home = client.get(f"/?lang={lang}")
    assert html_tag(home) == expected
    assert translated("Open surveys", lang) in home.text

    first = client.get(f"/s/park?lang={lang}")
    assert first.status_code == 200
    assert html_tag(first) == expected
    assert translated("Continue", lang) in first.text

    moved = post_screen(client, first.text, FIRST_SCREEN)
    second = client.get(moved.headers["Location"])
    assert html_tag(second) == expected
    step = translated("Step %(number)d of %(total)d", lang) % {"number": 2, "total": 2}
    assert step in second.text

    done = post_screen(client, second.text, SECOND_SCREEN, action="submit")
    assert done.status_code == 302
    assert f"lang={lang}" in done.headers["Location"]
    thanks = client.get(done.headers["Location"])
    assert html_tag(thanks) == expected
    assert translated("Thank you: your answers have been sent", lang) in thanks.text

    missing = client.get(f"/s/no-such-survey?lang={lang}")
    assert missing.status_code == 404
    assert html_tag(missing) == expected
    assert translated("Survey not found", lang) in missing.text

    unknown = client.get(f"/nowhere?lang={lang}")
    assert unknown.status_code == 404
    assert html_tag(unknown) == expected
    assert translated("Page not found", lang) in unknown.text


def test_content_missing_in_a_language_falls_back_marked_with_its_lang(
    client, every_language_survey
):
    page = client.get("/s/park?lang=ar")
    assert '<html lang="ar" dir="rtl">' in page.text
    # the title exists only in en and sq: shown in English, marked as English
    assert '<span lang="en" dir="ltr">The new park</span>' in page.text
    albanian = client.get("/s/park?lang=sq")
    assert "Parku i ri" in albanian.text
    assert '<span lang="en"' not in albanian.text.split("<form")[0]
    # the hint is English only: marked even on the Albanian page
    assert '<span lang="en" dir="ltr">Pick the nearest area.</span>' in albanian.text


def test_the_switcher_offers_plain_links_named_in_themselves(client, every_language_survey):
    page = client.get("/?lang=sq")
    switcher = page.text.split('class="language-switcher')[1].split("</nav>")[0]
    for code, name in NAMES.items():
        if code == "sq":
            assert (
                f'<span class="current-language" lang="sq" dir="ltr" aria-current="true">{name}'
                in switcher
            )
            continue
        assert f'href="/?lang={code}" lang="{code}" hreflang="{code}"' in switcher
        assert f">{name}</a>" in switcher
    assert "<script" not in switcher
    assert "<form" not in switcher


def test_a_survey_switcher_offers_only_its_languages(client, make_survey):
    make_survey()  # en and sq
    page = client.get("/s/park")
    switcher = page.text.split('class="language-switcher')[1].split("</nav>")[0]
    assert "Shqip" in switcher
    assert "English" in switcher
    assert "Español" not in switcher


def test_lang_parameter_is_remembered_in_a_cookie(client, every_language_survey):
    first = client.get("/?lang=es")
    cookie = first.headers["Set-Cookie"]
    assert cookie.startswith("lang=es")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    later = client.get("/")
    assert html_tag(later) == '<html lang="es" dir="ltr">'
    survey = client.get("/s/park")
    assert html_tag(survey) == '<html lang="es" dir="ltr">'


def test_unknown_lang_codes_are_ignored(client, make_survey):
    make_survey()
    page = client.get("/s/park?lang=xx%3Cscript%3E")
    assert page.status_code == 200
    assert html_tag(page) == '<html lang="en" dir="ltr">'
    assert "lang=xx" not in page.headers.get("Set-Cookie", "")


def test_language_order(client, make_survey, make_user, login):
    make_survey()  # offers en and sq, default en
    # Accept-Language matched against what the survey offers
    page = client.get("/s/park", headers={"Accept-Language": "es;q=1, sq;q=0.8"})
    assert html_tag(page).startswith('<html lang="sq"')
    # nothing offered matches: the survey's default
    page = client.get("/s/park", headers={"Accept-Language": "fr, de"})
    assert html_tag(page).startswith('<html lang="en"')
    # the cookie beats Accept-Language
    client.set_cookie("lang", "sq")
    page = client.get("/s/park", headers={"Accept-Language": "en"})
    assert html_tag(page).startswith('<html lang="sq"')
    # a signed-in user's setting beats the cookie
    login(make_user("facilitator", language="en"))
    page = client.get("/s/park", headers={"Accept-Language": "sq"})
    assert html_tag(page).startswith('<html lang="en"')
    # ?lang= beats everything
    page = client.get("/s/park?lang=sq")
    assert html_tag(page).startswith('<html lang="sq"')


def test_survey_default_language_when_the_browser_asks_for_nothing(client, make_survey):
    make_survey(default_language="sq", languages=["sq", "en"])
    page = client.get("/s/park")
    assert html_tag(page).startswith('<html lang="sq"')


def test_errors_link_to_fields_repeat_messages_and_keep_what_was_typed(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    page = post_screen(client, first.text, {"q-visits": "yes", "q-often": "99"})
    assert page.status_code == 200
    assert "<title>Error: The new park" in page.text
    summary = page.text.split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#q-area">Select an answer</a>' in summary
    assert '<a href="#q-often">Enter a number from 1 to 31</a>' in summary
    assert 'id="q-area"' in page.text
    assert 'id="q-often"' in page.text
    assert 'id="q-often-error" class="error-message"' in page.text
    assert 'aria-describedby="q-often-error"' in page.text
    assert 'value="99"' in page.text  # what they typed is kept
    assert re.search(r'value="yes" checked', page.text)
    assert "Step 1 of 2" in page.text


def test_errors_in_albanian(client, make_survey):
    make_survey()
    first = client.get("/s/park?lang=sq")
    page = post_screen(client, first.text, {})
    assert page.text.count(translated("Select an answer", "sq")) >= 2  # summary and field
    assert f"<title>{translated('Error:', 'sq')} Parku i ri" in page.text


def test_back_and_next_keep_answers(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    moved = post_screen(client, first.text, FIRST_SCREEN)
    assert moved.headers["Location"].endswith("/s/park?step=2")
    second = client.get(moved.headers["Location"])
    assert "Step 2 of 2" in second.text
    assert ">Back</button>" in second.text
    partial = {"q-rating": "2", "q-name_it": "Oak <corner>"}
    back = post_screen(client, second.text, partial, action="back")
    assert back.status_code == 302
    assert back.headers["Location"].endswith("/s/park?step=1")
    again = client.get(back.headers["Location"])
    assert "Step 1 of 2" in again.text
    assert 'value="north" checked' in again.text
    assert 'value="4"' in again.text
    forward = post_screen(client, again.text, FIRST_SCREEN)
    second_again = client.get(forward.headers["Location"])
    assert 'value="Oak &lt;corner&gt;"' in second_again.text
    assert re.search(r'name="q-rating" value="2" checked', second_again.text)


def test_coming_back_later_resumes_the_draft(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    post_screen(client, first.text, FIRST_SCREEN)
    resumed = client.get("/s/park")  # e.g. the tab was closed and opened again
    assert "Step 2 of 2" in resumed.text
    earlier = client.get("/s/park?step=1")
    assert 'value="north" checked' in earlier.text


def test_submit_then_resubmit_after_back_stores_one_response(client, make_survey, answer_all):
    make_survey()
    second, done = answer_all()
    assert done.status_code == 302
    assert done.headers["Location"].startswith("/s/park/thanks")
    assert responses() == 1
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
    # the browser's Back shows the old page again; the resident taps Submit once more
    again = post_screen(client, second.text, SECOND_SCREEN, action="submit")
    assert again.status_code == 302
    assert again.headers["Location"] == done.headers["Location"]
    # and a double tap sends it a third time
    post_screen(client, second.text, SECOND_SCREEN, action="submit")
    assert responses() == 1


def test_the_thank_you_page(client, make_survey, answer_all):
    make_survey()
    answer_all(lang="sq")
    page = client.get("/s/park/thanks?lang=sq")
    assert "Do t&#39;i lexojmë të gjitha." in page.text or "Do t'i lexojmë të gjitha." in page.text


def test_show_if_on_the_same_screen_is_decided_by_the_server(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    # JavaScript off: the dependent question is on the page, marked for enhancement
    assert 'data-show-if-question="q-visits"' in first.text
    assert 'id="q-often"' in first.text
    moved = post_screen(client, first.text, {"q-area": "south", "q-visits": "no", "q-often": "abc"})
    assert moved.status_code == 302  # a hidden question's nonsense is not an error
    second = client.get(moved.headers["Location"])
    post_screen(client, second.text, SECOND_SCREEN, action="submit")
    stored = db.session.scalar(select(Response))
    codes = {a.question_id for a in stored.answers}
    often = next(q for q in stored_survey_questions() if q.code == "often")
    assert often.id not in codes


def stored_survey_questions():
    from feedback.surveys.models import Question

    return db.session.scalars(select(Question)).all()


@pytest.mark.parametrize("lang", ["en", "sq"])
def test_closed_survey_is_gone_in_the_residents_language(client, make_survey, lang):
    make_survey(status="closed")
    page = client.get(f"/s/park?lang={lang}")
    assert page.status_code == 410
    assert html_tag(page).startswith(f'<html lang="{lang}"')
    assert translated("This survey has closed", lang) in page.text


def test_survey_past_its_closing_date_is_gone(client, make_survey):
    survey = make_survey()
    survey.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get("/s/park").status_code == 410
    posted = client.post("/s/park", data={"action": "submit"})
    assert posted.status_code == 410


@pytest.mark.parametrize("lang", ["en", "sq"])
def test_draft_scheduled_and_unknown_surveys_are_not_found(client, make_survey, lang):
    survey = make_survey(status="draft")
    page = client.get(f"/s/park?lang={lang}")
    assert page.status_code == 404
    assert translated("Survey not found", lang) in page.text
    assert "The new park" not in page.text
    assert "Parku i ri" not in page.text
    survey.status = SurveyStatus.OPEN
    survey.opens_at = utcnow() + timedelta(days=2)
    db.session.commit()
    page = client.get(f"/s/park?lang={lang}")
    assert page.status_code == 404
    assert translated("This survey is not open yet", lang) in page.text
    assert client.get(f"/s/park/thanks?lang={lang}").status_code == 200
    for slug in ("nothing", "..%2F..%2Fetc", "a" * 300, "%00"):
        assert client.get(f"/s/{slug}?lang={lang}").status_code == 404


def test_draft_survey_has_no_thank_you_page(client, make_survey):
    make_survey(status="draft")
    assert client.get("/s/park/thanks").status_code == 404


def test_expired_csrf_token_shows_the_form_again_with_answers(client, make_survey):
    make_survey()
    first = client.get("/s/park?lang=sq")
    answers = {"q-area": "south", "q-visits": "no"}
    data = {**post_fields(first.text), **answers, "csrf_token": "expired-or-forged"}
    page = client.post("/s/park", data=data)
    assert page.status_code == 400
    assert (
        translated(
            "This page was open for a long time, so for your security we did not save it yet. "
            "Your answers are still here: check them and continue.",
            "sq",
        ).replace("'", "&#39;")
        in page.text
    )
    assert 'value="south" checked' in page.text
    assert re.search(r'value="no" checked', page.text)
    # nothing stored: no draft, no response
    assert responses() == 0
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
    # continuing from the re-shown form (it carries a fresh token) works
    moved = post_screen(client, page.text, FIRST_SCREEN)
    assert moved.status_code == 302


def test_missing_csrf_token_is_handled_the_same_way(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    data = {**post_fields(first.text), **FIRST_SCREEN}
    del data["csrf_token"]
    page = client.post("/s/park", data=data)
    assert page.status_code == 400
    assert 'value="north" checked' in page.text


def post_fields(html):
    from tests.answering.conftest import form_fields

    return form_fields(html)


def test_bad_submission_keys_and_choices_never_give_a_500(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    fields = post_fields(first.text)
    bad_key = client.post("/s/park", data={**fields, "submission_key": "short"})
    assert bad_key.status_code == 400
    odd = {**fields, "q-area": "999", "q-visits": ["yes", "no"], "q-often": "NaN", "step": "x"}
    page = client.post("/s/park", data=odd)
    assert page.status_code == 200
    assert "Select one of the options shown" in page.text
    assert "Select yes or no" in page.text
    far = client.post("/s/park", data={**fields, "step": "99", "action": "next"})
    assert far.status_code in (200, 302)
    assert responses() == 0


def test_a_pasted_document_is_refused_with_its_limit(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    moved = post_screen(client, first.text, FIRST_SCREEN)
    second = client.get(moved.headers["Location"])
    page = post_screen(
        client, second.text, {**SECOND_SCREEN, "q-comments": "word " * 5000}, action="submit"
    )
    assert page.status_code == 200
    assert "Your answer must be 200 characters or fewer" in page.text
    assert "word word" in page.text  # kept so they can cut it down
    assert responses() == 0


def test_character_count_without_javascript(client, make_survey):
    make_survey()
    first = client.get("/s/park")
    moved = post_screen(client, first.text, FIRST_SCREEN)
    second = client.get(moved.headers["Location"])
    assert "You can enter up to 200 characters" in second.text
    assert 'aria-describedby="q-comments-count"' in second.text


def test_reading_a_survey_stores_nothing(client, make_survey):
    make_survey()
    for _ in range(3):
        page = client.get("/s/park")
        assert page.status_code == 200
    assert "draft=" not in page.headers.get("Set-Cookie", "")
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 0


def test_required_questions_are_marked_in_words(client, make_survey):
    make_survey()
    page = client.get("/s/park?lang=sq")
    marked = translated("(required)", "sq")
    assert page.text.count(f'<span class="required">{marked}</span>') == 2  # area, visits


def test_buttons_are_never_disabled(client, make_survey):
    make_survey()
    page = client.get("/s/park")
    assert "disabled" not in page.text


def test_a_question_whose_parent_is_hidden_is_not_on_the_page(client, make_survey):
    from tests.answering.test_services import chain_definition

    pets = chain_definition()[0]["questions"]
    sections = [
        {"title": {"en": "Pets"}, "questions": [pets[0]]},
        {"title": {"en": "More"}, "questions": pets[1:]},
    ]
    make_survey(slug="pets", sections=sections)
    first = client.get("/s/pets")
    moved = post_screen(client, first.text, {"q-pet": "cat"}, slug="pets")
    second = client.get(moved.headers["Location"])
    assert 'id="q-furry"' in second.text
    assert 'id="q-dog_name"' not in second.text
    assert 'id="q-dog_age"' not in second.text  # its own rule holds, but its parent is hidden
    done = post_screen(client, second.text, {"q-dog_age": "4"}, action="submit", slug="pets")
    assert done.status_code == 302
    # a dog: both appear, the second wired to the first for live show-if
    client.get("/s/pets")
    first = client.get("/s/pets?step=1")
    moved = post_screen(client, first.text, {"q-pet": "dog"}, slug="pets")
    second = client.get(moved.headers["Location"])
    assert 'id="q-dog_name"' in second.text
    assert 'data-show-if-question="q-dog_name"' in second.text


def test_the_demo_survey_page_fits_the_weight_budget(client, app):
    """HTML, CSS and JS of the demo survey page: at most 30 KB gzipped, nothing third-party."""
    import gzip

    from feedback.demo import load_demo

    load_demo()
    db.session.commit()
    page = client.get("/s/exchange-programme?lang=sq")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert sorted(assets) == ["/static/site.css", "/static/site.js"]
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page.text.split("<main")[0])
    assert "@font-face" not in client.get("/static/site.css").text
    bodies = [page.data] + [client.get(path).data for path in assets]
    total = sum(len(gzip.compress(body)) for body in bodies)
    assert total <= 30 * 1024, total
