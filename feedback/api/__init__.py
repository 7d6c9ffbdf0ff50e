"""The read-only JSON API under /api/v1, described by an OpenAPI document."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.api.views import bp

    app.register_blueprint(bp)
