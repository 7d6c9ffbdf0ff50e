"""Importing an XLSForm workbook as a new draft survey."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.translating.forms import XlsformForm
from feedback.translating.views import bp
from feedback.translating.xlsform import read_xlsform
from feedback.translating.xlsform_store import store_survey

#: Where to go after an import, the first that exists (the survey editor when it is there).
NEXT_ENDPOINTS = ("authoring.survey", "authoring.edit_survey", "authoring.survey_detail")


def _survey_page(survey_id: int) -> str:
    for endpoint in NEXT_ENDPOINTS:
        if endpoint in current_app.view_functions:
            try:
                return url_for(endpoint, survey_id=survey_id)
            except Exception:  # noqa: BLE001, S112 - another signature: try the next one
                continue
    return url_for("translating.translations", survey_id=survey_id)


@bp.route("/surveys/import-xlsform", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def import_xlsform():
    form = XlsformForm()
    result = None
    status = 200
    if form.validate_on_submit():
        upload = form.file.data
        result = read_xlsform(upload.read())
        if result.definition is not None:
            survey = store_survey(result.definition, current_user, upload.filename or "")
            db.session.commit()
            flash(_("The form was imported as a draft survey."), "success")
            if result.notes:
                flash(
                    ngettext(
                        "%(num)d row was skipped (notes or device data).",
                        "%(num)d rows were skipped (notes or device data).",
                        len(result.notes),
                    ),
                    "info",
                )
            return redirect(_survey_page(survey.id))
        status = 400
    elif form.is_submitted():
        status = 400
    errors = []
    if result is not None and result.errors:
        errors = [("problems", _("Nothing was imported: the rows below do not map to a survey."))]
    return (
        render_template("translating/xlsform.html", form=form, result=result, errors=errors),
        status,
    )
