"""Programmes (initiatives) and their indicators: targets, progress, on track or behind."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.programmes.views import bp

    app.register_blueprint(bp)
