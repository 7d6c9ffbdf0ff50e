"""Everything the public results page of a survey shows, assembled with small-group protection.

Only published questions, approved texts, published findings and suppressed counts get here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from feedback.i18n import localize
from feedback.results import moderation, publication
from feedback.results.findings import list_findings
from feedback.results.models import Finding
from feedback.results.review import review_counts
from feedback.surveys.models import Survey


def suppress(count: int, k: int) -> int | None:
    """Small-group protection shared with the officials' summary."""
    from feedback.reports.privacy import suppress as protect

    return protect(count, k)


@dataclass
class PublicResults:
    survey: Survey
    k: int
    #: People who took part, or None when fewer than k.
    participants: int | None
    questions: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    indicators: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    #: Verdict counts, each None when fewer than k.
    review: dict[str, int | None] = field(default_factory=dict)


@dataclass
class ChartRow:
    """One bar of a chart: its label, and count and percentage (None when hidden)."""

    label: object
    count: int | None
    percent: float | None


@dataclass
class QuestionResult:
    summary: object
    rows: list[ChartRow]


def chart_rows(item, language: str, default: str) -> list[ChartRow]:
    """The bars of a question's chart, from its protected summary."""
    from flask_babel import gettext as _

    from feedback.reports.privacy import percent

    rows = []
    for stat in item.choices:
        if stat.removed:
            continue
        if stat.label:
            label = localize(stat.label, language, default)
        else:
            label = _("Yes") if stat.code == "yes" else _("No")
        rows.append(ChartRow(label, stat.count, stat.percent))
    for value, count in item.distribution:
        shown = int(value) if float(value).is_integer() else value
        rows.append(ChartRow(shown, count, percent(count, item.answered)))
    return rows


def summary_of(survey: Survey, k: int):
    """The public (protected) summary of the survey."""
    from feedback.reports.statistics import summarize

    return summarize(survey, None, k=k, public=True)


def question_results(survey: Survey, summary, language: str) -> list[QuestionResult]:
    """Published questions' results, from the protected summary."""
    wanted = {q.id for q in publication.published_questions(survey)}
    return [
        QuestionResult(item, chart_rows(item, language, survey.default_language))
        for item in summary.questions
        if item.question.id in wanted and not item.removed
    ]


def programme_indicators(survey: Survey, today: date) -> list[tuple]:
    """(programme, [Progress]) for each programme the survey belongs to."""
    from feedback.programmes.services import initiatives_of_survey, programme_progress

    return [
        (initiative, programme_progress(initiative, today))
        for initiative in initiatives_of_survey(survey)
    ]


def public_results(survey: Survey, language: str, today: date) -> PublicResults:
    """The facts for /s/<slug>/results. Call only when the survey's results are public."""
    summary = summary_of(survey, survey.min_group_size or 5)
    k = summary.k
    counts = review_counts(survey)
    indicators = programme_indicators(survey, today)
    published_findings = list_findings(survey_id=survey.id, published_only=True)
    for initiative, _rows in indicators:
        published_findings += list_findings(initiative_id=initiative.id, published_only=True)
    return PublicResults(
        survey=survey,
        k=k,
        participants=summary.responses,
        questions=[] if summary.too_few else question_results(survey, summary, language),
        quotes=moderation.approved_quotes(survey),
        findings=published_findings,
        indicators=indicators,
        comments=moderation.approved_comments(survey),
        review={name: suppress(counts[name], k) for name in ("yes", "partly", "no")},
    )


def texts(language: str, default: str):
    """A helper for templates: ``t(texts)`` picks the language with a marked fallback."""
    return lambda values: localize(values, language, default)
