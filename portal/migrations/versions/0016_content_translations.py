"""Staff-written content in Spanish, one field of one record at a time.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 05:00:00

Each row holds a field of a notice, practice, indicator or survey in another language and
the English it translates (``source``): the translation shows only while the record's English
is still that text. The unique key is also the index every page reads it through.
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

from portal.base import UTCDateTime

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'content_translation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('record_id', sa.Integer(), nullable=False),
        sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('kind', 'record_id', 'field', 'language',
                            name='uq_content_translation'),
    )


def downgrade() -> None:
    op.drop_table('content_translation')
