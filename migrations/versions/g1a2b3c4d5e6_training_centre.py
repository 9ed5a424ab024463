"""policy and training centre: policy documents, training sessions, registrations (seats, reminders, attendance)

Revision ID: g1a2b3c4d5e6
Revises: r1a2b3c4d5e6
Create Date: 2026-12-03 11:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'g1a2b3c4d5e6'
down_revision = 'r1a2b3c4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'training_policies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('titles', sa.JSON(), nullable=False),
        sa.Column('bodies', sa.JSON(), nullable=False),
        sa.Column('category', sa.String(length=20), nullable=False),
        sa.Column('published_on', sa.Date(), nullable=False),
        sa.Column('file_stored', sa.String(length=64), nullable=True),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('file_size', sa.Integer(), nullable=False),
        sa.Column('file_sha256', sa.String(length=64), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_training_policies_created_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_training_policies')),
    )
    with op.batch_alter_table('training_policies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_policies_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_policies_published_on'), ['published_on'], unique=False)
    op.create_table(
        'training_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('titles', sa.JSON(), nullable=False),
        sa.Column('descriptions', sa.JSON(), nullable=False),
        sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('duration_minutes', sa.Integer(), nullable=False),
        sa.Column('online_url', sa.String(length=300), nullable=False),
        sa.Column('place', sa.String(length=300), nullable=False),
        sa.Column('seats', sa.Integer(), nullable=False),
        sa.Column('seats_taken', sa.Integer(), nullable=False),
        sa.Column('register_by', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.CheckConstraint('duration_minutes > 0', name=op.f('ck_training_sessions_duration_positive')),
        sa.CheckConstraint('seats > 0', name=op.f('ck_training_sessions_seats_positive')),
        sa.CheckConstraint('seats_taken >= 0 AND seats_taken <= seats', name=op.f('ck_training_sessions_seats_within')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_training_sessions_created_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_training_sessions')),
    )
    with op.batch_alter_table('training_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_sessions_starts_at'), ['starts_at'], unique=False)
    op.create_table(
        'training_registrations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('side', sa.String(length=10), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('registered_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('attended', sa.Boolean(), nullable=True),
        sa.CheckConstraint("status IN ('registered', 'cancelled')", name=op.f('ck_training_registrations_status_known')),
        sa.ForeignKeyConstraint(['session_id'], ['training_sessions.id'], name=op.f('fk_training_registrations_session_id_training_sessions'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_training_registrations_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_training_registrations')),
        sa.UniqueConstraint('session_id', 'user_id', name=op.f('uq_training_registrations_session_id')),
    )
    with op.batch_alter_table('training_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_registrations_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_registrations_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('training_registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_registrations_user_id'))
        batch_op.drop_index(batch_op.f('ix_training_registrations_session_id'))
    op.drop_table('training_registrations')
    with op.batch_alter_table('training_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_sessions_starts_at'))
    op.drop_table('training_sessions')
    with op.batch_alter_table('training_policies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_policies_published_on'))
        batch_op.drop_index(batch_op.f('ix_training_policies_category'))
    op.drop_table('training_policies')
