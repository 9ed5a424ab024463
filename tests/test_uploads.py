"""Upload checks: content sniffed by magic bytes (not the name), spoofed extensions, size limits, damage."""

import io

import pytest
from werkzeug.datastructures import FileStorage

from storefront.core.uploads import (
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    UploadRejected,
    check_upload,
    clean_filename,
    sniff,
    storage_name,
)
from tests.backoffice_helpers import PDF, image_bytes


def _file(data: bytes, name: str) -> FileStorage:
    return FileStorage(stream=io.BytesIO(data), filename=name)


def _reject(data: bytes, name: str, allowed=DOCUMENT_KINDS, max_bytes=1024 * 1024) -> str:
    with pytest.raises(UploadRejected) as info:
        check_upload(_file(data, name), allowed=allowed, max_bytes=max_bytes)
    return str(info.value.message)


@pytest.mark.parametrize(
    "data,name,kind",
    [
        (PDF, "licence.pdf", "pdf"),
        (PDF, "LICENCE.PDF", "pdf"),
        (image_bytes("JPEG"), "scan.jpg", "jpeg"),
        (image_bytes("JPEG"), "scan.jpeg", "jpeg"),
        (image_bytes("PNG"), "营业执照.png", "png"),
    ],
)
def test_accepted_documents(ctx, data, name, kind):
    upload = check_upload(_file(data, name), allowed=DOCUMENT_KINDS, max_bytes=1024 * 1024)
    assert upload.kind.name == kind and upload.data == data and upload.original_name == name
    assert len(upload.sha256) == 64


def test_wrong_type_is_refused_whatever_the_name(ctx):
    assert "not an accepted type (PDF, JPEG, PNG)" in _reject(b"MZ\x90\x00\x03 windows exe", "licence.pdf")
    assert "not an accepted type" in _reject(b"<html><script>alert(1)</script>", "licence.png")
    assert "not an accepted type" in _reject(image_bytes("GIF"), "anim.gif")
    # WebP is an image kind, not a document kind
    assert "not an accepted type" in _reject(image_bytes("WEBP"), "photo.webp")
    check_upload(_file(image_bytes("WEBP"), "photo.webp"), allowed=IMAGE_KINDS, max_bytes=1024 * 1024)


def test_spoofed_extension_is_refused(ctx):
    assert "ends in “.pdf” but the file is a PNG" in _reject(image_bytes("PNG"), "licence.pdf")
    assert "ends in “.png” but the file is a PDF" in _reject(PDF, "photo.png")
    assert "ends in “—” but the file is a PDF" in _reject(PDF, "noextension")
    assert "ends in “.exe” but the file is a JPEG" in _reject(image_bytes("JPEG"), "photo.jpg.exe")


def test_oversized_and_empty_files_are_refused(ctx):
    big = PDF[:-6] + b" " * 5000 + b"%%EOF\n"
    assert "The file is too large: the limit is 4 KB." in _reject(big, "a.pdf", max_bytes=4096)
    assert "limit is 2 MB" in _reject(b"%PDF-" + b"0" * (2 * 1024 * 1024), "a.pdf", max_bytes=2 * 1024 * 1024)
    assert "The file is empty" in _reject(b"", "a.pdf")
    with pytest.raises(UploadRejected, match="Choose a file"):
        check_upload(None, max_bytes=10)


def test_damaged_files_are_refused(ctx):
    assert "PDF file is damaged" in _reject(b"%PDF-1.4\n1 0 obj truncated", "a.pdf")
    png = image_bytes("PNG")
    assert "image file is damaged" in _reject(png[:40], "a.png")
    assert "image file is damaged" in _reject(b"\xff\xd8\xff" + b"\x00" * 50, "a.jpg")


def test_sniff_and_names():
    assert sniff(b"%PDF-1.7") == "pdf" and sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp" and sniff(b"GIF89a") is None
    assert clean_filename("../../etc/passwd") == "passwd"
    assert clean_filename("C:\\Users\\王\\营业执照.pdf") == "营业执照.pdf"
    assert clean_filename("bad\x00na\x1fme.pdf") == "badname.pdf" and clean_filename("") == "file"
    name = storage_name(check_upload(_file(PDF, "x.pdf"), max_bytes=1000).kind)
    assert name.endswith(".pdf") and len(name) == 36 and "x" not in name[:-4].replace("x", "")


def test_request_larger_than_the_global_limit_gets_413(app, make):
    from tests.backoffice_helpers import client_as

    user = make.user("merchant")
    from storefront.extensions import db

    db.session.commit()
    client = client_as(app, user)
    body = b'--b\r\nContent-Disposition: form-data; name="documents"; filename="big.pdf"\r\n\r\n%PDF-'
    body += b"0" * app.config["MAX_CONTENT_LENGTH"] + b"\r\n--b--\r\n"
    response = client.post("/en/merchant/filing", data=body, content_type="multipart/form-data; boundary=b")
    assert response.status_code == 413
