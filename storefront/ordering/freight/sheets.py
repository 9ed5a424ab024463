"""Rate cards as spreadsheets (CSV/XLSX), read with the catalogue import's safety checks: one row per weight
break, rows of the same mode, zones, origin and crossing make one lane; amounts in yuan (CNY)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from storefront.catalog import spreadsheet as sheets
from storefront.core.money import parse_amount

#: Columns of a rate-card sheet, with the help shown on the upload page.
COLUMNS: dict[str, object] = {
    "mode": _l("parcel, express, air, sea_lcl, sea_fcl20, sea_fcl40, rail or road"),
    "zones": _l("Destination zones separated by spaces: KR RU MN KZ EU US ROW"),
    "origin": _l("Departure city, e.g. Dalian or Yingkou"),
    "via": _l("Border crossing, e.g. Manzhouli, Suifenhe, Erenhot (may be empty)"),
    "days_min": _l("Fastest transit, days"),
    "days_max": _l("Slowest transit, days"),
    "from_kg": _l("Weight break: from this chargeable weight (kg)"),
    "to_kg": _l("Weight break: up to this weight (kg); 0 or empty = and above"),
    "rate": _l("Yuan per chargeable kg in this break"),
    "min_charge": _l("Least freight for the lane, yuan"),
    "fixed_charge": _l("Added once per shipment (documents, terminal), yuan"),
    "first_parcel": _l("Parcels: yuan for the first weight step"),
    "next_step": _l("Parcels: yuan for each further step"),
    "step_g": _l("Parcels: the weight step in grams (default 500)"),
    "container": _l("Full containers: yuan per container"),
}
LAYOUT = sheets.Layout(frozenset(COLUMNS), "mode", None)
_MONEY = {
    "rate": None,
    "min_charge": "min_fen",
    "fixed_charge": "fixed_fen",
    "first_parcel": "first_fen",
    "next_step": "next_fen",
    "container": "container_fen",
}


def _whole(text: str) -> int:
    cleaned = text.strip().replace(",", "").replace(" ", "")
    if not cleaned:
        return 0
    if not cleaned.isdigit() or len(cleaned) > 9:
        raise ValueError(text)
    return int(cleaned)


def read_lanes(data: bytes, fmt: str) -> tuple[list[dict], list[int], list[tuple[int, str, object]]]:
    """(lanes as raw dicts for ``rates.parse_card``, the first row of each lane, problems (row, column, msg))."""
    sheet = sheets.read(data, fmt, LAYOUT)
    errors = list(sheet.errors)
    lanes: dict[tuple, dict] = {}
    first_rows: dict[tuple, int] = {}
    for number, values in sheet.rows:
        key = tuple(values.get(k, "").strip() for k in ("mode", "zones", "origin", "via"))
        lane = lanes.get(key)
        if lane is None:
            lane = {
                "mode": key[0],
                "zones": key[1].upper().replace(",", " ").split(),
                "origin": key[2],
                "via": key[3],
                "breaks": [],
            }
            try:
                lane["days"] = [_whole(values.get("days_min", "")), _whole(values.get("days_max", ""))]
                lane["step_g"] = _whole(values.get("step_g", "")) or 500
            except ValueError:
                errors.append((number, "days_min", _l("Enter a whole number.")))
            for column, field in _MONEY.items():
                if field is None:
                    continue
                try:
                    lane[field] = parse_amount(values.get(column, "") or "0", "CNY") or 0
                except ValueError:
                    errors.append((number, column, _l("Enter an amount in yuan, for example 12.50.")))
            lanes[key], first_rows[key] = lane, number
        if values.get("rate", "").strip():
            try:
                start, end = _whole(values.get("from_kg", "")), _whole(values.get("to_kg", ""))
                rate = parse_amount(values["rate"], "CNY") or 0
            except ValueError:
                errors.append((number, "rate", _l("Enter an amount in yuan, for example 12.50.")))
                continue
            lane["breaks"].append([start, end, rate])
    if not sheet.rows and not errors:
        errors.append((0, "", _l("The file has no rate rows.")))
    return list(lanes.values()), list(first_rows.values()), errors
