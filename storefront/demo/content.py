"""Demo catalogue content for the Kuajing storefront: Liaoning's five export industry clusters.

Pure Python data (no Flask / database imports) consumed by the demo seeding code:

* ``CLUSTERS``  - the five industry clusters, in display order, each with its product categories;
* ``CITIES``    - every origin / merchant city, keyed by slug;
* ``MERCHANTS`` - demo merchants; ``uscc`` values carry a valid GB 32100-2015 check character;
* ``PRODUCTS``  - the product catalogue (split per cluster into ``content_products_*.py``).

All translatable texts are dicts keyed by language: ``zh`` (Simplified Chinese), ``en``, ``ru``, ``ko``.
Weights are integer grams per sale unit, prices integer CNY fen per sale unit, and ``tiers`` are
``[min_quantity, unit_price_fen]`` pairs. ``storefront.demo.selfcheck.check_content()`` validates it all.
"""

from storefront.demo.content_products_agriculture import PRODUCTS as _AGRICULTURE
from storefront.demo.content_products_auto import PRODUCTS as _AUTO_MAINTENANCE
from storefront.demo.content_products_magnesium import PRODUCTS as _MAGNESIUM
from storefront.demo.content_products_steel import PRODUCTS as _SPECIAL_STEEL
from storefront.demo.content_products_swimwear import PRODUCTS as _SWIMWEAR

CLUSTERS = [
    {
        "slug": "swimwear",
        "name": {
            "zh": "兴城泳装",
            "en": "Xingcheng Swimwear",
            "ru": "Купальники из Синчэна",
            "ko": "싱청 수영복",
        },
        "description": {
            "zh": (
                "兴城是中国最大的泳装生产基地之一，数百家工厂覆盖从面料印花到成衣缝制的完整产业链，产品销往全"
                "球。"
            ),
            "en": (
                "Xingcheng is one of China's largest swimwear bases, where hundreds of factories cover "
                "everything from fabric printing to finished garments for buyers worldwide."
            ),
            "ru": (
                "Синчэн — один из крупнейших центров производства купальников в Китае: сотни фабрик "
                "закрывают весь цикл от печати на ткани до пошива готовых изделий для покупателей по всему "
                "миру."
            ),
            "ko": (
                "싱청은 중국 최대 규모의 수영복 생산 기지 중 하나로, 원단 프린팅부터 완제품 봉제까지 수백 개 "
                "공장이 전 공정을 갖추고 전 세계로 수출합니다."
            ),
        },
        "color": "#0e7490",
        "categories": [
            {
                "slug": "womens-swimwear",
                "name": {
                    "zh": "女士泳装",
                    "en": "Women's Swimwear",
                    "ru": "Женские купальники",
                    "ko": "여성 수영복",
                },
            },
            {
                "slug": "mens-swimwear",
                "name": {
                    "zh": "男士泳装",
                    "en": "Men's Swimwear",
                    "ru": "Мужские плавки и шорты",
                    "ko": "남성 수영복",
                },
            },
            {
                "slug": "kids-swimwear",
                "name": {
                    "zh": "儿童泳装",
                    "en": "Kids' Swimwear",
                    "ru": "Детские купальники",
                    "ko": "아동 수영복",
                },
            },
            {
                "slug": "beach-accessories",
                "name": {
                    "zh": "泳帽与沙滩服饰",
                    "en": "Swim Caps & Beachwear",
                    "ru": "Шапочки и пляжная одежда",
                    "ko": "수영모 & 비치웨어",
                },
            },
        ],
    },
    {
        "slug": "magnesium",
        "name": {
            "zh": "海城·大石桥镁业",
            "en": "Haicheng & Dashiqiao Magnesia",
            "ru": "Магнезия Хайчэна и Дашицяо",
            "ko": "하이청·다스차오 마그네시아",
        },
        "description": {
            "zh": (
                "辽宁南部蕴藏着世界最大的菱镁矿资源，海城和大石桥的企业将其加工为电熔镁砂、烧结镁砂、镁质耐火"
                "材料和金属镁。"
            ),
            "en": (
                "Southern Liaoning holds the world's largest magnesite reserves; producers in Haicheng and "
                "Dashiqiao turn them into fused and sintered magnesia, magnesia refractories and magnesium "
                "metal."
            ),
            "ru": (
                "На юге Ляонина находятся крупнейшие в мире запасы магнезита; предприятия Хайчэна и Дашицяо "
                "перерабатывают его в плавленый и спечённый периклаз, магнезиальные огнеупоры и "
                "металлический магний."
            ),
            "ko": (
                "랴오닝 남부에는 세계 최대의 마그네사이트 매장지가 있으며, 하이청과 다스차오 기업들이 이를 전"
                "융 마그네시아, 소결 마그네시아, 마그네시아 내화물과 금속 마그네슘으로 가공합니다."
            ),
        },
        "color": "#6d28d9",
        "categories": [
            {
                "slug": "fused-magnesia",
                "name": {
                    "zh": "电熔镁砂",
                    "en": "Fused Magnesia",
                    "ru": "Плавленый периклаз",
                    "ko": "전융 마그네시아",
                },
            },
            {
                "slug": "sintered-magnesia",
                "name": {
                    "zh": "烧结镁砂与轻烧镁",
                    "en": "Sintered & Caustic Magnesia",
                    "ru": "Спечённый периклаз и каустический магнезит",
                    "ko": "소결·경소 마그네시아",
                },
            },
            {
                "slug": "magnesium-metal",
                "name": {
                    "zh": "金属镁及镁合金",
                    "en": "Magnesium & Alloys",
                    "ru": "Магний и магниевые сплавы",
                    "ko": "마그네슘 및 합금",
                },
            },
            {
                "slug": "magnesia-refractories",
                "name": {
                    "zh": "镁质耐火材料",
                    "en": "Magnesia Refractories",
                    "ru": "Магнезиальные огнеупоры",
                    "ko": "마그네시아 내화물",
                },
            },
        ],
    },
    {
        "slug": "auto-maintenance",
        "name": {
            "zh": "营口汽保设备",
            "en": "Yingkou Garage Equipment",
            "ru": "Гаражное оборудование из Инкоу",
            "ko": "잉커우 자동차 정비 장비",
        },
        "description": {
            "zh": (
                "营口被誉为中国汽车保修设备之乡，举升机、轮胎拆装机和四轮定位仪产量居全国前列，产品出口到一百"
                "多个国家和地区。"
            ),
            "en": (
                "Yingkou is known as the home of China's automotive service equipment, leading national "
                "output of car lifts, tyre changers and wheel aligners and exporting to more than 100 "
                "countries and regions."
            ),
            "ru": (
                "Инкоу называют столицей китайского автосервисного оборудования: город лидирует по выпуску "
                "подъёмников, шиномонтажных станков и стендов развал-схождения и поставляет их более чем в "
                "100 стран."
            ),
            "ko": (
                "잉커우는 중국 자동차 정비 장비의 본고장으로 불리며, 차량 리프트·타이어 탈착기·휠 얼라이너 생"
                "산량이 전국 최상위이고 100여 개 국가와 지역에 수출합니다."
            ),
        },
        "color": "#c2410c",
        "categories": [
            {
                "slug": "car-lifts",
                "name": {
                    "zh": "举升机",
                    "en": "Car Lifts",
                    "ru": "Автомобильные подъёмники",
                    "ko": "차량 리프트",
                },
            },
            {
                "slug": "tyre-service",
                "name": {
                    "zh": "轮胎服务设备",
                    "en": "Tyre Service Equipment",
                    "ru": "Шиномонтажное оборудование",
                    "ko": "타이어 서비스 장비",
                },
            },
            {
                "slug": "wheel-alignment",
                "name": {
                    "zh": "定位与检测设备",
                    "en": "Alignment & Testing",
                    "ru": "Развал-схождение и диагностика",
                    "ko": "얼라인먼트 및 검사 장비",
                },
            },
            {
                "slug": "garage-tools",
                "name": {
                    "zh": "千斤顶与车间工具",
                    "en": "Jacks & Workshop Tools",
                    "ru": "Домкраты и инструмент для СТО",
                    "ko": "잭 및 정비 공구",
                },
            },
        ],
    },
    {
        "slug": "special-steel",
        "name": {
            "zh": "大连·抚顺·本溪特钢",
            "en": "Dalian, Fushun & Benxi Special Steel",
            "ru": "Спецсталь Даляня, Фушуня и Бэньси",
            "ko": "다롄·푸순·번시 특수강",
        },
        "description": {
            "zh": (
                "依托百年钢铁工业基础，大连、抚顺和本溪生产工模具钢、轴承钢、齿轮钢和不锈钢棒材，服务汽车、模"
                "具和装备制造业。"
            ),
            "en": (
                "Built on a century of steelmaking, Dalian, Fushun and Benxi produce tool and die steels, "
                "bearing and gear steels and stainless bars for the automotive, mould-making and machinery "
                "industries."
            ),
            "ru": (
                "Опираясь на вековые металлургические традиции, Далянь, Фушунь и Бэньси выпускают "
                "инструментальные, подшипниковые, зубчатые и нержавеющие стали для автопрома, производства "
                "пресс-форм и машиностроения."
            ),
            "ko": (
                "100년 철강 산업 기반을 바탕으로 다롄·푸순·번시는 자동차·금형·기계 산업용 공구강, 베어링강, "
                "기어강, 스테인리스 봉강을 생산합니다."
            ),
        },
        "color": "#334155",
        "categories": [
            {
                "slug": "tool-die-steel",
                "name": {
                    "zh": "工模具钢",
                    "en": "Tool & Die Steel",
                    "ru": "Инструментальная и штамповая сталь",
                    "ko": "공구·금형강",
                },
            },
            {
                "slug": "structural-alloy-steel",
                "name": {
                    "zh": "合金结构钢",
                    "en": "Structural Alloy Steel",
                    "ru": "Конструкционная легированная сталь",
                    "ko": "합금 구조용강",
                },
            },
            {
                "slug": "stainless-bars",
                "name": {
                    "zh": "不锈钢棒材",
                    "en": "Stainless Steel Bars",
                    "ru": "Нержавеющий пруток",
                    "ko": "스테인리스 봉강",
                },
            },
        ],
    },
    {
        "slug": "agriculture",
        "name": {
            "zh": "辽宁特色农产品",
            "en": "Liaoning Specialty Foods",
            "ru": "Деликатесы Ляонина",
            "ko": "랴오닝 특산 농수산물",
        },
        "description": {
            "zh": (
                "丹东草莓、盘锦大米、大连海参、阜新花生和宽甸人参——辽宁的山海与黑土孕育出享誉海内外的特色农产"
                "品。"
            ),
            "en": (
                "Dandong strawberries, Panjin rice, Dalian sea cucumber, Fuxin peanuts and Kuandian ginseng: "
                "Liaoning's coast, mountains and black soil yield specialties known far beyond China."
            ),
            "ru": (
                "Клубника из Даньдуна, рис из Паньцзиня, трепанг из Даляня, арахис из Фусиня и женьшень из "
                "Куаньдяня — побережье, горы и чернозёмы Ляонина дают продукты, известные далеко за "
                "пределами Китая."
            ),
            "ko": (
                "단둥 딸기, 판진 쌀, 다롄 해삼, 푸신 땅콩, 콴뎬 인삼 등 랴오닝의 바다와 산, 흑토가 키운 특산"
                "물은 해외에서도 명성이 높습니다."
            ),
        },
        "color": "#15803d",
        "categories": [
            {
                "slug": "fruit-nuts",
                "name": {"zh": "水果与坚果", "en": "Fruit & Nuts", "ru": "Фрукты и орехи", "ko": "과일·견과"},
            },
            {
                "slug": "grain-oilseeds",
                "name": {"zh": "大米与花生", "en": "Rice & Peanuts", "ru": "Рис и арахис", "ko": "쌀·땅콩"},
            },
            {
                "slug": "seafood",
                "name": {
                    "zh": "海参与海产",
                    "en": "Sea Cucumber & Seafood",
                    "ru": "Трепанг и морепродукты",
                    "ko": "해삼·수산물",
                },
            },
            {"slug": "ginseng", "name": {"zh": "人参", "en": "Ginseng", "ru": "Женьшень", "ko": "인삼"}},
        ],
    },
]

CITIES = {
    "xingcheng": {"zh": "兴城", "en": "Xingcheng", "ru": "Синчэн", "ko": "싱청"},
    "haicheng": {"zh": "海城", "en": "Haicheng", "ru": "Хайчэн", "ko": "하이청"},
    "dashiqiao": {"zh": "大石桥", "en": "Dashiqiao", "ru": "Дашицяо", "ko": "다스차오"},
    "yingkou": {"zh": "营口", "en": "Yingkou", "ru": "Инкоу", "ko": "잉커우"},
    "dalian": {"zh": "大连", "en": "Dalian", "ru": "Далянь", "ko": "다롄"},
    "fushun": {"zh": "抚顺", "en": "Fushun", "ru": "Фушунь", "ko": "푸순"},
    "benxi": {"zh": "本溪", "en": "Benxi", "ru": "Бэньси", "ko": "번시"},
    "dandong": {"zh": "丹东", "en": "Dandong", "ru": "Даньдун", "ko": "단둥"},
    "kuandian": {"zh": "宽甸", "en": "Kuandian", "ru": "Куаньдянь", "ko": "콴뎬"},
    "panjin": {"zh": "盘锦", "en": "Panjin", "ru": "Паньцзинь", "ko": "판진"},
    "fuxin": {"zh": "阜新", "en": "Fuxin", "ru": "Фусинь", "ko": "푸신"},
}

MERCHANTS = [
    {
        "slug": "xingcheng-haiyun-swimwear",
        "name": {
            "zh": "兴城市海韵泳装有限公司",
            "en": "Xingcheng Haiyun Swimwear Co., Ltd.",
            "ru": "Синчэнская швейная компания «Хайюнь»",
            "ko": "싱청 하이윈 수영복 유한회사",
        },
        "cluster": "swimwear",
        "city": "xingcheng",
        "uscc": "912114817886213460",
        "customs_code": "2114961B27",
        "contact_email": "export@haiyun-swim.example",
        "phone": "+86 429 512 6688",
        "founded": 2006,
        "description": {
            "zh": (
                "海韵泳装成立于2006年，专注女士及儿童泳装的设计与生产，拥有数码印花、激光裁剪和无缝粘合生产线"
                "。工厂通过BSCI审核，年产泳装约180万件，为欧洲、俄罗斯和日韩品牌提供OEM/ODM服务。"
            ),
            "en": (
                "Founded in 2006, Haiyun designs and manufactures women's and children's swimwear on its own "
                "digital printing, laser cutting and seamless bonding lines. The BSCI-audited factory makes "
                "about 1.8 million pieces a year and provides OEM/ODM services to brands in Europe, Russia, "
                "Japan and Korea."
            ),
            "ru": (
                "Компания «Хайюнь», основанная в 2006 году, проектирует и шьёт женские и детские купальники "
                "на собственных линиях цифровой печати, лазерного раскроя и бесшовной склейки. Фабрика "
                "прошла аудит BSCI, выпускает около 1,8 млн изделий в год и работает по схемам OEM/ODM с "
                "брендами из Европы, России, Японии и Кореи."
            ),
            "ko": (
                "2006년 설립된 하이윈은 디지털 프린팅, 레이저 재단, 무봉제 본딩 라인을 갖추고 여성·아동 수영"
                "복을 디자인하고 생산합니다. BSCI 심사를 통과한 공장에서 연간 약 180만 벌을 생산하며 유럽, 러"
                "시아, 일본, 한국 브랜드에 OEM/ODM 서비스를 제공합니다."
            ),
        },
    },
    {
        "slug": "xingcheng-bilan-beachwear",
        "name": {
            "zh": "兴城市碧澜服饰有限公司",
            "en": "Xingcheng Bilan Apparel Co., Ltd.",
            "ru": "Синчэнская компания одежды «Билань»",
            "ko": "싱청 비란 의류 유한회사",
        },
        "cluster": "swimwear",
        "city": "xingcheng",
        "uscc": "91211481MA0Q7K3D9B",
        "customs_code": "2114964K18",
        "contact_email": "sales@bilan-beach.example",
        "phone": "+86 429 535 1207",
        "founded": 2016,
        "description": {
            "zh": (
                "碧澜服饰成立于2016年，主营男士泳裤、沙滩裤、泳帽及度假沙滩服饰，擅长快反小单和跨境电商备货。"
                "公司与兴城本地面料印花厂深度合作，从打样到出货最快只需12天。"
            ),
            "en": (
                "Established in 2016, Bilan specialises in men's swim shorts, board shorts, swim caps and "
                "resort beachwear, with a focus on fast small-batch orders for cross-border e-commerce "
                "sellers. Working closely with local fabric printers in Xingcheng, it can go from sample to "
                "shipment in as little as 12 days."
            ),
            "ru": (
                "Компания «Билань», основанная в 2016 году, выпускает мужские плавки, пляжные шорты, шапочки "
                "для плавания и курортную одежду и специализируется на быстрых небольших партиях для "
                "продавцов трансграничной электронной торговли. Благодаря тесной работе с местными "
                "текстильными типографиями путь от образца до отгрузки занимает всего 12 дней."
            ),
            "ko": (
                "2016년 설립된 비란은 남성 수영복, 보드쇼츠, 수영모, 리조트 비치웨어를 전문으로 하며 해외 직"
                "구 판매자를 위한 소량 신속 생산에 강점이 있습니다. 싱청 현지 원단 프린팅 공장과 긴밀히 협력"
                "해 샘플부터 출고까지 최단 12일이면 충분합니다."
            ),
        },
    },
    {
        "slug": "haicheng-huamei-refractories",
        "name": {
            "zh": "海城市华镁耐火材料有限公司",
            "en": "Haicheng Huamei Refractories Co., Ltd.",
            "ru": "Хайчэнская огнеупорная компания «Хуамэй»",
            "ko": "하이청 화메이 내화물 유한회사",
        },
        "cluster": "magnesium",
        "city": "haicheng",
        "uscc": "9121038172413985XJ",
        "customs_code": "2103966A31",
        "contact_email": "trade@huamei-refractory.example",
        "phone": "+86 412 321 5580",
        "founded": 2001,
        "description": {
            "zh": (
                "华镁耐火位于海城牌楼镁矿区，拥有12台3000 kVA电弧炉和两条镁碳砖自动压砖线，主要生产电熔镁砂和"
                "镁质耐火砖。产品供应国内外钢铁、水泥和玻璃企业，出口至俄罗斯、印度和中东。"
            ),
            "en": (
                "Huamei sits in Haicheng's Pailou magnesite district and runs twelve 3,000 kVA arc furnaces "
                "and two automated magnesia-carbon brick pressing lines. It supplies fused magnesia and "
                "magnesia bricks to steel, cement and glass producers in China, Russia, India and the Middle "
                "East."
            ),
            "ru": (
                "Компания «Хуамэй» расположена в магнезитовом районе Пайлоу города Хайчэн; у неё двенадцать "
                "дуговых печей мощностью 3000 кВА и две автоматические линии прессования "
                "периклазоуглеродистых изделий. Плавленый периклаз и магнезиальные огнеупоры поставляются "
                "металлургическим, цементным и стекольным заводам Китая, России, Индии и Ближнего Востока."
            ),
            "ko": (
                "화메이는 하이청 파이러우 마그네사이트 광구에 위치하며 3,000kVA 전기 아크로 12기와 마그네시아"
                "-카본 벽돌 자동 프레스 라인 2개를 운영합니다. 전융 마그네시아와 마그네시아 내화벽돌을 국내외"
                " 제철·시멘트·유리 업체에 공급하며 러시아, 인도, 중동으로 수출합니다."
            ),
        },
    },
    {
        "slug": "dashiqiao-jinyuan-magnesium",
        "name": {
            "zh": "大石桥市金源镁业有限公司",
            "en": "Dashiqiao Jinyuan Magnesium Co., Ltd.",
            "ru": "Дашицяоская магниевая компания «Цзиньюань»",
            "ko": "다스차오 진위안 마그네슘 유한회사",
        },
        "cluster": "magnesium",
        "city": "dashiqiao",
        "uscc": "91210882661073522E",
        "customs_code": "2108966D09",
        "contact_email": "sales@jinyuan-mg.example",
        "phone": "+86 417 566 3018",
        "founded": 2007,
        "description": {
            "zh": (
                "金源镁业以自有菱镁矿为原料，经竖窑和回转窑煅烧生产轻烧镁粉和高纯烧结镁砂，并配套镁合金熔铸车"
                "间。公司通过ISO 9001和ISO 14001认证，可按客户要求定制粒度和包装。"
            ),
            "en": (
                "Jinyuan calcines ore from its own magnesite mine in shaft and rotary kilns to make caustic "
                "calcined magnesia and high-purity sintered magnesia, and runs an in-house magnesium alloy "
                "casting shop. The company is ISO 9001 and ISO 14001 certified and sizes and packs to "
                "customer specification."
            ),
            "ru": (
                "«Цзиньюань» обжигает сырьё с собственного магнезитового рудника в шахтных и вращающихся "
                "печах, выпуская каустический магнезит и высокочистый спечённый периклаз; на предприятии "
                "также работает цех литья магниевых сплавов. Компания сертифицирована по ISO 9001 и ISO "
                "14001 и поставляет продукцию с фракцией и упаковкой по требованию заказчика."
            ),
            "ko": (
                "진위안은 자체 마그네사이트 광산의 원광을 수직로와 로터리 킬른에서 소성해 경소 마그네시아와 "
                "고순도 소결 마그네시아를 생산하며, 마그네슘 합금 주조 공장도 함께 운영합니다. ISO 9001·ISO "
                "14001 인증을 보유하고 있으며 입도와 포장을 고객 요구에 맞춰 제공합니다."
            ),
        },
    },
    {
        "slug": "yingkou-hengli-garage-equipment",
        "name": {
            "zh": "营口恒力汽保设备有限公司",
            "en": "Yingkou Hengli Garage Equipment Co., Ltd.",
            "ru": "Инкоуская компания гаражного оборудования «Хэнли»",
            "ko": "잉커우 헝리 정비장비 유한회사",
        },
        "cluster": "auto-maintenance",
        "city": "yingkou",
        "uscc": "9121080055932871XW",
        "customs_code": "2108266E14",
        "contact_email": "export@hengli-lift.example",
        "phone": "+86 417 628 8857",
        "founded": 2003,
        "description": {
            "zh": (
                "恒力汽保是营口的老牌举升机制造商，产品涵盖双柱、四柱和剪式举升机，年产能超过1.5万台。主要机"
                "型已取得CE认证，并为海外经销商提供安装视频、易损件包和远程技术支持。"
            ),
            "en": (
                "Hengli is one of Yingkou's longest-established lift makers, building two-post, four-post "
                "and scissor lifts with an annual capacity of more than 15,000 units. Its main models are CE "
                "certified, and overseas dealers receive installation videos, wear-part kits and remote "
                "technical support."
            ),
            "ru": (
                "«Хэнли» — один из старейших производителей подъёмников в Инкоу: двухстоечные, "
                "четырёхстоечные и ножничные модели, мощность — более 15 000 единиц в год. Основные модели "
                "имеют сертификат CE, а зарубежные дилеры получают видеоинструкции по монтажу, комплекты "
                "быстроизнашивающихся деталей и удалённую техническую поддержку."
            ),
            "ko": (
                "헝리는 잉커우의 대표적인 노포 리프트 제조사로 2주식, 4주식, 시저 리프트를 연간 1만 5천 대 이"
                "상 생산합니다. 주요 모델은 CE 인증을 받았으며 해외 대리점에 설치 영상, 소모품 키트, 원격 기"
                "술 지원을 제공합니다."
            ),
        },
    },
    {
        "slug": "yingkou-ruike-auto-service",
        "name": {
            "zh": "营口瑞科汽车服务设备有限公司",
            "en": "Yingkou Ruike Auto Service Equipment Co., Ltd.",
            "ru": "Инкоуская компания автосервисного оборудования «Жуйкэ»",
            "ko": "잉커우 루이커 자동차 서비스 장비 유한회사",
        },
        "cluster": "auto-maintenance",
        "city": "yingkou",
        "uscc": "91210800MA0UH6L233",
        "customs_code": "2108966F52",
        "contact_email": "info@ruike-tyre.example",
        "phone": "+86 417 285 6630",
        "founded": 2017,
        "description": {
            "zh": (
                "瑞科专注轮胎服务与检测设备，产品包括轮胎拆装机、车轮平衡机、3D四轮定位仪和前照灯检测仪。公司"
                "自有视觉定位算法研发团队，软件支持中、英、俄、韩等12种语言。"
            ),
            "en": (
                "Ruike focuses on tyre service and testing equipment: tyre changers, wheel balancers, 3D "
                "wheel aligners and headlight testers. An in-house team develops its machine-vision "
                "alignment software, which runs in 12 languages including Chinese, English, Russian and "
                "Korean."
            ),
            "ru": (
                "«Жуйкэ» специализируется на шиномонтажном и диагностическом оборудовании: шиномонтажные и "
                "балансировочные станки, 3D-стенды развал-схождения и приборы проверки фар. Собственная "
                "команда разрабатывает программное обеспечение машинного зрения; интерфейс доступен на 12 "
                "языках, включая китайский, английский, русский и корейский."
            ),
            "ko": (
                "루이커는 타이어 탈착기, 휠 밸런서, 3D 휠 얼라이너, 전조등 시험기 등 타이어 서비스 및 검사 장"
                "비에 주력합니다. 자체 연구팀이 비전 얼라인먼트 소프트웨어를 개발하며, 중국어·영어·러시아어"
                "·한국어 등 12개 언어를 지원합니다."
            ),
        },
    },
    {
        "slug": "dalian-bohai-tool-steel",
        "name": {
            "zh": "大连渤海特殊钢材有限公司",
            "en": "Dalian Bohai Special Steel Co., Ltd.",
            "ru": "Даляньская компания специальных сталей «Бохай»",
            "ko": "다롄 보하이 특수강 유한회사",
        },
        "cluster": "special-steel",
        "city": "dalian",
        "uscc": "91210200716872437Y",
        "customs_code": "2102266A08",
        "contact_email": "steel@bohai-tool.example",
        "phone": "+86 411 8765 3120",
        "founded": 1999,
        "description": {
            "zh": (
                "渤海特钢位于大连金州，是集锻造、热处理和精加工于一体的工模具钢供应商，常备Cr12MoV、H13、"
                "718H和M2等钢种3000余吨。公司提供锯切、铣磨和超声波探伤服务，每批货物随附材质证明书。"
            ),
            "en": (
                "Based in Jinzhou, Dalian, Bohai combines forging, heat treatment and finishing, keeping "
                "more than 3,000 tonnes of Cr12MoV, H13, 718H, M2 and other grades in stock. It offers "
                "sawing, milling, grinding and ultrasonic testing, and every shipment comes with a mill test "
                "certificate."
            ),
            "ru": (
                "Компания «Бохай» из района Цзиньчжоу (Далянь) объединяет ковку, термообработку и "
                "механическую доработку и держит на складе более 3000 тонн сталей Cr12MoV, H13, 718H, M2 и "
                "других марок. Предлагаются резка, фрезерование, шлифовка и ультразвуковой контроль; каждая "
                "партия сопровождается сертификатом качества."
            ),
            "ko": (
                "다롄 진저우에 위치한 보하이 특수강은 단조·열처리·정밀가공을 일괄 수행하는 공구·금형강 공급업"
                "체로, Cr12MoV, H13, 718H, M2 등 3,000톤 이상을 상시 재고로 보유합니다. 절단, 밀링·연삭, 초음"
                "파 탐상 서비스를 제공하며 모든 출하분에 밀시트를 첨부합니다."
            ),
        },
    },
    {
        "slug": "fushun-hengtai-special-alloy",
        "name": {
            "zh": "抚顺恒泰特种合金有限公司",
            "en": "Fushun Hengtai Special Alloy Co., Ltd.",
            "ru": "Фушуньская компания специальных сплавов «Хэнтай»",
            "ko": "푸순 헝타이 특수합금 유한회사",
        },
        "cluster": "special-steel",
        "city": "fushun",
        "uscc": "91210400683259176D",
        "customs_code": "2104966B63",
        "contact_email": "export@hengtai-alloy.example",
        "phone": "+86 24 5766 2091",
        "founded": 2004,
        "description": {
            "zh": (
                "恒泰特种合金依托抚顺特钢产业集群，经营不锈钢、轴承钢、齿轮钢和弹簧钢棒材，并从本溪钢厂直采优"
                "质合金结构钢。公司拥有冷拉、剥皮和矫直设备，可交付公差h9至h11的光亮棒材。"
            ),
            "en": (
                "Drawing on Fushun's special steel cluster, Hengtai supplies stainless, bearing, gear and "
                "spring steel bars and sources quality structural alloy steel directly from mills in Benxi. "
                "Its cold-drawing, peeling and straightening equipment delivers bright bars to tolerances "
                "from h9 to h11."
            ),
            "ru": (
                "Опираясь на фушуньский кластер спецсталей, «Хэнтай» поставляет нержавеющий, подшипниковый, "
                "зубчатый и рессорно-пружинный прокат, а качественную конструкционную легированную сталь "
                "закупает напрямую у заводов Бэньси. Оборудование для волочения, обдирки и правки позволяет "
                "поставлять калиброванный пруток с допусками от h9 до h11."
            ),
            "ko": (
                "헝타이 특수합금은 푸순 특수강 클러스터를 기반으로 스테인리스강, 베어링강, 기어강, 스프링강 "
                "봉강을 공급하며, 고품질 합금 구조용강은 번시 제철소에서 직접 조달합니다. 냉간인발·필링·교정 "
                "설비를 갖추어 h9~h11 공차의 마봉강을 납품할 수 있습니다."
            ),
        },
    },
    {
        "slug": "dandong-lvjiang-foods",
        "name": {
            "zh": "丹东绿江食品有限公司",
            "en": "Dandong Lvjiang Foods Co., Ltd.",
            "ru": "Даньдунская пищевая компания «Люйцзян»",
            "ko": "단둥 뤼장 식품 유한회사",
        },
        "cluster": "agriculture",
        "city": "dandong",
        "uscc": "91210600764281519C",
        "customs_code": "2106966C21",
        "contact_email": "export@lvjiang-foods.example",
        "phone": "+86 415 312 7786",
        "founded": 2005,
        "description": {
            "zh": (
                "绿江食品坐落在鸭绿江畔，已完成出口食品生产企业备案并通过BRCGS认证，主营速冻草莓、鲜苹果、宽"
                "甸板栗和人参。公司在东港和宽甸建有签约种植基地，全程冷链可追溯。"
            ),
            "en": (
                "Based on the banks of the Yalu River, Lvjiang is a registered export food producer with "
                "BRCGS certification, dealing in frozen strawberries, fresh apples, Kuandian chestnuts and "
                "ginseng. Contract farms in Donggang and Kuandian and a fully traceable cold chain stand "
                "behind every shipment."
            ),
            "ru": (
                "Компания «Люйцзян» расположена на берегу реки Ялуцзян, зарегистрирована как производитель "
                "экспортной пищевой продукции и сертифицирована по BRCGS. Она поставляет замороженную "
                "клубнику, свежие яблоки, куаньдяньские каштаны и женьшень; контрактные плантации в Дунгане "
                "и Куаньдяне и прослеживаемая холодовая цепь гарантируют качество каждой партии."
            ),
            "ko": (
                "압록강변에 자리한 뤼장 식품은 수출식품 생산기업 등록과 BRCGS 인증을 보유하고 냉동 딸기, 신선"
                " 사과, 콴뎬 밤, 인삼을 취급합니다. 둥강과 콴뎬의 계약 재배 기지와 이력 추적이 가능한 콜드체"
                "인으로 모든 출하 품질을 관리합니다."
            ),
        },
    },
    {
        "slug": "panjin-daoxiang-grain",
        "name": {
            "zh": "盘锦稻香米业有限公司",
            "en": "Panjin Daoxiang Rice Co., Ltd.",
            "ru": "Паньцзиньская рисовая компания «Даосян»",
            "ko": "판진 다오샹 미곡 유한회사",
        },
        "cluster": "agriculture",
        "city": "panjin",
        "uscc": "91211100MA0P4N8EXQ",
        "customs_code": "2111966A47",
        "contact_email": "rice@daoxiang-panjin.example",
        "phone": "+86 427 286 5512",
        "founded": 2016,
        "description": {
            "zh": (
                "稻香米业位于盘锦大洼，采用“稻蟹共生”模式种植优质粳稻，拥有低温仓储和日产200吨的大米加工线。"
                "公司同时收购阜新和锦州产区的花生，供应带壳花生、花生米和烘焙花生。"
            ),
            "en": (
                "Daoxiang is based in Dawa, Panjin, where it grows premium japonica rice in rice-and-crab "
                "co-culture paddies and runs low-temperature storage and a 200-tonne-per-day milling line. "
                "It also buys peanuts from the Fuxin and Jinzhou growing areas and supplies in-shell, "
                "shelled and roasted peanuts."
            ),
            "ru": (
                "Компания «Даосян» из района Дава (Паньцзинь) выращивает высококачественный рис японика по "
                "технологии совместного разведения риса и крабов, имеет низкотемпературные склады и линию "
                "переработки мощностью 200 тонн в сутки. Кроме того, она закупает арахис в Фусине и "
                "Цзиньчжоу и поставляет арахис в скорлупе, очищенный и обжаренный."
            ),
            "ko": (
                "판진 다와에 위치한 다오샹 미곡은 '벼-게 공생' 농법으로 고품질 자포니카 쌀을 재배하며, 저온 "
                "창고와 일일 200톤 규모의 도정 라인을 갖추고 있습니다. 또한 푸신·진저우 산지 땅콩을 수매해 껍"
                "질땅콩, 알땅콩, 볶음땅콩을 공급합니다."
            ),
        },
    },
    {
        "slug": "dalian-haizhenyuan-seafood",
        "name": {
            "zh": "大连海珍源海洋食品有限公司",
            "en": "Dalian Haizhenyuan Marine Foods Co., Ltd.",
            "ru": "Даляньская компания морепродуктов «Хайчжэньюань»",
            "ko": "다롄 하이전위안 해양식품 유한회사",
        },
        "cluster": "agriculture",
        "city": "dalian",
        "uscc": "91210200MA0T2C5W05",
        "customs_code": "2102966G30",
        "contact_email": "export@haizhenyuan.example",
        "phone": "+86 411 3956 2287",
        "founded": 2018,
        "description": {
            "zh": (
                "海珍源在大连獐子岛海域拥有底播增养殖海区，专业加工即食海参和淡干海参。工厂通过HACCP认证，已"
                "完成对俄罗斯、韩国和东南亚的出口注册，每批产品均附检验检疫证书。"
            ),
            "en": (
                "Haizhenyuan ranches sea cucumbers on the seabed around Zhangzi Island off Dalian and "
                "specialises in ready-to-eat and salt-free dried sea cucumber. Its HACCP-certified plant is "
                "registered for export to Russia, Korea and Southeast Asia, and every lot ships with an "
                "official inspection and quarantine certificate."
            ),
            "ru": (
                "Компания «Хайчжэньюань» выращивает трепанг на донных участках у острова Чжанцзыдао близ "
                "Даляня и специализируется на готовом к употреблению и сушёном несолёном трепанге. Завод "
                "сертифицирован по HACCP и зарегистрирован для экспорта в Россию, Корею и Юго-Восточную "
                "Азию; каждая партия сопровождается ветеринарным сертификатом."
            ),
            "ko": (
                "하이전위안은 다롄 장쯔다오 인근 해역에서 해삼 바다목장을 운영하며 즉석 해삼과 무염 건해삼을 "
                "전문 가공합니다. HACCP 인증 공장은 러시아, 한국, 동남아 수출 등록을 마쳤으며 모든 로트에 검"
                "역 증명서가 첨부됩니다."
            ),
        },
    },
]

# Products deliberately lacking a translation, so the storefront shows its language fallback:
#   HY-SW-1007   no ko
#   BL-SW-2006   no ru
#   JY-MG-4002   no ko
#   RK-TC-6002   no ru
#   DB-ST-7003   no ko
#   DX-AG-9202   no ko
PRODUCTS = [
    *_SWIMWEAR,
    *_MAGNESIUM,
    *_AUTO_MAINTENANCE,
    *_SPECIAL_STEEL,
    *_AGRICULTURE,
]
