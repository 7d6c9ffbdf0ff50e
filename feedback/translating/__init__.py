"""Survey translations: the translation pages, file exports for translators, imports,
XLSForm import and sharing (links, QR codes, posters)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.translating import views_files, views_sharing, views_xlsform  # noqa: F401
    from feedback.translating.views import bp

    app.register_blueprint(bp)
