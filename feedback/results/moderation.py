"""Moderation of residents' texts: open-text answers and community comments.

Nothing a resident wrote is public until a facilitator approves it. E-mail addresses and phone
numbers block approval until a redacted copy without them is saved; name-like pairs are only
flagged for the moderator to look at."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from feedback.answering.models import Answer, Response
from feedback.extensions import db
from feedback.results.models import CommunityComment, ReviewStatus, TextReview
from feedback.surveys.models import Question, QuestionKind, Survey
from feedback.timeutil import utcnow

TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: International (+383 44 123 456) and local (044-123-456, (555) 123-4567) numbers: 7+ digits
#: with optional separators.
PHONE_PATTERN = re.compile(r"(?<![\w])(?:\+|00)?\(?\d(?:[\d\s().\-/]{5,}\d)(?![\w])")
#: Two capitalised words in a row ("Ana Krasniqi"), not at the start of a sentence alone.
NAME_PATTERN = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+\b")
#: Personal data that may never be published.
BLOCKING_FLAGS = ("email", "phone")
REDACTED = "[…]"


class ModerationError(ValueError):
    """A moderation step that is not allowed (e.g. approving a text with an e-mail address)."""


DATE_PATTERN = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _phones(text: str) -> list[str]:
    found = []
    for match in PHONE_PATTERN.finditer(text):
        value = match.group().strip()
        if DATE_PATTERN.fullmatch(value):
            continue  # 2026-05-12 is a date, not a phone number
        if sum(ch.isdigit() for ch in value) >= 7:
            found.append(match.group())
    return found


def find_personal_data(text: str) -> list[str]:
    """Kinds of personal data found in ``text``: any of "email", "phone", "name"."""
    text = text or ""
    flags = []
    if EMAIL_PATTERN.search(text):
        flags.append("email")
    if _phones(EMAIL_PATTERN.sub(" ", text)):
        flags.append("phone")
    if NAME_PATTERN.search(text):
        flags.append("name")
    return flags


def suggest_redaction(text: str) -> str:
    """``text`` with e-mail addresses and phone numbers replaced by a marker."""
    text = EMAIL_PATTERN.sub(REDACTED, text or "")
    for phone in sorted(set(_phones(text)), key=len, reverse=True):
        text = text.replace(phone, REDACTED)
    return text


def is_publishable(text: str | None) -> bool:
    """True when ``text`` holds no e-mail address or phone number."""
    return not any(flag in BLOCKING_FLAGS for flag in find_personal_data(text or ""))


@dataclass
class Item:
    """One text in the moderation queue."""

    kind: str  # "answer" or "comment"
    id: int
    text: str
    status: ReviewStatus
    redacted_text: str | None
    flags: list[str]
    question: Question | None
    featured: bool = False
    #: The language the resident wrote in.
    language: str = "en"

    @property
    def public_text(self) -> str:
        return self.redacted_text if self.redacted_text is not None else self.text


def text_answers(survey: Survey):
    """Select (Answer, Question, TextReview|None) for every open-text answer of ``survey``."""
    return (
        select(Answer, Question, TextReview, Response.language)
        .join(Question, Answer.question_id == Question.id)
        .join(Response, Answer.response_id == Response.id)
        .outerjoin(TextReview, TextReview.answer_id == Answer.id)
        .where(Response.survey_id == survey.id, Question.kind.in_(TEXT_KINDS))
        .where(Answer.text.is_not(None), Answer.text != "")
    )


def queue(
    survey: Survey, status: ReviewStatus | None = ReviewStatus.PENDING, limit: int | None = None
) -> list[Item]:
    """Open-text answers, then comments, of ``survey`` with the given status (all when None);
    at most ``limit`` of each."""
    statement = text_answers(survey).order_by(Answer.id).limit(limit)
    if status == ReviewStatus.PENDING:
        statement = _with_pending(statement)
    elif status is not None:
        statement = statement.where(TextReview.status == status, TextReview.survey_id == survey.id)
    items = [
        Item(
            "answer",
            answer.id,
            answer.text,
            review.status if review else ReviewStatus.PENDING,
            review.redacted_text if review else None,
            find_personal_data(answer.text),
            question,
            bool(review and review.featured),
            language,
        )
        for answer, question, review, language in db.session.execute(statement)
    ]
    comments = select(CommunityComment).where(CommunityComment.survey_id == survey.id)
    if status is not None:
        comments = comments.where(CommunityComment.status == status)
    for comment in db.session.scalars(comments.order_by(CommunityComment.id).limit(limit)):
        items.append(
            Item(
                "comment",
                comment.id,
                comment.text,
                comment.status,
                comment.redacted_text,
                comment.flags or [],
                None,
                language=comment.language,
            )
        )
    return items


def pending_count(survey: Survey) -> int:
    """How many texts of ``survey`` wait for a decision (counted in the database)."""
    answers = _with_pending(text_answers(survey)).with_only_columns(func.count(Answer.id))
    comments = select(func.count(CommunityComment.id)).where(
        CommunityComment.survey_id == survey.id,
        CommunityComment.status == ReviewStatus.PENDING,
    )
    return db.session.scalar(answers) + db.session.scalar(comments)


def _with_pending(statement):
    return statement.where((TextReview.id.is_(None)) | (TextReview.status == ReviewStatus.PENDING))


def _record(survey: Survey, kind: str, item_id: int) -> TextReview | CommunityComment:
    if kind == "comment":
        comment = db.session.get(CommunityComment, item_id)
        if comment is None or comment.survey_id != survey.id:
            raise LookupError(item_id)
        return comment
    if kind != "answer":
        raise LookupError(kind)
    row = db.session.execute(text_answers(survey).where(Answer.id == item_id)).first()
    if row is None:
        raise LookupError(item_id)
    answer, _question, review, _language = row
    if review is None:
        review = TextReview(
            answer_id=answer.id,
            survey_id=survey.id,
            status=ReviewStatus.PENDING,
            flags=find_personal_data(answer.text),
        )
        db.session.add(review)
    return review


def original_text(record: TextReview | CommunityComment) -> str:
    """The text exactly as the resident wrote it."""
    if isinstance(record, CommunityComment):
        return record.text
    return db.session.get(Answer, record.answer_id).text or ""


def find_item(survey: Survey, kind: str, item_id: int) -> Item:
    """One queue item by kind and id; LookupError when it is not this survey's."""
    record = _record(survey, kind, item_id)
    text = original_text(record)
    question = None
    if isinstance(record, TextReview):
        question = db.session.get(Question, db.session.get(Answer, record.answer_id).question_id)
    return Item(
        kind,
        item_id,
        text,
        record.status,
        record.redacted_text,
        find_personal_data(text),
        question,
        getattr(record, "featured", False),
    )


def _decide(record, status: ReviewStatus, user) -> None:
    record.status = status
    record.reviewed_by_id = user.id if user is not None else None
    record.reviewed_at = utcnow()


def approve(survey: Survey, kind: str, item_id: int, user=None) -> None:
    """Approve a text for publication (its redacted copy, when there is one).

    Raises ModerationError when what would be published holds an e-mail address or phone number.
    """
    record = _record(survey, kind, item_id)
    shown = record.redacted_text if record.redacted_text is not None else original_text(record)
    if not is_publishable(shown):
        db.session.rollback()
        raise ModerationError("personal data")
    _decide(record, ReviewStatus.APPROVED, user)


def hide(survey: Survey, kind: str, item_id: int, user=None) -> None:
    """Keep a text off every public page (officials still read it)."""
    record = _record(survey, kind, item_id)
    _decide(record, ReviewStatus.HIDDEN, user)
    if isinstance(record, TextReview):
        record.featured = False


def redact(survey: Survey, kind: str, item_id: int, redacted: str, user=None) -> None:
    """Save an edited copy for public pages and approve it; the original stays untouched."""
    redacted = (redacted or "").strip()
    if not redacted:
        raise ModerationError("empty")
    if not is_publishable(redacted):
        raise ModerationError("personal data")
    record = _record(survey, kind, item_id)
    record.redacted_text = redacted
    _decide(record, ReviewStatus.APPROVED, user)


def set_featured(survey: Survey, answer_ids: set[int]) -> None:
    """Feature exactly these approved answers as quotes on the public page."""
    for _answer, _question, review, _language in db.session.execute(text_answers(survey)):
        if review is not None:
            review.featured = (
                review.answer_id in answer_ids and review.status == ReviewStatus.APPROVED
            )


def approved_quotes(survey: Survey, featured_only: bool = True) -> list[Item]:
    """Approved open-text answers (redacted copy where there is one) for public pages.

    Checked again here: a text holding an e-mail address or phone number is never returned.
    """
    items = [
        item
        for item in queue(survey, ReviewStatus.APPROVED)
        if item.kind == "answer" and (item.featured or not featured_only)
    ]
    return [item for item in items if is_publishable(item.public_text)]


def approved_comments(survey: Survey) -> list[Item]:
    """Approved community comments, safe to publish."""
    items = [i for i in queue(survey, ReviewStatus.APPROVED) if i.kind == "comment"]
    return [item for item in items if is_publishable(item.public_text)]
