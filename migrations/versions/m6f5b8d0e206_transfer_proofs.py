"""company bank transfers (对公转账) with bank slip and invoice (发票) request

Revision ID: m6f5b8d0e206
Revises: m5e4a7c9d105
Create Date: 2026-12-03 07:15:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'm6f5b8d0e206'
down_revision = 'm5e4a7c9d105'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('transfer_proofs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payable_kind', sa.String(length=20), nullable=False),
    sa.Column('payable_id', sa.Integer(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('payer_name', sa.String(length=120), nullable=False),
    sa.Column('bank_ref', sa.String(length=60), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('invoice_requested', sa.Boolean(), nullable=False),
    sa.Column('invoice_title', sa.String(length=120), nullable=False),
    sa.Column('invoice_tax_id', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decided_by', sa.String(length=40), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_transfer_proofs_amount_positive')),
    sa.CheckConstraint("status IN ('submitted', 'confirmed', 'rejected')", name=op.f('ck_transfer_proofs_status_known')),
    sa.ForeignKeyConstraint(['document_id'], ['filing_documents.id'], name=op.f('fk_transfer_proofs_document_id_filing_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer_proofs'))
    )
    with op.batch_alter_table('transfer_proofs', schema=None) as batch_op:
        batch_op.create_index('ix_transfer_proofs_payable', ['payable_kind', 'payable_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_proofs_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('transfer_proofs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_proofs_status'))
        batch_op.drop_index('ix_transfer_proofs_payable')
    op.drop_table('transfer_proofs')
