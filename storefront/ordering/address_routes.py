"""The address book pages of a signed-in buyer: list, add, make default, delete."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from storefront.extensions import db
from storefront.ordering import addresses
from storefront.ordering.shipping import country_choices, country_name

bp = Blueprint("addresses", __name__, url_prefix="/<lang>/account/addresses")


class AddressForm(FlaskForm):
    """A new address (the same fields and limits as at checkout)."""

    label = StringField(_l("Name of this address (optional)"), validators=[Optional(), Length(max=60)])
    contact_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    country = SelectField(_l("Country"), validators=[DataRequired()])
    region = StringField(_l("Region / province"), validators=[Optional(), Length(max=120)])
    city = StringField(_l("City"), validators=[DataRequired(), Length(max=120)])
    postal_code = StringField(_l("Postal code"), validators=[Optional(), Length(max=20)])
    address_line1 = StringField(_l("Street and house"), validators=[DataRequired(), Length(max=200)])
    address_line2 = StringField(_l("Apartment, office, company (optional)"), validators=[Optional(), Length(max=200)])
    default = BooleanField(_l("Use by default for this country"))


@bp.route("/", methods=["GET", "POST"])
@login_required
def book():
    """The saved addresses and a form to add one."""
    form = AddressForm()
    form.country.choices = country_choices(g.lang)
    if form.validate_on_submit():
        try:
            addresses.add(current_user, {name: getattr(form, name).data for name in addresses.FIELDS},
                          form.label.data or "", bool(form.default.data))  # fmt: skip
            db.session.commit()
        except addresses.AddressBookFull:
            db.session.rollback()
            flash(_("Your address book is full (%(n)s addresses). Delete one first.", n=addresses.MAX_ADDRESSES),
                  "error")  # fmt: skip
        else:
            flash(_("The address is saved."), "success")
            return redirect(url_for("addresses.book", lang=g.lang))
    return render_template("ordering/addresses.html", rows=addresses.addresses_of(current_user), form=form,
                           country_name=country_name)  # fmt: skip


@bp.post("/<int:address_id>/<any(default, delete):action>")
@login_required
def change(address_id: int, action: str):
    """Make an address the default of its country, or delete it (someone else's address: 404)."""
    address = addresses.own(current_user, address_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    if action == "default":
        addresses.make_default(address)
    else:
        addresses.delete(address)
    db.session.commit()
    return redirect(url_for("addresses.book", lang=g.lang))
