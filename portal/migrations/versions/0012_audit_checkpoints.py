"""Signed audit checkpoints; the audit table refuses UPDATE and DELETE.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 19:30:00

The triggers make the log append-only for anyone who cannot change the schema: on
PostgreSQL, run the portal as a role that does not own the table (docs/security.md) and it
cannot drop them either.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from portal.audit import triggers
from portal.base import UTCDateTime


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('event_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('signed_at', UTCDateTime(), nullable=False),
    sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('public_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('signature', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_checkpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_checkpoint_signed_at'), ['signed_at'], unique=False)
    triggers.create(op.get_bind())


def downgrade() -> None:
    triggers.drop(op.get_bind())
    with op.batch_alter_table('audit_checkpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_checkpoint_signed_at'))
    op.drop_table('audit_checkpoint')
