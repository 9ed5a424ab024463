"""Finding 4 — seeding never touches live data; ``tasks.py run`` supervises the web server and every worker
and stops them all (no orphans) on SIGTERM / Ctrl+C or when one of them dies."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.demo.guard import SeedRefused, check_seed_allowed
from storefront.extensions import db

ROOT = Path(__file__).resolve().parent.parent


def test_seed_demo_leaves_a_live_database_alone(runner, make):
    make.rates()
    product = make.product(stock=7)
    product.hidden = True  # moderated away by an operator
    db.session.commit()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0 and "left alone" in result.output
    db.session.expire_all()
    assert (
        db.session.query(Product).count() == 1
        and db.session.query(User).filter(User.email.endswith("@demo.kuajing.example")).count() == 0
    )
    assert db.session.get(Product, product.id).stock == 7 and db.session.get(Product, product.id).hidden


def test_reset_demo_is_refused_when_real_orders_exist(ctx, make):
    make.rates()
    p = make.product()
    make.order([(p, 1)], email="customer@example.ru")
    db.session.commit()
    with pytest.raises(SeedRefused):
        check_seed_allowed(reset_demo=True)
    assert check_seed_allowed(reset_demo=False) is False


def test_reset_demo_cli_refuses_with_real_orders(runner, make):
    make.rates()
    p = make.product()
    make.order([(p, 1)], email="customer@example.ru")
    db.session.commit()
    result = runner.invoke(args=["seed-demo", "--reset-demo"])
    assert result.exit_code != 0 and "real (non-demo) orders" in result.output


def test_empty_database_is_seeded(ctx):
    assert check_seed_allowed(reset_demo=False) is True


_SUPERVISED = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    import tasks
    s = tasks.Supervisor(grace=1)
    sleeper = [sys.executable, "-c", "import time; time.sleep(600)"]
    stubborn = [sys.executable, "-c",
                "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                "print('ready', flush=True); "
                "time.sleep(600)"]
    quitter = [sys.executable, "-c", "import sys; sys.stdin.readline(); sys.exit(3)"]
    parent = [sys.executable, "-c",
              "import subprocess, sys, time; "
              "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)']); "
              "print('ready', child.pid, flush=True); time.sleep(600)"]
    procs = [s.start("web", sleeper), s.start("worker", {second}), s.start("stripe", sleeper)]
    print("pids", " ".join(str(p.pid) for p in procs), flush=True)
    sys.exit(s.wait())
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


def _supervise(second: str, ready: bool = False):
    """Start the supervisor script; its children's pids (and the 'ready' line's words when ``ready``)."""
    code = _SUPERVISED.format(root=str(ROOT), second=second)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    lines = {}
    while "pids" not in lines or (ready and "ready" not in lines):  # the two lines come in either order
        words = proc.stdout.readline().split()
        assert words, "the supervisor script ended early"
        lines[words[0]] = words[1:]
    pids = [int(x) for x in lines["pids"]]
    assert len(pids) == 3 and all(_alive(pid) for pid in pids)
    return proc, pids, lines.get("ready")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_supervisor_stops_every_process_on_a_signal(sig):
    # one child ignores SIGTERM: it gets SIGKILL after the grace period
    proc, pids, _ready = _supervise("stubborn", ready=True)
    proc.send_signal(sig)
    with proc:
        assert proc.wait(timeout=30) == 0
    assert not any(_alive(pid) for pid in pids)


def test_supervisor_stops_what_a_process_started_itself():
    proc, pids, (grandchild,) = _supervise("parent", ready=True)  # like the reloader child of `flask run --debug`
    assert _alive(int(grandchild))
    proc.send_signal(signal.SIGTERM)
    with proc:
        assert proc.wait(timeout=30) == 0
    assert not any(_alive(pid) for pid in [*pids, int(grandchild)])


def test_supervisor_stops_the_others_when_one_dies():
    proc, pids, _ready = _supervise("quitter")
    proc.stdin.write("bye\n")
    proc.stdin.flush()
    with proc:
        assert proc.wait(timeout=30) == 3
    assert not any(_alive(pid) for pid in pids)


def test_a_real_service_order_also_blocks_the_reset(ctx, make):
    from services_market import orders
    from storefront.demo.guard import real_order_count

    make.rates()
    make.product()
    db.session.commit()
    assert real_order_count() == 0
    package = make.service_package(make.service_provider())
    merchant = make.merchant()
    orders.place_order(merchant.owner, merchant, package, "basic", "Real work", [], None)
    db.session.flush()
    assert real_order_count() == 1
