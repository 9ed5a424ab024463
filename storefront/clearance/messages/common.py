"""Shared message plumbing: namespace, guids, exact decimal and time formatting, root and BaseTransfer."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lxml import etree

from storefront.clearance.messages.data import Transfer

NS = "http://www.chinaport.gov.cn/ceb"
NSMAP = {"ceb": NS}
VERSION = "1.0"
# Customs times are Beijing time; naive datetimes are taken to be Beijing time already.
CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")
# Every N19,5 field of the 2022 XSD: xs:decimal totalDigits=19 fractionDigits=5.
FRACTION_DIGITS = 5
TOTAL_DIGITS = 19
APP_TYPES = frozenset({"1", "2", "3"})
APP_STATUSES = frozenset({"1", "2"})

_GUID_RE = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")

Value = str | int | Decimal | None
Field = tuple[str, Value]


def qname(name: str) -> str:
    """Return the Clark name of a CEB element."""
    return f"{{{NS}}}{name}"


def new_guid() -> str:
    """Return a fresh 36-character upper-case UUID for message and document guids."""
    return str(uuid.uuid4()).upper()


def check_guid(guid: str | uuid.UUID) -> str:
    """Normalise a guid to 36 upper-case characters, rejecting anything that is not a UUID."""
    text = str(guid).upper()
    if not _GUID_RE.match(text):
        raise ValueError(f"guid must be a 36-character UUID, got {guid!r}")
    return text


def fmt_decimal(value: Decimal | int, places: int = FRACTION_DIGITS, total_digits: int = TOTAL_DIGITS) -> str:
    """Render a Decimal exactly (rounded half-up to ``places``), without exponent or trailing zeros."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"amounts and quantities must be Decimal or int, got {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    try:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    except InvalidOperation as exc:
        raise ValueError(f"number out of range: {value!r}") from exc
    if number.is_zero():
        return "0"
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    if len(digits) + max(exponent, 0) > total_digits:
        raise ValueError(f"{value!r} has more than {total_digits} digits")
    return format(number, "f")


def china_time(moment: datetime) -> datetime:
    """Convert an aware datetime to Beijing time; naive datetimes are returned unchanged."""
    return moment if moment.tzinfo is None else moment.astimezone(CHINA_TZ)


def now() -> datetime:
    """Return the current Beijing time (aware)."""
    return datetime.now(CHINA_TZ)


def fmt_time(moment: datetime) -> str:
    """Format as ``yyyyMMddHHmmss`` (appTime, leaveTime, accountingDate …) in Beijing time."""
    return china_time(moment).strftime("%Y%m%d%H%M%S")


def fmt_time_ms(moment: datetime) -> str:
    """Format as ``yyyyMMddHHmmssfff`` (returnTime, opDate) in Beijing time."""
    local = china_time(moment)
    return local.strftime("%Y%m%d%H%M%S") + f"{local.microsecond // 1000:03d}"


def fmt_date(day: date) -> str:
    """Format as ``yyyyMMdd`` (ieDate)."""
    return day.strftime("%Y%m%d")


def parse_time(text: str) -> datetime:
    """Parse ``yyyyMMddHHmmss`` or ``yyyyMMddHHmmssfff`` into an aware Beijing datetime."""
    text = text.strip()
    if len(text) not in (14, 17) or not text.isdigit():
        raise ValueError(f"expected yyyyMMddHHmmss[fff], got {text!r}")
    moment = datetime.strptime(text[:14], "%Y%m%d%H%M%S").replace(tzinfo=CHINA_TZ)
    if len(text) == 17:
        moment = moment.replace(microsecond=int(text[14:]) * 1000)
    return moment


def text_of(value: Value) -> str:
    """Return the XML text of a field value (Decimal rendered exactly, int as is)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return fmt_decimal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"unsupported field value {value!r}; format dates and times explicitly")


def add_fields(parent: etree._Element, fields: Iterable[Field]) -> None:
    """Append ``<ceb:name>value</ceb:name>`` children in order, skipping ``None`` (optional) values."""
    for name, value in fields:
        if value is not None:
            etree.SubElement(parent, qname(name)).text = text_of(value)


def add_node(parent: etree._Element, name: str, fields: Iterable[Field]) -> etree._Element:
    """Append a ``<ceb:name>`` node filled with ``fields`` and return it."""
    node = etree.SubElement(parent, qname(name))
    add_fields(node, fields)
    return node


def head_fields(guid: str, app_type: str, app_time: datetime | None, app_status: str) -> list[Field]:
    """Return the guid/appType/appTime/appStatus fields that open every business head."""
    if app_type not in APP_TYPES:
        raise ValueError(f"appType must be 1 (new), 2 (change) or 3 (delete), got {app_type!r}")
    if app_status not in APP_STATUSES:
        raise ValueError(f"appStatus must be 1 (draft) or 2 (declare), got {app_status!r}")
    return [
        ("guid", guid),
        ("appType", app_type),
        ("appTime", fmt_time(app_time or now())),
        ("appStatus", app_status),
    ]


def message_root(kind: str, guid: str, version: str = VERSION) -> etree._Element:
    """Create ``<ceb:{kind}Message guid=… version=…>``."""
    root = etree.Element(qname(f"{kind}Message"), nsmap=NSMAP)
    root.set("guid", check_guid(guid))
    root.set("version", version)
    return root


def transfer_fields(transfer: Transfer) -> list[Field]:
    """Return the BaseTransfer fields."""
    return [
        ("copCode", transfer.cop_code),
        ("copName", transfer.cop_name),
        ("dxpMode", transfer.dxp_mode),
        ("dxpId", transfer.dxp_id),
        ("note", transfer.note),
    ]


XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def serialize(root: etree._Element) -> bytes:
    """Serialise a message as a UTF-8 document with an XML declaration (as in the official samples)."""
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8")


@dataclass(frozen=True)
class Meta:
    """What a message carries besides its document: the message guid (36 upper-case characters), the sending
    party's BaseTransfer, appType (1 new, 2 change, 3 delete), appTime (Beijing time; now when None), appStatus
    (1 draft, 2 declare) and the schema version. Checked when made, so a bad value never reaches a builder."""

    guid: str
    transfer: Transfer | None
    app_type: str = "1"
    app_time: datetime | None = None
    app_status: str = "2"
    version: str = VERSION

    def __post_init__(self) -> None:
        object.__setattr__(self, "guid", check_guid(self.guid))
        head_fields(self.guid, self.app_type, self.app_time, self.app_status)  # raises on a bad appType/appStatus

    def head(self) -> list[Field]:
        """The guid/appType/appTime/appStatus fields that open every business head."""
        return head_fields(self.guid, self.app_type, self.app_time, self.app_status)


def build_message(kind: str, meta: Meta, fill: Callable[[etree._Element], object]) -> bytes:
    """Build a whole message: root, business node(s) written by ``fill``, BaseTransfer (if any)."""
    root = message_root(kind, meta.guid, meta.version)
    fill(root)
    if meta.transfer is not None:
        add_node(root, "BaseTransfer", transfer_fields(meta.transfer))
    return serialize(root)


def build_single(kind: str, meta: Meta, element: str, fields: list[Field]) -> bytes:
    """Build a message whose business part is one flat element (receipts, waybill, cancellation)."""
    return build_message(kind, meta, lambda root: add_node(root, element, fields))
