"""conversations: one message component (storefront.messaging); service order threads moved into it

Revision ID: t1a2b3c4d5e6
Revises: p1a2b3c4d5e6
Create Date: 2026-12-03 08:30:00

Upgrade creates conversations, conversation_participants, messages and message_files, then moves every
service order thread: one conversation ``service_order:<order id>`` per order with messages, the merchant's
owner and (once paid) the provider's owner as participants with everything marked read, the messages with
their ids kept, and the message attachments of service_files (which stay on disk in DATA_DIR/service_files:
``folder`` says so). service_messages and service_files.message_id are dropped.

Downgrade moves service order conversations back (files attached after the upgrade live in
DATA_DIR/message_files and must be moved into DATA_DIR/service_files by hand) and drops the new tables;
product and order enquiries have no place in the old schema and are lost.
"""
from alembic import op
import sqlalchemy as sa


revision = 't1a2b3c4d5e6'
down_revision = 'f1a2b3c4d5e6'  # relinked after merging freight (was p1a2b3c4d5e6)
branch_labels = None
depends_on = None

NOW = sa.text('(CURRENT_TIMESTAMP)')


def _create_tables():
    op.create_table('conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('subject_kind', sa.String(length=20), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_conversations_opened_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations')),
    sa.UniqueConstraint('key', name=op.f('uq_conversations_key'))
    )
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversations_subject_kind'), ['subject_kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversations_opened_by_id'), ['opened_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversations_last_message_at'), ['last_message_at'], unique=False)

    op.create_table('conversation_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('party', sa.String(length=10), nullable=False),
    sa.Column('last_read_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_conversation_participants_conversation_id_conversations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_conversation_participants_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation_participants')),
    sa.UniqueConstraint('conversation_id', 'user_id', name=op.f('uq_conversation_participants_conversation_id'))
    )
    with op.batch_alter_table('conversation_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_participants_user_id'), ['user_id'], unique=False)

    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('party', sa.String(length=10), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.CheckConstraint('length("body") <= 5000', name=op.f('ck_messages_len_body')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_messages_conversation_id_conversations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('message_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('folder', sa.String(length=20), nullable=False),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_files_message_id_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_files')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_message_files_stored_name'))
    )
    with op.batch_alter_table('message_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_files_message_id'), ['message_id'], unique=False)


def _reset_sequence(conn, table):
    if conn.dialect.name == 'postgresql':
        conn.execute(sa.text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))


def _move_service_threads(conn):
    threads = conn.execute(sa.text(
        "SELECT o.id, m.owner_id, p.owner_id, o.paid_at, MIN(sm.created_at), MAX(sm.created_at), MAX(sm.id) "
        "FROM service_messages sm JOIN service_orders o ON o.id = sm.order_id "
        "JOIN merchants m ON m.id = o.merchant_id JOIN service_providers p ON p.id = o.provider_id "
        "GROUP BY o.id, m.owner_id, p.owner_id, o.paid_at ORDER BY o.id"
    )).fetchall()
    for order_id, merchant_owner, provider_owner, paid_at, first, last, last_id in threads:
        key = f'service_order:{order_id}'
        conn.execute(sa.text(
            "INSERT INTO conversations (key, subject_kind, subject_id, created_at, last_message_at) "
            "VALUES (:key, 'service_order', :order_id, :first, :last)"
        ), {'key': key, 'order_id': order_id, 'first': first, 'last': last})
        conversation_id = conn.execute(sa.text("SELECT id FROM conversations WHERE key = :key"), {'key': key}).scalar()
        members = [(merchant_owner, 'merchant')]
        if paid_at is not None and provider_owner != merchant_owner:
            members.append((provider_owner, 'provider'))
        for user_id, party in members:
            if user_id is not None:
                conn.execute(sa.text(
                    "INSERT INTO conversation_participants (conversation_id, user_id, party, last_read_id) "
                    "VALUES (:c, :u, :party, :last_id)"
                ), {'c': conversation_id, 'u': user_id, 'party': party, 'last_id': last_id})
        conn.execute(sa.text(
            "INSERT INTO messages (id, conversation_id, author_id, party, body, lang, created_at) "
            "SELECT sm.id, :c, sm.author_id, sm.party, sm.body, "
            "CASE WHEN u.locale IN ('zh', 'ru', 'ko', 'en', 'mn') THEN u.locale ELSE 'zh' END, sm.created_at "
            "FROM service_messages sm LEFT JOIN users u ON u.id = sm.author_id WHERE sm.order_id = :order_id"
        ), {'c': conversation_id, 'order_id': order_id})
    conn.execute(sa.text(
        "INSERT INTO message_files (message_id, folder, original_name, stored_name, content_type, size, sha256, "
        "created_at) SELECT message_id, 'service_files', original_name, stored_name, content_type, size, sha256, "
        "created_at FROM service_files WHERE message_id IS NOT NULL"
    ))
    conn.execute(sa.text("DELETE FROM service_files WHERE message_id IS NOT NULL"))
    _reset_sequence(conn, 'messages')


def upgrade():
    _create_tables()
    _move_service_threads(op.get_bind())
    with op.batch_alter_table('service_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_files_message_id'))
        batch_op.drop_constraint(batch_op.f('fk_service_files_message_id_service_messages'), type_='foreignkey')
        batch_op.drop_column('message_id')
    with op.batch_alter_table('service_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_messages_order_id'))
    op.drop_table('service_messages')


def downgrade():
    op.create_table('service_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('party', sa.String(length=10), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.CheckConstraint('length("body") <= 5000', name=op.f('ck_service_messages_len_body')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_service_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['service_orders.id'], name=op.f('fk_service_messages_order_id_service_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_messages'))
    )
    with op.batch_alter_table('service_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_messages_order_id'), ['order_id'], unique=False)
    with op.batch_alter_table('service_files', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_service_files_message_id_service_messages'), 'service_messages', ['message_id'], ['id'], ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_service_files_message_id'), ['message_id'], unique=False)
    conn = op.get_bind()
    conn.execute(sa.text(
        "INSERT INTO service_messages (id, order_id, author_id, party, body, created_at) "
        "SELECT m.id, c.subject_id, m.author_id, m.party, m.body, m.created_at FROM messages m "
        "JOIN conversations c ON c.id = m.conversation_id "
        "WHERE c.subject_kind = 'service_order' AND m.party IN ('merchant', 'provider', 'operator')"
    ))
    conn.execute(sa.text(
        "INSERT INTO service_files (order_id, message_id, purpose, delivery_round, uploaded_by_id, original_name, "
        "stored_name, content_type, size, sha256, created_at) "
        "SELECT c.subject_id, m.id, 'message', 0, m.author_id, f.original_name, f.stored_name, f.content_type, "
        "f.size, f.sha256, f.created_at FROM message_files f JOIN messages m ON m.id = f.message_id "
        "JOIN conversations c ON c.id = m.conversation_id "
        "WHERE c.subject_kind = 'service_order' AND m.party IN ('merchant', 'provider', 'operator')"
    ))
    _reset_sequence(conn, 'service_messages')
    with op.batch_alter_table('message_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_files_message_id'))
    op.drop_table('message_files')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_conversation_id'))
    op.drop_table('messages')
    with op.batch_alter_table('conversation_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_participants_user_id'))
    op.drop_table('conversation_participants')
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversations_last_message_at'))
        batch_op.drop_index(batch_op.f('ix_conversations_opened_by_id'))
        batch_op.drop_index(batch_op.f('ix_conversations_subject_kind'))
    op.drop_table('conversations')
