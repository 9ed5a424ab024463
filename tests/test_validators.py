"""HS codes, USCC check characters, customs codes, SKUs."""

import pytest

from storefront.core.validators import (
    is_valid_customs_code,
    is_valid_hs_code,
    is_valid_sku,
    is_valid_uscc,
    normalize_hs_code,
    uscc_check_char,
)


@pytest.mark.parametrize("code", ["6112410000", "2519909100", "8104110000", "0811100000", "6112.41.00.00"])
def test_valid_hs_codes(code):
    assert is_valid_hs_code(code)


@pytest.mark.parametrize(
    "code", ["611241000", "61124100001", "6112A10000", "", None, "7700000000", "9900000000", "0012345678"]
)
def test_invalid_hs_codes(code):
    assert not is_valid_hs_code(code)


def test_normalize_hs_code():
    assert normalize_hs_code(" 6112 41.00 00 ") == "6112410000"


def test_uscc_known_good():
    # A published example of a valid code (GB 32100-2015 check character).
    assert is_valid_uscc("91350100M000100Y43")
    assert is_valid_uscc("91110000600037341L")


@pytest.mark.parametrize(
    "code", ["91350100M000100Y44", "91350100M000100Y4", "9135010OM000100Y43", "", "91350100M000100YI3"]
)
def test_uscc_bad(code):
    assert not is_valid_uscc(code)


def test_uscc_check_char_wraps_to_zero():
    # Find a prefix whose weighted sum is a multiple of 31: check character must be '0', not out of range.
    for n in range(10000):
        first17 = f"91210200{n:09d}"
        ch = uscc_check_char(first17)
        assert len(ch) == 1
        assert is_valid_uscc(first17 + ch)


@pytest.mark.parametrize(
    ("code", "ok"), [("2102960A12", True), ("2102960a12", True), ("21029", False), ("2102-960A1", False)]
)
def test_customs_code(code, ok):
    assert is_valid_customs_code(code) is ok


@pytest.mark.parametrize(
    ("sku", "ok"), [("HY-SW-1001", True), ("A", True), ("x" * 21, False), ("-abc", False), ("a b", False)]
)
def test_sku(sku, ok):
    assert is_valid_sku(sku) is ok
