"""Keeping the running tallies: one UPSERT batch per stored response, and a full recount."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from feedback.answering.models import Answer, Response
from feedback.extensions import db
from feedback.reports.models import (
    ANSWERED,
    RESPONSES,
    ReportProfileChoice,
    ReportState,
    ReportTally,
)
from feedback.surveys.models import Question, QuestionKind, Survey

#: (question_id, choice_id, number, text, day) of one stored answer.
AnswerRow = tuple[int, int | None, float | None, str | None, date | None]
#: (question_id, answer_key, day, language, profile)
TallyKey = tuple[int, str, date, str, str]

BATCH = 5000


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


def profile_of(rows: Iterable[AnswerRow], segments: set[int]) -> str:
    """The profile of a response: its segment answers, sorted, as ``q:c,q:c``."""
    pairs = sorted((r[0], r[1]) for r in rows if r[0] in segments and r[1] is not None)
    return ",".join(f"{q}:{c}" for q, c in pairs)


def response_increments(
    kinds: dict[int, QuestionKind],
    segments: set[int],
    rows: list[AnswerRow],
    day: date,
    language: str,
) -> tuple[str, Counter]:
    """The profile and the counters one response adds 1 to."""
    profile = profile_of(rows, segments)
    keys: Counter = Counter()
    keys[(RESPONSES, "", day, language, profile)] = 1
    answered: set[int] = set()
    for row in rows:
        kind = kinds.get(row[0])
        if kind is None:
            continue
        answered.add(row[0])
        for key in answer_keys(kind, row):
            keys[(row[0], key, day, language, profile)] += 1
    for qid in answered:
        keys[(qid, ANSWERED, day, language, profile)] = 1
    return profile, keys


def _insert(model):
    dialect = db.session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model)


def add_tallies(survey_id: int, counts: Counter) -> None:
    """Add counts to the tallies with ``INSERT ... ON CONFLICT DO UPDATE count = count + n``,
    which is atomic on both engines, so simultaneous responses never lose a count."""
    if not counts:
        return
    statement = _insert(ReportTally)
    statement = statement.on_conflict_do_update(
        index_elements=["survey_id", "question_id", "answer_key", "day", "language", "profile"],
        set_={"count": ReportTally.count + statement.excluded.count},
    )
    items = list(counts.items())
    for start in range(0, len(items), BATCH):
        db.session.execute(
            statement,
            [
                {
                    "survey_id": survey_id,
                    "question_id": q,
                    "answer_key": key,
                    "day": day,
                    "language": lang,
                    "profile": profile,
                    "count": n,
                }
                for (q, key, day, lang, profile), n in items[start : start + BATCH]
            ],
        )


def add_profiles(survey_id: int, profiles: Iterable[str]) -> None:
    """Record which segment answers each profile holds (idempotent)."""
    rows = []
    for profile in set(profiles):
        for pair in filter(None, profile.split(",")):
            question_id, choice_id = pair.split(":")
            rows.append(
                {
                    "survey_id": survey_id,
                    "profile": profile,
                    "question_id": int(question_id),
                    "choice_id": int(choice_id),
                }
            )
    if rows:
        db.session.execute(_insert(ReportProfileChoice).on_conflict_do_nothing(), rows)


def utc_day(moment: datetime) -> date:
    return moment.date()


def count_response(survey: Survey, response: Response, _cleaned=None) -> None:
    """RESPONSE_STORED_HOOKS entry: add one stored response to the tallies."""
    kinds = {q.id: q.kind for q in survey.questions}
    rows = [(a.question_id, a.choice_id, a.number, a.text, a.day) for a in response.answers]
    profile, counts = response_increments(
        kinds, set(segment_ids(survey)), rows, utc_day(response.submitted_at), response.language
    )
    add_profiles(survey.id, [profile])
    add_tallies(survey.id, counts)


def recount(survey: Survey) -> int:
    """Rebuild every tally of a survey from its stored answers; returns the responses counted.

    Reads the answers in batches, so memory grows with the number of distinct tallies, not
    with the number of responses.
    """
    db.session.execute(delete(ReportTally).where(ReportTally.survey_id == survey.id))
    db.session.execute(
        delete(ReportProfileChoice).where(ReportProfileChoice.survey_id == survey.id)
    )
    kinds = {q.id: q.kind for q in survey.questions}
    segments = set(segment_ids(survey))
    totals: Counter = Counter()
    profiles: set[str] = set()
    counted = 0
    for response_id, day, language, rows in iter_responses(survey.id):
        profile, counts = response_increments(kinds, segments, rows, day, language)
        profiles.add(profile)
        totals.update(counts)
        counted += 1
        del response_id
    add_profiles(survey.id, profiles)
    add_tallies(survey.id, totals)
    mark_current(survey)
    return counted


def iter_responses(survey_id: int, batch: int = 2000, where=None):
    """Every response of a survey with its answer rows, read in id order batch by batch."""
    last = 0
    while True:
        query = (
            select(Response.id, Response.submitted_at, Response.language)
            .where(Response.survey_id == survey_id, Response.id > last)
            .order_by(Response.id)
            .limit(batch)
        )
        if where is not None:
            query = query.where(*where)
        heads = db.session.execute(query).all()
        if not heads:
            return
        answers: dict[int, list[AnswerRow]] = {}
        for rid, qid, cid, number, text, day in db.session.execute(
            select(
                Answer.response_id,
                Answer.question_id,
                Answer.choice_id,
                Answer.number,
                Answer.text,
                Answer.day,
            )
            .where(Answer.response_id.between(heads[0][0], heads[-1][0]))
            .order_by(Answer.response_id, Answer.id)
        ):
            answers.setdefault(rid, []).append((qid, cid, number, text, day))
        for rid, submitted_at, language in heads:
            yield rid, utc_day(submitted_at), language, answers.get(rid, [])
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
