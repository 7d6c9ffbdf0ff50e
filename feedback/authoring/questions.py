"""Questions and their choices: adding, editing, reordering and removing them without ever
corrupting the answers already given. Callers commit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from feedback.answering.models import Answer
from feedback.audit.services import record
from feedback.auth.models import User
from feedback.authoring.services import AuthoringError, renumber
from feedback.authoring.slugs import slugify
from feedback.extensions import db
from feedback.surveys.definition import CODE_PATTERN
from feedback.surveys.models import (
    Choice,
    Question,
    QuestionKind,
    Section,
    ShowIfOperator,
    Survey,
)
from feedback.timeutil import utcnow

MAX_CHOICES = 200
CHOICE_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class NeedsConfirmation(AuthoringError):
    """The change would hide answers already given; ask first. ``items`` says which."""

    def __init__(self, message: str, items: list[str]):
        super().__init__(message)
        self.items = items


@dataclass
class QuestionSettings:
    """What the question form edits; texts are in the survey's default language."""

    section_id: int
    kind: QuestionKind
    text: str
    code: str = ""
    hint: str = ""
    required: bool = False
    is_segment: bool = False
    #: One choice a line: "code | label" or just "label".
    choices: str = ""
    min_value: float | None = None
    max_value: float | None = None
    whole_number: bool = True
    min_choices: int | None = None
    max_choices: int | None = None
    max_length: int | None = None
    low_label: str = ""
    high_label: str = ""
    show_if_question_id: int | None = None
    show_if_operator: ShowIfOperator | None = None
    show_if_values: list[str] = field(default_factory=list)


def _code_from(text: str, taken: set[str], prefix: str) -> str:
    base = slugify(text, 40).replace("-", "_")
    if not base or not base[0].isalpha():
        base = f"{prefix}{base and '_' + base}"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}_{number}"
        number += 1
    return candidate


def answered_question(question: Question) -> bool:
    if question.id is None:
        return False
    found = select(Answer.id).where(Answer.question_id == question.id).limit(1)
    return db.session.scalar(found) is not None


def answered_choice_ids(question: Question) -> set[int]:
    if question.id is None:
        return set()
    return set(
        db.session.scalars(
            select(Answer.choice_id)
            .where(Answer.question_id == question.id, Answer.choice_id.is_not(None))
            .distinct()
        )
    )


def choices_as_text(question: Question) -> str:
    """The live choices as the form shows them: "code | label", one a line."""
    language = question.survey.default_language
    return "\n".join(
        f"{c.code} | {(c.label or {}).get(language, '')}" for c in question.active_choices
    )


def parse_choices(text: str, existing: list[Choice], language: str) -> list[tuple[str, str]]:
    """Lines into ``(code, label)``. A line without a code keeps the code of the existing
    choice with the same label, or gets a new one from the label."""
    by_label = {(c.label or {}).get(language, "").strip().lower(): c.code for c in existing}
    taken = {c.code for c in existing}
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > MAX_CHOICES:
        raise AuthoringError(_("Use at most %(count)d choices.", count=MAX_CHOICES), "choices")
    parsed: list[tuple[str, str]] = []
    seen: set[str] = set()
    for line in lines:
        if "|" in line:
            code, label = (part.strip() for part in line.split("|", 1))
        else:
            code, label = by_label.get(line.lower(), ""), line
            if not code:
                code = _code_from(label, taken | seen, "c")
        if not label:
            raise AuthoringError(_("Each choice needs a label: %(line)s", line=line), "choices")
        if not CHOICE_CODE.match(code):
            raise AuthoringError(
                _("The code %(code)s may use only letters, digits, _ . and -.", code=code),
                "choices",
            )
        if code in seen:
            raise AuthoringError(_("The code %(code)s is used twice.", code=code), "choices")
        seen.add(code)
        parsed.append((code, label[:500]))
    return parsed


def show_if_sources(survey: Survey, before: Question | None) -> list[Question]:
    """Earlier live questions a show-if can look at: choices and yes/no questions."""
    usable = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.YESNO)
    sources = []
    for question in survey.questions:
        if before is not None and question.id == before.id:
            break
        if question.removed_at is None and question.kind in usable:
            sources.append(question)
    return sources


def source_values(question: Question) -> list[str]:
    if question.kind == QuestionKind.YESNO:
        return ["yes", "no"]
    return [c.code for c in question.active_choices]


def _check(survey: Survey, settings: QuestionSettings, question: Question | None) -> None:
    kind = settings.kind
    if not settings.text.strip():
        raise AuthoringError(_("Enter the question."), "text")
    low, high = settings.min_value, settings.max_value
    if low is not None and high is not None and low >= high:
        raise AuthoringError(_("The lowest value must be below the highest."), "max_value")
    whole = low is not None and high is not None and low == int(low) and high == int(high)
    if kind == QuestionKind.RATING and low is not None and high is not None:  # noqa: SIM102
        if high - low > 10 or not whole:
            raise AuthoringError(_("A scale has 2 to 11 whole points."), "max_value")
    picks = (settings.min_choices, settings.max_choices)
    if picks[0] is not None and picks[1] is not None and picks[0] > picks[1]:
        raise AuthoringError(
            _("The fewest picks cannot be more than the most picks."), "max_choices"
        )
    if settings.show_if_question_id:
        sources = {q.id: q for q in show_if_sources(survey, question)}
        source = sources.get(settings.show_if_question_id)
        if source is None:
            raise AuthoringError(_("Choose an earlier question."), "show_if_question_id")
        if not settings.show_if_values or not set(settings.show_if_values) <= set(
            source_values(source)
        ):
            raise AuthoringError(
                _("Choose at least one answer of that question."), "show_if_values"
            )


def _sync_choices(question: Question, settings: QuestionSettings, confirmed: bool) -> list[str]:
    """Update labels, add new choices and remove missing ones; answered ones are only
    hidden, after confirmation. Returns the codes removed."""
    language = question.survey.default_language if question.survey else "en"
    parsed = parse_choices(settings.choices, list(question.choices), language)
    if question.kind == QuestionKind.SINGLE and len(parsed) < 2:
        raise AuthoringError(_("Give at least two choices."), "choices")
    if question.kind == QuestionKind.MULTIPLE and not parsed:
        raise AuthoringError(_("Give at least one choice."), "choices")
    wanted = dict(parsed)
    answered = answered_choice_ids(question)
    removed_answered = [
        c.code for c in question.active_choices if c.code not in wanted and c.id in answered
    ]
    if removed_answered and not confirmed:
        raise NeedsConfirmation(
            _("Some choices you removed have answers. They will be kept in reports and exports."),
            removed_answered,
        )
    existing = {c.code: c for c in question.choices}
    removed = []
    for choice in list(question.active_choices):
        if choice.code in wanted:
            continue
        removed.append(choice.code)
        if choice.id in answered:
            choice.removed_at = utcnow()
        else:
            question.choices.remove(choice)
            db.session.delete(choice)
    for position, (code, label) in enumerate(parsed):
        choice = existing.get(code)
        if choice is None:
            choice = Choice(code=code, label={})
            question.choices.append(choice)
        choice.removed_at = None
        choice.position = position
        labels = dict(choice.label or {})
        labels[language] = label
        choice.label = labels
    return removed


def _set(texts: dict | None, language: str, value: str) -> dict:
    updated = dict(texts or {})
    if value and value.strip():
        updated[language] = value.strip()
    else:
        updated.pop(language, None)
    return updated


def save_question(
    survey: Survey,
    settings: QuestionSettings,
    user: User | None,
    question: Question | None = None,
    confirmed: bool = False,
) -> Question:
    """Add a question (at the end of its section) or save one; see :class:`NeedsConfirmation`."""
    _check(survey, settings, question)
    section = db.session.get(Section, settings.section_id)
    if section is None or section.survey_id != survey.id:
        raise AuthoringError(_("Choose a section of this survey."), "section_id")
    creating = question is None
    answered = not creating and answered_question(question)
    taken = {q.code for q in survey.questions if question is None or q.id != question.id}
    code = (settings.code or "").strip()
    if creating:
        code = code or _code_from(settings.text, taken, "q")
        position = max((q.position for q in section.questions), default=0) + 1
        question = Question(code=code, kind=settings.kind, position=position)
    else:
        if settings.kind != question.kind and answered:
            raise AuthoringError(_("This question has answers, so its kind cannot change."), "kind")
        code = code or question.code
        if code != question.code and answered:
            raise AuthoringError(_("This question has answers, so its code cannot change."), "code")
        question.kind = settings.kind
    if not CODE_PATTERN.match(code):
        raise AuthoringError(
            _("A code starts with a letter and uses letters, digits and _."), "code"
        )
    if code in taken:
        raise AuthoringError(_("Another question already uses this code."), "code")
    question.code = code
    language = survey.default_language
    question.text = _set(question.text, language, settings.text)
    question.hint = _set(question.hint, language, settings.hint)
    question.low_label = _set(question.low_label, language, settings.low_label)
    question.high_label = _set(question.high_label, language, settings.high_label)
    question.required = settings.required
    question.is_segment = settings.is_segment
    question.min_value, question.max_value = settings.min_value, settings.max_value
    question.whole_number = settings.whole_number
    question.min_choices, question.max_choices = settings.min_choices, settings.max_choices
    question.max_length = settings.max_length
    question.show_if_question_id = settings.show_if_question_id or None
    question.show_if_operator = (
        (settings.show_if_operator or ShowIfOperator.EQUALS)
        if settings.show_if_question_id
        else None
    )
    question.show_if_values = list(settings.show_if_values) if settings.show_if_question_id else []
    moved_section = question.section_id != section.id and not creating
    removed: list[str] = []
    with db.session.no_autoflush:
        if question.kind.has_choices:
            removed = _sync_choices(question, settings, confirmed)
        question.survey = survey
        question.section = section
    db.session.add(question)
    db.session.flush()
    if creating or moved_section:
        renumber(survey)
        check_show_if_order(survey)
    action = "question.added" if creating else "question.edited"
    detail = {"question": question.code}
    if removed:
        detail["choices_removed"] = removed
    record(action, "survey", survey.id, user, **detail)
    return question


def remove_question(question: Question, user: User | None, confirmed: bool = False) -> bool:
    """Delete a question without answers; one with answers is hidden (after confirmation)
    and keeps them for reports and exports. Returns True when it was only hidden."""
    survey = question.survey
    answered = answered_question(question)
    if answered and not confirmed:
        raise NeedsConfirmation(
            _("This question has answers. They will be kept in reports and exports."),
            [question.code],
        )
    for dependent in survey.questions:
        if dependent.show_if_question_id == question.id:
            dependent.show_if_question_id = None
            dependent.show_if_operator = None
            dependent.show_if_values = []
    record(
        "question.removed" if answered else "question.deleted",
        "survey",
        survey.id,
        user,
        question=question.code,
    )
    if answered:
        question.removed_at = utcnow()
    else:
        section = question.section
        db.session.delete(question)
        db.session.flush()
        db.session.expire(section, ["questions"])
        db.session.expire(survey, ["questions"])
    db.session.flush()
    renumber(survey)
    return answered


def move_question(question: Question, direction: int, user: User | None) -> None:
    """Swap with the neighbouring live question of the same section (-1 up, +1 down)."""
    siblings = [q for q in question.section.questions if q.removed_at is None]
    index = siblings.index(question)
    other = index + direction
    if not 0 <= other < len(siblings):
        return
    neighbour = siblings[other]
    question.position, neighbour.position = neighbour.position, question.position
    db.session.flush()
    survey = question.survey
    renumber(survey)
    check_show_if_order(survey)
    record("question.moved", "survey", survey.id, user, question=question.code)


def check_show_if_order(survey: Survey) -> None:
    """Refuse an order where a question depends on one that comes after it."""
    positions = {q.id: q.position for q in survey.questions}
    for question in survey.questions:
        source = question.show_if_question_id
        if source and positions.get(source, 0) >= question.position:
            raise AuthoringError(
                _(
                    "Question %(code)s is shown depending on a question that would come "
                    "after it. Change its show-if first.",
                    code=question.code,
                )
            )
