"""Fixtures for focus groups: sessions and sign-ups built through the services."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from feedback.extensions import db
from feedback.focus_groups import services
from feedback.focus_groups.models import FocusGroup
from feedback.timeutil import utcnow


@pytest.fixture
def make_group(app):
    """Factory: ``make_group(**overrides)`` stores an upcoming session (5 seats, waitlist)."""

    def make(**overrides):
        starts = utcnow().replace(microsecond=0) + timedelta(days=3)
        values = {
            "title": {
                "en": "Talk about the park",
                "sr": "Разговор о парку",
                "sq": "Bisedë për parkun",
            },
            "description": {"en": "An hour with neighbours.", "sr": "Сат са комшијама."},
            "accessibility": {"en": "Step-free entrance.", "sr": "Улаз без степеница."},
            "default_language": "en",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
            "place": "Community centre",
            "languages": ["en", "sr"],
            "capacity": 5,
            "seats_taken": 0,
            "waitlist_enabled": True,
        }
        values.update(overrides)
        group = FocusGroup(**values)
        db.session.add(group)
        db.session.commit()
        return group

    return make


@pytest.fixture
def sign_up(app):
    """Factory: ``sign_up(group, name, email=..., language=...)`` through the service, committed."""
    counter = {"n": 0}

    def do(group, name=None, email=None, phone=None, language="en", access_needs=None):
        counter["n"] += 1
        name = name or f"Person {counter['n']}"
        if email is None and phone is None:
            email = f"person{counter['n']}@example.org"
        signup = services.sign_up(
            group.id,
            services.Person(name, email, phone, language, access_needs, True),
        )
        db.session.commit()
        return signup

    return do


TOKEN_LINK = re.compile(r"/focus-groups/signup/([A-Za-z0-9_\-]+)")


def signup_form(**overrides) -> dict:
    data = {
        "name": "Ana Petrović",
        "email": "ana@example.org",
        "phone": "",
        "language": "sr",
        "access_needs": "",
        "consent": "y",
    }
    data.update(overrides)
    return data
