"""XLSForm (.xlsx) workbooks, as KoboToolbox and ODK users write them, to survey definitions.

Reads the ``survey``, ``choices`` and ``settings`` sheets with openpyxl and builds the JSON
definition that :func:`feedback.surveys.definition.build_survey` takes. Whatever does not map is
reported row by row as ``(sheet, row, column, why)`` and then nothing is imported. Rows that
carry no answer (notes, device metadata) are skipped and reported as notes, which do not block.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import gettext as _
from openpyxl import load_workbook

from feedback.surveys.definition import DefinitionError, build_survey
from feedback.translating.xlsform_expr import (
    language_code,
    normalise_expression,
    parse_relevant_all,
    same_rule,
)
from feedback.translating.xlsform_questions import CHOICE_CODE, QuestionRows
from feedback.translating.xlsform_sheets import Sheet, read_sheets


@dataclass
class XlsformResult:
    """The definition (None when anything blocks), blocking problems and notes."""

    definition: dict | None
    errors: list[tuple[str, int | str, str, str]] = field(default_factory=list)
    notes: list[tuple[str, int | str, str, str]] = field(default_factory=list)


def import_xlsform(source: str | Path | bytes) -> tuple[dict | None, list[tuple]]:
    """A survey definition from an XLSForm, and every problem as (sheet, row, column, why).

    The definition is None when anything does not map; otherwise the list holds only notes
    about skipped rows (notes, metadata), whose reason starts with "Skipped".
    """
    result = read_xlsform(source)
    return result.definition, [*result.errors, *result.notes]


def read_xlsform(source: str | Path | bytes) -> XlsformResult:
    """Like :func:`import_xlsform`, with blocking problems and notes apart."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    # openpyxl warns about parts of real workbooks it ignores (headers, footers, validation)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            sheets, errors = read_sheets(formulas, formulas)
            if any(sheet.formulas for sheet in sheets.values()):
                # formulas other than TRUE()/FALSE(): read what Excel last computed for them
                values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                sheets, errors = read_sheets(values, formulas)
                values.close()
            formulas.close()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
            why = _("The file is not a readable .xlsx workbook (%(why)s).", why=error)
            return XlsformResult(None, [("-", "-", "-", why)])
    if errors:
        return XlsformResult(None, errors)
    return _Builder(sheets).build()


def _usable_choice_code(code: str) -> str:
    """A choice name as a code the survey accepts: accents dropped, other signs as _."""
    if CHOICE_CODE.fullmatch(code):
        return code
    ascii_code = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", ascii_code).strip("_")[:64] or "choice"


class _Builder(QuestionRows):
    def __init__(self, sheets: dict[str, Sheet]):
        self.survey = sheets["survey"]
        self.choices = sheets.get("choices")
        self.settings = sheets.get("settings")
        self.errors: list[tuple] = []
        self.notes: list[tuple] = []
        self.rows_by_code: dict[str, int] = {}
        #: XLSForm names renamed to usable codes, and the show-if of each question so far.
        self.codes: dict[str, str] = {}
        self.show_ifs: dict[str, dict] = {}
        #: Choice names renamed to usable codes, per list; the list of each select question.
        self.choice_codes: dict[str, dict[str, str]] = {}
        self.question_lists: dict[str, str] = {}

    def error(self, sheet, row, column, why):
        self.errors.append((sheet, row, column, why))

    def note(self, sheet, row, column, why):
        self.notes.append((sheet, row, column, why))

    # languages ------------------------------------------------------------------------
    def _setting(self, name: str):
        if self.settings is None or not self.settings.rows:
            return None
        return self.settings.rows[0].values.get(name)

    def _languages(self) -> tuple[str, list[str]]:
        """The default language and every language, from the label columns and settings."""
        found: list[str] = []
        for sheet in (self.survey, self.choices):
            if sheet is None:
                continue
            for column in sheet.columns:
                base, _sep, suffix = column.partition("::")
                if base in ("label", "hint") and suffix:
                    code = language_code(suffix)
                    if code is None:
                        letter = sheet.letters[column]
                        self.error(
                            sheet.name,
                            sheet.header_row,
                            letter,
                            _("Unknown language %(name)s: write it as Name (code).", name=suffix),
                        )
                    elif code not in found:
                        found.append(code)
        setting = self._setting("default_language")
        default = language_code(setting) if isinstance(setting, str) else None
        plain = "label" in self.survey.columns
        if default is None:
            default = "en" if plain or not found else found[0]
        languages = list(dict.fromkeys([default, *found]))
        return default, languages

    def _texts(self, row_values: dict, base: str) -> dict[str, str]:
        texts = {}
        for column, value in row_values.items():
            name, _sep, suffix = column.partition("::")
            if name != base or value in (None, ""):
                continue
            code = self.default if not suffix else language_code(suffix)
            if code is None:
                continue
            text = str(value).strip()
            if text and (suffix or code not in texts):
                texts[code] = text
        return texts

    # choices --------------------------------------------------------------------------
    def _choice_lists(self) -> dict[str, list[dict]]:
        lists: dict[str, list[dict]] = {}
        if self.choices is None:
            return lists
        for row in self.choices.rows:
            list_name = str(row.values.get("list_name") or "").strip()
            name = row.values.get("name")
            if isinstance(name, float) and name.is_integer():
                name = int(name)
            code = str(name if name is not None else "").strip()
            if not list_name and not code:
                continue
            if not list_name or not code:
                self.error(
                    "choices",
                    row.number,
                    self.choices.letter("name"),
                    _("A choice needs a list name and a name."),
                )
                continue
            usable = _usable_choice_code(code)
            if usable != code:
                self.note(
                    "choices",
                    row.number,
                    self.choices.letter("name"),
                    _("Renamed: %(name)s becomes %(code)s.", name=code, code=usable),
                )
                self.choice_codes.setdefault(list_name, {})[code] = usable
            lists.setdefault(list_name, []).append(
                {
                    "code": usable,
                    "label": self._texts(row.values, "label") or {self.default: code},
                    "row": row.number,
                }
            )
        return lists

    # survey ---------------------------------------------------------------------------
    def build(self) -> XlsformResult:
        self.default, self.languages = self._languages()
        lists = self._choice_lists()
        sections: list[dict] = []
        stack: list[dict] = []  # open groups: {"title", "show_if", "row"}
        current: dict | None = None

        def new_section(title: dict) -> dict:
            section = {"title": title, "questions": []}
            sections.append(section)
            return section

        for row in self.survey.rows:
            kind = " ".join(str(row.values.get("type") or "").split()).lower()
            if not kind:
                if any(v not in (None, "") for v in row.values.values()):
                    self.note(
                        "survey",
                        row.number,
                        self.survey.letter("type"),
                        _("Skipped: a row without a type."),
                    )
                continue
            kind = kind.replace("begin_", "begin ").replace("end_", "end ")
            if kind in ("begin group", "begin page"):
                show_if = self._relevant(row, stack)
                title = self._texts(row.values, "label")
                stack.append({"title": title, "show_if": show_if, "row": row.number})
                current = new_section(title)
                continue
            if kind in ("end group", "end page"):
                if not stack:
                    self.error(
                        "survey",
                        row.number,
                        self.survey.letter("type"),
                        _("This end group has no begin group."),
                    )
                    continue
                stack.pop()
                current = new_section(stack[-1]["title"] if stack else {})
                continue
            if kind.startswith(("begin repeat", "begin loop", "end repeat", "end loop")):
                if kind.startswith("begin"):
                    self.error(
                        "survey",
                        row.number,
                        self.survey.letter("type"),
                        _("Repeats and loops are not supported."),
                    )
                continue
            question = self._question(row, kind, lists, stack)
            if question is None:
                continue
            if current is None:
                current = new_section({})
            current["questions"].append(question)
        if stack:
            self.error(
                "survey",
                stack[-1]["row"],
                self.survey.letter("type"),
                _("This group is never ended."),
            )
        sections = [s for s in sections if s["questions"]]
        definition = self._definition(sections)
        if self.errors:
            return XlsformResult(None, self.errors, self.notes)
        try:
            build_survey(definition)
        except DefinitionError as error:
            for where, why in error.problems:
                self.error("survey", self._row_of(where), self._column_of(why), f"{where}: {why}")
            return XlsformResult(None, self.errors, self.notes)
        return XlsformResult(definition, [], self.notes)

    def _column_of(self, why: str) -> str:
        """The column a survey-definition problem is about, as well as it can be told."""
        for words, column in (
            ("show-if", "relevant"),
            ("choice", "type"),
            ("scale", "parameters"),
            ("text", "label"),
            ("minimum", "constraint"),
        ):
            if words in why and column in self.survey.letters:
                return self.survey.letter(column)
        return "-"

    def _row_of(self, where: str) -> int | str:
        match = re.search(r"question (\S+)", where)
        if match and match.group(1) in self.rows_by_code:
            return self.rows_by_code[match.group(1)]
        return "-"

    def _relevant(self, row, stack: list[dict]) -> dict | None:
        """The row's show-if: its own condition combined with its group's, or None."""
        expression = normalise_expression(row.values.get("relevant"))
        rules = [stack[-1]["show_if"]] if stack and stack[-1]["show_if"] else []
        if expression:
            own = parse_relevant_all(expression)
            if own is None:
                self.error(
                    "survey",
                    row.number,
                    self.survey.letter("relevant"),
                    _(
                        "This condition cannot become a show-if: %(expression)s",
                        expression=expression,
                    ),
                )
                return None
            rules += [self._mapped(r) for r in own]
        if not rules:
            return None
        rule = self._reduce(rules)
        if rule is None:
            self.error(
                "survey",
                row.number,
                self.survey.letter("relevant"),
                _(
                    "These conditions (with the group's) cannot become one show-if: %(expression)s",
                    expression=expression or "-",
                ),
            )
        return rule

    def _mapped(self, rule: dict) -> dict:
        """A rule with renamed question and choice codes."""
        code = self.codes.get(rule["question"], rule["question"])
        renamed = self.choice_codes.get(self.question_lists.get(code, ""), {})
        return {**rule, "question": code, "values": [renamed.get(v, v) for v in rule["values"]]}

    def _reduce(self, rules: list[dict]) -> dict | None:
        """One rule from several that must all hold, when the others are implied.

        ``${a} = 'x' and ${b} = 'y'`` is ``${b} = 'y'`` when ``b`` itself is shown only if
        ``${a} = 'x'`` (a question hidden by its condition never matches).
        """
        changed = True
        while len(rules) > 1 and changed:
            changed = False
            for rule in rules:
                implied = any(
                    same_rule(self.show_ifs.get(other["question"]), rule)
                    for other in rules
                    if other is not rule
                )
                if implied:
                    rules = [r for r in rules if r is not rule]
                    changed = True
                    break
        return rules[0] if len(rules) == 1 else None

    def _definition(self, sections: list[dict]) -> dict:
        title_setting = self._setting("form_title")
        form_id = str(self._setting("form_id") or self._setting("id_string") or "").strip()
        title = str(title_setting or form_id or _("Imported form")).strip()
        slug = re.sub(r"[^a-z0-9]+", "-", (form_id or title).lower()).strip("-")[:60]
        return {
            "slug": slug or "imported-form",
            "status": "draft",
            "default_language": self.default,
            "languages": self.languages,
            "title": {self.default: title},
            "sections": sections,
        }
