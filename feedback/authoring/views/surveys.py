"""Surveys: the list, creating, editing, sections, status, copies, JSON, preview."""

from __future__ import annotations

import json

from flask import (
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from feedback.answering import services as answering
from feedback.authoring import services
from feedback.authoring.forms import ImportForm, SectionForm, SurveyForm
from feedback.authoring.views import bp
from feedback.authoring.views.common import form_error, get_survey
from feedback.extensions import db
from feedback.i18n import offer_languages
from feedback.surveys.definition import DefinitionError, export_survey
from feedback.surveys.models import Section, SurveyStatus

MAX_IMPORT_BYTES = 512 * 1024


def _settings(form: SurveyForm) -> services.SurveySettings:
    default = form.default_language.data
    return services.SurveySettings(
        title=form.title.data or "",
        slug=form.slug.data or "",
        default_language=default,
        languages=[code for code in form.languages.data or [] if code != default],
        introduction=form.introduction.data or "",
        thank_you=form.thank_you.data or "",
        opens_at=form.opens_at.data,
        closes_at=form.closes_at.data,
        results_public=form.results_public.data,
        min_group_size=form.min_group_size.data,
    )


@bp.route("/surveys")
def surveys():
    rows = services.list_surveys()
    return render_template("authoring/surveys.html", rows=rows)


@bp.route("/surveys/new", methods=["GET", "POST"])
def new_survey():
    form = SurveyForm()
    if form.validate_on_submit():
        try:
            survey = services.create_survey(_settings(form), current_user)
        except services.AuthoringError as error:
            db.session.rollback()
            form_error(form, error)
        else:
            db.session.commit()
            flash(_("The survey is created. Add its questions."))
            return redirect(url_for("authoring.survey", survey_id=survey.id))
    return render_template("authoring/survey_form.html", form=form, survey=None, locked=False)


@bp.route("/surveys/<int:survey_id>")
def survey(survey_id: int):
    survey = get_survey(survey_id)
    links = current_app.view_functions
    completeness = {}
    if "translating.translations" in links:
        try:
            from feedback.translating.services import completeness as measure

            completeness = measure(survey)
        except ImportError:
            completeness = {}
    return render_template(
        "authoring/survey.html",
        survey=survey,
        responses=services.response_counts([survey.id]).get(survey.id, 0),
        answered=services.answered_question_ids(survey),
        history=services.survey_history(survey),
        completeness=completeness,
        has_translations="translating.translations" in links,
        has_sharing="translating.share" in links,
        section_form=SectionForm(),
        availability=survey.availability(),
    )


@bp.route("/surveys/<int:survey_id>/edit", methods=["GET", "POST"])
def edit_survey(survey_id: int):
    survey = get_survey(survey_id)
    locked = services.slug_locked(survey)
    default = survey.default_language
    form = SurveyForm(
        data=None
        if request.method == "POST"
        else {
            "title": (survey.title or {}).get(default, ""),
            "slug": survey.slug,
            "default_language": default,
            "languages": [c for c in survey.languages or [] if c != default],
            "introduction": (survey.introduction or {}).get(default, ""),
            "thank_you": (survey.thank_you or {}).get(default, ""),
            "opens_at": survey.opens_at.replace(tzinfo=None) if survey.opens_at else None,
            "closes_at": survey.closes_at.replace(tzinfo=None) if survey.closes_at else None,
            "results_public": survey.results_public,
            "min_group_size": survey.min_group_size,
        }
    )
    if form.validate_on_submit():
        try:
            services.update_survey(survey, _settings(form), current_user)
        except services.AuthoringError as error:
            db.session.rollback()
            form_error(form, error)
        else:
            db.session.commit()
            flash(_("Your changes are saved."))
            return redirect(url_for("authoring.survey", survey_id=survey.id))
    return render_template(
        "authoring/survey_form.html",
        form=form,
        survey=survey,
        locked=locked,
        history=services.survey_history(survey),
    )


def _status_change(survey_id: int, change, message: str):
    survey = get_survey(survey_id)
    try:
        change(survey, current_user)
    except services.AuthoringError as error:
        db.session.rollback()
        flash(error.message, "warning")
    else:
        db.session.commit()
        flash(message)
    return redirect(url_for("authoring.survey", survey_id=survey_id))


@bp.route("/surveys/<int:survey_id>/publish", methods=["GET", "POST"])
def publish_survey(survey_id: int):
    survey = get_survey(survey_id)
    incomplete = services.incomplete_languages(survey)
    if request.method == "GET" or (incomplete and not request.form.get("confirm")):
        return render_template(
            "authoring/publish.html", survey=survey, incomplete=incomplete, confirm_needed=False
        )
    reopening = survey.status == SurveyStatus.CLOSED
    message = _("The survey is open again.") if reopening else _("The survey is published.")
    return _status_change(survey_id, services.publish_survey, message)


@bp.route("/surveys/<int:survey_id>/close", methods=["POST"])
def close_survey(survey_id: int):
    return _status_change(survey_id, services.close_survey, _("The survey is closed."))


@bp.route("/surveys/<int:survey_id>/duplicate", methods=["POST"])
def duplicate_survey(survey_id: int):
    survey = get_survey(survey_id)
    copy = services.duplicate_survey(survey, current_user)
    db.session.commit()
    flash(_("This is a copy, saved as a draft. Change its title and address."))
    return redirect(url_for("authoring.edit_survey", survey_id=copy.id))


@bp.route("/surveys/<int:survey_id>/delete", methods=["GET", "POST"])
def delete_survey(survey_id: int):
    survey = get_survey(survey_id)
    if request.method == "POST":
        try:
            services.delete_survey(survey, current_user)
        except services.AuthoringError as error:
            db.session.rollback()
            flash(error.message, "warning")
            return redirect(url_for("authoring.survey", survey_id=survey_id))
        db.session.commit()
        flash(_("The survey is deleted."))
        return redirect(url_for("authoring.surveys"))
    return render_template(
        "authoring/delete_survey.html", survey=survey, has_responses=services.has_responses(survey)
    )


# Sections ------------------------------------------------------------------------------------


def _get_section(survey, section_id: int) -> Section:
    from flask import abort

    for section in survey.sections:
        if section.id == section_id:
            return section
    abort(404)


@bp.route("/surveys/<int:survey_id>/sections", methods=["POST"])
def add_section(survey_id: int):
    survey = get_survey(survey_id)
    form = SectionForm()
    if form.validate_on_submit():
        services.add_section(survey, form.title.data or "", current_user)
        db.session.commit()
        flash(_("The section is added."))
    else:
        flash(_("The section title is too long."), "warning")
    return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))


@bp.route("/surveys/<int:survey_id>/sections/<int:section_id>/edit", methods=["GET", "POST"])
def edit_section(survey_id: int, section_id: int):
    survey = get_survey(survey_id)
    section = _get_section(survey, section_id)
    language = survey.default_language
    form = SectionForm(
        data=None
        if request.method == "POST"
        else {
            "title": (section.title or {}).get(language, ""),
            "description": (section.description or {}).get(language, ""),
        }
    )
    if form.validate_on_submit():
        services.rename_section(section, form.title.data, form.description.data, current_user)
        db.session.commit()
        flash(_("Your changes are saved."))
        return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))
    return render_template("authoring/section_form.html", form=form, survey=survey, section=section)


@bp.route("/surveys/<int:survey_id>/sections/<int:section_id>/move", methods=["POST"])
def move_section(survey_id: int, section_id: int):
    survey = get_survey(survey_id)
    section = _get_section(survey, section_id)
    direction = -1 if request.form.get("direction") == "up" else 1
    try:
        services.move_section(section, direction, current_user)
    except services.AuthoringError as error:
        db.session.rollback()
        flash(error.message, "warning")
    else:
        db.session.commit()
    return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))


@bp.route("/surveys/<int:survey_id>/sections/<int:section_id>/delete", methods=["POST"])
def delete_section(survey_id: int, section_id: int):
    survey = get_survey(survey_id)
    section = _get_section(survey, section_id)
    try:
        services.delete_section(section, current_user)
    except services.AuthoringError as error:
        db.session.rollback()
        flash(error.message, "warning")
    else:
        db.session.commit()
        flash(_("The section is deleted."))
    return redirect(url_for("authoring.survey", survey_id=survey_id, _anchor="sections"))


# JSON export and import ----------------------------------------------------------------------


@bp.route("/surveys/<int:survey_id>/export.json")
def export_survey_json(survey_id: int):
    survey = get_survey(survey_id)
    body = json.dumps(export_survey(survey), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{survey.slug}.json"'},
    )


@bp.route("/surveys/import", methods=["GET", "POST"])
def import_survey():
    form = ImportForm()
    problems: list[tuple[str, str]] = []
    if form.validate_on_submit():
        upload = request.files.get("definition")
        raw = upload.read(MAX_IMPORT_BYTES + 1) if upload else b""
        if not raw:
            form.definition.errors = [_("Choose a JSON file to import.")]
        elif len(raw) > MAX_IMPORT_BYTES:
            form.definition.errors = [_("The file is larger than 512 KB.")]
        else:
            try:
                definition = json.loads(raw.decode("utf-8-sig"))
                survey = services.import_survey(definition, current_user)
            except (UnicodeDecodeError, json.JSONDecodeError):
                form.definition.errors = [_("The file is not valid JSON.")]
            except DefinitionError as error:
                db.session.rollback()
                problems = error.problems
                form.definition.errors = [_("The survey could not be imported; nothing was.")]
            else:
                db.session.commit()
                flash(_("The survey is imported as a draft."))
                return redirect(url_for("authoring.survey", survey_id=survey.id))
    return render_template("authoring/import.html", form=form, problems=problems)


# Preview -------------------------------------------------------------------------------------

PREVIEW_KEY = "p" * answering.KEY_LENGTH


def _preview_values(survey_id: int) -> dict:
    return dict(session.get("preview", {}).get(str(survey_id), {}))


def _keep_preview_values(survey_id: int, values: dict) -> None:
    # Only for the preview, in the signed cookie: keep it small.
    trimmed = {code: [v[:200] for v in vals[:20]] for code, vals in values.items()}
    session["preview"] = {str(survey_id): trimmed}


@bp.route("/surveys/<int:survey_id>/preview", methods=["GET", "POST"])
def preview(survey_id: int):
    from feedback.answering.views import render_survey

    survey = get_survey(survey_id)
    offer_languages(survey.languages or [survey.default_language], survey.default_language)
    language = request.args.get("lang") or survey.default_language
    if language not in (survey.languages or []):
        language = survey.default_language
    sections = answering.steps(survey)
    if not sections:
        flash(_("Add a question to preview the survey."), "warning")
        return redirect(url_for("authoring.survey", survey_id=survey_id))
    action_url = url_for("authoring.preview", survey_id=survey_id, lang=language)
    values = _preview_values(survey_id)
    if request.method == "GET":
        if request.args.get("step") is None:
            values = {}
            _keep_preview_values(survey_id, values)
        step = max(0, min(request.args.get("step", 1, type=int) - 1, len(sections) - 1))
        return render_survey(
            survey, values, step, language, PREVIEW_KEY, preview=True, action_url=action_url
        )
    step = max(0, min(request.form.get("step", 0, type=int), len(sections) - 1))
    for question in answering.step_questions(sections[step]):
        values[question.code] = request.form.getlist(f"q-{question.code}")
    _keep_preview_values(survey_id, values)
    action = request.form.get("action", "next")
    if action == "back":
        following = answering.next_step(survey, values, step, -1)
    else:
        errors = answering.check_step(survey, values, step)
        if errors:
            return render_survey(
                survey,
                values,
                step,
                language,
                PREVIEW_KEY,
                errors=errors,
                preview=True,
                action_url=action_url,
            )
        following = answering.next_step(survey, values, step)
        if following >= len(sections) or action == "submit":
            flash(_("End of the preview: nothing was stored or counted."))
            return redirect(url_for("authoring.survey", survey_id=survey_id))
    return redirect(
        url_for("authoring.preview", survey_id=survey_id, lang=language, step=following + 1)
    )
