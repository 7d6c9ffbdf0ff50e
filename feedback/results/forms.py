"""Forms of the facilitator pages: findings, actions. Texts per language are read by
:func:`read_texts` (one textarea per language, named ``text-<code>``)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from feedback.i18n import language_name
from feedback.results.models import ActionStatus

TEXT_MAX_LENGTH = 5000


def read_texts(form_data, languages: list[str], default: str, prefix: str = "text"):
    """Texts per language from ``<prefix>-<code>`` fields, and errors as (field id, message).

    The default language is required; every text is at most TEXT_MAX_LENGTH characters.
    """
    texts, errors = {}, []
    for code in languages:
        field_id = f"{prefix}-{code}"
        value = (form_data.get(field_id) or "").strip()
        texts[code] = value
        if len(value) > TEXT_MAX_LENGTH:
            errors.append(
                (
                    field_id,
                    _(
                        "The text in %(language)s must be %(max)d characters or fewer",
                        language=language_name(code),
                        max=TEXT_MAX_LENGTH,
                    ),
                )
            )
        elif code == default and not value:
            errors.append(
                (field_id, _("Enter the text in %(language)s", language=language_name(code)))
            )
    return texts, errors


class FindingForm(FlaskForm):
    evidence_code = SelectField(
        _l("Evidence: the question it rests on"), validate_choice=True, default=""
    )
    evidence_by = SelectField(_l("Broken down by (optional)"), validate_choice=True, default="")
    position = IntegerField(
        _l("Position in the list"),
        validators=[Optional(), NumberRange(min=0, max=10000)],
    )
    published = BooleanField(_l("Show this finding on the public results page"))


def action_status_choices():
    return [
        SelectChoice(ActionStatus.PLANNED.value, _l("Planned")),
        SelectChoice(ActionStatus.IN_PROGRESS.value, _l("In progress")),
        SelectChoice(ActionStatus.DONE.value, _l("Done")),
    ]


class ActionForm(FlaskForm):
    owner = StringField(
        _l("Who does it (a department or team, not a person)"),
        validators=[
            DataRequired(_l("Enter the department or team that does it")),
            Length(max=200, message=_l("Enter 200 characters or fewer")),
        ],
    )
    status = SelectField(_l("Status"), choices=action_status_choices())
    due_on = DateField(
        _l("Due date (optional)"),
        validators=[Optional()],
        format="%Y-%m-%d",
    )
    done_on = DateField(
        _l("Date done (optional)"),
        validators=[Optional()],
        format="%Y-%m-%d",
    )
