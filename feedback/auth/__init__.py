"""Staff accounts, roles and signing in."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.auth.views import bp

    app.register_blueprint(bp)
