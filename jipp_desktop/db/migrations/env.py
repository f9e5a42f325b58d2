"""Alembic environment: runs on the connection the app hands over (never a subprocess)."""

from typing import Any

from alembic import context

from jipp_desktop.db.models import Base

connection = context.config.attributes.get("connection")
target_metadata = Base.metadata


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leaves the FTS5 search index (made by migration 0002, not a model) out of autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith("innovation_fts"))


if connection is None:  # offline SQL generation (`alembic upgrade --sql`)
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url") or "sqlite://",
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()
