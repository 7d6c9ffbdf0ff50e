"""The translatable strings of a survey, completeness, "needs review", saving translations.

Every string has a stable key: ``survey.title``, ``survey.introduction``, ``survey.thank_you``,
``section.<position>.title``, ``section.<position>.description``, ``question.<code>.text``,
``question.<code>.hint``, ``question.<code>.low_label``, ``question.<code>.high_label`` and
``choice.<question code>.<choice code>.label``. Removed questions and choices are left out, and so
are strings whose default-language text is empty (there is nothing to translate).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from feedback.extensions import db
from feedback.surveys.models import Survey
from feedback.timeutil import utcnow
from feedback.translating.models import TranslationCheck

#: The longest translation accepted for one string, in characters.
MAX_TRANSLATION_LENGTH = 10_000


@dataclass
class SurveyString:
    """One translatable text of a survey: where it lives and what it says."""

    key: str
    #: Which part of the survey it belongs to: "survey" or "section.<position>".
    group: str
    owner: object
    attribute: str
    #: What kind of text it is (title, text, hint, label...), for the translator.
    role: str

    @property
    def texts(self) -> dict[str, str]:
        return dict(getattr(self.owner, self.attribute) or {})

    def text(self, language: str) -> str:
        return self.texts.get(language) or ""

    def set_text(self, language: str, value: str) -> None:
        texts = self.texts
        if value:
            texts[language] = value
        else:
            texts.pop(language, None)
        setattr(self.owner, self.attribute, texts)  # a new dict, so the JSON change is seen


@dataclass
class SaveResult:
    """What saving a batch of translations did, or why it did nothing."""

    changed: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def source_hash(text: str) -> str:
    """A short fingerprint of a default-language text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def survey_strings(survey: Survey) -> list[SurveyString]:
    """Every string of the survey with a default-language text, in the order residents see."""
    items = [
        SurveyString("survey.title", "survey", survey, "title", "title"),
        SurveyString("survey.introduction", "survey", survey, "introduction", "introduction"),
        SurveyString("survey.thank_you", "survey", survey, "thank_you", "thank_you"),
    ]
    for section in survey.sections:
        group = f"section.{section.position}"
        items.append(SurveyString(f"{group}.title", group, section, "title", "section_title"))
        items.append(
            SurveyString(f"{group}.description", group, section, "description", "description")
        )
        for question in section.questions:
            if question.removed_at is not None:
                continue
            prefix = f"question.{question.code}"
            for attribute in ("text", "hint", "low_label", "high_label"):
                items.append(
                    SurveyString(f"{prefix}.{attribute}", group, question, attribute, attribute)
                )
            for choice in question.active_choices:
                items.append(
                    SurveyString(
                        f"choice.{question.code}.{choice.code}.label",
                        group,
                        choice,
                        "label",
                        "choice",
                    )
                )
    default = survey.default_language
    return [item for item in items if item.text(default).strip()]


def strings_by_key(survey: Survey) -> dict[str, SurveyString]:
    """The survey's strings by their key."""
    return {item.key: item for item in survey_strings(survey)}


def target_languages(survey: Survey) -> list[str]:
    """The survey's languages other than its default, in the survey's order."""
    return [code for code in (survey.languages or []) if code != survey.default_language]


def completeness(survey: Survey) -> dict[str, float]:
    """For each non-default language, the share (0.0–1.0) of strings that have a translation.

    A survey with nothing to translate counts as complete.
    """
    items = survey_strings(survey)
    result = {}
    for language in target_languages(survey):
        if not items:
            result[language] = 1.0
            continue
        done = sum(1 for item in items if item.text(language).strip())
        result[language] = done / len(items)
    return result


def _checks(survey: Survey, language: str | None = None) -> dict[tuple[str, str], TranslationCheck]:
    query = select(TranslationCheck).where(TranslationCheck.survey_id == survey.id)
    if language is not None:
        query = query.where(TranslationCheck.language == language)
    return {(c.key, c.language): c for c in db.session.scalars(query)}


def review_needed(survey: Survey, language: str) -> set[str]:
    """Keys whose translation into ``language`` was made against an older default text."""
    checks = _checks(survey, language)
    default = survey.default_language
    stale = set()
    for item in survey_strings(survey):
        check = checks.get((item.key, language))
        if check is None or not item.text(language).strip():
            continue
        if check.source_hash != source_hash(item.text(default)):
            stale.add(item.key)
    return stale


def language_summary(survey: Survey) -> list[dict]:
    """Per non-default language: counts of strings, translated ones and ones needing review."""
    items = survey_strings(survey)
    shares = completeness(survey)
    summary = []
    for language in target_languages(survey):
        summary.append(
            {
                "language": language,
                "total": len(items),
                "translated": sum(1 for item in items if item.text(language).strip()),
                "review": len(review_needed(survey, language)),
                "share": shares[language],
            }
        )
    return summary


def _store_check(survey: Survey, key: str, language: str, digest: str, user, checks: dict) -> None:
    check = checks.get((key, language))
    if check is None:
        check = TranslationCheck(survey_id=survey.id, key=key, language=language)
        db.session.add(check)
        checks[(key, language)] = check
    check.source_hash = digest
    check.confirmed_at = utcnow()
    check.user_id = getattr(user, "id", None)


def record_baseline(survey: Survey) -> int:
    """Remember the current source of every translation that has no check row yet.

    Translations made by building or importing a survey are taken as reviewed; from now on a
    change of their default-language text marks them "needs review". Returns rows added.
    """
    checks = _checks(survey)
    default = survey.default_language
    added = 0
    for item in survey_strings(survey):
        for language in target_languages(survey):
            if (item.key, language) in checks or not item.text(language).strip():
                continue
            _store_check(survey, item.key, language, source_hash(item.text(default)), None, checks)
            added += 1
    return added


def validate_translation(value: str) -> str | None:
    """Why a typed translation cannot be stored, or None."""
    from flask_babel import gettext as _

    if len(value) > MAX_TRANSLATION_LENGTH:
        return _(
            "Shorten this text to %(max)d characters or fewer (it has %(count)d).",
            max=MAX_TRANSLATION_LENGTH,
            count=len(value),
        )
    return None


def save_translations(
    survey: Survey,
    language: str,
    values: dict[str, str],
    user=None,
    confirm: set[str] | frozenset[str] = frozenset(),
    sources: dict[str, str] | None = None,
) -> SaveResult:
    """Store typed translations of ``language`` (key -> text; empty removes a translation).

    A changed translation, or one in ``confirm``, is marked as made against the current
    default-language text (or against ``sources[key]``, the text a translator file was made
    from). Nothing is stored when any value is refused: ``errors`` maps keys to reasons.
    The caller commits.
    """
    from flask_babel import gettext as _

    result = SaveResult()
    if language not in target_languages(survey):
        result.errors[""] = _("This survey is not offered in that language.")
        return result
    by_key = strings_by_key(survey)
    cleaned = {}
    for key, raw in values.items():
        item = by_key.get(key)
        if item is None:
            result.errors[key] = _("This text is no longer part of the survey.")
            continue
        value = (raw or "").replace("\r\n", "\n").strip()
        problem = validate_translation(value)
        if problem:
            result.errors[key] = problem
            continue
        cleaned[key] = value
    if result.errors:
        return result
    checks = _checks(survey, language)
    default = survey.default_language
    for key, value in cleaned.items():
        item = by_key[key]
        source = (sources or {}).get(key, item.text(default))
        if value != item.text(language):
            item.set_text(language, value)
            result.changed.append(key)
            if value:
                _store_check(survey, key, language, source_hash(source), user, checks)
            elif (key, language) in checks:
                db.session.delete(checks.pop((key, language)))
        elif key in confirm and value:
            _store_check(survey, key, language, source_hash(source), user, checks)
            result.confirmed.append(key)
    return result


def forget_checks(survey: Survey) -> None:
    """Remove every check row of a survey (before deleting it, say)."""
    db.session.execute(delete(TranslationCheck).where(TranslationCheck.survey_id == survey.id))
