"""Sharing: links per language, QR codes and printable posters."""

from __future__ import annotations

import io

import pytest

from feedback.extensions import db
from feedback.translating.sharing import public_link


@pytest.fixture
def base_url(app, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://feedback.example.org/")
    return "https://feedback.example.org"


def test_share_page_lists_a_link_qr_codes_and_poster_per_language(
    survey, client, facilitator, base_url
):
    page = client.get(f"/manage/surveys/{survey.id}/share")
    assert page.status_code == 200
    for lang in ("en", "sq"):
        assert f"{base_url}/s/park?lang={lang}" in page.text
        assert f"/manage/surveys/{survey.id}/share/{lang}/qr.svg" in page.text
        assert f"/manage/surveys/{survey.id}/share/{lang}/qr.png" in page.text
        assert f"/manage/surveys/{survey.id}/share/{lang}/poster" in page.text
    assert 'lang="sq"' in page.text


def test_links_use_the_request_host_without_base_url(app, survey, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "")
    with app.test_request_context("/", base_url="http://city.example"):
        assert public_link(survey, "sq") == "http://city.example/s/park?lang=sq"


def test_qr_codes_download_as_svg_and_png(survey, client, facilitator, base_url):
    svg = client.get(f"/manage/surveys/{survey.id}/share/sq/qr.svg")
    assert svg.status_code == 200
    assert svg.mimetype == "image/svg+xml"
    assert b"<svg" in svg.data
    assert "attachment" in svg.headers["Content-Disposition"]
    png = client.get(f"/manage/surveys/{survey.id}/share/sq/qr.png")
    assert png.mimetype == "image/png"
    assert png.data.startswith(b"\x89PNG")


def test_the_qr_code_holds_the_link(survey, client, facilitator, base_url):
    """The PNG is the QR code of the public link in that language (as segno encodes it)."""
    import segno

    png = client.get(f"/manage/surveys/{survey.id}/share/sq/qr.png").data
    expected = io.BytesIO()
    segno.make(f"{base_url}/s/park?lang=sq", error="m", micro=False).save(
        expected, kind="png", scale=12, border=4
    )
    assert png == expected.getvalue()


def test_unknown_language_is_not_found(survey, client, facilitator):
    assert client.get(f"/manage/surveys/{survey.id}/share/de/qr.svg").status_code == 404
    assert client.get(f"/manage/surveys/{survey.id}/share/de/poster").status_code == 404


def test_poster_is_in_the_language_with_qr_and_short_link(survey, client, facilitator, base_url):
    page = client.get(f"/manage/surveys/{survey.id}/share/sq/poster")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="sq" dir="ltr">' in html
    assert "Parku i ri" in html
    assert "Na tregoni për parkun." in html  # the survey's own invitation
    assert "<svg" in html
    assert "feedback.example.org/s/park?lang=sq" in html
    assert "poster.css" in html
    assert "style=" not in html
    assert "<script" not in html


def test_poster_without_an_introduction_uses_an_interface_sentence(
    make_survey, client, facilitator, base_url
):
    survey = make_survey(
        languages=["en", "sq", "ar"],
        introduction={},
        title={"en": "The new park", "sq": "Parku i ri", "ar": "الحديقة الجديدة"},
    )
    english = client.get(f"/manage/surveys/{survey.id}/share/en/poster").text
    assert "Tell us what you think: scan the code or open the link." in english
    arabic = client.get(f"/manage/surveys/{survey.id}/share/ar/poster").text
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "الحديقة الجديدة" in arabic


def test_poster_title_falls_back_to_the_default_language_marked(
    make_survey, client, facilitator, base_url
):
    survey = make_survey(languages=["en", "sq", "sr"])
    html = client.get(f"/manage/surveys/{survey.id}/share/sr/poster").text
    assert '<html lang="sr"' in html
    assert 'lang="en"' in html  # the English title is marked as such
    assert "The new park" in html


def test_the_poster_stylesheet_prints_on_a4(app):
    from pathlib import Path

    css = (Path(app.static_folder) / "poster.css").read_text()
    assert "@page" in css
    assert "A4" in css


def test_sharing_needs_a_facilitator(survey, client, make_user, login):
    assert client.get(f"/manage/surveys/{survey.id}/share").status_code == 302
    login(make_user("official"))
    assert client.get(f"/manage/surveys/{survey.id}/share").status_code == 403
    assert client.get(f"/manage/surveys/{survey.id}/share/sq/poster").status_code == 403
    db.session.rollback()
