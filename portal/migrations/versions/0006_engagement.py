"""Engagement: encrypted contact details, the comment's author, abuse-limit buckets.

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-23 06:00:50.316941

Name and e-mail become unbounded text because they now hold Fernet tokens;
rows written before this revision are encrypted here, so no plaintext stays
behind in an upgraded database.
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0001'
branch_labels = None
depends_on = None

_SEALED = ("raw_text", "name", "email")


def _seal_existing() -> None:
    from portal.encryption import seal

    bind = op.get_bind()
    comment = sa.table("comment", sa.column("id", sa.Integer), *(sa.column(c, sa.Text) for c in _SEALED))
    rows = bind.execute(sa.select(comment)).all()
    for row in rows:
        values = {c: getattr(row, c) for c in _SEALED}
        # Fernet tokens start with "gAAAAA" (version byte 0x80 and a timestamp).
        plain = {c: seal(v) for c, v in values.items() if v is not None and not v.startswith("gAAAAA")}
        if plain:
            bind.execute(comment.update().where(comment.c.id == row.id).values(**plain))


def upgrade() -> None:
    op.create_table('submission_bucket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key_hash', 'window_start', name='uq_submission_bucket_window')
    )
    with op.batch_alter_table('submission_bucket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_bucket_window_start'), ['window_start'], unique=False)

    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author_ref', sa.Text(), nullable=True))
        batch_op.alter_column('name',
               existing_type=sa.VARCHAR(length=200),
               type_=sa.Text(),
               existing_nullable=True)
        batch_op.alter_column('email',
               existing_type=sa.VARCHAR(length=320),
               type_=sa.Text(),
               existing_nullable=True)
    _seal_existing()


def downgrade() -> None:
    # Values stay encrypted: a downgrade does not write plaintext back.
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.alter_column('email',
               existing_type=sa.Text(),
               type_=sa.VARCHAR(length=320),
               existing_nullable=True)
        batch_op.alter_column('name',
               existing_type=sa.Text(),
               type_=sa.VARCHAR(length=200),
               existing_nullable=True)
        batch_op.drop_column('author_ref')

    with op.batch_alter_table('submission_bucket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_bucket_window_start'))

    op.drop_table('submission_bucket')
