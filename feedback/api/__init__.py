"""The read-only JSON API under /api/v1, described by an OpenAPI document."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.api.cli import api_tokens_cli
    from feedback.api.views import bp
    from feedback.extensions import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
    app.cli.add_command(api_tokens_cli)
