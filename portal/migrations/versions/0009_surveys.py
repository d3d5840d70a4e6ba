"""Surveys: question kinds, help, bounds, conditions, lint flags, retired questions, ballots.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 16:00:00

Free-text answers become comments (screened, encrypted, moderated, purged); the raw
text that older rows kept in ``survey_answer.value`` is removed here, keeping only the
redacted excerpt they already had.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

from portal.base import UTCDateTime


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('survey_ballot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('survey_id', 'token_hash', name='uq_survey_ballot')
    )
    with op.batch_alter_table('survey_ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_ballot_survey_id'), ['survey_id'], unique=False)
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('updated_at', UTCDateTime(), nullable=True))
    op.execute(sa.text("UPDATE survey SET updated_at = created_at"))
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=UTCDateTime(), nullable=False)
    with op.batch_alter_table('survey_question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('help_text', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('min_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('max_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('condition_position', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('condition_value', sqlmodel.sql.sqltypes.AutoString(length=300),
                                      nullable=True))
        batch_op.add_column(sa.Column('flags', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('retired', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute(sa.text("UPDATE survey_question SET flags = '[]' WHERE flags IS NULL"))
    op.execute(sa.text("UPDATE survey_question SET kind = 'likert' WHERE kind = 'scale'"))
    op.execute(sa.text("UPDATE survey_question SET kind = 'long_text' WHERE kind = 'text'"))
    with op.batch_alter_table('survey_question', schema=None) as batch_op:
        batch_op.alter_column('flags', existing_type=sa.JSON(), nullable=False)
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_survey_answer_comment_id'), ['comment_id'], unique=False)
        batch_op.create_foreign_key('fk_survey_answer_comment_id', 'comment', ['comment_id'], ['id'])
    op.execute(sa.text(
        "UPDATE survey_answer SET value = '' WHERE question_id IN "
        "(SELECT id FROM survey_question WHERE kind IN ('long_text', 'short_text'))"))


def downgrade() -> None:
    with op.batch_alter_table('survey_answer', schema=None) as batch_op:
        batch_op.drop_constraint('fk_survey_answer_comment_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_survey_answer_comment_id'))
        batch_op.drop_column('comment_id')
    with op.batch_alter_table('survey_question', schema=None) as batch_op:
        for column in ('retired', 'flags', 'condition_value', 'condition_position', 'max_value',
                       'min_value', 'help_text'):
            batch_op.drop_column(column)
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
        batch_op.drop_column('version')
    with op.batch_alter_table('survey_ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_ballot_survey_id'))
    op.drop_table('survey_ballot')
