"""Alembic environment of the registry: runs on the connection the server hands over in
``config.attributes["connection"]`` (sync.registry.db.prepare), never in a subprocess."""

from alembic import context

from sync.registry.models import metadata

connection = context.config.attributes.get("connection")

if connection is None:  # offline SQL generation (`alembic upgrade --sql`)
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url") or "sqlite://",
        target_metadata=metadata,
        render_as_batch=True,
        literal_binds=True,
    )
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
