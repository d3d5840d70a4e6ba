"""Indicator definitions: caveats, update frequency, versions, and the values' version.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 15:50:00

``values_version`` changes with every import of an indicator's values (part of the
pages' cache key); each value keeps the suppression status worked out at import.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from portal.base import UTCDateTime


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _summarise() -> None:
    """Latest period and dimensions of indicators whose values were loaded before this revision."""
    from portal.indicators.values import refresh_summaries

    bind = op.get_bind()
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM indicator"))]
    if ids:
        refresh_summaries(bind, ids)


def upgrade() -> None:
    with op.batch_alter_table('indicator_value', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
        batch_op.add_column(sa.Column('status_k', sa.Integer(), nullable=True))
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('caveats', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('update_frequency', sqlmodel.sql.sqltypes.AutoString(length=40),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('values_version', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('latest_period', sqlmodel.sql.sqltypes.AutoString(length=10),
                                      nullable=True))
        batch_op.add_column(sa.Column('dimensions', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=320),
                                      server_default='system', nullable=False))
    op.execute(sa.text("UPDATE indicator SET updated_at = CURRENT_TIMESTAMP WHERE updated_at IS NULL"))
    op.execute(sa.text("UPDATE indicator SET dimensions = '[]' WHERE dimensions IS NULL"))
    _summarise()
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=UTCDateTime(), nullable=False)
        batch_op.alter_column('dimensions', existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('indicator_value', schema=None) as batch_op:
        batch_op.drop_column('status_k')
        batch_op.drop_column('status')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        for column in ('updated_by', 'updated_at', 'dimensions', 'latest_period', 'values_version', 'version', 'update_frequency',
                       'caveats'):
            batch_op.drop_column(column)
