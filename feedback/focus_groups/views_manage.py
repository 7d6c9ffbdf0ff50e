"""Facilitator pages: sessions, the roster with check-in, attendance and the CSV export.

Rosters hold personal data: every view and export is written to the audit trail.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.focus_groups import messages, services
from feedback.focus_groups.forms import GroupForm
from feedback.focus_groups.models import FocusGroup, GroupStatus, Signup, SignupStatus
from feedback.focus_groups.views import bp
from feedback.i18n import UI_LANGUAGES, localize, page_language
from feedback.surveys.models import Survey

facilitators = role_required(Role.FACILITATOR)


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "UTC")


def _to_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=_zone()).astimezone(UTC)


def _to_local(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(_zone()).replace(tzinfo=None)


def _group_or_404(group_id: int) -> FocusGroup:
    group = db.session.get(FocusGroup, group_id)
    if group is None:
        abort(404)
    return group


def _title(group: FocusGroup):
    return localize(group.title, page_language(), group.default_language)


@bp.route("/manage/focus-groups")
@facilitators
def manage_index():
    groups = list(
        db.session.scalars(select(FocusGroup).order_by(FocusGroup.starts_at.desc()).limit(500))
    )
    rows = [
        {"group": g, "title": _title(g), "figures": services.attendance_figures(g.id)}
        for g in groups
    ]
    return render_template("focus_groups/manage/index.html", rows=rows)


def _survey_choices() -> list[SelectChoice]:
    surveys = db.session.scalars(select(Survey).order_by(Survey.slug)).all()
    return [SelectChoice("0", _("None"))] + [
        SelectChoice(
            str(s.id), localize(s.title, page_language(), s.default_language).text or s.slug
        )
        for s in surveys
    ]


def _fill_group(group: FocusGroup, form: GroupForm) -> None:
    group.title = form.content("title")
    group.description = form.content("description")
    group.accessibility = form.content("accessibility")
    group.default_language = form.default_language.data
    group.starts_at = _to_utc(form.starts_at.data)
    group.ends_at = _to_utc(form.ends_at.data)
    group.signup_closes_at = _to_utc(form.signup_closes_at.data)
    group.place = form.place.data or ""
    group.online_url = form.online_url.data or ""
    group.languages = list(form.languages.data)
    group.interpretation_offered = bool(form.interpretation_offered.data)
    group.childcare_offered = bool(form.childcare_offered.data)
    group.capacity = form.capacity.data
    group.waitlist_enabled = bool(form.waitlist_enabled.data)
    group.survey_id = form.survey_id.data or None


def _load_form(form: GroupForm, group: FocusGroup) -> None:
    for prefix in ("title", "description", "accessibility"):
        texts = getattr(group, prefix) or {}
        for code in UI_LANGUAGES:
            getattr(form, f"{prefix}_{code}").data = texts.get(code, "")
    form.default_language.data = group.default_language
    form.starts_at.data = _to_local(group.starts_at)
    form.ends_at.data = _to_local(group.ends_at)
    form.signup_closes_at.data = _to_local(group.signup_closes_at)
    form.place.data = group.place
    form.online_url.data = group.online_url
    form.languages.data = list(group.languages or [])
    form.interpretation_offered.data = group.interpretation_offered
    form.childcare_offered.data = group.childcare_offered
    form.capacity.data = group.capacity
    form.waitlist_enabled.data = group.waitlist_enabled
    form.survey_id.data = group.survey_id or 0


def _edit(group: FocusGroup | None):
    form = GroupForm()
    form.survey_id.choices = _survey_choices()
    if request.method == "GET" and group is not None:
        _load_form(form, group)
    if form.validate_on_submit():
        target = group or FocusGroup(seats_taken=0, status=GroupStatus.ACTIVE)
        if group is not None and form.capacity.data < group.seats_taken:
            form.capacity.errors.append(
                _(
                    "%(count)d seats are already taken: enter at least that many.",
                    count=group.seats_taken,
                )
            )
        else:
            try:
                promoted = services.save_group(target, lambda g: _fill_group(g, form))
            except ValueError:
                db.session.rollback()
                form.capacity.errors.append(_("More seats are taken now: enter a larger number."))
            else:
                record("focus_group.saved", "focus_group", target.id, user=current_user)
                db.session.commit()
                messages.deliver_queued()
                flash(_("Session saved."), "success")
                if promoted:
                    flash(
                        _(
                            "%(count)d people moved from the waitlist to a seat.",
                            count=len(promoted),
                        ),
                        "success",
                    )
                return redirect(url_for("focus_groups.roster", group_id=target.id))
    return render_template(
        "focus_groups/manage/edit.html", form=form, group=group, ui_languages=UI_LANGUAGES
    )


@bp.route("/manage/focus-groups/new", methods=["GET", "POST"])
@facilitators
def create():
    return _edit(None)


@bp.route("/manage/focus-groups/<int:group_id>/edit", methods=["GET", "POST"])
@facilitators
def edit(group_id: int):
    return _edit(_group_or_404(group_id))


@bp.route("/manage/focus-groups/<int:group_id>/cancel", methods=["GET", "POST"])
@facilitators
def cancel_group(group_id: int):
    group = _group_or_404(group_id)
    if request.method == "POST":
        told = services.cancel_group(group.id)
        record("focus_group.cancelled", "focus_group", group.id, user=current_user, told=told)
        db.session.commit()
        messages.deliver_queued()
        flash(_("Session cancelled. %(count)d people were told.", count=told), "success")
        return redirect(url_for("focus_groups.roster", group_id=group.id))
    figures = services.attendance_figures(group.id)
    return render_template(
        "focus_groups/manage/cancel.html", group=group, title=_title(group), figures=figures
    )


@bp.route("/manage/focus-groups/<int:group_id>")
@facilitators
def roster(group_id: int):
    group = _group_or_404(group_id)
    query = request.args.get("q", "").strip()[:100]
    people = services.roster(group.id, query)
    record("focus_group.roster_viewed", "focus_group", group.id, user=current_user, q=query)
    db.session.commit()
    return render_template(
        "focus_groups/manage/roster.html",
        group=group,
        title=_title(group),
        people=people,
        query=query,
        figures=services.attendance_figures(group.id),
        statuses=SignupStatus,
    )


def neutralise(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r|%":
        return "'" + text
    return text


@bp.route("/manage/focus-groups/<int:group_id>/roster.csv")
@facilitators
def roster_csv(group_id: int):
    group = _group_or_404(group_id)
    people = services.roster(group.id)
    record(
        "focus_group.roster_exported", "focus_group", group.id, user=current_user, rows=len(people)
    )
    db.session.commit()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Name"),
            _("Email address"),
            _("Phone number"),
            _("Language"),
            _("Access needs"),
            _("Status"),
            _("Signed up"),
        ]
    )
    for person in people:
        writer.writerow(
            [
                neutralise(v)
                for v in (
                    person.name,
                    person.email,
                    person.phone,
                    person.language,
                    person.access_needs,
                    person.status.value,
                    person.created_at.isoformat(timespec="minutes"),
                )
            ]
        )
    response = current_app.response_class("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="focus-group-{group.id}-roster.csv"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response


ATTENDANCE = {
    "attended": SignupStatus.ATTENDED,
    "no_show": SignupStatus.NO_SHOW,
    "confirmed": SignupStatus.CONFIRMED,
}


@bp.route("/manage/focus-groups/<int:group_id>/signups/<int:signup_id>", methods=["POST"])
@facilitators
def attendance(group_id: int, signup_id: int):
    signup = db.session.get(Signup, signup_id)
    if signup is None or signup.focus_group_id != group_id:
        abort(404)
    status = ATTENDANCE.get(request.form.get("status", ""))
    if status is None:
        abort(400)
    try:
        services.set_attendance(signup, status)
    except ValueError:
        abort(409)
    record(
        "focus_group.attendance",
        "focus_group",
        group_id,
        user=current_user,
        signup_id=signup.id,
        status=status.value,
    )
    db.session.commit()
    query = request.form.get("q", "").strip()[:100]
    return redirect(
        url_for("focus_groups.roster", group_id=group_id, q=query or None) + f"#signup-{signup.id}"
    )
