"""JSON errors of the API: a stable English code, a translated message, the HTTP status."""

from __future__ import annotations

import re

from flask import jsonify
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from feedback.errors import MESSAGES


class ApiError(Exception):
    """An error answered as ``{"error": code, "message": ..., "status": ..., "problems": []}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        problems: list[dict] | None = None,
        headers: dict | None = None,
    ):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems or []
        self.headers = headers or {}


def invalid_parameter(problems: list[dict]) -> ApiError:
    """400 for query parameters that cannot be used; ``problems`` name each one and why."""
    return ApiError(400, "invalid_parameter", _("Some query parameters are not valid."), problems)


def problem(parameter: str, message: str) -> dict:
    return {"parameter": parameter, "message": message}


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("There is no such survey."))


def invalid_token() -> ApiError:
    return ApiError(
        401,
        "invalid_token",
        _("The API token is not valid: it may be mistyped or revoked."),
        headers={"WWW-Authenticate": 'Bearer realm="api", error="invalid_token"'},
    )


def token_required(problems: list[dict]) -> ApiError:
    """401 for what only a token may ask (filters on a summary)."""
    return ApiError(
        401,
        "token_required",
        _("This needs an API token."),
        problems,
        headers={"WWW-Authenticate": 'Bearer realm="api"'},
    )


def error_response(error: ApiError):
    body = {"error": error.code, "message": error.message, "status": error.status}
    if error.problems:
        body["problems"] = error.problems
    response = jsonify(body)
    response.status_code = error.status
    response.headers.update(error.headers)
    response.headers["Cache-Control"] = "no-store"
    return response


def http_error_response(error: HTTPException):
    """Werkzeug's errors (404, 405, 429...) in the same shape."""
    status = error.code or 500
    code = re.sub(r"[^a-z]+", "_", (error.name or "error").lower()).strip("_")
    title, _body = MESSAGES.get(status, MESSAGES[400 if status < 500 else 500])
    response = error_response(ApiError(status, code, str(title)))
    if status == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response
