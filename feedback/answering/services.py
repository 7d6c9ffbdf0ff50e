"""Answering a survey: finding it, keeping drafts, storing a response exactly once."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from feedback.answering.models import Answer, Draft, Response
from feedback.answering.validation import Cleaned, RawValues, check_questions, shown_codes
from feedback.extensions import db
from feedback.surveys.definition import SLUG_PATTERN
from feedback.surveys.models import Question, QuestionKind, Section, Survey, SurveyStatus
from feedback.timeutil import utcnow

KEY_LENGTH = 43  # secrets.token_urlsafe(32)


class SurveyUnavailable(Exception):
    """The survey cannot be answered now; ``reason`` is unknown, draft, scheduled or closed."""

    def __init__(self, reason: str, survey: Survey | None = None):
        super().__init__(reason)
        self.reason = reason
        self.survey = survey


class AnswersInvalid(Exception):
    """Some answers are not acceptable; ``errors`` maps question codes to messages."""

    def __init__(self, errors: dict[str, str], step: int):
        super().__init__(f"{len(errors)} answers need attention")
        self.errors = errors
        self.step = step


def new_key() -> str:
    """A random token for a draft or a submission."""
    return secrets.token_urlsafe(32)


def is_key(value: str | None) -> bool:
    return (
        bool(value)
        and len(value) == KEY_LENGTH
        and value.replace("-", "").replace("_", "").isalnum()
    )


def load_survey(slug: str) -> Survey | None:
    """A survey with its sections, questions and choices loaded in a few queries.

    A malformed slug (a NUL byte, say, which PostgreSQL refuses outright) finds nothing."""
    if not slug or len(slug) > 80 or not SLUG_PATTERN.fullmatch(slug):
        return None
    return db.session.scalar(
        select(Survey)
        .where(Survey.slug == slug)
        .options(
            selectinload(Survey.sections),
            selectinload(Survey.questions).selectinload(Question.choices),
        )
    )


def open_survey(slug: str) -> Survey:
    """The survey if residents may answer it now, else :class:`SurveyUnavailable`."""
    survey = load_survey(slug)
    if survey is None:
        raise SurveyUnavailable("unknown")
    state = survey.availability()
    if state != "open":
        raise SurveyUnavailable(state, survey)
    return survey


def open_surveys() -> list[Survey]:
    """Surveys residents can answer now, newest first."""
    now = utcnow()
    candidates = db.session.scalars(
        select(Survey)
        .where(Survey.status == SurveyStatus.OPEN)
        .where((Survey.opens_at.is_(None)) | (Survey.opens_at <= now))
        .where((Survey.closes_at.is_(None)) | (Survey.closes_at > now))
        .order_by(Survey.created_at.desc(), Survey.id.desc())
    )
    return list(candidates)


def steps(survey: Survey) -> list[Section]:
    """The sections that hold at least one live question, in order: one screen each."""
    return [s for s in survey.sections if any(q.removed_at is None for q in s.questions)]


def step_questions(section: Section) -> list[Question]:
    return [q for q in section.questions if q.removed_at is None]


# Drafts -------------------------------------------------------------------------------------


def draft_lifetime(hours: int) -> timedelta:
    return timedelta(hours=hours)


def find_draft(survey: Survey, token: str | None, lifetime: timedelta) -> Draft | None:
    """The resident's unexpired draft of this survey, if the token names one."""
    if not is_key(token):
        return None
    draft = db.session.scalar(
        select(Draft).where(Draft.token == token, Draft.survey_id == survey.id)
    )
    if draft is None or draft.updated_at < utcnow() - lifetime:
        return None
    return draft


def start_draft(survey: Survey, language: str) -> Draft:
    """A new, empty draft with its own token and submission key."""
    draft = Draft(
        token=new_key(),
        survey_id=survey.id,
        language=language,
        values={},
        step=0,
        submission_key=new_key(),
    )
    db.session.add(draft)
    return draft


def merge_screen(survey: Survey, values: RawValues, posted: RawValues, on_step: int) -> RawValues:
    """The answers so far with one screen replaced by what it sent.

    Every question of that screen takes the posted value, or none: an unticked checkbox sends
    nothing, and clearing it must clear the answer.
    """
    merged = dict(values or {})
    sections = steps(survey)
    if 0 <= on_step < len(sections):
        for question in step_questions(sections[on_step]):
            merged[question.code] = list(posted.get(question.code, []))
    return merged


def update_draft(draft: Draft, survey: Survey, posted: RawValues, on_step: int) -> None:
    """Keep what was typed on one screen; answers to questions now hidden are dropped later."""
    draft.values = merge_screen(survey, draft.values or {}, posted, on_step)
    draft.updated_at = utcnow()


def discard_draft(token: str) -> None:
    """Delete a draft once its response is stored (a no-op if a double tap got there first)."""
    db.session.execute(delete(Draft).where(Draft.token == token))


def purge_expired_drafts(lifetime: timedelta) -> int:
    """Delete drafts untouched for longer than ``lifetime``; returns how many."""
    result = db.session.execute(delete(Draft).where(Draft.updated_at < utcnow() - lifetime))
    return result.rowcount or 0


def check_step(survey: Survey, raw: RawValues, step: int) -> dict[str, str]:
    """Errors on one screen, given every answer so far (show-if may look back)."""
    sections = steps(survey)
    shown = shown_codes(survey, raw)
    _cleaned, errors = check_questions(step_questions(sections[step]), raw, shown)
    return errors


def next_step(survey: Survey, raw: RawValues, step: int, direction: int = 1) -> int:
    """The next screen (or previous, with ``direction=-1``) that shows at least one question."""
    sections = steps(survey)
    shown = shown_codes(survey, raw)
    index = step + direction
    while 0 <= index < len(sections):
        if any(q.code in shown for q in step_questions(sections[index])):
            return index
        index += direction
    return max(0, min(index, len(sections) - 1)) if direction < 0 else index


# Submitting ---------------------------------------------------------------------------------


def find_response(submission_key: str) -> Response | None:
    return db.session.scalar(select(Response).where(Response.submission_key == submission_key))


def submit_response(
    survey: Survey,
    raw: RawValues,
    language: str,
    submission_key: str,
    channel: str = "web",
) -> Response:
    """Validate every shown answer and store the response with all its answers, exactly once.

    The same ``submission_key`` arriving again (a double tap, a resubmit after "Back", five
    copies at once) returns the response already stored. Answers to hidden questions are
    dropped. Raises :class:`AnswersInvalid` with the first screen that needs attention.
    """
    existing = find_response(submission_key)
    if existing is not None:
        return existing
    shown = shown_codes(survey, raw)
    cleaned: dict[str, Cleaned] = {}
    errors: dict[str, str] = {}
    first_bad_step = None
    for index, section in enumerate(steps(survey)):
        good, bad = check_questions(step_questions(section), raw, shown)
        cleaned.update(good)
        errors.update(bad)
        if bad and first_bad_step is None:
            first_bad_step = index
    if errors:
        raise AnswersInvalid(errors, first_bad_step or 0)

    response = Response(
        survey_id=survey.id,
        submission_key=submission_key,
        language=language,
        channel=channel,
        submitted_at=utcnow(),
    )
    response.answers = list(_answer_rows(survey, cleaned))
    try:
        with db.session.begin_nested():
            db.session.add(response)
            db.session.flush()
    except IntegrityError:
        stored = find_response(submission_key)
        if stored is None:
            raise
        return stored
    _after_store(survey, response, cleaned)
    return response


def _answer_rows(survey: Survey, cleaned: dict[str, Cleaned]):
    for question in survey.questions:
        value = cleaned.get(question.code)
        if value is None:
            continue
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            ids = {c.code: c.id for c in question.choices}
            for code in value.choices:
                yield Answer(question_id=question.id, choice_id=ids[code])
        else:
            yield Answer(
                question_id=question.id, number=value.number, text=value.text, day=value.day
            )


def _after_store(survey: Survey, response: Response, cleaned: dict[str, Cleaned]) -> None:
    """Hooks other features attach to a stored response (running tallies, say)."""
    for hook in RESPONSE_STORED_HOOKS:
        hook(survey, response, cleaned)


#: Callables ``(survey, response, cleaned)`` run in the same transaction as the response.
RESPONSE_STORED_HOOKS: list = []
