"""XLSForm import: forms built here with openpyxl."""

from __future__ import annotations

import io

import pytest

from feedback.extensions import db
from feedback.surveys.definition import build_survey
from feedback.surveys.models import QuestionKind, Survey
from feedback.translating.xlsform import import_xlsform, read_xlsform
from tests.conftest import csrf_from
from tests.translating.xlsforms import make_xlsform

CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Albanian (sq)"],
    ["yes_no", "yes", "Yes", "Po"],
    ["yes_no", "no", "No", "Jo"],
    ["areas", "north", "North", "Veri"],
    ["areas", "south", "South", "Jug"],
    ["areas", "east", "East", "Lindje"],
]


def multilingual_form(**kwargs) -> bytes:
    survey = [
        [
            "type",
            "name",
            "label::English (en)",
            "label::Albanian (sq)",
            "hint::English (en)",
            "required",
            "relevant",
            "constraint",
            "appearance",
        ],
        ["begin group", "about", "About you", "Rreth jush", None, None, None, None, None],
        [
            "select_one areas",
            "area",
            "Where do you live?",
            "Ku jetoni?",
            "Nearest area",
            "yes",
            None,
            None,
            None,
        ],
        [
            "integer",
            "age",
            "How old are you?",
            "Sa vjeç jeni?",
            None,
            "=TRUE()",
            None,
            ". >= 0 and . <= 120",
            None,
        ],
        ["end group", None, None, None, None, None, None, None, None],
        ["begin group", "park", "The park", "Parku", None, None, None, None, None],
        [
            "select_one yes_no",
            "visited",
            "Have you been?",
            "Keni qenë?",
            None,
            "TRUE",
            None,
            None,
            None,
        ],
        [
            "decimal",
            "distance",
            "How far (km)?",
            "Sa larg (km)?",
            None,
            "false",
            "${visited} = ‘yes’",
            ". >= 0.5",
            None,
        ],
        [
            "select_multiple areas",
            "walks",
            "Where do you walk?",
            "Ku ecni?",
            None,
            "no",
            "selected(${visited}, 'yes')",
            None,
            None,
        ],
        [
            "text",
            "comments",
            "Anything else?",
            "Diçka tjetër?",
            None,
            None,
            "${area} = 'north' or ${area} = 'south'",
            "string-length(.) <= 300",
            "multiline",
        ],
        ["date", "when", "When?", "Kur?", None, None, "${area} != 'east'", None, None],
        ["range", "score", "Score", "Pikët", None, None, None, None, None],
        ["note", "bye", "Thank you", "Faleminderit", None, None, None, None, None],
        ["end group", None, None, None, None, None, None, None, None],
    ]
    survey_rows = [[*row, None] for row in survey]
    survey_rows[0][-1] = "parameters"
    survey_rows[11][-1] = "start=1 end=5 step=1"
    settings = [
        ["form_title", "form_id", "default_language"],
        ["Our park", "our_park", "English (en)"],
    ]
    return make_xlsform(survey_rows, CHOICES, settings, **kwargs)


def test_a_multilingual_form_with_groups_relevance_and_constraints(app):
    definition, problems = import_xlsform(multilingual_form())
    assert definition is not None, problems
    assert problems == [("survey", 13, "A", "Skipped: notes have no answer.")]
    assert definition["slug"] == "our-park"
    assert definition["languages"] == ["en", "sq"]
    assert definition["title"] == {"en": "Our park"}
    sections = definition["sections"]
    assert [s["title"] for s in sections] == [
        {"en": "About you", "sq": "Rreth jush"},
        {"en": "The park", "sq": "Parku"},
    ]
    questions = {q["code"]: q for s in sections for q in s["questions"]}
    assert questions["area"]["kind"] == "single"
    assert questions["area"]["required"] is True
    assert questions["area"]["hint"] == {"en": "Nearest area"}
    assert questions["area"]["choices"][0] == {
        "code": "north",
        "label": {"en": "North", "sq": "Veri"},
    }
    assert questions["age"]["required"] is True  # =TRUE() without a cached value
    assert (questions["age"]["min"], questions["age"]["max"]) == (0, 120)
    assert questions["age"]["whole_number"] is True
    assert questions["distance"]["whole_number"] is False
    assert questions["distance"]["show_if"] == {
        "question": "visited",
        "operator": "equals",
        "values": ["yes"],
    }
    assert questions["walks"]["kind"] == "multiple"
    assert questions["comments"]["kind"] == "long_text"
    assert questions["comments"]["max_length"] == 300
    assert questions["comments"]["show_if"]["operator"] == "one_of"
    assert questions["comments"]["show_if"]["values"] == ["north", "south"]
    assert questions["when"]["show_if"]["operator"] == "not_equals"
    assert questions["score"]["kind"] == "rating"
    assert (questions["score"]["min"], questions["score"]["max"]) == (1, 5)
    survey = build_survey(definition)
    assert [q.kind for q in survey.questions][:2] == [QuestionKind.SINGLE, QuestionKind.NUMBER]


def test_a_strict_bound_maps_on_whole_numbers_only(app):
    survey = [
        ["type", "name", "label", "constraint"],
        ["integer", "n", "How many?", ". > 0"],
        ["decimal", "d", "How far?", ". > 0"],
    ]
    definition, problems = import_xlsform(make_xlsform(survey))
    assert definition is None
    assert [(row, column) for _s, row, column, _w in problems] == [(3, "D")]
    survey.pop()
    definition, _problems = import_xlsform(make_xlsform(survey))
    assert definition["sections"][0]["questions"][0]["min"] == 1


def test_readme_sheet_offset_header_extra_columns_and_upper_case(app):
    survey = [
        ["LEVEL", "TYPE", "NAME", "LABEL::Deutsch", "LABEL::Shqip", "REQUIRED"],
        ["x", "select_one yn", "ok", "Alles gut?", "Mirë?", "yes"],
        ["x", "text", "why", "Warum?", "Pse?", None],
    ]
    choices = [
        ["LIST NAME", "NAME", "LABEL::Deutsch", "LABEL::Shqip"],
        ["yn", "ja", "Ja", "Po"],
        ["yn", "nein", "Nein", "Jo"],
    ]
    data = make_xlsform(survey, choices, readme=True, blank_rows=2)
    definition, problems = import_xlsform(data)
    assert definition is not None, problems
    assert definition["default_language"] == "de"
    assert definition["languages"] == ["de", "sq"]
    question = definition["sections"][0]["questions"][0]
    assert question["text"] == {"de": "Alles gut?", "sq": "Mirë?"}


def test_plain_label_is_the_default_language(app):
    survey = [["type", "name", "label"], ["integer", "n", "Wie viele?"]]
    settings = [["default_language"], ["Deutsch"]]
    definition, _problems = import_xlsform(make_xlsform(survey, None, settings))
    assert definition["default_language"] == "de"
    assert definition["sections"][0]["questions"][0]["text"] == {"de": "Wie viele?"}
    plain, _ = import_xlsform(make_xlsform(survey))
    assert plain["default_language"] == "en"


def test_non_latin_language_names_become_codes(app):
    survey = [
        ["type", "name", "label::English", "label::Српски", "label::中文", "label::Amharic"],
        ["text", "name_q", "Name", "Име", "名字", "ስም"],
    ]
    definition, problems = import_xlsform(make_xlsform(survey))
    assert definition is not None, problems
    assert definition["languages"] == ["en", "sr", "zh", "am"]
    assert definition["sections"][0]["questions"][0]["text"]["zh"] == "名字"


def test_unsupported_features_are_reported_row_by_row(app):
    survey = [
        [
            "type",
            "name",
            "label",
            "relevant",
            "constraint",
            "calculation",
            "choice_filter",
            "required",
        ],
        ["select_one yn", "q1", "One", None, None, None, None, None],
        ["calculate", "c1", None, None, None, "1 + 1", None, None],
        ["begin repeat", "kids", "Kids", None, None, None, None, None],
        ["text", "kid", "Name", None, None, None, None, None],
        ["end repeat", None, None, None, None, None, None, None],
        ["geopoint", "where", "Where?", None, None, None, None, None],
        ["integer", "n", "How many?", "${q1} = 'yes' and ${c1} > 2", None, None, None, None],
        ["integer", "m", "More?", None, "regex(., '[0-9]')", None, None, None],
        ["select_one yn", "q2", "Two", None, None, None, "${q1} = cf", None],
        ["select_one yn or_other", "q3", "Three", None, None, None, None, None],
        ["text", "t", "Text", None, None, None, None, "${q1} = 'yes'"],
        ["select_one missing", "q4", "Four", None, None, None, None, None],
        ["image", "photo", "Photo", None, None, None, None, None],
    ]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    definition, problems = import_xlsform(make_xlsform(survey, choices))
    assert definition is None
    rows = {(sheet, row, column) for sheet, row, column, _why in problems}
    assert ("survey", 3, "A") in rows  # calculate
    assert ("survey", 4, "A") in rows  # begin repeat
    assert ("survey", 7, "A") in rows  # geopoint
    assert ("survey", 8, "D") in rows  # relevance across questions
    assert ("survey", 9, "E") in rows  # a constraint that is not a range
    assert ("survey", 10, "G") in rows  # choice_filter
    assert ("survey", 11, "A") in rows  # or_other
    assert ("survey", 12, "H") in rows  # conditional required
    assert ("survey", 13, "A") in rows  # a missing choice list
    assert ("survey", 14, "A") in rows  # image
    assert all(isinstance(why, str) and why for *_rest, why in problems)


def test_a_show_if_on_a_later_or_skipped_question_is_refused(app):
    survey = [
        ["type", "name", "label", "relevant"],
        ["text", "a", "A", "${b} = 'yes'"],
        ["select_one yn", "b", "B", None],
    ]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    definition, problems = import_xlsform(make_xlsform(survey, choices))
    assert definition is None
    assert problems[0][1] == 2


def test_a_group_condition_applies_to_its_questions(app):
    survey = [
        ["type", "name", "label", "relevant"],
        ["select_one yn", "ok", "OK?", None],
        ["begin_group", "more", "More", "${ok} = 'yes'"],
        ["text", "why", "Why?", None],
        ["select_one yn", "again", "Again?", None],
        ["text", "how", "How?", "${again} = 'no'"],
        ["end_group", None, None, None],
    ]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    definition, problems = import_xlsform(make_xlsform(survey, choices))
    assert definition is not None, problems
    questions = {q["code"]: q for s in definition["sections"] for q in s["questions"]}
    assert questions["why"]["show_if"] == {
        "question": "ok",
        "operator": "equals",
        "values": ["yes"],
    }
    # "how" needs ok = yes (the group) and again = no; again is itself shown only if ok = yes
    assert questions["how"]["show_if"] == {
        "question": "again",
        "operator": "equals",
        "values": ["no"],
    }


def test_not_an_xlsx_file_is_reported(app):
    definition, problems = import_xlsform(b"plain text")
    assert definition is None
    assert problems
    no_survey = make_xlsform([["a"]])
    assert read_xlsform(no_survey).errors


def test_the_import_page_creates_a_draft_survey(client, facilitator):
    page = client.get("/manage/surveys/import-xlsform")
    assert page.status_code == 200
    response = client.post(
        "/manage/surveys/import-xlsform",
        data={
            "csrf_token": csrf_from(page.text),
            "file": (io.BytesIO(multilingual_form()), "park.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.text
    survey = db.session.scalars(db.select(Survey)).one()
    assert survey.slug == "our-park"
    assert str(survey.status) == "draft"
    assert survey.languages == ["en", "sq"]
    again = client.post(
        "/manage/surveys/import-xlsform",
        data={
            "csrf_token": csrf_from(page.text),
            "file": (io.BytesIO(multilingual_form()), "park.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert again.status_code == 302
    slugs = set(db.session.scalars(db.select(Survey.slug)))
    assert slugs == {"our-park", "our-park-2"}


def test_the_import_page_shows_the_report_and_imports_nothing(client, facilitator):
    survey = [["type", "name", "label"], ["calculate", "c", None], ["geopoint", "g", "Where"]]
    page = client.get("/manage/surveys/import-xlsform")
    response = client.post(
        "/manage/surveys/import-xlsform",
        data={
            "csrf_token": csrf_from(page.text),
            "file": (io.BytesIO(make_xlsform(survey)), "f.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "<title>Error:" in response.text
    assert "The type calculate is not supported." in response.text
    assert "<td>3</td>" in response.text
    assert db.session.scalars(db.select(Survey)).first() is None


@pytest.mark.parametrize("role", ["official"])
def test_the_import_page_is_for_facilitators(client, make_user, login, role):
    login(make_user(role))
    assert client.get("/manage/surveys/import-xlsform").status_code == 403
