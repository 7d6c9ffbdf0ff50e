"""Keeping the running tallies: one UPSERT batch per stored response, and a full recount."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from feedback.answering.models import Answer, Response
from feedback.extensions import db
from feedback.reports.models import (
    ANSWERED,
    RESPONSES,
    ReportSegmentTally,
    ReportState,
    ReportTally,
)
from feedback.surveys.models import Question, QuestionKind, Survey

#: (question_id, choice_id, number, text, day) of one stored answer.
AnswerRow = tuple[int, int | None, float | None, str | None, date | None]
#: (segment_id, segment_choice_id, question_id, answer_key, day, language); segment 0 = all.
TallyKey = tuple[int, int, int, str, date, str]

BATCH = 5000
TALLY_COLUMNS = ("question_id", "answer_key", "day", "language")


def number_key(value: float) -> str:
    """The answer key of a number: ``n3`` for 3.0, ``n2.5`` for 2.5."""
    value = float(value)
    return f"n{int(value)}" if value.is_integer() else f"n{value!r}"


def segment_ids(survey: Survey) -> list[int]:
    """Ids of the questions (with choices) the survey breaks results down by."""
    return sorted(q.id for q in survey.questions if q.is_segment and q.kind.has_choices)


def segment_signature(survey: Survey) -> str:
    return ",".join(str(i) for i in segment_ids(survey))


def answer_keys(kind: QuestionKind, row: AnswerRow) -> list[str]:
    """The keys one answer row adds to (the "answered" key is added once per question)."""
    _qid, choice_id, number, text, _day = row
    if kind.has_choices:
        return [f"c{choice_id}"] if choice_id is not None else []
    if kind == QuestionKind.YESNO:
        return [text] if text in ("yes", "no") else []
    if kind in (QuestionKind.RATING, QuestionKind.NPS, QuestionKind.NUMBER):
        return [number_key(number)] if number is not None else []
    return []


def response_increments(
    kinds: dict[int, QuestionKind],
    segments: set[int],
    rows: list[AnswerRow],
    day: date,
    language: str,
    into: Counter | None = None,
) -> Counter:
    """The counters one response adds 1 to: each once overall (segment 0) and once per
    segment answer the response gave (added to ``into`` when given)."""
    keys: list[tuple[int, str]] = [(RESPONSES, "")]
    answered: set[int] = set()
    for row in rows:
        kind = kinds.get(row[0])
        if kind is None:
            continue
        if row[0] not in answered:
            answered.add(row[0])
            keys.append((row[0], ANSWERED))
        keys.extend((row[0], key) for key in answer_keys(kind, row))
    groups = [(0, 0)] + [(r[0], r[1]) for r in rows if r[0] in segments and r[1] is not None]
    counts: Counter = Counter() if into is None else into
    for segment_id, choice_id in groups:
        for question_id, key in keys:
            counts[(segment_id, choice_id, question_id, key, day, language)] += 1
    return counts


def _insert(model):
    dialect = db.session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model)


def _upsert(model, index_elements: list[str], rows: list[dict]) -> None:
    table = model.__table__
    statement = _insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=index_elements,
        set_={"count": table.c.count + statement.excluded.count},
    )
    for start in range(0, len(rows), BATCH):
        db.session.execute(statement, rows[start : start + BATCH])


def add_tallies(survey_id: int, counts: Counter) -> None:
    """Add counts to the tallies with ``INSERT ... ON CONFLICT DO UPDATE count = count + n``,
    which is atomic on both engines, so simultaneous responses never lose a count."""
    overall, by_segment = [], []
    for (segment_id, choice_id, question_id, key, day, language), n in counts.items():
        row = {
            "survey_id": survey_id,
            "question_id": question_id,
            "answer_key": key,
            "day": day,
            "language": language,
            "count": n,
        }
        if segment_id:
            row.update(segment_id=segment_id, segment_choice_id=choice_id)
            by_segment.append(row)
        else:
            overall.append(row)
    if overall:
        _upsert(ReportTally, ["survey_id", *TALLY_COLUMNS], overall)
    if by_segment:
        _upsert(
            ReportSegmentTally,
            ["survey_id", "segment_id", "segment_choice_id", *TALLY_COLUMNS],
            by_segment,
        )


def utc_day(moment: datetime) -> date:
    return moment.date()


def count_response(survey: Survey, response: Response, _cleaned=None) -> None:
    """RESPONSE_STORED_HOOKS entry: add one stored response to the tallies."""
    kinds = {q.id: q.kind for q in survey.questions}
    rows = [(a.question_id, a.choice_id, a.number, a.text, a.day) for a in response.answers]
    counts = response_increments(
        kinds, set(segment_ids(survey)), rows, utc_day(response.submitted_at), response.language
    )
    add_tallies(survey.id, counts)


def recount(survey: Survey) -> int:
    """Rebuild every tally of a survey from its stored answers; returns the responses counted.

    Reads the answers in batches, so memory grows with the number of distinct tallies, not
    with the number of responses.
    """
    db.session.execute(delete(ReportTally).where(ReportTally.survey_id == survey.id))
    db.session.execute(delete(ReportSegmentTally).where(ReportSegmentTally.survey_id == survey.id))
    kinds = {q.id: q.kind for q in survey.questions}
    segments = set(segment_ids(survey))
    totals: Counter = Counter()
    counted = 0
    for _response_id, day, language, rows, _channel in iter_responses(survey.id):
        response_increments(kinds, segments, rows, day, language, into=totals)
        counted += 1
    add_tallies(survey.id, totals)
    mark_current(survey)
    return counted


def iter_responses(survey_id: int, batch: int = 5000, where=None, with_time: bool = False):
    """Every response of a survey (matching ``where``) with its answer rows, in id order:
    (id, day or time, language, rows, channel). Plain Core queries: no ORM objects are
    built, so memory stays flat and it is fast."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        rows = _stream_aggregated(connection, survey_id, where)
    else:
        rows = _sqlite_aggregated(connection, survey_id, batch, where)
    for rid, submitted_at, language, channel, answers in rows:
        moment = submitted_at if with_time else utc_day(submitted_at)
        yield rid, moment, language, answers, channel


def _gathered(survey_id: int, where, *aggregates):
    """One row per response (id order): id, time, language, channel, then ``aggregates``
    over its answers."""
    r, a = Response.__table__.c, Answer.__table__.c
    query = (
        select(r.id, r.submitted_at, r.language, r.channel, *aggregates)
        .select_from(Response.__table__.outerjoin(Answer.__table__, a.response_id == r.id))
        .where(r.survey_id == survey_id)
        .group_by(r.id)
        .order_by(r.id)
    )
    return query.where(*where) if where else query


def _sqlite_aggregated(connection, survey_id: int, batch: int, where):
    """SQLite: each response's answers gathered by the database into a JSON array, read
    ``batch`` rows at a time (far fewer rows to fetch than one per answer)."""
    a = Answer.__table__.c
    answers = func.json_group_array(
        func.json_array(a.question_id, a.choice_id, a.number, a.text, a.day)
    ).filter(a.id.is_not(None))
    loads, to_date = json.loads, date.fromisoformat
    for part in connection.execute(_gathered(survey_id, where, answers)).partitions(batch):
        for rid, submitted_at, language, channel, gathered in part:
            rows = [
                (qid, cid, number, text, to_date(day) if day else None)
                for qid, cid, number, text, day in loads(gathered)
            ]
            yield rid, submitted_at, language, channel, rows


#: How COPY hands back the columns of :func:`_stream_aggregated`'s query.
_COPY_TYPES = [
    "int4",
    "timestamptz",
    "text",
    "text",
    "int4[]",
    "int4[]",
    "float8[]",
    "text[]",
    "date[]",
]


def _stream_aggregated(connection, survey_id: int, where):
    """PostgreSQL: each response's answers gathered by the server into arrays, streamed with
    COPY: the server keeps producing rows while Python writes them out (a server-side
    cursor would make each batch wait for the next)."""
    a = Answer.__table__.c
    # One group's arrays are filled from the same rows in the same order, so they line up;
    # ordering inside each aggregate would double the server's work.
    arrays = [func.array_agg(c) for c in (a.question_id, a.choice_id, a.number, a.text, a.day)]
    compiled = _gathered(survey_id, where, *arrays).compile(dialect=connection.dialect)
    raw = connection.connection.driver_connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY ({compiled.string}) TO STDOUT", compiled.params) as copy,
    ):
        copy.set_types(_COPY_TYPES)
        for rid, submitted_at, language, channel, qids, cids, numbers, texts, days in copy.rows():
            at = submitted_at.astimezone(UTC)
            if qids[0] is None:
                yield rid, at, language, channel, []
            else:
                rows = list(zip(qids, cids, numbers, texts, days, strict=True))
                yield rid, at, language, channel, rows


def mark_current(survey: Survey) -> None:
    state = db.session.get(ReportState, survey.id)
    if state is None:
        state = ReportState(survey_id=survey.id)
        db.session.add(state)
    state.segments = segment_signature(survey)
    db.session.flush()


def ensure_current(survey: Survey) -> bool:
    """Recount when the tallies were built with other segment questions (or never);
    returns whether it recounted (the caller commits)."""
    state = db.session.get(ReportState, survey.id)
    if state is not None and state.segments == segment_signature(survey):
        return False
    recount(survey)
    return True


def questions_by_id(survey: Survey) -> dict[int, Question]:
    return {q.id: q for q in survey.questions}
