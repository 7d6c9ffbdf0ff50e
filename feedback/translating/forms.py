"""Upload forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired


class TranslationFileForm(FlaskForm):
    file = FileField(
        _l("Translations file"),
        validators=[
            FileRequired(_l("Choose a file to upload.")),
            FileAllowed(["xlf", "xliff", "csv", "xlsx"], _l("Upload an .xlf, .csv or .xlsx file.")),
        ],
    )


class XlsformForm(FlaskForm):
    file = FileField(
        _l("XLSForm workbook"),
        validators=[
            FileRequired(_l("Choose a file to upload.")),
            FileAllowed(["xlsx"], _l("Upload an .xlsx file.")),
        ],
    )
