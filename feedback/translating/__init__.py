"""Survey translations: the translation pages, file exports for translators, imports."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.translating.views import bp

    app.register_blueprint(bp)
