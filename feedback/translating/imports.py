"""Translator files coming back: check every entry first, then store all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from feedback.surveys.models import Survey
from feedback.translating.services import (
    save_translations,
    strings_by_key,
    target_languages,
    validate_translation,
)


@dataclass
class ImportEntry:
    """One translated text read from a file."""

    #: Where it was read: a row number (spreadsheets) or a unit id (XLIFF).
    where: str
    column: str
    key: str
    language: str
    text: str
    #: The default-language text the file shows beside it (None when the file has none).
    source: str | None = None


@dataclass
class ImportReport:
    """What an import would change, or why it changes nothing."""

    #: (key, language, old text, new text)
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: (where, column, why)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    #: (key, language) whose file source differs from the survey's current text.
    outdated: list[tuple[str, str]] = field(default_factory=list)
    entries: list[ImportEntry] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_import(survey: Survey, entries: list[ImportEntry], problems: list) -> ImportReport:
    """Compare the entries read from a file with the survey; nothing is stored.

    An empty text leaves the stored translation as it is (translators skip what they do not
    know); unknown keys, languages the survey does not offer and over-long texts are problems.
    """
    report = ImportReport(problems=list(problems))
    by_key = strings_by_key(survey)
    languages = set(target_languages(survey))
    default = survey.default_language
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        item = by_key.get(entry.key)
        if item is None:
            report.problems.append(
                (entry.where, entry.column, _("Unknown text key %(key)s.", key=entry.key))
            )
            continue
        if entry.language not in languages:
            report.problems.append(
                (
                    entry.where,
                    entry.column,
                    _("This survey is not translated into %(language)s.", language=entry.language),
                )
            )
            continue
        if (entry.key, entry.language) in seen:
            report.problems.append((entry.where, entry.column, _("This text appears twice.")))
            continue
        seen.add((entry.key, entry.language))
        text = entry.text.replace("\r\n", "\n").strip()
        if not text:
            continue
        problem = validate_translation(text)
        if problem:
            report.problems.append((entry.where, entry.column, problem))
            continue
        report.entries.append(entry)
        old = item.text(entry.language)
        if text != old:
            report.changes.append((entry.key, entry.language, old, text))
            if entry.source is not None and entry.source.strip() != item.text(default).strip():
                report.outdated.append((entry.key, entry.language))
    return report


def apply_import(survey: Survey, report: ImportReport, user=None) -> int:
    """Store the changes of a problem-free report; returns how many texts changed.

    A translation whose file showed an older default-language text stays "needs review".
    The caller commits.
    """
    if not report.ok:
        return 0
    by_language: dict[str, dict[str, str]] = {}
    for key, language, _old, new in report.changes:
        by_language.setdefault(language, {})[key] = new
    sources = {(e.key, e.language): e.source for e in report.entries if e.source is not None}
    changed = 0
    for language, values in by_language.items():
        result = save_translations(
            survey,
            language,
            values,
            user=user,
            sources={
                key: sources[(key, language)]
                for key in values
                if (key, language) in report.outdated
            },
        )
        changed += len(result.changed)
    return changed
