"""What every template can use: the page language, the switcher, formatting helpers."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, g, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from markupsafe import Markup

from feedback import i18n
from feedback.answering.validation import rating_range, text_limit


def switcher_links() -> list[dict]:
    """One plain link per language this page offers, each named in itself."""
    offered = g.get("page_languages") or list(i18n.UI_LANGUAGES)
    current = i18n.page_language()
    links = []
    for code in offered:
        args = request.args.to_dict(flat=True)
        args["lang"] = code
        links.append(
            {
                "code": code,
                "name": i18n.language_name(code),
                "dir": i18n.direction(code),
                "href": f"{request.path}?{urlencode(args)}",
                "current": code == current,
            }
        )
    return links


#: Features add links for staff: (endpoint, label, roles allowed).
STAFF_LINKS: list[tuple[str, object, tuple]] = []
#: Features add blocks to the home page and the thank-you page: callables returning HTML.
HOME_BLOCKS: list = []
THANKS_BLOCKS: list = []


def staff_links() -> list[dict]:
    """Links for the signed-in staff member, by role."""
    from flask import current_app
    from flask_login import current_user

    links = []
    for endpoint, label, roles in STAFF_LINKS:
        if endpoint in current_app.view_functions and current_user.has_role(*roles):
            links.append({"href": url_for(endpoint), "label": label})
    return links


def paragraphs(value) -> Markup:
    """Plain text with blank lines into escaped paragraphs."""
    text = str(value or "")
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    lang = getattr(value, "lang", None) if getattr(value, "fallback", False) else None
    attr = Markup(' lang="{}" dir="{}"').format(lang, i18n.direction(lang)) if lang else ""
    return Markup("").join(
        Markup("<p{}>{}</p>").format(attr, Markup("<br>").join(p.split("\n"))) for p in parts
    )


def lang_attrs(value) -> Markup:
    """` lang=".." dir=".."` for text shown in a fallback language, else nothing."""
    if getattr(value, "fallback", False):
        return Markup(' lang="{}" dir="{}"').format(value.lang, i18n.direction(value.lang))
    return Markup("")


def init_templating(app: Flask) -> None:
    """Template globals and filters."""

    @app.context_processor
    def _page_context():
        language = i18n.page_language()
        return {
            "page_lang": language,
            "page_dir": i18n.direction(language),
            "ui_locale": str(get_locale()),
            "language_links": switcher_links,
            "language_name": i18n.language_name,
            "text_direction": i18n.direction,
            "staff_links": staff_links,
            "lang_attrs": lang_attrs,
            "home_blocks": lambda: [block() for block in HOME_BLOCKS],
            "thanks_blocks": lambda survey: [block(survey) for block in THANKS_BLOCKS],
        }

    # Globals, not context: macros imported without context (macros/questions.html) see these.
    app.jinja_env.globals.update(scale_range=rating_range, text_limit=text_limit)
    app.jinja_env.filters["date"] = lambda value, fmt="long": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.filters["decimal"] = lambda value, fmt=None: format_decimal(value, fmt)
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.policies["ext.i18n.trimmed"] = True
