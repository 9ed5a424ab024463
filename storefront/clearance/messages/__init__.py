"""CEB export message builders (303/403/505/603/605/607/509/701), their input dataclasses, and receipt parsers."""

from storefront.clearance.messages.common import Meta, new_guid
from storefront.clearance.messages.data import (
    Company,
    Declaration,
    DepartureData,
    InvtCancelData,
    OrderData,
    OrderLine,
    Party,
    Payment,
    Shipment,
    SummaryApplyData,
    Transfer,
    WayBillData,
)
from storefront.clearance.messages.declarations import (
    build_ceb509,
    build_ceb603,
    build_ceb605,
    build_ceb607,
    build_ceb701,
)
from storefront.clearance.messages.orders import build_ceb303, build_ceb403, build_ceb505

__all__ = [
    "Company",
    "Declaration",
    "DepartureData",
    "InvtCancelData",
    "Meta",
    "OrderData",
    "OrderLine",
    "Party",
    "Payment",
    "Shipment",
    "SummaryApplyData",
    "Transfer",
    "WayBillData",
    "build_ceb303",
    "build_ceb403",
    "build_ceb505",
    "build_ceb509",
    "build_ceb603",
    "build_ceb605",
    "build_ceb607",
    "build_ceb701",
    "new_guid",
]
