"""Departments and datasets are edited by staff, versioned and audited like practices; a
dataset says which sensitive categories it holds.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 01:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from portal.base import UTCDateTime

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

TABLES = ('department', 'dataset')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
            batch_op.add_column(sa.Column('updated_at', UTCDateTime(), nullable=True))
            batch_op.add_column(sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=320),
                                          server_default='system', nullable=False))
            if table == 'dataset':
                batch_op.add_column(sa.Column('sensitive_categories', sa.JSON(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET updated_at = CURRENT_TIMESTAMP WHERE updated_at IS NULL"))
    op.execute(sa.text("UPDATE dataset SET sensitive_categories = '[]' WHERE sensitive_categories IS NULL"))
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('updated_at', existing_type=UTCDateTime(), nullable=False)
            if table == 'dataset':
                batch_op.alter_column('sensitive_categories', existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == 'dataset':
                batch_op.drop_column('sensitive_categories')
            batch_op.drop_column('updated_by')
            batch_op.drop_column('updated_at')
            batch_op.drop_column('version')
