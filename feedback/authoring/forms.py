"""Forms of the survey builder and of user management."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    FloatField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from feedback.auth.models import Role
from feedback.i18n import CONTENT_LANGUAGES, UI_LANGUAGES
from feedback.surveys.models import QuestionKind, ShowIfOperator

KIND_LABELS = {
    QuestionKind.SINGLE: _l("One choice"),
    QuestionKind.MULTIPLE: _l("Several choices"),
    QuestionKind.RATING: _l("Rating scale"),
    QuestionKind.NPS: _l("Recommendation, 0 to 10"),
    QuestionKind.YESNO: _l("Yes or no"),
    QuestionKind.NUMBER: _l("Number"),
    QuestionKind.SHORT_TEXT: _l("Short text"),
    QuestionKind.LONG_TEXT: _l("Long text"),
    QuestionKind.DATE: _l("Date"),
}

OPERATOR_LABELS = {
    ShowIfOperator.EQUALS: _l("is"),
    ShowIfOperator.ONE_OF: _l("is one of"),
    ShowIfOperator.NOT_EQUALS: _l("is not"),
}

DATE_FORMAT = "%Y-%m-%dT%H:%M"


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def content_language_choices() -> list[tuple[str, str]]:
    return [(code, f"{name} ({code})") for code, (name, _dir) in CONTENT_LANGUAGES.items()]


def optional_int(value):
    if value in (None, "", "None"):
        return None
    return int(value)


class SurveyForm(FlaskForm):
    title = StringField(
        _l("Title"), validators=[DataRequired(_l("Enter a title")), Length(max=200)]
    )
    slug = StringField(
        _l("Web address"),
        validators=[Optional(), Length(max=80)],
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
    )
    default_language = SelectField(_l("Default language"), choices=content_language_choices)
    languages = MultiCheckboxField(_l("Other languages"), choices=content_language_choices)
    introduction = TextAreaField(_l("Introduction"), validators=[Length(max=5000)])
    thank_you = TextAreaField(_l("Thank-you text"), validators=[Length(max=5000)])
    opens_at = DateTimeLocalField(_l("Opens at (UTC)"), format=DATE_FORMAT, validators=[Optional()])
    closes_at = DateTimeLocalField(
        _l("Closes at (UTC)"), format=DATE_FORMAT, validators=[Optional()]
    )
    results_public = BooleanField(_l("Residents can see the results"))
    min_group_size = IntegerField(
        _l("Smallest group shown in results"),
        default=5,
        validators=[
            DataRequired(_l("Enter a number from 1 to 100")),
            NumberRange(1, 100, _l("Enter a number from 1 to 100")),
        ],
    )


class SectionForm(FlaskForm):
    title = StringField(_l("Section title"), validators=[Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Length(max=2000)])


class QuestionForm(FlaskForm):
    section_id = SelectField(_l("Section"), coerce=int)
    kind = SelectField(
        _l("Kind of question"),
        choices=lambda: [(k.value, label) for k, label in KIND_LABELS.items()],
    )
    text = TextAreaField(
        _l("Question"), validators=[DataRequired(_l("Enter the question")), Length(max=1000)]
    )
    hint = TextAreaField(_l("Hint"), validators=[Length(max=1000)])
    code = StringField(_l("Code for exports"), validators=[Optional(), Length(max=64)])
    required = BooleanField(_l("An answer is required"))
    is_segment = BooleanField(_l("Use this question to break results down (segment)"))
    choices = TextAreaField(_l("Choices"), validators=[Length(max=20000)])
    min_value = FloatField(_l("Lowest value"), validators=[Optional()])
    max_value = FloatField(_l("Highest value"), validators=[Optional()])
    low_label = StringField(_l("Label of the lowest value"), validators=[Length(max=200)])
    high_label = StringField(_l("Label of the highest value"), validators=[Length(max=200)])
    whole_number = BooleanField(_l("Whole numbers only"), default=True)
    min_choices = IntegerField(
        _l("Fewest choices a resident must pick"), validators=[Optional(), NumberRange(0, 200)]
    )
    max_choices = IntegerField(
        _l("Most choices a resident may pick"), validators=[Optional(), NumberRange(1, 200)]
    )
    max_length = IntegerField(
        _l("Longest answer, in characters"), validators=[Optional(), NumberRange(1, 20000)]
    )
    show_if_question_id = SelectField(
        _l("Show this question only when"), coerce=optional_int, validate_choice=False
    )
    show_if_operator = SelectField(
        _l("Condition"),
        choices=lambda: [(k.value, label) for k, label in OPERATOR_LABELS.items()],
        default=ShowIfOperator.EQUALS.value,
        validate_choice=False,
    )
    show_if_values = MultiCheckboxField(_l("Answers"), validate_choice=False)
    confirm = BooleanField(_l("Yes, hide the removed choices and keep their answers"))


class ImportForm(FlaskForm):
    definition = FileField(_l("Survey definition (JSON file)"))


class InviteForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        validators=[
            DataRequired(_l("Enter an email address")),
            Email(_l("Enter an email address like name@example.org"), check_deliverability=False),
            Length(max=254),
        ],
    )
    role = SelectField(
        _l("Role"),
        choices=lambda: [
            (Role.FACILITATOR.value, _l("Facilitator")),
            (Role.OFFICIAL.value, _l("Official")),
            (Role.ADMIN.value, _l("Administrator")),
        ],
    )
    language = SelectField(
        _l("Language of the interface"),
        choices=lambda: [(code, name) for code, (name, _dir) in UI_LANGUAGES.items()],
    )
