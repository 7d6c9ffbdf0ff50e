"""JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of everything the API returns."""

from __future__ import annotations


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    kind = schema["type"]
    return {**schema, "type": [kind, "null"]}


def _object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
DATETIME = {"type": "string", "format": "date-time"}
LANGUAGE = {"type": "string", "minLength": 2, "maxLength": 8}
CODE = {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*$"}
CHOICE_CODE = {"type": "string", "pattern": "^[A-Za-z0-9_.-]+$"}
COUNT = {"type": "integer", "minimum": 0}

QUESTION_KINDS = [
    "single",
    "multiple",
    "rating",
    "nps",
    "yesno",
    "number",
    "short_text",
    "long_text",
    "date",
]

NUMBER_OR_NULL = {"type": ["number", "null"]}
COUNTED = {
    "count": {**COUNT, "type": ["integer", "null"], "description": "null when suppressed."},
    "suppressed": {
        "type": "boolean",
        "description": "True when the count is hidden: a group of fewer than k people, or a "
        "count that would let one be worked out from a total.",
    },
}

SCHEMAS: dict[str, dict] = {
    "Texts": {
        "type": "object",
        "description": 'One text per language code, e.g. {"en": "Park", "sq": "Parku"}.',
        "additionalProperties": {"type": "string"},
    },
    "Error": _object(
        {
            "error": {**STRING, "description": "A stable code, e.g. `invalid_parameter`."},
            "message": {**STRING, "description": "What went wrong, in the caller's language."},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "problems": {
                "type": "array",
                "items": _object({"parameter": STRING, "message": STRING}),
            },
        },
        required=["error", "status"],
    ),
    "SurveyLinks": _object(
        {
            "self": {**URL, "description": "This survey's definition in the API."},
            "summary": {**URL, "description": "Its summary in the API."},
            "page": {**URL, "description": "Where residents answer it."},
        }
    ),
    "SurveyItem": _object(
        {
            "slug": STRING,
            "title": _ref("Texts"),
            "default_language": LANGUAGE,
            "languages": {"type": "array", "items": LANGUAGE},
            "status": {"enum": ["draft", "open", "closed"]},
            "availability": {
                "enum": ["draft", "scheduled", "open", "closed"],
                "description": "The status as of now, taking the opening dates into account.",
            },
            "opens_at": _nullable(DATETIME),
            "closes_at": _nullable(DATETIME),
            "results_public": {"type": "boolean"},
            "links": _ref("SurveyLinks"),
        }
    ),
    "SurveyList": _object(
        {
            "items": {"type": "array", "items": _ref("SurveyItem")},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1},
            "total": COUNT,
            "pages": {"type": "integer", "minimum": 1},
            "links": _object({"self": URL, "next": _nullable(URL), "prev": _nullable(URL)}),
        }
    ),
    "ChoiceDefinition": _object({"code": CHOICE_CODE, "label": _ref("Texts")}),
    "ShowIf": _object(
        {
            "question": CODE,
            "operator": {"enum": ["equals", "one_of", "not_equals"]},
            "values": {"type": "array", "items": STRING},
        }
    ),
    "QuestionDefinition": _object(
        {
            "code": CODE,
            "kind": {"enum": QUESTION_KINDS},
            "required": {"type": "boolean"},
            "segment": {
                "type": "boolean",
                "description": "Used to break results down (summary `segment` filter).",
            },
            "text": _ref("Texts"),
            "hint": _ref("Texts"),
            "min": {"type": ["number", "null"]},
            "max": {"type": ["number", "null"]},
            "whole_number": {"type": "boolean"},
            "min_choices": {"type": ["integer", "null"]},
            "max_choices": {"type": ["integer", "null"]},
            "max_length": {"type": ["integer", "null"]},
            "low_label": _ref("Texts"),
            "high_label": _ref("Texts"),
            "choices": {"type": "array", "items": _ref("ChoiceDefinition")},
            "show_if": {"oneOf": [{"type": "null"}, _ref("ShowIf")]},
        }
    ),
    "SectionDefinition": _object(
        {
            "title": _ref("Texts"),
            "description": _ref("Texts"),
            "questions": {"type": "array", "items": _ref("QuestionDefinition")},
        }
    ),
    "SurveyDefinition": _object(
        {
            "format": {"type": "integer", "const": 1},
            "slug": STRING,
            "status": {"enum": ["draft", "open", "closed"]},
            "default_language": LANGUAGE,
            "languages": {"type": "array", "items": LANGUAGE},
            "title": _ref("Texts"),
            "introduction": _ref("Texts"),
            "thank_you": _ref("Texts"),
            "results_public": {"type": "boolean"},
            "min_group_size": {"type": "integer", "minimum": 1},
            "opens_at": _nullable(DATETIME),
            "closes_at": _nullable(DATETIME),
            "sections": {"type": "array", "items": _ref("SectionDefinition")},
        }
    ),
    "Count": _object(COUNTED),
    "ChoiceStat": _object(
        {
            "code": CHOICE_CODE,
            "label": _ref("Texts"),
            **COUNTED,
            "percent": {
                **NUMBER_OR_NULL,
                "description": "Share of those who answered the question (multiple choice: "
                "shares add up to more than 100).",
            },
            "removed": {"type": "boolean"},
        }
    ),
    "DistributionStat": _object({"value": {"type": "number"}, **COUNTED}),
    "NpsStat": _object(
        {
            "score": NUMBER_OR_NULL,
            "promoters": NUMBER_OR_NULL,
            "passives": NUMBER_OR_NULL,
            "detractors": NUMBER_OR_NULL,
        }
    ),
    "NumberStats": _object(
        {
            "min": NUMBER_OR_NULL,
            "max": NUMBER_OR_NULL,
            "mean": NUMBER_OR_NULL,
            "median": NUMBER_OR_NULL,
        }
    ),
    "QuestionSummary": _object(
        {
            "code": CODE,
            "kind": {"enum": QUESTION_KINDS},
            "text": _ref("Texts"),
            "segment": {"type": "boolean"},
            "removed": {"type": "boolean"},
            "answered": _ref("Count"),
            "choices": {
                "type": "array",
                "items": _ref("ChoiceStat"),
                "description": "Choices, and yes/no.",
            },
            "distribution": {
                "type": "array",
                "items": _ref("DistributionStat"),
                "description": "Ratings, 0-10 scores and numbers: how many gave each value.",
            },
            "mean": {**NUMBER_OR_NULL, "description": "null when any count is suppressed."},
            "median": NUMBER_OR_NULL,
            "nps": {"oneOf": [{"type": "null"}, _ref("NpsStat")]},
            "number_stats": {"oneOf": [{"type": "null"}, _ref("NumberStats")]},
            "text_answers": {
                "oneOf": [{"type": "null"}, _ref("Count")],
                "description": "Open-text questions: how many answered. The texts themselves "
                "are never in the API.",
            },
        }
    ),
    "SummaryFilters": _object(
        {
            "segment": {"type": ["string", "null"]},
            "since": {"type": ["string", "null"], "format": "date"},
            "until": {"type": ["string", "null"], "format": "date"},
            "language": {"type": ["string", "null"]},
        }
    ),
    "SurveySummary": _object(
        {
            "survey": {**STRING, "description": "The survey's slug."},
            "public": {
                "type": "boolean",
                "description": "True for the public view (no token): published questions only.",
            },
            "k": {"type": "integer", "minimum": 1, "description": "The small-group size."},
            "too_few": {
                "type": "boolean",
                "description": "Fewer than k responses match: nothing else is shown.",
            },
            "filters": _ref("SummaryFilters"),
            "responses": _ref("Count"),
            "by_language": {
                "type": "array",
                "items": _object({"language": LANGUAGE, **COUNTED}),
                "description": "Responses per language (empty in the public view).",
            },
            "over_time": {
                "type": "array",
                "items": _object({"date": {"type": "string", "format": "date"}, **COUNTED}),
                "description": "Responses per day, UTC (empty in the public view).",
            },
            "questions": {"type": "array", "items": _ref("QuestionSummary")},
        }
    ),
}
