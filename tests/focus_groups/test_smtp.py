"""Messages go out by SMTP when a mail server is configured (a real socket, a tiny sink)."""

from __future__ import annotations

import email
import socketserver
import threading
from email import policy

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.focus_groups import messages
from feedback.focus_groups.models import OutboxMessage


class _SinkHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept messages: HELO/EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 sink ready")
        while True:
            line = self.rfile.readline().decode(errors="replace").strip()
            if not line:
                return
            verb = line.split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.server.received.append(b"".join(data))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@pytest.fixture
def smtp_sink(app, monkeypatch):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SinkHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", server.server_address[1])
    monkeypatch.setitem(app.config, "MAIL_USE_TLS", False)
    monkeypatch.setitem(app.config, "MAIL_USERNAME", None)
    yield server.received
    server.shutdown()
    server.server_close()


def test_confirmation_is_mailed_with_the_calendar_file(smtp_sink, make_group, sign_up):
    group = make_group()
    sign_up(group, email="ana@example.org", language="sr")
    assert messages.deliver() == 1
    assert len(smtp_sink) == 1
    mail = email.message_from_bytes(smtp_sink[0], policy=policy.default)
    assert mail["To"] == "ana@example.org"
    assert "Разговор о парку" in mail["Subject"]
    calendars = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 1
    assert "BEGIN:VEVENT" in calendars[0].get_content()
    stored = db.session.scalars(select(OutboxMessage)).one()
    assert stored.sent_via == "smtp"
    assert stored.error is None


def test_unreachable_mail_server_keeps_the_message_for_later(app, monkeypatch, make_group, sign_up):
    with socketserver.TCPServer(("127.0.0.1", 0), socketserver.BaseRequestHandler) as closed:
        port = closed.server_address[1]
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    group = make_group()
    sign_up(group)
    assert messages.deliver() == 0
    stored = db.session.scalars(select(OutboxMessage)).one()
    assert stored.sent_at is None
    assert stored.error
