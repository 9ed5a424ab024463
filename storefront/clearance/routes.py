"""Clearance pages: the operator's monitor (queue, failures, dead letters, receipts) and the merchant's cases
(correct and resubmit a rejected one) and summary declarations (CSV downloads), scoped to the merchant."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from storefront.accounts.backoffice import merchant_required
from storefront.accounts.models import Merchant, Role
from storefront.catalog import queries as catalog_queries
from storefront.clearance import codes, departures, desk, legal_units, operations, outbox, queries, summary
from storefront.clearance.messages.common import CHINA_TZ
from storefront.clearance.models import ClearanceCase, SummaryDeclaration, utcnow
from storefront.clearance.status import CaseStatus
from storefront.core.security import roles_required
from storefront.core.validators import is_valid_hs_code, normalize_hs_code
from storefront.extensions import db

bp = Blueprint("clearance", __name__, url_prefix="/<lang>")


# ------------------------------------------------------------------------------------------------- operator
@bp.get("/operator/clearance")
@roles_required(Role.OPERATOR.value)
def operator_monitor():
    """Queue depth, failing messages, dead letters with a retry button, the last receipts."""
    return render_template("clearance/operator.html", monitor=queries.monitor(utcnow()))


@bp.post("/operator/clearance/retry")
@roles_required(Role.OPERATOR.value)
def operator_retry():
    """Put one dead letter (``id``) or all of them back in the queue."""
    raw = request.form.get("id", "")
    ids = None if raw == "all" else [int(raw)] if raw.isdigit() else []
    count = outbox.retry(ids, now=utcnow()) if ids != [] else 0
    db.session.commit()
    flash(
        ngettext("%(num)s message queued again.", "%(num)s messages queued again.", count),
        "success" if count else "info",
    )
    return redirect(url_for("clearance.operator_monitor"))


def _refused_declaration_action(declaration_id: int, action: str):
    """Resend a refused summary application or release its lists (operators only)."""
    declaration = db.session.get(SummaryDeclaration, declaration_id) or abort(404)
    try:
        if action == "resend":
            summary.resend(declaration, now=utcnow())
        else:
            summary.release_lists(declaration)
    except ValueError:
        abort(409)
    db.session.commit()
    if action == "resend":
        flash(_("Summary application %(cop_no)s sent again.", cop_no=declaration.cop_no), "success")
    else:
        flash(_("The lists of %(cop_no)s go into the next summary run.", cop_no=declaration.cop_no), "info")
    return redirect(url_for("clearance.operator_monitor"))


@bp.post("/operator/clearance/declarations/<int:declaration_id>/resend")
@roles_required(Role.OPERATOR.value)
def operator_declaration_resend(declaration_id: int):
    """A refused summary application: send it again after fixing the cause."""
    return _refused_declaration_action(declaration_id, "resend")


@bp.post("/operator/clearance/declarations/<int:declaration_id>/release")
@roles_required(Role.OPERATOR.value)
def operator_declaration_release(declaration_id: int):
    """A refused summary application: give it up; its lists go into the next run of their month."""
    return _refused_declaration_action(declaration_id, "release")


@bp.get("/operator/clearance/cases")
@roles_required(Role.OPERATOR.value)
def operator_cases():
    """The clearance desk: every case, filtered by status, merchant, month and customs return code."""
    f = desk.parse_filters(request.args)
    page = catalog_queries.parse_page(request.args.get("page"))
    result = catalog_queries.paginate(desk.case_list(f), page, 50, (ClearanceCase.id.desc(),))
    merchants = db.session.scalars(select(Merchant).order_by(Merchant.slug)).all()
    return render_template(
        "clearance/desk.html",
        result=result,
        filters=f,
        merchants=merchants,
        next_actions=desk.NEXT_ACTIONS,
        summary_due=queries.summary_due(utcnow()),
    )


@bp.get("/operator/clearance/cases/<int:case_id>")
@roles_required(Role.OPERATOR.value)
def operator_case(case_id: int):
    """One case: documents, receipts, messages, history and the next action."""
    case = db.session.get(ClearanceCase, case_id) or abort(404)
    return render_template(
        "clearance/desk_case.html",
        case=case,
        messages=desk.messages_of(case),
        receipts=desk.receipts_of(case),
        next_action=desk.NEXT_ACTIONS.get(case.status, ""),
    )


@bp.post("/operator/clearance/cases/<int:case_id>/send-now")
@roles_required(Role.OPERATOR.value)
def operator_case_send_now(case_id: int):
    """Send the case's waiting messages on the worker's next pass; its dead letters go back in the queue."""
    case = db.session.get(ClearanceCase, case_id) or abort(404)
    count = desk.send_now(case, utcnow())
    db.session.commit()
    flash(
        ngettext("%(num)s message queued again.", "%(num)s messages queued again.", count),
        "success" if count else "info",
    )
    return redirect(url_for("clearance.operator_case", case_id=case.id))


# ------------------------------------------------------------------------------------------------- merchant
@bp.get("/merchant/clearance")
@merchant_required
def merchant_cases():
    """The merchant's clearance cases, rejected ones first, then the list with filters."""
    rejected = queries.merchant_cases(g.merchant.id, status=CaseStatus.REJECTED.value)
    f = desk.parse_filters(request.args)
    recent = db.session.scalars(
        desk.case_list(f, merchant_id=g.merchant.id).order_by(ClearanceCase.id.desc()).limit(100)
    ).all()
    return render_template(
        "clearance/merchant_cases.html",
        rejected=rejected,
        recent=recent,
        filters=f,
        next_actions=desk.NEXT_ACTIONS,
        summary_due=queries.summary_due(utcnow()),
    )


def _decimal(text: str | None) -> Decimal | None:
    """A typed decimal ("1,5" or "1.5"), None when not a finite number."""
    try:
        value = Decimal((text or "").strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _legal_line_errors(gnum: int, gcode: str, values: dict) -> list[str]:
    """Problems with the legal units and quantities typed for one line (checked against the table)."""
    if not legal_units.known(gcode):
        return [
            _(
                "Line %(n)s: HS code %(code)s is not in the legal-units table; correct the code or ask the "
                "platform to add its legal units.",
                n=gnum,
                code=gcode,
            )
        ]
    row, errors = legal_units.lookup(gcode), []
    if values["unit1"] != row.unit1 or (values["unit2"] or None) != row.unit2:
        units = " / ".join(filter(None, (row.unit1, row.unit2)))
        errors.append(_("Line %(n)s: the legal units of %(code)s are %(units)s.", n=gnum, code=gcode, units=units))
    quantities = [values["qty1"]] + ([values["qty2"]] if row.unit2 else [])
    if any(qty is None or qty <= 0 for qty in quantities):
        errors.append(_("Line %(n)s: the legal quantities must be greater than zero.", n=gnum))
    return errors


def _read_corrections(case) -> tuple[dict[int, dict], Decimal | None, Decimal | None, list[str]]:
    """Corrections typed into the case form, with the problems found."""
    errors, lines = [], {}
    for line in case.lines:
        prefix = f"line-{line.gnum}-"
        gcode = normalize_hs_code(request.form.get(prefix + "gcode", line.gcode))
        unit = request.form.get(prefix + "unit", line.unit).strip()
        qty = _decimal(request.form.get(prefix + "qty", str(line.qty)))
        if not is_valid_hs_code(gcode):
            errors.append(_("Line %(n)s: the HS code must be 10 digits of a tariff heading.", n=line.gnum))
        if unit not in codes.UNITS:
            errors.append(_("Line %(n)s: unknown customs unit.", n=line.gnum))
        if qty is None or qty <= 0:
            errors.append(_("Line %(n)s: the quantity must be greater than zero.", n=line.gnum))
        unit2 = request.form.get(prefix + "unit2", line.unit2 or "").strip()
        lines[line.gnum] = {
            "gcode": gcode,
            "item_name": request.form.get(prefix + "item_name", line.item_name).strip()[:250],
            "gmodel": request.form.get(prefix + "gmodel", line.gmodel).strip()[:250],
            "unit": unit,
            "qty": qty,
            "unit1": request.form.get(prefix + "unit1", line.unit1).strip(),
            "qty1": _decimal(request.form.get(prefix + "qty1", str(line.qty1))),
            "unit2": unit2,
            "qty2": _decimal(request.form.get(prefix + "qty2", str(line.qty2 or ""))) if unit2 else None,
        }
        if is_valid_hs_code(gcode):
            errors.extend(_legal_line_errors(line.gnum, gcode, lines[line.gnum]))
    gross = _decimal(request.form.get("gross_weight", str(case.gross_weight)))
    net = _decimal(request.form.get("net_weight", str(case.net_weight)))
    if gross is None or net is None or net <= 0 or gross < net:
        errors.append(_("Weights: the net weight must be above zero and not above the gross weight."))
    return lines, gross, net, errors


@bp.route("/merchant/clearance/<int:case_id>", methods=["GET", "POST"])
@merchant_required
def merchant_case(case_id: int):
    """One case: status, history, the declared lines; correct and resubmit when customs rejected it."""
    case = queries.merchant_case(g.merchant.id, case_id) or abort(404)
    errors: list[str] = []
    if request.method == "POST":
        if not case.is_rejected:
            abort(409)
        lines, gross, net, errors = _read_corrections(case)
        if not errors:
            operations.correct(case, lines=lines, gross_weight=gross, net_weight=net)
            sent = operations.resubmit(case)
            db.session.commit()
            if sent:
                flash(_("The corrected declaration was sent to customs again."), "success")
            else:
                flash(_("The declaration still cannot be sent: %(reason)s", reason=case.reject_reason), "error")
            return redirect(url_for("clearance.merchant_case", case_id=case.id))
    return render_template("clearance/merchant_case.html", case=case, errors=errors, units=codes.UNITS)


@bp.post("/merchant/clearance/<int:case_id>/cancel")
@merchant_required
def merchant_cancel(case_id: int):
    """Ask customs to cancel the list of one of the merchant's orders (CEB605) while it is not released."""
    case = queries.merchant_case(g.merchant.id, case_id) or abort(404)
    reason = request.form.get("reason", "")[:200]
    try:
        operations.request_cancel(case, reason)
    except operations.ClearanceError:
        db.session.rollback()
        message = _("The list cannot be cancelled now; give a reason, and cancel before customs releases it.")
        flash(message, "error")
    else:
        db.session.commit()
        flash(_("Cancellation of list %(invt_no)s sent to customs.", invt_no=case.invt_no), "success")
    if case.sub_order_id:
        return redirect(url_for("merchant.order", sub_order_id=case.sub_order_id))
    return redirect(url_for("clearance.merchant_case", case_id=case.id))


def _leave_time(text: str) -> datetime | None:
    """A departure time typed as Beijing time (``YYYY-MM-DDTHH:MM``), bounded to sane years."""
    try:
        local = datetime.strptime((text or "").strip()[:16], "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    if not 2000 <= local.year <= 2100:
        return None
    return local.replace(tzinfo=CHINA_TZ)


@bp.route("/merchant/clearance/departures", methods=["GET", "POST"])
@merchant_required
def merchant_departures():
    """Enter the conveyance (flight / train / voyage, bill of lading, departure time, exit port) for released
    parcels: one CEB509 per batch."""
    errors: list[str] = []
    if request.method == "POST":
        case_ids = [int(v) for v in request.form.getlist("case_id") if v.isdigit()][:500]
        leave_time = _leave_time(request.form.get("leave_time", ""))
        if leave_time is None:
            errors.append(_("Enter the departure time as date and time."))
        else:
            try:
                batch = departures.declare(
                    g.merchant.id,
                    case_ids,
                    traf_mode=request.form.get("traf_mode", "")[:1],
                    traf_name=request.form.get("traf_name", "")[:200],
                    voyage_no=request.form.get("voyage_no", "")[:100],
                    bill_no=request.form.get("bill_no", "")[:100],
                    leave_time=leave_time,
                    port_code=request.form.get("port_code", "")[:4],
                )
            except departures.DepartureError as exc:
                db.session.rollback()
                errors.append(_("The departure cannot be declared: %(reason)s", reason=str(exc)))
            else:
                db.session.commit()
                flash(_("Departure %(cop_no)s declared to customs.", cop_no=batch.cop_no), "success")
                return redirect(url_for("clearance.merchant_departures"))
    return render_template(
        "clearance/merchant_departures.html",
        waiting=departures.waiting(g.merchant.id),
        ports=departures.ports(),
        modes={code: codes.TRANSPORT_MODES[code] for code in ("2", "3", "4", "5", "6")},
        errors=errors,
    )


@bp.get("/merchant/declarations")
@merchant_required
def merchant_declarations():
    """The merchant's summary declarations with their lines."""
    return render_template("clearance/declarations.html", declarations=queries.declarations_for(g.merchant.id))


@bp.get("/merchant/declarations/<int:declaration_id>")
@merchant_required
def merchant_declaration(declaration_id: int):
    """One summary declaration."""
    declaration = queries.declaration_for(g.merchant.id, declaration_id) or abort(404)
    return render_template("clearance/declaration.html", declaration=declaration)


def _csv(text: str, name: str) -> Response:
    """A CSV download response."""
    return Response(
        text,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "private, no-store",
        },
    )


@bp.get("/merchant/declarations/<int:declaration_id>.csv")
@merchant_required
def merchant_declaration_csv(declaration_id: int):
    """The declaration lines as CSV (tax rebate)."""
    declaration = queries.declaration_for(g.merchant.id, declaration_id) or abort(404)
    return _csv(queries.declaration_csv(declaration), f"{declaration.cop_no}.csv")


@bp.get("/merchant/declarations/<int:declaration_id>/lists.csv")
@merchant_required
def merchant_declaration_lists_csv(declaration_id: int):
    """Every list line of the declaration as CSV (FX reconciliation)."""
    declaration = queries.declaration_for(g.merchant.id, declaration_id) or abort(404)
    return _csv(queries.declaration_lists_csv(declaration), f"{declaration.cop_no}-lists.csv")
