"""Published comments read a page at a time, from an index.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 01:30:00

A record's page showed its newest 200 published comments, found through
``ix_comment_target`` and sorted on every view (40 ms per page and 60 ms for the count with
11,000 on one notice). It now shows 20 at a time, each page after the last one shown
(keyset on publication instant and id); this index holds that order for each record, so a
page and the count are read from it, however many comments there are.
"""
from alembic import op


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_comment_published', 'comment',
                    ['target_type', 'target_id', 'state', 'published_at', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_comment_published', table_name='comment')
