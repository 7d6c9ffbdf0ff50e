"""Translated names for statuses, question kinds and audit actions, for templates."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from feedback.authoring.forms import KIND_LABELS

STATUS_LABELS = {
    "draft": _l("Draft"),
    "scheduled": _l("Scheduled"),
    "open": _l("Open"),
    "closed": _l("Closed"),
}

ACTION_LABELS = {
    "survey.created": _l("Created the survey"),
    "survey.edited": _l("Edited the settings"),
    "survey.published": _l("Published"),
    "survey.closed": _l("Closed"),
    "survey.reopened": _l("Reopened"),
    "survey.duplicated": _l("Made a copy"),
    "survey.imported": _l("Imported"),
    "survey.deleted": _l("Deleted the survey"),
    "section.added": _l("Added a section"),
    "section.edited": _l("Renamed a section"),
    "section.moved": _l("Moved a section"),
    "section.deleted": _l("Deleted a section"),
    "question.added": _l("Added a question"),
    "question.edited": _l("Edited a question"),
    "question.moved": _l("Moved a question"),
    "question.removed": _l("Removed a question (answers kept)"),
    "question.deleted": _l("Deleted a question"),
}


def status_label(value) -> str:
    return str(STATUS_LABELS.get(str(getattr(value, "value", value)), value))


def kind_label(kind) -> str:
    return str(KIND_LABELS.get(kind, kind))


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.value, str(label)) for kind, label in KIND_LABELS.items()]


def action_label(action: str) -> str:
    """A translated description of an audit action; unknown ones (other features') as is."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def dict_get(mapping, key, default=""):
    return (mapping or {}).get(key, default)


def init_labels(app: Flask) -> None:
    app.jinja_env.globals.update(
        status_label=status_label,
        kind_label=kind_label,
        kind_choices=kind_choices,
        action_label=action_label,
    )
    app.jinja_env.filters["dict_get"] = dict_get
