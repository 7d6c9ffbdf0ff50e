"""Keeping the running tallies: one UPSERT batch per stored response, and a full recount."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy import delete, select
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
    """Every response of a survey (matching ``where``) with its answer rows, read in id
    order batch by batch: (id, day or time, language, rows, channel). Plain Core queries:
    no ORM objects are built, so memory stays flat and it is fast."""
    responses, answers_table = Response.__table__, Answer.__table__
    connection = db.session.connection()
    last = 0
    while True:
        query = (
            select(
                responses.c.id, responses.c.submitted_at, responses.c.language, responses.c.channel
            )
            .where(responses.c.survey_id == survey_id, responses.c.id > last)
            .order_by(responses.c.id)
            .limit(batch)
        )
        if where:
            query = query.where(*where)
        heads = connection.execute(query).all()
        if not heads:
            return
        a = answers_table.c
        answers: dict[int, list[AnswerRow]] = {}
        for rid, qid, cid, number, text, day in connection.execute(
            select(a.response_id, a.question_id, a.choice_id, a.number, a.text, a.day)
            .where(a.response_id.between(heads[0][0], heads[-1][0]))
            .order_by(a.response_id, a.id)
        ):
            answers.setdefault(rid, []).append((qid, cid, number, text, day))
        for rid, submitted_at, language, channel in heads:
            moment = submitted_at if with_time else utc_day(submitted_at)
            yield rid, moment, language, answers.get(rid, []), channel
        last = heads[-1][0]


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
