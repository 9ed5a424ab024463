"""Legal and help pages: public in every language, edited by operators."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from storefront.accounts.models import Role
from storefront.core.locales import LANGS
from storefront.core.security import roles_required
from storefront.extensions import db
from storefront.legal import pages

bp = Blueprint("legal", __name__, url_prefix="/<lang>/help")
operator_bp = Blueprint("legal_operator", __name__, url_prefix="/<lang>/operator/pages")


@bp.get("/<slug>")
def page(slug: str):
    """One page (terms, privacy, returns, shipping, contacts) in the visitor's language, with fallback."""
    if slug not in pages.SLUGS:
        abort(404)
    item = pages.page(slug, g.lang)
    return render_template("legal/page.html", item=item, blocks=pages.blocks(item.body.value))


@operator_bp.get("/")
@roles_required(Role.OPERATOR.value)
def index():
    """The pages with whether the operator has edited them."""
    rows = [(slug, pages.page(slug, g.lang)) for slug in pages.SLUGS]
    return render_template("legal/operator_index.html", rows=rows)


@operator_bp.route("/<slug>", methods=["GET", "POST"])
@roles_required(Role.OPERATOR.value)
def edit(slug: str):
    """Edit a page's title and text in every language (audited)."""
    if slug not in pages.SLUGS:
        abort(404)
    form = FlaskForm()
    titles, bodies, _edited = pages.texts(slug)
    error = None
    if form.validate_on_submit():
        titles = {lang: request.form.get(f"title_{lang}", "") for lang in LANGS}
        bodies = {lang: request.form.get(f"body_{lang}", "") for lang in LANGS}
        try:
            pages.save(slug, current_user, titles, bodies)
            db.session.commit()
        except pages.PageError as exc:
            db.session.rollback()
            error = exc.message
        else:
            flash(_("The page is saved."), "success")
            return redirect(url_for("legal_operator.edit", lang=g.lang, slug=slug))
    return render_template("legal/operator_edit.html", slug=slug, titles=titles, bodies=bodies, form=form,
                           error=error, langs=LANGS)  # fmt: skip
