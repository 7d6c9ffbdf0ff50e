"""The blueprint: resident pages under /focus-groups, facilitator pages under
/manage/focus-groups (routes in views_public and views_manage)."""

from flask import Blueprint

bp = Blueprint("focus_groups", __name__)

from feedback.focus_groups import views_manage, views_public  # noqa: E402, F401


@bp.app_template_global("fg_time")
def format_clock(value) -> str:
    """A time of day in the page's locale and the configured time zone ("18:30", "6:30 PM")."""
    from flask_babel import format_time

    return format_time(value, "short")
