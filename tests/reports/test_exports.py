"""Exports: one row per response, one column per question code, formulas neutralised,
filtered as on screen, and every download in the audit trail."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from openpyxl import load_workbook
from sqlalchemy import select

from feedback.audit.models import AuditEvent
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.reports.exports import neutralise


def test_neutralise_formula_starts():
    for text in ("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
    assert neutralise("plain") == "plain"
    assert neutralise(5) == 5


def test_csv_export(five, make_user, login, client):
    user = make_user(Role.OFFICIAL)
    login(user)
    response = client.get(f"/reports/surveys/{five.id}/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 5
    assert list(rows[0])[:5] == ["response_id", "submitted_at", "language", "channel", "area"]
    first, second, third = rows[0], rows[1], rows[2]
    assert (first["area"], first["visits"], first["often"], first["rating"]) == (
        "north",
        "yes",
        "2",
        "5",
    )
    assert (first["likes__trees"], first["likes__benches"], first["likes__lights"]) == (
        "1",
        "1",
        "0",
    )
    assert first["name_it"] == "Oak"
    assert first["visit_day"] == "2026-03-01"
    assert second["comments"] == '\'=HYPERLINK("http://x")'
    assert second["language"] == "sq"
    assert third["often"] == ""
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert (event.object_id, event.user_id, event.detail["format"]) == (five.id, user.id, "csv")


def test_filtered_export_matches_the_screen(five, make_user, login, client):
    login(make_user(Role.OFFICIAL))
    response = client.get(f"/reports/surveys/{five.id}/export.csv?segment=area%3Asouth")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["area"] for row in rows] == ["south", "south"]
    response = client.get(f"/reports/surveys/{five.id}/export.json?language=sq")
    records = json.loads(response.get_data(as_text=True))
    assert len(records) == 1
    assert records[0]["answers"]["likes"] == ["trees"]
    assert records[0]["answers"]["comments"] == '=HYPERLINK("http://x")'
    today = datetime.now(UTC).date()
    since = client.get(f"/reports/surveys/{five.id}/export.json?since={today.isoformat()}")
    assert len(json.loads(since.get_data(as_text=True))) == 5
    yesterday = (today - timedelta(days=1)).isoformat()
    until = client.get(f"/reports/surveys/{five.id}/export.json?until={yesterday}")
    assert json.loads(until.get_data(as_text=True)) == []


def test_xlsx_export_with_questions_sheet(five, make_user, login, client):
    login(make_user(Role.OFFICIAL))
    response = client.get(f"/reports/surveys/{five.id}/export.xlsx?labels=sq")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.get_data()), read_only=True)
    assert workbook.sheetnames == ["responses", "questions"]
    rows = list(workbook["responses"].iter_rows(values_only=True))
    assert len(rows) == 6
    header = rows[0]
    comments = rows[2][header.index("comments")]
    assert comments == '\'=HYPERLINK("http://x")'
    assert rows[1][header.index("often")] == 2
    questions = list(workbook["questions"].iter_rows(values_only=True))
    assert ("area", "single", "Ku jetoni?", None, None, None) in questions
    assert ("area", None, None, "north", "Veri", None) in questions
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [e.detail["format"] for e in events] == ["xlsx"]


def test_empty_export_has_the_header_only(make_survey, make_user, login, client):
    survey = make_survey()
    login(make_user(Role.FACILITATOR))
    text = client.get(f"/reports/surveys/{survey.id}/export.csv").get_data(as_text=True)
    assert text.splitlines()[0].startswith("response_id,submitted_at,language,channel,area,")
    assert len(text.splitlines()) == 1
    assert json.loads(client.get(f"/reports/surveys/{survey.id}/export.json").data) == []
