"""Exports of a survey's responses: CSV, XLSX and JSON, streamed batch by batch.

One row per response, one column per question code; multiple choice has one column per
option (``code__choice``, 1 or 0). Text a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

from openpyxl import Workbook
from sqlalchemy import select

from feedback.answering.models import Answer, Response
from feedback.i18n import localize
from feedback.reports.statistics import Filters, _segment_ids
from feedback.reports.tallies import iter_responses
from feedback.surveys.models import Question, QuestionKind, Survey

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED = ["response_id", "submitted_at", "language", "channel"]
CHUNK = 64 * 1024


def neutralise(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def columns(survey: Survey) -> list[tuple[str, Question, int | None]]:
    """(column name, question, choice id for multiple choice) of every question column."""
    out = []
    for question in survey.questions:
        if question.kind == QuestionKind.MULTIPLE:
            out.extend((f"{question.code}__{c.code}", question, c.id) for c in question.choices)
        else:
            out.append((question.code, question, None))
    return out


def response_filters(survey: Survey, filters: Filters | None) -> list:
    """SQL conditions on Response for the filters of the summary."""
    filters = filters or Filters()
    where = []
    if filters.since:
        where.append(Response.submitted_at >= datetime.combine(filters.since, time(), UTC))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
        where.append(Response.submitted_at < end)
    if filters.language:
        where.append(Response.language == filters.language)
    segment = _segment_ids(survey, filters.segment)
    if segment:
        where.append(
            Response.id.in_(
                select(Answer.response_id).where(
                    Answer.question_id == segment[0], Answer.choice_id == segment[1]
                )
            )
        )
    return where


def _plain_number(value: float | None):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _values(question: Question, rows: list, choice_codes: dict[int, str]):
    """The exported value of one question from its answer rows."""
    if question.kind == QuestionKind.SINGLE:
        return choice_codes.get(rows[0][1]) if rows else None
    if not rows:
        return None
    _qid, _cid, number, text, day = rows[0]
    if question.kind == QuestionKind.YESNO:
        return text
    if question.kind in (QuestionKind.RATING, QuestionKind.NPS, QuestionKind.NUMBER):
        return _plain_number(number)
    if question.kind == QuestionKind.DATE:
        return day.isoformat() if day else None
    return text


def iter_records(survey: Survey, filters: Filters | None = None) -> Iterator[dict]:
    """Each response as ``{"response_id", "submitted_at", "language", "channel", "answers":
    {code: value}}`` (multiple choice: a list of choice codes), in id order."""
    choice_codes = {c.id: c.code for q in survey.questions for c in q.choices}
    where = response_filters(survey, filters)
    for rid, submitted_at, language, rows, channel in iter_responses(
        survey.id, where=where, with_time=True
    ):
        by_question: dict[int, list] = {}
        for row in rows:
            by_question.setdefault(row[0], []).append(row)
        answers = {}
        for question in survey.questions:
            found = by_question.get(question.id, [])
            if question.kind == QuestionKind.MULTIPLE:
                answers[question.code] = [choice_codes[r[1]] for r in found] if found else None
            else:
                answers[question.code] = _values(question, found, choice_codes)
        yield {
            "response_id": rid,
            "submitted_at": submitted_at.isoformat(),
            "language": language,
            "channel": channel,
            "answers": answers,
        }


def _flat(survey: Survey, record: dict, cols) -> list:
    row = [record["response_id"], record["submitted_at"], record["language"], record["channel"]]
    answers = record["answers"]
    for name, question, choice_id in cols:
        value = answers.get(question.code)
        if choice_id is not None:
            code = name.split("__", 1)[1]
            row.append(None if value is None else int(code in value))
        else:
            row.append(neutralise(value))
    return row


def header(survey: Survey) -> list[str]:
    return FIXED + [name for name, _q, _c in columns(survey)]


def stream_csv(survey: Survey, filters: Filters | None = None) -> Iterator[str]:
    """The CSV text in chunks of about 64 KB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header(survey))
    cols = columns(survey)
    for record in iter_records(survey, filters):
        writer.writerow(_flat(survey, record, cols))
        if buffer.tell() > CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def stream_json(survey: Survey, filters: Filters | None = None) -> Iterator[str]:
    """A JSON array of response records, one record at a time."""
    yield "["
    first = True
    for record in iter_records(survey, filters):
        yield ("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "\n]\n"


def stream_xlsx(survey: Survey, filters: Filters | None = None, lang: str = "en"):
    """An XLSX workbook (openpyxl write-only mode): the responses, then a sheet of the
    questions and choice labels in ``lang``. Written to a temporary file, then read out."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("responses")
    sheet.append(header(survey))
    cols = columns(survey)
    for record in iter_records(survey, filters):
        sheet.append(_flat(survey, record, cols))
    questions = workbook.create_sheet("questions")
    questions.append(["code", "kind", "question", "choice", "label", "removed"])
    default = survey.default_language
    for question in survey.questions:
        asked = neutralise(localize(question.text, lang, default).text)
        removed = "yes" if question.removed_at else ""
        questions.append([question.code, question.kind.value, asked, None, None, removed])
        for choice in question.choices:
            label = neutralise(localize(choice.label, lang, default).text)
            questions.append(
                [question.code, None, None, choice.code, label, "yes" if choice.removed_at else ""]
            )
    with tempfile.TemporaryFile() as handle:
        workbook.save(handle)
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            yield chunk
