"""Building XLSForm workbooks in tests."""

from __future__ import annotations

import io

from openpyxl import Workbook


def make_xlsform(survey, choices=None, settings=None, readme=False, blank_rows=0) -> bytes:
    """An .xlsx with the given sheets, each a list of rows (the first is the header)."""
    workbook = Workbook()
    first = workbook.active
    if readme:
        first.title = "README"
        first.append(["This form was written for a test."])
        sheet = workbook.create_sheet("survey")
    else:
        first.title = "survey"
        sheet = first
    for _ in range(blank_rows):
        sheet.append(["Notes for the form's authors"])
    for row in survey:
        sheet.append(row)
    if choices is not None:
        choices_sheet = workbook.create_sheet("choices")
        for row in choices:
            choices_sheet.append(row)
    if settings is not None:
        settings_sheet = workbook.create_sheet("settings")
        for row in settings:
            settings_sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
