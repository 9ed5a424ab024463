"""Demo products: Haicheng/Dashiqiao magnesia and magnesium.

Pure data, merged into ``storefront.demo.content.PRODUCTS``.
"""

PRODUCTS = [
    {
        "sku": "HM-MG-3001",
        "merchant": "haicheng-huamei-refractories",
        "category": "fused-magnesia",
        "hs_code": "2519901000",
        "customs_name": "电熔镁砂",
        "customs_unit": "035",
        "model": "HM-FM97-L",
        "origin_city": "haicheng",
        "net_weight_g": 1000000,
        "gross_weight_g": 1003500,
        "price_fen": 468000,
        "tiers": [[20, 452000], [100, 438000]],
        "moq": 5,
        "stock": 600,
        "featured": True,
        "text": {
            "zh": {
                "name": "电熔镁砂 FM97（块料）",
                "description": (
                    "以海城优质天然菱镁矿为原料，在3000 kVA电弧炉中经2800 °C以上高温熔融、冷却结晶而成。方镁"
                    "石晶体发育完整，体积密度高，抗水化和抗侵蚀能力强。主要用于镁碳砖、钢包和转炉内衬以及不定"
                    "形耐火材料。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 97.0%"],
                    ["主要杂质", "CaO ≤ 1.5%, SiO₂ ≤ 1.0%"],
                    ["体积密度", "≥ 3.45 g/cm³"],
                    ["粒度", "块料 0–100 mm，可破碎至 0–1 / 1–3 / 3–5 mm"],
                    ["包装", "1吨吨袋"],
                ],
            },
            "en": {
                "name": "Fused Magnesia FM97, Lump",
                "description": (
                    "Made from high-grade Haicheng natural magnesite melted above 2,800 °C in 3,000 kVA "
                    "electric arc furnaces and then slowly cooled to crystallise. Well-developed periclase "
                    "crystals give high bulk density and strong resistance to hydration and slag attack. "
                    "Used mainly in magnesia-carbon bricks, ladle and converter linings and monolithic "
                    "refractories."
                ),
                "specs": [
                    ["MgO content", "≥ 97.0%"],
                    ["Key impurities", "CaO ≤ 1.5%, SiO₂ ≤ 1.0%"],
                    ["Bulk density", "≥ 3.45 g/cm³"],
                    ["Grain size", "Lump 0–100 mm; 0–1 / 1–3 / 3–5 mm on request"],
                    ["Packing", "1-tonne jumbo bag"],
                ],
            },
            "ru": {
                "name": "Кусковой плавленый периклаз FM97",
                "description": (
                    "Производится из высококачественного природного магнезита Хайчэна, расплавленного при "
                    "температуре выше 2800 °C в дуговых печах мощностью 3000 кВА, с последующей медленной "
                    "кристаллизацией. Хорошо развитые кристаллы периклаза обеспечивают высокую плотность и "
                    "стойкость к гидратации и шлаковой эрозии. Применяется в периклазоуглеродистых изделиях, "
                    "футеровке ковшей и конвертеров, а также в неформованных огнеупорах."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 97,0%"],
                    ["Основные примеси", "CaO ≤ 1,5%, SiO₂ ≤ 1,0%"],
                    ["Объёмная плотность", "≥ 3,45 г/см³"],
                    ["Фракция", "Кусок 0–100 мм; по запросу фракции 0–1 / 1–3 / 3–5 мм"],
                    ["Упаковка", "Биг-бэг 1 т"],
                ],
            },
            "ko": {
                "name": "전융 마그네시아 FM97 (괴상)",
                "description": (
                    "하이청산 고품위 천연 마그네사이트를 3,000kVA 전기 아크로에서 2,800°C 이상으로 용융한 뒤 "
                    "서서히 냉각·결정화해 만듭니다. 잘 발달한 페리클레이스 결정으로 부피 밀도가 높고 수화와 "
                    "슬래그 침식에 강합니다. 주로 마그네시아-카본 벽돌, 래들 및 전로 라이닝, 부정형 내화물에 "
                    "사용됩니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 97.0%"],
                    ["주요 불순물", "CaO ≤ 1.5%, SiO₂ ≤ 1.0%"],
                    ["부피 밀도", "≥ 3.45 g/cm³"],
                    ["입도", "괴상 0~100mm, 0~1 / 1~3 / 3~5mm 분쇄 가능"],
                    ["포장", "1톤 톤백"],
                ],
            },
        },
    },
    {
        "sku": "HM-MG-3002",
        "merchant": "haicheng-huamei-refractories",
        "category": "fused-magnesia",
        "hs_code": "2519901000",
        "customs_name": "电熔镁砂",
        "customs_unit": "035",
        "model": "HM-LCFM98",
        "origin_city": "haicheng",
        "net_weight_g": 1000000,
        "gross_weight_g": 1003500,
        "price_fen": 680000,
        "tiers": [[20, 662000], [100, 645000]],
        "moq": 5,
        "stock": 240,
        "featured": False,
        "text": {
            "zh": {
                "name": "大结晶电熔镁砂 98%",
                "description": (
                    "选取电弧炉熔坨中心部位的大结晶料，经人工分拣、破碎和磁选而成。方镁石晶粒粗大、晶界杂质少"
                    "，高温抗渣侵蚀性能明显优于普通电熔镁砂。适用于转炉渣线、电炉热点区等严苛部位使用的高档镁"
                    "碳砖。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 98.0%"],
                    ["主要杂质", "CaO ≤ 1.0%, SiO₂ ≤ 0.6%"],
                    ["体积密度", "≥ 3.53 g/cm³"],
                    ["晶粒尺寸", "≥ 800 μm"],
                    ["包装", "1吨吨袋"],
                ],
            },
            "en": {
                "name": "Large-Crystal Fused Magnesia 98%",
                "description": (
                    "Hand-picked from the large-crystal core of each furnace ingot, then crushed and "
                    "magnetically separated. Coarse periclase grains with clean grain boundaries resist slag "
                    "attack at high temperature far better than standard fused magnesia. Recommended for "
                    "premium magnesia-carbon bricks in converter slag lines, EAF hot spots and other "
                    "demanding zones."
                ),
                "specs": [
                    ["MgO content", "≥ 98.0%"],
                    ["Key impurities", "CaO ≤ 1.0%, SiO₂ ≤ 0.6%"],
                    ["Bulk density", "≥ 3.53 g/cm³"],
                    ["Crystal size", "≥ 800 μm"],
                    ["Packing", "1-tonne jumbo bag"],
                ],
            },
            "ru": {
                "name": "Крупнокристаллический плавленый периклаз 98%",
                "description": (
                    "Отбирается вручную из крупнокристаллической сердцевины плавленого блока, затем дробится "
                    "и проходит магнитную сепарацию. Крупные зёрна периклаза с чистыми межзёренными "
                    "границами гораздо лучше обычного плавленого периклаза противостоят шлаку при высоких "
                    "температурах. Рекомендуется для периклазоуглеродистых изделий премиум-класса в шлаковом "
                    "поясе конвертеров, горячих зонах ДСП и других ответственных участках."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 98,0%"],
                    ["Основные примеси", "CaO ≤ 1,0%, SiO₂ ≤ 0,6%"],
                    ["Объёмная плотность", "≥ 3,53 г/см³"],
                    ["Размер кристаллов", "≥ 800 мкм"],
                    ["Упаковка", "Биг-бэг 1 т"],
                ],
            },
            "ko": {
                "name": "대결정 전융 마그네시아 98%",
                "description": (
                    "전기로 용융 괴의 중심부 대결정 부분만 선별해 파쇄하고 자력 선별했습니다. 결정립이 크고 "
                    "입계 불순물이 적어 고온 슬래그 침식 저항성이 일반 전융 마그네시아보다 훨씬 뛰어납니다. "
                    "전로 슬래그 라인, 전기로 핫스팟 등 가혹한 부위용 고급 마그네시아-카본 벽돌에 적합합니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 98.0%"],
                    ["주요 불순물", "CaO ≤ 1.0%, SiO₂ ≤ 0.6%"],
                    ["부피 밀도", "≥ 3.53 g/cm³"],
                    ["결정 크기", "≥ 800 μm"],
                    ["포장", "1톤 톤백"],
                ],
            },
        },
    },
    {
        "sku": "HM-MG-3003",
        "merchant": "haicheng-huamei-refractories",
        "category": "fused-magnesia",
        "hs_code": "2519901000",
        "customs_name": "电熔镁砂（电工级氧化镁粉）",
        "customs_unit": "035",
        "model": "HM-EGM-H",
        "origin_city": "haicheng",
        "net_weight_g": 25000,
        "gross_weight_g": 25200,
        "price_fen": 26000,
        "tiers": [[40, 24500], [200, 23000]],
        "moq": 10,
        "stock": 1800,
        "featured": False,
        "text": {
            "zh": {
                "name": "电工级电熔氧化镁粉",
                "description": (
                    "以高纯电熔镁砂为原料，经精细研磨、分级和高温煅烧改性，具有优异的高温绝缘性和导热性。粉体"
                    "流动性好、填充密实，适用于电热管、电热圈和铠装加热电缆。可按工况提供低温、中温和高温三种"
                    "型号。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 96.5%"],
                    ["粒度", "40–325 目"],
                    ["体积电阻率（1000 °C）", "≥ 5×10⁶ Ω·cm"],
                    ["包装", "25 kg 内衬塑料编织袋"],
                ],
            },
            "en": {
                "name": "Electrical-Grade Fused Magnesia Powder",
                "description": (
                    "High-purity fused magnesia is finely milled, classified and calcined to give excellent "
                    "high-temperature insulation and thermal conductivity. The free-flowing powder packs "
                    "densely, making it ideal for tubular heaters, band heaters and mineral-insulated "
                    "heating cables. Low-, medium- and high-temperature grades are available to suit each "
                    "application."
                ),
                "specs": [
                    ["MgO content", "≥ 96.5%"],
                    ["Grain size", "40–325 mesh"],
                    ["Volume resistivity (1000 °C)", "≥ 5×10⁶ Ω·cm"],
                    ["Packing", "25 kg woven bag with PE liner"],
                ],
            },
            "ru": {
                "name": "Порошок плавленого периклаза электротехнического назначения",
                "description": (
                    "Высокочистый плавленый периклаз тонко измельчается, классифицируется и прокаливается, "
                    "что обеспечивает отличную электроизоляцию и теплопроводность при высоких температурах. "
                    "Сыпучий порошок плотно заполняет оболочку и подходит для трубчатых электронагревателей "
                    "(ТЭН), хомутовых нагревателей и нагревательных кабелей с минеральной изоляцией. "
                    "Выпускаются низко-, средне- и высокотемпературные марки."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 96,5%"],
                    ["Фракция", "40–325 меш"],
                    ["Удельное объёмное сопротивление (1000 °C)", "≥ 5×10⁶ Ом·см"],
                    ["Упаковка", "Мешок 25 кг с полиэтиленовым вкладышем"],
                ],
            },
            "ko": {
                "name": "전기 절연용 전융 마그네시아 분말",
                "description": (
                    "고순도 전융 마그네시아를 미분쇄·분급한 뒤 소성 개질해 고온 절연성과 열전도성이 우수합니"
                    "다. 유동성이 좋아 충전 밀도가 높으며 튜브형 히터, 밴드 히터, 무기절연 발열 케이블에 적합"
                    "합니다. 사용 조건에 따라 저온·중온·고온형 세 가지 등급을 제공합니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 96.5%"],
                    ["입도", "40~325메시"],
                    ["체적 저항률 (1000°C)", "≥ 5×10⁶ Ω·cm"],
                    ["포장", "25kg PE 내피 직포 포대"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4001",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "sintered-magnesia",
        "hs_code": "2519902000",
        "customs_name": "烧结镁砂（重烧镁）",
        "customs_unit": "035",
        "model": "JY-DBM-90",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1003500,
        "price_fen": 205000,
        "tiers": [[20, 196000], [100, 188000]],
        "moq": 10,
        "stock": 900,
        "featured": False,
        "text": {
            "zh": {
                "name": "烧结镁砂 DBM-90（重烧镁）",
                "description": (
                    "菱镁矿经轻烧、压球后在高温竖窑中于1750 °C以上二步煅烧而成，结构致密，体积密度高。主要用"
                    "作电炉和转炉的喷补料、捣打料和修补料，以及镁质砖的骨料。价格适中，是钢厂消耗量最大的镁质"
                    "原料之一。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 90.0%"],
                    ["主要杂质", "CaO ≤ 2.5%, SiO₂ ≤ 4.5%"],
                    ["体积密度", "≥ 3.18 g/cm³"],
                    ["粒度", "0–1 / 1–3 / 3–5 / 5–8 mm"],
                    ["包装", "1吨吨袋"],
                ],
            },
            "en": {
                "name": "Dead-Burned Magnesia DBM 90",
                "description": (
                    "Magnesite is light-burned, briquetted and then fired a second time above 1,750 °C in a "
                    "high-temperature shaft kiln, giving a dense structure and high bulk density. It goes "
                    "into gunning, ramming and repair mixes for EAFs and converters and serves as aggregate "
                    "in magnesia bricks. Moderately priced, it is one of the magnesia raw materials "
                    "steelworks consume in the largest volumes."
                ),
                "specs": [
                    ["MgO content", "≥ 90.0%"],
                    ["Key impurities", "CaO ≤ 2.5%, SiO₂ ≤ 4.5%"],
                    ["Bulk density", "≥ 3.18 g/cm³"],
                    ["Grain size", "0–1 / 1–3 / 3–5 / 5–8 mm"],
                    ["Packing", "1-tonne jumbo bag"],
                ],
            },
            "ru": {
                "name": "Спечённый периклаз (металлургический магнезит) 90%",
                "description": (
                    "Магнезит подвергают каустическому обжигу, брикетируют и повторно обжигают при "
                    "температуре выше 1750 °C в высокотемпературной шахтной печи, получая плотную структуру "
                    "и высокую объёмную массу. Материал используется в торкрет-массах, набивных и ремонтных "
                    "смесях для ДСП и конвертеров, а также как заполнитель периклазовых изделий. Благодаря "
                    "умеренной цене это один из самых массовых магнезиальных материалов на металлургических "
                    "заводах."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 90,0%"],
                    ["Основные примеси", "CaO ≤ 2,5%, SiO₂ ≤ 4,5%"],
                    ["Объёмная плотность", "≥ 3,18 г/см³"],
                    ["Фракция", "0–1 / 1–3 / 3–5 / 5–8 мм"],
                    ["Упаковка", "Биг-бэг 1 т"],
                ],
            },
            "ko": {
                "name": "소결 마그네시아(사소 마그네시아) DBM 90",
                "description": (
                    "마그네사이트를 경소한 뒤 브리켓으로 성형해 고온 수직로에서 1,750°C 이상으로 2단 소성하여"
                    " 조직이 치밀하고 부피 밀도가 높습니다. 전기로·전로용 건닝재, 램밍재, 보수재와 마그네시아"
                    " 벽돌의 골재로 쓰입니다. 가격이 합리적이어서 제철소에서 가장 많이 소비하는 마그네시아 원"
                    "료 중 하나입니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 90.0%"],
                    ["주요 불순물", "CaO ≤ 2.5%, SiO₂ ≤ 4.5%"],
                    ["부피 밀도", "≥ 3.18 g/cm³"],
                    ["입도", "0–1 / 1–3 / 3–5 / 5–8 mm"],
                    ["포장", "1톤 톤백"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4002",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "sintered-magnesia",
        "hs_code": "2519902000",
        "customs_name": "烧结镁砂（高纯）",
        "customs_unit": "035",
        "model": "JY-HPSM-97",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1003500,
        "price_fen": 398000,
        "tiers": [[20, 386000], [100, 372000]],
        "moq": 5,
        "stock": 350,
        "featured": False,
        "text": {
            "zh": {
                "name": "高纯烧结镁砂 97",
                "description": (
                    "采用浮选提纯后的菱镁矿精粉，经轻烧、细磨、高压压球，再于超高温竖窑中烧结，MgO含量达97%以"
                    "上。晶粒发育良好、体积密度高，是生产高档镁砖和镁钙砖的优质原料。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 97.0%"],
                    ["主要杂质", "CaO ≤ 1.2%, SiO₂ ≤ 0.8%"],
                    ["体积密度", "≥ 3.35 g/cm³"],
                    ["粒度", "0–1 / 1–3 / 3–5 mm"],
                    ["包装", "1吨吨袋"],
                ],
            },
            "en": {
                "name": "High-Purity Sintered Magnesia 97",
                "description": (
                    "Flotation-purified magnesite concentrate is light-burned, finely ground, pressed into "
                    "high-density briquettes and sintered in an ultra-high-temperature shaft kiln to reach "
                    "more than 97% MgO. Well-grown crystals and high bulk density make it a premium raw "
                    "material for high-grade magnesia and magnesia-calcia bricks."
                ),
                "specs": [
                    ["MgO content", "≥ 97.0%"],
                    ["Key impurities", "CaO ≤ 1.2%, SiO₂ ≤ 0.8%"],
                    ["Bulk density", "≥ 3.35 g/cm³"],
                    ["Grain size", "0–1 / 1–3 / 3–5 mm"],
                    ["Packing", "1-tonne jumbo bag"],
                ],
            },
            "ru": {
                "name": "Высокочистый спечённый периклаз 97%",
                "description": (
                    "Флотационный магнезитовый концентрат проходит каустический обжиг, тонкий помол, "
                    "брикетирование под высоким давлением и спекание в сверхвысокотемпературной шахтной "
                    "печи; содержание MgO превышает 97%. Хорошо развитые кристаллы и высокая плотность "
                    "делают его ценным сырьём для высококачественных периклазовых и периклазоизвестковых "
                    "изделий."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 97,0%"],
                    ["Основные примеси", "CaO ≤ 1,2%, SiO₂ ≤ 0,8%"],
                    ["Объёмная плотность", "≥ 3,35 г/см³"],
                    ["Фракция", "0–1 / 1–3 / 3–5 мм"],
                    ["Упаковка", "Биг-бэг 1 т"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4003",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "sintered-magnesia",
        "hs_code": "2519903000",
        "customs_name": "轻烧镁",
        "customs_unit": "035",
        "model": "JY-CCM-85",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1002000,
        "price_fen": 128000,
        "tiers": [[20, 122000], [100, 116000]],
        "moq": 5,
        "stock": 1200,
        "featured": False,
        "text": {
            "zh": {
                "name": "轻烧氧化镁粉 85",
                "description": (
                    "菱镁矿在800–1000 °C的反射窑或悬浮炉中轻烧而成，活性高、反应速度快。广泛用于菱镁水泥制品"
                    "、饲料添加剂、烟气脱硫和化工原料。可根据用途调整活性和细度。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 85.0%"],
                    ["粒度", "200 目通过率 ≥ 95%"],
                    ["活性（柠檬酸值）", "60–200 s 可调"],
                    ["包装", "25 kg 编织袋或1吨吨袋"],
                ],
            },
            "en": {
                "name": "Caustic Calcined Magnesia 85",
                "description": (
                    "Magnesite is calcined at 800–1,000 °C in reverberatory or flash-calcining kilns to "
                    "produce a highly reactive powder. It is widely used for magnesium oxychloride cement "
                    "products, feed supplements, flue-gas desulphurisation and chemical manufacture. "
                    "Reactivity and fineness can be tuned to the application."
                ),
                "specs": [
                    ["MgO content", "≥ 85.0%"],
                    ["Grain size", "≥ 95% through 200 mesh"],
                    ["Activity (citric acid test)", "Adjustable, 60–200 s"],
                    ["Packing", "25 kg woven bags or 1-tonne jumbo bags"],
                ],
            },
            "ru": {
                "name": "Каустический магнезит, MgO 85%",
                "description": (
                    "Магнезит обжигают при 800–1000 °C в отражательных печах или печах взвешенного слоя, "
                    "получая порошок высокой реакционной способности. Он широко применяется для производства "
                    "изделий из магнезиального (сорелевого) цемента, кормовых добавок, сероочистки дымовых "
                    "газов и в химической промышленности. Активность и тонкость помола подбираются под "
                    "задачу."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 85,0%"],
                    ["Фракция", "Проход через сито 200 меш ≥ 95%"],
                    ["Активность (лимоннокислотное число)", "Регулируется, 60–200 с"],
                    ["Упаковка", "Мешки 25 кг или биг-бэги 1 т"],
                ],
            },
            "ko": {
                "name": "경소 마그네시아 분말 85",
                "description": (
                    "마그네사이트를 800~1,000°C 반사로 또는 현탁 소성로에서 경소해 반응성이 높은 분말로 만듭"
                    "니다. 마그네시아 시멘트 제품, 사료 첨가제, 배연 탈황제, 화학 원료로 널리 쓰입니다. 용도"
                    "에 따라 활성도와 분말도를 조정할 수 있습니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 85.0%"],
                    ["입도", "200메시 통과율 ≥ 95%"],
                    ["활성도 (구연산 값)", "60~200초 조정 가능"],
                    ["포장", "25kg 직포 포대 또는 1톤 톤백"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4004",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "sintered-magnesia",
        "hs_code": "2519100000",
        "customs_name": "天然碳酸镁（菱镁矿）",
        "customs_unit": "035",
        "model": "JY-MAG-47",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1002000,
        "price_fen": 52000,
        "tiers": [[100, 48000], [500, 45000]],
        "moq": 20,
        "stock": 5000,
        "featured": False,
        "text": {
            "zh": {
                "name": "天然菱镁矿块",
                "description": (
                    "产自大石桥自有矿山的高品位天然菱镁矿，经手选和破碎分级，杂质含量低。可直接用于生产轻烧镁"
                    "、重烧镁和电熔镁砂，也可用作冶金熔剂。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 46.5%"],
                    ["主要杂质", "CaO ≤ 0.8%, SiO₂ ≤ 0.5%"],
                    ["灼减", "≤ 51.5%"],
                    ["粒度", "10–50 mm / 50–150 mm"],
                    ["包装", "散装或1吨吨袋"],
                ],
            },
            "en": {
                "name": "Natural Magnesite Lumps",
                "description": (
                    "High-grade natural magnesite from Jinyuan's own mine in Dashiqiao, hand-sorted, crushed "
                    "and screened for low impurity levels. Suitable as feedstock for caustic, dead-burned "
                    "and fused magnesia, and as a metallurgical flux."
                ),
                "specs": [
                    ["MgO content", "≥ 46.5%"],
                    ["Key impurities", "CaO ≤ 0.8%, SiO₂ ≤ 0.5%"],
                    ["Loss on ignition", "≤ 51.5%"],
                    ["Grain size", "10–50 mm / 50–150 mm"],
                    ["Packing", "Bulk or 1-tonne jumbo bags"],
                ],
            },
            "ru": {
                "name": "Природный магнезит кусковой",
                "description": (
                    "Высокосортный природный магнезит с собственного рудника в Дашицяо: ручная сортировка, "
                    "дробление и рассев обеспечивают низкое содержание примесей. Подходит как сырьё для "
                    "производства каустического магнезита, спечённого и плавленого периклаза, а также как "
                    "металлургический флюс."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 46,5%"],
                    ["Основные примеси", "CaO ≤ 0,8%, SiO₂ ≤ 0,5%"],
                    ["Потери при прокаливании", "≤ 51,5%"],
                    ["Фракция", "10–50 мм / 50–150 мм"],
                    ["Упаковка", "Навалом или в биг-бэгах 1 т"],
                ],
            },
            "ko": {
                "name": "천연 마그네사이트 괴광",
                "description": (
                    "다스차오 자체 광산에서 채굴한 고품위 천연 마그네사이트로, 수선별·파쇄·분급을 거쳐 불순물"
                    "이 적습니다. 경소·사소·전융 마그네시아 생산 원료와 제강용 플럭스로 사용할 수 있습니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 46.5%"],
                    ["주요 불순물", "CaO ≤ 0.8%, SiO₂ ≤ 0.5%"],
                    ["강열감량", "≤ 51.5%"],
                    ["입도", "10–50 mm / 50–150 mm"],
                    ["포장", "벌크 또는 1톤 톤백"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4101",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "magnesium-metal",
        "hs_code": "8104110000",
        "customs_name": "含镁量≥99.8%的未锻轧镁",
        "customs_unit": "035",
        "model": "JY-Mg9990",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1001500,
        "price_fen": 1780000,
        "tiers": [[5, 1750000], [25, 1720000]],
        "moq": 1,
        "stock": 60,
        "featured": False,
        "text": {
            "zh": {
                "name": "纯镁锭 Mg9990",
                "description": (
                    "符合GB/T 3499 Mg9990牌号，单锭约7.5千克，表面光洁、无氧化夹杂。每吨捆扎成一托，便于叉车"
                    "装卸和海运。主要用于铝合金添加、炼钢脱硫和稀土还原。"
                ),
                "specs": [
                    ["化学成分", "Mg ≥ 99.90%, Fe ≤ 0.04%, Si ≤ 0.02%"],
                    ["锭重", "约 7.5 kg"],
                    ["执行标准", "GB/T 3499-2011"],
                    ["包装", "每捆约1吨，钢带捆扎"],
                ],
            },
            "en": {
                "name": "Magnesium Ingots Mg 99.90%",
                "description": (
                    "Meets GB/T 3499 grade Mg9990, with ingots of about 7.5 kg and clean surfaces free of "
                    "oxide inclusions. Strapped into one-tonne bundles for forklift handling and sea "
                    "freight. Main uses include aluminium alloying, steel desulphurisation and rare-earth "
                    "reduction."
                ),
                "specs": [
                    ["Chemical composition", "Mg ≥ 99.90%, Fe ≤ 0.04%, Si ≤ 0.02%"],
                    ["Ingot weight", "approx. 7.5 kg"],
                    ["Standard", "GB/T 3499-2011"],
                    ["Packing", "Steel-strapped bundles of approx. 1 t"],
                ],
            },
            "ru": {
                "name": "Первичный магний в чушках, 99,90% (Мг90)",
                "description": (
                    "Соответствует марке Mg9990 по GB/T 3499: чушки массой около 7,5 кг с чистой "
                    "поверхностью без оксидных включений. Упаковываются в обвязанные пакеты по одной тонне, "
                    "удобные для погрузки вилочным погрузчиком и морской перевозки. Основное применение — "
                    "легирование алюминиевых сплавов, десульфурация стали и восстановление редкоземельных "
                    "металлов; магниевый металл поставляется с сертификатом анализа."
                ),
                "specs": [
                    ["Химический состав", "Mg ≥ 99,90%, Fe ≤ 0,04%, Si ≤ 0,02%"],
                    ["Масса чушки", "около 7,5 кг"],
                    ["Стандарт", "GB/T 3499-2011"],
                    ["Упаковка", "Пакеты около 1 т со стальной обвязкой"],
                ],
            },
            "ko": {
                "name": "순마그네슘 잉곳 Mg 99.90%",
                "description": (
                    "GB/T 3499 Mg9990 등급에 부합하며 개당 약 7.5kg의 잉곳은 산화물 혼입 없이 표면이 깨끗합니"
                    "다. 1톤 단위로 결속해 지게차 하역과 해상 운송이 편리합니다. 알루미늄 합금 첨가, 제강 탈"
                    "황, 희토류 환원에 주로 사용됩니다."
                ),
                "specs": [
                    ["화학 성분", "Mg ≥ 99.90%, Fe ≤ 0.04%, Si ≤ 0.02%"],
                    ["잉곳 중량", "약 7.5kg"],
                    ["규격", "GB/T 3499-2011"],
                    ["포장", "약 1톤 단위 강철 밴드 결속"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4102",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "magnesium-metal",
        "hs_code": "8104190000",
        "customs_name": "未锻轧镁合金",
        "customs_unit": "035",
        "model": "JY-AZ91D",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1001500,
        "price_fen": 1960000,
        "tiers": [[5, 1925000], [25, 1890000]],
        "moq": 1,
        "stock": 45,
        "featured": True,
        "text": {
            "zh": {
                "name": "AZ91D压铸镁合金锭",
                "description": (
                    "按ASTM B93/B93M标准熔炼，精确控制铝、锌、锰含量，严格限制铁、铜、镍等有害杂质，耐蚀性好"
                    "。流动性优异，适合压铸笔记本电脑外壳、汽车方向盘骨架和电动工具壳体等薄壁件。每批附光谱成"
                    "分报告。"
                ),
                "specs": [
                    ["化学成分", "Al 8.5–9.5%, Zn 0.45–0.9%, Mn ≥ 0.17%"],
                    ["有害杂质", "Fe ≤ 0.004%, Cu ≤ 0.025%, Ni ≤ 0.001%"],
                    ["锭重", "约 7.5 kg"],
                    ["执行标准", "ASTM B93/B93M"],
                    ["包装", "每捆约1吨，钢带捆扎"],
                ],
            },
            "en": {
                "name": "AZ91D Die-Casting Magnesium Alloy Ingots",
                "description": (
                    "Melted to ASTM B93/B93M with tightly controlled aluminium, zinc and manganese and "
                    "strict limits on harmful iron, copper and nickel for good corrosion resistance. "
                    "Excellent fluidity suits thin-walled die castings such as laptop housings, "
                    "steering-wheel frames and power-tool casings. A spectrometer analysis report "
                    "accompanies every lot."
                ),
                "specs": [
                    ["Chemical composition", "Al 8.5–9.5%, Zn 0.45–0.9%, Mn ≥ 0.17%"],
                    ["Harmful impurities", "Fe ≤ 0.004%, Cu ≤ 0.025%, Ni ≤ 0.001%"],
                    ["Ingot weight", "approx. 7.5 kg"],
                    ["Standard", "ASTM B93/B93M"],
                    ["Packing", "Steel-strapped bundles of approx. 1 t"],
                ],
            },
            "ru": {
                "name": "Слитки магниевого сплава AZ91D для литья под давлением",
                "description": (
                    "Наши слитки магниевого сплава выплавляются по ASTM B93/B93M с точным содержанием "
                    "алюминия, цинка и марганца и жёстким ограничением вредных примесей железа, меди и "
                    "никеля, что обеспечивает хорошую коррозионную стойкость. Отличная жидкотекучесть "
                    "позволяет отливать тонкостенные детали — корпуса ноутбуков, каркасы рулевых колёс, "
                    "корпуса электроинструмента. К каждой партии прилагается протокол спектрального анализа."
                ),
                "specs": [
                    ["Химический состав", "Al 8,5–9,5%, Zn 0,45–0,9%, Mn ≥ 0,17%"],
                    ["Вредные примеси", "Fe ≤ 0,004%, Cu ≤ 0,025%, Ni ≤ 0,001%"],
                    ["Масса чушки", "около 7,5 кг"],
                    ["Стандарт", "ASTM B93/B93M"],
                    ["Упаковка", "Пакеты около 1 т со стальной обвязкой"],
                ],
            },
            "ko": {
                "name": "AZ91D 다이캐스팅용 마그네슘 합금 잉곳",
                "description": (
                    "ASTM B93/B93M 기준으로 용해하며 알루미늄·아연·망간 함량을 정밀하게 관리하고 철·구리·니켈"
                    " 등 유해 불순물을 엄격히 제한해 내식성이 우수합니다. 유동성이 뛰어나 노트북 케이스, 스티"
                    "어링 휠 프레임, 전동공구 하우징 같은 박육 다이캐스팅 부품에 적합합니다. 로트마다 분광 분"
                    "석 성적서를 제공합니다."
                ),
                "specs": [
                    ["화학 성분", "Al 8.5–9.5%, Zn 0.45–0.9%, Mn ≥ 0.17%"],
                    ["유해 불순물", "Fe ≤ 0.004%, Cu ≤ 0.025%, Ni ≤ 0.001%"],
                    ["잉곳 중량", "약 7.5kg"],
                    ["규격", "ASTM B93/B93M"],
                    ["포장", "약 1톤 단위 강철 밴드 결속"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4103",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "magnesium-metal",
        "hs_code": "8104190000",
        "customs_name": "未锻轧镁合金",
        "customs_unit": "035",
        "model": "JY-AM60B",
        "origin_city": "dashiqiao",
        "net_weight_g": 1000000,
        "gross_weight_g": 1001500,
        "price_fen": 2020000,
        "tiers": [[5, 1985000], [25, 1950000]],
        "moq": 1,
        "stock": 30,
        "featured": False,
        "text": {
            "zh": {
                "name": "AM60B高韧性镁合金锭",
                "description": (
                    "AM60B锌含量低、伸长率高，具有优良的吸能和抗冲击性能。适合压铸汽车仪表板横梁、座椅骨架和"
                    "轮毂等安全结构件。按ASTM B93/B93M标准生产，可提供第三方检测报告。"
                ),
                "specs": [
                    ["化学成分", "Al 5.6–6.4%, Mn ≥ 0.26%, Zn ≤ 0.20%"],
                    ["伸长率（压铸件）", "约 8%"],
                    ["锭重", "约 7.5 kg"],
                    ["执行标准", "ASTM B93/B93M"],
                ],
            },
            "en": {
                "name": "AM60B High-Ductility Magnesium Alloy Ingots",
                "description": (
                    "With low zinc and high elongation, AM60B absorbs energy well and stands up to impact. "
                    "It is the alloy of choice for safety-relevant die castings such as instrument-panel "
                    "beams, seat frames and wheels. Produced to ASTM B93/B93M, with third-party test reports "
                    "available."
                ),
                "specs": [
                    ["Chemical composition", "Al 5.6–6.4%, Mn ≥ 0.26%, Zn ≤ 0.20%"],
                    ["Elongation (as die cast)", "approx. 8%"],
                    ["Ingot weight", "approx. 7.5 kg"],
                    ["Standard", "ASTM B93/B93M"],
                ],
            },
            "ru": {
                "name": "Слитки магниевого сплава AM60B повышенной пластичности",
                "description": (
                    "Магниевый сплав AM60B с низким содержанием цинка и высоким относительным удлинением "
                    "хорошо поглощает энергию удара. Его выбирают для ответственных отливок — балок "
                    "приборной панели, каркасов сидений и колёсных дисков. Производится по ASTM B93/B93M; по "
                    "запросу предоставляются протоколы независимой лаборатории."
                ),
                "specs": [
                    ["Химический состав", "Al 5,6–6,4%, Mn ≥ 0,26%, Zn ≤ 0,20%"],
                    ["Относительное удлинение (отливка)", "около 8%"],
                    ["Масса чушки", "около 7,5 кг"],
                    ["Стандарт", "ASTM B93/B93M"],
                ],
            },
            "ko": {
                "name": "AM60B 고인성 마그네슘 합금 잉곳",
                "description": (
                    "AM60B는 아연 함량이 낮고 연신율이 높아 충격 흡수성과 내충격성이 뛰어납니다. 인스트루먼트"
                    " 패널 빔, 시트 프레임, 휠 등 안전 관련 다이캐스팅 부품에 적합합니다. ASTM B93/B93M 기준"
                    "으로 생산하며 제3자 시험 성적서를 제공할 수 있습니다."
                ),
                "specs": [
                    ["화학 성분", "Al 5.6–6.4%, Mn ≥ 0.26%, Zn ≤ 0.20%"],
                    ["연신율 (다이캐스팅)", "약 8%"],
                    ["잉곳 중량", "약 7.5kg"],
                    ["규격", "ASTM B93/B93M"],
                ],
            },
        },
    },
    {
        "sku": "JY-MG-4104",
        "merchant": "dashiqiao-jinyuan-magnesium",
        "category": "magnesium-metal",
        "hs_code": "8104300090",
        "customs_name": "已分级的镁颗粒",
        "customs_unit": "035",
        "model": "JY-MGG-0516",
        "origin_city": "dashiqiao",
        "net_weight_g": 200000,
        "gross_weight_g": 218000,
        "price_fen": 420000,
        "tiers": [[20, 408000], [80, 396000]],
        "moq": 5,
        "stock": 300,
        "featured": False,
        "text": {
            "zh": {
                "name": "脱硫用镁粒",
                "description": (
                    "由纯镁锭经切削、筛分和表面钝化处理制成，颗粒均匀、不易氧化。主要用于铁水预处理喷吹脱硫，"
                    "与石灰粉复合使用可将硫含量降至0.005%以下。采用充氩铁桶包装，运输安全。"
                ),
                "specs": [
                    ["化学成分", "Mg ≥ 99.0%"],
                    ["粒度", "0.5–1.6 mm"],
                    ["包装", "200 kg 充氩铁桶"],
                    ["危险品类别", "UN1869，4.1类"],
                ],
            },
            "en": {
                "name": "Magnesium Granules for Desulphurisation",
                "description": (
                    "Made from pure magnesium ingots by cutting, screening and surface passivation, giving "
                    "uniform granules that resist oxidation. Used mainly for hot-metal desulphurisation by "
                    "injection; combined with lime it brings sulphur below 0.005%. Packed in argon-filled "
                    "steel drums for safe transport."
                ),
                "specs": [
                    ["Chemical composition", "Mg ≥ 99.0%"],
                    ["Grain size", "0.5–1.6 mm"],
                    ["Packing", "200 kg argon-filled steel drum"],
                    ["Dangerous goods class", "UN1869, class 4.1"],
                ],
            },
            "ru": {
                "name": "Гранулированный магний для десульфурации чугуна",
                "description": (
                    "Изготавливается из чушкового магния резкой, рассевом и пассивацией поверхности: гранулы "
                    "однородны и устойчивы к окислению. Применяется для внедоменной десульфурации чугуна "
                    "вдуванием; в смеси с известью снижает содержание серы ниже 0,005%. Упаковка — стальные "
                    "бочки, заполненные аргоном, для безопасной перевозки."
                ),
                "specs": [
                    ["Химический состав", "Mg ≥ 99,0%"],
                    ["Фракция", "0,5–1,6 мм"],
                    ["Упаковка", "Стальная бочка 200 кг с аргоном"],
                    ["Класс опасности", "UN1869, класс 4.1"],
                ],
            },
            "ko": {
                "name": "탈황용 마그네슘 입자",
                "description": (
                    "순마그네슘 잉곳을 절삭·체질·표면 부동태화 처리해 입자가 균일하고 산화에 강합니다. 주로 "
                    "용선 예비처리 분사 탈황에 사용하며, 생석회와 함께 쓰면 황 함량을 0.005% 이하로 낮출 수 "
                    "있습니다. 아르곤을 충전한 철제 드럼에 포장해 안전하게 운송합니다."
                ),
                "specs": [
                    ["화학 성분", "Mg ≥ 99.0%"],
                    ["입도", "0.5–1.6 mm"],
                    ["포장", "200kg 아르곤 충전 철제 드럼"],
                    ["위험물 등급", "UN1869, 4.1급"],
                ],
            },
        },
    },
    {
        "sku": "HM-MG-3101",
        "merchant": "haicheng-huamei-refractories",
        "category": "magnesia-refractories",
        "hs_code": "6815910000",
        "customs_name": "镁碳砖（含方镁石及石墨）",
        "customs_unit": "035",
        "model": "HM-MT14A",
        "origin_city": "haicheng",
        "net_weight_g": 1000000,
        "gross_weight_g": 1025000,
        "price_fen": 560000,
        "tiers": [[20, 545000], [60, 530000]],
        "moq": 5,
        "stock": 150,
        "featured": False,
        "text": {
            "zh": {
                "name": "镁碳砖 MT-14A",
                "description": (
                    "以电熔镁砂和高纯鳞片石墨为主要原料，添加金属铝、硅抗氧化剂，采用1000吨摩擦压砖机成型。抗"
                    "渣侵蚀和抗热震性能优异，适用于转炉、电炉和钢包渣线部位。可按客户图纸定制砖型。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 76%"],
                    ["固定碳", "≥ 14%"],
                    ["体积密度", "≥ 2.95 g/cm³"],
                    ["显气孔率", "≤ 4%"],
                    ["常温耐压强度", "≥ 40 MPa"],
                    ["包装", "木托盘，每托约1吨"],
                ],
            },
            "en": {
                "name": "Magnesia-Carbon Brick MT-14A",
                "description": (
                    "Based on fused magnesia and high-purity flake graphite with aluminium and silicon "
                    "antioxidants, pressed on 1,000-tonne screw presses. Outstanding slag and thermal-shock "
                    "resistance for converter, EAF and ladle slag-line linings. Brick shapes are made to "
                    "customer drawings."
                ),
                "specs": [
                    ["MgO content", "≥ 76%"],
                    ["Fixed carbon", "≥ 14%"],
                    ["Bulk density", "≥ 2.95 g/cm³"],
                    ["Apparent porosity", "≤ 4%"],
                    ["Cold crushing strength", "≥ 40 MPa"],
                    ["Packing", "Wooden pallet, approx. 1 t"],
                ],
            },
            "ru": {
                "name": "Периклазоуглеродистый кирпич MT-14A",
                "description": (
                    "Изготавливается из плавленого периклаза и высокочистого чешуйчатого графита с "
                    "антиоксидантами — металлическим алюминием и кремнием — на винтовых прессах усилием 1000 "
                    "т. Отличная стойкость к шлаку и термоударам для футеровки конвертеров, ДСП и шлакового "
                    "пояса ковшей. Форма изделий — по чертежам заказчика."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 76%"],
                    ["Остаточный углерод", "≥ 14%"],
                    ["Объёмная плотность", "≥ 2,95 г/см³"],
                    ["Открытая пористость", "≤ 4%"],
                    ["Предел прочности при сжатии", "≥ 40 МПа"],
                    ["Упаковка", "Деревянный поддон, около 1 т"],
                ],
            },
            "ko": {
                "name": "마그네시아-카본 벽돌 MT-14A",
                "description": (
                    "전융 마그네시아와 고순도 인상흑연을 주원료로 알루미늄·실리콘 산화방지제를 첨가하고 "
                    "1,000톤 마찰 프레스로 성형합니다. 슬래그 침식과 열충격 저항성이 뛰어나 전로, 전기로, 래"
                    "들 슬래그 라인에 적합합니다. 고객 도면에 맞춰 벽돌 형상을 제작합니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 76%"],
                    ["고정 탄소", "≥ 14%"],
                    ["부피 밀도", "≥ 2.95 g/cm³"],
                    ["겉보기 기공률", "≤ 4%"],
                    ["상온 압축강도", "≥ 40 MPa"],
                    ["포장", "나무 팔레트, 팔레트당 약 1톤"],
                ],
            },
        },
    },
    {
        "sku": "HM-MG-3102",
        "merchant": "haicheng-huamei-refractories",
        "category": "magnesia-refractories",
        "hs_code": "6902100000",
        "customs_name": "镁铬质耐火砖",
        "customs_unit": "035",
        "model": "HM-DMC-12",
        "origin_city": "haicheng",
        "net_weight_g": 1000000,
        "gross_weight_g": 1025000,
        "price_fen": 780000,
        "tiers": [[20, 760000], [60, 742000]],
        "moq": 5,
        "stock": 90,
        "featured": False,
        "text": {
            "zh": {
                "name": "直接结合镁铬砖",
                "description": (
                    "以烧结镁砂和铬精矿为原料，经1750 °C高温烧成，方镁石与尖晶石直接结合，高温强度高。适用于"
                    "RH真空精炼炉、有色冶炼炉和水泥回转窑过渡带。"
                ),
                "specs": [
                    ["MgO 含量", "≥ 70%"],
                    ["Cr₂O₃ 含量", "≥ 12%"],
                    ["显气孔率", "≤ 18%"],
                    ["常温耐压强度", "≥ 45 MPa"],
                    ["荷重软化温度", "≥ 1700 °C"],
                    ["包装", "木托盘，每托约1吨"],
                ],
            },
            "en": {
                "name": "Direct-Bonded Magnesia-Chrome Brick",
                "description": (
                    "Sintered magnesia and chrome concentrate are fired at 1,750 °C so that periclase and "
                    "spinel bond directly, giving high hot strength. Suited to RH degassers, non-ferrous "
                    "smelting furnaces and the transition zone of cement rotary kilns."
                ),
                "specs": [
                    ["MgO content", "≥ 70%"],
                    ["Cr₂O₃ content", "≥ 12%"],
                    ["Apparent porosity", "≤ 18%"],
                    ["Cold crushing strength", "≥ 45 MPa"],
                    ["Refractoriness under load", "≥ 1700 °C"],
                    ["Packing", "Wooden pallet, approx. 1 t"],
                ],
            },
            "ru": {
                "name": "Периклазохромитовый кирпич прямой связи",
                "description": (
                    "Изготавливается из спечённого периклаза и хромитового концентрата с обжигом при 1750 "
                    "°C, поэтому зёрна периклаза и шпинели связаны напрямую, а прочность при высоких "
                    "температурах высока. Применяется в вакууматорах RH, печах цветной металлургии и "
                    "переходной зоне цементных вращающихся печей."
                ),
                "specs": [
                    ["Содержание MgO", "≥ 70%"],
                    ["Содержание Cr₂O₃", "≥ 12%"],
                    ["Открытая пористость", "≤ 18%"],
                    ["Предел прочности при сжатии", "≥ 45 МПа"],
                    ["Температура начала деформации под нагрузкой", "≥ 1700 °C"],
                    ["Упаковка", "Деревянный поддон, около 1 т"],
                ],
            },
            "ko": {
                "name": "직접결합 마그네시아-크롬 벽돌",
                "description": (
                    "소결 마그네시아와 크롬 정광을 1,750°C에서 소성해 페리클레이스와 스피넬이 직접 결합하므로"
                    " 고온 강도가 높습니다. RH 진공 탈가스 설비, 비철 제련로, 시멘트 로터리 킬른 전이대에 적"
                    "합합니다."
                ),
                "specs": [
                    ["MgO 함량", "≥ 70%"],
                    ["Cr₂O₃ 함량", "≥ 12%"],
                    ["겉보기 기공률", "≤ 18%"],
                    ["상온 압축강도", "≥ 45 MPa"],
                    ["하중 연화 온도", "≥ 1700 °C"],
                    ["포장", "나무 팔레트, 팔레트당 약 1톤"],
                ],
            },
        },
    },
]
