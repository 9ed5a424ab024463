"""Search must use Whoosh only through public names, so that a Whoosh upgrade cannot silently break it."""

import ast
from pathlib import Path

import pytest

SEARCH = Path(__file__).resolve().parent.parent / "storefront" / "search"


def _private_uses(path: Path) -> list[str]:
    """Attributes with a leading underscore read from anything but ``self``/``cls``, and private imports."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            if any(part.startswith("_") for part in (node.module or "").split(".")):
                found.append(f"{path.name}:{node.lineno} {node.module}")
            found += [f"{path.name}:{node.lineno} {a.name}" for a in node.names if a.name.startswith("_")]
    return found


#: The modules that talk to Whoosh (the rest of the package only uses the engine-neutral interface).
WHOOSH_MODULES = sorted(
    p for p in SEARCH.glob("*.py") if "import whoosh" in p.read_text() or "from whoosh" in p.read_text()
)


def test_whoosh_modules_found():
    assert len(WHOOSH_MODULES) >= 4


@pytest.mark.parametrize("path", WHOOSH_MODULES, ids=lambda p: p.name)
def test_no_private_whoosh_names(path):
    assert _private_uses(path) == []


def test_the_check_finds_private_names(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from whoosh.codec import _x\ndef f(matcher):\n    return matcher._ids\n")
    assert len(_private_uses(sample)) == 2
