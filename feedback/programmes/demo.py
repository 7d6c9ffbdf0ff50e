"""Demo data: the exchange programme with indicators, a finding and an action, and the
exchange survey's results published (idempotent: nothing is created twice)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from feedback.extensions import db
from feedback.programmes.models import Indicator, IndicatorSource, Initiative
from feedback.programmes.services import set_linked_surveys
from feedback.surveys.models import Survey

NAME = {
    "en": "Kosovo exchange programme",
    "sq": "Programi i shkëmbimit me Kosovën",
    "sr": "Програм размене са Косовом",
    "es": "Programa de intercambio con Kosovo",
}


def load_programme_demo() -> list[str]:
    """Create the demo programme when it is missing; returns what was created."""
    from feedback.results import findings, publication
    from feedback.results.models import ActionStatus

    survey = db.session.scalars(select(Survey).where(Survey.slug == "exchange-programme")).first()
    existing = db.session.scalars(select(Initiative)).all()
    if survey is None or any(i.name.get("en") == NAME["en"] for i in existing):
        return []
    start = date.today() - timedelta(days=30)
    initiative = Initiative(
        languages=["en", "sq", "sr", "es"],
        default_language="en",
        name=NAME,
        description={
            "en": "Residents and a delegation from Kosovo share ideas on city services.",
            "sq": "Banorët dhe një delegacion nga Kosova ndajnë ide për shërbimet e qytetit.",
        },
        starts_on=start,
    )
    db.session.add(initiative)
    db.session.flush()
    set_linked_surveys(initiative, {survey.id})
    initiative.indicators.extend(
        [
            Indicator(
                position=1,
                label={"en": "Residents reached", "sq": "Banorë të arritur"},
                unit={"en": "responses", "sq": "përgjigje"},
                target=15000,
                starts_on=start,
                due_on=start + timedelta(days=120),
                source=IndicatorSource.RESPONSES_COUNT,
            ),
            Indicator(
                position=2,
                label={"en": "Went to an exchange event", "sq": "Morën pjesë në një ngjarje"},
                unit={"en": "%", "sq": "%"},
                target=60,
                starts_on=start,
                due_on=start + timedelta(days=365),
                source=IndicatorSource.CHOICE_SHARE,
                survey_id=survey.id,
                question_code="attended",
                choice_codes=["yes"],
            ),
            Indicator(
                position=3,
                label={"en": "Rating of the events", "sq": "Vlerësimi i ngjarjeve"},
                unit={"en": "out of 5", "sq": "nga 5"},
                target=4.2,
                baseline=3.5,
                starts_on=start,
                due_on=start + timedelta(days=365),
                source=IndicatorSource.SCALE_MEAN,
                survey_id=survey.id,
                question_code="satisfaction",
            ),
        ]
    )
    finding = findings.create_finding(
        {
            "en": "Residents want more events about jobs and transport.",
            "sq": "Banorët duan më shumë ngjarje për punësimin dhe transportin.",
        },
        survey_id=survey.id,
        evidence_code="topics",
        evidence_by="neighbourhood",
        published=True,
    )
    findings.save_action(
        finding,
        {
            "en": "Two workshops on jobs and transport with the Kosovo delegation.",
            "sq": "Dy punëtori për punësimin dhe transportin me delegacionin e Kosovës.",
        },
        "Office of International Affairs",
        ActionStatus.PLANNED,
        due_on=start + timedelta(days=90),
    )
    chosen = {q.id for q in survey.questions if q.code in ("attended", "topics", "satisfaction")}
    publication.set_published_questions(survey, chosen)
    publication.set_public(survey, True)
    db.session.flush()
    return ["programme: " + NAME["en"]]
