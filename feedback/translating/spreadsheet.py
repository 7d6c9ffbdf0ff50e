"""CSV and XLSX files for translators: a row per text, a column per language.

Columns: ``key``, the default language (for reference), then each other language. Texts that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-`` or ``@``) are written with a
leading apostrophe, which reading the file back removes.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile

from flask_babel import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from feedback.surveys.models import Survey
from feedback.translating.imports import ImportEntry, ImportReport, check_import
from feedback.translating.services import survey_strings, target_languages

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _table(survey: Survey) -> list[list[str]]:
    languages = [survey.default_language, *target_languages(survey)]
    rows = [["key", *languages]]
    for item in survey_strings(survey):
        rows.append([item.key, *(neutralise(item.text(code)) for code in languages)])
    return rows


def export_csv(survey: Survey) -> bytes:
    """The survey's texts as UTF-8 CSV (with a byte-order mark, so Excel reads the scripts)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(_table(survey))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(survey: Survey) -> bytes:
    """The survey's texts as an Excel workbook, every cell stored as text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "translations"
    for r_index, row in enumerate(_table(survey), start=1):
        for c_index, value in enumerate(row, start=1):
            cell = sheet.cell(row=r_index, column=c_index)
            cell.value = value
            cell.data_type = "s"  # never a formula, whatever the text starts with
    sheet.freeze_panes = "B2"
    for c_index in range(1, len(_table(survey)[0]) + 1):
        sheet.column_dimensions[get_column_letter(c_index)].width = 28 if c_index == 1 else 50
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _entries(survey: Survey, rows: list[list[str]]) -> ImportReport:
    problems: list[tuple[str, str, str]] = []
    if not rows or not rows[0] or (rows[0][0] or "").strip().lower() != "key":
        return check_import(survey, [], [("1", "A", _("The first column must be headed key."))])
    header = [(cell or "").strip() for cell in rows[0]]
    default = survey.default_language
    offered = set(target_languages(survey))
    columns: list[tuple[int, str]] = []
    for index, code in enumerate(header[1:], start=1):
        letter = get_column_letter(index + 1)
        if not code or code == default:
            continue
        if code not in offered:
            problems.append(
                (
                    "1",
                    letter,
                    _("This survey is not translated into %(language)s.", language=code),
                )
            )
            continue
        columns.append((index, code))
    source_index = header.index(default) if default in header else None
    entries = []
    for r_index, row in enumerate(rows[1:], start=2):
        cells = [restore(str(c)) if c is not None else "" for c in row]
        if not any(c.strip() for c in cells):
            continue
        key = cells[0].strip()
        if not key:
            problems.append((str(r_index), "A", _("This row has no key.")))
            continue
        source = (
            cells[source_index] if source_index is not None and source_index < len(cells) else None
        )
        for index, code in columns:
            text = cells[index] if index < len(cells) else ""
            entries.append(
                ImportEntry(
                    where=str(r_index),
                    column=get_column_letter(index + 1),
                    key=key,
                    language=code,
                    text=text,
                    source=source,
                )
            )
    return check_import(survey, entries, problems)


def read_csv(survey: Survey, data: bytes) -> ImportReport:
    """Check a CSV file against the survey; nothing is stored."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return check_import(survey, [], [("-", "-", _("Save the CSV file as UTF-8."))])
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return check_import(
            survey, [], [("-", "-", _("The CSV file cannot be read (%(why)s).", why=error))]
        )
    return _entries(survey, rows)


def read_xlsx(survey: Survey, data: bytes) -> ImportReport:
    """Check an XLSX workbook (its first sheet) against the survey; nothing is stored."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # parts of workbooks openpyxl ignores
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            sheet = workbook.worksheets[0]
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            workbook.close()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as error:
            why = _("The workbook cannot be read (%(why)s).", why=error)
            return check_import(survey, [], [("-", "-", why)])
    return _entries(survey, rows)
