"""Automatic flags for personal data in residents' texts."""

import pytest

from feedback.results.moderation import find_personal_data, is_publishable, suggest_redaction


@pytest.mark.parametrize(
    "text",
    [
        "write to ana.k@example.org please",
        "mail: someone+park@mail.example.co.uk",
    ],
)
def test_email_addresses_are_flagged(text):
    assert "email" in find_personal_data(text)
    assert not is_publishable(text)


@pytest.mark.parametrize(
    "text",
    [
        "call me on +383 44 123 456",
        "my number is 044-123-456",
        "ring (555) 123-4567 any time",
        "00383 44 123456",
        "0441234567",
    ],
)
def test_phone_numbers_in_international_and_local_formats_are_flagged(text):
    assert "phone" in find_personal_data(text)
    assert not is_publishable(text)


def test_capitalised_pairs_are_flagged_as_possible_names_without_blocking():
    flags = find_personal_data("Ana Krasniqi runs the café")
    assert flags == ["name"]
    assert is_publishable("Ana Krasniqi runs the café")


@pytest.mark.parametrize(
    "text",
    [
        "More benches near the pond, please.",
        "Open it 7 days a week, from 8 to 22.",
        "I went on 2026-05-12 and on 12/05/2026.",
        "We are 3 or 4 families.",
    ],
)
def test_ordinary_texts_are_not_flagged(text):
    assert find_personal_data(text) == []


def test_suggested_redaction_removes_emails_and_phones_only():
    text = "Lovely park. Mail ana@example.org or call +383 44 123 456. Thanks!"
    redacted = suggest_redaction(text)
    assert "ana@example.org" not in redacted
    assert "123 456" not in redacted
    assert redacted.startswith("Lovely park.")
    assert redacted.endswith("Thanks!")
    assert is_publishable(redacted)
