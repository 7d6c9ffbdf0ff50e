"""Views under /s/<slug>/results (public) and /manage/.../moderation, findings."""

from flask import Blueprint

bp = Blueprint("results", __name__)
