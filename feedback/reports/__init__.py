"""The evaluation summary for officials: statistics, breakdowns, indicators, exports."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.reports.views import bp

    app.register_blueprint(bp)
