"""Views under /manage/programmes (facilitators) and /reports/programmes (officials)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.focus_groups.models import FocusGroup
from feedback.i18n import localize, page_language
from feedback.programmes import editing, services
from feedback.programmes.forms import IndicatorForm, InitiativeForm, ValueForm, parse_codes
from feedback.programmes.models import Indicator, IndicatorSource, Initiative
from feedback.results.forms import read_texts
from feedback.results.review import review_counts
from feedback.surveys.models import Survey

bp = Blueprint("programmes", __name__)


def _initiative_or_404(initiative_id: int) -> Initiative:
    initiative = db.session.get(Initiative, initiative_id)
    if initiative is None:
        abort(404)
    return initiative


def _indicator_or_404(initiative: Initiative, indicator_id: int) -> Indicator:
    indicator = db.session.get(Indicator, indicator_id)
    if indicator is None or indicator.initiative_id != initiative.id:
        abort(404)
    return indicator


def _texts_of(initiative: Initiative):
    language = page_language()
    return lambda values: localize(values, language, initiative.default_language)


def _all_surveys() -> list[Survey]:
    return list(db.session.scalars(select(Survey).order_by(Survey.id)))


def _focus_groups() -> list[FocusGroup]:
    """Focus-group sessions that can be linked to a programme."""
    return list(db.session.scalars(select(FocusGroup).order_by(FocusGroup.starts_at)))


# Facilitators ---------------------------------------------------------------------------------


@bp.route("/manage/programmes")
@role_required(Role.FACILITATOR)
def manage_list():
    return render_template(
        "programmes/manage_list.html", initiatives=services.list_initiatives(), t=_texts
    )


def _texts(values, default="en"):
    return localize(values, page_language(), default)


@bp.route("/manage/programmes/new", methods=["GET", "POST"])
@bp.route("/manage/programmes/<int:initiative_id>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def manage_edit(initiative_id: int | None = None):
    initiative = _initiative_or_404(initiative_id) if initiative_id else None
    form = InitiativeForm(obj=initiative)
    if request.method == "GET" and initiative is not None:
        form.languages.data = ", ".join(initiative.languages or [])
    languages = parse_codes(form.languages.data) or ["en"]
    default = (form.default_language.data or "en").strip()
    name = dict(initiative.name) if initiative else {}
    description = dict(initiative.description) if initiative else {}
    errors = []
    if request.method == "POST":
        valid = form.validate_on_submit()
        errors = [(f.id, f.errors[0]) for f in form if f.errors]
        if valid:
            name, name_errors = read_texts(request.form, languages, default, prefix="name")
            description, more = read_texts(request.form, languages, "", prefix="description")
            errors += name_errors + more
        if not errors:
            initiative = editing.save_initiative(
                initiative,
                languages=languages,
                default_language=default,
                name=name,
                description=description,
                starts_on=form.starts_on.data,
            )
            db.session.flush()
            services.set_linked_surveys(
                initiative, {int(v) for v in request.form.getlist("survey") if v.isdigit()}
            )
            services.set_linked_focus_groups(
                initiative, {int(v) for v in request.form.getlist("focus_group") if v.isdigit()}
            )
            record("programme.save", "initiative", initiative.id, current_user)
            db.session.commit()
            flash(_("Programme saved."), "success")
            return redirect(url_for("programmes.manage_edit", initiative_id=initiative.id))
    linked = set(services.linked_survey_ids(initiative)) if initiative else set()
    linked_groups = (
        {g.focus_group_id for g in initiative.focus_group_links} if initiative else set()
    )
    return render_template(
        "programmes/manage_edit.html",
        initiative=initiative,
        form=form,
        languages=languages,
        default=default,
        name=name,
        description=description,
        errors=errors,
        surveys=_all_surveys(),
        linked=linked,
        focus_groups=_focus_groups(),
        linked_groups=linked_groups,
        progress=services.programme_progress(initiative, date.today()) if initiative else [],
        t=_texts_of(initiative) if initiative else _texts,
    ), (400 if errors else 200)


@bp.route("/manage/programmes/<int:initiative_id>/delete", methods=["POST"])
@role_required(Role.FACILITATOR)
def manage_delete(initiative_id: int):
    initiative = _initiative_or_404(initiative_id)
    record("programme.delete", "initiative", initiative.id, current_user)
    db.session.delete(initiative)
    db.session.commit()
    flash(_("Programme deleted."), "success")
    return redirect(url_for("programmes.manage_list"))


@bp.route("/manage/programmes/<int:initiative_id>/indicators/new", methods=["GET", "POST"])
@bp.route(
    "/manage/programmes/<int:initiative_id>/indicators/<int:indicator_id>",
    methods=["GET", "POST"],
)
@role_required(Role.FACILITATOR)
def indicator_edit(initiative_id: int, indicator_id: int | None = None):
    initiative = _initiative_or_404(initiative_id)
    indicator = _indicator_or_404(initiative, indicator_id) if indicator_id else None
    form = IndicatorForm(obj=indicator)
    surveys = services.linked_surveys(initiative)
    form.survey_id.choices = [SelectChoice("", _("All linked surveys"))] + [
        SelectChoice(str(s.id), localize(s.title, "en", s.default_language).text or s.slug)
        for s in surveys
    ]
    if request.method == "GET":
        form.survey_id.data = str(indicator.survey_id) if indicator and indicator.survey_id else ""
        form.choice_codes.data = ", ".join(indicator.choice_codes or []) if indicator else ""
        if indicator is None:
            form.starts_on.data = form.starts_on.data or initiative.starts_on
    languages = initiative.languages or [initiative.default_language]
    label = dict(indicator.label) if indicator else {}
    unit = dict(indicator.unit) if indicator else {}
    errors = []
    if request.method == "POST":
        valid = form.validate_on_submit()
        errors = [(f.id, f.errors[0]) for f in form if f.errors]
        label, more = read_texts(request.form, languages, initiative.default_language, "label")
        errors += more
        unit, more = read_texts(request.form, languages, "", "unit")
        errors += more
        if valid and not errors:
            source = IndicatorSource(form.source.data)
            survey_id = int(form.survey_id.data) if form.survey_id.data else None
            codes = parse_codes(form.choice_codes.data)
            errors = editing.check_indicator_source(
                source,
                survey_id,
                (form.question_code.data or "").strip(),
                codes,
                services.linked_survey_ids(initiative),
            )
            if not errors:
                indicator = editing.save_indicator(
                    initiative,
                    indicator,
                    label=label,
                    unit=unit,
                    source=source,
                    target=form.target.data,
                    baseline=form.baseline.data or 0.0,
                    starts_on=form.starts_on.data,
                    due_on=form.due_on.data,
                    survey_id=survey_id,
                    question_code=(form.question_code.data or "").strip(),
                    choice_codes=codes,
                )
                db.session.flush()
                record("indicator.save", "indicator", indicator.id, current_user)
                db.session.commit()
                flash(_("Indicator saved."), "success")
                return redirect(url_for("programmes.manage_edit", initiative_id=initiative.id))
            for field_id, message in errors:
                getattr(form, field_id).errors = [message]
    return render_template(
        "programmes/indicator_form.html",
        initiative=initiative,
        indicator=indicator,
        form=form,
        languages=languages,
        label=label,
        unit=unit,
        errors=errors,
        t=_texts_of(initiative),
    ), (400 if errors else 200)


@bp.route(
    "/manage/programmes/<int:initiative_id>/indicators/<int:indicator_id>/delete",
    methods=["POST"],
)
@role_required(Role.FACILITATOR)
def indicator_delete(initiative_id: int, indicator_id: int):
    initiative = _initiative_or_404(initiative_id)
    indicator = _indicator_or_404(initiative, indicator_id)
    record("indicator.delete", "indicator", indicator.id, current_user)
    db.session.delete(indicator)
    db.session.commit()
    flash(_("Indicator deleted."), "success")
    return redirect(url_for("programmes.manage_edit", initiative_id=initiative.id))


@bp.route(
    "/manage/programmes/<int:initiative_id>/indicators/<int:indicator_id>/values",
    methods=["GET", "POST"],
)
@role_required(Role.FACILITATOR)
def indicator_values(initiative_id: int, indicator_id: int):
    initiative = _initiative_or_404(initiative_id)
    indicator = _indicator_or_404(initiative, indicator_id)
    form = ValueForm()
    if request.method == "GET":
        form.recorded_on.data = date.today()
    if form.validate_on_submit():
        services.add_value(
            indicator, form.value.data, form.recorded_on.data, form.note.data, current_user
        )
        record("indicator.value", "indicator", indicator.id, current_user, value=form.value.data)
        db.session.commit()
        flash(_("Value saved."), "success")
        return redirect(
            url_for(
                "programmes.indicator_values",
                initiative_id=initiative.id,
                indicator_id=indicator.id,
            )
        )
    return render_template(
        "programmes/values.html",
        initiative=initiative,
        indicator=indicator,
        form=form,
        t=_texts_of(initiative),
    ), (400 if form.errors else 200)


# Officials ------------------------------------------------------------------------------------


@bp.route("/reports/programmes")
@role_required(Role.OFFICIAL, Role.FACILITATOR)
def report_list():
    today = date.today()
    rows = [
        (initiative, services.programme_progress(initiative, today))
        for initiative in services.list_initiatives()
    ]
    return render_template("programmes/report_list.html", rows=rows, t=_texts)


@bp.route("/reports/programmes/<int:initiative_id>")
@role_required(Role.OFFICIAL, Role.FACILITATOR)
def report_detail(initiative_id: int):
    from feedback.results.findings import list_findings

    initiative = _initiative_or_404(initiative_id)
    surveys = [(s, review_counts(s)) for s in services.linked_surveys(initiative)]
    return render_template(
        "programmes/report_detail.html",
        initiative=initiative,
        progress=services.programme_progress(initiative, date.today()),
        surveys=surveys,
        findings=list_findings(initiative_id=initiative.id),
        t=_texts_of(initiative),
    )
