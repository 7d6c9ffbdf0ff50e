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


NUMERIC = ("rating", "nps", "number")


def _plan(survey: Survey) -> list[tuple[int, str, str, list[tuple[int, str]]]]:
    """(question id, code, kind, [(choice id, code)]) of every question, as plain values:
    the per-row loop then touches no ORM attribute."""
    return [
        (q.id, q.code, q.kind.value, [(c.id, c.code) for c in q.choices]) for q in survey.questions
    ]


def _answers(rows: list) -> dict[int, list]:
    by_question: dict[int, list] = {}
    for qid, cid, number, text, day in rows:
        by_question.setdefault(qid, []).append((cid, number, text, day))
    return by_question


def _value(kind: str, found: list, codes: dict[int, str]):
    """The exported value of one (non-multiple) question from its answer rows."""
    cid, number, text, day = found[0]
    if kind == "single":
        return codes.get(cid)
    if kind in NUMERIC:
        return _plain_number(number)
    if kind == "date":
        return day.isoformat() if day else None
    return text  # yes/no and texts


def iter_rows(survey: Survey, filters: Filters | None = None):
    """Each response as a flat row under :func:`header`; text that could run as a formula
    is neutralised. One pass over each response's answer rows into a copy of an empty row:
    the hot loop of every export."""
    plan = _plan(survey)
    codes = {cid: code for *_q, choices in plan for cid, code in choices}
    slots: dict[int, tuple[str, int, dict[int, int] | None, int]] = {}
    position = len(FIXED)
    for qid, _code, kind, choices in plan:
        if kind == "multiple":
            options = {cid: position + i for i, (cid, _c) in enumerate(choices)}
            slots[qid] = (kind, position, options, position + len(choices))
            position += len(choices)
        else:
            slots[qid] = (kind, position, None, position + 1)
            position += 1
    empty = [None] * position
    where = response_filters(survey, filters)
    for rid, at, language, rows, channel in iter_responses(survey.id, where=where, with_time=True):
        out = empty.copy()
        out[0], out[1], out[2], out[3] = rid, at.isoformat(), language, channel
        for qid, cid, number, text, day in rows:
            spec = slots.get(qid)
            if spec is None:
                continue
            kind, slot, options, end = spec
            if kind == "multiple":
                if out[slot] is None:  # answered: every option is 0 unless chosen
                    out[slot:end] = [0] * (end - slot)
                out[options[cid]] = 1
            elif kind == "single":
                out[slot] = codes.get(cid)
            elif kind in NUMERIC:
                out[slot] = _plain_number(number)
            elif kind == "date":
                out[slot] = day.isoformat() if day else None
            else:  # yes/no and texts: only these hold what a resident typed
                out[slot] = neutralise(text)
        yield out


def iter_records(survey: Survey, filters: Filters | None = None) -> Iterator[dict]:
    """Each response as ``{"response_id", "submitted_at", "language", "channel", "answers":
    {code: value}}`` (multiple choice: a list of choice codes), in id order."""
    plan = _plan(survey)
    codes = {cid: code for *_q, choices in plan for cid, code in choices}
    where = response_filters(survey, filters)
    for rid, at, language, rows, channel in iter_responses(survey.id, where=where, with_time=True):
        by_question = _answers(rows)
        answers = {}
        for qid, code, kind, choices in plan:
            found = by_question.get(qid)
            if found is None:
                answers[code] = None
            elif kind == "multiple":
                chosen = {f[0] for f in found}
                answers[code] = [choice for cid, choice in choices if cid in chosen]
            else:
                answers[code] = _value(kind, found, codes)
        yield {
            "response_id": rid,
            "submitted_at": at.isoformat(),
            "language": language,
            "channel": channel,
            "answers": answers,
        }


def header(survey: Survey) -> list[str]:
    return FIXED + [name for name, _q, _c in columns(survey)]


def stream_csv(survey: Survey, filters: Filters | None = None) -> Iterator[str]:
    """The CSV text in chunks of about 64 KB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header(survey))
    for row in iter_rows(survey, filters):
        writer.writerow(row)
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
    for row in iter_rows(survey, filters):
        sheet.append(row)
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
