"""Files for translators: XLIFF, CSV and XLSX out and back in."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from openpyxl import Workbook, load_workbook

from feedback.extensions import db
from feedback.surveys.definition import export_survey
from feedback.translating import services, spreadsheet, xliff
from feedback.translating.imports import apply_import
from tests.conftest import csrf_from

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_xliff_export_is_valid_xliff_2_with_sources_and_targets(survey):
    root = ET.fromstring(xliff.export_xliff(survey, "sq"))  # noqa: S314 - our own output
    assert root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "sq")
    units = {u.get("id"): u for u in root.iterfind(".//x:unit", NS)}
    assert set(units) == {item.key for item in services.survey_strings(survey)}
    area = units["question.area.text"]
    assert area.find(".//x:source", NS).text == "Where do you live?"
    assert area.find(".//x:target", NS).text == "Ku jetoni?"
    assert units["question.area.hint"].find(".//x:target", NS) is None


def test_xliff_escapes_markup(survey):
    survey.title = {"en": "Parks & <b>gardens</b>", "sq": 'Parqe & "kopshte"'}
    db.session.commit()
    data = xliff.export_xliff(survey, "sq")
    assert b"&amp; &lt;b&gt;" in data
    root = ET.fromstring(data)  # noqa: S314 - our own output
    unit = root.find(".//x:unit[@id='survey.title']", NS)
    assert unit.find(".//x:source", NS).text == "Parks & <b>gardens</b>"


def test_unchanged_xliff_round_trip_changes_nothing(survey):
    before = export_survey(survey)
    report = xliff.read_xliff(survey, xliff.export_xliff(survey, "sq"))
    assert report.ok
    assert report.changes == []
    assert apply_import(survey, report) == 0
    db.session.commit()
    assert export_survey(survey) == before


def test_xliff_with_one_edited_target_changes_exactly_that_text(survey):
    before = export_survey(survey)
    data = xliff.export_xliff(survey, "sq").decode("utf-8")
    data = data.replace("<target>Ku jetoni?</target>", "<target>Ku banoni?</target>")
    report = xliff.read_xliff(survey, data.encode("utf-8"))
    assert report.changes == [("question.area.text", "sq", "Ku jetoni?", "Ku banoni?")]
    apply_import(survey, report)
    db.session.commit()
    after = export_survey(survey)
    before["sections"][0]["questions"][0]["text"]["sq"] = "Ku banoni?"
    assert after == before


def test_xliff_for_the_wrong_languages_is_refused(survey):
    data = xliff.export_xliff(survey, "sq").replace(b'trgLang="sq"', b'trgLang="de"')
    report = xliff.read_xliff(survey, data)
    assert not report.ok
    assert any("not translated into de" in why for _w, _c, why in report.problems)
    wrong_source = xliff.export_xliff(survey, "sq").replace(b'srcLang="en"', b'srcLang="fr"')
    assert not xliff.read_xliff(survey, wrong_source).ok


def test_xliff_with_entities_or_broken_xml_is_refused(survey):
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>'
    assert not xliff.read_xliff(survey, bomb).ok
    assert not xliff.read_xliff(survey, b"<xliff><unit").ok


def test_csv_has_a_column_per_language_and_neutralises_formulas(survey):
    survey.title = {"en": '=HYPERLINK("http://evil")', "sq": "+1 park"}
    db.session.commit()
    rows = _csv_rows(spreadsheet.export_csv(survey))
    assert rows[0] == ["key", "en", "sq"]
    title = next(r for r in rows if r[0] == "survey.title")
    assert title[1] == '\'=HYPERLINK("http://evil")'
    assert title[2] == "'+1 park"
    report = spreadsheet.read_csv(survey, spreadsheet.export_csv(survey))
    assert report.ok
    assert report.changes == []


def test_unchanged_csv_round_trip_changes_nothing(survey):
    before = export_survey(survey)
    report = spreadsheet.read_csv(survey, spreadsheet.export_csv(survey))
    assert report.ok
    assert report.changes == []
    apply_import(survey, report)
    db.session.commit()
    assert export_survey(survey) == before


def test_csv_with_one_edited_cell_changes_exactly_that_text(survey):
    before = export_survey(survey)
    rows = _csv_rows(spreadsheet.export_csv(survey))
    for row in rows:
        if row[0] == "choice.likes.lights.label":
            row[2] = "-Dritat"  # starts like a formula, typed by a translator
    report = spreadsheet.read_csv(survey, _csv_bytes(rows))
    assert report.changes == [("choice.likes.lights.label", "sq", "", "-Dritat")]
    apply_import(survey, report)
    db.session.commit()
    before["sections"][1]["questions"][0]["choices"][2]["label"]["sq"] = "-Dritat"
    assert export_survey(survey) == before


def test_csv_problems_are_reported_row_by_row_and_nothing_is_imported(make_survey):
    survey = make_survey(languages=["en", "sq", "sr"])
    rows = _csv_rows(spreadsheet.export_csv(survey))
    rows[0].append("de")
    rows[1][2] = "Titull i ri"  # a valid change that must not be stored
    rows.append(["question.nothing.text", "x", "y", "z", ""])
    rows[3][0] = "survey.bogus"
    report = spreadsheet.read_csv(survey, _csv_bytes(rows))
    assert not report.ok
    problems = {(where, column) for where, column, _why in report.problems}
    assert ("1", "E") in problems  # the German column
    assert (str(len(rows)), "C") in problems  # the unknown key, per language cell
    assert ("4", "C") in problems
    assert apply_import(survey, report) == 0
    db.session.commit()
    db.session.expire_all()
    assert survey.title["sq"] == "Parku i ri"


def test_a_file_made_against_an_older_source_stays_for_review(survey):
    services.record_baseline(survey)
    db.session.commit()
    rows = _csv_rows(spreadsheet.export_csv(survey))
    survey.title = {**survey.title, "en": "The new town park"}
    db.session.commit()
    for row in rows:
        if row[0] == "survey.title":
            row[2] = "Parku i ri i qytetit"
    report = spreadsheet.read_csv(survey, _csv_bytes(rows))
    apply_import(survey, report)
    db.session.commit()
    assert survey.title["sq"] == "Parku i ri i qytetit"
    assert "survey.title" in services.review_needed(survey, "sq")


def test_xlsx_round_trip_and_one_edit(survey):
    before = export_survey(survey)
    data = spreadsheet.export_xlsx(survey)
    report = spreadsheet.read_xlsx(survey, data)
    assert report.ok
    assert report.changes == []
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == ["key", "en", "sq"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "question.area.hint":
            row[2].value = "Zgjidhni zonën."
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = spreadsheet.read_xlsx(survey, buffer.getvalue())
    assert report.changes == [("question.area.hint", "sq", "", "Zgjidhni zonën.")]
    apply_import(survey, report)
    db.session.commit()
    before["sections"][0]["questions"][0]["hint"]["sq"] = "Zgjidhni zonën."
    assert export_survey(survey) == before


def test_xlsx_stores_formula_like_texts_as_text(survey):
    survey.title = {"en": "=1+1", "sq": "@park"}
    db.session.commit()
    sheet = load_workbook(io.BytesIO(spreadsheet.export_xlsx(survey))).active
    title = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "survey.title")
    assert title[1].data_type == "s"
    assert spreadsheet.read_xlsx(survey, spreadsheet.export_xlsx(survey)).changes == []


def test_a_broken_workbook_is_reported(survey):
    assert not spreadsheet.read_xlsx(survey, b"not a zip").ok
    workbook = Workbook()
    workbook.active.append(["code", "en"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert not spreadsheet.read_xlsx(survey, buffer.getvalue()).ok


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("translations/sq.xlf", "application/xliff+xml"),
        ("translations.csv", "text/csv"),
        ("translations.xlsx", "application/vnd.openxmlformats"),
    ],
)
def test_downloads(survey, client, facilitator, path, kind):
    response = client.get(f"/manage/surveys/{survey.id}/{path}")
    assert response.status_code == 200
    assert response.mimetype.startswith(kind)
    assert "attachment" in response.headers["Content-Disposition"]


def test_upload_page_imports_a_file(survey, client, facilitator):
    rows = _csv_rows(spreadsheet.export_csv(survey))
    for row in rows:
        if row[0] == "question.area.hint":
            row[2] = "Zgjidhni zonën."
    url = f"/manage/surveys/{survey.id}/translations/import"
    page = client.get(url)
    response = client.post(
        url,
        data={
            "csrf_token": csrf_from(page.text),
            "file": (io.BytesIO(_csv_bytes(rows)), "park.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    db.session.expire_all()
    question = next(q for q in survey.questions if q.code == "area")
    assert question.hint["sq"] == "Zgjidhni zonën."
    assert "Imported: 1 text changed." in client.get(response.headers["Location"]).text


def test_upload_page_shows_the_problems_as_a_table(survey, client, facilitator):
    url = f"/manage/surveys/{survey.id}/translations/import"
    page = client.get(url)
    response = client.post(
        url,
        data={
            "csrf_token": csrf_from(page.text),
            "file": (io.BytesIO(b"key,en,sq\r\nsurvey.nope,a,b\r\n"), "park.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "<title>Error:" in response.text
    assert "Unknown text key survey.nope." in response.text
    assert "<td>2</td>" in response.text
    missing = client.post(url, data={"csrf_token": csrf_from(page.text)})
    assert missing.status_code == 400
    assert "Choose a file to upload." in missing.text
