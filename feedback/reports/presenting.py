"""Turning summaries into charts and words for the report templates."""

from __future__ import annotations

from flask_babel import gettext as _

from feedback.i18n import language_name, localize, page_language
from feedback.reports.charts import Bar, bar_chart, cell, column_chart, figure_text, hidden_text
from feedback.reports.charts import format_decimal as number
from feedback.reports.statistics import LANGUAGE, CrossTab, Filters, QuestionSummary
from feedback.surveys.models import QuestionKind, Survey

__all__ = ["cell", "figure_text", "hidden_text", "number"]


def label_text(survey: Survey, code: str, label) -> str:
    """A choice label in the page language; yes/no and languages through gettext."""
    if label == "yes":
        return _("Yes")
    if label == "no":
        return _("No")
    if isinstance(label, dict):
        return localize(label, page_language(), survey.default_language).text or code
    return str(label)


def question_chart(survey: Survey, summary: QuestionSummary, k: int):
    """The chart of one question, or nothing for open text and dates."""
    title = localize(summary.question.text, page_language(), survey.default_language).text
    if summary.choices:
        bars = [
            Bar(label_text(survey, c.code, c.label or c.code), c.count, c.percent)
            for c in summary.choices
        ]
        return bar_chart(title, bars, k)
    if summary.distribution:
        bars = [Bar(_plain(v), n, None) for v, n in summary.distribution]
        return bar_chart(title, bars, k)
    return ""


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def language_chart(pairs, k: int):
    return bar_chart(
        _("Responses by language"), [Bar(language_name(code), n) for code, n in pairs], k
    )


def time_chart(pairs, k: int):
    return column_chart(_("Responses by day"), [(d.isoformat(), n) for d, n in pairs], k)


def row_label(survey: Survey, crosstab: CrossTab, row) -> str:
    if crosstab.by == LANGUAGE:
        return language_name(row.code)
    return label_text(survey, row.code, row.label)


def column_label(survey: Survey, code: str, label) -> str:
    return label_text(survey, code, label)


def segment_choices(survey: Survey) -> list[tuple[str, str]]:
    """(code, name) of what a question can be broken down by."""
    lang = page_language()
    options = [(LANGUAGE, _("Language of the response"))]
    options += [
        (q.code, localize(q.text, lang, survey.default_language).text)
        for q in survey.questions
        if q.is_segment and q.kind.has_choices
    ]
    return options


def can_break_down(summary: QuestionSummary) -> bool:
    return summary.question.kind not in (
        QuestionKind.SHORT_TEXT,
        QuestionKind.LONG_TEXT,
        QuestionKind.DATE,
    )


def describe_filters(filters: Filters) -> dict:
    """The filters as plain values (for the audit trail)."""
    return {
        "segment": ":".join(filters.segment) if filters.segment else None,
        "since": filters.since.isoformat() if filters.since else None,
        "until": filters.until.isoformat() if filters.until else None,
        "language": filters.language,
    }
