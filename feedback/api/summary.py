"""The summary endpoint's filters and JSON: counts only (never a text answer), small groups
hidden as ``null`` with ``suppressed: true``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from flask_babel import gettext as _

from feedback.api.errors import invalid_parameter, problem, token_required
from feedback.surveys.models import Survey

FILTER_NAMES = ("segment", "since", "until", "language")
DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(args: Mapping[str, str], name: str, problems: list) -> date | None:
    raw = args.get(name)
    if raw is None:
        return None
    try:
        if not DAY_PATTERN.match(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        problems.append(problem(name, _("Use a date written as YYYY-MM-DD, e.g. 2026-03-31.")))
        return None


def _segment(survey: Survey, raw: str | None, problems: list) -> tuple[str, str] | None:
    if raw is None:
        return None
    code, _sep, choice = raw.partition(":")
    question = next(
        (
            q
            for q in survey.questions
            if q.code == code and q.is_segment and q.kind.has_choices and q.removed_at is None
        ),
        None,
    )
    if question is None:
        problems.append(
            problem("segment", _("Use question_code:choice_code with a segment question."))
        )
        return None
    if choice not in {c.code for c in question.choices}:
        problems.append(problem("segment", _("That question has no such choice.")))
        return None
    return code, choice


def parse_filters(survey: Survey, args: Mapping[str, str], allowed: bool):
    """The summary filters of ``?segment=&since=&until=&language=``, or a 400 listing every
    problem. ``allowed`` is False for anonymous callers: filtered views of public results could
    be compared with each other, so filters need a token (401 without one)."""
    from feedback.reports.statistics import Filters

    given = [name for name in FILTER_NAMES if name in args]
    if given and not allowed:
        raise token_required([problem(name, _("Filters need an API token.")) for name in given])
    problems: list[dict] = []
    segment = _segment(survey, args.get("segment"), problems)
    since = _day(args, "since", problems)
    until = _day(args, "until", problems)
    if since and until and since > until:
        problems.append(problem("until", _("The end date must be on or after the start date.")))
    language = args.get("language")
    if language is not None and language not in (survey.languages or []):
        problems.append(problem("language", _("The survey is not offered in that language.")))
    if problems:
        raise invalid_parameter(problems)
    return Filters(segment=segment, since=since, until=until, language=language)


def _count(value: int | None) -> dict:
    return {"count": value, "suppressed": value is None}


def _number(value) -> float | None:
    return None if value is None else float(value)


def question_json(item) -> dict:
    """One question's figures. Open-text questions give only how many answered."""
    question = item.question
    is_text = item.text_count is not None or question.kind in ("short_text", "long_text")
    out = {
        "code": question.code,
        "kind": str(question.kind),
        "text": dict(question.text or {}),
        "segment": bool(question.is_segment),
        "removed": question.removed_at is not None,
        "answered": _count(item.answered),
        "choices": [
            {
                "code": choice.code,
                "label": dict(choice.label or {}),
                **_count(choice.count),
                "percent": _number(choice.percent),
                "removed": bool(choice.removed),
            }
            for choice in item.choices
        ],
        "distribution": [
            {"value": float(value), **_count(count)} for value, count in item.distribution
        ],
        "mean": _number(item.mean),
        "median": _number(item.median),
        "nps": None,
        "number_stats": None,
        "text_answers": _count(item.text_count) if is_text else None,
    }
    if str(question.kind) == "nps":
        out["nps"] = {
            "score": _number(item.nps),
            "promoters": _number(item.promoters),
            "passives": _number(item.passives),
            "detractors": _number(item.detractors),
        }
    if item.number_stats is not None:
        stats = item.number_stats
        out["number_stats"] = {
            name: _number(getattr(stats, name)) for name in ("min", "max", "mean", "median")
        }
    return out


def summary_json(survey: Survey, summary, filters, *, public: bool, question_ids=None) -> dict:
    """The whole summary; ``question_ids`` keeps only those questions (published ones).

    The public view shows what the public results page shows: how many took part and the
    published questions; not the language mix nor responses per day."""
    questions = [
        item
        for item in summary.questions
        if question_ids is None or item.question.id in question_ids
    ]
    return {
        "survey": survey.slug,
        "public": public,
        "k": summary.k,
        "too_few": bool(summary.too_few),
        "filters": {
            "segment": ":".join(filters.segment) if filters.segment else None,
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None,
            "language": filters.language,
        },
        "responses": _count(summary.responses),
        "by_language": []
        if public
        else [{"language": language, **_count(count)} for language, count in summary.by_language],
        "over_time": []
        if public
        else [{"date": day.isoformat(), **_count(count)} for day, count in summary.over_time],
        "questions": [question_json(item) for item in questions],
    }
