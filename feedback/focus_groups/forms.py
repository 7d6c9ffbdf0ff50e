"""Forms: a resident's sign-up and a facilitator's session editor."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
    widgets,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from feedback.i18n import CONTENT_LANGUAGES, UI_LANGUAGES


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class SignupForm(FlaskForm):
    name = StringField(
        _l("Your name"),
        filters=[_strip],
        validators=[
            DataRequired(_l("Enter your name")),
            Length(max=200, message=_l("Your name must be 200 characters or fewer")),
        ],
    )
    email = EmailField(
        _l("Email address"),
        filters=[_strip],
        validators=[
            Optional(),
            Length(max=254, message=_l("Your email address must be 254 characters or fewer")),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.com"),
                check_deliverability=False,
            ),
        ],
    )
    phone = StringField(
        _l("Phone number"),
        filters=[_strip],
        validators=[
            Optional(),
            Length(max=40, message=_l("Your phone number must be 40 characters or fewer")),
            Regexp(
                r"^\+?[0-9 ()\-.]{5,}$",
                message=_l("Enter a phone number, like 07700 900 982 or +1 555 0100"),
            ),
        ],
    )
    language = SelectField(
        _l("Which language should we write to you in?"),
        choices=[SelectChoice(code, name) for code, (name, _dir) in UI_LANGUAGES.items()],
        validators=[DataRequired(_l("Choose a language"))],
    )
    access_needs = TextAreaField(
        _l("Do you need anything to take part?"),
        filters=[_strip],
        validators=[
            Optional(),
            Length(max=1000, message=_l("Access needs must be 1,000 characters or fewer")),
        ],
    )
    consent = BooleanField(
        _l("I agree that the organisers may contact me about this session"),
        validators=[DataRequired(_l("Tick the box to agree to be contacted about this session"))],
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not self.email.data and not self.phone.data and not self.email.errors:
            self.email.errors = [_l("Enter an email address or a phone number, or both")]
            valid = False
        return valid


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _content_fields(cls):
    """Title, description and accessibility fields for each interface language."""
    for code, (name, _dir) in UI_LANGUAGES.items():
        setattr(
            cls,
            f"title_{code}",
            StringField(
                _l("Title (%(language)s)", language=name),
                filters=[_strip],
                validators=[Optional(), Length(max=200)],
            ),
        )
        setattr(
            cls,
            f"description_{code}",
            TextAreaField(
                _l("Description (%(language)s)", language=name),
                filters=[_strip],
                validators=[Optional(), Length(max=5000)],
            ),
        )
        setattr(
            cls,
            f"accessibility_{code}",
            TextAreaField(
                _l("Access information (%(language)s)", language=name),
                filters=[_strip],
                validators=[Optional(), Length(max=2000)],
            ),
        )
    return cls


@_content_fields
class GroupForm(FlaskForm):
    default_language = SelectField(
        _l("Main language of the texts"),
        choices=[SelectChoice(code, name) for code, (name, _dir) in UI_LANGUAGES.items()],
    )
    starts_at = DateTimeLocalField(
        _l("Starts"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[InputRequired(_l("Enter when the session starts"))],
    )
    ends_at = DateTimeLocalField(
        _l("Ends"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[InputRequired(_l("Enter when the session ends"))],
    )
    signup_closes_at = DateTimeLocalField(
        _l("Sign-up closes"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional()],
    )
    place = StringField(_l("Place"), filters=[_strip], validators=[Optional(), Length(max=300)])
    online_url = URLField(
        _l("Online link"),
        filters=[_strip],
        validators=[Optional(), Length(max=500), URL(message=_l("Enter a full web address"))],
    )
    languages = MultiCheckboxField(
        _l("Languages spoken at the session"),
        choices=[SelectChoice(code, name) for code, (name, _dir) in CONTENT_LANGUAGES.items()],
        validators=[DataRequired(_l("Choose at least one language"))],
    )
    interpretation_offered = BooleanField(_l("Interpretation offered"))
    childcare_offered = BooleanField(_l("Childcare offered"))
    capacity = IntegerField(
        _l("Seats"),
        validators=[
            InputRequired(_l("Enter the number of seats")),
            NumberRange(min=1, max=10000, message=_l("Enter a number of seats from 1 to 10,000")),
        ],
    )
    waitlist_enabled = BooleanField(_l("Keep a waitlist when it is full"), default=True)
    survey_id = SelectField(_l("Linked survey"), coerce=int, choices=[], validate_choice=True)

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("The end must be after the start"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not self.place.data and not self.online_url.data and not self.online_url.errors:
            self.place.errors = [_l("Enter a place or an online link")]
            valid = False
        return valid

    def content(self, prefix: str) -> dict[str, str]:
        """The per-language texts of one kind (``title``...), empty ones left out."""
        texts = {}
        for code in UI_LANGUAGES:
            value = getattr(self, f"{prefix}_{code}").data
            if value:
                texts[code] = value
        return texts

    def validate_default_language(self, field):
        if not getattr(self, f"title_{field.data}").data:
            raise ValidationError(_l("Enter a title in the main language"))
