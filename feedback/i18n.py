"""Languages: which the interface ships, how a page picks one, and survey-content fallback."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g, has_request_context, request
from flask_babel import refresh
from markupsafe import Markup, escape

#: Languages the interface is translated into (code -> name in itself, direction).
UI_LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "ltr"),
    "es": ("Español", "ltr"),
    "sq": ("Shqip", "ltr"),
    "sr": ("Српски", "ltr"),
    "ar": ("العربية", "rtl"),
}

#: Languages survey content may be written in; the interface falls back to English for
#: those it does not ship.
CONTENT_LANGUAGES: dict[str, tuple[str, str]] = {
    **UI_LANGUAGES,
    "fr": ("Français", "ltr"),
    "de": ("Deutsch", "ltr"),
    "it": ("Italiano", "ltr"),
    "pt": ("Português", "ltr"),
    "tr": ("Türkçe", "ltr"),
    "uk": ("Українська", "ltr"),
    "ru": ("Русский", "ltr"),
    "bs": ("Bosanski", "ltr"),
    "hr": ("Hrvatski", "ltr"),
    "mk": ("Македонски", "ltr"),
    "fa": ("فارسی", "rtl"),
    "ur": ("اردو", "rtl"),
    "he": ("עברית", "rtl"),
    "am": ("አማርኛ", "ltr"),
    "om": ("Afaan Oromoo", "ltr"),
    "ti": ("ትግርኛ", "ltr"),
    "sw": ("Kiswahili", "ltr"),
    "so": ("Soomaali", "ltr"),
    "zh": ("中文", "ltr"),
    "vi": ("Tiếng Việt", "ltr"),
    "hi": ("हिन्दी", "ltr"),
    "ne": ("नेपाली", "ltr"),
    "ko": ("한국어", "ltr"),
}

LANG_COOKIE = "lang"
DEFAULT_LANGUAGE = "en"


def language_name(code: str) -> str:
    """The language's name in itself, or the code when unknown."""
    return CONTENT_LANGUAGES.get(code, (code, "ltr"))[0]


def direction(code: str) -> str:
    """``rtl`` or ``ltr`` for a language code."""
    return CONTENT_LANGUAGES.get(code, (code, "ltr"))[1]


def offer_languages(languages: list[str], default: str) -> None:
    """Tell the language choice which languages this page offers (a survey's, say)."""
    g.page_languages = list(languages)
    g.page_default_language = default
    g.pop("page_language", None)
    refresh()


def _match_accept_language(offered: list[str]) -> str | None:
    for value, _quality in request.accept_languages:
        base = value.lower().split("-")[0].split("_")[0]
        if value in offered:
            return value
        if base in offered:
            return base
    return None


def page_language() -> str:
    """The language of the current page, in DESIGN.md's order of preference.

    ``?lang=`` first (remembered in a cookie), then the signed-in user's setting, the cookie,
    the browser's Accept-Language matched against what the page offers, the page's default.
    """
    if not has_request_context():
        return DEFAULT_LANGUAGE
    if "page_language" in g:
        return g.page_language
    offered = g.get("page_languages") or list(UI_LANGUAGES)
    default = g.get("page_default_language") or DEFAULT_LANGUAGE
    chosen = None
    asked = request.args.get("lang", "").strip()
    if asked in CONTENT_LANGUAGES:
        g.remember_language = asked
        if asked in offered:
            chosen = asked
    if chosen is None:
        user_language = _user_language()
        if user_language in offered:
            chosen = user_language
    if chosen is None:
        cookie = request.cookies.get(LANG_COOKIE, "")
        if cookie in offered:
            chosen = cookie
    if chosen is None:
        chosen = _match_accept_language(offered)
    if chosen is None:
        chosen = default if default in offered else offered[0]
    g.page_language = chosen
    return chosen


def _user_language() -> str | None:
    try:
        from flask_login import current_user
    except ImportError:  # pragma: no cover
        return None
    if current_user and current_user.is_authenticated:
        return getattr(current_user, "language", None)
    return None


def select_locale() -> str:
    """Flask-Babel's locale selector: the page language when the interface ships it."""
    language = page_language()
    return language if language in UI_LANGUAGES else DEFAULT_LANGUAGE


def remember_language(response):
    """After a ``?lang=`` link, keep the choice in a cookie for a year."""
    chosen = g.get("remember_language")
    if chosen and request.cookies.get(LANG_COOKIE) != chosen:
        response.set_cookie(
            LANG_COOKIE,
            chosen,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            httponly=True,
            secure=not current_app.debug and request.is_secure,
        )
    return response


@dataclass(frozen=True)
class Localized:
    """A piece of survey content in the language it is shown in."""

    text: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __html__(self) -> str:
        if not self.fallback:
            return str(escape(self.text))
        return str(
            Markup('<span lang="{}" dir="{}">{}</span>').format(
                self.lang, direction(self.lang), self.text
            )
        )


def localize(texts: dict[str, str] | None, lang: str, default: str) -> Localized:
    """Pick ``texts[lang]``, falling back to the default language (marked as such)."""
    texts = texts or {}
    value = (texts.get(lang) or "").strip()
    if value:
        return Localized(texts[lang], lang, False)
    value = texts.get(default) or ""
    if value:
        return Localized(value, default, default != lang)
    for code, other in texts.items():
        if other:
            return Localized(other, code, code != lang)
    return Localized("", lang, False)
