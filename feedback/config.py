"""Settings, read from the environment with a ``FEEDBACK_`` prefix."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_SECRET_KEY = "dev-only-change-me"  # noqa: S105 - refused outside debugging

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"FEEDBACK_{name}", default)


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    return int(value) if value else default


def load_config() -> dict:
    """Build the configuration mapping from the process environment."""
    instance = ROOT / "instance"
    database_url = _env("DATABASE_URL") or f"sqlite:///{instance / 'feedback.sqlite'}"
    redis_url = _env("REDIS_URL")
    return {
        "SECRET_KEY": _env("SECRET_KEY", DEFAULT_SECRET_KEY),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        # A crowded community centre shares one public address: keep this generous.
        "SUBMIT_RATE_LIMIT": _env("SUBMIT_RATE_LIMIT", "120 per minute;2000 per hour"),
        "LOGIN_RATE_LIMIT": _env("LOGIN_RATE_LIMIT", "30 per minute"),
        # Reverse proxies in front of the app that set X-Forwarded-For/-Proto (0: none).
        "TRUSTED_PROXIES": _env_int("TRUSTED_PROXIES", 0),
        "API_RATE_LIMIT": _env("API_RATE_LIMIT", "600 per minute;20000 per hour"),
        "MAX_CONTENT_LENGTH": _env_int("MAX_CONTENT_LENGTH", 1024 * 1024),
        "MAX_FORM_MEMORY_SIZE": _env_int("MAX_CONTENT_LENGTH", 1024 * 1024),
        "DRAFT_LIFETIME_HOURS": _env_int("DRAFT_LIFETIME_HOURS", 72),
        "WTF_CSRF_TIME_LIMIT": _env_int("CSRF_TIME_LIMIT", 3600),
        "RETENTION_DAYS": _env_int("RETENTION_DAYS", 90),
        "MAIL_SERVER": _env("MAIL_SERVER"),
        "MAIL_PORT": _env_int("MAIL_PORT", 25),
        "MAIL_USERNAME": _env("MAIL_USERNAME"),
        "MAIL_PASSWORD": _env("MAIL_PASSWORD"),
        "MAIL_USE_TLS": _env("MAIL_USE_TLS", "0") == "1",
        "MAIL_SENDER": _env("MAIL_SENDER", "feedback@localhost"),
        "BASE_URL": _env("BASE_URL", "http://127.0.0.1:5000"),
        "SMALL_GROUP_K": _env_int("SMALL_GROUP_K", 5),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": _env("TIMEZONE", "UTC"),
    }
