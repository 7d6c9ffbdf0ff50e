"""Engine settings that make SQLite transactions behave like PostgreSQL's."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event

from feedback.extensions import db


def configure_sqlite(app: Flask) -> None:
    """Use SQLAlchemy's pysqlite recipe: our own BEGIN IMMEDIATE, WAL, a busy timeout.

    Python's sqlite3 starts transactions late, which makes a read-then-write not atomic;
    taking the write lock at BEGIN serialises writers instead of failing with "locked".
    """
    with app.app_context():
        engine = db.engine
        if engine.dialect.name != "sqlite":
            return

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
