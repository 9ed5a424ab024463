#!/usr/bin/env python3
"""Account-enumeration timing: known vs unknown e-mail on sign-in, registration and password reset.

    .venv/bin/python bench/enumeration.py                  # production hashing (scrypt), 15 requests per case
    .venv/bin/python bench/enumeration.py --rounds 40 --method pbkdf2:sha256:600000

Runs the real views through Flask's test client (no network) on a throw-away SQLite database with one account,
CSRF and rate limits off, and prints the median and spread per case and the known/unknown ratio. Both paths do
one password hash each (a dummy one on the unknown path), so the ratio should stay close to 1.0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _app(tmp: Path, method: str):
    from flask_migrate import upgrade

    from storefront.accounts import operations as ops
    from storefront.app import create_app
    from storefront.extensions import db

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "DATA_DIR": str(tmp),
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "PASSWORD_HASH_METHOD": method,
        }
    )
    with app.app_context():
        upgrade(revision="heads")
        ops.create_user("known@example.com", "the-right-password", name="Known")
        db.session.commit()
    return app


def _time(call, rounds: int) -> list[float]:
    call()  # warm-up (imports, template compilation)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--method", default="scrypt", help="PASSWORD_HASH_METHOD (default: production scrypt)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = _app(Path(tmp), args.method)
        client = app.test_client()
        counter = iter(range(10**9))

        def login(email):
            data = {"email": email, "password": "wrong-password-1"}
            return lambda: client.post("/en/account/login", data=data)

        def register(email=None):
            def call():
                address = email or f"new{next(counter)}@example.com"
                secret = "a-long-new-password"
                client.post(
                    "/en/account/register",
                    data={
                        "name": "N",
                        "email": address,
                        "password": secret,
                        "confirm": secret,
                        "role": "buyer",
                    },
                )
                client.post("/en/account/logout")

            return call

        def reset(email):
            return lambda: client.post("/en/account/reset", data={"email": email})

        cases = [
            (
                "sign-in, wrong password",
                login("known@example.com"),
                "sign-in, unknown e-mail",
                login("nobody@example.com"),
            ),
            ("register, taken e-mail", register("known@example.com"), "register, new e-mail", register()),
            (
                "reset, known e-mail",
                reset("known@example.com"),
                "reset, unknown e-mail",
                reset("nobody@example.com"),
            ),
        ]
        print(f"hash method {args.method}, {args.rounds} requests per case (median ± stdev, ms)")
        for known_name, known, unknown_name, unknown in cases:
            a, b = _time(known, args.rounds), _time(unknown, args.rounds)
            ma, mb = statistics.median(a), statistics.median(b)
            print(
                f"  {known_name:26} {ma:8.1f} ± {statistics.pstdev(a):5.1f}   "
                f"{unknown_name:26} {mb:8.1f} ± {statistics.pstdev(b):5.1f}   ratio {ma / mb:5.2f}"
            )


if __name__ == "__main__":
    main()
