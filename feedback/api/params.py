"""Parsing the API's query parameters; every problem is collected and answered as one 400."""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from feedback.api.errors import invalid_parameter, problem

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 100_000


def parse_int(
    args: Mapping[str, str], name: str, default: int, low: int, high: int, problems: list
) -> int:
    """``args[name]`` as a whole number between ``low`` and ``high``, or ``default``."""
    raw = args.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9 or not low <= int(raw) <= high:
        problems.append(
            problem(
                name,
                _(
                    "Use a whole number from %(low)d to %(high)d.",
                    low=low,
                    high=high,
                ),
            )
        )
        return default
    return int(raw)


def parse_pagination(args: Mapping[str, str]) -> tuple[int, int]:
    """``(page, per_page)`` from ``?page=&per_page=``; raises a 400 :class:`ApiError`."""
    problems: list[dict] = []
    page = parse_int(args, "page", 1, 1, MAX_PAGE, problems)
    per_page = parse_int(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, problems)
    if problems:
        raise invalid_parameter(problems)
    return page, per_page


def reject_unknown(args: MultiDict, known: set[str]) -> None:
    """A misspelt parameter (``?langauge=``) would silently be ignored, and a repeated one
    would be ambiguous: refuse both."""
    problems = [
        problem(name, _("This parameter is not known here.")) for name in sorted(set(args) - known)
    ]
    problems += [
        problem(name, _("Give this parameter only once."))
        for name in sorted(set(args) & known)
        if len(args.getlist(name)) > 1
    ]
    if problems:
        raise invalid_parameter(problems)
