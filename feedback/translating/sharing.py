"""Sharing a survey: its public link per language, QR codes and the poster's words."""

from __future__ import annotations

import io

import segno
from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from feedback.i18n import UI_LANGUAGES, localize
from feedback.surveys.models import Survey


def public_link(survey: Survey, language: str) -> str:
    """The address residents open for ``language``; under BASE_URL when that is configured."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    if base:
        return base + url_for("answering.survey_page", slug=survey.slug, lang=language)
    return url_for("answering.survey_page", slug=survey.slug, lang=language, _external=True)


def short_link(survey: Survey) -> str:
    """The link without its scheme or language, for print: ``example.org/s/park``."""
    link = public_link(survey, survey.default_language).split("?")[0]
    return link.split("://", 1)[-1]


def _qr(link: str):
    return segno.make(link, error="m", micro=False)


def qr_svg(link: str) -> bytes:
    """A QR code as a standalone SVG document."""
    buffer = io.BytesIO()
    _qr(link).save(buffer, kind="svg", scale=8, border=4, title=link)
    return buffer.getvalue()


def qr_svg_inline(link: str, label: str) -> Markup:
    """A QR code as SVG markup to put in a page (no XML declaration)."""
    buffer = io.BytesIO()
    _qr(link).save(
        buffer,
        kind="svg",
        scale=8,
        border=4,
        xmldecl=False,
        svgns=True,
        svgclass="qr-code",
        lineclass=None,
        title=label,
        unit="px",
    )
    return Markup(buffer.getvalue().decode("utf-8"))  # noqa: S704 - segno escapes the title


def qr_png(link: str) -> bytes:
    """A QR code as a PNG image big enough to print."""
    buffer = io.BytesIO()
    _qr(link).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


def poster_texts(survey: Survey, language: str) -> dict:
    """The poster's title and invitation in ``language``.

    The invitation is the survey's introduction's first line when it has one in that language,
    else an interface sentence rendered in that language (English when the interface does not
    ship it).
    """
    title = localize(survey.title, language, survey.default_language)
    introduction = (survey.introduction or {}).get(language, "").strip()
    if introduction:
        invitation = introduction.splitlines()[0]
        invitation_lang = language
    else:
        invitation_lang = language if language in UI_LANGUAGES else "en"
        with force_locale(invitation_lang):
            invitation = _("Tell us what you think: scan the code or open the link.")
    with force_locale(language if language in UI_LANGUAGES else "en"):
        scan = _("Scan with your phone's camera")
    return {
        "title": title,
        "invitation": invitation,
        "invitation_lang": invitation_lang,
        "scan": scan,
        "scan_lang": language if language in UI_LANGUAGES else "en",
    }
