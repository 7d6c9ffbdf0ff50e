"""Friendly, translated error pages; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

MESSAGES = {
    400: (_l("Something went wrong with that request"), _l("Please go back and try again.")),
    403: (
        _l("You cannot see this page"),
        _l("Your account does not have access to this page."),
    ),
    404: (
        _l("Page not found"),
        _l(
            "If you typed the web address, check it is correct. If you followed a link or a "
            "QR code, the page may have moved."
        ),
    ),
    405: (_l("Something went wrong with that request"), _l("Please go back and try again.")),
    410: (_l("This page is no longer available"), _l("It has been closed or removed.")),
    413: (
        _l("What you sent is too large"),
        _l("Please shorten your answers and try again."),
    ),
    429: (
        _l("Too many attempts"),
        _l("Please wait a minute and try again. Nothing you typed has been stored yet."),
    ),
    500: (
        _l("Sorry, there is a problem with the service"),
        _l("Please try again later. Your answers have not been lost if you go back."),
    ),
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def render_error(code: int):
    title, body = MESSAGES.get(code, MESSAGES[500])
    if wants_json():
        return jsonify(error=str(title), status=code), code
    return render_template("errors/error.html", code=code, title=title, body=body), code


def init_error_handlers(app: Flask) -> None:
    """Route every HTTP error and unexpected exception to a translated page."""

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if isinstance(error, CSRFError):
            return render_error(400)
        code = error.code or 500
        if code < 400:
            return error
        response = make_response(
            *render_error(code if code in MESSAGES else 400 if code < 500 else 500)
        )
        if code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):  # pragma: no cover - handled above
            return _http_error(error)
        log.exception("Unhandled error on %s %s", request.method, request.path)
        from feedback.extensions import db

        db.session.rollback()
        return render_error(InternalServerError.code)
