"""freight: packed dimensions on products; transport mode, terms, duties and rate card on orders; rate cards; duty rule edits

Revision ID: f1a2b3c4d5e6
Revises: k1m2a3i4l5o6
Create Date: 2026-12-03 08:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'f1a2b3c4d5e6'
down_revision = 'v2b3c4d5e6f7'  # relinked after merging variants' samples (was p1a2b3c4d5e6)
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('package_kind', sa.String(length=10), nullable=False, server_default='carton'))
        batch_op.add_column(sa.Column('package_length_mm', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('package_width_mm', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('package_height_mm', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('units_per_package', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('packages_per_unit', sa.Integer(), nullable=False, server_default='1'))
        batch_op.create_check_constraint(
            op.f('ck_products_packages'),
            'units_per_package >= 1 AND packages_per_unit >= 1 AND (units_per_package = 1 OR packages_per_unit = 1)',
        )
        batch_op.create_check_constraint(
            op.f('ck_products_package_dims'),
            '(package_length_mm IS NULL AND package_width_mm IS NULL AND package_height_mm IS NULL)'
            ' OR (package_length_mm > 0 AND package_width_mm > 0 AND package_height_mm > 0)',
        )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('transport_mode', sa.String(length=12), nullable=False, server_default='parcel'))
        batch_op.add_column(sa.Column('transit_days_min', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('transit_days_max', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('duty_fen', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('duty_minor', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('duty_rule', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('buyer_customs_id', sa.String(length=20), nullable=False, server_default=''))
    with op.batch_alter_table('sub_orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duty_fen', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('duty_minor', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('rate_card', sa.String(length=60), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('freight_route', sa.String(length=90), nullable=False, server_default=''))
    op.create_table(
        'rate_cards',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('provider_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=False),
        sa.Column('lanes', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.CheckConstraint('valid_from <= valid_until', name=op.f('ck_rate_cards_valid_dates')),
        sa.ForeignKeyConstraint(['provider_id'], ['service_providers.id'], name=op.f('fk_rate_cards_provider_id_service_providers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_cards')),
    )
    with op.batch_alter_table('rate_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_cards_provider_id'), ['provider_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rate_cards_valid_until'), ['valid_until'], unique=False)
    op.create_table(
        'duty_rule_overrides',
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=False),
        sa.Column('effective', sa.Date(), nullable=False),
        sa.Column('free_limit', sa.Integer(), nullable=False),
        sa.Column('free_weight_g', sa.Integer(), nullable=False),
        sa.Column('duty_pct', sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column('vat_pct', sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column('excess_pct', sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column('excess_min_per_kg', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.CheckConstraint('free_limit >= 0 AND free_weight_g >= 0 AND excess_min_per_kg >= 0', name=op.f('ck_duty_rule_overrides_not_negative')),
        sa.CheckConstraint('duty_pct >= 0 AND duty_pct <= 100 AND vat_pct >= 0 AND vat_pct <= 100 AND excess_pct >= 0 AND excess_pct <= 100', name=op.f('ck_duty_rule_overrides_percentages')),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_duty_rule_overrides')),
    )


def downgrade():
    op.drop_table('duty_rule_overrides')
    with op.batch_alter_table('rate_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_cards_valid_until'))
        batch_op.drop_index(batch_op.f('ix_rate_cards_provider_id'))
    op.drop_table('rate_cards')
    with op.batch_alter_table('sub_orders', schema=None) as batch_op:
        for name in ('freight_route', 'rate_card', 'duty_minor', 'duty_fen'):
            batch_op.drop_column(name)
    with op.batch_alter_table('orders', schema=None) as batch_op:
        for name in ('buyer_customs_id', 'duty_rule', 'duty_minor', 'duty_fen', 'transit_days_max',
                     'transit_days_min', 'transport_mode'):
            batch_op.drop_column(name)
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_products_package_dims'), type_='check')
        batch_op.drop_constraint(op.f('ck_products_packages'), type_='check')
        for name in ('packages_per_unit', 'units_per_package', 'package_height_mm', 'package_width_mm',
                     'package_length_mm', 'package_kind'):
            batch_op.drop_column(name)
