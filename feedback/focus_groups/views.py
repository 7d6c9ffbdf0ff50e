"""Views under /focus-groups (residents) and /manage/focus-groups (facilitators)."""

from flask import Blueprint

bp = Blueprint("focus_groups", __name__)
