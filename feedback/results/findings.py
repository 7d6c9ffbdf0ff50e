"""Findings ("you said") and actions ("we did") of a survey or a programme."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.results.models import Action, ActionStatus, Finding


def list_findings(
    *, survey_id: int | None = None, initiative_id: int | None = None, published_only=False
) -> list[Finding]:
    """The findings of a survey or of a programme, in their order."""
    statement = select(Finding).order_by(Finding.position, Finding.id)
    if survey_id is not None:
        statement = statement.where(Finding.survey_id == survey_id)
    if initiative_id is not None:
        statement = statement.where(Finding.initiative_id == initiative_id)
    if published_only:
        statement = statement.where(Finding.published.is_(True))
    return list(db.session.scalars(statement))


def clean_texts(texts: dict[str, str]) -> dict[str, str]:
    """Drop empty translations and surrounding spaces."""
    return {lang: value.strip() for lang, value in texts.items() if value and value.strip()}


def create_finding(
    texts: dict[str, str],
    *,
    survey_id: int | None = None,
    initiative_id: int | None = None,
    evidence_code: str | None = None,
    evidence_by: str | None = None,
    published: bool = False,
) -> Finding:
    """Add a finding at the end of the list of its survey or programme."""
    if survey_id is None and initiative_id is None:
        raise ValueError("a finding belongs to a survey or a programme")
    last = db.session.scalar(
        select(func.max(Finding.position)).where(
            Finding.survey_id == survey_id
            if survey_id is not None
            else Finding.initiative_id == initiative_id
        )
    )
    finding = Finding(
        survey_id=survey_id,
        initiative_id=initiative_id,
        text=clean_texts(texts),
        evidence_code=evidence_code or None,
        evidence_by=evidence_by or None,
        published=published,
        position=(last or 0) + 1,
    )
    db.session.add(finding)
    db.session.flush()
    return finding


def update_finding(
    finding: Finding,
    texts: dict[str, str],
    evidence_code: str | None,
    evidence_by: str | None,
    published: bool,
    position: int | None = None,
) -> Finding:
    """Change a finding's texts, evidence, order and whether residents see it."""
    finding.text = clean_texts(texts)
    finding.evidence_code = evidence_code or None
    finding.evidence_by = evidence_by or None
    finding.published = published
    if position is not None:
        finding.position = position
    return finding


def save_action(
    finding: Finding,
    texts: dict[str, str],
    owner: str,
    status: ActionStatus,
    due_on: date | None = None,
    done_on: date | None = None,
    action: Action | None = None,
) -> Action:
    """Create (or, given ``action``, change) an action taken on a finding."""
    if action is None:
        action = Action(finding=finding)
        db.session.add(action)
    action.text = clean_texts(texts)
    action.owner = owner.strip()
    action.status = status
    action.due_on = due_on
    action.done_on = done_on
    return action
