"""Community review: residents say whether the published summary reflects their experience."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.results.models import CommunityComment, ReviewStatus, ReviewVote, Verdict
from feedback.results.moderation import find_personal_data
from feedback.surveys.models import Survey

COMMENT_MAX_LENGTH = 1000


def new_token() -> str:
    """A random token identifying one browser (kept in its cookie, stored only hashed)."""
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def vote(survey: Survey, token: str, verdict: Verdict) -> ReviewVote:
    """Record one browser's verdict; voting again changes it, never adds a second vote.

    Commits: a simultaneous double tap hits the unique key and is folded into the first vote.
    """
    token_hash = hash_token(token)
    existing = _find_vote(survey, token_hash)
    if existing is not None:
        existing.verdict = verdict
        db.session.commit()
        return existing
    row = ReviewVote(survey_id=survey.id, token_hash=token_hash, verdict=verdict)
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        row = _find_vote(survey, token_hash)
        row.verdict = verdict
        db.session.commit()
    return row


def _find_vote(survey: Survey, token_hash: str) -> ReviewVote | None:
    return db.session.scalars(
        select(ReviewVote).where(
            ReviewVote.survey_id == survey.id, ReviewVote.token_hash == token_hash
        )
    ).first()


def my_verdict(survey: Survey, token: str | None) -> Verdict | None:
    """The verdict this browser gave, if any."""
    if not token:
        return None
    row = _find_vote(survey, hash_token(token))
    return row.verdict if row else None


def review_counts(survey: Survey) -> dict[str, int]:
    """Votes per verdict: ``{"yes": n, "partly": n, "no": n, "total": n}`` (not suppressed)."""
    counts = {verdict.value: 0 for verdict in Verdict}
    rows = db.session.execute(
        select(ReviewVote.verdict, func.count())
        .where(ReviewVote.survey_id == survey.id)
        .group_by(ReviewVote.verdict)
    )
    for verdict, count in rows:
        counts[Verdict(verdict).value] = count
    counts["total"] = sum(counts[v.value] for v in Verdict)
    return counts


def add_comment(survey: Survey, text: str, language: str) -> CommunityComment:
    """Store a resident's comment, pending moderation. ValueError when empty or too long."""
    text = (text or "").strip()
    if not text or len(text) > COMMENT_MAX_LENGTH:
        raise ValueError(text)
    comment = CommunityComment(
        survey_id=survey.id,
        text=text,
        language=language,
        status=ReviewStatus.PENDING,
        flags=find_personal_data(text),
    )
    db.session.add(comment)
    return comment
