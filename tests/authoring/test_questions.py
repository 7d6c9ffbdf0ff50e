from sqlalchemy import func, select

from feedback.answering.models import Answer
from feedback.answering.services import new_key, submit_response
from feedback.audit.models import AuditEvent
from feedback.authoring.questions import parse_choices, show_if_sources
from feedback.extensions import db
from feedback.surveys.models import Choice, Question, QuestionKind, ShowIfOperator, Survey


def answer(survey, values):
    submit_response(survey, values, "en", new_key())
    db.session.commit()


def question(survey_id, code) -> Question:
    db.session.expire_all()
    return db.session.scalar(
        select(Question).where(Question.survey_id == survey_id, Question.code == code)
    )


def base(survey, **overrides):
    data = {"section_id": str(survey.sections[0].id), "text": "A question", "hint": ""}
    data.update(overrides)
    return data


def test_parse_choices_keeps_codes_and_generates_stable_ones():
    existing = [Choice(code="n", label={"en": "North"})]
    parsed = parse_choices("North\nsouth_side | South side\nÇarshia e Vjetër\n\n", existing, "en")
    assert parsed == [
        ("n", "North"),
        ("south_side", "South side"),
        ("carshia_e_vjeter", "Çarshia e Vjetër"),
    ]


def test_every_kind_can_be_added_with_its_settings(staff, make_survey):
    survey = make_survey(status="draft")
    url = f"/manage/surveys/{survey.id}/questions/new"
    cases = {
        "single": {"choices": "Bus\ncar | By car"},
        "multiple": {"choices": "A\nB\nC", "min_choices": "1", "max_choices": "2"},
        "rating": {"min_value": "1", "max_value": "7", "low_label": "Bad", "high_label": "Good"},
        "nps": {"low_label": "Never", "high_label": "Surely"},
        "yesno": {},
        "number": {"min_value": "0", "max_value": "120", "whole_number": "y"},
        "short_text": {"max_length": "80"},
        "long_text": {"max_length": "2000"},
        "date": {},
    }
    for kind, extra in cases.items():
        page = staff.get(f"{url}?kind={kind}&section={survey.sections[0].id}")
        assert page.status_code == 200
        response = staff.post(
            url, base(survey, kind=kind, code=f"new_{kind}", text=f"About {kind}", **extra)
        )
        assert response.status_code == 302, (kind, response.text)
    single = question(survey.id, "new_single")
    assert [(c.code, c.label["en"]) for c in single.choices] == [("bus", "Bus"), ("car", "By car")]
    multiple = question(survey.id, "new_multiple")
    assert (multiple.min_choices, multiple.max_choices) == (1, 2)
    rating = question(survey.id, "new_rating")
    assert (rating.min_value, rating.max_value, rating.low_label["en"]) == (1, 7, "Bad")
    number = question(survey.id, "new_number")
    assert number.whole_number
    assert number.max_value == 120
    assert question(survey.id, "new_long_text").max_length == 2000
    assert question(survey.id, "new_date").kind == QuestionKind.DATE
    events = db.session.scalar(
        select(func.count(AuditEvent.id)).where(AuditEvent.action == "question.added")
    )
    assert events == 9


def test_bad_settings_are_explained_and_kept(staff, make_survey):
    survey = make_survey(status="draft")
    url = f"/manage/surveys/{survey.id}/questions/new"
    scale = staff.post(url, base(survey, kind="rating", min_value="1", max_value="30"))
    assert "A scale has 2 to 11 whole points." in scale.text
    assert 'value="30"' in scale.text
    one = staff.post(url, base(survey, kind="single", choices="Only one"))
    assert "Give at least two choices." in one.text
    empty = staff.post(url, base(survey, kind="short_text", text=""))
    assert "Enter the question" in empty.text
    assert db.session.scalar(select(func.count(Question.id))) == 9


def test_editing_labels_keeps_codes_and_answers(staff, make_survey):
    survey = make_survey()
    answer(survey, {"area": ["north"], "visits": ["no"], "rating": ["3"]})
    area = question(survey.id, "area")
    url = f"/manage/surveys/{survey.id}/questions/{area.id}/edit"
    page = staff.get(url)
    assert "north | North" in page.text
    response = staff.post(
        url,
        base(survey, kind="single", text="Where is home?", code="area", required="y",
             is_segment="y", choices="north | Northern part\nsouth | South"),
    )  # fmt: skip
    assert response.status_code == 302
    area = question(survey.id, "area")
    assert area.text == {"en": "Where is home?", "sq": "Ku jetoni?"}
    assert [(c.code, c.label["en"]) for c in area.choices] == [
        ("north", "Northern part"),
        ("south", "South"),
    ]
    assert area.choices[0].label["sq"] == "Veri"
    history = staff.get(url).text
    history = history[history.index('id="history"') :]
    assert "Edited a question" in history
    assert "facilitator@example.org" in history
    assert db.session.scalar(select(func.count(Answer.id)).where(Answer.question_id == area.id))


def test_answered_question_keeps_its_kind_and_code(staff, make_survey):
    survey = make_survey()
    answer(survey, {"area": ["north"], "visits": ["no"], "rating": ["3"], "name_it": ["Oak"]})
    name_it = question(survey.id, "name_it")
    url = f"/manage/surveys/{survey.id}/questions/{name_it.id}/edit"
    kind = staff.post(
        url, base(survey, section_id=str(name_it.section_id), kind="long_text", code="name_it")
    )
    assert "its kind cannot change" in kind.text
    code = staff.post(
        url, base(survey, section_id=str(name_it.section_id), kind="short_text", code="renamed")
    )
    assert "its code cannot change" in code.text
    stored = question(survey.id, "name_it")
    assert stored.kind == QuestionKind.SHORT_TEXT


def test_removing_an_answered_choice_asks_then_keeps_the_answers(staff, make_survey):
    survey = make_survey()
    answer(survey, {"area": ["south"], "visits": ["no"], "rating": ["3"]})
    area = question(survey.id, "area")
    url = f"/manage/surveys/{survey.id}/questions/{area.id}/edit"
    data = base(
        survey, kind="single", code="area", text="Where?", choices="north | North\nwest | West"
    )
    asked = staff.post(url, data)
    assert asked.status_code == 200
    assert "south" in asked.text
    assert "Yes, hide the removed choices" in asked.text
    assert [c.code for c in question(survey.id, "area").active_choices] == ["north", "south"]
    done = staff.post(url, {**data, "confirm": "y"})
    assert done.status_code == 302
    area = question(survey.id, "area")
    assert [c.code for c in area.active_choices] == ["north", "west"]
    south = next(c for c in area.choices if c.code == "south")
    assert south.removed_at is not None
    assert db.session.scalar(select(func.count(Answer.id)).where(Answer.choice_id == south.id)) == 1


def test_removing_questions_deletes_or_hides_them(staff, make_survey):
    survey = make_survey()
    answer(survey, {"area": ["south"], "visits": ["no"], "rating": ["3"], "name_it": ["Oak"]})
    name_it = question(survey.id, "name_it")
    comments = question(survey.id, "comments")
    url = f"/manage/surveys/{survey.id}/questions/{name_it.id}/delete"
    page = staff.get(url)
    assert "Residents have answered this question." in page.text
    staff.post(url)  # without the tick: nothing happens
    assert question(survey.id, "name_it").removed_at is None
    staff.post(url, {"confirm": "1"})
    hidden = question(survey.id, "name_it")
    assert hidden.removed_at is not None
    assert db.session.scalar(select(func.count(Answer.id)).where(Answer.question_id == hidden.id))
    staff.post(f"/manage/surveys/{survey.id}/questions/{comments.id}/delete")
    assert question(survey.id, "comments") is None
    assert "Oak" not in staff.get(f"/manage/surveys/{survey.id}").text


def test_removing_a_show_if_source_clears_the_condition(staff, make_survey):
    survey = make_survey(status="draft")
    visits = question(survey.id, "visits")
    staff.post(f"/manage/surveys/{survey.id}/questions/{visits.id}/delete")
    often = question(survey.id, "often")
    assert often.show_if_question_id is None
    assert often.show_if_values == []


def test_reorder_with_buttons_and_refuse_breaking_show_if(staff, make_survey):
    survey = make_survey(status="draft")
    visits = question(survey.id, "visits")
    often = question(survey.id, "often")
    staff.post(f"/manage/surveys/{survey.id}/questions/{visits.id}/move", {"direction": "up"})
    db.session.expire_all()
    assert [q.code for q in db.session.get(Survey, survey.id).questions][:3] == [
        "visits",
        "area",
        "often",
    ]
    move_often_up = f"/manage/surveys/{survey.id}/questions/{often.id}/move"
    staff.post(move_often_up, {"direction": "up"})
    db.session.expire_all()
    order = ["visits", "often", "area"]
    assert [q.code for q in db.session.get(Survey, survey.id).questions][:3] == order
    refused = staff.post(move_often_up, {"direction": "up"})
    assert refused.status_code == 302
    db.session.expire_all()
    assert [q.code for q in db.session.get(Survey, survey.id).questions][:3] == order
    page = staff.get(f"/manage/surveys/{survey.id}")
    assert "would come after it" in page.text


def test_show_if_builder_offers_only_earlier_questions(staff, make_survey):
    survey = make_survey(status="draft")
    likes = question(survey.id, "likes")
    sources = [q.code for q in show_if_sources(db.session.get(Survey, survey.id), likes)]
    assert sources == ["area", "visits"]
    page = staff.get(f"/manage/surveys/{survey.id}/questions/{likes.id}/edit")
    builder = page.text[page.text.index("Show if") :]
    assert "area: Where do you live?" in builder
    assert "likes: What" not in builder
    assert "rating:" not in builder
    url = f"/manage/surveys/{survey.id}/questions/{likes.id}/edit"
    area = question(survey.id, "area")
    data = base(
        survey,
        section_id=str(likes.section_id),
        kind="multiple",
        code="likes",
        text="What do you like?",
        choices="trees | Trees\nbenches | Benches\nlights | Lights",
        show_if_question_id=str(area.id),
        show_if_operator="one_of",
        show_if_values=[f"{area.id}:north", f"{area.id}:south"],
    )
    assert staff.post(url, data).status_code == 302
    stored = question(survey.id, "likes")
    assert stored.show_if_question_id == area.id
    assert stored.show_if_operator == ShowIfOperator.ONE_OF
    assert stored.show_if_values == ["north", "south"]
    later = question(survey.id, "recommend")
    wrong = staff.post(url, {**data, "show_if_question_id": str(later.id)})
    assert "Choose an earlier question." in wrong.text
    none = staff.post(url, {**data, "show_if_values": []})
    assert "Choose at least one answer of that question." in none.text
