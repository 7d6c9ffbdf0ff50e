"""Fixtures: programmes linked to surveys; responses come from tests.results."""

from __future__ import annotations

from tests.results.conftest import (  # noqa: F401 - shared fixtures
    answer,
    facilitator,
    password_hash,
    programme,
    published,
    staff,
)
