"""Shared by the benchmark scripts: the app on the benchmark database, and the demo survey."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_URL = f"sqlite:///{ROOT / 'instance' / 'bench.sqlite'}"
SLUG = "exchange-programme"


def database_url(argument: str | None = None) -> str:
    """``--db`` argument, else BENCH_DATABASE_URL, else a SQLite file in instance/."""
    return argument or os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL


def make_app(url: str):
    from feedback import create_app
    from feedback.extensions import db

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench-only",
            "SQLALCHEMY_DATABASE_URI": url,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        db.create_all()  # tables added since the data was generated
    return app


def engine_name(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite"
