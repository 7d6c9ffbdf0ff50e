"""Every real-world XLSForm in ../shared/xlsforms either imports or is refused row by row."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from feedback.surveys.definition import build_survey
from feedback.translating.xlsform import read_xlsform

FORMS = Path(__file__).resolve().parents[3] / "shared" / "xlsforms"
FILES = sorted(FORMS.glob("*.xlsx")) if FORMS.is_dir() else []

#: What each form holds that cannot become a survey here (see SOURCES.md), checked below so
#: that a refusal is for the right reason.
EXPECTED_REFUSALS = {
    "all-types-aliases-de.xlsx": "The type calculate is not supported.",
    "biomass-plot-sw-en.xlsx": "The type geopoint is not supported.",
    "cascading-choice-filter.xlsx": "The column choice_filter is not supported.",
    "ethiopia-demo-4lang.xlsx": "The type calculate is not supported.",
    "legacy-loop.xlsx": "Repeats and loops are not supported.",
    "msna-household-en-fr.xlsx": "The type calculate is not supported.",
    "needs-survey-de.xlsx": "show-if values must be choices of the earlier question",
    "project-application-de-en.xlsx": "The type calculate is not supported.",
    "spec-test-en-zh.xlsx": "Repeats and loops are not supported.",
    "uppercase-headers-external.xlsx": "The type select_one_external c1 is not supported.",
    "workshop-impact-range-de.xlsx": "This condition cannot become a show-if",
}


@cache
def _read(path: Path):
    """Each form is read once per run (the largest take seconds)."""
    return read_xlsform(path)


@pytest.mark.skipif(not FILES, reason=f"the real-world forms are not at {FORMS}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_form_imports_or_is_refused_row_by_row(app, path):
    result = _read(path)
    definition, problems = result.definition, [*result.errors, *result.notes]
    if definition is not None:
        survey = build_survey(definition)
        assert survey.questions
        assert all(why.startswith(("Skipped", "Renamed")) for *_where, why in problems)
        return
    assert problems, "a refused form must say why"
    for sheet, row, column, why in problems:
        assert sheet
        assert isinstance(sheet, str)
        assert isinstance(row, int) or row == "-"
        assert column
        assert why
    expected = EXPECTED_REFUSALS.get(path.name)
    if expected:
        assert any(expected in why for *_where, why in problems), problems[:10]


@pytest.mark.skipif(not FILES, reason=f"the real-world forms are not at {FORMS}")
def test_real_forms_languages_and_quirks_are_read(app):
    """Languages without codes, upper-case headers and a README sheet are understood."""
    ethiopia = _read(FORMS / "ethiopia-demo-4lang.xlsx")
    assert not any("Unknown language" in why for *_w, why in ethiopia.errors)
    msna = _read(FORMS / "msna-household-en-fr.xlsx")
    assert not any("no sheet called survey" in why for *_w, why in msna.errors)
    assert all(row != 1 for _s, row, *_rest in msna.errors)
    upper = _read(FORMS / "uppercase-headers-external.xlsx")
    assert [row for _s, row, *_r in upper.errors] == [3, 4]
    biomass = _read(FORMS / "biomass-plot-sw-en.xlsx")
    # the relevance written with typographic quotes is understood, not reported
    assert not any("‘other’" in why for *_w, why in biomass.errors)
