"""The demonstration data: ``flask --app wsgi demo load``."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.demo_content import SURVEYS
from feedback.extensions import db
from feedback.surveys.definition import build_survey
from feedback.surveys.models import Survey

#: Features add loaders ``() -> list[str]`` (names of what they created) for their own demo data.
DEMO_LOADERS: list = []


def database_is_empty() -> bool:
    return not db.session.scalar(select(func.count()).select_from(Survey))


def load_demo() -> list[str]:
    """Create whatever part of the demo is missing; returns what was created."""
    created = []
    for definition in SURVEYS:
        if db.session.scalar(select(Survey).where(Survey.slug == definition["slug"])):
            continue
        db.session.add(build_survey(definition))
        created.append(definition["slug"])
    db.session.flush()
    for loader in DEMO_LOADERS:
        created.extend(loader())
    return created
