"""HTML → PDF with WeasyPrint (Noto CJK fonts from the system), for statements and other documents.

WeasyPrint needs the Pango libraries (Debian: libpango-1.0-0, libpangoft2-1.0-0) and, for Chinese, Korean
and Japanese text, fonts-noto-cjk. It is imported on first use so the app starts without them.
"""

from __future__ import annotations

from flask import Response, current_app, render_template


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries cannot be loaded."""


def load_weasyprint():
    """The weasyprint module, or :class:`PdfUnavailable` with the reason."""
    try:
        import weasyprint  # here: 0.56 s to import, and it needs Pango (a missing library is reported)
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise PdfUnavailable(str(exc)) from exc
    return weasyprint


def render_pdf(html: str) -> bytes:
    """The PDF of an HTML page (static files resolved from the app's static folder)."""
    weasyprint = load_weasyprint()
    return weasyprint.HTML(string=html, base_url=current_app.static_folder).write_pdf()


def pdf_response(html: str, filename: str) -> Response:
    """A PDF download of an HTML page; when PDFs cannot be made here, a translated error page (503), never a 500."""
    try:
        data = render_pdf(html)
    except PdfUnavailable as exc:
        current_app.logger.error("PDF unavailable: %s", exc)
        return Response(render_template("errors/503_pdf.html"), status=503)
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
