"""Finding an XLSForm's sheets, header rows and columns in a workbook, whatever the layout."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from openpyxl.utils import get_column_letter

SHEETS = ("survey", "choices", "settings")
#: A header row is looked for in the first rows of a sheet (some forms put notes above it).
HEADER_SEARCH_ROWS = 30
#: Reading stops after this many empty rows in a row (sheets formatted to the bottom).
EMPTY_RUN_LIMIT = 200
MAX_ROWS = 20_000


@dataclass
class Row:
    number: int
    values: dict


@dataclass
class Sheet:
    name: str
    header_row: int
    columns: list[str] = field(default_factory=list)
    letters: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    #: Formulas other than TRUE()/FALSE() met while reading (their cached values are needed).
    formulas: int = 0

    def letter(self, column: str) -> str:
        """The column letter of a header, or the header's name when the sheet lacks it."""
        return self.letters.get(column, column)


def normalise_header(value) -> str:
    """``LABEL::English (en)`` -> ``label::english (en)``; ``label:english`` and ``list name``
    (older syntax) -> ``label::english`` and ``list_name``."""
    text = " ".join(str(value or "").split()).lower()
    if not text:
        return ""
    base, sep, rest = text.partition("::")
    if not sep and ":" in text:
        base, _colon, rest = text.partition(":")
        sep = "::"
    base = base.strip().replace(" ", "_")
    return f"{base}::{rest.strip()}" if sep else base


def _cell_value(value, formula):
    """The cached value of a cell, or its formula when nothing is cached."""
    if (value is None or value is formula) and isinstance(formula, str) and formula.startswith("="):
        text = formula.strip().upper().replace(" ", "")
        if text in ("=TRUE()", "=TRUE"):
            return True
        if text in ("=FALSE()", "=FALSE"):
            return False
        return formula
    if value is None and formula is not None and not isinstance(formula, str):
        return formula
    return value


def _is_header(cells: list[str], name: str) -> bool:
    if name == "survey":
        return "type" in cells and "name" in cells
    if name == "choices":
        return "list_name" in cells
    return any(cells)


def _read(name: str, values_ws, formulas_ws) -> Sheet | None:
    for worksheet in {id(values_ws): values_ws, id(formulas_ws): formulas_ws}.values():
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()
    if values_ws is formulas_ws:
        pairs = ((row, row) for row in values_ws.iter_rows(values_only=True))
    else:
        pairs = zip(
            values_ws.iter_rows(values_only=True),
            formulas_ws.iter_rows(values_only=True),
            strict=False,
        )
    sheet = None
    empty_run = 0
    for number, (values, formulas) in enumerate(pairs, start=1):
        cells = [_cell_value(v, f) for v, f in zip(values, formulas, strict=False)]
        if sheet is None:
            headers = [normalise_header(c) for c in cells]
            if _is_header(headers, name):
                sheet = Sheet(name=name, header_row=number)
                for index, header in enumerate(headers):
                    if header and header not in sheet.letters:
                        sheet.columns.append(header)
                        sheet.letters[header] = get_column_letter(index + 1)
                positions = {h: i for i, h in reversed(list(enumerate(headers))) if h}
                sheet_positions = positions
            elif number >= HEADER_SEARCH_ROWS:
                return None
            continue
        if not any(c not in (None, "") for c in cells):
            empty_run += 1
            if empty_run >= EMPTY_RUN_LIMIT:
                break
            continue
        empty_run = 0
        row_values = {
            header: cells[index] for header, index in sheet_positions.items() if index < len(cells)
        }
        row_values = {k: (v.strip() if isinstance(v, str) else v) for k, v in row_values.items()}
        sheet.formulas += sum(
            1 for v in row_values.values() if isinstance(v, str) and v.startswith("=")
        )
        sheet.rows.append(Row(number, row_values))
        if len(sheet.rows) > MAX_ROWS:
            break
    return sheet


def read_sheets(values_workbook, formulas_workbook) -> tuple[dict[str, Sheet], list[tuple]]:
    """The form's sheets by their lower-case name, or problems when the survey sheet is missing.

    Sheet names are matched without regard to case; other sheets (a README, helper lists) are
    ignored. In each sheet the header row is the first row that looks like one.
    """
    sheets: dict[str, Sheet] = {}
    errors: list[tuple] = []
    by_name = {name.strip().lower(): name for name in values_workbook.sheetnames}
    for wanted in SHEETS:
        actual = by_name.get(wanted)
        if actual is None:
            continue
        sheet = _read(wanted, values_workbook[actual], formulas_workbook[actual])
        if sheet is None:
            if wanted != "settings":
                errors.append((actual, 1, "-", _("No header row found in this sheet.")))
            continue
        sheets[wanted] = sheet
    if "survey" not in sheets and not errors:
        errors.append(("survey", "-", "-", _("The workbook has no sheet called survey.")))
    return sheets, errors
