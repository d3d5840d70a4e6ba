"""Meetings' online links, agenda items' input periods, commissioners' notes, packets.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 18:40:00

A packet row is a published, immutable version: its content hash, PDF hash and the
audit chain head it printed are kept beside the content.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from portal.base import UTCDateTime


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link', sqlmodel.sql.sqltypes.AutoString(length=500),
                                      server_default='', nullable=False))
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('input_from', UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('input_to', UTCDateTime(), nullable=True))
    op.create_table('commission_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('commission_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commission_note_agenda_item_id'), ['agenda_item_id'],
                              unique=True)
    with op.batch_alter_table('packet', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_hash', sqlmodel.sql.sqltypes.AutoString(length=64),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('pdf_hash', sqlmodel.sql.sqltypes.AutoString(length=64),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('markdown', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('audit_event_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('audit_hash', sqlmodel.sql.sqltypes.AutoString(length=64),
                                      server_default='', nullable=False))
        batch_op.create_unique_constraint('uq_packet_version', ['meeting_id', 'version'])


def downgrade() -> None:
    with op.batch_alter_table('packet', schema=None) as batch_op:
        batch_op.drop_constraint('uq_packet_version', type_='unique')
        for column in ('audit_hash', 'audit_event_id', 'markdown', 'pdf_hash', 'content_hash'):
            batch_op.drop_column(column)
    with op.batch_alter_table('commission_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commission_note_agenda_item_id'))
    op.drop_table('commission_note')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_column('input_to')
        batch_op.drop_column('input_from')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('link')
