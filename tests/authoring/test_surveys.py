import io
import json
from datetime import timedelta

from sqlalchemy import event, func, select

from feedback.answering.models import Answer, Draft, Response
from feedback.answering.services import new_key, submit_response
from feedback.audit.models import AuditEvent
from feedback.authoring import services
from feedback.authoring.slugs import slugify
from feedback.extensions import db
from feedback.surveys.definition import export_survey
from feedback.surveys.models import Survey, SurveyStatus
from feedback.timeutil import utcnow

ANSWERS = {"area": ["north"], "visits": ["no"], "rating": ["4"]}


def answer(survey, values=None, language="en"):
    response = submit_response(survey, values or ANSWERS, language, new_key())
    db.session.commit()
    return response


def survey_form(**overrides):
    data = {
        "title": "The new park",
        "slug": "",
        "default_language": "en",
        "languages": ["sq"],
        "introduction": "Tell us.",
        "thank_you": "Thanks.",
        "opens_at": "",
        "closes_at": "",
        "min_group_size": "5",
    }
    data.update(overrides)
    return data


def test_slugify_transliterates_serbian_cyrillic_and_strips_accents():
    assert slugify("Парк у Београду: анкета") == "park-u-beogradu-anketa"
    assert slugify("Çfarë mendoni për parkun?") == "cfare-mendoni-per-parkun"
    assert slugify("Ђурђевдан и Џеп") == "djurdjevdan-i-dzep"
    assert slugify("Straße, Œuvre") == "strasse-oeuvre"
    assert slugify("كيف حالك") == ""


def test_create_suggests_a_unique_slug_from_the_title(staff, make_survey):
    make_survey(slug="park-u-beogradu")
    response = staff.post("/manage/surveys/new", survey_form(title="Парк у Београду"))
    assert response.status_code == 302
    survey = db.session.scalar(select(Survey).where(Survey.slug != "park-u-beogradu"))
    assert survey.slug == "park-u-beogradu-2"
    assert survey.status == SurveyStatus.DRAFT
    assert survey.languages == ["en", "sq"]
    assert survey.title == {"en": "Парк у Београду"}
    assert len(survey.sections) == 1
    events = db.session.scalars(select(AuditEvent.action)).all()
    assert "survey.created" in events


def test_create_refuses_a_taken_or_malformed_slug_and_keeps_what_was_typed(staff, make_survey):
    make_survey()
    taken = staff.post("/manage/surveys/new", survey_form(slug="park", introduction="Kept"))
    assert taken.status_code == 200
    assert "Another survey already uses this address." in taken.text
    assert "Kept" in taken.text
    assert "<title>Error:" in taken.text
    bad = staff.post("/manage/surveys/new", survey_form(slug="Not A Slug!"))
    assert "Use only lower-case letters" in bad.text
    huge = staff.post("/manage/surveys/new", survey_form(title="x" * 100_000))
    assert huge.status_code in (200, 413)
    assert db.session.scalar(select(func.count(Survey.id))) == 1


def test_list_shows_status_languages_and_response_counts(staff, make_survey):
    park = make_survey()
    make_survey(slug="draft-one", status="draft")
    late = make_survey(slug="late", closes_at=(utcnow() - timedelta(days=1)).isoformat())
    answer(park)
    answer(park)
    page = staff.get("/manage/surveys")
    assert page.status_code == 200
    text = page.text
    assert "/s/park" in text
    assert "/s/draft-one" in text
    assert "/s/late" in text
    assert "Draft" in text
    assert "Open" in text
    assert "Closed" in text
    assert "en, sq" in text
    rows = {s.slug: n for s, n in services.list_surveys()}
    assert rows == {"park": 2, "draft-one": 0, "late": 0}
    assert late.availability() == "closed"


def test_listing_counts_responses_in_one_grouped_query(app, make_survey):
    for index in range(5):
        survey = make_survey(slug=f"s{index}")
        answer(survey)
    statements = []

    def count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        rows = services.list_surveys()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert [n for _s, n in rows] == [1] * 5
    assert len(statements) == 2


def test_slug_is_stable_once_the_survey_has_been_open(staff, make_survey):
    survey = make_survey(status="draft")
    staff.post(f"/manage/surveys/{survey.id}/edit", survey_form(slug="renamed"))
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).slug == "renamed"
    staff.post(f"/manage/surveys/{survey.id}/publish", {"confirm": "1"})
    staff.post(f"/manage/surveys/{survey.id}/close")
    page = staff.get(f"/manage/surveys/{survey.id}/edit")
    assert "readonly" in page.text
    assert "cannot change" in page.text
    staff.post(f"/manage/surveys/{survey.id}/edit", survey_form(slug="again", title="New title"))
    db.session.expire_all()
    stored = db.session.get(Survey, survey.id)
    assert stored.slug == "renamed"
    assert stored.title["en"] == "New title"
    assert stored.title["sq"] == "Parku i ri"  # other languages kept


def test_publish_close_reopen_are_recorded_and_shown(staff, make_survey):
    survey = make_survey(status="draft")
    staff.post(f"/manage/surveys/{survey.id}/publish", {"confirm": "1"})
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).status == SurveyStatus.OPEN
    staff.post(f"/manage/surveys/{survey.id}/close")
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).status == SurveyStatus.CLOSED
    staff.post(f"/manage/surveys/{survey.id}/publish", {"confirm": "1"})
    staff.post(f"/manage/surveys/{survey.id}/edit", survey_form(title="Renamed park"))
    page = staff.get(f"/manage/surveys/{survey.id}")
    history = page.text[page.text.index('id="history"') :]
    for label in ("Published", "Closed", "Reopened", "Edited the settings"):
        assert label in history
    assert "facilitator@example.org" in history
    edit_page = staff.get(f"/manage/surveys/{survey.id}/edit").text
    assert "Reopened" in edit_page[edit_page.index('id="history"') :]
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.object_id == survey.id).order_by(AuditEvent.id)
    ).all()
    assert actions == ["survey.published", "survey.closed", "survey.reopened", "survey.edited"]


def test_status_follows_the_dates(staff, make_survey):
    past = (utcnow() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    survey = make_survey()
    staff.post(
        f"/manage/surveys/{survey.id}/edit",
        survey_form(opens_at="2020-01-01T10:00", closes_at=past),
    )
    db.session.expire_all()
    stored = db.session.get(Survey, survey.id)
    assert stored.status == SurveyStatus.OPEN
    assert stored.availability() == "closed"
    assert "Closed" in staff.get(f"/manage/surveys/{survey.id}").text
    wrong = staff.post(
        f"/manage/surveys/{survey.id}/edit",
        survey_form(opens_at="2030-01-02T10:00", closes_at="2030-01-01T10:00"),
    )
    assert "The closing date must be after the opening date." in wrong.text


def test_sections_add_rename_reorder_and_delete_only_when_empty(staff, make_survey):
    survey = make_survey(status="draft")
    first, second = (s.id for s in survey.sections)
    staff.post(f"/manage/surveys/{survey.id}/sections", {"title": "Extra"})
    db.session.expire_all()
    sections = db.session.get(Survey, survey.id).sections
    assert [s.title.get("en") for s in sections] == ["About you", "Your views", "Extra"]
    extra = sections[2].id
    staff.post(
        f"/manage/surveys/{survey.id}/sections/{extra}/edit",
        {"title": "Last words", "description": ""},
    )
    moved = staff.post(f"/manage/surveys/{survey.id}/sections/{second}/move", {"direction": "up"})
    assert moved.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Survey, survey.id)
    assert [s.id for s in stored.sections] == [second, first, extra]
    assert [q.code for q in stored.questions][:2] == ["likes", "rating"]
    staff.post(f"/manage/surveys/{survey.id}/sections/{extra}/move", {"direction": "up"})
    db.session.expire_all()
    assert [s.id for s in db.session.get(Survey, survey.id).sections] == [second, extra, first]
    refused = staff.post(f"/manage/surveys/{survey.id}/sections/{first}/delete")
    assert refused.status_code == 302
    staff.post(f"/manage/surveys/{survey.id}/sections/{extra}/delete")
    db.session.expire_all()
    stored = db.session.get(Survey, survey.id)
    assert [s.id for s in stored.sections] == [second, first]
    assert stored.sections[1].title["en"] == "About you"
    page = staff.get(f"/manage/surveys/{survey.id}")
    assert "Last words" not in page.text
    assert "Only a section without questions can be deleted." in page.text


def test_duplicate_is_a_draft_with_a_new_slug_and_no_responses(staff, make_survey):
    survey = make_survey()
    answer(survey)
    response = staff.post(f"/manage/surveys/{survey.id}/duplicate")
    assert response.status_code == 302
    copy = db.session.scalar(select(Survey).where(Survey.id != survey.id))
    assert copy.slug == "park-copy"
    assert copy.status == SurveyStatus.DRAFT
    assert services.response_counts([copy.id]) == {}
    original, duplicated = export_survey(survey), export_survey(copy)
    for key in ("slug", "status"):
        original.pop(key), duplicated.pop(key)
    assert original == duplicated


def test_json_export_then_import_gives_an_equal_definition(staff, make_survey):
    survey = make_survey(status="draft")
    before = export_survey(survey)
    download = staff.get(f"/manage/surveys/{survey.id}/export.json")
    assert download.headers["Content-Disposition"] == 'attachment; filename="park.json"'
    assert json.loads(download.data) == before
    db.session.delete(survey)
    db.session.commit()
    response = staff.post(
        "/manage/surveys/import",
        {"definition": (io.BytesIO(download.data), "park.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    imported = db.session.scalar(select(Survey))
    assert export_survey(imported) == before
    assert "survey.imported" in db.session.scalars(select(AuditEvent.action)).all()


def test_import_lists_every_problem_and_imports_nothing(staff):
    definition = {"slug": "Bad Slug", "title": {}, "sections": [{"questions": [{"code": "1x"}]}]}
    response = staff.post(
        "/manage/surveys/import",
        {"definition": (io.BytesIO(json.dumps(definition).encode()), "bad.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "use lower-case letters, digits and hyphens" in response.text
    assert "needs a text in the default language" in response.text
    assert "must start with a letter" in response.text
    not_json = staff.post(
        "/manage/surveys/import",
        {"definition": (io.BytesIO(b"\xff{nope"), "x.json")},
        content_type="multipart/form-data",
    )
    assert "The file is not valid JSON." in not_json.text
    assert db.session.scalar(select(func.count(Survey.id))) == 0


def test_import_of_an_open_survey_is_a_draft(app, make_survey):
    definition = export_survey(make_survey())
    definition["slug"] = "park-again"
    imported = services.import_survey(definition, None)
    db.session.commit()
    assert imported.status == SurveyStatus.DRAFT


def test_preview_in_albanian_never_stores_or_counts_answers(staff, make_survey):
    survey = make_survey(status="draft")
    page = staff.get(f"/manage/surveys/{survey.id}/preview?lang=sq")
    assert page.status_code == 200
    assert "Ku jetoni?" in page.text
    assert "Pamje paraprake: përgjigjet e dhëna këtu nuk ruhen dhe nuk numërohen." in page.text
    url = f"/manage/surveys/{survey.id}/preview?lang=sq"
    empty = staff.post(url, {"step": "0", "action": "next"})
    assert empty.status_code == 200
    assert "error-summary" in empty.text
    moved = staff.post(url, {"step": "0", "action": "next", "q-area": "north", "q-visits": "no"})
    assert moved.status_code == 302
    assert "step=2" in moved.headers["Location"]
    done = staff.post(url, {"step": "1", "action": "submit", "q-rating": "4"})
    assert done.status_code == 302
    assert db.session.scalar(select(func.count(Response.id))) == 0
    assert db.session.scalar(select(func.count(Answer.id))) == 0
    assert db.session.scalar(select(func.count(Draft.id))) == 0
    assert services.response_counts() == {}


def test_delete_only_without_responses(staff, make_survey):
    kept = make_survey()
    answer(kept)
    staff.post(f"/manage/surveys/{kept.id}/delete")
    gone = make_survey(slug="gone", status="draft")
    staff.post(f"/manage/surveys/{gone.id}/delete")
    assert db.session.scalars(select(Survey.slug)).all() == ["park"]
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions == ["survey.deleted"]


def test_publish_warns_about_incomplete_languages(staff, make_survey):
    survey = make_survey(status="draft")  # "Lights" and a hint have no Albanian text
    incomplete = services.incomplete_languages(survey)
    assert set(incomplete) == {"sq"}
    assert 0 < incomplete["sq"] < 1
    page = staff.get(f"/manage/surveys/{survey.id}")
    assert "% translated" in page.text
    warned = staff.post(f"/manage/surveys/{survey.id}/publish")
    assert warned.status_code == 200
    assert "not fully translated" in warned.text
    assert "Shqip" in warned.text
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).status == SurveyStatus.DRAFT
    staff.post(f"/manage/surveys/{survey.id}/publish", {"confirm": "1"})
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).status == SurveyStatus.OPEN


def test_publish_without_warning_when_every_language_is_complete(staff, make_survey):
    survey = make_survey(status="draft", languages=["en"])
    response = staff.post(f"/manage/surveys/{survey.id}/publish")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).status == SurveyStatus.OPEN


def test_a_duplicate_starts_with_its_translations_reviewed_and_tracks_later_changes(
    staff, make_survey
):
    from feedback.translating.services import review_needed

    survey = make_survey()
    staff.post(f"/manage/surveys/{survey.id}/duplicate")
    copy = db.session.scalars(select(Survey).where(Survey.id != survey.id)).one()
    assert review_needed(copy, "sq") == set()
    copy.title = {**copy.title, "en": "The newer park"}
    db.session.commit()
    assert review_needed(copy, "sq") == {"survey.title"}


def test_survey_list_offers_every_way_to_start_a_survey(staff):
    page = staff.get("/manage/surveys")
    assert 'href="/manage/surveys/new"' in page.text
    assert 'href="/manage/surveys/import"' in page.text
    assert 'href="/manage/surveys/import-xlsform"' in page.text
