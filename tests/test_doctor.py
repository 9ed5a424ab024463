"""``flask doctor`` names what a deployment lacks, in plain words, and passes a complete configuration."""

from storefront.doctor import diagnose
from tests.conftest import make_app


def _levels(app):
    return {(f.level, f.topic) for f in diagnose(app)}


def _texts(app, level):
    return " ".join(f.text for f in diagnose(app) if f.level == level)


def test_development_defaults_are_reported_as_errors(tmp_path):
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'd.sqlite3'}", SECRET_KEY_IS_EPHEMERAL=True,
                   PUBLIC_BASE_URL="", STRIPE_API_BASE="https://api.stripe.com",
                   STRIPE_SECRET_KEY="sk_live_abc", STRIPE_WEBHOOK_SECRET="whsec_localstripe_dev",
                   CEB_XSD_DIR=str(tmp_path / "missing"), CLEARANCE_TRANSPORT="folder", CLEARANCE_SIGNER="none")
    errors = _texts(app, "error")
    assert "SECRET_KEY is not set" in errors
    assert "PUBLIC_BASE_URL is empty" in errors
    assert "STRIPE_WEBHOOK_SECRET" in errors
    assert "CEB_XSD_DIR" in errors
    assert "CLEARANCE_SIGNER is 'none'" in errors


def test_complete_production_configuration_has_no_errors(tmp_path):
    xsd = tmp_path / "xsd"
    xsd.mkdir()
    (xsd / "ceb.xsd").write_text("<schema/>")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    key.write_text("k")
    cert.write_text("c")
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'd.sqlite3'}", SECRET_KEY="x" * 40,
                   SECRET_KEY_IS_EPHEMERAL=False, PUBLIC_BASE_URL="https://shop.example.cn",
                   SESSION_COOKIE_SECURE=True, STRIPE_API_BASE="https://api.stripe.com",
                   STRIPE_SECRET_KEY="sk_live_abc", STRIPE_PUBLISHABLE_KEY="pk_live_abc",
                   STRIPE_WEBHOOK_SECRET="whsec_real", CEB_XSD_DIR=str(xsd), CLEARANCE_TRANSPORT="folder",
                   CLEARANCE_SIGNER="sm2", CLEARANCE_SIGN_KEY=str(key), CLEARANCE_SIGN_CERT=str(cert),
                   CLEARANCE_EBP_CODE="912102001234567890", CLEARANCE_DXP_ID="DXPENT0000012345",
                   CLEARANCE_LOGISTICS_CODE="912102009876543210", MAIL_BACKEND="smtp", SMTP_HOST="smtp.example.cn")
    assert _texts(app, "error") == ""
    assert ("ok", "payments") in _levels(app)


def test_cli_exits_non_zero_on_errors(tmp_path):
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'd.sqlite3'}", SECRET_KEY_IS_EPHEMERAL=True)
    result = app.test_cli_runner().invoke(args=["doctor"])
    assert result.exit_code == 1
    assert "SECRET_KEY is not set" in result.output
    assert "error(s)" in result.output
