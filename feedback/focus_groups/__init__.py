"""Focus groups: sessions, sign-ups with seats and a waitlist, messages, attendance."""

from flask import Flask


def init_app(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from feedback.auth.models import Role
    from feedback.demo import DEMO_LOADERS
    from feedback.focus_groups.blocks import home_block, thanks_block
    from feedback.focus_groups.cli import focus_groups_cli, privacy_cli
    from feedback.focus_groups.demo import load_demo_sessions
    from feedback.focus_groups.views import bp
    from feedback.templating import HOME_BLOCKS, STAFF_LINKS, THANKS_BLOCKS

    app.register_blueprint(bp)
    app.cli.add_command(focus_groups_cli)
    app.cli.add_command(privacy_cli)
    # The registries are module-level: register once even when several apps are built.
    if home_block not in HOME_BLOCKS:
        HOME_BLOCKS.append(home_block)
    if thanks_block not in THANKS_BLOCKS:
        THANKS_BLOCKS.append(thanks_block)
    if load_demo_sessions not in DEMO_LOADERS:
        DEMO_LOADERS.append(load_demo_sessions)
    link = ("focus_groups.manage_index", _l("Focus groups"), (Role.FACILITATOR,))
    if not any(entry[0] == link[0] for entry in STAFF_LINKS):
        STAFF_LINKS.append(link)
