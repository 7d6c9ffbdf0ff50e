"""Forms of the programme pages. Texts per language use ``read_texts`` (``<prefix>-<code>``)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, FloatField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from feedback.i18n import CONTENT_LANGUAGES
from feedback.programmes.models import IndicatorSource


def parse_codes(value: str | None) -> list[str]:
    """``"en, sq"`` -> ``["en", "sq"]`` (no blanks, no repeats, order kept)."""
    codes = []
    for part in (value or "").replace(";", ",").split(","):
        code = part.strip()
        if code and code not in codes:
            codes.append(code)
    return codes


class InitiativeForm(FlaskForm):
    languages = StringField(
        _l("Languages of the programme's texts"),
        validators=[DataRequired(_l("Enter at least one language code")), Length(max=200)],
        default="en",
    )
    default_language = StringField(
        _l("Main language"),
        validators=[DataRequired(_l("Enter the main language code")), Length(max=8)],
        default="en",
    )
    starts_on = DateField(_l("Start date (optional)"), validators=[Optional()], format="%Y-%m-%d")

    def validate_languages(self, field):
        unknown = [code for code in parse_codes(field.data) if code not in CONTENT_LANGUAGES]
        if unknown:
            raise ValidationError(_l("Use language codes such as en, sq, sr, es, ar"))

    def validate_default_language(self, field):
        if field.data.strip() not in parse_codes(self.languages.data):
            raise ValidationError(_l("The main language must be one of the languages"))


def source_choices():
    return [
        SelectChoice(IndicatorSource.RESPONSES_COUNT.value, _l("Number of survey responses")),
        SelectChoice(IndicatorSource.CHOICE_SHARE.value, _l("Share who gave chosen answers (%)")),
        SelectChoice(IndicatorSource.SCALE_MEAN.value, _l("Average of a scale question")),
        SelectChoice(IndicatorSource.FOCUS_GROUP_ATTENDANCE.value, _l("Focus-group attendance")),
        SelectChoice(IndicatorSource.MANUAL.value, _l("Values entered by hand")),
    ]


class IndicatorForm(FlaskForm):
    source = SelectField(_l("Where the value comes from"), choices=source_choices())
    target = FloatField(
        _l("Target"),
        validators=[InputRequired(_l("Enter the target as a number"))],
    )
    baseline = FloatField(_l("Value at the start"), validators=[Optional()], default=0)
    starts_on = DateField(
        _l("Start date"),
        validators=[InputRequired(_l("Enter the start date"))],
        format="%Y-%m-%d",
    )
    due_on = DateField(
        _l("Due date"),
        validators=[InputRequired(_l("Enter the due date"))],
        format="%Y-%m-%d",
    )
    survey_id = SelectField(_l("Survey (for answers and responses)"), validate_choice=True)
    question_code = StringField(
        _l("Question code (for shares and averages)"), validators=[Optional(), Length(max=64)]
    )
    choice_codes = StringField(
        _l("Answer codes counted in the share, comma separated"),
        validators=[Optional(), Length(max=500)],
    )

    def validate_due_on(self, field):
        if self.starts_on.data and field.data and field.data <= self.starts_on.data:
            raise ValidationError(_l("The due date must be after the start date"))


class ValueForm(FlaskForm):
    value = FloatField(_l("Value"), validators=[InputRequired(_l("Enter the value as a number"))])
    recorded_on = DateField(
        _l("Date of the value"),
        validators=[InputRequired(_l("Enter the date of the value"))],
        format="%Y-%m-%d",
    )
    note = TextAreaField(
        _l("Note (optional)"),
        validators=[Optional(), Length(max=1000, message=_l("Enter 1000 characters or fewer"))],
    )
