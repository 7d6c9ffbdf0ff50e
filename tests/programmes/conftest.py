"""Fixtures: programmes linked to surveys; responses and the client come from tests.results."""

from __future__ import annotations

import pytest

from feedback.extensions import db
from tests.results.conftest import answer, client, facilitator, published  # noqa: F401


@pytest.fixture
def programme(app):
    """``programme(*surveys)``: a programme in English and Albanian linked to the surveys."""
    from datetime import date

    from feedback.programmes.models import Initiative
    from feedback.programmes.services import set_linked_surveys

    def make(*surveys):
        initiative = Initiative(
            languages=["en", "sq"],
            default_language="en",
            name={"en": "Public spaces", "sq": "Hapësirat publike"},
            description={"en": "Parks and squares."},
            starts_on=date(2026, 1, 1),
        )
        db.session.add(initiative)
        db.session.flush()
        set_linked_surveys(initiative, {s.id for s in surveys})
        db.session.commit()
        return initiative

    return make
