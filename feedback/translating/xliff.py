"""XLIFF 2.0 files for translators: one file per target language, and reading them back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from flask_babel import gettext as _

from feedback.surveys.models import Survey
from feedback.translating.imports import ImportEntry, ImportReport, check_import
from feedback.translating.services import survey_strings

NS = "urn:oasis:names:tc:xliff:document:2.0"
ET.register_namespace("", NS)


def _tag(name: str) -> str:
    return f"{{{NS}}}{name}"


def export_xliff(survey: Survey, language: str) -> bytes:
    """The survey's strings as an XLIFF 2.0 document from the default language to ``language``."""
    default = survey.default_language
    root = ET.Element(_tag("xliff"), {"version": "2.0", "srcLang": default, "trgLang": language})
    file_element = ET.SubElement(root, _tag("file"), {"id": f"survey-{survey.slug}"})
    for item in survey_strings(survey):
        unit = ET.SubElement(file_element, _tag("unit"), {"id": item.key})
        notes = ET.SubElement(unit, _tag("notes"))
        ET.SubElement(notes, _tag("note"), {"category": "role"}).text = item.role
        target_text = item.text(language)
        segment = ET.SubElement(
            unit, _tag("segment"), {"state": "translated" if target_text else "initial"}
        )
        ET.SubElement(segment, _tag("source")).text = item.text(default)
        if target_text:
            ET.SubElement(segment, _tag("target")).text = target_text
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _all_text(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def read_xliff(survey: Survey, data: bytes) -> ImportReport:
    """Check an XLIFF 2.0 (or 1.2) file against the survey; nothing is stored."""
    problems: list[tuple[str, str, str]] = []
    head = data[:2048].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        return check_import(survey, [], [("-", "-", _("Files with a DOCTYPE are not accepted."))])
    try:
        root = ET.fromstring(data)  # noqa: S314 - DOCTYPEs (entities) are refused above
    except ET.ParseError as error:
        return check_import(
            survey, [], [("-", "-", _("This is not a readable XLIFF file (%(why)s).", why=error))]
        )
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if root.tag.split("}")[-1] != "xliff":
        return check_import(survey, [], [("-", "-", _("This is not an XLIFF file."))])
    if namespace == NS:
        entries = _entries_v2(root, survey, problems)
    else:
        entries = _entries_v1(root, namespace, survey, problems)
    return check_import(survey, entries, problems)


def _check_source_language(found: str | None, survey: Survey, problems: list) -> None:
    if found and found.split("-")[0] != survey.default_language:
        problems.append(
            (
                "xliff",
                "srcLang",
                _(
                    "The file translates from %(found)s, the survey is written in %(default)s.",
                    found=found,
                    default=survey.default_language,
                ),
            )
        )


def _entries_v2(root, survey: Survey, problems: list) -> list[ImportEntry]:
    _check_source_language(root.get("srcLang"), survey, problems)
    language = (root.get("trgLang") or "").split("-")[0]
    if not language:
        problems.append(("xliff", "trgLang", _("The file does not say its target language.")))
    entries = []
    for unit in root.iter(_tag("unit")):
        key = unit.get("id") or ""
        sources = [_all_text(s) for s in unit.iter(_tag("source"))]
        targets = list(unit.iter(_tag("target")))
        if not targets:
            continue
        entries.append(
            ImportEntry(
                where=key,
                column="target",
                key=key,
                language=language,
                text="".join(_all_text(t) for t in targets),
                source="".join(sources),
            )
        )
    return entries


def _entries_v1(root, namespace: str, survey: Survey, problems: list) -> list[ImportEntry]:
    def tag(name):
        return f"{{{namespace}}}{name}" if namespace else name

    entries = []
    for file_element in root.iter(tag("file")):
        _check_source_language(file_element.get("source-language"), survey, problems)
        language = (file_element.get("target-language") or "").split("-")[0]
        for unit in file_element.iter(tag("trans-unit")):
            key = unit.get("resname") or unit.get("id") or ""
            target = unit.find(tag("target"))
            if target is None:
                continue
            entries.append(
                ImportEntry(
                    where=key,
                    column="target",
                    key=key,
                    language=language,
                    text=_all_text(target),
                    source=_all_text(unit.find(tag("source"))),
                )
            )
    return entries
