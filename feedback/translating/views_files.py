"""Files for translators: XLIFF, CSV and XLSX downloads, and uploading them back."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.i18n import language_name
from feedback.translating import services, spreadsheet, xliff
from feedback.translating.forms import TranslationFileForm
from feedback.translating.imports import apply_import
from feedback.translating.views import bp, get_survey

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(data: bytes, mimetype: str, filename: str) -> Response:
    return Response(
        data,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/surveys/<int:survey_id>/translations/<lang>.xlf")
@role_required(Role.FACILITATOR)
def export_xliff_file(survey_id: int, lang: str):
    survey = get_survey(survey_id)
    if lang not in services.target_languages(survey):
        abort(404)
    record(
        "translations.exported", "survey", survey.id, current_user, format="xliff", language=lang
    )
    db.session.commit()
    return _download(
        xliff.export_xliff(survey, lang),
        "application/xliff+xml",
        f"{survey.slug}-{survey.default_language}-{lang}.xlf",
    )


@bp.route("/surveys/<int:survey_id>/translations.<any(csv, xlsx):fmt>")
@role_required(Role.FACILITATOR)
def export_table(survey_id: int, fmt: str):
    survey = get_survey(survey_id)
    record("translations.exported", "survey", survey.id, current_user, format=fmt)
    db.session.commit()
    if fmt == "csv":
        return _download(
            spreadsheet.export_csv(survey), "text/csv", f"{survey.slug}-translations.csv"
        )
    return _download(spreadsheet.export_xlsx(survey), XLSX_TYPE, f"{survey.slug}-translations.xlsx")


def read_upload(survey, filename: str, data: bytes):
    """The import report of an uploaded translator file, by its extension."""
    name = filename.lower()
    if name.endswith(".csv"):
        return spreadsheet.read_csv(survey, data)
    if name.endswith(".xlsx"):
        return spreadsheet.read_xlsx(survey, data)
    return xliff.read_xliff(survey, data)


@bp.route("/surveys/<int:survey_id>/translations/import", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def import_file(survey_id: int):
    survey = get_survey(survey_id)
    form = TranslationFileForm()
    report = None
    status = 200
    if form.validate_on_submit():
        upload = form.file.data
        report = read_upload(survey, upload.filename or "", upload.read())
        if report.ok:
            changed = apply_import(survey, report, current_user)
            record(
                "translations.imported",
                "survey",
                survey.id,
                current_user,
                filename=upload.filename,
                changed=changed,
            )
            db.session.commit()
            if changed:
                flash(
                    ngettext(
                        "Imported: %(num)d text changed.",
                        "Imported: %(num)d texts changed.",
                        changed,
                    ),
                    "success",
                )
            else:
                flash(_("Nothing to import: the file has no changes."), "success")
            return redirect(url_for("translating.translations", survey_id=survey.id))
        db.session.rollback()
        status = 400
    elif form.is_submitted():
        status = 400
    return (
        render_template(
            "translating/import.html",
            survey=survey,
            form=form,
            report=report,
            errors=[("file", _("Nothing was imported: fix the rows below and upload again."))]
            if report is not None and not report.ok
            else [],
            language_name=language_name,
        ),
        status,
    )
