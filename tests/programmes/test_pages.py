"""Programme pages: facilitators build programmes and indicators; officials and residents read
the progress."""

from datetime import date, timedelta

from sqlalchemy import select

from feedback.extensions import db
from feedback.programmes import services
from feedback.programmes.models import Indicator, IndicatorSource, IndicatorValue, Initiative
from feedback.results.models import Finding
from tests.conftest import csrf_from


def test_a_facilitator_creates_a_programme_linked_to_a_survey(client, make_survey, facilitator):
    survey = make_survey()
    page = client.get("/manage/programmes/new")
    assert page.status_code == 200
    token = csrf_from(page.text)
    refused = client.post(
        "/manage/programmes/new",
        data={"languages": "en, xx", "default_language": "en", "csrf_token": token},
    )
    assert refused.status_code == 400
    assert "Use language codes such as" in refused.text
    saved = client.post(
        "/manage/programmes/new",
        data={
            "languages": "en, sq",
            "default_language": "en",
            "name-en": "Teacher training exchanges",
            "name-sq": "Shkëmbime për trajnimin e mësuesve",
            "starts_on": "2026-01-01",
            "survey": [str(survey.id)],
            "csrf_token": token,
        },
    )
    assert saved.status_code == 302
    initiative = db.session.scalars(select(Initiative)).one()
    assert initiative.languages == ["en", "sq"]
    assert initiative.name["sq"] == "Shkëmbime për trajnimin e mësuesve"
    assert services.linked_survey_ids(initiative) == [survey.id]
    listing = client.get("/manage/programmes")
    assert "Teacher training exchanges" in listing.text


def test_a_programme_needs_a_name_in_its_main_language(client, facilitator):
    page = client.get("/manage/programmes/new")
    refused = client.post(
        "/manage/programmes/new",
        data={"languages": "en", "default_language": "en", "csrf_token": csrf_from(page.text)},
    )
    assert refused.status_code == 400
    assert "Enter the text in English" in refused.text
    assert db.session.scalars(select(Initiative)).all() == []


def test_indicator_form_checks_the_source_against_the_survey(
    client, make_survey, programme, facilitator
):
    survey = make_survey()
    initiative = programme(survey)
    url = f"/manage/programmes/{initiative.id}/indicators/new"
    token = csrf_from(client.get(url).text)
    base = {
        "label-en": "People who like the trees",
        "unit-en": "%",
        "target": "80",
        "starts_on": "2026-01-01",
        "due_on": "2026-12-31",
        "source": "choice_share",
        "survey_id": str(survey.id),
        "question_code": "likes",
        "csrf_token": token,
    }
    wrong = client.post(url, data={**base, "choice_codes": "trees, palms"})
    assert wrong.status_code == 400
    assert "Enter answer codes of that question: benches, lights, trees" in wrong.text
    backwards = client.post(url, data={**base, "choice_codes": "trees", "due_on": "2025-01-01"})
    assert "The due date must be after the start date" in backwards.text
    saved = client.post(url, data={**base, "choice_codes": "trees"})
    assert saved.status_code == 302
    indicator = db.session.scalars(select(Indicator)).one()
    assert (indicator.source, indicator.choice_codes, indicator.target) == (
        IndicatorSource.CHOICE_SHARE,
        ["trees"],
        80.0,
    )


def test_manual_values_are_entered_with_a_date_and_note(client, programme, facilitator):
    initiative = programme()
    indicator = Indicator(
        initiative=initiative,
        label={"en": "Residents reached"},
        unit={"en": "residents"},
        target=15000,
        starts_on=date(2026, 1, 1),
        due_on=date(2026, 5, 1),
        source=IndicatorSource.MANUAL,
    )
    db.session.add(indicator)
    db.session.commit()
    url = f"/manage/programmes/{initiative.id}/indicators/{indicator.id}/values"
    page = client.get(url)
    bad = client.post(
        url, data={"value": "lots", "recorded_on": "2026-02-01", "csrf_token": csrf_from(page.text)}
    )
    assert bad.status_code == 400
    assert "Error:" in bad.text.split("</title>")[0]
    client.post(
        url,
        data={
            "value": "4200",
            "recorded_on": "2026-02-01",
            "note": "Street stalls",
            "csrf_token": csrf_from(page.text),
        },
    )
    row = db.session.scalars(select(IndicatorValue)).one()
    assert (row.value, row.recorded_on, row.note, row.entered_by_id) == (
        4200.0,
        date(2026, 2, 1),
        "Street stalls",
        facilitator.id,
    )
    assert "Street stalls" in client.get(url).text


def _indicator_due_soon(initiative, **fields):
    today = date.today()
    indicator = Indicator(
        initiative=initiative,
        label={"en": "Responses collected", "sq": "Përgjigje të mbledhura"},
        unit={"en": "responses", "sq": "përgjigje"},
        target=100,
        starts_on=today - timedelta(days=50),
        due_on=today + timedelta(days=50),
        source=IndicatorSource.RESPONSES_COUNT,
        **fields,
    )
    db.session.add(indicator)
    db.session.commit()
    return indicator


def test_officials_read_progress_and_community_review(client, make_survey, programme, staff):
    survey = make_survey()
    initiative = programme(survey)
    _indicator_due_soon(initiative)
    staff("official")
    listing = client.get("/reports/programmes")
    assert listing.status_code == 200
    assert "Public spaces" in listing.text
    assert "Responses collected" in listing.text
    assert "Behind" in listing.text  # 0 of the 50 expected by now
    detail = client.get(f"/reports/programmes/{initiative.id}")
    assert "Parks and squares." in detail.text
    assert "community review" in detail.text
    assert client.get("/manage/programmes").status_code == 403


def test_residents_see_the_programme_indicators_on_the_results_page(client, published, programme):
    survey = published()
    _indicator_due_soon(programme(survey))
    page = client.get("/s/park/results?lang=sq")
    assert "Hapësirat publike" in page.text
    assert "Përgjigje të mbledhura" in page.text


def test_deleting_a_programme_removes_its_indicators(client, programme, facilitator):
    initiative = programme()
    _indicator_due_soon(initiative)
    page = client.get(f"/manage/programmes/{initiative.id}")
    client.post(
        f"/manage/programmes/{initiative.id}/delete", data={"csrf_token": csrf_from(page.text)}
    )
    db.session.expire_all()
    assert db.session.scalars(select(Initiative)).all() == []
    assert db.session.scalars(select(Indicator)).all() == []


def test_the_demo_programme_is_loaded_once(app):
    from feedback.demo import load_demo

    first = load_demo()
    db.session.commit()
    assert "programme: Kosovo exchange programme" in first
    assert "programme: Kosovo exchange programme" not in load_demo()
    initiative = db.session.scalars(select(Initiative)).one()
    assert len(initiative.indicators) == 3
    statuses = {p.status for p in services.programme_progress(initiative, date.today())}
    assert statuses <= {"on_track", "behind", "achieved", "no_data"}


def test_programme_findings_are_written_here_and_shown_on_linked_results_pages(
    client, published, programme, facilitator
):
    survey = published()
    initiative = programme(survey)
    listing = client.get(f"/manage/programmes/{initiative.id}/findings")
    assert listing.status_code == 200
    token = csrf_from(listing.text)
    saved = client.post(
        f"/manage/programmes/{initiative.id}/findings/new",
        data={
            "text-en": "Across the programme, evenings suit families best.",
            "text-sq": "Në të gjithë programin, mbrëmjet u përshtaten familjeve.",
            "evidence_code": "rating",
            "published": "y",
            "csrf_token": token,
        },
    )
    assert saved.status_code == 302
    finding = db.session.scalars(select(Finding)).one()
    assert (finding.initiative_id, finding.survey_id) == (initiative.id, None)
    client.post(
        f"/manage/programmes/{initiative.id}/findings/{finding.id}/actions/new",
        data={
            "text-en": "Events move to 18:00.",
            "owner": "Community Engagement Team",
            "status": "done",
            "done_on": "2026-03-01",
            "csrf_token": token,
        },
    )
    page = client.get("/s/park/results?lang=sq")
    assert "Në të gjithë programin, mbrëmjet u përshtaten familjeve." in page.text
    assert "Community Engagement Team" in page.text
    assert client.get(f"/manage/programmes/{initiative.id + 1}/findings").status_code == 404
