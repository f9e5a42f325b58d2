"""Alembic environment: runs on the connection the app hands over (never a subprocess)."""

from alembic import context

from jipp_desktop.db.models import Base

connection = context.config.attributes.get("connection")
target_metadata = Base.metadata

if connection is None:  # offline SQL generation (`alembic upgrade --sql`)
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url") or "sqlite://",
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
