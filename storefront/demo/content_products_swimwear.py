"""Demo products: Xingcheng swimwear.

Pure data, merged into ``storefront.demo.content.PRODUCTS``.
"""

PRODUCTS = [
    {
        "sku": "HY-SW-1001",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "womens-swimwear",
        "hs_code": "6112410000",
        "customs_name": "女式针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-ONE-03",
        "origin_city": "xingcheng",
        "net_weight_g": 180,
        "gross_weight_g": 230,
        "price_fen": 8900,
        "tiers": [[50, 7900], [200, 6900]],
        "moq": 10,
        "stock": 1200,
        "featured": True,
        "text": {
            "zh": {
                "name": "经典V领连体女式针织泳衣",
                "description": (
                    "采用230克高密度经编锦纶氨纶面料，四面弹力，贴身而不紧绷。前胸内置可拆卸胸垫，后背交叉肩"
                    "带可调节长度，兼顾泳池训练与海边度假。面料经抗氯和防紫外线处理，反复下水也不易松垮褪色。"
                ),
                "specs": [
                    ["面料", "82% 锦纶 / 18% 氨纶"],
                    ["克重", "230 g/m²"],
                    ["尺码", "S–XXL"],
                    ["内衬", "前片全衬里，可拆卸胸垫"],
                    ["颜色", "藏青、酒红、黑色"],
                    ["洗护", "冷水手洗，阴凉处晾干"],
                ],
            },
            "en": {
                "name": "Classic V-Neck One-Piece Women's Knitted Swimsuit",
                "description": (
                    "Cut from 230 g/m² high-density warp-knit nylon–spandex with four-way stretch, it hugs "
                    "the body without feeling tight. Removable cups and adjustable crossover back straps "
                    "make it equally at home in the pool and on the beach. A chlorine-resistant, "
                    "UV-protective finish keeps its shape and colour swim after swim."
                ),
                "specs": [
                    ["Fabric", "82% nylon / 18% spandex"],
                    ["Fabric weight", "230 g/m²"],
                    ["Sizes", "S–XXL"],
                    ["Lining", "Fully lined front, removable cups"],
                    ["Colours", "Navy, burgundy, black"],
                    ["Care", "Hand wash cold, dry in shade"],
                ],
            },
            "ru": {
                "name": "Женский трикотажный купальник «Классика» с V-образным вырезом",
                "description": (
                    "Купальник сшит из плотного полиамидно-эластанового трикотажа (230 г/м²) с растяжением в "
                    "четырёх направлениях: он облегает фигуру, но не сдавливает. Съёмные чашечки и "
                    "регулируемые перекрещенные бретели на спине делают модель удобной и в бассейне, и на "
                    "пляже. Отделка, устойчивая к хлору и ультрафиолету, сохраняет форму и цвет даже после "
                    "многих купаний."
                ),
                "specs": [
                    ["Ткань", "82% полиамид / 18% эластан"],
                    ["Плотность ткани", "230 g/m²"],
                    ["Размеры", "S–XXL"],
                    ["Подкладка", "Подкладка на передней части, съёмные чашечки"],
                    ["Расцветки", "Тёмно-синий, бордовый, чёрный"],
                    ["Уход", "Ручная стирка в холодной воде, сушить в тени"],
                ],
            },
            "ko": {
                "name": "클래식 V넥 여성 니트 원피스 수영복",
                "description": (
                    "230g/m² 고밀도 경편 나일론·스판덱스 원단을 사용해 4방향 스트레치로 몸에 꼭 맞으면서도 답"
                    "답하지 않습니다. 탈부착 패드와 길이 조절형 크로스 백 스트랩으로 수영장 훈련과 해변 휴가 "
                    "모두에 어울립니다. 내염소·자외선 차단 가공으로 여러 번 입어도 늘어지거나 색이 바래지 않"
                    "습니다."
                ),
                "specs": [
                    ["원단", "나일론 82% / 스판덱스 18%"],
                    ["원단 중량", "230 g/m²"],
                    ["사이즈", "S–XXL"],
                    ["안감", "앞판 전체 안감, 탈부착 패드"],
                    ["색상", "네이비, 버건디, 블랙"],
                    ["관리", "찬물 손세탁, 그늘에서 건조"],
                ],
            },
        },
    },
    {
        "sku": "HY-SW-1002",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "womens-swimwear",
        "hs_code": "6112410000",
        "customs_name": "女式针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-UPF-11",
        "origin_city": "xingcheng",
        "net_weight_g": 260,
        "gross_weight_g": 320,
        "price_fen": 12800,
        "tiers": [[50, 11200], [200, 9900]],
        "moq": 10,
        "stock": 800,
        "featured": False,
        "text": {
            "zh": {
                "name": "长袖高领防晒女式针织泳衣",
                "description": (
                    "长袖高领设计，面料防晒指数达UPF 50+，适合浮潜、冲浪和烈日下的水上运动。后背隐形拉链方便"
                    "穿脱，袖口和领口采用平缝工艺，减少摩擦。亮色拼接在水中清晰可见，更加安全。"
                ),
                "specs": [
                    ["面料", "80% 锦纶 / 20% 氨纶"],
                    ["功能", "UPF 50+，后背隐形拉链"],
                    ["尺码", "S–3XL"],
                    ["颜色", "珊瑚红拼藏青、湖蓝拼白"],
                ],
            },
            "en": {
                "name": "Long-Sleeve High-Neck UPF 50+ Women's Swimsuit",
                "description": (
                    "The long sleeves and high neck are cut from UPF 50+ fabric, ideal for snorkelling, "
                    "surfing and water sports under strong sun. A concealed back zip makes it easy to put "
                    "on, and flatlock seams at the cuffs and collar prevent chafing. Bright colour-blocking "
                    "keeps the wearer visible in the water."
                ),
                "specs": [
                    ["Fabric", "80% nylon / 20% spandex"],
                    ["Features", "UPF 50+, concealed back zip"],
                    ["Sizes", "S–3XL"],
                    ["Colours", "Coral/navy, lagoon blue/white"],
                ],
            },
            "ru": {
                "name": "Женский купальник с длинным рукавом и защитой UPF 50+",
                "description": (
                    "Длинные рукава и высокий ворот выполнены из ткани с защитой UPF 50+ — модель подходит "
                    "для снорклинга, сёрфинга и водного спорта под палящим солнцем. Потайная молния на спине "
                    "облегчает надевание, а плоские швы на манжетах и воротнике не натирают кожу. "
                    "Контрастные яркие вставки хорошо заметны в воде."
                ),
                "specs": [
                    ["Ткань", "80% полиамид / 20% эластан"],
                    ["Особенности", "UPF 50+, потайная молния на спине"],
                    ["Размеры", "S–3XL"],
                    ["Расцветки", "Коралловый с тёмно-синим, лазурный с белым"],
                ],
            },
            "ko": {
                "name": "긴팔 하이넥 UPF 50+ 여성 수영복",
                "description": (
                    "긴소매와 하이넥 디자인에 UPF 50+ 원단을 사용해 스노클링, 서핑, 강한 햇빛 아래 수상 스포"
                    "츠에 적합합니다. 등판 히든 지퍼로 입고 벗기 편하며, 소매와 목 부분은 플랫록 봉제로 쓸림"
                    "을 줄였습니다. 선명한 배색 포인트 덕분에 물속에서도 눈에 잘 띄어 안전합니다."
                ),
                "specs": [
                    ["원단", "나일론 80% / 스판덱스 20%"],
                    ["기능", "UPF 50+, 등판 히든 지퍼"],
                    ["사이즈", "S–3XL"],
                    ["색상", "코랄/네이비, 라군 블루/화이트"],
                ],
            },
        },
    },
    {
        "sku": "HY-SW-1003",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "womens-swimwear",
        "hs_code": "6112410000",
        "customs_name": "女式针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-BK-07",
        "origin_city": "xingcheng",
        "net_weight_g": 120,
        "gross_weight_g": 160,
        "price_fen": 6900,
        "tiers": [[50, 5900], [300, 4900]],
        "moq": 10,
        "stock": 2400,
        "featured": False,
        "text": {
            "zh": {
                "name": "挂脖三角比基尼两件套",
                "description": (
                    "上衣为可调节挂脖系带三角杯，下装为中腰包臀三角裤，适合多种身形。面料采用由回收渔网和工业"
                    "废丝制成的再生锦纶，手感细腻、色彩饱满。热带印花由兴城本地数码印花厂完成，色牢度达4级以"
                    "上。"
                ),
                "specs": [
                    ["面料", "78% 再生锦纶 / 22% 氨纶"],
                    ["尺码", "XS–XL"],
                    ["功能", "挂脖系带，可拆卸胸垫"],
                    ["颜色", "棕榈印花、扶桑花印花"],
                    ["包装", "单套OPP袋，每箱100套"],
                ],
            },
            "en": {
                "name": "Halter Triangle Bikini Set",
                "description": (
                    "An adjustable halter-tie triangle top pairs with mid-rise, full-coverage bottoms to "
                    "flatter a wide range of figures. The fabric is regenerated nylon made from recovered "
                    "fishing nets and industrial yarn waste, soft to the touch with rich colour. The "
                    "tropical prints are digitally printed in Xingcheng with colourfastness of grade 4 or "
                    "better."
                ),
                "specs": [
                    ["Fabric", "78% recycled nylon / 22% spandex"],
                    ["Sizes", "XS–XL"],
                    ["Features", "Halter tie, removable pads"],
                    ["Colours", "Palm print, hibiscus print"],
                    ["Packing", "Individual OPP bag, 100 sets per carton"],
                ],
            },
            "ru": {
                "name": "Раздельный купальник-бикини с завязками на шее",
                "description": (
                    "Треугольный лиф с регулируемыми завязками на шее и плавки средней посадки, полностью "
                    "закрывающие ягодицы, подходят для самых разных фигур. Ткань — регенерированный полиамид "
                    "из переработанных рыболовных сетей и промышленных отходов нити: мягкая на ощупь, с "
                    "насыщенным цветом. Тропические принты нанесены цифровой печатью в Синчэне, "
                    "цветостойкость — не ниже 4 баллов."
                ),
                "specs": [
                    ["Ткань", "78% переработанный полиамид / 22% эластан"],
                    ["Размеры", "XS–XL"],
                    ["Особенности", "Завязки на шее, съёмные вкладыши"],
                    ["Расцветки", "Принт «пальмы», принт «гибискус»"],
                    ["Упаковка", "Индивидуальный пакет OPP, 100 комплектов в коробке"],
                ],
            },
            "ko": {
                "name": "홀터넥 트라이앵글 비키니 세트",
                "description": (
                    "길이 조절이 가능한 홀터넥 트라이앵글 톱과 엉덩이를 충분히 감싸는 미드라이즈 하의로 다양"
                    "한 체형에 잘 어울립니다. 폐어망과 산업용 폐사를 재생한 나일론 원단으로 촉감이 부드럽고 "
                    "발색이 선명합니다. 열대 프린트는 싱청 현지 디지털 프린팅 공장에서 작업했으며 염색 견뢰도"
                    "는 4급 이상입니다."
                ),
                "specs": [
                    ["원단", "재생 나일론 78% / 스판덱스 22%"],
                    ["사이즈", "XS–XL"],
                    ["기능", "홀터넥 끈, 탈부착 패드"],
                    ["색상", "야자수 프린트, 히비스커스 프린트"],
                    ["포장", "개별 OPP 포장, 카톤당 100세트"],
                ],
            },
        },
    },
    {
        "sku": "HY-SW-1004",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "womens-swimwear",
        "hs_code": "6112410000",
        "customs_name": "女式针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-PLUS-05",
        "origin_city": "xingcheng",
        "net_weight_g": 240,
        "gross_weight_g": 300,
        "price_fen": 10900,
        "tiers": [[50, 9600], [200, 8500]],
        "moq": 10,
        "stock": 900,
        "featured": False,
        "text": {
            "zh": {
                "name": "大码收腹连体女式针织泳衣",
                "description": (
                    "专为大码身形打版，腹部内置双层强力网布，有效收紧小腹线条。宽肩带和加深罩杯提供稳定承托，"
                    "侧面褶皱设计修饰腰身。尺码覆盖XL至5XL，深受欧美及俄罗斯客户欢迎。"
                ),
                "specs": [
                    ["面料", "80% 锦纶 / 20% 氨纶"],
                    ["内衬", "腹部双层强力网"],
                    ["尺码", "XL–5XL"],
                    ["颜色", "黑色、墨绿、花卉印花"],
                ],
            },
            "en": {
                "name": "Plus-Size Tummy-Control One-Piece Swimsuit",
                "description": (
                    "Patterned specifically for curvy figures, with a double layer of power mesh across the "
                    "tummy for a smoother silhouette. Wide straps and deeper cups give secure support, while "
                    "side ruching flatters the waist. Sizes run from XL to 5XL and are popular with "
                    "customers in Europe, America and Russia."
                ),
                "specs": [
                    ["Fabric", "80% nylon / 20% spandex"],
                    ["Lining", "Double power-mesh tummy panel"],
                    ["Sizes", "XL–5XL"],
                    ["Colours", "Black, forest green, floral print"],
                ],
            },
            "ru": {
                "name": "Утягивающий слитный купальник больших размеров",
                "description": (
                    "Модель разработана специально для пышных фигур: двойной слой утягивающей сетки в "
                    "области живота создаёт плавный силуэт. Широкие бретели и глубокие чашки надёжно "
                    "поддерживают грудь, а боковые драпировки подчёркивают талию. Размерный ряд от XL до 5XL "
                    "пользуется спросом у покупателей из Европы, Америки и России."
                ),
                "specs": [
                    ["Ткань", "80% полиамид / 20% эластан"],
                    ["Подкладка", "Двойная утягивающая сетка на животе"],
                    ["Размеры", "XL–5XL"],
                    ["Расцветки", "Чёрный, тёмно-зелёный, цветочный принт"],
                ],
            },
            "ko": {
                "name": "빅사이즈 복부 보정 원피스 수영복",
                "description": (
                    "풍만한 체형에 맞춰 별도로 패턴을 설계했으며, 복부에 이중 파워넷을 넣어 매끈한 실루엣을 "
                    "만들어 줍니다. 넓은 어깨끈과 깊은 컵이 안정적으로 받쳐 주고 옆선 셔링이 허리 라인을 보완"
                    "합니다. XL부터 5XL까지 구성되어 유럽, 미국, 러시아 고객에게 인기가 높습니다."
                ),
                "specs": [
                    ["원단", "나일론 80% / 스판덱스 20%"],
                    ["안감", "복부 이중 파워넷"],
                    ["사이즈", "XL–5XL"],
                    ["색상", "블랙, 포레스트 그린, 플로럴 프린트"],
                ],
            },
        },
    },
    {
        "sku": "HY-SW-1005",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "womens-swimwear",
        "hs_code": "6112410000",
        "customs_name": "女式针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-PBT-21",
        "origin_city": "xingcheng",
        "net_weight_g": 150,
        "gross_weight_g": 190,
        "price_fen": 7500,
        "tiers": [[100, 6500], [500, 5600]],
        "moq": 20,
        "stock": 3000,
        "featured": False,
        "text": {
            "zh": {
                "name": "抗氯PBT女式竞训泳衣",
                "description": (
                    "采用100% PBT聚酯面料，耐氯寿命是普通锦纶氨纶面料的五倍以上，适合每天泳池训练。U型开背设"
                    "计释放肩胛活动空间，划水更自如。表面低阻力，并提供团体定制价格，是游泳俱乐部和学校的热门"
                    "之选。"
                ),
                "specs": [
                    ["面料", "100% PBT 聚酯纤维"],
                    ["功能", "耐氯超过300小时，U型开背"],
                    ["尺码", "28–42"],
                    ["颜色", "黑色、藏青，可定制队徽"],
                ],
            },
            "en": {
                "name": "Chlorine-Resistant PBT Women's Training Swimsuit",
                "description": (
                    "Made from 100% PBT polyester, it lasts more than five times longer in chlorinated water "
                    "than standard nylon–spandex, perfect for daily pool training. An open U-back frees the "
                    "shoulder blades for a fuller stroke. The low-drag surface and team-order pricing make "
                    "it a favourite with swim clubs and schools."
                ),
                "specs": [
                    ["Fabric", "100% PBT polyester"],
                    ["Features", "Chlorine resistant over 300 h, open U-back"],
                    ["Sizes", "28–42"],
                    ["Colours", "Black, navy; team logo on request"],
                ],
            },
            "ru": {
                "name": "Женский тренировочный купальник из хлоростойкого ПБТ",
                "description": (
                    "Купальник из 100% полиэстера ПБТ служит в хлорированной воде в пять с лишним раз дольше "
                    "обычного полиамида с эластаном — идеален для ежедневных тренировок в бассейне. Открытая "
                    "U-образная спина освобождает лопатки и делает гребок свободнее. Гладкую поверхность с "
                    "низким сопротивлением и цены для командных заказов оценят плавательные клубы и школы."
                ),
                "specs": [
                    ["Ткань", "100% полиэстер ПБТ"],
                    ["Особенности", "Хлоростойкость более 300 ч, открытая U-образная спина"],
                    ["Размеры", "28–42"],
                    ["Расцветки", "Чёрный, тёмно-синий; логотип команды по запросу"],
                ],
            },
            "ko": {
                "name": "내염소 PBT 여성 훈련용 수영복",
                "description": (
                    "100% PBT 폴리에스터 원단으로 일반 나일론·스판덱스보다 염소에 5배 이상 오래 견뎌 매일 수"
                    "영장 훈련에 적합합니다. U자형 오픈백 디자인이 견갑골 움직임을 자유롭게 해 스트로크가 한"
                    "결 편안합니다. 저항이 낮은 표면과 단체 주문 가격으로 수영 클럽과 학교에서 인기가 높습니"
                    "다."
                ),
                "specs": [
                    ["원단", "PBT 폴리에스터 100%"],
                    ["기능", "내염소 300시간 이상, U자 오픈백"],
                    ["사이즈", "28–42"],
                    ["색상", "블랙, 네이비 / 팀 로고 주문 가능"],
                ],
            },
        },
    },
    {
        "sku": "HY-SW-1006",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "kids-swimwear",
        "hs_code": "6112410000",
        "customs_name": "女童针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-KG-02",
        "origin_city": "xingcheng",
        "net_weight_g": 90,
        "gross_weight_g": 120,
        "price_fen": 4900,
        "tiers": [[50, 4200], [300, 3600]],
        "moq": 10,
        "stock": 1500,
        "featured": True,
        "text": {
            "zh": {
                "name": "女童荷叶边连体泳衣",
                "description": (
                    "肩部荷叶边设计活泼可爱，面料柔软亲肤，通过OEKO-TEX Standard 100婴幼儿级检测。加厚全衬里"
                    "，下水不透。适合3至12岁女童，泳池、海边和亲子旅行皆宜。"
                ),
                "specs": [
                    ["面料", "82% 锦纶 / 18% 氨纶"],
                    ["功能", "OEKO-TEX Standard 100 认证"],
                    ["尺码", "3–12岁（98–152 cm）"],
                    ["颜色", "樱花粉、薄荷绿、柠檬黄"],
                ],
            },
            "en": {
                "name": "Girls' Ruffle One-Piece Swimsuit",
                "description": (
                    "Shoulder ruffles add a playful touch, and the soft fabric is certified to OEKO-TEX "
                    "Standard 100 for babies and children. A thicker full lining keeps it opaque when wet. "
                    "Sized for girls aged 3 to 12 — for the pool, the seaside and family holidays."
                ),
                "specs": [
                    ["Fabric", "82% nylon / 18% spandex"],
                    ["Features", "OEKO-TEX Standard 100 certified"],
                    ["Sizes", "Ages 3–12 (98–152 cm)"],
                    ["Colours", "Blossom pink, mint, lemon"],
                ],
            },
            "ru": {
                "name": "Слитный купальник с оборками для девочек",
                "description": (
                    "Оборки на плечах придают модели игривый вид, а мягкая ткань сертифицирована по OEKO-TEX "
                    "Standard 100 для изделий для малышей и детей. Плотная подкладка по всему купальнику не "
                    "просвечивает в воде. Размеры для девочек от 3 до 12 лет — для бассейна, моря и "
                    "семейного отдыха."
                ),
                "specs": [
                    ["Ткань", "82% полиамид / 18% эластан"],
                    ["Особенности", "Сертификат OEKO-TEX Standard 100"],
                    ["Размеры", "3–12 лет (98–152 см)"],
                    ["Расцветки", "Розовый, мятный, лимонный"],
                ],
            },
            "ko": {
                "name": "여아 러플 원피스 수영복",
                "description": (
                    "어깨 러플 디자인이 사랑스럽고, 부드러운 원단은 OEKO-TEX Standard 100 유아·아동 등급 인증"
                    "을 받았습니다. 두툼한 전체 안감으로 물에 젖어도 비치지 않습니다. 3~12세 여아용으로 수영"
                    "장, 바닷가, 가족 여행에 두루 어울립니다."
                ),
                "specs": [
                    ["원단", "나일론 82% / 스판덱스 18%"],
                    ["기능", "OEKO-TEX Standard 100 인증"],
                    ["사이즈", "3~12세 (98~152cm)"],
                    ["색상", "블라썸 핑크, 민트, 레몬"],
                ],
            },
        },
    },
    {
        "sku": "HY-SW-1007",
        "merchant": "xingcheng-haiyun-swimwear",
        "category": "kids-swimwear",
        "hs_code": "6112310000",
        "customs_name": "男童针织合成纤维泳衣",
        "customs_unit": "011",
        "model": "HY-2026-KB-04",
        "origin_city": "xingcheng",
        "net_weight_g": 160,
        "gross_weight_g": 210,
        "price_fen": 5900,
        "tiers": [[50, 5100], [300, 4400]],
        "moq": 10,
        "stock": 1100,
        "featured": False,
        "text": {
            "zh": {
                "name": "男童长袖防晒分体泳衣",
                "description": (
                    "长袖上衣搭配及膝泳裤，UPF 50+防晒面料覆盖大面积皮肤，家长更放心。上衣前襟半拉链方便穿脱"
                    "，泳裤松紧腰内含抽绳。恐龙和鲨鱼印花深受孩子喜爱。"
                ),
                "specs": [
                    ["面料", "85% 聚酯纤维 / 15% 氨纶"],
                    ["功能", "UPF 50+，半拉链上衣"],
                    ["尺码", "2–10岁"],
                    ["颜色", "恐龙印花、鲨鱼印花"],
                ],
            },
            "en": {
                "name": "Boys' Long-Sleeve Sun-Protective Two-Piece Swimsuit",
                "description": (
                    "A long-sleeve top and knee-length shorts in UPF 50+ fabric cover most of the skin, "
                    "giving parents peace of mind. A half-zip front makes the top easy to get on and off, "
                    "and the shorts have an elastic waist with an inner drawcord. Dinosaur and shark prints "
                    "are big favourites with kids."
                ),
                "specs": [
                    ["Fabric", "85% polyester / 15% spandex"],
                    ["Features", "UPF 50+, half-zip top"],
                    ["Sizes", "Ages 2–10"],
                    ["Colours", "Dinosaur print, shark print"],
                ],
            },
            "ru": {
                "name": "Раздельный солнцезащитный купальный костюм для мальчиков",
                "description": (
                    "Кофта с длинным рукавом и шорты до колена из ткани с защитой UPF 50+ закрывают большую "
                    "часть кожи — родители могут не беспокоиться. Короткая молния спереди облегчает "
                    "надевание, а шорты на резинке имеют внутренний шнурок. Принты с динозаврами и акулами "
                    "очень нравятся детям."
                ),
                "specs": [
                    ["Ткань", "85% полиэстер / 15% эластан"],
                    ["Особенности", "UPF 50+, кофта на короткой молнии"],
                    ["Размеры", "2–10 лет"],
                    ["Расцветки", "Принт «динозавры», принт «акулы»"],
                ],
            },
        },
    },
    {
        "sku": "BL-SW-2001",
        "merchant": "xingcheng-bilan-beachwear",
        "category": "mens-swimwear",
        "hs_code": "6112310000",
        "customs_name": "男式针织合成纤维泳裤",
        "customs_unit": "011",
        "model": "BL-2026-JM-12",
        "origin_city": "xingcheng",
        "net_weight_g": 110,
        "gross_weight_g": 140,
        "price_fen": 5900,
        "tiers": [[50, 4900], [300, 4200]],
        "moq": 10,
        "stock": 1600,
        "featured": False,
        "text": {
            "zh": {
                "name": "男式抗氯训练五分泳裤",
                "description": (
                    "五分及膝剪裁，包覆大腿肌群，减少水中晃动和阻力。面料为PBT与锦纶混纺，抗氯耐磨，经得起高"
                    "强度泳池训练。腰部内置扁平抽绳，后片设有激光切割排水孔。"
                ),
                "specs": [
                    ["面料", "53% PBT / 47% 锦纶"],
                    ["尺码", "S–3XL"],
                    ["功能", "内置扁平抽绳，激光排水孔"],
                    ["颜色", "黑色、藏青、灰色"],
                ],
            },
            "en": {
                "name": "Men's Chlorine-Resistant Training Jammers",
                "description": (
                    "The knee-length cut supports the thigh muscles and reduces drag. A PBT–nylon blend "
                    "resists chlorine and abrasion through hard daily pool sessions. A flat inner drawcord "
                    "secures the waist, and laser-cut drainage holes sit at the back."
                ),
                "specs": [
                    ["Fabric", "53% PBT / 47% nylon"],
                    ["Sizes", "S–3XL"],
                    ["Features", "Flat inner drawcord, laser-cut drainage holes"],
                    ["Colours", "Black, navy, grey"],
                ],
            },
            "ru": {
                "name": "Мужские тренировочные плавки-джаммеры, устойчивые к хлору",
                "description": (
                    "Модель длиной до колена поддерживает мышцы бедра и уменьшает сопротивление воды. "
                    "Смесовая ткань из ПБТ и полиамида устойчива к хлору и истиранию и выдерживает "
                    "интенсивные ежедневные тренировки. Плоский внутренний шнурок фиксирует пояс, а сзади "
                    "предусмотрены дренажные отверстия с лазерной перфорацией."
                ),
                "specs": [
                    ["Ткань", "53% ПБТ / 47% полиамид"],
                    ["Размеры", "S–3XL"],
                    ["Особенности", "Плоский внутренний шнурок, лазерная перфорация"],
                    ["Расцветки", "Чёрный, тёмно-синий, серый"],
                ],
            },
            "ko": {
                "name": "남성 내염소 훈련용 5부 수영복",
                "description": (
                    "무릎 길이 재단으로 허벅지 근육을 잡아 주고 물속 저항을 줄입니다. PBT·나일론 혼방 원단은 "
                    "염소와 마찰에 강해 고강도 수영장 훈련을 거뜬히 견딥니다. 허리 안쪽에 납작한 조임끈이 있"
                    "고 뒤판에는 레이저 커팅 배수 구멍이 있습니다."
                ),
                "specs": [
                    ["원단", "PBT 53% / 나일론 47%"],
                    ["사이즈", "S–3XL"],
                    ["기능", "내장 평끈, 레이저 배수 구멍"],
                    ["색상", "블랙, 네이비, 그레이"],
                ],
            },
        },
    },
    {
        "sku": "BL-SW-2002",
        "merchant": "xingcheng-bilan-beachwear",
        "category": "mens-swimwear",
        "hs_code": "6211110000",
        "customs_name": "男式合成纤维梭织游泳裤",
        "customs_unit": "011",
        "model": "BL-2026-BS-08",
        "origin_city": "xingcheng",
        "net_weight_g": 190,
        "gross_weight_g": 240,
        "price_fen": 7900,
        "tiers": [[50, 6900], [300, 5900]],
        "moq": 10,
        "stock": 1300,
        "featured": True,
        "text": {
            "zh": {
                "name": "男式速干印花沙滩裤",
                "description": (
                    "四面弹梭织面料轻薄速干，从海里上岸十分钟即可半干。魔术贴门襟配合防水拉链口袋，冲浪时不怕"
                    "丢失钥匙。宽松剪裁，适合游泳、沙滩排球和日常休闲。"
                ),
                "specs": [
                    ["面料", "92% 聚酯纤维 / 8% 氨纶，梭织"],
                    ["尺码", "28–40"],
                    ["功能", "魔术贴门襟，防水拉链袋"],
                    ["长度", "外侧长 48 cm（M码）"],
                ],
            },
            "en": {
                "name": "Men's Quick-Dry Printed Board Shorts",
                "description": (
                    "Four-way-stretch woven fabric is light and fast-drying — half dry ten minutes after "
                    "leaving the sea. A hook-and-loop fly and a zipped waterproof pocket keep your keys safe "
                    "while surfing. The relaxed fit works for swimming, beach volleyball and everyday wear."
                ),
                "specs": [
                    ["Fabric", "92% polyester / 8% spandex, woven"],
                    ["Sizes", "28–40"],
                    ["Features", "Hook-and-loop fly, waterproof zip pocket"],
                    ["Length", "Outseam 48 cm (size M)"],
                ],
            },
            "ru": {
                "name": "Мужские быстросохнущие пляжные шорты с принтом",
                "description": (
                    "Тканый материал с растяжением в четырёх направлениях лёгкий и быстро сохнет: через "
                    "десять минут после выхода из моря шорты уже наполовину сухие. Застёжка-липучка и карман "
                    "на водонепроницаемой молнии сберегут ключи во время сёрфинга. Свободный крой подходит "
                    "для плавания, пляжного волейбола и повседневной носки."
                ),
                "specs": [
                    ["Ткань", "92% полиэстер / 8% эластан, тканое полотно"],
                    ["Размеры", "28–40"],
                    ["Особенности", "Застёжка-липучка, карман на водонепроницаемой молнии"],
                    ["Длина", "По боковому шву 48 см (размер M)"],
                ],
            },
            "ko": {
                "name": "남성 속건 프린트 보드쇼츠",
                "description": (
                    "4방향 스트레치 우븐 원단으로 가볍고 빨리 말라 바다에서 나온 뒤 10분이면 반쯤 마릅니다. "
                    "벨크로 앞여밈과 방수 지퍼 포켓으로 서핑 중에도 열쇠를 잃어버릴 걱정이 없습니다. 여유 있"
                    "는 핏으로 수영, 비치발리볼, 일상복으로 두루 입기 좋습니다."
                ),
                "specs": [
                    ["원단", "폴리에스터 92% / 스판덱스 8%, 우븐"],
                    ["사이즈", "28–40"],
                    ["기능", "벨크로 여밈, 방수 지퍼 포켓"],
                    ["길이", "바깥 기장 48cm (M 사이즈)"],
                ],
            },
        },
    },
    {
        "sku": "BL-SW-2003",
        "merchant": "xingcheng-bilan-beachwear",
        "category": "mens-swimwear",
        "hs_code": "6112310000",
        "customs_name": "男式针织合成纤维泳裤",
        "customs_unit": "011",
        "model": "BL-2026-BR-03",
        "origin_city": "xingcheng",
        "net_weight_g": 70,
        "gross_weight_g": 95,
        "price_fen": 3900,
        "tiers": [[100, 3300], [500, 2800]],
        "moq": 20,
        "stock": 2600,
        "featured": False,
        "text": {
            "zh": {
                "name": "男式针织三角泳裤",
                "description": (
                    "经典低腰三角款，前片双层、后片全包覆，适合竞技训练和海滩度假。面料抗氯、防紫外线，弹力回"
                    "复好。腰头内置抽绳，可按体型调整松紧。"
                ),
                "specs": [
                    ["面料", "80% 锦纶 / 20% 氨纶"],
                    ["尺码", "S–XXL"],
                    ["颜色", "黑色、宝蓝、条纹"],
                    ["包装", "挂卡加袋，每箱200条"],
                ],
            },
            "en": {
                "name": "Men's Knitted Swim Briefs",
                "description": (
                    "A classic low-rise brief with a double-layer front and full rear coverage, equally "
                    "suited to competitive training and beach holidays. The fabric resists chlorine and UV "
                    "and recovers its stretch well. An inner drawcord lets you fine-tune the waist."
                ),
                "specs": [
                    ["Fabric", "80% nylon / 20% spandex"],
                    ["Sizes", "S–XXL"],
                    ["Colours", "Black, royal blue, stripe"],
                    ["Packing", "Header card and bag, 200 pcs per carton"],
                ],
            },
            "ru": {
                "name": "Мужские трикотажные плавки-слипы",
                "description": (
                    "Классические плавки с низкой посадкой, двойным слоем спереди и полной посадкой сзади "
                    "подходят и для спортивных тренировок, и для пляжного отдыха. Ткань устойчива к хлору и "
                    "ультрафиолету и хорошо восстанавливает форму. Внутренний шнурок позволяет подогнать "
                    "пояс по фигуре."
                ),
                "specs": [
                    ["Ткань", "80% полиамид / 20% эластан"],
                    ["Размеры", "S–XXL"],
                    ["Расцветки", "Чёрный, королевский синий, полоска"],
                    ["Упаковка", "Картонная бирка и пакет, 200 шт. в коробке"],
                ],
            },
            "ko": {
                "name": "남성 니트 삼각 수영복",
                "description": (
                    "앞판 이중 구조와 뒤판 풀커버의 클래식 로우라이즈 삼각 수영복으로 경기 훈련과 해변 휴가 "
                    "모두에 적합합니다. 원단은 염소와 자외선에 강하고 탄성 회복력이 우수합니다. 허리 안쪽 조"
                    "임끈으로 핏을 조절할 수 있습니다."
                ),
                "specs": [
                    ["원단", "나일론 80% / 스판덱스 20%"],
                    ["사이즈", "S–XXL"],
                    ["색상", "블랙, 로열 블루, 스트라이프"],
                    ["포장", "헤더카드·봉투 포장, 카톤당 200장"],
                ],
            },
        },
    },
    {
        "sku": "BL-SW-2004",
        "merchant": "xingcheng-bilan-beachwear",
        "category": "mens-swimwear",
        "hs_code": "6112310000",
        "customs_name": "男式针织合成纤维泳裤",
        "customs_unit": "011",
        "model": "BL-2026-SQ-06",
        "origin_city": "xingcheng",
        "net_weight_g": 95,
        "gross_weight_g": 125,
        "price_fen": 4500,
        "tiers": [[100, 3800], [500, 3200]],
        "moq": 20,
        "stock": 1800,
        "featured": False,
        "text": {
            "zh": {
                "name": "男式针织平角泳裤",
                "description": (
                    "平角款式兼顾活动自如与遮盖性，适合初学游泳的成年人和度假人群。内置网布衬里，腰部抽绳可调"
                    "。细腻的几何印花经过防褪色处理。"
                ),
                "specs": [
                    ["面料", "80% 锦纶 / 20% 氨纶"],
                    ["内衬", "网布内衬"],
                    ["尺码", "M–3XL"],
                    ["颜色", "几何印花：蓝、绿"],
                ],
            },
            "en": {
                "name": "Men's Knitted Square-Leg Swim Trunks",
                "description": (
                    "The square-leg cut balances freedom of movement with coverage, ideal for adult "
                    "beginners and holidaymakers. It has an inner mesh liner and an adjustable drawcord "
                    "waist. The fine geometric print is treated to resist fading."
                ),
                "specs": [
                    ["Fabric", "80% nylon / 20% spandex"],
                    ["Lining", "Mesh liner"],
                    ["Sizes", "M–3XL"],
                    ["Colours", "Geometric print: blue, green"],
                ],
            },
            "ru": {
                "name": "Мужские трикотажные плавки-боксеры",
                "description": (
                    "Плавки-боксеры сочетают свободу движений и закрытость — удобный вариант для начинающих "
                    "пловцов и отдыхающих. Внутри сетчатая подкладка, пояс регулируется шнурком. Мелкий "
                    "геометрический принт обработан против выцветания."
                ),
                "specs": [
                    ["Ткань", "80% полиамид / 20% эластан"],
                    ["Подкладка", "Сетчатая подкладка"],
                    ["Размеры", "M–3XL"],
                    ["Расцветки", "Геометрический принт: синий, зелёный"],
                ],
            },
            "ko": {
                "name": "남성 니트 사각 수영복",
                "description": (
                    "사각 디자인으로 활동성과 커버력을 모두 갖춰 수영 초보 성인과 휴양객에게 알맞습니다. 안쪽"
                    "에 메시 안감이 있고 허리 조임끈으로 조절할 수 있습니다. 섬세한 기하학 프린트는 색 바램 "
                    "방지 처리를 했습니다."
                ),
                "specs": [
                    ["원단", "나일론 80% / 스판덱스 20%"],
                    ["안감", "메시 안감"],
                    ["사이즈", "M–3XL"],
                    ["색상", "기하학 프린트: 블루, 그린"],
                ],
            },
        },
    },
    {
        "sku": "BL-SW-2005",
        "merchant": "xingcheng-bilan-beachwear",
        "category": "beach-accessories",
        "hs_code": "6506910000",
        "customs_name": "硅橡胶制游泳帽",
        "customs_unit": "007",
        "model": "BL-2026-CAP-01",
        "origin_city": "xingcheng",
        "net_weight_g": 60,
        "gross_weight_g": 75,
        "price_fen": 2500,
        "tiers": [[100, 1900], [1000, 1500]],
        "moq": 20,
        "stock": 5000,
        "featured": False,
        "text": {
            "zh": {
                "name": "加厚硅胶防水泳帽",
                "description": (
                    "采用食品级液态硅胶一体成型，帽体厚约0.8毫米，结实耐用不易撕裂。内侧防滑纹理减少拉扯头发"
                    "，长发也能轻松收纳。支持丝印或热转印定制俱乐部标志。"
                ),
                "specs": [
                    ["材质", "100% 硅胶"],
                    ["厚度", "约 0.8 mm"],
                    ["尺码", "均码，头围 52–60 cm"],
                    ["颜色", "12色可选"],
                ],
            },
            "en": {
                "name": "Thick Silicone Swim Cap",
                "description": (
                    "Moulded in one piece from food-grade liquid silicone about 0.8 mm thick, it is tough "
                    "and tear-resistant. An anti-slip inner texture reduces hair pulling and leaves room for "
                    "long hair. Club logos can be added by screen printing or heat transfer."
                ),
                "specs": [
                    ["Material", "100% silicone"],
                    ["Thickness", "approx. 0.8 mm"],
                    ["Sizes", "One size, head 52–60 cm"],
                    ["Colours", "12 colours"],
                ],
            },
            "ru": {
                "name": "Плотная силиконовая шапочка для плавания",
                "description": (
                    "Шапочка отлита целиком из пищевого жидкого силикона толщиной около 0,8 мм, поэтому она "
                    "прочная и не рвётся. Противоскользящая текстура внутри меньше тянет волосы и вмещает "
                    "даже длинные волосы. Логотип клуба можно нанести шелкографией или термопереносом."
                ),
                "specs": [
                    ["Материал", "100% силикон"],
                    ["Толщина", "около 0,8 мм"],
                    ["Размеры", "Единый размер, обхват головы 52–60 см"],
                    ["Расцветки", "12 цветов"],
                ],
            },
            "ko": {
                "name": "두꺼운 실리콘 수영모",
                "description": (
                    "식품 등급 액상 실리콘을 두께 약 0.8mm로 일체 성형해 튼튼하고 잘 찢어지지 않습니다. 안쪽 "
                    "미끄럼 방지 패턴이 머리카락 당김을 줄이고 긴 머리도 쉽게 넣을 수 있습니다. 실크스크린이"
                    "나 열전사로 클럽 로고를 넣을 수 있습니다."
                ),
                "specs": [
                    ["소재", "실리콘 100%"],
                    ["두께", "약 0.8mm"],
                    ["사이즈", "프리 사이즈, 머리둘레 52~60cm"],
                    ["색상", "12가지 색상"],
                ],
            },
        },
    },
    {
        "sku": "BL-SW-2006",
        "merchant": "xingcheng-bilan-beachwear",
        "category": "beach-accessories",
        "hs_code": "6104430000",
        "customs_name": "合成纤维制针织女式连衣裙",
        "customs_unit": "011",
        "model": "BL-2026-CV-09",
        "origin_city": "xingcheng",
        "net_weight_g": 210,
        "gross_weight_g": 260,
        "price_fen": 9900,
        "tiers": [[50, 8700], [200, 7600]],
        "moq": 10,
        "stock": 700,
        "featured": False,
        "text": {
            "zh": {
                "name": "女式针织镂空沙滩罩衫裙",
                "description": (
                    "镂空针织结构透气轻盈，可直接套在泳衣外，从沙滩一路穿到海边餐厅。侧开衩设计行走自如，领口"
                    "系带可调节。聚酯纱线垂坠感好、不易起皱，适合旅行携带。"
                ),
                "specs": [
                    ["面料", "100% 聚酯纤维，镂空针织"],
                    ["尺码", "均码（适合S–L）"],
                    ["长度", "衣长 95 cm"],
                    ["颜色", "米白、黑色、焦糖色"],
                ],
            },
            "en": {
                "name": "Women's Open-Knit Beach Cover-Up Dress",
                "description": (
                    "An open-knit structure keeps it airy and light — slip it over your swimsuit and go "
                    "straight from the sand to a seaside restaurant. Side slits make walking easy and the "
                    "neckline ties to adjust. The polyester yarn drapes well and resists creasing, so it "
                    "packs neatly for travel."
                ),
                "specs": [
                    ["Fabric", "100% polyester, open knit"],
                    ["Sizes", "One size (fits S–L)"],
                    ["Length", "Length 95 cm"],
                    ["Colours", "Ivory, black, caramel"],
                ],
            },
            "ko": {
                "name": "여성 오픈 니트 비치 커버업 원피스",
                "description": (
                    "비침이 있는 니트 조직이라 통기성이 좋고 가벼워 수영복 위에 바로 걸치고 해변에서 바닷가 "
                    "레스토랑까지 입고 갈 수 있습니다. 옆트임으로 걷기 편하고 네크라인 끈으로 조절할 수 있습"
                    "니다. 폴리에스터 원사는 드레이프성이 좋고 구김이 적어 여행용으로 제격입니다."
                ),
                "specs": [
                    ["원단", "폴리에스터 100%, 오픈 니트"],
                    ["사이즈", "프리 사이즈 (S~L)"],
                    ["길이", "총장 95cm"],
                    ["색상", "아이보리, 블랙, 캐러멜"],
                ],
            },
        },
    },
]
