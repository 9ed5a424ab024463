"""The dependency audit (``tasks.py audit``, run by .ci/run): fails on a known vulnerability with a fix,
lists those without one, and fails when nothing could be checked."""

import tasks


def test_fixable_vulnerability_fails():
    report = {
        "dependencies": [
            {"name": "flask", "version": "3.1.0", "vulns": [{"id": "GHSA-x", "fix_versions": ["3.1.1"]}]},
            {"name": "jinja2", "version": "3.1.6", "vulns": []},
        ]
    }
    status, lines = tasks.audit_verdict(report)
    assert status == 1 and any("VULNERABLE" in line and "GHSA-x" in line for line in lines)


def test_vulnerability_without_a_fix_is_reported_not_fatal():
    report = {
        "dependencies": [{"name": "lxml", "version": "5.0", "vulns": [{"id": "PYSEC-1", "fix_versions": []}]}]
    }
    status, lines = tasks.audit_verdict(report)
    assert status == 0 and any("no fix yet" in line for line in lines)


def test_an_audit_that_checked_nothing_fails():
    report = {"dependencies": [{"name": "flask", "version": "3.1.0", "skip_reason": "not found"}]}
    assert tasks.audit_verdict(report)[0] == 1
    assert tasks.audit_verdict({"dependencies": [{"name": "a", "version": "1", "vulns": []}]})[0] == 0
