"""What a survey's public results page shows, and the facts it is built from."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.answering.models import Response
from feedback.extensions import db
from feedback.results.models import Publication
from feedback.surveys.models import Question, QuestionKind, Survey

#: Kinds whose results can be shown as figures (texts are published as approved quotes).
PUBLISHABLE_KINDS = (
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.RATING,
    QuestionKind.NPS,
    QuestionKind.YESNO,
    QuestionKind.NUMBER,
)


def publication_of(survey: Survey) -> Publication:
    """The survey's publication settings (created, unsaved, when there are none)."""
    found = db.session.scalars(
        select(Publication).where(Publication.survey_id == survey.id)
    ).first()
    if found is None:
        found = Publication(survey_id=survey.id, question_ids=[])
        db.session.add(found)
    return found


def publishable_questions(survey: Survey) -> list[Question]:
    """Questions whose results may be published (live questions of a figure kind)."""
    return [q for q in survey.questions if q.removed_at is None and q.kind in PUBLISHABLE_KINDS]


def published_questions(survey: Survey) -> list[Question]:
    """The questions chosen for the public page, in survey order."""
    publication = db.session.scalars(
        select(Publication).where(Publication.survey_id == survey.id)
    ).first()
    chosen = set(publication.question_ids or []) if publication else set()
    return [q for q in publishable_questions(survey) if q.id in chosen]


def set_published_questions(survey: Survey, question_ids: set[int]) -> None:
    """Publish exactly these questions (others are ignored)."""
    allowed = {q.id for q in publishable_questions(survey)}
    publication_of(survey).question_ids = sorted(question_ids & allowed)


def set_public(survey: Survey, public: bool) -> None:
    """Switch the public results page on or off."""
    survey.results_public = public


def response_count(survey: Survey) -> int:
    """How many responses the survey has (not suppressed: callers protect small counts)."""
    return db.session.scalar(
        select(func.count()).select_from(Response).where(Response.survey_id == survey.id)
    )


def find_public_survey(slug: str) -> Survey | None:
    """The survey behind /s/<slug>/results when its results are published, else None."""
    survey = db.session.scalars(select(Survey).where(Survey.slug == slug)).first()
    if survey is None or not survey.results_public:
        return None
    return survey
