"""Models of this feature (imported by feedback.models so migrations see them)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.auth.models import User
from feedback.dbtypes import UTCDateTime
from feedback.extensions import db
from feedback.timeutil import utcnow


class ApiToken(db.Model):
    """A secret that lets an integration read the API as its user (with that user's role).

    Only the SHA-256 of the secret is stored: the secret itself is shown once, at creation."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    #: What the token is for ("City dashboard"), so it can be told apart and revoked.
    name: Mapped[str] = mapped_column(sa.String(120))
    #: Hex SHA-256 of the secret; looked up on every request.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.name!r}>"
