"""services marketplace: providers, packages, tiers, service orders, threads, files, reviews, vouchers

Revision ID: b7d41e6c2a93
Revises: c1ea7a9ce001
Create Date: 2026-11-27 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d41e6c2a93'
down_revision = 'c1ea7a9ce001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('service_providers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('descriptions', sa.JSON(), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('regions', sa.JSON(), nullable=False),
    sa.Column('contact_name', sa.String(length=120), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('city_slug', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['city_slug'], ['cities.slug'], name=op.f('fk_service_providers_city_slug_cities')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_service_providers_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_service_providers_reviewed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_providers')),
    sa.UniqueConstraint('owner_id', name=op.f('uq_service_providers_owner_id')),
    sa.UniqueConstraint('slug', name=op.f('uq_service_providers_slug')),
    sa.UniqueConstraint('uscc', name=op.f('uq_service_providers_uscc'))
    )
    with op.batch_alter_table('service_providers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_providers_status'), ['status'], unique=False)

    op.create_table('voucher_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('funder', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=True),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('cities', sa.JSON(), nullable=False),
    sa.Column('clusters', sa.JSON(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("(kind = 'full' AND amount_fen IS NULL) OR (kind = 'amount' AND amount_fen > 0)", name=op.f('ck_voucher_batches_amount_matches_kind')),
    sa.CheckConstraint("kind IN ('amount', 'full')", name=op.f('ck_voucher_batches_kind_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_voucher_batches_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voucher_batches'))
    )
    with op.batch_alter_table('voucher_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voucher_batches_expires_at'), ['expires_at'], unique=False)

    op.create_table('service_packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=True),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('min_price_fen', sa.Integer(), nullable=False),
    sa.Column('min_delivery_days', sa.Integer(), nullable=False),
    sa.Column('rating_sum', sa.Integer(), nullable=False),
    sa.Column('rating_count', sa.Integer(), nullable=False),
    sa.Column('completed_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('completed_count >= 0', name=op.f('ck_service_packages_completed_not_negative')),
    sa.CheckConstraint('min_price_fen >= 0', name=op.f('ck_service_packages_min_price_not_negative')),
    sa.CheckConstraint('rating_count >= 0 AND rating_sum >= 0', name=op.f('ck_service_packages_rating_not_negative')),
    sa.ForeignKeyConstraint(['provider_id'], ['service_providers.id'], name=op.f('fk_service_packages_provider_id_service_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_packages')),
    sa.UniqueConstraint('provider_id', 'key', name=op.f('uq_service_packages_provider_id'))
    )
    with op.batch_alter_table('service_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_packages_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_packages_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_service_packages_listing', ['published', 'category', 'min_price_fen'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_packages_provider_id'), ['provider_id'], unique=False)

    op.create_table('service_package_images',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('stem', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['service_packages.id'], name=op.f('fk_service_package_images_package_id_service_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_package_images')),
    sa.UniqueConstraint('stem', name=op.f('uq_service_package_images_stem'))
    )
    with op.batch_alter_table('service_package_images', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_package_images_package_id'), ['package_id'], unique=False)

    op.create_table('service_package_languages',
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['service_packages.id'], name=op.f('fk_service_package_languages_package_id_service_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('package_id', 'lang', name=op.f('pk_service_package_languages'))
    )
    with op.batch_alter_table('service_package_languages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_package_languages_lang'), ['lang'], unique=False)

    op.create_table('service_package_texts',
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['service_packages.id'], name=op.f('fk_service_package_texts_package_id_service_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('package_id', 'locale', name=op.f('pk_service_package_texts'))
    )
    op.create_table('service_tiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('delivery_days', sa.Integer(), nullable=False),
    sa.Column('revisions', sa.Integer(), nullable=False),
    sa.Column('deliverables', sa.JSON(), nullable=False),
    sa.CheckConstraint('delivery_days > 0', name=op.f('ck_service_tiers_delivery_positive')),
    sa.CheckConstraint('price_fen > 0', name=op.f('ck_service_tiers_price_positive')),
    sa.CheckConstraint('revisions >= 0', name=op.f('ck_service_tiers_revisions_not_negative')),
    sa.ForeignKeyConstraint(['package_id'], ['service_packages.id'], name=op.f('fk_service_tiers_package_id_service_packages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_tiers')),
    sa.UniqueConstraint('package_id', 'level', name=op.f('uq_service_tiers_package_id'))
    )
    with op.batch_alter_table('service_tiers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_tiers_package_id'), ['package_id'], unique=False)

    op.create_table('service_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=True),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('buyer_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('tier_level', sa.String(length=10), nullable=False),
    sa.Column('delivery_days', sa.Integer(), nullable=False),
    sa.Column('revisions_allowed', sa.Integer(), nullable=False),
    sa.Column('revisions_used', sa.Integer(), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('voucher_fen', sa.Integer(), nullable=False),
    sa.Column('card_fen', sa.Integer(), nullable=False),
    sa.Column('brief', sa.Text(), nullable=False),
    sa.Column('payment_ref', sa.String(length=80), nullable=False),
    sa.Column('refund_state', sa.String(length=8), nullable=False),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('price_fen > 0', name=op.f('ck_service_orders_price_positive')),
    sa.CheckConstraint('revisions_used >= 0 AND revisions_used <= revisions_allowed', name=op.f('ck_service_orders_revisions_within')),
    sa.CheckConstraint('voucher_fen + card_fen = price_fen', name=op.f('ck_service_orders_parts_sum')),
    sa.CheckConstraint('voucher_fen >= 0 AND card_fen >= 0', name=op.f('ck_service_orders_parts_not_negative')),
    sa.ForeignKeyConstraint(['buyer_id'], ['users.id'], name=op.f('fk_service_orders_buyer_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_service_orders_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['package_id'], ['service_packages.id'], name=op.f('fk_service_orders_package_id_service_packages')),
    sa.ForeignKeyConstraint(['provider_id'], ['service_providers.id'], name=op.f('fk_service_orders_provider_id_service_providers')),
    sa.ForeignKeyConstraint(['tier_id'], ['service_tiers.id'], name=op.f('fk_service_orders_tier_id_service_tiers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_service_orders_number'))
    )
    with op.batch_alter_table('service_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_orders_buyer_id'), ['buyer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_orders_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_orders_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_orders_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_orders_package_id'), ['package_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_orders_provider_id'), ['provider_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_orders_status'), ['status'], unique=False)
        batch_op.create_index('ix_service_orders_status_delivered', ['status', 'delivered_at'], unique=False)

    op.create_table('service_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('party', sa.String(length=10), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_service_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['service_orders.id'], name=op.f('fk_service_messages_order_id_service_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_messages'))
    )
    with op.batch_alter_table('service_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_messages_order_id'), ['order_id'], unique=False)

    op.create_table('service_order_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('party', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_service_order_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['service_orders.id'], name=op.f('fk_service_order_events_order_id_service_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_order_events'))
    )
    with op.batch_alter_table('service_order_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_order_events_order_id'), ['order_id'], unique=False)

    op.create_table('service_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.SmallInteger(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('reply', sa.Text(), nullable=False),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('rating >= 1 AND rating <= 5', name=op.f('ck_service_reviews_rating_range')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_service_reviews_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_service_reviews_merchant_id_merchants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['service_orders.id'], name=op.f('fk_service_reviews_order_id_service_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['package_id'], ['service_packages.id'], name=op.f('fk_service_reviews_package_id_service_packages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['provider_id'], ['service_providers.id'], name=op.f('fk_service_reviews_provider_id_service_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_reviews')),
    sa.UniqueConstraint('order_id', name=op.f('uq_service_reviews_order_id'))
    )
    with op.batch_alter_table('service_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_reviews_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_reviews_package_id'), ['package_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_reviews_provider_id'), ['provider_id'], unique=False)

    op.create_table('vouchers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=True),
    sa.Column('redeemed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('redeemed_merchant_id', sa.Integer(), nullable=True),
    sa.Column('service_order_id', sa.Integer(), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('amount_fen >= 0', name=op.f('ck_vouchers_amount_not_negative')),
    sa.ForeignKeyConstraint(['batch_id'], ['voucher_batches.id'], name=op.f('fk_vouchers_batch_id_voucher_batches'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_vouchers_merchant_id_merchants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['redeemed_merchant_id'], ['merchants.id'], name=op.f('fk_vouchers_redeemed_merchant_id_merchants'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['service_order_id'], ['service_orders.id'], name=op.f('fk_vouchers_service_order_id_service_orders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vouchers')),
    sa.UniqueConstraint('code', name=op.f('uq_vouchers_code')),
    sa.UniqueConstraint('service_order_id', name=op.f('uq_vouchers_service_order_id'))
    )
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vouchers_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vouchers_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vouchers_redeemed_at'), ['redeemed_at'], unique=False)

    op.create_table('service_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.String(length=10), nullable=False),
    sa.Column('delivery_round', sa.Integer(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['service_messages.id'], name=op.f('fk_service_files_message_id_service_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['service_orders.id'], name=op.f('fk_service_files_order_id_service_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_service_files_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_files')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_service_files_stored_name'))
    )
    with op.batch_alter_table('service_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_files_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_files_order_id'), ['order_id'], unique=False)


def downgrade():
    with op.batch_alter_table('service_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_files_order_id'))
        batch_op.drop_index(batch_op.f('ix_service_files_message_id'))

    op.drop_table('service_files')
    with op.batch_alter_table('vouchers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vouchers_redeemed_at'))
        batch_op.drop_index(batch_op.f('ix_vouchers_merchant_id'))
        batch_op.drop_index(batch_op.f('ix_vouchers_batch_id'))

    op.drop_table('vouchers')
    with op.batch_alter_table('service_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_reviews_provider_id'))
        batch_op.drop_index(batch_op.f('ix_service_reviews_package_id'))
        batch_op.drop_index(batch_op.f('ix_service_reviews_created_at'))

    op.drop_table('service_reviews')
    with op.batch_alter_table('service_order_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_order_events_order_id'))

    op.drop_table('service_order_events')
    with op.batch_alter_table('service_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_messages_order_id'))

    op.drop_table('service_messages')
    with op.batch_alter_table('service_orders', schema=None) as batch_op:
        batch_op.drop_index('ix_service_orders_status_delivered')
        batch_op.drop_index(batch_op.f('ix_service_orders_status'))
        batch_op.drop_index(batch_op.f('ix_service_orders_provider_id'))
        batch_op.drop_index(batch_op.f('ix_service_orders_package_id'))
        batch_op.drop_index(batch_op.f('ix_service_orders_merchant_id'))
        batch_op.drop_index(batch_op.f('ix_service_orders_created_at'))
        batch_op.drop_index(batch_op.f('ix_service_orders_category'))
        batch_op.drop_index(batch_op.f('ix_service_orders_buyer_id'))

    op.drop_table('service_orders')
    with op.batch_alter_table('service_tiers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_tiers_package_id'))

    op.drop_table('service_tiers')
    op.drop_table('service_package_texts')
    with op.batch_alter_table('service_package_languages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_package_languages_lang'))

    op.drop_table('service_package_languages')
    with op.batch_alter_table('service_package_images', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_package_images_package_id'))

    op.drop_table('service_package_images')
    with op.batch_alter_table('service_packages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_packages_provider_id'))
        batch_op.drop_index('ix_service_packages_listing')
        batch_op.drop_index(batch_op.f('ix_service_packages_created_at'))
        batch_op.drop_index(batch_op.f('ix_service_packages_category'))

    op.drop_table('service_packages')
    with op.batch_alter_table('voucher_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voucher_batches_expires_at'))

    op.drop_table('voucher_batches')
    with op.batch_alter_table('service_providers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_providers_status'))

    op.drop_table('service_providers')
