"""Every interface string is translated, in every language the interface ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.checkers import python_format
from babel.messages.pofile import read_po

from feedback.i18n import UI_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = sorted(code for code in UI_LANGUAGES if code != "en")


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    """The message ids in the code and templates as they are now."""
    output = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "ngettext:1,2",
            "-k",
            "lazy_ngettext:1,2",
            "-o",
            str(output),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    return {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in read_catalog(output)
        if message.id
    }


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_translates_every_interface_string(language, extracted):
    catalog = read_catalog(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po")
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings) and not message.fuzzy:
            translated[key] = message
    missing = sorted(extracted - set(translated))
    assert not missing, f"{language}: {len(missing)} untranslated, first: {missing[:5]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_placeholders(language):
    catalog = read_catalog(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po")
    problems = []
    for message in catalog:
        if not message.id or not message.string or "python-format" not in message.flags:
            continue
        try:
            python_format(catalog, message)
        except Exception as error:  # noqa: BLE001 - report every broken entry at once
            problems.append(f"{message.id!r}: {error}")
    assert not problems, "\n".join(problems[:10])
