"""The freight migration has a real downgrade (SQLite and PostgreSQL: TEST_DB=postgres)."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from storefront.extensions import db
from tests.fixtures import _database_url, make_app


def test_freight_migration_downgrades_and_upgrades(request, tmp_path):
    app = make_app(tmp_path, _database_url(request, tmp_path, "kj_dg"))
    with app.app_context():
        upgrade(revision="heads")
        downgrade(revision="v2b3c4d5e6f7")  # the revision before freight
        insp = inspect(db.engine)
        assert "rate_cards" not in insp.get_table_names() and "duty_rule_overrides" not in insp.get_table_names()
        assert "package_kind" not in {c["name"] for c in insp.get_columns("products")}
        upgrade(revision="heads")
        assert "rate_cards" in inspect(db.engine).get_table_names()
        db.engine.dispose()
