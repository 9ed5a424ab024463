"""``doctor`` names what a deployment lacks, in plain words, and passes a complete configuration."""

import subprocess
import sys

from storefront.config import ROOT, load_config
from storefront.doctor import diagnose
from tests.fixtures import make_app


def _texts(config, level):
    return " ".join(f.text for f in diagnose(config) if f.level == level)


def test_development_defaults_are_reported_as_errors(tmp_path):
    config = load_config(
        {
            "DATA_DIR": str(tmp_path),
            "STRIPE_SECRET_KEY": "sk_live_abc",
            "CEB_XSD_DIR": str(tmp_path / "missing"),
            "CLEARANCE_TRANSPORT": "folder",
            "CLEARANCE_SIGNER": "none",
        }
    )
    errors = _texts(config, "error")
    assert "SECRET_KEY is not set" in errors
    assert "PUBLIC_BASE_URL is http://127.0.0.1:5000 (the development default)" in errors
    assert "STRIPE_WEBHOOK_SECRET" in errors
    assert "CEB_XSD_DIR" in errors
    assert "CLEARANCE_SIGNER is 'none'" in errors
    demo_key = load_config({"DATA_DIR": str(tmp_path), "CLEARANCE_TRANSPORT": "folder", "CLEARANCE_SIGNER": "sm2"})
    assert "generated demo key pair" in _texts(demo_key, "error")


def test_complete_production_configuration_has_no_errors(tmp_path):
    xsd = tmp_path / "xsd"
    xsd.mkdir()
    (xsd / "ceb.xsd").write_text("<schema/>")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    key.write_text("k")
    cert.write_text("c")
    config = load_config(
        {
            "DATA_DIR": str(tmp_path),
            "SECRET_KEY": "x" * 40,
            "PUBLIC_BASE_URL": "https://shop.example.cn",
            "SESSION_COOKIE_SECURE": "1",
            "STRIPE_SECRET_KEY": "sk_live_abc",
            "STRIPE_PUBLISHABLE_KEY": "pk_live_abc",
            "STRIPE_WEBHOOK_SECRET": "whsec_real",
            "CEB_XSD_DIR": str(xsd),
            "CLEARANCE_TRANSPORT": "folder",
            "CLEARANCE_SIGNER": "sm2",
            "CLEARANCE_SIGN_KEY": str(key),
            "CLEARANCE_SIGN_CERT": str(cert),
            "CLEARANCE_EBP_CODE": "912102001234567890",
            "CLEARANCE_DXP_ID": "DXPENT0000012345",
            "CLEARANCE_LOGISTICS_CODE": "912102009876543210",
            "SMTP_HOST": "smtp.example.cn",
            "MAIL_FROM": "Shop <shop@example.cn>",
        }
    )
    assert _texts(config, "error") == ""
    assert any(f.level == "ok" and f.topic == "payments" for f in diagnose(config))


def test_flask_command_exits_non_zero_on_errors(tmp_path):
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'd.sqlite3'}", SECRET_KEY_IS_EPHEMERAL=True)
    result = app.test_cli_runner().invoke(args=["doctor"])
    assert result.exit_code == 1
    assert "SECRET_KEY is not set" in result.output


def _run_module(tmp_path, **settings) -> subprocess.CompletedProcess:
    """``python -m storefront.doctor`` in a clean environment holding only these settings."""
    env = {"PATH": "/usr/bin:/bin", "DATA_DIR": str(tmp_path), **settings}
    return subprocess.run(
        [sys.executable, "-m", "storefront.doctor"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_module_runs_when_the_app_would_refuse_to_start(tmp_path):
    done = _run_module(tmp_path, STRIPE_SECRET_KEY="sk_live_abc")
    assert done.returncode == 1
    assert "STRIPE_WEBHOOK_SECRET" in done.stdout


def test_module_names_a_setting_that_cannot_be_read(tmp_path):
    done = _run_module(tmp_path, SEARCH_FOLLOWER="1")
    assert done.returncode == 1
    assert "ERROR  settings: SEARCH_FOLLOWER is no longer read: set SEARCH_INDEX_WRITES=follower" in done.stdout
    assert "Traceback" not in done.stderr


def test_more_request_threads_than_the_pool_can_serve_is_a_warning(tmp_path):
    base = {"DATA_DIR": str(tmp_path), "DATABASE_URL": "postgresql+psycopg://kj@db/kuajing"}
    crowded = load_config({**base, "GUNICORN_THREADS": "16"})
    assert "GUNICORN_THREADS=16: each worker needs up to 18 database connections at once" in _texts(crowded, "warning")
    assert "DB_POOL_SIZE + DB_MAX_OVERFLOW is 10" in _texts(crowded, "warning")
    roomy = load_config({**base, "GUNICORN_THREADS": "16", "DB_MAX_OVERFLOW": "13"})
    assert "database pool" not in " ".join(f.topic for f in diagnose(roomy) if f.level == "warning")
    assert "18 connections per worker for 16 request thread(s)" in _texts(roomy, "ok")
    assert "memory://: each worker counts" in _texts(load_config({"DATA_DIR": str(tmp_path)}), "warning")
