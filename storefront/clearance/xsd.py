"""Load the official CEB export XSD (never copied into the repository) and validate messages with it."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

from lxml import etree

ENV_VAR = "CEB_XSD_DIR"
EXPORT_XSD = "ceb-export-2022.xsd"
#: The client (terminal node) envelope ``dxp:DxpMsg``; the transport XSD includes it under an old file name.
TERMINAL_XSD = "ceb-terminal-2022.xsd"
DSIG_XSD = "xmldsig-core-schema.xsd"

# Serialises use of the cached schemas: an lxml XMLSchema keeps its error log on the object.
_LOCK = threading.Lock()


class XsdNotFound(FileNotFoundError):
    """The directory holding the official CEB XSDs is missing or incomplete."""


class MessageInvalid(ValueError):
    """A message that does not validate against the CEB XSD."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("CEB message does not validate against the XSD:\n" + "\n".join(errors))
        self.errors = errors


class _LocalResolver(etree.Resolver):
    """Resolve schema imports (the XML-DSig schema) from the XSD directory, never from the network."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self._directory = directory

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object | None:
        """Map any URL whose file name exists in the XSD directory onto that local file."""
        name = (system_url or "").replace("\\", "/").rsplit("/", 1)[-1]
        local = self._directory / name
        if name and local.is_file():
            return self.resolve_filename(str(local), context)
        return None


def default_xsd_dir() -> Path:
    """Return the default XSD directory: ``<repo>/../shared/customs/ceb-2022/xsd``."""
    return Path(__file__).resolve().parents[2].parent / "shared/customs/ceb-2022/xsd"


def xsd_dir(directory: str | os.PathLike[str] | None = None) -> Path:
    """Return the XSD directory: the argument, else ``$CEB_XSD_DIR``, else the default."""
    if directory is not None:
        return Path(directory)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else default_xsd_dir()


def xsd_available(directory: str | os.PathLike[str] | None = None) -> bool:
    """Tell whether the export XSD and the XML-DSig schema it imports are present."""
    base = xsd_dir(directory)
    return (base / EXPORT_XSD).is_file() and (base / DSIG_XSD).is_file()


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@lru_cache(maxsize=4)
def _load(directory: Path, name: str = EXPORT_XSD) -> etree.XMLSchema:
    path = directory / name
    if not xsd_available(directory) or not path.is_file():
        raise XsdNotFound(f"CEB XSD directory not found at {directory}; set {ENV_VAR}")
    parser = _safe_parser()
    parser.resolvers.add(_LocalResolver(directory))
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise XsdNotFound(f"cannot load {path}: {exc}") from exc


def load_schema(directory: str | os.PathLike[str] | None = None) -> etree.XMLSchema:
    """Return the (cached) compiled export schema; raises ``XsdNotFound`` when it is absent."""
    return _load(xsd_dir(directory).resolve())


def _format(error: etree._LogEntry) -> str:
    """Render one lxml error-log entry."""
    return f"line {error.line}: {error.message}"


def validate(xml_bytes: bytes, *, directory: str | os.PathLike[str] | None = None) -> list[str]:
    """Validate a message against the export XSD and return the errors (empty list when valid)."""
    schema = load_schema(directory)
    try:
        doc = etree.fromstring(xml_bytes, _safe_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        return [f"not well-formed XML: {exc}"]
    with _LOCK:
        if schema.validate(doc):
            return []
        return [_format(error) for error in schema.error_log]


def validate_envelope(xml_bytes: bytes, *, directory: str | os.PathLike[str] | None = None) -> list[str]:
    """Validate a ``dxp:DxpMsg`` against the terminal XSD and return the errors."""
    schema = _load(xsd_dir(directory).resolve(), TERMINAL_XSD)
    try:
        doc = etree.fromstring(xml_bytes, _safe_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        return [f"not well-formed XML: {exc}"]
    with _LOCK:
        if schema.validate(doc):
            return []
        return [_format(error) for error in schema.error_log]


def assert_valid(xml_bytes: bytes, *, directory: str | os.PathLike[str] | None = None) -> None:
    """Raise ``MessageInvalid`` (with the lxml error log) unless the message validates."""
    errors = validate(xml_bytes, directory=directory)
    if errors:
        raise MessageInvalid(errors)
