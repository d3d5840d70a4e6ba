"""Comment urgency: the moderation queue's order, stored and indexed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 15:20:00

The queue put the most-flagged comments first by decoding every open comment's
flags on each view (about 0.3 s with 10,000 pending). ``urgency`` holds that
order's key; rows written before this revision get it here.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _fill() -> None:
    from portal.engagement.models import urgency

    bind = op.get_bind()
    comment = sa.table("comment", sa.column("id", sa.Integer), sa.column("flags", sa.JSON),
                       sa.column("urgency", sa.Integer))
    for row in bind.execute(sa.select(comment.c.id, comment.c.flags)).all():
        value = urgency(row.flags or [])
        if value:
            bind.execute(comment.update().where(comment.c.id == row.id).values(urgency=value))


def upgrade() -> None:
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('urgency', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_index('ix_comment_queue', ['state', 'urgency', 'submitted_at'], unique=False)
    _fill()


def downgrade() -> None:
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_index('ix_comment_queue')
        batch_op.drop_column('urgency')
