"""The dependency audit (``tasks.py audit``, run by .ci/run): fails on a known vulnerability with a fix,
lists those without one, and warns (fails with AUDIT_STRICT=1) when nothing could be checked."""

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
    report = {"dependencies": [{"name": "lxml", "version": "5.0", "vulns": [{"id": "PYSEC-1", "fix_versions": []}]}]}
    status, lines = tasks.audit_verdict(report)
    assert status == 0 and any("no fix yet" in line for line in lines)


def test_an_audit_that_checked_nothing_warns_and_fails_when_strict():
    report = {"dependencies": [{"name": "flask", "version": "3.1.0", "skip_reason": "not found"}]}
    status, lines = tasks.audit_verdict(report)
    assert status == 0 and any("nothing could be checked" in line for line in lines)
    assert tasks.audit_verdict(report, strict=True)[0] == 1
    assert tasks.audit_verdict({"dependencies": [{"name": "a", "version": "1", "vulns": []}]})[0] == 0


def test_skipped_packages_are_checked_against_the_latest_release_page():
    report = {
        "dependencies": [
            {"name": "flask", "skip_reason": "Dependency not found on PyPI and could not be audited: flask (3.1.0)"},
            {"name": "jinja2", "skip_reason": "Dependency not found on PyPI and could not be audited: jinja2 (3.1.5)"},
        ]
    }
    pages = {
        "flask": {
            "info": {"version": "3.1.0"},
            "vulnerabilities": [{"id": "GHSA-y", "fixed_in": ["3.1.1"]}, {"id": "OLD", "withdrawn": "x"}],
        },
        "jinja2": {"info": {"version": "3.1.6"}, "vulnerabilities": []},
    }
    status, lines = tasks.audit_verdict(tasks.fill_from_project_pages(report, pages.get))
    assert status == 1
    assert any("VULNERABLE" in line and "GHSA-y" in line for line in lines)
    assert not any("OLD" in line for line in lines)
    assert any("not checked: jinja2: installed 3.1.5, latest 3.1.6" in line for line in lines)
