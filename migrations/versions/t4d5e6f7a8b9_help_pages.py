"""help pages: the operator's text of the legal and help pages per language

Revision ID: t4d5e6f7a8b9
Revises: t3c4d5e6f7a8
Create Date: 2026-12-03 09:35:00

"""
from alembic import op
import sqlalchemy as sa


revision = 't4d5e6f7a8b9'
down_revision = 't3c4d5e6f7a8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('help_pages',
    sa.Column('slug', sa.String(length=20), nullable=False),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('bodies', sa.JSON(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_help_pages_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_help_pages'))
    )


def downgrade():
    op.drop_table('help_pages')
