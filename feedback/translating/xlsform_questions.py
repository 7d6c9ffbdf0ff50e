"""XLSForm survey rows to question definitions: types, required, constraints, ranges."""

from __future__ import annotations

import re

from flask_babel import gettext as _

from feedback.surveys.definition import CODE_PATTERN
from feedback.translating.xlsform_expr import normalise_expression, parse_constraint

#: Types that carry no answer from the resident: skipped with a note.
METADATA_TYPES = {
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
    "hidden",
    "instanceid",
}
SIMPLE_TYPES = {
    "integer": ("number", True),
    "int": ("number", True),
    "decimal": ("number", False),
    "text": ("short_text", None),
    "string": ("short_text", None),
    "date": ("date", None),
}
SELECT_TYPE = re.compile(
    r"^(select_one|select_multiple|select one|select multiple|select1|select|"
    r"select all that apply from|select one from|select_one from)\s+(\S+)(\s+or_other)?$"
)
CHOICE_CODE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
TRUE_VALUES = {"yes", "true", "true()", "1", "=true()", "=true", "y"}
FALSE_VALUES = {"no", "false", "false()", "0", "=false()", "=false", "n", ""}


def _truth(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    text = str(value or "").strip().lower().replace(" ", "")
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    return None


class QuestionRows:
    """Turns one survey row into a question definition (mixed into the form builder)."""

    def _question(self, row, kind: str, lists: dict, stack: list[dict]) -> dict | None:
        sheet = self.survey
        type_letter = sheet.letter("type")
        if kind == "note":
            self.note("survey", row.number, type_letter, _("Skipped: notes have no answer."))
            return None
        if kind in METADATA_TYPES:
            self.note(
                "survey",
                row.number,
                type_letter,
                _("Skipped: %(type)s is collected by devices, not asked.", type=kind),
            )
            return None
        code = str(row.values.get("name") or "").strip()
        question: dict = {"code": code}
        select = SELECT_TYPE.match(kind)
        if select:
            if select.group(3):
                self.error(
                    "survey",
                    row.number,
                    type_letter,
                    _("“or_other” (an “other, please specify” choice) is not supported."),
                )
                return None
            list_name = select.group(2)
            multiple = "multiple" in select.group(1) or "all that apply" in select.group(1)
            if list_name not in lists:
                self.error(
                    "survey",
                    row.number,
                    type_letter,
                    _("The choices sheet has no list %(name)s.", name=list_name),
                )
                return None
            question["kind"] = "multiple" if multiple else "single"
            question["choices"] = [
                {"code": c["code"], "label": c["label"]} for c in lists[list_name]
            ]
        elif kind in SIMPLE_TYPES:
            question["kind"], whole = SIMPLE_TYPES[kind]
            if question["kind"] == "number":
                question["whole_number"] = whole
            appearance = str(row.values.get("appearance") or "").lower()
            if question["kind"] == "short_text" and "multiline" in appearance:
                question["kind"] = "long_text"
        elif kind == "range":
            if not self._range(row, question):
                return None
        else:
            self.error(
                "survey",
                row.number,
                type_letter,
                _("The type %(type)s is not supported.", type=kind),
            )
            return None
        usable = re.sub(r"[-.]", "_", code)
        if usable != code and CODE_PATTERN.match(usable):
            if usable in self.codes.values() or usable in self.rows_by_code:
                self.error(
                    "survey",
                    row.number,
                    sheet.letter("name"),
                    _("The name %(name)s clashes with another once - and . become _.", name=code),
                )
                return None
            self.note(
                "survey",
                row.number,
                sheet.letter("name"),
                _("Renamed: %(name)s becomes %(code)s.", name=code, code=usable),
            )
            self.codes[code] = usable
            code = question["code"] = usable
        if not CODE_PATTERN.match(code):
            self.error(
                "survey",
                row.number,
                sheet.letter("name"),
                _(
                    "The name %(name)s must start with a letter and hold only letters, "
                    "digits and _.",
                    name=code,
                ),
            )
            return None
        self.rows_by_code[code] = row.number
        if select:
            self.question_lists[code] = select.group(2)
        question["text"] = self._texts(row.values, "label")
        question["hint"] = self._texts(row.values, "hint")
        if not question["text"]:
            self.error(
                "survey", row.number, sheet.letter("label"), _("This question has no label.")
            )
        required = _truth(row.values.get("required"))
        if required is None:
            self.error(
                "survey",
                row.number,
                sheet.letter("required"),
                _("Only yes or no can be imported as “required”."),
            )
        question["required"] = bool(required)
        self._unsupported_columns(row)
        constraint = normalise_expression(row.values.get("constraint"))
        if constraint:
            bounds = None
            if question["kind"] == "number":
                bounds = parse_constraint(constraint, question.get("whole_number", True))
                bounds = bounds if bounds and "max_length" not in bounds else None
            elif question["kind"] in ("short_text", "long_text"):
                bounds = parse_constraint(constraint, True)
                bounds = bounds if bounds and "max_length" in bounds else None
            if (
                bounds is None
                and question["kind"] == "short_text"
                and constraint.startswith("regex(")
            ):
                self.note(
                    "survey",
                    row.number,
                    sheet.letter("constraint"),
                    _(
                        "Skipped: the pattern check %(expression)s; any text is accepted.",
                        expression=constraint,
                    ),
                )
            elif bounds is None:
                self.error(
                    "survey",
                    row.number,
                    sheet.letter("constraint"),
                    _(
                        "This constraint is not a range of numbers or a length limit: "
                        "%(expression)s",
                        expression=constraint,
                    ),
                )
            else:
                question.update(bounds)
        show_if = self._relevant(row, stack)
        if show_if:
            question["show_if"] = show_if
            self.show_ifs[code] = show_if
        return question

    def _range(self, row, question: dict) -> bool:
        parameters = str(row.values.get("parameters") or "")
        found = dict(re.findall(r"(start|end|step)\s*=\s*(-?[0-9.]+)", parameters))
        try:
            start = float(found.get("start", 1))
            end = float(found.get("end", 10))
            step = float(found.get("step", 1))
        except ValueError:
            step = 0
        if step <= 0 or start >= end:
            self.error(
                "survey",
                row.number,
                self.survey.letter("parameters"),
                _("The range parameters must give start < end and a positive step."),
            )
            return False
        points = (end - start) / step + 1
        if step == 1 and start.is_integer() and end.is_integer() and 2 <= points <= 11:
            question.update(kind="rating", min=int(start), max=int(end))
            return True
        whole = start.is_integer() and step.is_integer()
        question.update(kind="number", min=start, max=end, whole_number=whole)
        if whole:
            question.update(min=int(start), max=int(end))
        self.note(
            "survey",
            row.number,
            self.survey.letter("parameters"),
            _(
                "Skipped: the step %(step)s; any number from %(start)s to %(end)s is accepted.",
                step=found.get("step", "1"),
                start=found.get("start", "1"),
                end=found.get("end", "10"),
            ),
        )
        return True

    def _unsupported_columns(self, row) -> None:
        for column in ("calculation", "choice_filter", "repeat_count", "trigger"):
            if row.values.get(column) not in (None, ""):
                self.error(
                    "survey",
                    row.number,
                    self.survey.letter(column),
                    _("The column %(column)s is not supported.", column=column),
                )
        if _truth(row.values.get("read_only")):
            self.error(
                "survey",
                row.number,
                self.survey.letter("read_only"),
                _("Read-only questions are not supported."),
            )
        if row.values.get("default") not in (None, ""):
            self.note(
                "survey",
                row.number,
                self.survey.letter("default"),
                _("Skipped: the default answer."),
            )
