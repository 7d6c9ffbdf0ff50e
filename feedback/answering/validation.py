"""Which questions a resident sees, and whether each answer is acceptable.

Raw values are what the form sent, by question code: a list of strings (several for multiple
choice). Cleaning turns them into typed values or a message in the resident's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from feedback.surveys.models import Question, QuestionKind, ShowIfOperator, Survey

RawValues = dict[str, list[str]]

DEFAULT_SHORT_TEXT_LENGTH = 500
DEFAULT_LONG_TEXT_LENGTH = 5000
NPS_RANGE = (0, 10)
DEFAULT_RATING_RANGE = (1, 5)
#: Numbers are stored as floats: beyond this they lose digits.
LARGEST_NUMBER = Decimal(10**15)


@dataclass
class Cleaned:
    """A typed answer: choice codes, a number, a text or a date (or nothing)."""

    choices: list[str]
    number: float | None = None
    text: str | None = None
    day: date | None = None

    @property
    def empty(self) -> bool:
        return not self.choices and self.number is None and not self.text and self.day is None


EMPTY = Cleaned(choices=[])


def rating_range(question: Question) -> tuple[int, int]:
    if question.kind == QuestionKind.NPS:
        return NPS_RANGE
    low = int(question.min_value) if question.min_value is not None else DEFAULT_RATING_RANGE[0]
    high = int(question.max_value) if question.max_value is not None else DEFAULT_RATING_RANGE[1]
    return low, high


def text_limit(question: Question) -> int:
    if question.max_length:
        return question.max_length
    if question.kind == QuestionKind.LONG_TEXT:
        return DEFAULT_LONG_TEXT_LENGTH
    return DEFAULT_SHORT_TEXT_LENGTH


def live_questions(survey: Survey) -> list[Question]:
    """The questions residents are asked now (removed ones keep only their old answers)."""
    return [q for q in survey.questions if q.removed_at is None]


def _given(raw: RawValues, code: str) -> list[str]:
    return [v.strip() for v in raw.get(code, []) if v and v.strip()]


def shown_codes(survey: Survey, raw: RawValues) -> set[str]:
    """Codes of the questions shown, given the answers so far.

    A question with a show-if is shown only if the question it depends on is itself shown and
    its answer matches. "Is not" holds when the earlier question is unanswered, as in XLSForm.
    """
    shown: set[str] = set()
    by_id = {q.id: q for q in survey.questions}
    for question in live_questions(survey):
        source = by_id.get(question.show_if_question_id) if question.show_if_question_id else None
        if source is None or question.show_if_operator is None:
            shown.add(question.code)
            continue
        if source.code not in shown:
            continue
        given = set(_given(raw, source.code))
        wanted = set(question.show_if_values or [])
        if question.show_if_operator == ShowIfOperator.NOT_EQUALS:
            matches = not (given & wanted)
        else:  # equals and one-of: any chosen value among those wanted
            matches = bool(given & wanted)
        if matches:
            shown.add(question.code)
    return shown


def parse_number(value: str) -> Decimal | None:
    """Read a number as the resident wrote it, in their locale or with a plain dot.

    Only digits, a sign and separators count: no exponents, "NaN" or "Infinity", and nothing
    so large that it cannot be stored faithfully.
    """
    compact = re.sub(r"[\s\u00a0\u202f]", "", value)
    if not compact or not re.fullmatch(r"[-+]?[\d.,']+", compact):
        return None
    number = None
    if re.fullmatch(r"[-+]?\d+(\.\d+)?", compact):
        number = Decimal(compact)
    else:
        try:
            number = parse_decimal(compact, locale=str(get_locale() or "en"), strict=True)
        except (NumberFormatError, InvalidOperation, ValueError):
            if re.fullmatch(r"[-+]?\d+,\d+", compact):
                number = Decimal(compact.replace(",", "."))
    if number is None or not number.is_finite() or abs(number) >= LARGEST_NUMBER:
        return None
    return number


_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    # Typed day first, as most of the languages we serve write it: 27/3/2024, 27.03.2024.,
    # 27-3-2024 or 27 3 2024 (the example our error message gives).
    re.compile(r"(?P<d>\d{1,2})\s*[./\- ]\s*(?P<m>\d{1,2})\s*[./\- ]\s*(?P<y>\d{4})\.?"),
)


def parse_date(value: str) -> date | None:
    """A date from the native date input (ISO) or typed as day/month/year."""
    value = value.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


def _format_limit(value: float) -> str:
    from flask_babel import format_decimal

    return format_decimal(value)


def clean_answer(question: Question, values: list[str]) -> tuple[Cleaned, str | None]:
    """Check one question's raw values; return the typed answer and an error message."""
    values = [v.strip() for v in values if v and v.strip()]
    if not values:
        if question.required:
            return EMPTY, _required_message(question)
        return EMPTY, None
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return _clean_choices(question, values)
    if kind == QuestionKind.YESNO:
        if len(values) != 1 or values[0] not in ("yes", "no"):
            return EMPTY, _("Select yes or no")
        return Cleaned(
            choices=[values[0]], number=1.0 if values[0] == "yes" else 0.0, text=values[0]
        ), None
    if kind in (QuestionKind.RATING, QuestionKind.NPS):
        low, high = rating_range(question)
        number = parse_number(values[0]) if len(values) == 1 else None
        if number is None or number != number.to_integral_value() or not low <= number <= high:
            return EMPTY, _("Select a number from %(low)s to %(high)s", low=low, high=high)
        return Cleaned(choices=[], number=float(number)), None
    if kind == QuestionKind.NUMBER:
        return _clean_number(question, values[0])
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        text = values[0].replace("\r\n", "\n")
        limit = text_limit(question)
        if len(text) > limit:
            return Cleaned(choices=[], text=text), ngettext(
                "Your answer must be %(num)d character or fewer",
                "Your answer must be %(num)d characters or fewer",
                limit,
            )
        if "\x00" in text:
            return EMPTY, _("Your answer contains characters that cannot be stored")
        return Cleaned(choices=[], text=text), None
    if kind == QuestionKind.DATE:
        day = parse_date(values[0])
        if day is None:
            return EMPTY, _("Enter a real date, for example 27 3 2024")
        return Cleaned(choices=[], day=day), None
    return EMPTY, _("This answer cannot be accepted")  # pragma: no cover - every kind handled


def _required_message(question: Question) -> str:
    if question.kind in (QuestionKind.SINGLE, QuestionKind.RATING, QuestionKind.NPS):
        return _("Select an answer")
    if question.kind == QuestionKind.MULTIPLE:
        return _("Select at least one option")
    if question.kind == QuestionKind.YESNO:
        return _("Select yes or no")
    if question.kind == QuestionKind.NUMBER:
        return _("Enter a number")
    if question.kind == QuestionKind.DATE:
        return _("Enter a date")
    return _("Enter an answer")


def _clean_choices(question: Question, values: list[str]) -> tuple[Cleaned, str | None]:
    valid = {c.code for c in question.active_choices}
    picked = list(dict.fromkeys(values))  # keep order, drop repeats
    if any(code not in valid for code in picked):
        return EMPTY, _("Select one of the options shown")
    if question.kind == QuestionKind.SINGLE:
        if len(picked) != 1:
            return EMPTY, _("Select only one option")
        return Cleaned(choices=picked), None
    least, most = question.min_choices, question.max_choices
    if least and len(picked) < least:
        return Cleaned(choices=picked), ngettext(
            "Select at least %(num)d option", "Select at least %(num)d options", least
        )
    if most and len(picked) > most:
        return Cleaned(choices=picked), ngettext(
            "Select no more than %(num)d option", "Select no more than %(num)d options", most
        )
    return Cleaned(choices=picked), None


def _clean_number(question: Question, value: str) -> tuple[Cleaned, str | None]:
    number = parse_number(value)
    if number is None:
        return EMPTY, _("Enter a number, like 12")
    if question.whole_number and number != number.to_integral_value():
        return EMPTY, _("Enter a whole number, like 12")
    low, high = question.min_value, question.max_value
    if low is not None and high is not None and not low <= number <= high:
        return EMPTY, _(
            "Enter a number from %(low)s to %(high)s",
            low=_format_limit(low),
            high=_format_limit(high),
        )
    if low is not None and number < low:
        return EMPTY, _("Enter a number of %(low)s or more", low=_format_limit(low))
    if high is not None and number > high:
        return EMPTY, _("Enter a number of %(high)s or less", high=_format_limit(high))
    return Cleaned(choices=[], number=float(number)), None


def check_questions(
    questions: list[Question], raw: RawValues, shown: set[str]
) -> tuple[dict[str, Cleaned], dict[str, str]]:
    """Clean every shown question of a list; hidden ones are dropped."""
    cleaned: dict[str, Cleaned] = {}
    errors: dict[str, str] = {}
    for question in questions:
        if question.code not in shown or question.removed_at is not None:
            continue
        value, error = clean_answer(question, raw.get(question.code, []))
        if error:
            errors[question.code] = error
        elif not value.empty:
            cleaned[question.code] = value
    return cleaned, errors
