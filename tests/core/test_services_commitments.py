"""The commitments list reads its signatories with the commitments, not one query each."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    create_commitment,
    list_commitments,
)


def test_the_list_reads_every_commitments_signatories_in_one_more_query(db, operator):
    with db.transaction() as s:
        for n in range(6):
            create_commitment(
                s,
                operator,
                CommitmentInput(
                    number=f"00{n}/KOM/2024",
                    title="Pernyataan Komitmen Replikasi Inovasi",
                    place="Denpasar",
                    signed_on=date(2024, 3, n + 1),
                    clauses=("Mereplikasi inovasi pelayanan publik.",),
                    signatories=(
                        SignatoryInput("Pemerintah Kota Denpasar", "Contoh Pejabat", "Wali Kota"),
                        SignatoryInput("Pemerintah Provinsi Bali", "Contoh Saksi", "Gubernur"),
                    ),
                ),
            )
    selects: list[str] = []

    def note(conn, cursor, statement, *args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with db.session() as s:
            listed = list_commitments(s)
            counts = [len(c.signatories) for c in listed]
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert counts == [2] * 6
    assert len(selects) == 2, selects
