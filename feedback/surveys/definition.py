"""A survey as a plain, JSON-ready definition, and building a survey from one.

The same format serves the demo, JSON export and import, and tests::

    {"slug": "...", "status": "open", "default_language": "en", "languages": ["en", "sq"],
     "title": {"en": "..."}, "introduction": {...}, "thank_you": {...},
     "results_public": false, "min_group_size": 5, "opens_at": null, "closes_at": null,
     "sections": [{"title": {...}, "description": {...}, "questions": [
         {"code": "q1", "kind": "single", "required": true, "segment": false,
          "text": {...}, "hint": {...}, "choices": [{"code": "a", "label": {...}}],
          "min": null, "max": null, "whole_number": true, "min_choices": null,
          "max_choices": null, "max_length": null, "low_label": {...}, "high_label": {...},
          "show_if": {"question": "q0", "operator": "equals", "values": ["yes"]}}]}]}
"""

from __future__ import annotations

import re
from datetime import datetime

from feedback.i18n import CONTENT_LANGUAGES
from feedback.surveys.models import (
    Choice,
    Question,
    QuestionKind,
    Section,
    ShowIfOperator,
    Survey,
    SurveyStatus,
)

FORMAT_VERSION = 1
CODE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DefinitionError(ValueError):
    """The definition cannot become a survey; ``problems`` lists every reason (path, why)."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{where}: {why}" for where, why in problems))
        self.problems = problems


def _texts(value, where: str, problems: list) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"_": value}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        problems.append((where, "must map language codes to texts"))
        return {}
    return {k: v for k, v in value.items() if v is not None}


def _datetime(value, where: str, problems: list) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        problems.append((where, "is not an ISO 8601 date and time"))
        return None


def build_survey(definition: dict) -> Survey:
    """A new, unsaved survey from a definition; :class:`DefinitionError` lists every problem."""
    problems: list[tuple[str, str]] = []
    if not isinstance(definition, dict):
        raise DefinitionError([("survey", "must be an object")])
    default = definition.get("default_language") or "en"
    languages = list(dict.fromkeys([default, *(definition.get("languages") or [])]))
    for code in languages:
        if code not in CONTENT_LANGUAGES:
            problems.append(("languages", f"unknown language code {code!r}"))
    slug = str(definition.get("slug") or "")
    if not SLUG_PATTERN.match(slug) or len(slug) > 80:
        problems.append(("slug", "use lower-case letters, digits and hyphens"))
    try:
        status = SurveyStatus(definition.get("status") or "draft")
    except ValueError:
        problems.append(("status", "must be draft, open or closed"))
        status = SurveyStatus.DRAFT

    def texts(value, where):
        found = _texts(value, where, problems)
        if "_" in found:  # a bare string is in the default language
            found = {default: found.pop("_")}
        return found

    survey = Survey(
        slug=slug,
        status=status,
        default_language=default,
        languages=languages,
        title=texts(definition.get("title"), "title"),
        introduction=texts(definition.get("introduction"), "introduction"),
        thank_you=texts(definition.get("thank_you"), "thank_you"),
        results_public=bool(definition.get("results_public", False)),
        min_group_size=int(definition.get("min_group_size") or 5),
        opens_at=_datetime(definition.get("opens_at"), "opens_at", problems),
        closes_at=_datetime(definition.get("closes_at"), "closes_at", problems),
    )
    if not survey.title.get(default):
        problems.append(("title", f"needs a text in the default language ({default})"))

    by_code: dict[str, Question] = {}
    pending_show_if: list[tuple[Question, dict, str]] = []
    position = 0
    sections = definition.get("sections") or []
    if not sections:
        problems.append(("sections", "a survey needs at least one section with questions"))
    for s_index, section_def in enumerate(sections, start=1):
        where = f"section {s_index}"
        section = Section(
            position=s_index - 1,
            title=texts(section_def.get("title"), f"{where} title"),
            description=texts(section_def.get("description"), f"{where} description"),
        )
        survey.sections.append(section)
        for q_def in section_def.get("questions") or []:
            position += 1
            question = _build_question(
                q_def, position, f"{where}, question {position}", texts, problems
            )
            if question is None:
                continue
            if question.code in by_code:
                problems.append((f"question {question.code}", "the code is used twice"))
            by_code[question.code] = question
            question.section = section
            survey.questions.append(question)
            if q_def.get("show_if"):
                pending_show_if.append((question, q_def["show_if"], f"question {question.code}"))

    for question, rule, where in pending_show_if:
        _apply_show_if(question, rule, by_code, where, problems)
    if problems:
        raise DefinitionError(problems)
    return survey


def _build_question(q_def: dict, position: int, where: str, texts, problems) -> Question | None:
    code = str(q_def.get("code") or "")
    if not CODE_PATTERN.match(code):
        problems.append((where, f"code {code!r} must start with a letter: letters, digits, _"))
        return None
    try:
        kind = QuestionKind(q_def.get("kind"))
    except ValueError:
        problems.append((f"question {code}", f"unknown kind {q_def.get('kind')!r}"))
        return None
    for key in ("min", "max"):
        value = q_def.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append((f"question {code}", f"{key} must be a number"))
            q_def = {**q_def, key: None}
    for key in ("min_choices", "max_choices", "max_length"):
        value = q_def.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            problems.append((f"question {code}", f"{key} must be a whole number of 1 or more"))
            q_def = {**q_def, key: None}
    question = Question(
        code=code,
        kind=kind,
        position=position,
        required=bool(q_def.get("required", False)),
        is_segment=bool(q_def.get("segment", False)),
        text=texts(q_def.get("text"), f"question {code} text"),
        hint=texts(q_def.get("hint"), f"question {code} hint"),
        min_value=q_def.get("min"),
        max_value=q_def.get("max"),
        whole_number=bool(q_def.get("whole_number", True)),
        min_choices=q_def.get("min_choices"),
        max_choices=q_def.get("max_choices"),
        max_length=q_def.get("max_length"),
        low_label=texts(q_def.get("low_label"), f"question {code} low label"),
        high_label=texts(q_def.get("high_label"), f"question {code} high label"),
        show_if_values=[],
    )
    if not question.text:
        problems.append((f"question {code}", "needs a text"))
    if kind.has_choices:
        seen = set()
        for c_index, c_def in enumerate(q_def.get("choices") or []):
            c_code = str(c_def.get("code") or "")
            if not CODE_PATTERN.match(c_code) and not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", c_code):
                problems.append((f"question {code}", f"choice code {c_code!r} is not usable"))
                continue
            if c_code in seen:
                problems.append((f"question {code}", f"choice code {c_code!r} is used twice"))
            seen.add(c_code)
            question.choices.append(
                Choice(
                    code=c_code,
                    position=c_index,
                    label=texts(c_def.get("label"), f"question {code} choice {c_code}"),
                )
            )
        if len(question.choices) < 2 and kind == QuestionKind.SINGLE:
            problems.append((f"question {code}", "needs at least two choices"))
        if not question.choices:
            problems.append((f"question {code}", "needs choices"))
    if (
        question.min_value is not None
        and question.max_value is not None
        and question.min_value > question.max_value
    ):
        problems.append((f"question {code}", "the minimum is above the maximum"))
    if kind == QuestionKind.RATING:
        low = question.min_value if question.min_value is not None else 1
        high = question.max_value if question.max_value is not None else 5
        if low != int(low) or high != int(high) or not low < high <= low + 10:
            problems.append((f"question {code}", "a scale needs 2 to 11 whole points"))
    if (
        question.min_choices
        and question.max_choices
        and question.min_choices > question.max_choices
    ):
        problems.append((f"question {code}", "the minimum number of picks is above the maximum"))
    return question


def _apply_show_if(question: Question, rule: dict, by_code: dict, where: str, problems) -> None:
    source = by_code.get(rule.get("question"))
    if source is None or source.position >= question.position:
        problems.append((where, "show-if must refer to an earlier question"))
        return
    try:
        operator = ShowIfOperator(rule.get("operator") or "equals")
    except ValueError:
        problems.append((where, f"unknown show-if operator {rule.get('operator')!r}"))
        return
    values = [str(v) for v in rule.get("values") or []]
    allowed = (
        {c.code for c in source.choices}
        if source.kind.has_choices
        else {"yes", "no"}
        if source.kind == QuestionKind.YESNO
        else None
    )
    if not values or (allowed is not None and not set(values) <= allowed):
        problems.append((where, "show-if values must be choices of the earlier question"))
        return
    question.show_if_question = source
    question.show_if_operator = operator
    question.show_if_values = values


def export_survey(survey: Survey) -> dict:
    """The survey's definition (live questions only), which :func:`build_survey` reads back."""
    sections = []
    for section in survey.sections:
        questions = []
        for q in section.questions:
            if q.removed_at is not None:
                continue
            item = {
                "code": q.code,
                "kind": str(q.kind),
                "required": q.required,
                "segment": q.is_segment,
                "text": dict(q.text or {}),
                "hint": dict(q.hint or {}),
                "min": q.min_value,
                "max": q.max_value,
                "whole_number": q.whole_number,
                "min_choices": q.min_choices,
                "max_choices": q.max_choices,
                "max_length": q.max_length,
                "low_label": dict(q.low_label or {}),
                "high_label": dict(q.high_label or {}),
                "choices": [
                    {"code": c.code, "label": dict(c.label or {})}
                    for c in q.choices
                    if c.removed_at is None
                ],
                "show_if": None,
            }
            if q.show_if_question is not None and q.show_if_operator is not None:
                item["show_if"] = {
                    "question": q.show_if_question.code,
                    "operator": str(q.show_if_operator),
                    "values": list(q.show_if_values or []),
                }
            questions.append(item)
        sections.append(
            {
                "title": dict(section.title or {}),
                "description": dict(section.description or {}),
                "questions": questions,
            }
        )
    return {
        "format": FORMAT_VERSION,
        "slug": survey.slug,
        "status": str(survey.status),
        "default_language": survey.default_language,
        "languages": list(survey.languages or []),
        "title": dict(survey.title or {}),
        "introduction": dict(survey.introduction or {}),
        "thank_you": dict(survey.thank_you or {}),
        "results_public": survey.results_public,
        "min_group_size": survey.min_group_size,
        "opens_at": survey.opens_at.isoformat() if survey.opens_at else None,
        "closes_at": survey.closes_at.isoformat() if survey.closes_at else None,
        "sections": sections,
    }
