"""Views under /manage."""

from flask import Blueprint

bp = Blueprint("translating", __name__, url_prefix="/manage")
