"""The OpenAPI 3.1 document of /api/v1, written by hand. Tests validate every endpoint's real
answers against these schemas, so keep them exact (``additionalProperties: false``)."""

from __future__ import annotations

from feedback.api.params import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE
from feedback.api.schemas import SCHEMAS

API_VERSION = "1.0.0"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict:
    return _json(_ref("Error"), description)


SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "description": "The survey's address, as in /s/<slug>.",
    "schema": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "maxLength": 80},
}

PAGINATION = [
    {
        "name": "page",
        "in": "query",
        "description": "Page number, from 1.",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    },
    {
        "name": "per_page",
        "in": "query",
        "description": "Items per page.",
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PER_PAGE,
            "default": DEFAULT_PER_PAGE,
        },
    },
]

SUMMARY_FILTERS = [
    {
        "name": "segment",
        "in": "query",
        "description": (
            "Only responses whose answer to a segment question is this choice: "
            "`question_code:choice_code`, e.g. `area:north`. Needs a token."
        ),
        "schema": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*:[A-Za-z0-9_.-]+$"},
    },
    {
        "name": "since",
        "in": "query",
        "description": "Only responses submitted on or after this day (UTC). Needs a token.",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "until",
        "in": "query",
        "description": "Only responses submitted on or before this day (UTC). Needs a token.",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "language",
        "in": "query",
        "description": "Only responses in this language (one the survey offers). Needs a token.",
        "schema": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)?$"},
    },
]

COMMON_ERRORS = {
    "401": _error("The token is not valid (mistyped or revoked)."),
    "429": _error("Too many requests: wait a minute."),
}


def _paths() -> dict:
    return {
        "/surveys": {
            "get": {
                "operationId": "listSurveys",
                "summary": "List surveys",
                "description": (
                    "Without a token: surveys open now, and closed surveys whose results are "
                    "public. With a token: every survey, drafts included. Newest first."
                ),
                "parameters": PAGINATION,
                "responses": {
                    "200": _json(_ref("SurveyList"), "One page of surveys."),
                    "400": _error("A query parameter is not valid."),
                    **COMMON_ERRORS,
                },
            }
        },
        "/surveys/{slug}": {
            "get": {
                "operationId": "getSurvey",
                "summary": "A survey's definition in every language",
                "description": (
                    "The same format as the survey JSON import. Drafts need a token. "
                    "Removed questions and choices are left out."
                ),
                "parameters": [SLUG],
                "responses": {
                    "200": _json(_ref("SurveyDefinition"), "The survey's definition."),
                    "400": _error("A query parameter is not valid."),
                    "404": _error("No such survey (or a draft, without a token)."),
                    **COMMON_ERRORS,
                },
            }
        },
        "/surveys/{slug}/summary": {
            "get": {
                "operationId": "getSurveySummary",
                "summary": "Aggregated results of a survey",
                "description": (
                    "Counts, percentages and statistics per question, never an open-text "
                    "answer. Counts of fewer than `k` people are `null` with "
                    "`suppressed: true`, and enough other counts are hidden that no hidden "
                    "count can be worked out from the totals. Without a token: only when the "
                    "survey's results are public, only its published questions, no filters."
                ),
                "parameters": [SLUG, *SUMMARY_FILTERS],
                "responses": {
                    "200": _json(_ref("SurveySummary"), "The summary."),
                    "400": _error("A filter is not valid."),
                    "401": _error(
                        "The token is not valid, or filters were given without a token "
                        "(`token_required`)."
                    ),
                    "404": _error("No such survey, or its results are not public."),
                    "429": COMMON_ERRORS["429"],
                },
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This document",
                "security": [{}],
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3.1 document.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }


def build_document(server_url: str = "/api/v1") -> dict:
    """The whole OpenAPI 3.1 document, its server pointing at ``server_url``."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Community feedback platform API",
            "version": API_VERSION,
            "description": (
                "Read-only access to surveys, their definitions in every language and their "
                "aggregated results. Public data needs no token; everything else needs "
                "`Authorization: Bearer <token>` (created by an administrator). Errors are "
                "JSON: a stable `error` code, a `message` in the caller's language "
                "(Accept-Language) and the HTTP `status`. Successful answers carry an `ETag`: "
                "send it back in `If-None-Match` to get `304 Not Modified`. Lists take "
                "`page` and `per_page` (at most 100). Unknown or repeated query parameters are "
                "refused with 400, so a misspelt filter never goes unnoticed."
            ),
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": server_url}],
        "security": [{}, {"bearerAuth": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token; it acts with its user's role.",
                }
            },
            "schemas": SCHEMAS,
        },
    }
