"""Focus groups: sessions, sign-ups with seats and a waitlist, messages, attendance."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.focus_groups.views import bp

    app.register_blueprint(bp)
