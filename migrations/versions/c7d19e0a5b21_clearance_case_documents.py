"""clearance case documents: what customs holds per document (appType rule, resubmission); list cancellation

Revision ID: c7d19e0a5b21
Revises: e5f9a3b4c6d7
Create Date: 2026-12-03 06:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c7d19e0a5b21'
down_revision = 'm6f5b8d0e206'  # relinked at merge (was e5f9a3b4c6d7)
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'clearance_case_documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('held', sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column('last_app_type', sa.String(length=1), nullable=False, server_default=''),
        sa.Column('last_revision', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('last_status', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['clearance_cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id', 'kind'),
    )
    with op.batch_alter_table('clearance_case_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clearance_case_documents_case_id'), ['case_id'], unique=False)
    with op.batch_alter_table('clearance_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancel_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('cancel_requested_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('clearance_cases', schema=None) as batch_op:
        batch_op.drop_column('cancel_requested_at')
        batch_op.drop_column('cancel_reason')
    with op.batch_alter_table('clearance_case_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clearance_case_documents_case_id'))
    op.drop_table('clearance_case_documents')
