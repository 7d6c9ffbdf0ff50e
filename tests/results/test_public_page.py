"""The public results page: only when published, only approved texts, only protected counts."""

import re

from feedback.extensions import db
from feedback.results import findings, moderation, publication
from feedback.results.models import ActionStatus
from tests.results.conftest import text_answer_id

EMAIL = "neighbour@example.org"
PHONE = "+383 44 123 456"


def test_results_are_not_found_until_published(client, make_survey):
    survey = make_survey()
    assert client.get("/s/park/results").status_code == 404
    assert client.get("/s/nowhere/results").status_code == 404
    publication.set_public(survey, True)
    db.session.commit()
    assert client.get("/s/park/results").status_code == 200


def test_the_number_who_took_part_is_protected_below_k(client, published, answer):
    survey = published()
    for _ in range(4):
        answer(survey)
    page = client.get("/s/park/results")
    assert "Fewer than 5 people took part." in page.text
    assert "4 people" not in page.text
    answer(survey)
    assert "5 people took part." in client.get("/s/park/results").text


def test_published_questions_show_as_tables_with_small_counts_hidden(client, published, answer):
    survey = published(codes=("area", "rating"))
    for rating, times in (("5", 7), ("4", 6), ("1", 2)):
        for _ in range(times):
            answer(survey, area="north", rating=rating)
    page = client.get("/s/park/results")
    text = re.sub(r"\s+", " ", page.text)
    assert "15 people took part." in text
    assert "Where do you live?" in text
    assert "How good is it?" in text
    assert "What do you like?" not in text  # not chosen for publication
    assert '<th scope="row">North</th> <td class="numeric">15</td>' in text
    assert '<th scope="row">5</th> <td class="numeric">7</td>' in text
    assert '<th scope="row">1</th> <td class="numeric">fewer than 5</td>' in text
    # The next smallest is hidden too, so the small one cannot be worked out from the total.
    assert '<th scope="row">4</th> <td class="numeric">fewer than 5</td>' in text
    assert "13.3%" not in text
    assert "40%" not in text
    assert "bar-47" in text  # 7 of 15


def test_the_page_is_in_every_language_of_the_survey(client, published, answer):
    survey = published(codes=("area",))
    for _ in range(5):
        answer(survey, area="north")
    page = client.get("/s/park/results?lang=sq")
    assert '<html lang="sq"' in page.text
    assert "Parku i ri" in page.text
    assert "Ku jetoni?" in page.text
    assert "Veri" in page.text
    # Spanish is not a language of this survey: the page stays in one it offers.
    assert '<html lang="es"' not in client.get("/s/park/results?lang=es").text


def test_a_missing_translation_is_marked_with_its_language(client, published, answer):
    survey = published(codes=("likes",))
    for _ in range(5):
        answer(survey, likes=["lights"])
    page = client.get("/s/park/results?lang=sq")
    assert '<span lang="en" dir="ltr">Lights</span>' in page.text


def test_unapproved_texts_and_personal_data_never_reach_the_page(client, published, answer):
    survey = published()
    answer(survey, comments="Pending words stay private")
    answer(survey, comments="Hidden words stay private")
    answer(survey, comments=f"Mail me at {EMAIL} or ring {PHONE}")
    answer(survey, comments="Shown words, approved")
    answer(survey, name_it="Approved but not featured")
    hidden = text_answer_id(survey, "Hidden words stay private")
    personal = text_answer_id(survey, f"Mail me at {EMAIL} or ring {PHONE}")
    shown = text_answer_id(survey, "Shown words, approved")
    plain = text_answer_id(survey, "Approved but not featured")
    moderation.hide(survey, "answer", hidden)
    moderation.redact(survey, "answer", personal, "Mail me at […] or ring […]")
    moderation.approve(survey, "answer", shown)
    moderation.approve(survey, "answer", plain)
    moderation.set_featured(survey, {hidden, personal, shown})
    db.session.commit()

    for lang in ("en", "sq"):
        page = client.get(f"/s/park/results?lang={lang}").text
        assert "Shown words, approved" in page
        assert "Mail me at […] or ring […]" in page
        assert "Pending words stay private" not in page
        assert "Hidden words stay private" not in page
        assert "Approved but not featured" not in page
        assert EMAIL not in page
        assert "123 456" not in page


def test_a_quote_with_personal_data_is_dropped_even_if_approved_by_hand(client, published, answer):
    """A row approved without the service (say, an old import) is checked again on the page."""
    from feedback.results.models import ReviewStatus, TextReview

    survey = published()
    answer(survey, comments=f"Write to {EMAIL}")
    answer_id = text_answer_id(survey, f"Write to {EMAIL}")
    db.session.add(
        TextReview(
            answer_id=answer_id, survey_id=survey.id, status=ReviewStatus.APPROVED, featured=True
        )
    )
    db.session.commit()
    assert EMAIL not in client.get("/s/park/results").text


def test_published_findings_and_their_actions_are_shown(client, published):
    survey = published()
    shown = findings.create_finding(
        {"en": "Too few benches near the playground.", "sq": "Pak stola pranë këndit."},
        survey_id=survey.id,
        evidence_code="likes",
        published=True,
    )
    findings.save_action(
        shown,
        {"en": "Ten new benches this spring."},
        "Parks Department",
        ActionStatus.IN_PROGRESS,
    )
    findings.create_finding({"en": "A draft finding."}, survey_id=survey.id)
    db.session.commit()
    en = client.get("/s/park/results").text
    assert "Too few benches near the playground." in en
    assert "Ten new benches this spring." in en
    assert "Parks Department" in en
    assert "In progress" in en
    assert "A draft finding." not in en
    sq = client.get("/s/park/results?lang=sq").text
    assert "Pak stola pranë këndit." in sq
    assert '<p lang="en" dir="ltr">Ten new benches this spring.</p>' in sq


def test_the_public_json_never_holds_a_resident_text(client, published, answer):
    """Whatever the API returns without a token: no open-text answer, approved or not."""
    survey = published()
    for n in range(6):
        answer(survey, comments=f"Private remark number {n} from {EMAIL}", name_it="Secret Name")
    approved = text_answer_id(survey, f"Private remark number 0 from {EMAIL}")
    moderation.redact(survey, "answer", approved, "Private remark, redacted")
    db.session.commit()
    bodies = []
    for url in (
        "/api/v1/surveys",
        "/api/v1/surveys/park",
        "/api/v1/surveys/park/summary",
        "/s/park/results",
    ):
        response = client.get(url)
        assert response.status_code in (200, 401, 403, 404), url
        bodies.append(response.text)
    everything = "\n".join(bodies)
    assert "Private remark number" not in everything
    assert "Secret Name" not in everything
    assert EMAIL not in everything


def test_the_thank_you_page_links_to_published_results(client, make_survey):
    survey = make_survey()
    assert "/s/park/results" not in client.get("/s/park/thanks").text
    publication.set_public(survey, True)
    db.session.commit()
    assert "/s/park/results?lang=en" in client.get("/s/park/thanks").text
