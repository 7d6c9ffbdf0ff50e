"""Questions: add, edit, move, remove (with confirmation when they have answers)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback.authoring import questions as service
from feedback.authoring.forms import KIND_LABELS, QuestionForm
from feedback.authoring.services import AuthoringError, survey_history
from feedback.authoring.views import bp
from feedback.authoring.views.common import form_error, get_survey
from feedback.extensions import db
from feedback.i18n import localize
from feedback.surveys.models import Question, QuestionKind, ShowIfOperator, Survey


def _get_question(survey: Survey, question_id: int) -> Question:
    for question in survey.questions:
        if question.id == question_id and question.removed_at is None:
            return question
    abort(404)


def _label(survey: Survey, texts) -> str:
    return localize(texts, survey.default_language, survey.default_language).text


def _prepare(form: QuestionForm, survey: Survey, question: Question | None):
    """Fill the selects: sections, earlier questions and their answers (for show-if)."""
    form.section_id.choices = [
        (s.id, _label(survey, s.title) or _("Section %(number)d", number=i + 1))
        for i, s in enumerate(survey.sections)
    ]
    sources = service.show_if_sources(survey, question)
    form.show_if_question_id.choices = [("", _("Always show it"))] + [
        (q.id, f"{q.code}: {_label(survey, q.text)}") for q in sources
    ]
    value_choices = []
    for source in sources:
        if source.kind == QuestionKind.YESNO:
            labels = [("yes", _("Yes")), ("no", _("No"))]
        else:
            labels = [(c.code, _label(survey, c.label)) for c in source.active_choices]
        value_choices += [
            (f"{source.id}:{code}", f"{source.code}: {label}") for code, label in labels
        ]
    form.show_if_values.choices = value_choices
    return sources


def _operator(value: str | None) -> ShowIfOperator:
    try:
        return ShowIfOperator(value)
    except ValueError:
        return ShowIfOperator.EQUALS


def _settings(form: QuestionForm, kind: QuestionKind) -> service.QuestionSettings:
    source = form.show_if_question_id.data
    values = []
    for item in form.show_if_values.data or []:
        source_id, _sep, code = item.partition(":")
        if source and source_id == str(source):
            values.append(code)
    return service.QuestionSettings(
        section_id=form.section_id.data,
        kind=kind,
        text=form.text.data or "",
        code=form.code.data or "",
        hint=form.hint.data or "",
        required=form.required.data,
        is_segment=form.is_segment.data,
        choices=form.choices.data or "",
        min_value=form.min_value.data,
        max_value=form.max_value.data,
        whole_number=form.whole_number.data,
        min_choices=form.min_choices.data,
        max_choices=form.max_choices.data,
        max_length=form.max_length.data,
        low_label=form.low_label.data or "",
        high_label=form.high_label.data or "",
        show_if_question_id=source,
        show_if_operator=_operator(form.show_if_operator.data) if source else None,
        show_if_values=values,
    )


def _render(form, survey, question, kind, confirm_items=None, answered=False):
    history = []
    if question is not None:
        history = [
            event
            for event in survey_history(survey)
            if (event["detail"] or {}).get("question") == question.code
        ]
    return render_template(
        "authoring/question_form.html",
        form=form,
        survey=survey,
        question=question,
        kind=kind,
        kind_label=KIND_LABELS[kind],
        confirm_items=confirm_items or [],
        answered=answered,
        history=history,
    )


def _plain(number: float | None):
    """1.0 shown as 1 in the form."""
    return int(number) if number is not None and number == int(number) else number


def _kind(value: str | None, default: QuestionKind) -> QuestionKind:
    try:
        return QuestionKind(value)
    except ValueError:
        return default


@bp.route("/surveys/<int:survey_id>/questions/new", methods=["GET", "POST"])
def new_question(survey_id: int):
    survey = get_survey(survey_id)
    kind = _kind(request.values.get("kind"), QuestionKind.SHORT_TEXT)
    form = QuestionForm()
    _prepare(form, survey, None)
    if request.method == "GET":
        form.kind.data = kind.value
        wanted = request.args.get("section", type=int)
        form.section_id.data = wanted if wanted in dict(form.section_id.choices) else None
        if kind == QuestionKind.RATING:
            form.min_value.data, form.max_value.data = 1, 5
    if form.validate_on_submit():
        kind = _kind(form.kind.data, kind)
        try:
            service.save_question(survey, _settings(form, kind), current_user)
        except AuthoringError as error:
            db.session.rollback()
            form_error(form, error)
        else:
            db.session.commit()
            flash(_("The question is added."))
            return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))
    return _render(form, survey, None, kind)


@bp.route("/surveys/<int:survey_id>/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(survey_id: int, question_id: int):
    survey = get_survey(survey_id)
    question = _get_question(survey, question_id)
    language = survey.default_language
    answered = service.answered_question(question)
    if request.method == "GET":
        form = QuestionForm(
            data={
                "section_id": question.section_id,
                "kind": question.kind.value,
                "text": (question.text or {}).get(language, ""),
                "hint": (question.hint or {}).get(language, ""),
                "code": question.code,
                "required": question.required,
                "is_segment": question.is_segment,
                "choices": service.choices_as_text(question),
                "min_value": _plain(question.min_value),
                "max_value": _plain(question.max_value),
                "low_label": (question.low_label or {}).get(language, ""),
                "high_label": (question.high_label or {}).get(language, ""),
                "whole_number": question.whole_number,
                "min_choices": question.min_choices,
                "max_choices": question.max_choices,
                "max_length": question.max_length,
                "show_if_question_id": question.show_if_question_id,
                "show_if_operator": (question.show_if_operator or ShowIfOperator.EQUALS).value,
                "show_if_values": [
                    f"{question.show_if_question_id}:{v}" for v in question.show_if_values or []
                ],
            }
        )
    else:
        form = QuestionForm()
    _prepare(form, survey, question)
    kind = question.kind
    if form.validate_on_submit():
        kind = _kind(form.kind.data, question.kind)
        try:
            service.save_question(
                survey,
                _settings(form, kind),
                current_user,
                question=question,
                confirmed=bool(form.confirm.data),
            )
        except service.NeedsConfirmation as needed:
            db.session.rollback()
            survey = get_survey(survey_id)
            question = _get_question(survey, question_id)
            _prepare(form, survey, question)
            return _render(form, survey, question, kind, needed.items, answered)
        except AuthoringError as error:
            db.session.rollback()
            form_error(form, error)
            survey = get_survey(survey_id)
            question = _get_question(survey, question_id)
            _prepare(form, survey, question)
        else:
            db.session.commit()
            flash(_("Your changes are saved."))
            if kind != question.kind or request.form.get("kind_changed"):
                return redirect(url_for("authoring.edit_question", **request.view_args))
            return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))
    return _render(form, survey, question, kind, answered=answered)


@bp.route("/surveys/<int:survey_id>/questions/<int:question_id>/move", methods=["POST"])
def move_question(survey_id: int, question_id: int):
    survey = get_survey(survey_id)
    question = _get_question(survey, question_id)
    direction = -1 if request.form.get("direction") == "up" else 1
    try:
        service.move_question(question, direction, current_user)
    except AuthoringError as error:
        db.session.rollback()
        flash(error.message, "warning")
    else:
        db.session.commit()
    return redirect(
        url_for("authoring.survey", survey_id=survey_id, _anchor=f"question-{question_id}")
    )


@bp.route("/surveys/<int:survey_id>/questions/<int:question_id>/delete", methods=["GET", "POST"])
def delete_question(survey_id: int, question_id: int):
    survey = get_survey(survey_id)
    question = _get_question(survey, question_id)
    answered = service.answered_question(question)
    if request.method == "POST":
        try:
            hidden = service.remove_question(
                question, current_user, confirmed=bool(request.form.get("confirm"))
            )
        except service.NeedsConfirmation:
            db.session.rollback()
            flash(_("Tick the box to confirm."), "warning")
            return redirect(request.path)
        db.session.commit()
        if hidden:
            flash(_("The question is removed. Its answers stay in reports and exports."))
        else:
            flash(_("The question is deleted."))
        return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))
    return render_template(
        "authoring/delete_question.html", survey=survey, question=question, answered=answered
    )
