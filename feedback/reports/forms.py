"""The filter form of the summary: a GET form that works without JavaScript."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from feedback.i18n import language_name, localize
from feedback.reports.statistics import Filters
from feedback.surveys.models import Survey


class FilterForm(FlaskForm):
    """Narrow the whole summary to one segment answer, a date range or a language."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    segment = SelectField(_l("Only people who answered"), validators=[Optional()])
    since = DateField(_l("From (YYYY-MM-DD)"), validators=[Optional()])
    until = DateField(_l("To (YYYY-MM-DD)"), validators=[Optional()])
    language = SelectField(_l("Language of the response"), validators=[Optional()])

    def fill(self, survey: Survey, lang: str) -> FilterForm:
        """Offer the survey's segment answers and languages."""
        options = [("", _("Everyone"))]
        for question in survey.questions:
            if not (question.is_segment and question.kind.has_choices):
                continue
            asked = localize(question.text, lang, survey.default_language).text
            for choice in question.choices:
                label = localize(choice.label, lang, survey.default_language).text
                options.append(
                    (
                        f"{question.code}:{choice.code}",
                        _("%(question)s: %(answer)s", question=asked, answer=label),
                    )
                )
        self.segment.choices = options
        self.language.choices = [("", _("Any language"))] + [
            (code, language_name(code)) for code in survey.languages
        ]
        return self

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_("The end date must be on or after the start date."))

    def filters(self) -> Filters:
        """The filters chosen; nothing when the form has errors."""
        if self.errors:
            return Filters()
        segment = None
        if self.segment.data and ":" in self.segment.data:
            code, choice = self.segment.data.split(":", 1)
            segment = (code, choice)
        return Filters(
            segment=segment,
            since=self.since.data,
            until=self.until.data,
            language=self.language.data or None,
        )


class SearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Words to look for"), validators=[Optional(), Length(max=200)])
    question = SelectField(_l("Question"), validators=[Optional()])
