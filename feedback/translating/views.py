"""Translation pages under /manage: the language list and one page per language."""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.i18n import direction, language_name, localize
from feedback.surveys.models import Survey
from feedback.translating import services

bp = Blueprint("translating", __name__, url_prefix="/manage")

FIELD_PREFIX = "t:"


def get_survey(survey_id: int) -> Survey:
    """The survey or a 404."""
    survey = db.session.get(Survey, survey_id)
    if survey is None:
        abort(404)
    return survey


def field_id(key: str) -> str:
    return "t-" + key.replace(".", "-")


@bp.route("/surveys/<int:survey_id>/translations")
@role_required(Role.FACILITATOR)
def translations(survey_id: int):
    survey = get_survey(survey_id)
    if services.record_baseline(survey):
        db.session.commit()
    return render_template(
        "translating/languages.html",
        survey=survey,
        title=localize(survey.title, survey.default_language, survey.default_language),
        summary=services.language_summary(survey),
        language_name=language_name,
    )


def _groups(survey: Survey, language: str) -> list[dict]:
    """The survey's strings grouped by part (survey texts, then each section)."""
    default = survey.default_language
    stale = services.review_needed(survey, language)
    groups: dict[str, dict] = {}
    sections = {f"section.{s.position}": s for s in survey.sections}
    for item in services.survey_strings(survey):
        if item.group not in groups:
            section = sections.get(item.group)
            if section is None:
                heading = _("Survey title and messages")
            else:
                name = (section.title or {}).get(default) or ""
                heading = _("Section %(number)d: %(name)s", number=section.position + 1, name=name)
            groups[item.group] = {
                "id": item.group.replace(".", "-"),
                "heading": heading,
                "items": [],
            }
        groups[item.group]["items"].append(
            {
                "key": item.key,
                "id": field_id(item.key),
                "role": item.role,
                "source": item.text(default),
                "value": item.text(language),
                "stale": item.key in stale,
                "long": len(item.text(default)) > 80 or "\n" in item.text(default),
            }
        )
    return list(groups.values())


@bp.route("/surveys/<int:survey_id>/translations/<lang>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def translate(survey_id: int, lang: str):
    survey = get_survey(survey_id)
    if lang not in services.target_languages(survey):
        abort(404)
    errors: list[tuple[str, str]] = []
    typed: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        typed = {
            name[len(FIELD_PREFIX) :]: value
            for name, value in request.form.items()
            if name.startswith(FIELD_PREFIX)
        }
        confirm = set(request.form.getlist("confirm"))
        result = services.save_translations(survey, lang, typed, current_user, confirm)
        if not result.errors:
            if result.changed or result.confirmed:
                record(
                    "translations.saved",
                    "survey",
                    survey.id,
                    current_user,
                    language=lang,
                    changed=result.changed,
                    confirmed=result.confirmed,
                )
            db.session.commit()
            flash(
                _(
                    "Saved: %(changed)d changed, %(confirmed)d confirmed.",
                    changed=len(result.changed),
                    confirmed=len(result.confirmed),
                ),
                "success",
            )
            anchor = request.form.get("group", "")
            return redirect(url_for(".translate", survey_id=survey.id, lang=lang) + f"#{anchor}")
        db.session.rollback()
        errors = [(field_id(key), message) for key, message in result.errors.items()]
        status = 400
    elif services.record_baseline(survey):
        db.session.commit()
    groups = _groups(survey, lang)
    error_by_id = dict(errors)
    for group in groups:
        for item in group["items"]:
            if item["key"] in typed:
                item["value"] = typed[item["key"]]
            item["error"] = error_by_id.get(item["id"])
    return (
        render_template(
            "translating/translate.html",
            survey=survey,
            lang=lang,
            lang_name=language_name(lang),
            lang_dir=direction(lang),
            default=survey.default_language,
            default_dir=direction(survey.default_language),
            default_name=language_name(survey.default_language),
            groups=groups,
            errors=errors,
            share=services.completeness(survey).get(lang, 0.0),
        ),
        status,
    )


@bp.route("/surveys/<int:survey_id>/translations/<lang>/field", methods=["POST"])
@role_required(Role.FACILITATOR)
def save_field(survey_id: int, lang: str):
    """Save one translation (the page's script calls this when a field loses the focus)."""
    survey = get_survey(survey_id)
    if lang not in services.target_languages(survey):
        abort(404)
    payload = request.get_json(silent=True) or {}
    key = payload.get("key")
    value = payload.get("value")
    if not isinstance(key, str) or not isinstance(value, str):
        return jsonify(error=_("Send a key and a value.")), 400
    confirm = {key} if payload.get("confirm") else set()
    result = services.save_translations(survey, lang, {key: value}, current_user, confirm)
    if result.errors:
        db.session.rollback()
        return jsonify(error=next(iter(result.errors.values()))), 400
    if result.changed or result.confirmed:
        record(
            "translations.saved",
            "survey",
            survey.id,
            current_user,
            language=lang,
            changed=result.changed,
            confirmed=result.confirmed,
        )
    db.session.commit()
    return jsonify(
        saved=True,
        changed=bool(result.changed),
        message=_("Saved"),
        completeness=services.completeness(survey).get(lang, 0.0),
    )
