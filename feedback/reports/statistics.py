"""The evaluation summary of a survey, computed from the running tallies.

``summarize`` and ``breakdown`` run a fixed number of SQL queries, whatever the number of
responses: every figure is a sum over tally rows (see :mod:`feedback.reports.models`).
Small groups are protected by :mod:`feedback.reports.privacy` in breakdowns, filtered views
and anything public.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from flask import current_app
from sqlalchemy import func, select

from feedback.answering.models import Draft
from feedback.answering.validation import rating_range
from feedback.extensions import db
from feedback.reports import privacy
from feedback.reports.models import ANSWERED, RESPONSES, ReportSegmentTally, ReportTally
from feedback.reports.tallies import number_key
from feedback.surveys.models import Question, QuestionKind, Survey

T = ReportTally
S = ReportSegmentTally
SCALES = (QuestionKind.RATING, QuestionKind.NPS)
LANGUAGE = "language"


@dataclass(frozen=True)
class Filters:
    """What the whole summary is narrowed to: one segment answer, a date range, a language."""

    segment: tuple[str, str] | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.segment or self.since or self.until or self.language)


@dataclass
class ChoiceStat:
    code: str
    label: dict
    count: int | None
    percent: float | None
    removed: bool = False


@dataclass
class NumberStats:
    min: float | None
    max: float | None
    mean: float | None
    median: float | None


@dataclass
class QuestionSummary:
    question: Question
    answered: int | None
    choices: list[ChoiceStat] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    distribution: list[tuple[float, int | None]] = field(default_factory=list)
    nps: float | None = None
    promoters: float | None = None
    passives: float | None = None
    detractors: float | None = None
    number_stats: NumberStats | None = None
    text_count: int | None = None

    @property
    def removed(self) -> bool:
        return self.question.removed_at is not None


@dataclass
class SurveySummary:
    responses: int | None
    by_language: list[tuple[str, int | None]]
    over_time: list[tuple[date, int | None]]
    questions: list[QuestionSummary]
    k: int
    #: Counts below k are hidden (filtered, public).
    protected: bool = False
    #: The filter selects fewer than k responses: nothing else is shown.
    too_few: bool = False
    drafts: int | None = None


@dataclass
class CrossRow:
    code: str
    label: dict | str
    total: int | None
    counts: list[int | None]
    percents: list[float | None]


@dataclass
class CrossTab:
    question: Question
    by: Question | str
    columns: list[tuple[str, dict | str]]
    rows: list[CrossRow]
    k: int


def group_size(survey: Survey, k: int | None = None) -> int:
    """k: the given value, the survey's own, or the SMALL_GROUP_K setting."""
    if k is not None:
        return k
    return survey.min_group_size or current_app.config.get("SMALL_GROUP_K", 5)


# Queries ------------------------------------------------------------------------------------


def _segment_ids(survey: Survey, segment: tuple[str, str] | None) -> tuple[int, int] | None:
    if not segment:
        return None
    for question in survey.questions:
        if question.code == segment[0]:
            for choice in question.choices:
                if choice.code == segment[1]:
                    return question.id, choice.id
    return (-1, -1)  # an unknown answer selects nobody


def _sums(survey: Survey, filters: Filters, columns: list[str], group=None, question=None):
    """Tally sums by ``columns`` (names), and by ``group`` (LANGUAGE or a segment question id)
    first when given; only the counters of ``question`` (an id) when given.

    A segment filter reads the segment tallies of that answer; a breakdown by a segment
    reads those of the segment question (a segment filter on another question is not
    combined with it).
    """
    segment = _segment_ids(survey, filters.segment)
    head = []
    if isinstance(group, int):
        table = S
        conditions = [S.segment_id == group]
        head = [S.segment_choice_id]
    elif segment:
        table = S
        conditions = [S.segment_id == segment[0], S.segment_choice_id == segment[1]]
    else:
        table = T
        conditions = []
    if group == LANGUAGE:
        head = [table.language]
    conditions.append(table.survey_id == survey.id)
    if filters.since:
        conditions.append(table.day >= filters.since)
    if filters.until:
        conditions.append(table.day <= filters.until)
    if filters.language and group != LANGUAGE:
        conditions.append(table.language == filters.language)
    if question is not None:
        conditions.append(table.question_id == question)
    selected = [getattr(table, name) for name in columns]
    query = select(*head, *selected, func.sum(table.count)).where(*conditions)
    return db.session.execute(query.group_by(*head, *selected)).all()


def _by_question(rows) -> dict:
    """{group: {question_id: {key: count}}} from rows (group?, question_id, key, sum)."""
    out: dict = {}
    for row in rows:
        *group, qid, key, total = row
        target = out.setdefault(group[0] if group else None, {}).setdefault(qid, {})
        target[key] = int(total or 0)
    return out


# Columns of a question ----------------------------------------------------------------------


def columns_of(question: Question, seen: set[str]) -> list[tuple[str, str, dict | str]]:
    """(tally key, code, label) of each column of a question, in display order."""
    kind = question.kind
    if kind.has_choices:
        return [(f"c{c.id}", c.code, c.label) for c in question.choices]
    if kind == QuestionKind.YESNO:
        return [("yes", "yes", "yes"), ("no", "no", "no")]
    if kind in SCALES:
        low, high = rating_range(question)
        return [(number_key(v), str(v), str(v)) for v in range(low, high + 1)]
    if kind == QuestionKind.NUMBER:
        values = sorted(float(key[1:]) for key in seen if key.startswith("n"))
        return [(number_key(v), _plain(v), _plain(v)) for v in values]
    return []


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _vector(counts: dict, keys: list[str]) -> list[int]:
    return [counts.get(ANSWERED, 0), *(counts.get(key, 0) for key in keys)]


# Building the summary -----------------------------------------------------------------------


def _median(pairs: list[tuple[float, int]]) -> float | None:
    """The median of values given as (value, count) pairs sorted by value."""
    total = sum(n for _v, n in pairs)
    if not total:
        return None
    lower_index, upper_index = (total - 1) // 2, total // 2
    seen, lower = 0, None
    for value, n in pairs:
        if n <= 0:
            continue
        if lower is None and seen + n > lower_index:
            lower = value
        if seen + n > upper_index:
            return (lower + value) / 2
        seen += n
    return None


def question_summary(
    question: Question, raw: list[int], shown: list[int | None], columns: list, protected: bool
) -> QuestionSummary:
    """One question's figures from its raw and protected vectors ``[answered, *cells]``."""
    answered, cells = shown[0], shown[1:]
    summary = QuestionSummary(question=question, answered=answered)
    kind = question.kind
    complete = not any(v is None for v in shown)
    if kind.has_choices or kind == QuestionKind.YESNO:
        removed = {c.code for c in question.choices if c.removed_at is not None}
        summary.choices = [
            ChoiceStat(
                code,
                label if isinstance(label, dict) else {},
                count,
                privacy.percent(count, answered),
                code in removed,
            )
            for (_key, code, label), count in zip(columns, cells, strict=True)
        ]
    elif kind in SCALES or kind == QuestionKind.NUMBER:
        values = [float(code) for _key, code, _label in columns]
        summary.distribution = list(zip(values, cells, strict=True))
        pairs = list(zip(values, raw[1:], strict=True))
        if complete and raw[0]:
            summary.mean = round(sum(v * n for v, n in pairs) / raw[0], 2)
            summary.median = _median(pairs)
        if kind == QuestionKind.NPS and complete and raw[0]:
            groups = [
                sum(n for v, n in pairs if v >= 9),
                sum(n for v, n in pairs if 7 <= v <= 8),
                sum(n for v, n in pairs if v <= 6),
            ]
            summary.promoters, summary.passives, summary.detractors = (
                privacy.percent(n, raw[0]) for n in groups
            )
            summary.nps = round(100.0 * (groups[0] - groups[2]) / raw[0], 1)
        if kind == QuestionKind.NUMBER:
            present = [v for v, n in pairs if n]
            summary.number_stats = NumberStats(
                min=None if protected or not present else min(present),
                max=None if protected or not present else max(present),
                mean=summary.mean,
                median=summary.median,
            )
    else:
        summary.text_count = answered
    return summary


def _protect_rows(matrix: list[list[int]], k: int, protected: bool) -> list[list[int | None]]:
    if not protected:
        return [list(row) for row in matrix]
    return privacy.protect_table(matrix, k)


def _residual(total: list[int], rows: list[list[int]]) -> list[int]:
    """What the rows leave of the total (responses that gave no segment answer)."""
    return [max(0, t - sum(r[i] for r in rows)) for i, t in enumerate(total)]


def summarize(
    survey: Survey, filters: Filters | None = None, *, k: int | None = None, public: bool = False
) -> SurveySummary:
    """Every figure of the summary of a survey, narrowed by ``filters``.

    Counts are protected (hidden below k, with secondary suppression) when the summary is
    filtered or public. A segment or language filter is protected as one row of the whole
    cross-tab, so comparing it with the unfiltered summary reveals nothing hidden either.
    """
    filters = filters or Filters()
    k = group_size(survey, k)
    protected = public or filters.active
    group = None
    segment = _segment_ids(survey, filters.segment)
    if segment:
        group = segment[0]
    elif filters.language:
        group = LANGUAGE
    columns_sql = ["question_id", "answer_key"]
    if group is None:
        grouped = {None: _by_question(_sums(survey, filters, columns_sql)).get(None, {})}
        wanted = None
    else:
        grouped = _by_question(_sums(survey, filters, columns_sql, group=group))
        unfiltered = Filters(since=filters.since, until=filters.until)
        grouped["__all__"] = _by_question(_sums(survey, unfiltered, columns_sql)).get(None, {})
        wanted = segment[1] if segment else filters.language
    main = grouped.get(wanted, {}) if group is not None else grouped[None]

    def protect(keys: list[str], question_id: int) -> list[int | None]:
        own = _vector(main.get(question_id, {}), keys)
        if not protected:
            return own
        if group is None:
            return privacy.protect_table([own], k)[0]
        names = [g for g in grouped if g != "__all__"]
        if wanted not in names:
            names.append(wanted)
        rows = [_vector(grouped.get(g, {}).get(question_id, {}), keys) for g in names]
        total = _vector(grouped["__all__"].get(question_id, {}), keys)
        rest = _residual(total, rows)
        matrix = rows + ([rest] if any(rest) else [])
        return privacy.protect_table(matrix, k)[names.index(wanted)]

    responses_raw = main.get(RESPONSES, {}).get("", 0)
    responses_shown = protect([""], RESPONSES)[1] if protected else responses_raw
    if protected and responses_shown is None:
        return SurveySummary(None, [], [], [], k, protected=True, too_few=True)

    questions = []
    for question in survey.questions:
        counts = main.get(question.id, {})
        seen = set(counts)
        if group is not None:
            for bucket in grouped.values():
                seen |= set(bucket.get(question.id, {}))
        columns = columns_of(question, seen)
        keys = [key for key, _code, _label in columns]
        raw = _vector(counts, keys)
        shown = protect(keys, question.id)
        questions.append(question_summary(question, raw, shown, columns, protected))

    over_time = _sums(survey, filters, ["day"], question=RESPONSES)
    by_language = _sums(survey, filters, ["language"], question=RESPONSES)
    days = sorted((d, int(n)) for d, n in over_time)
    langs = sorted(((lang, int(n)) for lang, n in by_language), key=lambda p: -p[1])
    if protected:
        days = list(
            zip(
                [d for d, _ in days],
                privacy.protect_vector([n for _, n in days] + [responses_raw], k)[:-1],
                strict=True,
            )
        )
        langs = list(
            zip(
                [g for g, _ in langs],
                privacy.protect_vector([n for _, n in langs] + [responses_raw], k)[:-1],
                strict=True,
            )
        )
    drafts = None
    if not public:
        drafts = db.session.scalar(
            select(func.count()).select_from(Draft).where(Draft.survey_id == survey.id)
        )
    return SurveySummary(
        responses=responses_shown,
        by_language=langs,
        over_time=days,
        questions=questions,
        k=k,
        protected=protected,
        drafts=drafts,
    )


def breakdown(
    survey: Survey,
    question: Question,
    by: Question | str,
    filters: Filters | None = None,
    k: int | None = None,
) -> CrossTab:
    """A cross-tab of ``question`` by the categories of ``by`` (a segment question or
    ``"language"``): counts and row percentages, small groups protected."""
    filters = filters or Filters()
    k = group_size(survey, k)
    columns_sql = ["question_id", "answer_key"]
    if by == LANGUAGE:
        group = LANGUAGE
        categories = [(lang, lang, lang) for lang in survey.languages]
    else:
        group = by.id
        categories = [(c.id, c.code, c.label) for c in by.choices]
        if filters.segment and filters.segment[0] != by.code:
            filters = replace(filters, segment=None)
    grouped = _by_question(_sums(survey, filters, columns_sql, group=group, question=question.id))
    if by == LANGUAGE:
        categories += [(g, g, g) for g in sorted(grouped) if g not in survey.languages]
    total = _by_question(_sums(survey, filters, columns_sql, question=question.id)).get(None, {})
    seen = set(total.get(question.id, {}))
    columns = columns_of(question, seen)
    keys = [key for key, _code, _label in columns]
    rows = [_vector(grouped.get(g, {}).get(question.id, {}), keys) for g, _c, _l in categories]
    overall = _vector(total.get(question.id, {}), keys)
    rest = _residual(overall, rows) if by == LANGUAGE or by.kind == QuestionKind.SINGLE else []
    matrix = rows + ([rest] if any(rest) else [])
    shown = privacy.protect_table(matrix, k) if matrix else []
    out_rows = []
    for (_g, code, label), values in zip(categories, shown, strict=False):
        row_total, cells = values[0], values[1:]
        out_rows.append(
            CrossRow(code, label, row_total, cells, [privacy.percent(c, row_total) for c in cells])
        )
    return CrossTab(
        question=question,
        by=by,
        columns=[(code, label) for _key, code, label in columns],
        rows=out_rows,
        k=k,
    )
