"""Customs parameter tables (JGS-20 / JGS/T 18 subsets) used by the CEB messages, kept in one place.

The CEB 2022 messages still use the *legacy numeric* customs codes (3-digit country and currency
codes, 3-digit units, 4-digit customs offices, 1-character transport modes), not the ISO-based
codes of the 2018 customs declaration form. Every entry carries ``verified``: ``True`` when the
value was cross-checked against at least two independent copies of the customs tables, ``False``
when it is derived or single-sourced and must be confirmed against the current customs parameter
table before production use (see the comments next to those entries).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeVar

Lang = Literal["zh", "en"]
_T = TypeVar("_T")


class UnknownCode(KeyError):
    """A value that is not in one of the customs code tables."""

    def __init__(self, table: str, value: object) -> None:
        super().__init__(value)
        self.table = table
        self.value = value

    def __str__(self) -> str:
        return f"unknown {self.table} code: {self.value!r}"


@dataclass(frozen=True, slots=True)
class Code:
    """One row of a customs code table."""

    code: str
    zh: str
    en: str
    verified: bool = True

    def name(self, lang: Lang = "zh") -> str:
        """Return the Chinese or English name."""
        if lang == "zh":
            return self.zh
        if lang == "en":
            return self.en
        raise ValueError(f"unsupported language {lang!r} (use 'zh' or 'en')")


@dataclass(frozen=True, slots=True)
class Country(Code):
    """A country/region: ISO 3166 alpha-2/alpha-3 plus the customs 3-digit code."""

    iso2: str = ""
    iso3: str = ""


def _countries(*rows: tuple[str, str, str, str, str]) -> dict[str, Country]:
    return {iso2: Country(code, zh, en, True, iso2, iso3) for iso2, iso3, code, zh, en in rows}


# Customs country (region) codes. Asia 1xx, Africa 2xx, Europe 3xx, Latin America 4xx,
# North America 5xx, Oceania 6xx. Note: 118 is Kuwait and Mongolia is 124.
# Kazakhstan/Uzbekistan: the current table has them in the Asia block (145/149); older copies
# of the table used 341/348 - do not mix them up.
COUNTRIES: dict[str, Country] = _countries(
    ("CN", "CHN", "142", "中国", "China"),
    ("HK", "HKG", "110", "中国香港", "Hong Kong, China"),
    ("JP", "JPN", "116", "日本", "Japan"),
    ("KR", "KOR", "133", "韩国", "Korea, Republic of"),
    ("MN", "MNG", "124", "蒙古", "Mongolia"),
    ("KZ", "KAZ", "145", "哈萨克斯坦", "Kazakhstan"),
    ("UZ", "UZB", "149", "乌兹别克斯坦", "Uzbekistan"),
    ("SG", "SGP", "132", "新加坡", "Singapore"),
    ("MY", "MYS", "122", "马来西亚", "Malaysia"),
    ("TH", "THA", "136", "泰国", "Thailand"),
    ("VN", "VNM", "141", "越南", "Viet Nam"),
    ("TR", "TUR", "137", "土耳其", "Türkiye"),
    ("AE", "ARE", "138", "阿联酋", "United Arab Emirates"),
    ("GB", "GBR", "303", "英国", "United Kingdom"),
    ("DE", "DEU", "304", "德国", "Germany"),
    ("FR", "FRA", "305", "法国", "France"),
    ("IT", "ITA", "307", "意大利", "Italy"),
    ("NL", "NLD", "309", "荷兰", "Netherlands"),
    ("ES", "ESP", "312", "西班牙", "Spain"),
    ("BG", "BGR", "316", "保加利亚", "Bulgaria"),
    ("HU", "HUN", "321", "匈牙利", "Hungary"),
    ("PL", "POL", "327", "波兰", "Poland"),
    ("RO", "ROU", "328", "罗马尼亚", "Romania"),
    ("BY", "BLR", "340", "白俄罗斯", "Belarus"),
    ("RU", "RUS", "344", "俄罗斯联邦", "Russian Federation"),
    ("UA", "UKR", "347", "乌克兰", "Ukraine"),
    ("CZ", "CZE", "352", "捷克", "Czechia"),
    ("CA", "CAN", "501", "加拿大", "Canada"),
    ("US", "USA", "502", "美国", "United States"),
    ("AU", "AUS", "601", "澳大利亚", "Australia"),
    ("NZ", "NZL", "609", "新西兰", "New Zealand"),
)

# More destinations the checkout offers (storefront/ordering/shipping.py). verified=False: taken from
# one copy of the table (they agree with the currency rule: NOK 326, SEK 330, CHF 331 and DKK 302
# are the issuers' country codes) - confirm against the current customs parameter table before production use.
UNVERIFIED_COUNTRIES: dict[str, Country] = {
    iso2: Country(code, zh, en, False, iso2, iso3)
    for iso2, iso3, code, zh, en in (
        ("IL", "ISR", "115", "以色列", "Israel"),
        ("KG", "KGZ", "146", "吉尔吉斯斯坦", "Kyrgyzstan"),
        ("TJ", "TJK", "147", "塔吉克斯坦", "Tajikistan"),
        ("TM", "TKM", "148", "土库曼斯坦", "Turkmenistan"),
        ("BE", "BEL", "301", "比利时", "Belgium"),
        ("DK", "DNK", "302", "丹麦", "Denmark"),
        ("IE", "IRL", "306", "爱尔兰", "Ireland"),
        ("GR", "GRC", "310", "希腊", "Greece"),
        ("PT", "PRT", "311", "葡萄牙", "Portugal"),
        ("AT", "AUT", "315", "奥地利", "Austria"),
        ("FI", "FIN", "318", "芬兰", "Finland"),
        ("NO", "NOR", "326", "挪威", "Norway"),
        ("SE", "SWE", "330", "瑞典", "Sweden"),
        ("CH", "CHE", "331", "瑞士", "Switzerland"),
        ("EE", "EST", "334", "爱沙尼亚", "Estonia"),
        ("LV", "LVA", "335", "拉脱维亚", "Latvia"),
        ("LT", "LTU", "336", "立陶宛", "Lithuania"),
        ("GE", "GEO", "337", "格鲁吉亚", "Georgia"),
        ("AM", "ARM", "338", "亚美尼亚", "Armenia"),
        ("AZ", "AZE", "339", "阿塞拜疆", "Azerbaijan"),
        ("MD", "MDA", "343", "摩尔多瓦", "Moldova"),
        ("SI", "SVN", "350", "斯洛文尼亚", "Slovenia"),
        ("HR", "HRV", "351", "克罗地亚", "Croatia"),
        ("SK", "SVK", "353", "斯洛伐克", "Slovakia"),
        ("RS", "SRB", "358", "塞尔维亚", "Serbia"),
        ("BR", "BRA", "410", "巴西", "Brazil"),
        ("MX", "MEX", "429", "墨西哥", "Mexico"),
    )
}
COUNTRIES.update(UNVERIFIED_COUNTRIES)

# Customs numeric currency codes (the code of the issuing country; 300 = euro area).
# verified=False: KRW, RUB and MNT follow that issuer-country rule but were not found in the
# copies of the table that were checked (MNT is NOT 118 - 118 is the Kuwaiti dinar). Confirm them
# with the local e-port before declaring in these currencies.
CURRENCIES: dict[str, Code] = {
    "CNY": Code("142", "人民币", "Chinese yuan"),
    "HKD": Code("110", "港币", "Hong Kong dollar"),
    "JPY": Code("116", "日本元", "Japanese yen"),
    "KWD": Code("118", "科威特第纳尔", "Kuwaiti dinar"),
    "MOP": Code("121", "澳门元", "Macao pataca"),
    "MYR": Code("122", "马来西亚林吉特", "Malaysian ringgit"),
    "PHP": Code("129", "菲律宾比索", "Philippine peso"),
    "SGD": Code("132", "新加坡元", "Singapore dollar"),
    "THB": Code("136", "泰国铢", "Thai baht"),
    "EUR": Code("300", "欧元", "Euro"),
    "DKK": Code("302", "丹麦克朗", "Danish krone"),
    "GBP": Code("303", "英镑", "Pound sterling"),
    "NOK": Code("326", "挪威克朗", "Norwegian krone"),
    "SEK": Code("330", "瑞典克朗", "Swedish krona"),
    "CHF": Code("331", "瑞士法郎", "Swiss franc"),
    "CAD": Code("501", "加拿大元", "Canadian dollar"),
    "USD": Code("502", "美元", "US dollar"),
    "AUD": Code("601", "澳大利亚元", "Australian dollar"),
    "NZD": Code("609", "新西兰元", "New Zealand dollar"),
    "KRW": Code("133", "韩国元", "Korean won", verified=False),
    "RUB": Code("344", "俄罗斯卢布", "Russian ruble", verified=False),
    "MNT": Code("124", "蒙古图格里克", "Mongolian tugrik", verified=False),
}


def _table(*rows: tuple[str, str, str]) -> dict[str, Code]:
    return {code: Code(code, zh, en) for code, zh, en in rows}


# Customs units of measure (计量单位). A verified subset; the full table has ~160 entries.
# Watch out: 012 = 支 (not 双, which is 025), 014 = 根, 018 = 卷, 030 = 米, 122 = 罐, 140 = 盒.
UNITS: dict[str, Code] = _table(
    ("001", "台", "unit (machine)"),
    ("003", "辆", "vehicle"),
    ("006", "套", "set"),
    ("007", "个", "piece"),
    ("008", "只", "each"),
    ("010", "张", "sheet"),
    ("011", "件", "article"),
    ("012", "支", "stick"),
    ("014", "根", "rod"),
    ("015", "条", "strip"),
    ("016", "把", "handle"),
    ("017", "块", "block"),
    ("018", "卷", "roll"),
    ("019", "副", "pair (set)"),
    ("020", "片", "slice"),
    ("021", "组", "group"),
    ("022", "份", "portion"),
    ("025", "双", "pair"),
    ("026", "对", "couple"),
    ("030", "米", "metre"),
    ("032", "平方米", "square metre"),
    ("033", "立方米", "cubic metre"),
    ("035", "千克", "kilogram"),
    ("036", "克", "gram"),
    ("070", "吨", "tonne"),
    ("095", "升", "litre"),
    ("096", "毫升", "millilitre"),
    ("120", "箱", "case"),
    ("122", "罐", "can"),
    ("123", "桶", "barrel"),
    ("125", "包", "pack"),
    ("131", "册", "volume"),
    ("132", "本", "copy"),
    ("136", "袋", "bag"),
    ("140", "盒", "box"),
    ("142", "瓶", "bottle"),
    ("163", "部", "unit (device)"),
)

# Customs offices (关区代码, JGS/T 18) in Liaoning - DELIBERATELY SHORT. Neither the spec text nor
# the official samples contain the table; 0800/0801/0900/0901 were confirmed in copies of the
# table, 0930 (Dandong) comes from a single secondary source. Yingkou, the Dalian sub-offices
# (port, airport, post, Dayaowan, ...) and the Shenyang airport/post offices are NOT listed: add
# them from the current customs table. Builders only check the 4-digit format, not this table.
CUSTOMS_OFFICES: dict[str, Code] = {
    "0800": Code("0800", "沈阳关区", "Shenyang Customs district"),
    "0801": Code("0801", "沈阳海关", "Shenyang Customs"),
    "0900": Code("0900", "大连关区", "Dalian Customs district"),
    "0901": Code("0901", "大连海关", "Dalian Customs"),
    "0930": Code("0930", "丹东海关", "Dandong Customs", verified=False),
}

# Transport modes (运输方式). Express parcels travel as 5 (air) or 4 (road); 6 is the postal channel.
TRANSPORT_MODES: dict[str, Code] = _table(
    ("0", "非保税区", "non-bonded area"),
    ("1", "监管仓库", "supervised warehouse"),
    ("2", "水路运输", "waterway"),
    ("3", "铁路运输", "rail"),
    ("4", "公路运输", "road"),
    ("5", "航空运输", "air"),
    ("6", "邮件运输", "post"),
    ("7", "保税区", "bonded zone"),
    ("8", "保税仓库", "bonded warehouse"),
    ("9", "其他运输", "other"),
    ("H", "边境特殊海关作业区", "border special customs zone"),
    ("W", "物流中心", "logistics centre"),
    ("X", "物流园区", "logistics park"),
    ("Y", "保税港区", "bonded port area"),
    ("Z", "出口加工区", "export processing zone"),
)

# Trade modes (贸易方式 / 监管方式) for cross-border e-commerce export lists.
TRADE_MODES: dict[str, Code] = _table(
    ("9610", "跨境贸易电子商务", "cross-border e-commerce retail export"),
    ("9710", "跨境电子商务企业对企业直接出口", "cross-border e-commerce B2B direct export"),
    ("9810", "跨境电子商务出口海外仓", "cross-border e-commerce export to overseas warehouse"),
    ("1210", "保税跨境贸易电子商务", "bonded cross-border e-commerce"),
    ("1239", "保税跨境贸易电子商务A", "bonded cross-border e-commerce A"),
)

# Package types (包装种类, 1 character in CEB603 wrapType).
WRAP_TYPES: dict[str, Code] = _table(
    ("1", "木箱", "wooden case"),
    ("2", "纸箱", "carton"),
    ("3", "桶装", "drum"),
    ("4", "散装", "bulk"),
    ("5", "托盘", "pallet"),
    ("6", "包", "bale"),
    ("7", "其它", "other"),
)

# returnStatus values of the receipts (negative values are processing errors).
RETURN_STATUSES: dict[int, tuple[str, str]] = {
    1: ("电子口岸已暂存", "stored at e-port"),
    2: ("电子口岸申报中", "declaring at e-port"),
    3: ("发送海关成功", "sent to customs"),
    4: ("发送海关失败", "sending to customs failed"),
    100: ("海关退单", "rejected by customs"),
    120: ("海关入库", "accepted into customs database"),
    300: ("人工审核", "manual review"),
    399: ("海关审结", "examination concluded"),
    500: ("海关查验", "inspection"),
    800: ("放行", "released"),
    899: ("结关", "closed"),
}


def _lookup(table: dict[str, _T], key: str, table_name: str) -> _T:
    try:
        return table[key]
    except (KeyError, TypeError):
        raise UnknownCode(table_name, key) from None


def country(iso2: str) -> Country:
    """Return the country row for an ISO 3166 alpha-2 code (case-insensitive)."""
    key = iso2.upper() if isinstance(iso2, str) else iso2
    return _lookup(COUNTRIES, key, "country")


def country_code(iso2: str) -> str:
    """Return the customs 3-digit country code for an ISO alpha-2 code."""
    return country(iso2).code


def currency_code(iso: str) -> str:
    """Return the customs 3-digit currency code for an ISO 4217 code."""
    key = iso.upper() if isinstance(iso, str) else iso
    return _lookup(CURRENCIES, key, "currency").code


def unit_name(code: str, lang: Lang = "zh") -> str:
    """Return the name of a customs unit of measure code."""
    return _lookup(UNITS, code, "unit").name(lang)


def transport_mode(code: str) -> Code:
    """Return the transport mode row for a 1-character customs code."""
    return _lookup(TRANSPORT_MODES, code, "transport mode")


def trade_mode(code: str) -> Code:
    """Return the trade mode row for a 4-digit customs code."""
    return _lookup(TRADE_MODES, code, "trade mode")


def wrap_type(code: str) -> Code:
    """Return the package type row for a 1-character customs code."""
    return _lookup(WRAP_TYPES, code, "wrap type")


def customs_office_name(code: str, lang: Lang = "zh") -> str:
    """Return the name of a (listed) customs office code."""
    return _lookup(CUSTOMS_OFFICES, code, "customs office").name(lang)


def return_status_text(status: int, lang: Lang = "zh") -> str:
    """Return a readable text for a receipt returnStatus (negative = processing error)."""
    if status < 0:
        return "处理异常" if lang == "zh" else "processing error"
    zh, en = RETURN_STATUSES.get(status, (f"状态 {status}", f"status {status}"))
    return zh if lang == "zh" else en
