"""Demo products: Dalian/Fushun/Benxi special steel.

Pure data, merged into ``storefront.demo.content.PRODUCTS``.
"""

PRODUCTS = [
    {
        "sku": "DB-ST-7001",
        "merchant": "dalian-bohai-tool-steel",
        "category": "tool-die-steel",
        "hs_code": "7228300000",
        "customs_name": "合金工具钢热轧圆钢",
        "customs_unit": "035",
        "model": "Cr12MoV Ø60×3000",
        "origin_city": "dalian",
        "net_weight_g": 66600,
        "gross_weight_g": 67000,
        "price_fen": 93200,
        "tiers": [[20, 89500], [100, 85800]],
        "moq": 5,
        "stock": 400,
        "featured": True,
        "text": {
            "zh": {
                "name": "Cr12MoV合金工具钢圆钢 Ø60 mm",
                "description": (
                    "Cr12MoV属高碳高铬冷作模具钢，淬透性好、淬火变形小、耐磨性优异。采用电炉冶炼加电渣重熔，"
                    "球化退火状态交货，便于机加工。适用于冲裁模、冷镦模、搓丝板和剪切刀片。"
                ),
                "specs": [
                    ["钢号", "Cr12MoV (GB/T 1299)"],
                    ["近似牌号", "≈ 1.2601（DIN）/ Х12МФ（ГОСТ）"],
                    ["规格", "Ø60 × 3000 mm"],
                    ["交货状态", "热轧 + 球化退火，黑皮"],
                    ["硬度", "≤ 255 HBW"],
                    ["超声波探伤", "GB/T 4162 B级"],
                ],
            },
            "en": {
                "name": "Cr12MoV Alloy Tool Steel Round Bar Ø60 mm",
                "description": (
                    "Cr12MoV is a high-carbon, high-chromium cold-work die steel with deep hardenability, "
                    "minimal distortion on quenching and excellent wear resistance. Electric-arc melted and "
                    "electroslag remelted, it is delivered spheroidise-annealed for easy machining. Used for "
                    "blanking dies, cold-heading dies, thread-rolling dies and shear blades."
                ),
                "specs": [
                    ["Grade", "Cr12MoV (GB/T 1299)"],
                    ["Equivalents", "≈ 1.2601 (DIN) / Kh12MF (GOST)"],
                    ["Size", "Ø60 × 3000 mm"],
                    ["Delivery condition", "Hot rolled + spheroidise annealed, black surface"],
                    ["Hardness", "≤ 255 HBW"],
                    ["Ultrasonic testing", "GB/T 4162 class B"],
                ],
            },
            "ru": {
                "name": "Круг из инструментальной легированной стали Cr12MoV (Х12МФ) Ø60 мм",
                "description": (
                    "Cr12MoV (аналог Х12МФ) — высокоуглеродистая высокохромистая штамповая сталь для "
                    "холодного деформирования с высокой прокаливаемостью, минимальными деформациями при "
                    "закалке и отличной износостойкостью. Выплавляется в электродуговой печи с "
                    "электрошлаковым переплавом и поставляется после сфероидизирующего отжига, что облегчает "
                    "механическую обработку. Применяется для вырубных штампов, штампов холодной высадки, "
                    "накатных плашек и ножей ножниц."
                ),
                "specs": [
                    ["Марка стали", "Cr12MoV (GB/T 1299)"],
                    ["Аналоги", "≈ Х12МФ (ГОСТ 5950) / 1.2601 (DIN)"],
                    ["Размер", "Ø60 × 3000 мм"],
                    [
                        "Состояние поставки",
                        "Горячекатаный, сфероидизирующий отжиг, необработанная поверхность",
                    ],
                    ["Твёрдость", "≤ 255 HBW"],
                    ["Ультразвуковой контроль", "GB/T 4162, класс B"],
                ],
            },
            "ko": {
                "name": "Cr12MoV 합금 공구강 환봉 Ø60mm",
                "description": (
                    "Cr12MoV는 고탄소·고크롬 냉간 금형강으로 경화능이 좋고 담금질 변형이 적으며 내마모성이 뛰"
                    "어납니다. 전기로 용해 후 일렉트로슬래그 재용해(ESR)를 거쳐 구상화 어닐링 상태로 납품되어"
                    " 가공이 쉽습니다. 블랭킹 금형, 냉간 단조 금형, 전조 다이, 전단 칼날에 사용됩니다."
                ),
                "specs": [
                    ["강종", "Cr12MoV (GB/T 1299)"],
                    ["대응 강종", "≈ 1.2601 (DIN) / Х12МФ (GOST)"],
                    ["규격", "Ø60 × 3000 mm"],
                    ["납품 상태", "열간압연 + 구상화 어닐링, 흑피"],
                    ["경도", "≤ 255 HBW"],
                    ["초음파 탐상", "GB/T 4162 B급"],
                ],
            },
        },
    },
    {
        "sku": "DB-ST-7002",
        "merchant": "dalian-bohai-tool-steel",
        "category": "tool-die-steel",
        "hs_code": "7228400000",
        "customs_name": "合金钢锻制圆钢",
        "customs_unit": "035",
        "model": "H13-ESR Ø120×3000",
        "origin_city": "dalian",
        "net_weight_g": 266000,
        "gross_weight_g": 268000,
        "price_fen": 585000,
        "tiers": [[5, 565000], [20, 545000]],
        "moq": 1,
        "stock": 80,
        "featured": False,
        "text": {
            "zh": {
                "name": "H13电渣重熔热作模具钢锻圆 Ø120 mm",
                "description": (
                    "经电渣重熔和多向锻造，组织致密均匀、等向性好，带状偏析控制在SEP 1614标准以内。具有优良的"
                    "热强性、热疲劳抗力和韧性，是铝合金压铸模、热挤压模和热锻模的标准材料。100%超声波探伤。"
                ),
                "specs": [
                    ["钢号", "4Cr5MoSiV1 (H13)"],
                    ["近似牌号", "≈ 1.2344 / SKD61"],
                    ["规格", "Ø120 × 3000 mm"],
                    ["交货状态", "锻造 + 退火，粗车"],
                    ["硬度", "≤ 229 HBW"],
                    ["超声波探伤", "SEP 1921 D/d 级"],
                ],
            },
            "en": {
                "name": "H13 ESR Hot-Work Die Steel Forged Round Bar Ø120 mm",
                "description": (
                    "Electroslag remelted and multi-directionally forged for a dense, uniform and isotropic "
                    "structure, with banding held within SEP 1614 limits. Excellent hot strength, "
                    "thermal-fatigue resistance and toughness make it the standard choice for aluminium "
                    "die-casting dies, hot-extrusion dies and forging dies. 100% ultrasonically tested."
                ),
                "specs": [
                    ["Grade", "4Cr5MoSiV1 (H13)"],
                    ["Equivalents", "≈ 1.2344 / SKD61"],
                    ["Size", "Ø120 × 3000 mm"],
                    ["Delivery condition", "Forged + annealed, rough turned"],
                    ["Hardness", "≤ 229 HBW"],
                    ["Ultrasonic testing", "SEP 1921 class D/d"],
                ],
            },
            "ru": {
                "name": "Кованый круг из штамповой стали H13 (4Х5МФ1С) ЭШП Ø120 мм",
                "description": (
                    "Сталь проходит электрошлаковый переплав и многонаправленную ковку, что обеспечивает "
                    "плотную однородную изотропную структуру; полосчатость не выходит за пределы SEP 1614. "
                    "Высокая теплостойкость, сопротивление термической усталости и вязкость делают её "
                    "стандартным выбором для пресс-форм литья алюминия под давлением, матриц горячего "
                    "прессования и ковочных штампов. 100% ультразвуковой контроль."
                ),
                "specs": [
                    ["Марка стали", "4Cr5MoSiV1 (H13)"],
                    ["Аналоги", "≈ 4Х5МФ1С / 1.2344 / SKD61"],
                    ["Размер", "Ø120 × 3000 мм"],
                    ["Состояние поставки", "Кованый, отожжённый, обточенный"],
                    ["Твёрдость", "≤ 229 HBW"],
                    ["Ультразвуковой контроль", "SEP 1921, класс D/d"],
                ],
            },
            "ko": {
                "name": "H13 ESR 열간 금형강 단조 환봉 Ø120mm",
                "description": (
                    "일렉트로슬래그 재용해와 다방향 단조로 조직이 치밀하고 균일하며 등방성이 우수하고, 편석"
                    "(밴딩)은 SEP 1614 기준 이내로 관리됩니다. 고온 강도, 열피로 저항성, 인성이 뛰어나 알루미"
                    "늄 다이캐스팅 금형, 열간 압출 금형, 단조 금형의 표준 소재로 쓰입니다. 전수 초음파 탐상을"
                    " 실시합니다."
                ),
                "specs": [
                    ["강종", "4Cr5MoSiV1 (H13)"],
                    ["대응 강종", "≈ 1.2344 / SKD61"],
                    ["규격", "Ø120 × 3000 mm"],
                    ["납품 상태", "단조 + 어닐링, 황삭"],
                    ["경도", "≤ 229 HBW"],
                    ["초음파 탐상", "SEP 1921 D/d 등급"],
                ],
            },
        },
    },
    {
        "sku": "DB-ST-7003",
        "merchant": "dalian-bohai-tool-steel",
        "category": "tool-die-steel",
        "hs_code": "7228400000",
        "customs_name": "合金钢锻制扁钢",
        "customs_unit": "035",
        "model": "718H 300×100×1000",
        "origin_city": "dalian",
        "net_weight_g": 235500,
        "gross_weight_g": 237000,
        "price_fen": 471000,
        "tiers": [[5, 455000], [20, 440000]],
        "moq": 1,
        "stock": 60,
        "featured": False,
        "text": {
            "zh": {
                "name": "718H预硬塑料模具钢锻制扁钢 300×100 mm",
                "description": (
                    "3Cr2MnNiMo预硬化塑料模具钢，出厂硬度33–37 HRC，用户无需热处理即可直接加工，缩短模具制造"
                    "周期。镍元素提高了大截面的淬透性和硬度均匀性，抛光和蚀纹性能良好。适用于家电外壳、汽车保"
                    "险杠和仪表板等大中型注塑模具。"
                ),
                "specs": [
                    ["钢号", "3Cr2MnNiMo (718H)"],
                    ["近似牌号", "≈ 1.2738"],
                    ["规格", "300 × 100 × 1000 mm"],
                    ["交货状态", "锻造 + 调质预硬，铣光"],
                    ["硬度", "33–37 HRC"],
                    ["超声波探伤", "GB/T 4162 B级"],
                ],
            },
            "en": {
                "name": "718H Pre-Hardened Plastic Mould Steel, Forged Flat 300×100 mm",
                "description": (
                    "3Cr2MnNiMo pre-hardened plastic mould steel is supplied at 33–37 HRC, so it can be "
                    "machined without further heat treatment, shortening mould lead times. Nickel improves "
                    "hardenability and hardness uniformity across large sections, and it polishes and "
                    "textures well. Suited to large and medium injection moulds for appliance housings, car "
                    "bumpers and instrument panels."
                ),
                "specs": [
                    ["Grade", "3Cr2MnNiMo (718H)"],
                    ["Equivalents", "≈ 1.2738"],
                    ["Size", "300 × 100 × 1000 mm"],
                    ["Delivery condition", "Forged, quenched and tempered, milled"],
                    ["Hardness", "33–37 HRC"],
                    ["Ultrasonic testing", "GB/T 4162 class B"],
                ],
            },
            "ru": {
                "name": "Предварительно закалённая сталь для пресс-форм 718H, кованая полоса 300×100 мм",
                "description": (
                    "Предварительно закалённая сталь для пресс-форм 3Cr2MnNiMo поставляется с твёрдостью "
                    "33–37 HRC и обрабатывается без дополнительной термообработки, что сокращает сроки "
                    "изготовления форм. Никель повышает прокаливаемость и равномерность твёрдости в крупных "
                    "сечениях; сталь хорошо полируется и поддаётся текстурированию. Подходит для крупных и "
                    "средних литьевых форм корпусов бытовой техники, бамперов и приборных панелей."
                ),
                "specs": [
                    ["Марка стали", "3Cr2MnNiMo (718H)"],
                    ["Аналоги", "≈ 1.2738"],
                    ["Размер", "300 × 100 × 1000 мм"],
                    ["Состояние поставки", "Кованая, улучшенная, фрезерованная"],
                    ["Твёрдость", "33–37 HRC"],
                    ["Ультразвуковой контроль", "GB/T 4162, класс B"],
                ],
            },
        },
    },
    {
        "sku": "DB-ST-7004",
        "merchant": "dalian-bohai-tool-steel",
        "category": "tool-die-steel",
        "hs_code": "7228100000",
        "customs_name": "高速钢圆钢",
        "customs_unit": "035",
        "model": "M2 Ø20×2500",
        "origin_city": "dalian",
        "net_weight_g": 6400,
        "gross_weight_g": 6500,
        "price_fen": 48000,
        "tiers": [[50, 45000], [200, 42500]],
        "moq": 10,
        "stock": 900,
        "featured": False,
        "text": {
            "zh": {
                "name": "M2（W6Mo5Cr4V2）高速工具钢圆钢 Ø20 mm",
                "description": (
                    "W6Mo5Cr4V2是应用最广的钨钼系通用高速钢，兼具高硬度、红硬性和良好韧性。碳化物细小均匀，磨"
                    "削性能好，适合制造麻花钻、丝锥、铣刀、拉刀和冲头。"
                ),
                "specs": [
                    ["钢号", "W6Mo5Cr4V2 (M2)"],
                    ["近似牌号", "≈ 1.3343 / SKH51"],
                    ["规格", "Ø20 × 2500 mm"],
                    ["交货状态", "冷拉 + 退火，磨光"],
                    ["硬度", "≤ 255 HBW"],
                    ["淬回火后硬度", "≥ 63 HRC"],
                ],
            },
            "en": {
                "name": "M2 High-Speed Steel Round Bar Ø20 mm",
                "description": (
                    "W6Mo5Cr4V2 is the most widely used general-purpose tungsten-molybdenum high-speed "
                    "steel, combining high hardness, red hardness and good toughness. Fine, evenly "
                    "distributed carbides grind well, making it ideal for twist drills, taps, milling "
                    "cutters, broaches and punches."
                ),
                "specs": [
                    ["Grade", "W6Mo5Cr4V2 (M2)"],
                    ["Equivalents", "≈ 1.3343 / SKH51"],
                    ["Size", "Ø20 × 2500 mm"],
                    ["Delivery condition", "Cold drawn + annealed, ground"],
                    ["Hardness", "≤ 255 HBW"],
                    ["Hardened & tempered", "≥ 63 HRC"],
                ],
            },
            "ru": {
                "name": "Круг из быстрорежущей стали Р6М5 (M2) Ø20 мм",
                "description": (
                    "Р6М5 (W6Mo5Cr4V2) — самая распространённая вольфрамомолибденовая быстрорежущая сталь "
                    "общего назначения, сочетающая высокую твёрдость, теплостойкость и хорошую вязкость. "
                    "Мелкие равномерно распределённые карбиды обеспечивают хорошую шлифуемость, поэтому "
                    "сталь идеальна для спиральных свёрл, метчиков, фрез, протяжек и пуансонов."
                ),
                "specs": [
                    ["Марка стали", "W6Mo5Cr4V2 (M2)"],
                    ["Аналоги", "≈ Р6М5 / 1.3343 / SKH51"],
                    ["Размер", "Ø20 × 2500 мм"],
                    ["Состояние поставки", "Холоднотянутый, отожжённый, шлифованный"],
                    ["Твёрдость", "≤ 255 HBW"],
                    ["Твёрдость после закалки и отпуска", "≥ 63 HRC"],
                ],
            },
            "ko": {
                "name": "M2 고속도 공구강 환봉 Ø20mm",
                "description": (
                    "W6Mo5Cr4V2는 가장 널리 쓰이는 텅스텐-몰리브덴계 범용 고속도강으로 높은 경도, 적열 경도, "
                    "우수한 인성을 겸비했습니다. 탄화물이 미세하고 고르게 분포해 연삭성이 좋아 트위스트 드릴"
                    ", 탭, 엔드밀, 브로치, 펀치 제작에 적합합니다."
                ),
                "specs": [
                    ["강종", "W6Mo5Cr4V2 (M2)"],
                    ["대응 강종", "≈ 1.3343 / SKH51"],
                    ["규격", "Ø20 × 2500 mm"],
                    ["납품 상태", "냉간인발 + 어닐링, 연마"],
                    ["경도", "≤ 255 HBW"],
                    ["담금질·뜨임 후 경도", "≥ 63 HRC"],
                ],
            },
        },
    },
    {
        "sku": "DB-ST-7005",
        "merchant": "dalian-bohai-tool-steel",
        "category": "tool-die-steel",
        "hs_code": "7228300000",
        "customs_name": "合金工具钢热轧扁钢",
        "customs_unit": "035",
        "model": "Cr12Mo1V1 30×100×3000",
        "origin_city": "dalian",
        "net_weight_g": 70650,
        "gross_weight_g": 71000,
        "price_fen": 116600,
        "tiers": [[10, 112000], [50, 108000]],
        "moq": 2,
        "stock": 300,
        "featured": False,
        "text": {
            "zh": {
                "name": "Cr12Mo1V1（D2）冷作模具钢扁钢 30×100 mm",
                "description": (
                    "Cr12Mo1V1对应美国D2钢，碳化物更细小均匀，韧性和耐磨性均优于Cr12MoV。扁钢规格便于直接下料"
                    "制作冲压模镶块和刀片，减少加工余量。电渣重熔冶炼，可提供退火料或真空淬火精料。"
                ),
                "specs": [
                    ["钢号", "Cr12Mo1V1 (GB/T 1299)"],
                    ["近似牌号", "≈ D2 / 1.2379 / SKD11"],
                    ["规格", "30 × 100 × 3000 mm"],
                    ["交货状态", "热轧 + 退火，可铣磨"],
                    ["硬度", "≤ 255 HBW"],
                ],
            },
            "en": {
                "name": "Cr12Mo1V1 (D2) Cold-Work Tool Steel Flat Bar 30×100 mm",
                "description": (
                    "Cr12Mo1V1 is the Chinese counterpart of AISI D2; its finer, more uniform carbides give "
                    "better toughness and wear resistance than Cr12MoV. Flat-bar sizes can be cut straight "
                    "into stamping-die inserts and blades with less machining allowance. Electroslag "
                    "remelted and available annealed or as vacuum-hardened precision blanks."
                ),
                "specs": [
                    ["Grade", "Cr12Mo1V1 (GB/T 1299)"],
                    ["Equivalents", "≈ D2 / 1.2379 / SKD11"],
                    ["Size", "30 × 100 × 3000 mm"],
                    ["Delivery condition", "Hot rolled + annealed; milling and grinding available"],
                    ["Hardness", "≤ 255 HBW"],
                ],
            },
            "ru": {
                "name": "Полоса из штамповой стали Cr12Mo1V1 (D2) 30×100 мм",
                "description": (
                    "Cr12Mo1V1 — китайский аналог стали AISI D2 (близка к Х12МФ1); более мелкие и "
                    "равномерные карбиды обеспечивают лучшую вязкость и износостойкость, чем у Cr12MoV. "
                    "Полоса удобна для прямой нарезки вставок вырубных штампов и ножей с минимальным "
                    "припуском. Сталь электрошлакового переплава поставляется в отожжённом состоянии или в "
                    "виде точных заготовок после вакуумной закалки."
                ),
                "specs": [
                    ["Марка стали", "Cr12Mo1V1 (GB/T 1299)"],
                    ["Аналоги", "≈ Х12МФ1 / D2 / 1.2379 / SKD11"],
                    ["Размер", "30 × 100 × 3000 мм"],
                    ["Состояние поставки", "Горячекатаная, отожжённая; возможны фрезерование и шлифовка"],
                    ["Твёрдость", "≤ 255 HBW"],
                ],
            },
            "ko": {
                "name": "Cr12Mo1V1(D2) 냉간 금형강 평강 30×100mm",
                "description": (
                    "Cr12Mo1V1은 미국 AISI D2에 해당하는 강종으로 탄화물이 더 미세하고 균일해 Cr12MoV보다 인"
                    "성과 내마모성이 우수합니다. 평강 규격이라 프레스 금형 인서트와 칼날을 바로 절단해 가공 "
                    "여유를 줄일 수 있습니다. ESR 재용해 소재로 어닐링 상태 또는 진공 담금질 정밀 블랭크로 공"
                    "급합니다."
                ),
                "specs": [
                    ["강종", "Cr12Mo1V1 (GB/T 1299)"],
                    ["대응 강종", "≈ D2 / 1.2379 / SKD11"],
                    ["규격", "30 × 100 × 3000 mm"],
                    ["납품 상태", "열간압연 + 어닐링, 밀링·연삭 가능"],
                    ["경도", "≤ 255 HBW"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8001",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "structural-alloy-steel",
        "hs_code": "7228300000",
        "customs_name": "轴承钢热轧圆钢",
        "customs_unit": "035",
        "model": "GCr15 Ø50×6000",
        "origin_city": "fushun",
        "net_weight_g": 92500,
        "gross_weight_g": 92800,
        "price_fen": 62900,
        "tiers": [[50, 60500], [200, 58200]],
        "moq": 10,
        "stock": 1500,
        "featured": True,
        "text": {
            "zh": {
                "name": "GCr15轴承钢热轧圆钢 Ø50 mm",
                "description": (
                    "GCr15高碳铬轴承钢经真空脱气冶炼，氧含量不大于9 ppm，非金属夹杂物和碳化物网状均按GB/T "
                    "18254严格控制。球化退火交货，组织均匀，切削和冷镦性能好。用于滚动轴承套圈、滚珠、滚柱以"
                    "及精密丝杠和冷轧辊。"
                ),
                "specs": [
                    ["钢号", "GCr15 (GB/T 18254)"],
                    ["近似牌号", "≈ 52100 / 100Cr6 / SUJ2"],
                    ["规格", "Ø50 × 6000 mm"],
                    ["交货状态", "热轧 + 球化退火，黑皮"],
                    ["硬度", "179–207 HBW"],
                    ["氧含量", "≤ 9 ppm"],
                ],
            },
            "en": {
                "name": "GCr15 Bearing Steel Hot-Rolled Round Bar Ø50 mm",
                "description": (
                    "Vacuum-degassed GCr15 high-carbon chromium bearing steel with oxygen at or below 9 ppm; "
                    "non-metallic inclusions and carbide networks are tightly controlled to GB/T 18254. "
                    "Delivered spheroidise-annealed with a uniform structure that machines and cold-forms "
                    "well. Used for bearing rings, balls and rollers as well as precision lead screws and "
                    "cold-rolling rolls."
                ),
                "specs": [
                    ["Grade", "GCr15 (GB/T 18254)"],
                    ["Equivalents", "≈ 52100 / 100Cr6 / SUJ2"],
                    ["Size", "Ø50 × 6000 mm"],
                    ["Delivery condition", "Hot rolled + spheroidise annealed, black surface"],
                    ["Hardness", "179–207 HBW"],
                    ["Oxygen content", "≤ 9 ppm"],
                ],
            },
            "ru": {
                "name": "Горячекатаный круг из подшипниковой стали ШХ15 (GCr15) Ø50 мм",
                "description": (
                    "Высокоуглеродистая хромистая подшипниковая сталь GCr15 (аналог ШХ15) после вакуумной "
                    "дегазации содержит не более 9 ppm кислорода; неметаллические включения и карбидная "
                    "сетка строго контролируются по GB/T 18254. Поставляется после сфероидизирующего отжига "
                    "с однородной структурой, хорошо обрабатывается резанием и холодной высадкой. "
                    "Применяется для колец, шариков и роликов подшипников, а также прецизионных ходовых "
                    "винтов и валков холодной прокатки."
                ),
                "specs": [
                    ["Марка стали", "GCr15 (GB/T 18254)"],
                    ["Аналоги", "≈ ШХ15 / 52100 / 100Cr6 / SUJ2"],
                    ["Размер", "Ø50 × 6000 мм"],
                    [
                        "Состояние поставки",
                        "Горячекатаный, сфероидизирующий отжиг, необработанная поверхность",
                    ],
                    ["Твёрдость", "179–207 HBW"],
                    ["Содержание кислорода", "≤ 9 ppm"],
                ],
            },
            "ko": {
                "name": "GCr15 베어링강 열간압연 환봉 Ø50mm",
                "description": (
                    "진공 탈가스 처리한 GCr15 고탄소 크롬 베어링강으로 산소 함량 9ppm 이하, 비금속 개재물과 "
                    "탄화물 망상 조직을 GB/T 18254 기준으로 엄격히 관리합니다. 구상화 어닐링 상태로 납품되어 "
                    "조직이 균일하고 절삭성과 냉간 단조성이 좋습니다. 베어링 링, 볼, 롤러와 정밀 볼스크루, 냉"
                    "간 압연 롤에 사용됩니다."
                ),
                "specs": [
                    ["강종", "GCr15 (GB/T 18254)"],
                    ["대응 강종", "≈ 52100 / 100Cr6 / SUJ2"],
                    ["규격", "Ø50 × 6000 mm"],
                    ["납품 상태", "열간압연 + 구상화 어닐링, 흑피"],
                    ["경도", "179–207 HBW"],
                    ["산소 함량", "≤ 9 ppm"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8002",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "structural-alloy-steel",
        "hs_code": "7228300000",
        "customs_name": "合金结构钢热轧圆钢",
        "customs_unit": "035",
        "model": "20CrMnTi Ø80×6000",
        "origin_city": "benxi",
        "net_weight_g": 236700,
        "gross_weight_g": 237000,
        "price_fen": 132600,
        "tiers": [[20, 128000], [100, 123500]],
        "moq": 5,
        "stock": 700,
        "featured": False,
        "text": {
            "zh": {
                "name": "20CrMnTi渗碳齿轮钢圆钢 Ø80 mm",
                "description": (
                    "20CrMnTi是汽车和工程机械变速箱齿轮最常用的渗碳钢，钛元素细化晶粒，渗碳后表面硬而耐磨、心"
                    "部强韧。由本溪钢厂转炉冶炼、连铸连轧生产，淬透性带控制在J9 = 30–36 HRC，批次间热处理变形"
                    "稳定。"
                ),
                "specs": [
                    ["钢号", "20CrMnTi (GB/T 3077)"],
                    ["近似牌号", "≈ 18ХГТ（ГОСТ 4543）"],
                    ["规格", "Ø80 × 6000 mm"],
                    ["交货状态", "热轧，正火"],
                    ["淬透性", "J9 = 30–36 HRC"],
                    ["超声波探伤", "GB/T 4162 B级"],
                ],
            },
            "en": {
                "name": "20CrMnTi Carburising Gear Steel Round Bar Ø80 mm",
                "description": (
                    "20CrMnTi is the most common carburising steel for automotive and construction-machinery "
                    "transmission gears; titanium refines the grain, giving a hard, wear-resistant case over "
                    "a tough core after carburising. Made in Benxi by converter melting and continuous "
                    "casting and rolling, with the hardenability band held to J9 = 30–36 HRC for consistent "
                    "heat-treatment distortion from lot to lot."
                ),
                "specs": [
                    ["Grade", "20CrMnTi (GB/T 3077)"],
                    ["Equivalents", "≈ 18KhGT (GOST 4543)"],
                    ["Size", "Ø80 × 6000 mm"],
                    ["Delivery condition", "Hot rolled, normalised"],
                    ["Hardenability", "J9 = 30–36 HRC"],
                    ["Ultrasonic testing", "GB/T 4162 class B"],
                ],
            },
            "ru": {
                "name": "Круг из цементуемой зубчатой стали 20CrMnTi (18ХГТ) Ø80 мм",
                "description": (
                    "20CrMnTi (аналог 18ХГТ) — самая распространённая цементуемая сталь для шестерён коробок "
                    "передач автомобилей и строительной техники: титан измельчает зерно, и после цементации "
                    "поверхность получается твёрдой и износостойкой, а сердцевина — прочной и вязкой. "
                    "Выплавляется в конвертерах в Бэньси с непрерывной разливкой и прокаткой; полоса "
                    "прокаливаемости J9 = 30–36 HRC обеспечивает стабильные деформации при термообработке от "
                    "партии к партии."
                ),
                "specs": [
                    ["Марка стали", "20CrMnTi (GB/T 3077)"],
                    ["Аналоги", "≈ 18ХГТ (ГОСТ 4543)"],
                    ["Размер", "Ø80 × 6000 мм"],
                    ["Состояние поставки", "Горячекатаный, нормализованный"],
                    ["Прокаливаемость", "J9 = 30–36 HRC"],
                    ["Ультразвуковой контроль", "GB/T 4162, класс B"],
                ],
            },
            "ko": {
                "name": "20CrMnTi 침탄 기어강 환봉 Ø80mm",
                "description": (
                    "20CrMnTi는 자동차와 건설기계 변속기 기어에 가장 많이 쓰이는 침탄강으로, 티타늄이 결정립"
                    "을 미세화해 침탄 후 표면은 단단하고 내마모성이 좋으며 심부는 강인합니다. 번시 제철소에서"
                    " 전로 용해·연속주조·압연으로 생산하며, 경화능 밴드를 J9 = 30~36 HRC로 관리해 로트 간 열"
                    "처리 변형이 안정적입니다."
                ),
                "specs": [
                    ["강종", "20CrMnTi (GB/T 3077)"],
                    ["대응 강종", "≈ 18KhGT (GOST 4543)"],
                    ["규격", "Ø80 × 6000 mm"],
                    ["납품 상태", "열간압연, 노멀라이징"],
                    ["경화능", "J9 = 30–36 HRC"],
                    ["초음파 탐상", "GB/T 4162 B급"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8003",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "structural-alloy-steel",
        "hs_code": "7228500000",
        "customs_name": "合金钢冷拉圆钢",
        "customs_unit": "035",
        "model": "42CrMo Ø40h9×3000",
        "origin_city": "benxi",
        "net_weight_g": 29600,
        "gross_weight_g": 29800,
        "price_fen": 24300,
        "tiers": [[50, 23300], [200, 22400]],
        "moq": 10,
        "stock": 1200,
        "featured": False,
        "text": {
            "zh": {
                "name": "42CrMo调质冷拉光亮圆钢 Ø40 mm h9",
                "description": (
                    "先调质处理至28–32 HRC，再经冷拉、矫直和抛光，尺寸精度达h9，表面粗糙度Ra ≤ 0.8 μm。可直接"
                    "用于液压活塞杆、传动轴和导柱，省去粗车工序。强度高、韧性好。"
                ),
                "specs": [
                    ["钢号", "42CrMo (GB/T 3077)"],
                    ["近似牌号", "≈ 4140 / 42CrMo4 / SCM440"],
                    ["规格", "Ø40 × 3000 mm"],
                    ["公差", "h9"],
                    ["硬度", "28–32 HRC"],
                    ["表面粗糙度", "Ra ≤ 0.8 μm"],
                ],
            },
            "en": {
                "name": "42CrMo Quenched & Tempered Cold-Drawn Bright Bar Ø40 mm h9",
                "description": (
                    "Quenched and tempered to 28–32 HRC, then cold-drawn, straightened and polished to h9 "
                    "tolerance with surface roughness Ra ≤ 0.8 μm. It can go straight into hydraulic piston "
                    "rods, drive shafts and guide pillars, skipping rough turning. High strength with good "
                    "toughness."
                ),
                "specs": [
                    ["Grade", "42CrMo (GB/T 3077)"],
                    ["Equivalents", "≈ 4140 / 42CrMo4 / SCM440"],
                    ["Size", "Ø40 × 3000 mm"],
                    ["Tolerance", "h9"],
                    ["Hardness", "28–32 HRC"],
                    ["Surface roughness", "Ra ≤ 0.8 μm"],
                ],
            },
            "ru": {
                "name": "Калиброванный улучшенный пруток 42CrMo Ø40 мм h9",
                "description": (
                    "Пруток подвергается улучшению до 28–32 HRC, затем волочению, правке и полировке: "
                    "точность по h9, шероховатость Ra ≤ 0,8 мкм. Его можно сразу использовать для штоков "
                    "гидроцилиндров, приводных валов и направляющих колонок без черновой токарной обработки. "
                    "Сочетает высокую прочность и хорошую вязкость."
                ),
                "specs": [
                    ["Марка стали", "42CrMo (GB/T 3077)"],
                    ["Аналоги", "≈ 38ХМ / 4140 / 42CrMo4 / SCM440"],
                    ["Размер", "Ø40 × 3000 мм"],
                    ["Допуск", "h9"],
                    ["Твёрдость", "28–32 HRC"],
                    ["Шероховатость поверхности", "Ra ≤ 0,8 мкм"],
                ],
            },
            "ko": {
                "name": "42CrMo 조질 냉간인발 마봉강 Ø40mm h9",
                "description": (
                    "먼저 HRC 28~32로 조질 처리한 뒤 냉간인발, 교정, 연마를 거쳐 치수 공차 h9, 표면 조도 Ra "
                    "≤ 0.8μm를 구현했습니다. 황삭 공정 없이 유압 피스톤 로드, 구동축, 가이드 포스트에 바로 사"
                    "용할 수 있습니다. 높은 강도와 우수한 인성을 겸비했습니다."
                ),
                "specs": [
                    ["강종", "42CrMo (GB/T 3077)"],
                    ["대응 강종", "≈ 4140 / 42CrMo4 / SCM440"],
                    ["규격", "Ø40 × 3000 mm"],
                    ["공차", "h9"],
                    ["경도", "28–32 HRC"],
                    ["표면 조도", "Ra ≤ 0.8 μm"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8004",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "structural-alloy-steel",
        "hs_code": "7228200000",
        "customs_name": "硅锰钢热轧圆钢",
        "customs_unit": "035",
        "model": "60Si2Mn Ø16×6000",
        "origin_city": "benxi",
        "net_weight_g": 9470,
        "gross_weight_g": 9500,
        "price_fen": 5870,
        "tiers": [[100, 5600], [500, 5350]],
        "moq": 50,
        "stock": 3000,
        "featured": False,
        "text": {
            "zh": {
                "name": "60Si2Mn弹簧钢热轧圆钢 Ø16 mm",
                "description": (
                    "60Si2Mn硅锰弹簧钢弹性极限高、屈强比高，抗松弛性能好。轧制精度高、表面脱碳层浅，适合热卷"
                    "汽车悬架螺旋弹簧、铁路车辆弹簧和减震器弹簧。"
                ),
                "specs": [
                    ["钢号", "60Si2Mn (GB/T 1222)"],
                    ["近似牌号", "≈ 60S2G / 9260"],
                    ["规格", "Ø16 × 6000 mm"],
                    ["脱碳层深度", "≤ 1.0% D"],
                    ["交货状态", "热轧"],
                ],
            },
            "en": {
                "name": "60Si2Mn Spring Steel Hot-Rolled Round Bar Ø16 mm",
                "description": (
                    "60Si2Mn silicon-manganese spring steel offers a high elastic limit and yield ratio with "
                    "good relaxation resistance. Tight rolling tolerances and a shallow decarburised layer "
                    "suit hot-coiled automotive suspension springs, railway springs and shock-absorber "
                    "springs."
                ),
                "specs": [
                    ["Grade", "60Si2Mn (GB/T 1222)"],
                    ["Equivalents", "≈ 60S2G / 9260"],
                    ["Size", "Ø16 × 6000 mm"],
                    ["Decarburisation depth", "≤ 1.0% D"],
                    ["Delivery condition", "Hot rolled"],
                ],
            },
            "ru": {
                "name": "Горячекатаный круг из рессорно-пружинной стали 60Si2Mn (60С2Г) Ø16 мм",
                "description": (
                    "Кремнемарганцевая рессорно-пружинная сталь 60Si2Mn (аналог 60С2Г) обладает высоким "
                    "пределом упругости и высоким отношением предела текучести к пределу прочности, хорошо "
                    "сопротивляется релаксации. Точная прокатка и неглубокий обезуглероженный слой позволяют "
                    "навивать в горячем состоянии пружины подвески автомобилей, железнодорожные пружины и "
                    "пружины амортизаторов."
                ),
                "specs": [
                    ["Марка стали", "60Si2Mn (GB/T 1222)"],
                    ["Аналоги", "≈ 60С2Г / 9260"],
                    ["Размер", "Ø16 × 6000 мм"],
                    ["Глубина обезуглероживания", "≤ 1,0% D"],
                    ["Состояние поставки", "Горячекатаный"],
                ],
            },
            "ko": {
                "name": "60Si2Mn 스프링강 열간압연 환봉 Ø16mm",
                "description": (
                    "60Si2Mn 실리콘-망간 스프링강은 탄성 한도와 항복비가 높고 응력 이완 저항성이 우수합니다. "
                    "압연 정밀도가 높고 표면 탈탄층이 얕아 자동차 현가 코일 스프링, 철도 차량 스프링, 쇼크업"
                    "소버 스프링의 열간 코일링에 적합합니다."
                ),
                "specs": [
                    ["강종", "60Si2Mn (GB/T 1222)"],
                    ["대응 강종", "≈ 60S2G / 9260"],
                    ["규격", "Ø16 × 6000 mm"],
                    ["탈탄층 깊이", "≤ 1.0% D"],
                    ["납품 상태", "열간압연"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8005",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "structural-alloy-steel",
        "hs_code": "7228400000",
        "customs_name": "合金钢锻制圆钢",
        "customs_unit": "035",
        "model": "38CrMoAl Ø100×4000",
        "origin_city": "fushun",
        "net_weight_g": 246600,
        "gross_weight_g": 247000,
        "price_fen": 219500,
        "tiers": [[10, 212000], [50, 205000]],
        "moq": 2,
        "stock": 200,
        "featured": False,
        "text": {
            "zh": {
                "name": "38CrMoAl渗氮钢锻圆 Ø100 mm",
                "description": (
                    "38CrMoAl含铝，渗氮后表面硬度可达1000 HV以上，耐磨、抗疲劳且热处理变形极小。经电渣重熔提"
                    "高纯净度，适用于注塑机和挤出机螺杆、精密机床主轴和镗杆。"
                ),
                "specs": [
                    ["钢号", "38CrMoAl (GB/T 3077)"],
                    ["近似牌号", "≈ 1.8509 / 41CrAlMo7"],
                    ["规格", "Ø100 × 4000 mm"],
                    ["交货状态", "锻造 + 调质"],
                    ["渗氮后表面硬度", "≥ 1000 HV"],
                    ["超声波探伤", "GB/T 4162 B级"],
                ],
            },
            "en": {
                "name": "38CrMoAl Nitriding Steel Forged Round Bar Ø100 mm",
                "description": (
                    "Aluminium-bearing 38CrMoAl reaches a surface hardness above 1,000 HV after nitriding, "
                    "with excellent wear and fatigue resistance and minimal heat-treatment distortion. "
                    "Electroslag remelting raises cleanliness for injection-moulding and extruder screws, "
                    "precision machine-tool spindles and boring bars."
                ),
                "specs": [
                    ["Grade", "38CrMoAl (GB/T 3077)"],
                    ["Equivalents", "≈ 1.8509 / 41CrAlMo7"],
                    ["Size", "Ø100 × 4000 mm"],
                    ["Delivery condition", "Forged, quenched and tempered"],
                    ["Surface hardness after nitriding", "≥ 1000 HV"],
                    ["Ultrasonic testing", "GB/T 4162 class B"],
                ],
            },
            "ru": {
                "name": "Кованый круг из азотируемой стали 38CrMoAl (38Х2МЮА) Ø100 мм",
                "description": (
                    "Алюминийсодержащая сталь 38CrMoAl (аналог 38Х2МЮА) после азотирования достигает "
                    "поверхностной твёрдости свыше 1000 HV, отличается высокой износостойкостью и "
                    "усталостной прочностью при минимальных деформациях. Электрошлаковый переплав повышает "
                    "чистоту металла — сталь подходит для шнеков термопластавтоматов и экструдеров, "
                    "шпинделей прецизионных станков и борштанг."
                ),
                "specs": [
                    ["Марка стали", "38CrMoAl (GB/T 3077)"],
                    ["Аналоги", "≈ 38Х2МЮА / 1.8509"],
                    ["Размер", "Ø100 × 4000 мм"],
                    ["Состояние поставки", "Кованый, улучшенный"],
                    ["Твёрдость поверхности после азотирования", "≥ 1000 HV"],
                    ["Ультразвуковой контроль", "GB/T 4162, класс B"],
                ],
            },
            "ko": {
                "name": "38CrMoAl 질화강 단조 환봉 Ø100mm",
                "description": (
                    "알루미늄을 함유한 38CrMoAl은 질화 후 표면 경도가 1,000HV 이상에 달하며 내마모성과 피로 "
                    "강도가 우수하고 열처리 변형이 매우 적습니다. 일렉트로슬래그 재용해로 청정도를 높여 사출"
                    "기·압출기 스크루, 정밀 공작기계 주축, 보링바에 적합합니다."
                ),
                "specs": [
                    ["강종", "38CrMoAl (GB/T 3077)"],
                    ["대응 강종", "≈ 1.8509 / 41CrAlMo7"],
                    ["규격", "Ø100 × 4000 mm"],
                    ["납품 상태", "단조 + 조질"],
                    ["질화 후 표면 경도", "≥ 1000 HV"],
                    ["초음파 탐상", "GB/T 4162 B급"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8101",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "stainless-bars",
        "hs_code": "7222110000",
        "customs_name": "不锈钢热轧圆钢",
        "customs_unit": "035",
        "model": "304 Ø30×6000",
        "origin_city": "fushun",
        "net_weight_g": 33600,
        "gross_weight_g": 33800,
        "price_fen": 52100,
        "tiers": [[50, 50200], [200, 48500]],
        "moq": 10,
        "stock": 2000,
        "featured": False,
        "text": {
            "zh": {
                "name": "304不锈钢热轧圆钢 Ø30 mm",
                "description": (
                    "06Cr19Ni10（304）奥氏体不锈钢，经固溶处理和酸洗，耐腐蚀、无磁性，焊接和冷加工性能良好。"
                    "广泛用于食品机械、化工设备、阀门和泵轴以及建筑五金。每支打印炉号，可追溯至原始质保书。"
                ),
                "specs": [
                    ["钢号", "06Cr19Ni10 (304)"],
                    ["近似牌号", "≈ 1.4301 / SUS304"],
                    ["规格", "Ø30 × 6000 mm"],
                    ["交货状态", "热轧，固溶 + 酸洗"],
                ],
            },
            "en": {
                "name": "304 Stainless Steel Hot-Rolled Round Bar Ø30 mm",
                "description": (
                    "06Cr19Ni10 (304) austenitic stainless steel, solution-annealed and pickled: corrosion "
                    "resistant, non-magnetic and easy to weld and cold-work. Widely used in food machinery, "
                    "chemical equipment, valve and pump shafts and architectural hardware. Every bar is "
                    "stamped with its heat number, traceable to the original mill certificate."
                ),
                "specs": [
                    ["Grade", "06Cr19Ni10 (304)"],
                    ["Equivalents", "≈ 1.4301 / SUS304"],
                    ["Size", "Ø30 × 6000 mm"],
                    ["Delivery condition", "Hot rolled, solution annealed and pickled"],
                ],
            },
            "ru": {
                "name": "Горячекатаный круг из нержавеющей стали 304 (08Х18Н10) Ø30 мм",
                "description": (
                    "Аустенитная нержавеющая сталь 06Cr19Ni10 (304, аналог 08Х18Н10) после закалки на "
                    "твёрдый раствор и травления: коррозионностойкая, немагнитная, хорошо сваривается и "
                    "деформируется в холодном состоянии. Широко применяется в пищевом машиностроении, "
                    "химическом оборудовании, валах насосов и арматуры, строительной фурнитуре. На каждом "
                    "прутке выбит номер плавки, прослеживаемый до сертификата завода."
                ),
                "specs": [
                    ["Марка стали", "06Cr19Ni10 (304)"],
                    ["Аналоги", "≈ 08Х18Н10 / 1.4301 / SUS304"],
                    ["Размер", "Ø30 × 6000 мм"],
                    ["Состояние поставки", "Горячекатаный, закалка на твёрдый раствор, травление"],
                ],
            },
            "ko": {
                "name": "304 스테인리스강 열간압연 환봉 Ø30mm",
                "description": (
                    "06Cr19Ni10(304) 오스테나이트계 스테인리스강으로 고용화 열처리와 산세를 거쳐 내식성이 좋"
                    "고 비자성이며 용접성과 냉간 가공성이 우수합니다. 식품 기계, 화학 설비, 밸브·펌프 샤프트"
                    ", 건축 철물에 널리 쓰입니다. 모든 봉강에 용해 번호가 각인되어 원본 밀시트까지 추적할 수 "
                    "있습니다."
                ),
                "specs": [
                    ["강종", "06Cr19Ni10 (304)"],
                    ["대응 강종", "≈ 1.4301 / SUS304"],
                    ["규격", "Ø30 × 6000 mm"],
                    ["납품 상태", "열간압연, 고용화 열처리 + 산세"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8102",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "stainless-bars",
        "hs_code": "7222200000",
        "customs_name": "不锈钢冷拉圆钢",
        "customs_unit": "035",
        "model": "316L Ø25h9×3000",
        "origin_city": "fushun",
        "net_weight_g": 11750,
        "gross_weight_g": 11850,
        "price_fen": 30550,
        "tiers": [[50, 29300], [200, 28100]],
        "moq": 10,
        "stock": 1500,
        "featured": False,
        "text": {
            "zh": {
                "name": "316L不锈钢冷拉光亮棒 Ø25 mm h9",
                "description": (
                    "022Cr17Ni12Mo2（316L）超低碳含钼不锈钢，耐氯离子点蚀和晶间腐蚀性能优于304。冷拉后无心磨"
                    "光，公差h9，表面光洁，适合数控车削。常用于海洋设备紧固件、医疗器械和制药机械。"
                ),
                "specs": [
                    ["钢号", "022Cr17Ni12Mo2 (316L)"],
                    ["近似牌号", "≈ 1.4404 / SUS316L"],
                    ["规格", "Ø25 × 3000 mm"],
                    ["公差", "h9"],
                    ["表面粗糙度", "Ra ≤ 0.4 μm"],
                ],
            },
            "en": {
                "name": "316L Stainless Steel Cold-Drawn Bright Bar Ø25 mm h9",
                "description": (
                    "022Cr17Ni12Mo2 (316L) ultra-low-carbon molybdenum stainless steel resists chloride "
                    "pitting and intergranular corrosion better than 304. Cold-drawn and centreless-ground "
                    "to h9 with a bright finish ready for CNC turning. Common in marine fasteners, medical "
                    "devices and pharmaceutical machinery."
                ),
                "specs": [
                    ["Grade", "022Cr17Ni12Mo2 (316L)"],
                    ["Equivalents", "≈ 1.4404 / SUS316L"],
                    ["Size", "Ø25 × 3000 mm"],
                    ["Tolerance", "h9"],
                    ["Surface roughness", "Ra ≤ 0.4 μm"],
                ],
            },
            "ru": {
                "name": "Калиброванный пруток из нержавеющей стали 316L Ø25 мм h9",
                "description": (
                    "Сверхнизкоуглеродистая молибденсодержащая нержавеющая сталь 022Cr17Ni12Mo2 (316L, "
                    "аналог 03Х17Н14М3) лучше стали 304 противостоит питтинговой коррозии в хлоридных средах "
                    "и межкристаллитной коррозии. После волочения пруток шлифуется бесцентровым способом до "
                    "h9 и имеет блестящую поверхность, готовую к обработке на станках с ЧПУ. Применяется для "
                    "морского крепежа, медицинских изделий и фармацевтического оборудования."
                ),
                "specs": [
                    ["Марка стали", "022Cr17Ni12Mo2 (316L)"],
                    ["Аналоги", "≈ 03Х17Н14М3 / 1.4404 / SUS316L"],
                    ["Размер", "Ø25 × 3000 мм"],
                    ["Допуск", "h9"],
                    ["Шероховатость поверхности", "Ra ≤ 0,4 мкм"],
                ],
            },
            "ko": {
                "name": "316L 스테인리스강 냉간인발 마봉 Ø25mm h9",
                "description": (
                    "022Cr17Ni12Mo2(316L)는 극저탄소 몰리브덴 함유 스테인리스강으로 염화물 공식과 입계 부식 "
                    "저항성이 304보다 우수합니다. 냉간인발 후 센터리스 연삭으로 h9 공차와 광택 표면을 갖춰 "
                    "CNC 선반 가공에 바로 쓸 수 있습니다. 해양 설비 체결재, 의료기기, 제약 기계에 많이 쓰입니"
                    "다."
                ),
                "specs": [
                    ["강종", "022Cr17Ni12Mo2 (316L)"],
                    ["대응 강종", "≈ 1.4404 / SUS316L"],
                    ["규격", "Ø25 × 3000 mm"],
                    ["공차", "h9"],
                    ["표면 조도", "Ra ≤ 0.4 μm"],
                ],
            },
        },
    },
    {
        "sku": "HT-ST-8103",
        "merchant": "fushun-hengtai-special-alloy",
        "category": "stainless-bars",
        "hs_code": "7222200000",
        "customs_name": "不锈钢冷加工圆钢",
        "customs_unit": "035",
        "model": "17-4PH Ø60×3000",
        "origin_city": "fushun",
        "net_weight_g": 66000,
        "gross_weight_g": 66300,
        "price_fen": 297000,
        "tiers": [[10, 287000], [50, 278000]],
        "moq": 2,
        "stock": 240,
        "featured": False,
        "text": {
            "zh": {
                "name": "17-4PH沉淀硬化不锈钢圆钢 Ø60 mm",
                "description": (
                    "05Cr17Ni4Cu4Nb（17-4PH）马氏体沉淀硬化不锈钢，时效处理后抗拉强度可达1310 MPa以上，同时保"
                    "持与304相近的耐蚀性。固溶状态交货，加工后只需低温时效，变形小。用于泵轴、阀杆、航空紧固"
                    "件和海上平台零件。"
                ),
                "specs": [
                    ["钢号", "05Cr17Ni4Cu4Nb (17-4PH)"],
                    ["近似牌号", "≈ 1.4542 / SUS630"],
                    ["规格", "Ø60 × 3000 mm"],
                    ["交货状态", "固溶处理（A态），车光"],
                    ["H900时效后抗拉强度", "≥ 1310 MPa"],
                ],
            },
            "en": {
                "name": "17-4PH Precipitation-Hardening Stainless Round Bar Ø60 mm",
                "description": (
                    "05Cr17Ni4Cu4Nb (17-4PH) martensitic precipitation-hardening stainless steel reaches "
                    "tensile strength above 1,310 MPa after ageing while keeping corrosion resistance close "
                    "to 304. Supplied solution-treated; a simple low-temperature ageing after machining "
                    "causes minimal distortion. Used for pump shafts, valve stems, aerospace fasteners and "
                    "offshore platform parts."
                ),
                "specs": [
                    ["Grade", "05Cr17Ni4Cu4Nb (17-4PH)"],
                    ["Equivalents", "≈ 1.4542 / SUS630"],
                    ["Size", "Ø60 × 3000 mm"],
                    ["Delivery condition", "Solution treated (condition A), peeled"],
                    ["Tensile strength, H900 aged", "≥ 1310 MPa"],
                ],
            },
            "ru": {
                "name": "Круг из дисперсионно-твердеющей нержавеющей стали 17-4PH Ø60 мм",
                "description": (
                    "Мартенситная дисперсионно-твердеющая нержавеющая сталь 05Cr17Ni4Cu4Nb (17-4PH) после "
                    "старения достигает предела прочности свыше 1310 МПа, сохраняя коррозионную стойкость на "
                    "уровне стали 304. Поставляется после закалки на твёрдый раствор; после механической "
                    "обработки достаточно низкотемпературного старения с минимальными деформациями. "
                    "Применяется для валов насосов, штоков арматуры, авиационного крепежа и деталей морских "
                    "платформ."
                ),
                "specs": [
                    ["Марка стали", "05Cr17Ni4Cu4Nb (17-4PH)"],
                    ["Аналоги", "≈ 1.4542 / SUS630"],
                    ["Размер", "Ø60 × 3000 мм"],
                    ["Состояние поставки", "Закалка на твёрдый раствор (состояние A), обточенный"],
                    ["Предел прочности после старения H900", "≥ 1310 МПа"],
                ],
            },
            "ko": {
                "name": "17-4PH 석출경화 스테인리스 환봉 Ø60mm",
                "description": (
                    "05Cr17Ni4Cu4Nb(17-4PH) 마르텐사이트계 석출경화 스테인리스강으로 시효 처리 후 인장강도가 "
                    "1,310MPa 이상에 달하면서도 304에 가까운 내식성을 유지합니다. 고용화 처리 상태로 납품되며"
                    " 가공 후 저온 시효만 하면 되어 변형이 적습니다. 펌프 샤프트, 밸브 스템, 항공용 체결재, "
                    "해양 플랫폼 부품에 사용됩니다."
                ),
                "specs": [
                    ["강종", "05Cr17Ni4Cu4Nb (17-4PH)"],
                    ["대응 강종", "≈ 1.4542 / SUS630"],
                    ["규격", "Ø60 × 3000 mm"],
                    ["납품 상태", "고용화 처리(A 상태), 필링"],
                    ["H900 시효 후 인장강도", "≥ 1310 MPa"],
                ],
            },
        },
    },
]
