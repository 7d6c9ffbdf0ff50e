"""Views under /manage/programmes (facilitators) and /reports/programmes (officials)."""

from flask import Blueprint

bp = Blueprint("programmes", __name__)
