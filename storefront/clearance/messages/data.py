"""Plain frozen dataclasses the message builders read; the ORM layer fills them, nothing here touches a DB."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from storefront.clearance import codes

_GCODE_RE = re.compile(r"^\d{10}$")
_OFFICE_RE = re.compile(r"^\d{4}$")
ORDER_TYPES = frozenset({"E", "B", "W"})  # E = B2C export, B = B2B export, W = overseas-warehouse booking
STATISTICS_FLAGS = frozenset({"A", "B"})  # A = simplified declaration, B = summary declaration
MAX_LINES = 100  # OrderList / InventoryList maxOccurs


def _decimal(owner: object, name: str, *, optional: bool = False, positive: bool = False) -> None:
    """Coerce an int field to Decimal in place; reject floats and other types."""
    value = getattr(owner, name)
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"{type(owner).__name__}.{name} must be Decimal, got {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite() or number < 0 or (positive and number == 0):
        raise ValueError(f"{type(owner).__name__}.{name} must be {'> 0' if positive else '>= 0'}: {value!r}")
    object.__setattr__(owner, name, number)


def _text(owner: object, name: str, max_len: int, *, optional: bool = False) -> None:
    value = getattr(owner, name)
    if value is None and optional:
        return
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise ValueError(f"{type(owner).__name__}.{name} must be 1..{max_len} characters: {value!r}")


def _office(owner: object, name: str) -> None:
    value = getattr(owner, name)
    if not isinstance(value, str) or not _OFFICE_RE.match(value):
        raise ValueError(f"{type(owner).__name__}.{name} must be a 4-digit customs office code: {value!r}")


@dataclass(frozen=True, slots=True)
class Company:
    """A registered party: customs registration code (10 chars) or USCC (18 chars), and its name."""

    code: str
    name: str

    def __post_init__(self) -> None:
        _text(self, "code", 18)
        _text(self, "name", 100)


Party = Company


@dataclass(frozen=True, slots=True)
class Transfer:
    """BaseTransfer: the enterprise whose e-port client transmits the message."""

    cop_code: str
    cop_name: str
    dxp_id: str
    dxp_mode: str = "DXP"
    note: str | None = None

    def __post_init__(self) -> None:
        _text(self, "cop_code", 18)
        _text(self, "cop_name", 100)
        _text(self, "dxp_id", 30)


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One goods line; the same data feeds the order (CEB303) and the inventory list (CEB603)."""

    gnum: int
    item_no: str  # the list allows 20 characters (the order 30), so 20 is enforced
    item_name: str  # company item name; after summary declaration it is the tax-rebate name
    gcode: str  # 10-digit Chinese tariff code
    gmodel: str  # specification/model (规格型号)
    qty: Decimal
    unit: str  # customs unit code of the declared quantity
    qty1: Decimal  # quantity in the legal first unit
    unit1: str
    price: Decimal
    total: Decimal | None = None  # defaults to qty × price, computed exactly
    qty2: Decimal | None = None  # legal second unit, when the tariff line has one
    unit2: str | None = None
    gname: str | None = None  # goods name on the list; defaults to item_name
    bar_code: str | None = None  # the list sends "无" when there is none
    item_describe: str | None = None
    item_record_no: str | None = None  # bonded (1210) mode only
    note: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.gnum, bool) or not isinstance(self.gnum, int) or not 1 <= self.gnum <= 99999:
            raise ValueError(f"OrderLine.gnum must be 1..99999: {self.gnum!r}")
        _text(self, "item_no", 20)
        _text(self, "item_name", 250)
        _text(self, "gmodel", 250)
        _text(self, "gname", 250, optional=True)
        if not isinstance(self.gcode, str) or not _GCODE_RE.match(self.gcode):
            raise ValueError(f"OrderLine.gcode must be exactly 10 digits: {self.gcode!r}")
        _decimal(self, "qty", positive=True)
        _decimal(self, "qty1", positive=True)
        _decimal(self, "price")
        _decimal(self, "qty2", optional=True, positive=True)
        if self.total is None:
            object.__setattr__(self, "total", self.qty * self.price)
        _decimal(self, "total")
        if (self.qty2 is None) != (self.unit2 is None):
            raise ValueError("OrderLine.qty2 and unit2 must be given together")
        for unit in (self.unit, self.unit1, self.unit2):
            if unit is not None:
                codes.unit_name(unit)

    @property
    def list_name(self) -> str:
        """Return the goods name used on the inventory list."""
        return self.gname or self.item_name


@dataclass(frozen=True, slots=True)
class Payment:
    """Payment received for the order (CEB403 收款单); the currency is the order's."""

    pay_name: str  # payment enterprise name, "现金支付" when not paid online
    charge: Decimal
    accounting_time: datetime  # 到账时间
    pay_code: str | None = None  # required for domestic payment enterprises
    pay_no: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _text(self, "pay_name", 100)
        _text(self, "pay_code", 18, optional=True)
        _text(self, "pay_no", 60, optional=True)
        _decimal(self, "charge")


@dataclass(frozen=True, slots=True)
class Shipment:
    """Waybill and transport data (CEB505, CEB603); weights in kilograms."""

    logistics: Company
    logistics_no: str  # waybill (parcel label) number, unique per carrier for 6 months
    traf_mode: str  # customs transport mode code
    gross_weight: Decimal
    net_weight: Decimal
    freight: Decimal = Decimal(0)
    insured_fee: Decimal = Decimal(0)
    pack_no: int = 1
    wrap_type: str = "2"  # carton
    goods_info: str | None = None  # defaults to the goods names
    traf_name: str | None = None
    voyage_no: str | None = None
    bill_no: str | None = None
    total_package_no: str | None = None
    ebc_telephone: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _text(self, "logistics_no", 32)
        codes.transport_mode(self.traf_mode)
        codes.wrap_type(self.wrap_type)
        # Zero is XSD-valid; customs (and the simulator) refuse it with a reason the merchant sees.
        for name in ("gross_weight", "net_weight"):
            _decimal(self, name)
        _decimal(self, "freight")
        _decimal(self, "insured_fee")
        if self.net_weight > self.gross_weight:
            raise ValueError("Shipment.net_weight cannot exceed gross_weight")
        if isinstance(self.pack_no, bool) or not isinstance(self.pack_no, int) or self.pack_no < 1:
            raise ValueError(f"Shipment.pack_no must be a positive int: {self.pack_no!r}")


@dataclass(frozen=True, slots=True)
class Declaration:
    """Customs data of the export inventory list (CEB603)."""

    customs_code: str  # 申报地海关
    port_code: str  # 出口口岸 (customs office where goods leave China)
    ie_date: date
    cop_no: str  # enterprise number of the list, unique
    agent: Company  # 申报企业
    pod: str  # 指运港 (3..4 chars); the final port, or the best known one
    trade_mode: str = "9610"
    statistics_flag: str = "B"
    owner: Company | None = None  # 生产销售单位, defaults to the e-commerce enterprise
    pre_no: str | None = None
    invt_no: str | None = None  # set when changing a list customs already numbered
    loct_no: str | None = None
    license_no: str | None = None
    iac: Company | None = None  # special-zone warehouse enterprise (1210)
    ems_no: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _office(self, "customs_code")
        _office(self, "port_code")
        _text(self, "cop_no", 30)
        if not isinstance(self.pod, str) or not 3 <= len(self.pod) <= 4:
            raise ValueError(f"Declaration.pod must be 3..4 characters: {self.pod!r}")
        codes.trade_mode(self.trade_mode)
        if self.statistics_flag not in STATISTICS_FLAGS:
            raise ValueError(f"Declaration.statistics_flag must be A or B: {self.statistics_flag!r}")


@dataclass(frozen=True, slots=True)
class OrderData:
    """An export order with everything the 303/403/505/603 builders need (parts may be filled later)."""

    order_no: str
    ebp: Company  # e-commerce platform
    ebc: Company  # e-commerce enterprise = shipper (收发货人) of the list
    destination: str  # ISO alpha-2 of the country of arrival / final destination
    currency: str  # ISO 4217
    lines: tuple[OrderLine, ...]
    order_type: str = "E"
    freight: Decimal = Decimal(0)  # 运杂费 on the order
    payment: Payment | None = None
    shipment: Shipment | None = None
    declaration: Declaration | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _text(self, "order_no", 60)
        object.__setattr__(self, "lines", tuple(self.lines))
        if not 1 <= len(self.lines) <= MAX_LINES:
            raise ValueError(f"an order needs 1..{MAX_LINES} lines, got {len(self.lines)}")
        if [line.gnum for line in self.lines] != list(range(1, len(self.lines) + 1)):
            raise ValueError("OrderLine.gnum must run 1, 2, 3 … in line order")
        if self.order_type not in ORDER_TYPES:
            raise ValueError(f"OrderData.order_type must be E, B or W: {self.order_type!r}")
        codes.country_code(self.destination)
        codes.currency_code(self.currency)
        _decimal(self, "freight")

    @property
    def goods_value(self) -> Decimal:
        """Return the exact sum of the line totals."""
        return sum((line.total for line in self.lines if line.total is not None), Decimal(0))

    def require_payment(self, kind: str) -> Payment:
        """Return the payment, or raise ValueError naming the message that needs it."""
        if self.payment is None:
            raise ValueError(f"order {self.order_no}: {kind} needs order.payment")
        return self.payment

    def require_shipment(self, kind: str) -> Shipment:
        """Return the shipment, or raise ValueError naming the message that needs it."""
        if self.shipment is None:
            raise ValueError(f"order {self.order_no}: {kind} needs order.shipment")
        return self.shipment

    def require_declaration(self, kind: str) -> Declaration:
        """Return the declaration, or raise ValueError naming the message that needs it."""
        if self.declaration is None:
            raise ValueError(f"order {self.order_no}: {kind} needs order.declaration")
        return self.declaration


@dataclass(frozen=True, slots=True)
class DepartureData:
    """Departure (离境单, CEB509) of the parcels of one conveyance."""

    customs_code: str
    cop_no: str
    logistics: Company
    traf_mode: str
    leave_time: datetime
    logistics_nos: tuple[str, ...]
    traf_name: str | None = None
    voyage_no: str | None = None
    bill_no: str | None = None
    total_package_no: str | None = None
    pre_no: str | None = None
    msg_count: int = 1  # "1" when the departure is not split over several messages
    msg_seq_no: int = 1
    note: str | None = None

    def __post_init__(self) -> None:
        _office(self, "customs_code")
        _text(self, "cop_no", 30)
        codes.transport_mode(self.traf_mode)
        object.__setattr__(self, "logistics_nos", tuple(self.logistics_nos))
        if not self.logistics_nos:
            raise ValueError("DepartureData.logistics_nos must not be empty")


@dataclass(frozen=True, slots=True)
class WayBillData:
    """List master bill (清单总分单, CEB607; spec §2.15, table 2-31): the conveyance declared after the lists, with
    the waybills (分单) it carries under one bill of lading / master air waybill (总单)."""

    customs_code: str
    cop_no: str
    agent: Company
    logistics: Company
    traf_mode: str
    traf_name: str
    voyage_no: str
    bill_no: str
    gross_weight: Decimal
    logistics_nos: tuple[str, ...]
    pre_no: str | None = None
    loct_no: str | None = None
    domestic_traf_no: str | None = None
    total_package_no: str | None = None
    msg_count: int = 1  # "未拆分的填 1"
    msg_seq_no: int = 1
    note: str | None = None

    def __post_init__(self) -> None:
        _office(self, "customs_code")
        _text(self, "cop_no", 30)
        _text(self, "traf_name", 100)
        _text(self, "voyage_no", 32)
        _text(self, "bill_no", 37)
        _text(self, "loct_no", 10, optional=True)
        _text(self, "domestic_traf_no", 100, optional=True)
        _text(self, "total_package_no", 60, optional=True)
        codes.transport_mode(self.traf_mode)
        object.__setattr__(self, "logistics_nos", tuple(self.logistics_nos))
        if not self.logistics_nos:
            raise ValueError("WayBillData.logistics_nos must not be empty")
        if any(not isinstance(n, str) or not n or len(n) > 32 for n in self.logistics_nos):
            raise ValueError("WayBillData.logistics_nos must be 1..32 characters each")
        if not isinstance(self.gross_weight, Decimal) or self.gross_weight <= 0:
            raise ValueError(f"WayBillData.gross_weight must be a positive Decimal: {self.gross_weight!r}")


@dataclass(frozen=True, slots=True)
class InvtCancelData:
    """Cancellation of one inventory list (撤销申请单, CEB605)."""

    customs_code: str
    cop_no: str
    invt_no: str
    reason: str
    agent: Company
    ebc: Company
    pre_no: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _office(self, "customs_code")
        _text(self, "cop_no", 30)
        _text(self, "invt_no", 20)
        _text(self, "reason", 1000)


@dataclass(frozen=True, slots=True)
class SummaryApplyData:
    """Summary application (汇总申请单, CEB701): released lists that become one customs declaration."""

    customs_code: str
    cop_no: str
    agent: Company  # 申报单位
    ebc: Company  # 收发货人
    decl_agent: Company  # 报关单位 of the resulting declaration
    invt_nos: tuple[str, ...] = ()
    start_time: datetime | None = None  # a time window replaces the list of invtNo
    end_time: datetime | None = None
    summary_flag: str = "1"  # 1 = by shipper only, 2 = by shipper + producer/seller
    item_name_flag: str = "1"  # 1 = keep the lists' item names (the XSD requires one character)
    loct_no: str | None = None
    pre_no: str | None = None
    sum_no: str | None = None
    msg_count: int = 1
    msg_seq_no: int = 1
    note: str | None = None

    def __post_init__(self) -> None:
        _office(self, "customs_code")
        _text(self, "cop_no", 30)
        object.__setattr__(self, "invt_nos", tuple(self.invt_nos))
        window = (self.start_time, self.end_time)
        if (window[0] is None) != (window[1] is None):
            raise ValueError("SummaryApplyData.start_time and end_time go together")
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise ValueError("SummaryApplyData.end_time must not be before start_time")
        if not self.invt_nos and self.start_time is None:
            raise ValueError("SummaryApplyData needs invt_nos or a start_time/end_time window")
        if self.summary_flag not in {"1", "2"}:
            raise ValueError(f"summary_flag must be 1 or 2: {self.summary_flag!r}")
        if not isinstance(self.item_name_flag, str) or len(self.item_name_flag) != 1:
            raise ValueError("item_name_flag must be exactly one character (XSD length=1)")
