"""Residents answer a survey: the list of open surveys, answering, drafts, submitting."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.answering.views import bp

    app.register_blueprint(bp)
