"""Facilitators build, edit, preview, publish and share surveys; staff accounts."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.authoring.views import bp

    app.register_blueprint(bp)
