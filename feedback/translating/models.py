"""Models of this feature (imported by feedback.models so migrations see them)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from feedback.dbtypes import UTCDateTime
from feedback.extensions import db
from feedback.timeutil import utcnow


class TranslationCheck(db.Model):
    """Which default-language text a translation was made (or confirmed) against.

    A translation "needs review" when the hash stored here differs from the hash of the current
    default-language text. Translations without a row count as reviewed.
    """

    __table_args__ = (sa.UniqueConstraint("survey_id", "key", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    #: Stable string key such as ``question.area.text`` (see feedback.translating.services).
    key: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str] = mapped_column(sa.String(8))
    #: Hash of the default-language text the translation was made against.
    source_hash: Mapped[str] = mapped_column(sa.String(64))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Who saved or confirmed it (null for imports without a signed-in user).
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
