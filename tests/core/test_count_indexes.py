"""The dashboard's counts read indexes, not tables (migration 0009): the plans SQLite chooses for
the exact queries `stats` runs."""

from __future__ import annotations

from sqlalchemy import event

from jipp_desktop.db.engine import Database
from jipp_desktop.services.stats import store_stats


def test_reverification_and_verification_counts_use_their_partial_indexes(db: Database) -> None:
    statements: list[tuple[str, tuple]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def seen(conn, cursor, statement, params, context, executemany):
        statements.append((statement, params))

    with db.session() as session:
        stats = store_stats(session)
    event.remove(db.engine, "before_cursor_execute", seen)
    assert stats["needs_reverification"] == 0
    plans: dict[str, str] = {}
    raw = db.engine.raw_connection()
    try:
        for statement, params in statements:
            if "count" not in statement.lower():
                continue
            rows = raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
            plans[statement] = " ".join(str(r[-1]) for r in rows)
    finally:
        raw.close()
    reverify = [p for s, p in plans.items() if "last_verified_at" in s]
    live_verifications = [
        p
        for s, p in plans.items()
        if "FROM verifications" in s and "deleted_at IS NULL" in s and "GROUP BY" not in s
    ]
    assert reverify and all("ix_innovations_live_reverify" in p for p in reverify), plans
    assert live_verifications and all("ix_verifications_live" in p for p in live_verifications)
