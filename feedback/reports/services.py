"""Finding surveys for the reports, their response counts, and searching open-text answers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from feedback.answering.models import Answer, Response
from feedback.extensions import db
from feedback.reports.models import RESPONSES, ReportTally
from feedback.surveys.models import Question, QuestionKind, Survey

TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
PAGE_SIZE = 50


def load_report_survey(survey_id: int) -> Survey | None:
    """A survey with its questions and choices loaded in a few queries."""
    return db.session.scalar(
        select(Survey)
        .where(Survey.id == survey_id)
        .options(selectinload(Survey.questions).selectinload(Question.choices))
    )


def surveys_with_counts() -> list[tuple[Survey, int]]:
    """Every survey, newest first, with its number of responses (from the tallies)."""
    counts = dict(
        db.session.execute(
            select(ReportTally.survey_id, func.sum(ReportTally.count))
            .where(ReportTally.question_id == RESPONSES)
            .group_by(ReportTally.survey_id)
        ).all()
    )
    surveys = db.session.scalars(select(Survey).order_by(Survey.created_at.desc(), Survey.id))
    return [(survey, int(counts.get(survey.id) or 0)) for survey in surveys]


@dataclass
class TextPage:
    items: list[tuple[Question, str, object]]
    total: int
    page: int
    pages: int


def search_texts(survey: Survey, words: str = "", question_code: str = "", page: int = 1):
    """Open-text answers of a survey, newest first, containing ``words`` (any case),
    50 a page."""
    questions = {q.id: q for q in survey.questions if q.kind in TEXT_KINDS}
    if question_code:
        questions = {i: q for i, q in questions.items() if q.code == question_code}
    if not questions:
        return TextPage([], 0, 1, 1)
    conditions = [
        Answer.question_id.in_(list(questions)),
        Answer.text.is_not(None),
        Answer.text != "",
        Response.survey_id == survey.id,
    ]
    words = (words or "").strip()
    if words:
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(Answer.text.ilike(pattern, escape="\\"))
    base = select(Answer.question_id, Answer.text, Response.submitted_at).join(
        Response, Response.id == Answer.response_id
    )
    total = db.session.scalar(
        select(func.count()).select_from(Answer).join(Response).where(*conditions)
    )
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    rows = db.session.execute(
        base.where(*conditions)
        .order_by(Response.submitted_at.desc(), Answer.id.desc())
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    items = [(questions[qid], text, at) for qid, text, at in rows]
    return TextPage(items, total, page, pages)
