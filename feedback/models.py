"""Imports every feature's models so that the metadata (and so migrations) knows them all."""

from feedback.answering.models import Answer, Draft, Response
from feedback.audit.models import AuditEvent
from feedback.auth.models import Role, User
from feedback.surveys.models import Choice, Question, QuestionKind, Section, Survey, SurveyStatus

__all__ = [
    "Answer",
    "AuditEvent",
    "Choice",
    "Draft",
    "Question",
    "QuestionKind",
    "Response",
    "Role",
    "Section",
    "Survey",
    "SurveyStatus",
    "User",
]

# Each feature's own models register themselves on the metadata when imported.
import feedback.api.models  # noqa: E402, F401
import feedback.authoring.models  # noqa: E402, F401
import feedback.focus_groups.models  # noqa: E402, F401
import feedback.programmes.models  # noqa: E402, F401
import feedback.reports.models  # noqa: E402, F401
import feedback.results.models  # noqa: E402, F401
import feedback.translating.models  # noqa: E402, F401
