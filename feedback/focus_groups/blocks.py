"""Blocks other pages show: upcoming sessions on the home page, an invitation on a
survey's thank-you page (plain links: never tied to the anonymous response)."""

from __future__ import annotations

from flask import render_template
from markupsafe import Markup

from feedback.focus_groups import services
from feedback.i18n import localize, page_language


def _items(groups) -> list[dict]:
    language = page_language()
    return [
        {"group": g, "title": localize(g.title, language, g.default_language)}
        for g in groups
        if g.signup_open()
    ]


def home_block() -> Markup:
    """The next few sessions residents can sign up for, or nothing."""
    items = _items(services.upcoming_groups(limit=6))[:3]
    if not items:
        return Markup("")
    return Markup(render_template("focus_groups/_home_block.html", items=items))  # noqa: S704 - an autoescaped template


def thanks_block(survey) -> Markup:
    """An opt-in invitation to the sessions linked to this survey, or nothing."""
    if survey is None or getattr(survey, "id", None) is None:
        return Markup("")
    items = _items(services.upcoming_groups(survey_id=survey.id))
    if not items:
        return Markup("")
    return Markup(render_template("focus_groups/_thanks_block.html", items=items))  # noqa: S704 - an autoescaped template
