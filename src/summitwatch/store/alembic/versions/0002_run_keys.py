"""Each analysis run keeps its document's tracking keys (``track.keys.digest``, made at ingest);
commitments are listed a page at a time in tracking's order (an index on ``position``).

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('analysis_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('keys', sa.JSON(), nullable=True))
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitments_position'), ['position'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitments_position'))
    with op.batch_alter_table('analysis_runs', schema=None) as batch_op:
        batch_op.drop_column('keys')
