"""Community feedback platform: multilingual surveys, focus groups and an evaluation summary."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask

from feedback.config import DEFAULT_SECRET_KEY, ROOT, load_config


def create_app(config: dict | None = None) -> Flask:
    """Build the application; ``config`` overrides the environment (tests pass theirs)."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_mapping(load_config())
    if config:
        app.config.update(config)
    _check_secret_key(app)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _init_extensions(app)
    _init_i18n(app)
    _register_blueprints(app)
    _register_commands(app)
    from feedback.errors import init_error_handlers
    from feedback.security import init_security

    init_security(app)
    init_error_handlers(app)
    return app


def _check_secret_key(app: Flask) -> None:
    if app.debug or app.testing:
        return
    if not app.config.get("SECRET_KEY") or app.config["SECRET_KEY"] == DEFAULT_SECRET_KEY:
        raise RuntimeError(
            "FEEDBACK_SECRET_KEY must be set to a long random value when debugging is off."
        )


def _init_extensions(app: Flask) -> None:
    from feedback import models  # noqa: F401 - registers every table on the metadata
    from feedback.auth.login import init_login
    from feedback.database import configure_sqlite
    from feedback.extensions import csrf, db, limiter, migrate

    db.init_app(app)
    configure_sqlite(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    init_login(app)
    logging.basicConfig(level=logging.INFO)


def _init_i18n(app: Flask) -> None:
    from feedback import i18n
    from feedback.extensions import babel
    from feedback.templating import init_templating

    babel.init_app(app, locale_selector=i18n.select_locale)
    app.after_request(i18n.remember_language)
    init_templating(app)


#: Feature packages; each has ``init_app(app)`` registering its blueprint, commands and hooks.
FEATURES = (
    "feedback.answering",
    "feedback.auth",
    "feedback.authoring",
    "feedback.translating",
    "feedback.focus_groups",
    "feedback.reports",
    "feedback.results",
    "feedback.programmes",
    "feedback.api",
)


def _register_blueprints(app: Flask) -> None:
    from importlib import import_module

    for name in FEATURES:
        import_module(name).init_app(app)


def _register_commands(app: Flask) -> None:
    from feedback.cli import register_commands

    register_commands(app)
