"""Writing and reading the audit trail."""

from __future__ import annotations

from sqlalchemy import select

from feedback.audit.models import AuditEvent
from feedback.extensions import db


def record(action: str, object_type: str, object_id: int | None, user=None, **detail) -> AuditEvent:
    """Add an audit event to the session (the caller commits with its own change)."""
    event = AuditEvent(
        action=action,
        object_type=object_type,
        object_id=object_id,
        user_id=getattr(user, "id", None),
        detail=detail,
    )
    db.session.add(event)
    return event


def history(object_type: str, object_id: int, limit: int = 200) -> list[AuditEvent]:
    """The newest events about one object first."""
    return list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.object_type == object_type, AuditEvent.object_id == object_id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
    )
