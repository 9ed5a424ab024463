"""The search results page."""

from __future__ import annotations

from flask import Blueprint, current_app, g, render_template, request, url_for
from markupsafe import Markup

from storefront.core.http import page_fragment
from storefront.search import service

bp = Blueprint("search", __name__, url_prefix="/<lang>")


def _url(args: dict[str, str], **changes: str | None) -> str:
    """This page's URL with some arguments changed (None removes one); the page number is reset."""
    merged = {k: v for k, v in args.items() if k != "page"}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return url_for("search.results", lang=g.lang, **merged)


@bp.get("/search")
def results():
    """Results for ?q= with facets, sorting, pagination, spelling suggestion and empty states."""
    req = service.parse_request(request.args, g.lang, current_app.config["PAGE_SIZE"])
    args = {k: v for k, v in request.args.items() if k in ("q", "sort", *service.FACETS) and v}
    args.update(service.option_filters(request.args))
    args["q"] = req.text

    def render() -> dict[str, str]:
        found = service.run(req) if req.text else None
        body = render_template(
            "search/_results_body.html",
            q=req.text,
            req=req,
            result=found,
            items=service.result_items(found, g.lang) if found else [],
            facets=service.facets(found, req) if found else [],
            sorts=service.SORT_LABELS,
            url=lambda **changes: _url(args, **changes),
        )
        return {"body": Markup(body)}  # noqa: S704 - rendered by our template

    return render_template("search/results.html", q=req.text, page=page_fragment(render))
