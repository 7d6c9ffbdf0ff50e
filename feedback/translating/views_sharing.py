"""Sharing a survey: links, QR codes (SVG, PNG) and a printable poster per language."""

from __future__ import annotations

from flask import Response, abort, render_template

from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.i18n import direction, language_name, localize
from feedback.translating import sharing
from feedback.translating.views import bp, get_survey


def _survey_and_language(survey_id: int, lang: str):
    survey = get_survey(survey_id)
    if lang not in (survey.languages or []):
        abort(404)
    return survey


@bp.route("/surveys/<int:survey_id>/share")
@role_required(Role.FACILITATOR)
def share(survey_id: int):
    survey = get_survey(survey_id)
    links = [
        {
            "code": code,
            "name": language_name(code),
            "dir": direction(code),
            "link": sharing.public_link(survey, code),
        }
        for code in (survey.languages or [])
    ]
    return render_template(
        "translating/share.html",
        survey=survey,
        title=localize(survey.title, survey.default_language, survey.default_language),
        links=links,
    )


@bp.route("/surveys/<int:survey_id>/share/<lang>/qr.<any(svg, png):fmt>")
@role_required(Role.FACILITATOR)
def qr_code(survey_id: int, lang: str, fmt: str):
    survey = _survey_and_language(survey_id, lang)
    link = sharing.public_link(survey, lang)
    filename = f"{survey.slug}-{lang}-qr.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "svg":
        return Response(sharing.qr_svg(link), mimetype="image/svg+xml", headers=headers)
    return Response(sharing.qr_png(link), mimetype="image/png", headers=headers)


@bp.route("/surveys/<int:survey_id>/share/<lang>/poster")
@role_required(Role.FACILITATOR)
def poster(survey_id: int, lang: str):
    survey = _survey_and_language(survey_id, lang)
    link = sharing.public_link(survey, lang)
    texts = sharing.poster_texts(survey, lang)
    return render_template(
        "translating/poster.html",
        survey=survey,
        lang=lang,
        lang_dir=direction(lang),
        texts=texts,
        link=link,
        short_link=link.split("://", 1)[-1],
        qr=sharing.qr_svg_inline(link, texts["scan"]),
    )
