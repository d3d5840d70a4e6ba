"""A random secret per day for the abuse-limit counters, instead of one derived from the
encryption keys.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 22:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rate_limit_secret',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('secret', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.PrimaryKeyConstraint('day')
    )
    # Counters keyed the old way can no longer be matched: start the hour afresh.
    op.execute("DELETE FROM submission_bucket")


def downgrade() -> None:
    op.drop_table('rate_limit_secret')
