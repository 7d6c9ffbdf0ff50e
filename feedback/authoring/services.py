"""Surveys as facilitators see them: listing, creating, editing, sections, publishing,
duplicating, JSON import. Every change writes the audit trail; callers commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from feedback.answering.models import Answer, Response
from feedback.audit.models import AuditEvent
from feedback.audit.services import history, record
from feedback.auth.models import User
from feedback.authoring.slugs import slugify
from feedback.extensions import db
from feedback.surveys.definition import SLUG_PATTERN, DefinitionError, build_survey, export_survey
from feedback.surveys.models import Section, Survey, SurveyStatus
from feedback.translating.services import record_baseline


class AuthoringError(ValueError):
    """A change that cannot be made; ``field`` names the form field it concerns, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# Listing ------------------------------------------------------------------------------------


def response_counts(survey_ids: list[int] | None = None) -> dict[int, int]:
    """Responses per survey id, in one grouped query."""
    query = select(Response.survey_id, func.count(Response.id)).group_by(Response.survey_id)
    if survey_ids is not None:
        query = query.where(Response.survey_id.in_(survey_ids))
    return dict(db.session.execute(query).all())


def list_surveys() -> list[tuple[Survey, int]]:
    """Every survey, newest first, with its number of responses (two queries in all)."""
    surveys = list(db.session.scalars(select(Survey).order_by(Survey.created_at.desc())))
    counts = response_counts()
    return [(s, counts.get(s.id, 0)) for s in surveys]


def has_responses(survey: Survey) -> bool:
    return bool(
        db.session.scalar(select(Response.id).where(Response.survey_id == survey.id).limit(1))
    )


# Slugs ----------------------------------------------------------------------------------------


def slug_taken(slug: str, exclude_id: int | None = None) -> bool:
    query = select(Survey.id).where(Survey.slug == slug)
    if exclude_id is not None:
        query = query.where(Survey.id != exclude_id)
    return db.session.scalar(query.limit(1)) is not None


def suggest_slug(title: str, exclude_id: int | None = None) -> str:
    """A free slug from the title ("survey" when the title gives nothing usable)."""
    base = slugify(title) or "survey"
    candidate, number = base, 2
    while slug_taken(candidate, exclude_id):
        candidate = f"{base[:70]}-{number}"
        number += 1
    return candidate


def slug_locked(survey: Survey) -> bool:
    """Once a survey has been open its address may be printed: it never changes again."""
    if survey.id is None:
        return False
    if survey.status != SurveyStatus.DRAFT or has_responses(survey):
        return True
    opened = select(AuditEvent.id).where(
        AuditEvent.object_type == "survey",
        AuditEvent.object_id == survey.id,
        AuditEvent.action == "survey.published",
    )
    return db.session.scalar(opened.limit(1)) is not None


# Creating and editing -------------------------------------------------------------------------


@dataclass
class SurveySettings:
    """What the survey form edits. Texts are in the default language."""

    title: str
    slug: str
    default_language: str = "en"
    languages: list[str] = field(default_factory=list)
    introduction: str = ""
    thank_you: str = ""
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    results_public: bool = False
    min_group_size: int = 5


def _check_settings(settings: SurveySettings, survey: Survey | None) -> str:
    if settings.opens_at and settings.closes_at and settings.closes_at <= settings.opens_at:
        raise AuthoringError(_("The closing date must be after the opening date."), "closes_at")
    slug = (settings.slug or "").strip().lower()
    exclude = survey.id if survey is not None else None
    if survey is not None and slug_locked(survey):
        return survey.slug
    if not slug:
        return suggest_slug(settings.title, exclude)
    if not SLUG_PATTERN.match(slug) or len(slug) > 80:
        raise AuthoringError(
            _("Use only lower-case letters, digits and hyphens, such as new-park."), "slug"
        )
    if slug_taken(slug, exclude):
        raise AuthoringError(_("Another survey already uses this address."), "slug")
    return slug


def _set_text(texts: dict | None, language: str, value: str) -> dict:
    updated = dict(texts or {})
    value = (value or "").strip()
    if value:
        updated[language] = value
    else:
        updated.pop(language, None)
    return updated


def _apply(survey: Survey, settings: SurveySettings, slug: str) -> list[str]:
    """Copy the settings onto the survey; returns the names of what changed."""
    default = settings.default_language
    languages = list(dict.fromkeys([default, *settings.languages]))
    new_values = {
        "slug": slug,
        "default_language": default,
        "languages": languages,
        "title": _set_text(survey.title, default, settings.title),
        "introduction": _set_text(survey.introduction, default, settings.introduction),
        "thank_you": _set_text(survey.thank_you, default, settings.thank_you),
        "opens_at": settings.opens_at,
        "closes_at": settings.closes_at,
        "results_public": settings.results_public,
        "min_group_size": settings.min_group_size,
    }
    changed = []
    for name, value in new_values.items():
        if getattr(survey, name) != value:
            setattr(survey, name, value)
            changed.append(name)
    return changed


def create_survey(settings: SurveySettings, user: User | None) -> Survey:
    """A new draft survey with one empty section."""
    slug = _check_settings(settings, None)
    survey = Survey(status=SurveyStatus.DRAFT, title={}, introduction={}, thank_you={})
    _apply(survey, settings, slug)
    survey.sections.append(Section(position=0, title={}, description={}))
    db.session.add(survey)
    db.session.flush()
    record("survey.created", "survey", survey.id, user, slug=survey.slug)
    return survey


def update_survey(survey: Survey, settings: SurveySettings, user: User | None) -> list[str]:
    """Save the settings; texts in other languages are kept. Returns what changed."""
    slug = _check_settings(settings, survey)
    changed = _apply(survey, settings, slug)
    if changed:
        record("survey.edited", "survey", survey.id, user, fields=changed)
    return changed


# Sections -------------------------------------------------------------------------------------


def renumber(survey: Survey) -> None:
    """Positions 0..n for sections, and for questions in section order."""
    sections = sorted(survey.sections, key=lambda s: (s.position, s.id or 0))
    position = 0
    for s_index, section in enumerate(sections):
        section.position = s_index
        for question in sorted(section.questions, key=lambda q: (q.position, q.id or 0)):
            position += 1
            question.position = position
    db.session.flush()
    db.session.expire(survey, ["sections", "questions"])


def add_section(survey: Survey, title: str, user: User | None) -> Section:
    section = Section(
        position=len(survey.sections),
        title=_set_text({}, survey.default_language, title),
        description={},
    )
    survey.sections.append(section)
    db.session.flush()
    record("section.added", "survey", survey.id, user, section=section.id)
    return section


def rename_section(section: Section, title: str, description: str, user: User | None) -> None:
    language = section.survey.default_language
    section.title = _set_text(section.title, language, title)
    section.description = _set_text(section.description, language, description)
    record("section.edited", "survey", section.survey_id, user, section=section.id)


def move_section(section: Section, direction: int, user: User | None) -> None:
    """Swap a section with its neighbour (``direction`` -1 up, +1 down)."""
    from feedback.authoring.questions import check_show_if_order

    survey = section.survey
    sections = sorted(survey.sections, key=lambda s: s.position)
    index = sections.index(section)
    other = index + direction
    if not 0 <= other < len(sections):
        return
    sections[index].position, sections[other].position = other, index
    renumber(survey)
    check_show_if_order(survey)
    record("section.moved", "survey", survey.id, user, section=section.id)


def delete_section(section: Section, user: User | None) -> None:
    """Only an empty section goes (removed questions keep answers, so they count too)."""
    survey = section.survey
    if section.questions:
        raise AuthoringError(_("Only a section without questions can be deleted."))
    if len(survey.sections) <= 1:
        raise AuthoringError(_("A survey needs at least one section."))
    record("section.deleted", "survey", survey.id, user, section=section.id)
    survey.sections.remove(section)
    db.session.delete(section)
    renumber(survey)


# Status ---------------------------------------------------------------------------------------


def incomplete_languages(survey: Survey, threshold: float = 1.0) -> dict[str, float]:
    """Languages whose texts are not all translated, with their share (when known)."""
    try:
        from feedback.translating.services import completeness
    except ImportError:
        return {}
    shares = completeness(survey)
    return {lang: share for lang, share in shares.items() if share < threshold}


def publish_survey(survey: Survey, user: User | None) -> None:
    if not any(q.removed_at is None for q in survey.questions):
        raise AuthoringError(_("Add at least one question before publishing."))
    was = survey.status
    survey.status = SurveyStatus.OPEN
    action = "survey.reopened" if was == SurveyStatus.CLOSED else "survey.published"
    record(action, "survey", survey.id, user)


def close_survey(survey: Survey, user: User | None) -> None:
    survey.status = SurveyStatus.CLOSED
    record("survey.closed", "survey", survey.id, user)


def duplicate_survey(survey: Survey, user: User | None) -> Survey:
    """A draft copy with a new slug, the same questions and texts, and no responses."""
    definition = export_survey(survey)
    definition["slug"] = suggest_slug(f"{survey.slug}-copy")
    definition["status"] = "draft"
    copy = build_survey(definition)
    db.session.add(copy)
    db.session.flush()
    record_baseline(copy)
    record("survey.duplicated", "survey", survey.id, user, copy=copy.id)
    record("survey.created", "survey", copy.id, user, copied_from=survey.id)
    return copy


def import_survey(definition: dict, user: User | None) -> Survey:
    """A new draft survey from a JSON definition; :class:`DefinitionError` lists problems."""
    survey = build_survey(definition)
    if slug_taken(survey.slug):
        raise DefinitionError([("slug", f"another survey already uses {survey.slug!r}")])
    survey.status = SurveyStatus.DRAFT
    db.session.add(survey)
    db.session.flush()
    record_baseline(survey)
    record("survey.imported", "survey", survey.id, user, slug=survey.slug)
    return survey


def delete_survey(survey: Survey, user: User | None) -> None:
    """Only a survey without responses can be deleted (its answers would go with it)."""
    if has_responses(survey):
        raise AuthoringError(_("A survey with responses cannot be deleted; close it instead."))
    record("survey.deleted", "survey", survey.id, user, slug=survey.slug)
    db.session.delete(survey)


# History --------------------------------------------------------------------------------------


def survey_history(survey: Survey) -> list[dict]:
    """The audit trail of a survey: who, what, when (newest first)."""
    events = history("survey", survey.id)
    ids = {e.user_id for e in events if e.user_id}
    emails = (
        dict(db.session.execute(select(User.id, User.email).where(User.id.in_(ids))).all())
        if ids
        else {}
    )
    return [
        {"at": e.at, "action": e.action, "who": emails.get(e.user_id), "detail": e.detail}
        for e in events
    ]


def answered_question_ids(survey: Survey) -> set[int]:
    """Ids of this survey's questions that have at least one answer."""
    ids = [q.id for q in survey.questions]
    if not ids:
        return set()
    return set(
        db.session.scalars(select(Answer.question_id).where(Answer.question_id.in_(ids)).distinct())
    )
