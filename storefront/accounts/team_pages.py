"""The team page of each back office (merchant, provider, operator): members with their roles, add a staff
account or change its roles, take them away. Views in the three back offices call these."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, StringField
from wtforms.validators import Length

from storefront.accounts import team
from storefront.extensions import db


class TeamForm(FlaskForm):
    """A staff account and its roles."""

    email = StringField(_l("E-mail"), validators=[Length(max=254)])
    name = StringField(_l("Name"), validators=[Length(max=120)])
    roles = SelectMultipleField(_l("Roles"), choices=[], validate_choice=False)


def _role_table(side: str) -> dict[str, object]:
    return team.OPERATOR_ROLES if side == team.Side.PLATFORM else team.COMPANY_ROLES


def team_page(side: str, company_id: int | None, layout: str, urls: dict, form: TeamForm | None = None):
    """Members and their roles, with the form to add one."""
    return render_template(
        "accounts/team.html",
        layout=layout,
        members=team.team_of(side, company_id),
        role_labels=_role_table(side),
        form=form or TeamForm(),
        urls=urls,
        side=side,
    )


def save(side: str, company_id: int | None, layout: str, urls: dict):
    """POST: add a staff account (a new address gets an invitation mail) or change its roles."""
    form = TeamForm()
    if not form.validate_on_submit():
        return team_page(side, company_id, layout, urls, form), 400
    try:
        user, created = team.set_member(
            side, company_id, form.email.data or "", form.name.data or "", form.roles.data or [], current_user,
            g.get("lang", "zh"),
        )  # fmt: skip
        db.session.commit()
    except team.TeamError as exc:
        db.session.rollback()
        form.email.errors = [exc.message]
        return team_page(side, company_id, layout, urls, form), 400
    if created:
        flash(_("%(email)s is added; we sent a link to choose a password.", email=user.email), "success")
    else:
        flash(_("Roles of %(email)s saved.", email=user.email), "success")
    return redirect(urls["page"])


def remove(side: str, company_id: int | None, user_id: int, urls: dict):
    """POST: take a member's roles away (someone not in this team: 404)."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    user = db.session.get(team.User, user_id) or abort(404)
    try:
        team.remove_member(side, company_id, user, current_user)
        db.session.commit()
    except team.TeamError as exc:
        db.session.rollback()
        if exc.code == "not_member":
            abort(404)
        flash(exc.message, "error")
    else:
        flash(_("%(email)s no longer has access.", email=user.email), "success")
    return redirect(urls["page"])
