"""Commissioners' reading marks on the input behind agenda items.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 19:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from portal.base import UTCDateTime


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('input_read',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reader', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('read_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['comment.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reader', 'comment_id', name='uq_input_read')
    )
    with op.batch_alter_table('input_read', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_input_read_comment_id'), ['comment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_input_read_reader'), ['reader'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('input_read', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_input_read_reader'))
        batch_op.drop_index(batch_op.f('ix_input_read_comment_id'))
    op.drop_table('input_read')
