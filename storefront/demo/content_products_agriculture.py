"""Demo products: Liaoning agricultural and seafood specialties.

Pure data, merged into ``storefront.demo.content.PRODUCTS``.
"""

PRODUCTS = [
    {
        "sku": "LJ-AG-9001",
        "merchant": "dandong-lvjiang-foods",
        "category": "fruit-nuts",
        "hs_code": "0811100000",
        "customs_name": "冷冻草莓",
        "customs_unit": "035",
        "model": "LJ-IQF-SW25",
        "origin_city": "dandong",
        "net_weight_g": 10000,
        "gross_weight_g": 10800,
        "price_fen": 16800,
        "tiers": [[50, 15600], [200, 14500]],
        "moq": 20,
        "stock": 4000,
        "featured": True,
        "text": {
            "zh": {
                "name": "丹东红颜冷冻草莓（IQF整果）",
                "description": (
                    "原料来自东港签约基地的红颜草莓，采摘后4小时内去蒂、清洗，并经-35 °C单体速冻，颗粒分明不"
                    "结块。果肉饱满、香气浓郁，糖度9–12 Brix，适合烘焙、冰沙、果酱和酸奶加工。"
                ),
                "specs": [
                    ["品种", "红颜"],
                    ["规格", "整果 25–35 mm"],
                    ["包装", "10 kg 纸箱（内衬PE袋）"],
                    ["储存条件", "-18 °C 以下冷冻"],
                    ["保质期", "24个月"],
                    ["认证", "BRCGS, HACCP"],
                ],
            },
            "en": {
                "name": "Dandong IQF Frozen Whole Strawberries",
                "description": (
                    "Benihoppe strawberries from contract farms in Donggang are hulled, washed and "
                    "individually quick-frozen at −35 °C within four hours of picking, so the berries stay "
                    "free-flowing. Plump, fragrant fruit at 9–12 °Brix suits bakery, smoothies, jams and "
                    "yoghurt."
                ),
                "specs": [
                    ["Variety", "Benihoppe"],
                    ["Grade / size", "Whole, 25–35 mm"],
                    ["Packing", "10 kg carton with PE liner"],
                    ["Storage", "Frozen at −18 °C or below"],
                    ["Shelf life", "24 months"],
                    ["Certification", "BRCGS, HACCP"],
                ],
            },
            "ru": {
                "name": "Замороженная клубника из Даньдуна, целые ягоды (IQF)",
                "description": (
                    "Клубника сорта Бенихоппе с контрактных плантаций в Дунгане очищается от чашелистиков, "
                    "моется и проходит индивидуальную шоковую заморозку при −35 °C в течение четырёх часов "
                    "после сбора, поэтому ягоды не слипаются. Сочные ароматные ягоды с сахаристостью 9–12 "
                    "°Brix подходят для выпечки, смузи, джемов и йогуртов."
                ),
                "specs": [
                    ["Сорт", "Бенихоппе"],
                    ["Калибр", "Целые ягоды 25–35 мм"],
                    ["Упаковка", "Коробка 10 кг с полиэтиленовым вкладышем"],
                    ["Условия хранения", "При температуре не выше −18 °C"],
                    ["Срок годности", "24 месяца"],
                    ["Сертификация", "BRCGS, HACCP"],
                ],
            },
            "ko": {
                "name": "단둥 IQF 냉동 딸기 (홀)",
                "description": (
                    "둥강 계약 농장의 베니호페(홍옌) 딸기를 수확 후 4시간 이내에 꼭지를 따고 세척해 −35°C에서"
                    " 개별 급속 냉동하므로 알알이 붙지 않습니다. 과육이 꽉 차고 향이 진하며 당도 9~12Brix로 "
                    "베이커리, 스무디, 잼, 요거트 가공에 적합합니다."
                ),
                "specs": [
                    ["품종", "베니호페(홍옌)"],
                    ["규격", "홀 25~35mm"],
                    ["포장", "10kg 박스 (PE 내포장)"],
                    ["보관 방법", "−18°C 이하 냉동"],
                    ["유통기한", "24개월"],
                    ["인증", "BRCGS, HACCP"],
                ],
            },
        },
    },
    {
        "sku": "LJ-AG-9002",
        "merchant": "dandong-lvjiang-foods",
        "category": "fruit-nuts",
        "hs_code": "0811100000",
        "customs_name": "冷冻草莓",
        "customs_unit": "035",
        "model": "LJ-IQF-SD10",
        "origin_city": "dandong",
        "net_weight_g": 10000,
        "gross_weight_g": 10800,
        "price_fen": 18500,
        "tiers": [[50, 17200], [200, 16000]],
        "moq": 20,
        "stock": 2500,
        "featured": False,
        "text": {
            "zh": {
                "name": "冷冻草莓丁 10×10 mm",
                "description": (
                    "选用A级草莓切成均匀的10毫米方丁，再经IQF速冻，开袋即可直接投料，省去解冻和切分工序。适合"
                    "冰淇淋、酸奶杯、烘焙馅料和即食果杯生产线。每批检测农残和微生物指标。"
                ),
                "specs": [
                    ["规格", "10 × 10 mm 方丁"],
                    ["包装", "10 kg 纸箱（内衬PE袋）"],
                    ["储存条件", "-18 °C 以下冷冻"],
                    ["保质期", "24个月"],
                    ["检测", "每批农残及微生物检测"],
                ],
            },
            "en": {
                "name": "Frozen Strawberry Dices 10×10 mm",
                "description": (
                    "Grade A strawberries are cut into even 10 mm cubes and IQF-frozen, ready to go straight "
                    "into the mixer without thawing or cutting. Ideal for ice cream, yoghurt cups, bakery "
                    "fillings and fruit-cup lines. Every lot is tested for pesticide residues and "
                    "microbiology."
                ),
                "specs": [
                    ["Grade / size", "10 × 10 mm dices"],
                    ["Packing", "10 kg carton with PE liner"],
                    ["Storage", "Frozen at −18 °C or below"],
                    ["Shelf life", "24 months"],
                    ["Testing", "Pesticide residues and microbiology, every lot"],
                ],
            },
            "ru": {
                "name": "Замороженная клубника кубиками 10×10 мм",
                "description": (
                    "Клубника категории A нарезается ровными кубиками 10 мм и замораживается методом IQF — "
                    "её можно сразу закладывать в производство без разморозки и нарезки. Идеальна для "
                    "мороженого, йогуртов, начинок для выпечки и фруктовых стаканчиков. Каждая партия "
                    "проверяется на остатки пестицидов и микробиологические показатели."
                ),
                "specs": [
                    ["Калибр", "Кубики 10 × 10 мм"],
                    ["Упаковка", "Коробка 10 кг с полиэтиленовым вкладышем"],
                    ["Условия хранения", "При температуре не выше −18 °C"],
                    ["Срок годности", "24 месяца"],
                    ["Контроль", "Пестициды и микробиология в каждой партии"],
                ],
            },
            "ko": {
                "name": "냉동 딸기 다이스 10×10mm",
                "description": (
                    "A급 딸기를 10mm 정육면체로 고르게 잘라 IQF 냉동해 해동이나 절단 없이 바로 투입할 수 있습"
                    "니다. 아이스크림, 요거트 컵, 베이커리 필링, 과일 컵 생산 라인에 적합합니다. 로트마다 잔"
                    "류 농약과 미생물 검사를 실시합니다."
                ),
                "specs": [
                    ["규격", "10 × 10mm 다이스"],
                    ["포장", "10kg 박스 (PE 내포장)"],
                    ["보관 방법", "−18°C 이하 냉동"],
                    ["유통기한", "24개월"],
                    ["검사", "로트별 잔류 농약·미생물 검사"],
                ],
            },
        },
    },
    {
        "sku": "LJ-AG-9003",
        "merchant": "dandong-lvjiang-foods",
        "category": "fruit-nuts",
        "hs_code": "0808100000",
        "customs_name": "鲜苹果",
        "customs_unit": "035",
        "model": "LJ-FUJI-80",
        "origin_city": "dalian",
        "net_weight_g": 18000,
        "gross_weight_g": 19200,
        "price_fen": 16200,
        "tiers": [[100, 14800], [500, 13500]],
        "moq": 20,
        "stock": 3000,
        "featured": False,
        "text": {
            "zh": {
                "name": "大连红富士苹果",
                "description": (
                    "产自大连瓦房店苹果产区，昼夜温差大，果面着色鲜红，果肉脆甜多汁。果径80–85毫米，单果套网"
                    "袋装箱，经气调冷库储藏，可全年稳定供货。"
                ),
                "specs": [
                    ["品种", "红富士"],
                    ["规格", "80–85 mm"],
                    ["糖度", "≥ 14 Brix"],
                    ["包装", "18 kg 瓦楞纸箱，单果网套"],
                    ["储存条件", "0–2 °C 气调冷藏"],
                ],
            },
            "en": {
                "name": "Dalian Red Fuji Apples",
                "description": (
                    "Grown in the Wafangdian orchards near Dalian, where wide day–night temperature swings "
                    "give bright red skins and crisp, sweet, juicy flesh. Fruit of 80–85 mm is individually "
                    "netted, boxed and held in controlled-atmosphere storage for steady supply all year "
                    "round."
                ),
                "specs": [
                    ["Variety", "Red Fuji"],
                    ["Grade / size", "80–85 mm"],
                    ["Sugar content", "≥ 14 °Brix"],
                    ["Packing", "18 kg carton, individual foam nets"],
                    ["Storage", "CA storage at 0–2 °C"],
                ],
            },
            "ru": {
                "name": "Яблоки Фудзи из Даляня",
                "description": (
                    "Выращены в садах Вафандяня под Далянем: большой перепад дневных и ночных температур "
                    "даёт яркую красную окраску и хрустящую, сладкую, сочную мякоть. Плоды калибра 80–85 мм "
                    "упаковываются в индивидуальные сетки и хранятся в камерах с регулируемой газовой "
                    "средой, что позволяет поставлять их круглый год."
                ),
                "specs": [
                    ["Сорт", "Фудзи"],
                    ["Калибр", "80–85 мм"],
                    ["Сахаристость", "≥ 14 °Brix"],
                    ["Упаковка", "Гофрокороб 18 кг, индивидуальные сетки"],
                    ["Условия хранения", "Хранение в РГС при 0–2 °C"],
                ],
            },
            "ko": {
                "name": "다롄 후지 사과",
                "description": (
                    "일교차가 큰 다롄 와팡뎬 사과 산지에서 재배해 껍질이 선명한 붉은색을 띠고 아삭하며 달고 "
                    "과즙이 풍부합니다. 과경 80~85mm 과일을 하나씩 망에 씌워 포장하고 CA 저장고에 보관해 연중"
                    " 안정적으로 공급합니다."
                ),
                "specs": [
                    ["품종", "후지"],
                    ["규격", "80–85 mm"],
                    ["당도", "≥ 14Brix"],
                    ["포장", "18kg 골판지 박스, 개별 망"],
                    ["보관 방법", "CA 저장 0~2°C"],
                ],
            },
        },
    },
    {
        "sku": "LJ-AG-9004",
        "merchant": "dandong-lvjiang-foods",
        "category": "fruit-nuts",
        "hs_code": "0802410000",
        "customs_name": "鲜或干的未去壳板栗",
        "customs_unit": "035",
        "model": "LJ-CN-6080",
        "origin_city": "kuandian",
        "net_weight_g": 25000,
        "gross_weight_g": 25200,
        "price_fen": 30000,
        "tiers": [[40, 27500], [200, 25500]],
        "moq": 10,
        "stock": 1600,
        "featured": False,
        "text": {
            "zh": {
                "name": "宽甸板栗（带壳）",
                "description": (
                    "宽甸是中国北方重要的板栗产区，所产板栗个大皮薄、果肉金黄，口感软糯、容易剥皮。经挑选、分"
                    "级和低温保鲜，适合糖炒栗子、深加工和零售包装。"
                ),
                "specs": [
                    ["规格", "每千克 60–80 粒"],
                    ["包装", "25 kg 网袋"],
                    ["储存条件", "0–4 °C 冷藏"],
                    ["收获期", "9–10月"],
                ],
            },
            "en": {
                "name": "Kuandian Chestnuts, In Shell",
                "description": (
                    "Kuandian is one of northern China's key chestnut areas; its nuts are large and "
                    "thin-skinned, with golden, tender flesh that peels easily. Sorted, graded and kept "
                    "fresh at low temperature, they suit roasted-chestnut vendors, processors and retail "
                    "packs."
                ),
                "specs": [
                    ["Grade / size", "60–80 nuts per kg"],
                    ["Packing", "25 kg mesh bag"],
                    ["Storage", "Chilled at 0–4 °C"],
                    ["Harvest", "September–October"],
                ],
            },
            "ru": {
                "name": "Каштаны из Куаньдяня в скорлупе",
                "description": (
                    "Куаньдянь — один из главных районов выращивания каштанов на севере Китая: плоды "
                    "крупные, с тонкой кожурой и золотистой нежной мякотью, легко чистятся. Отсортированные "
                    "и откалиброванные каштаны хранятся при низкой температуре и подходят для жарки, "
                    "переработки и розничной фасовки."
                ),
                "specs": [
                    ["Калибр", "60–80 шт. на 1 кг"],
                    ["Упаковка", "Сетчатый мешок 25 кг"],
                    ["Условия хранения", "Охлаждённые, 0–4 °C"],
                    ["Сбор урожая", "Сентябрь–октябрь"],
                ],
            },
            "ko": {
                "name": "콴뎬 밤 (껍질째)",
                "description": (
                    "콴뎬은 중국 북방의 대표적인 밤 산지로, 알이 크고 껍질이 얇으며 노란 속살이 부드럽고 잘 "
                    "벗겨집니다. 선별·등급 분류 후 저온 보관해 군밤용, 가공용, 소매 포장용으로 적합합니다."
                ),
                "specs": [
                    ["규격", "kg당 60~80알"],
                    ["포장", "25kg 망 포대"],
                    ["보관 방법", "냉장 0~4°C"],
                    ["수확기", "9~10월"],
                ],
            },
        },
    },
    {
        "sku": "DX-AG-9101",
        "merchant": "panjin-daoxiang-grain",
        "category": "grain-oilseeds",
        "hs_code": "1006308090",
        "customs_name": "其他精米（粳米）",
        "customs_unit": "035",
        "model": "DX-PJ-5K",
        "origin_city": "panjin",
        "net_weight_g": 5000,
        "gross_weight_g": 5300,
        "price_fen": 6800,
        "tiers": [[100, 6000], [500, 5400]],
        "moq": 10,
        "stock": 8000,
        "featured": True,
        "text": {
            "zh": {
                "name": "盘锦大米 蟹田粳米 5 kg",
                "description": (
                    "盘锦大米是国家地理标志产品，生长在辽河入海口的盐碱湿地。稻田里放养河蟹，帮助除草捉虫，化"
                    "肥农药用量大大减少。米粒圆润晶莹，蒸煮后软糯有弹性、冷后不回生；当季新米低温碾磨，真空小"
                    "包装锁住新鲜。"
                ),
                "specs": [
                    ["品种", "盐丰47（粳稻）"],
                    ["产地", "辽宁盘锦大洼"],
                    ["净含量", "5 kg"],
                    ["等级", "GB/T 1354 一级"],
                    ["包装", "真空小袋 1 kg × 5"],
                    ["保质期", "12个月"],
                ],
            },
            "en": {
                "name": "Panjin Crab-Field Japonica Rice, 5 kg",
                "description": (
                    "Panjin rice carries China's geographical-indication status. It grows in the saline "
                    "wetlands of the Liao River delta, where river crabs raised in the paddies weed and eat "
                    "pests, so far fewer chemicals are needed. The round, translucent grains cook up soft "
                    "and springy and stay tender when cool; new-crop rice is milled at low temperature and "
                    "vacuum-packed for freshness."
                ),
                "specs": [
                    ["Variety", "Yanfeng 47 (japonica)"],
                    ["Origin", "Dawa, Panjin, Liaoning"],
                    ["Net content", "5 kg"],
                    ["Grade", "GB/T 1354 grade 1"],
                    ["Packing", "Vacuum packs, 5 × 1 kg"],
                    ["Shelf life", "12 months"],
                ],
            },
            "ru": {
                "name": "Рис из Паньцзиня «Крабовое поле», японика, 5 кг",
                "description": (
                    "Рис из Паньцзиня имеет статус продукта с географическим указанием Китая. Он растёт на "
                    "засолённых водно-болотных угодьях в дельте реки Ляохэ, где в рисовых чеках разводят "
                    "речных крабов: они пропалывают посевы и поедают вредителей, поэтому удобрений и "
                    "пестицидов требуется гораздо меньше. Округлые прозрачные зёрна после варки мягкие и "
                    "упругие и не черствеют при остывании; рис нового урожая шлифуется при низкой "
                    "температуре и фасуется в вакуумные пакеты."
                ),
                "specs": [
                    ["Сорт", "Яньфэн 47 (японика)"],
                    ["Происхождение", "Дава, Паньцзинь, провинция Ляонин"],
                    ["Масса нетто", "5 кг"],
                    ["Сорт", "GB/T 1354, первый сорт"],
                    ["Упаковка", "Вакуумные пакеты 5 × 1 кг"],
                    ["Срок годности", "12 месяцев"],
                ],
            },
            "ko": {
                "name": "판진 게논 쌀 (자포니카) 5kg",
                "description": (
                    "판진 쌀은 중국 지리적 표시 제품으로, 랴오허 하구의 염알칼리 습지에서 자랍니다. 논에 민물"
                    "게를 함께 키워 잡초와 해충을 없애므로 화학비료와 농약 사용이 적습니다. 둥글고 투명한 쌀"
                    "알은 밥을 지으면 찰지고 탄력 있으며 식어도 딱딱해지지 않고, 햅쌀을 저온 도정해 진공 소포"
                    "장으로 신선함을 지켰습니다."
                ),
                "specs": [
                    ["품종", "옌펑 47 (자포니카)"],
                    ["원산지", "랴오닝성 판진 다와"],
                    ["내용량", "5 kg"],
                    ["등급", "GB/T 1354 1등급"],
                    ["포장", "진공 포장 1kg × 5"],
                    ["유통기한", "12개월"],
                ],
            },
        },
    },
    {
        "sku": "DX-AG-9102",
        "merchant": "panjin-daoxiang-grain",
        "category": "grain-oilseeds",
        "hs_code": "1006308090",
        "customs_name": "其他精米（粳米）",
        "customs_unit": "035",
        "model": "DX-PJ-10K",
        "origin_city": "panjin",
        "net_weight_g": 10000,
        "gross_weight_g": 10300,
        "price_fen": 9800,
        "tiers": [[100, 8800], [500, 8000]],
        "moq": 10,
        "stock": 6000,
        "featured": False,
        "text": {
            "zh": {
                "name": "盘锦大米 10 kg 家庭装",
                "description": (
                    "与5公斤装同产地、同品种，采用10公斤覆膜编织袋包装，更加实惠，适合家庭、餐厅和食堂。碾磨"
                    "精度高，碎米率不超过5%，每批附第三方检测报告。"
                ),
                "specs": [
                    ["品种", "盐丰47（粳稻）"],
                    ["净含量", "10 kg"],
                    ["碎米率", "≤ 5%"],
                    ["包装", "覆膜编织袋"],
                    ["保质期", "12个月"],
                ],
            },
            "en": {
                "name": "Panjin Rice, 10 kg Family Pack",
                "description": (
                    "The same Panjin rice and variety as our 5 kg pack in a more economical 10 kg woven bag, "
                    "ideal for families, restaurants and canteens. Precision milling keeps broken grains at "
                    "5% or less, and each lot comes with a third-party test report."
                ),
                "specs": [
                    ["Variety", "Yanfeng 47 (japonica)"],
                    ["Net content", "10 kg"],
                    ["Broken kernels", "≤ 5%"],
                    ["Packing", "Laminated woven bag"],
                    ["Shelf life", "12 months"],
                ],
            },
            "ru": {
                "name": "Рис из Паньцзиня, семейная упаковка 10 кг",
                "description": (
                    "Тот же рис того же сорта, что и в упаковке 5 кг, но в более экономичном тканом мешке 10 "
                    "кг — для семей, ресторанов и столовых. Точная шлифовка ограничивает долю дроблёных "
                    "зёрен 5%, к каждой партии прилагается протокол независимой лаборатории."
                ),
                "specs": [
                    ["Сорт", "Яньфэн 47 (японика)"],
                    ["Масса нетто", "10 кг"],
                    ["Дроблёные зёрна", "≤ 5%"],
                    ["Упаковка", "Ламинированный тканый мешок"],
                    ["Срок годности", "12 месяцев"],
                ],
            },
            "ko": {
                "name": "판진 쌀 10kg 가정용",
                "description": (
                    "5kg 제품과 같은 산지·품종의 판진 쌀을 더 경제적인 10kg 직포 포대에 담아 가정, 식당, 단체"
                    " 급식에 알맞습니다. 정밀 도정으로 싸라기 비율을 5% 이하로 관리하며 로트마다 제3자 검사 "
                    "성적서를 제공합니다."
                ),
                "specs": [
                    ["품종", "옌펑 47 (자포니카)"],
                    ["내용량", "10 kg"],
                    ["싸라기 비율", "≤ 5%"],
                    ["포장", "라미네이팅 직포 포대"],
                    ["유통기한", "12개월"],
                ],
            },
        },
    },
    {
        "sku": "DX-AG-9103",
        "merchant": "panjin-daoxiang-grain",
        "category": "grain-oilseeds",
        "hs_code": "1006208090",
        "customs_name": "其他糙米",
        "customs_unit": "035",
        "model": "DX-PJ-BR25",
        "origin_city": "panjin",
        "net_weight_g": 2500,
        "gross_weight_g": 2650,
        "price_fen": 4200,
        "tiers": [[100, 3700], [500, 3300]],
        "moq": 10,
        "stock": 2000,
        "featured": False,
        "text": {
            "zh": {
                "name": "盘锦留胚糙米 2.5 kg",
                "description": (
                    "只脱去稻壳，保留米糠层和胚芽，富含膳食纤维、B族维生素和γ-氨基丁酸。建议浸泡2小时后蒸煮，"
                    "口感香韧；也可与白米按1:2混合食用。"
                ),
                "specs": [
                    ["品种", "盐丰47（粳稻）"],
                    ["净含量", "2.5 kg"],
                    ["包装", "真空袋"],
                    ["保质期", "9个月"],
                    ["储存条件", "阴凉干燥处"],
                ],
            },
            "en": {
                "name": "Panjin Brown Rice with Germ, 2.5 kg",
                "description": (
                    "Only the husk is removed, so the bran layer and germ stay intact — rich in dietary "
                    "fibre, B vitamins and GABA. Soak for two hours before cooking for a nutty, chewy bite, "
                    "or mix one part brown with two parts white rice."
                ),
                "specs": [
                    ["Variety", "Yanfeng 47 (japonica)"],
                    ["Net content", "2.5 kg"],
                    ["Packing", "Vacuum pack"],
                    ["Shelf life", "9 months"],
                    ["Storage", "Cool, dry place"],
                ],
            },
            "ru": {
                "name": "Нешлифованный рис из Паньцзиня с зародышем, 2,5 кг",
                "description": (
                    "С зерна снимается только цветковая плёнка, поэтому отрубной слой и зародыш сохраняются "
                    "— рис богат пищевыми волокнами, витаминами группы B и ГАМК. Перед варкой рекомендуется "
                    "замочить на два часа; вкус ореховый, зерно упругое; можно смешивать с белым рисом в "
                    "пропорции 1:2."
                ),
                "specs": [
                    ["Сорт", "Яньфэн 47 (японика)"],
                    ["Масса нетто", "2,5 кг"],
                    ["Упаковка", "Вакуумная упаковка"],
                    ["Срок годности", "9 месяцев"],
                    ["Условия хранения", "В прохладном сухом месте"],
                ],
            },
            "ko": {
                "name": "판진 쌀눈 현미 2.5kg",
                "description": (
                    "왕겨만 벗겨 쌀겨층과 쌀눈을 그대로 살렸기 때문에 식이섬유, 비타민 B군, GABA가 풍부합니다"
                    ". 2시간 불린 뒤 지으면 고소하고 쫄깃하며, 백미와 1:2로 섞어 먹어도 좋습니다."
                ),
                "specs": [
                    ["품종", "옌펑 47 (자포니카)"],
                    ["내용량", "2.5 kg"],
                    ["포장", "진공 포장"],
                    ["유통기한", "9개월"],
                    ["보관 방법", "서늘하고 건조한 곳"],
                ],
            },
        },
    },
    {
        "sku": "DX-AG-9201",
        "merchant": "panjin-daoxiang-grain",
        "category": "grain-oilseeds",
        "hs_code": "1202420000",
        "customs_name": "去壳花生",
        "customs_unit": "035",
        "model": "DX-PN-2428",
        "origin_city": "fuxin",
        "net_weight_g": 25000,
        "gross_weight_g": 25150,
        "price_fen": 30500,
        "tiers": [[40, 28800], [200, 27500]],
        "moq": 10,
        "stock": 2400,
        "featured": False,
        "text": {
            "zh": {
                "name": "阜新白沙花生米（去壳）",
                "description": (
                    "阜新是辽宁最大的花生产区，白沙系列小粒花生红衣鲜艳、含油率高、香味浓郁。经色选、人工复选"
                    "和黄曲霉毒素检测，规格均匀，适合炒货、花生酱和糖果加工。"
                ),
                "specs": [
                    ["品种", "白沙1016"],
                    ["规格", "24/28 粒/盎司"],
                    ["水分", "≤ 9%"],
                    ["黄曲霉毒素 B1", "≤ 2 μg/kg"],
                    ["包装", "25 kg 编织袋"],
                ],
            },
            "en": {
                "name": "Fuxin Baisha Peanut Kernels, Shelled",
                "description": (
                    "Fuxin is Liaoning's largest peanut-growing area, and its small-kernel Baisha peanuts "
                    "have bright red skins, high oil content and a rich aroma. Colour-sorted, hand-picked "
                    "and tested for aflatoxin, they are uniform in size and suited to roasting, peanut "
                    "butter and confectionery."
                ),
                "specs": [
                    ["Variety", "Baisha 1016"],
                    ["Grade / size", "24/28 kernels per ounce"],
                    ["Moisture", "≤ 9%"],
                    ["Aflatoxin B1", "≤ 2 μg/kg"],
                    ["Packing", "25 kg woven bag"],
                ],
            },
            "ru": {
                "name": "Очищенный арахис сорта Байша из Фусиня",
                "description": (
                    "Фусинь — крупнейший район выращивания арахиса в Ляонине; мелкоядерный арахис сорта "
                    "Байша отличается ярко-красной кожицей, высокой масличностью и насыщенным ароматом. "
                    "После оптической и ручной сортировки и проверки на афлатоксины ядра имеют однородный "
                    "калибр и подходят для обжарки, производства арахисовой пасты и кондитерских изделий."
                ),
                "specs": [
                    ["Сорт", "Байша 1016"],
                    ["Калибр", "24/28 ядер на унцию"],
                    ["Влажность", "≤ 9%"],
                    ["Афлатоксин B1", "≤ 2 мкг/кг"],
                    ["Упаковка", "Тканый мешок 25 кг"],
                ],
            },
            "ko": {
                "name": "푸신 바이사 알땅콩",
                "description": (
                    "푸신은 랴오닝 최대의 땅콩 산지로, 소립종 바이사 땅콩은 붉은 속껍질이 선명하고 기름 함량"
                    "이 높으며 고소한 향이 진합니다. 색채 선별과 수작업 재선별, 아플라톡신 검사를 거쳐 크기가"
                    " 고르며 볶음, 땅콩버터, 제과 가공에 적합합니다."
                ),
                "specs": [
                    ["품종", "바이사 1016"],
                    ["규격", "온스당 24/28알"],
                    ["수분", "≤ 9%"],
                    ["아플라톡신 B1", "≤ 2μg/kg"],
                    ["포장", "25kg 직포 포대"],
                ],
            },
        },
    },
    {
        "sku": "DX-AG-9202",
        "merchant": "panjin-daoxiang-grain",
        "category": "grain-oilseeds",
        "hs_code": "1202410000",
        "customs_name": "未去壳花生",
        "customs_unit": "035",
        "model": "DX-PN-INS",
        "origin_city": "fuxin",
        "net_weight_g": 20000,
        "gross_weight_g": 20150,
        "price_fen": 19000,
        "tiers": [[50, 17800], [250, 16800]],
        "moq": 10,
        "stock": 1800,
        "featured": False,
        "text": {
            "zh": {
                "name": "阜新带壳花生（烘干）",
                "description": (
                    "果壳洁白饱满，双仁果比例高，经机械烘干至安全水分，便于长途运输和储存。是炒货、盐焗和水煮"
                    "花生的理想原料。"
                ),
                "specs": [["双仁果比例", "≥ 85%"], ["水分", "≤ 10%"], ["包装", "20 kg 网袋"]],
            },
            "en": {
                "name": "Fuxin In-Shell Peanuts",
                "description": (
                    "Clean, plump white shells with a high share of two-kernel pods, machine-dried to a safe "
                    "moisture level for long-distance shipping and storage. A favourite raw material for "
                    "roasted, salt-baked and boiled peanuts."
                ),
                "specs": [["Two-kernel pods", "≥ 85%"], ["Moisture", "≤ 10%"], ["Packing", "20 kg mesh bag"]],
            },
            "ru": {
                "name": "Арахис в скорлупе из Фусиня",
                "description": (
                    "Чистая светлая наполненная скорлупа и высокая доля двухъядерных бобов; арахис высушен "
                    "до безопасной влажности и выдерживает дальнюю перевозку и хранение. Отличное сырьё для "
                    "жареного, запечённого в соли и варёного арахиса."
                ),
                "specs": [
                    ["Доля двухъядерных бобов", "≥ 85%"],
                    ["Влажность", "≤ 10%"],
                    ["Упаковка", "Сетчатый мешок 20 кг"],
                ],
            },
        },
    },
    {
        "sku": "DX-AG-9203",
        "merchant": "panjin-daoxiang-grain",
        "category": "grain-oilseeds",
        "hs_code": "2008112000",
        "customs_name": "烘焙花生",
        "customs_unit": "035",
        "model": "DX-RP-500",
        "origin_city": "fuxin",
        "net_weight_g": 500,
        "gross_weight_g": 620,
        "price_fen": 2600,
        "tiers": [[120, 2200], [600, 1900]],
        "moq": 24,
        "stock": 3600,
        "featured": False,
        "text": {
            "zh": {
                "name": "低温烘焙原味花生",
                "description": (
                    "选用阜新大粒花生，低温慢烘至金黄，不加盐、不加油，保留天然坚果香。充氮罐装防止氧化，开罐"
                    "即食，也可用作烘焙和沙拉配料。"
                ),
                "specs": [
                    ["净含量", "500 g"],
                    ["配料", "花生 100%"],
                    ["包装", "充氮PET罐，每箱12罐"],
                    ["保质期", "12个月"],
                    ["过敏原", "含花生"],
                ],
            },
            "en": {
                "name": "Slow-Roasted Plain Peanuts",
                "description": (
                    "Large Fuxin peanuts are slow-roasted at low temperature to a golden brown with no added "
                    "salt or oil, preserving their natural nutty flavour. Nitrogen-flushed jars prevent "
                    "oxidation — eat straight from the jar or use in baking and salads."
                ),
                "specs": [
                    ["Net content", "500 g"],
                    ["Ingredients", "Peanuts 100%"],
                    ["Packing", "Nitrogen-flushed PET jar, 12 per carton"],
                    ["Shelf life", "12 months"],
                    ["Allergens", "Contains peanuts"],
                ],
            },
            "ru": {
                "name": "Арахис медленной обжарки без соли",
                "description": (
                    "Крупный арахис из Фусиня медленно обжаривается при низкой температуре до золотистого "
                    "цвета без соли и масла, сохраняя естественный ореховый вкус. Банки заполнены азотом, "
                    "что предотвращает окисление; арахис готов к употреблению и подходит для выпечки и "
                    "салатов."
                ),
                "specs": [
                    ["Масса нетто", "500 г"],
                    ["Состав", "Арахис 100%"],
                    ["Упаковка", "Банка ПЭТ с азотом, 12 шт. в коробке"],
                    ["Срок годности", "12 месяцев"],
                    ["Аллергены", "Содержит арахис"],
                ],
            },
            "ko": {
                "name": "저온 로스팅 무염 땅콩",
                "description": (
                    "푸신산 대립 땅콩을 저온에서 천천히 황금빛으로 볶았으며 소금과 기름을 넣지 않아 견과 본연"
                    "의 고소함을 살렸습니다. 질소 충전 용기로 산화를 막아 바로 먹을 수 있고 베이커리와 샐러드"
                    " 재료로도 좋습니다."
                ),
                "specs": [
                    ["내용량", "500 g"],
                    ["원재료", "땅콩 100%"],
                    ["포장", "질소 충전 PET 용기, 박스당 12개"],
                    ["유통기한", "12개월"],
                    ["알레르기 유발 성분", "땅콩 함유"],
                ],
            },
        },
    },
    {
        "sku": "HZ-AG-9301",
        "merchant": "dalian-haizhenyuan-seafood",
        "category": "seafood",
        "hs_code": "1605610000",
        "customs_name": "制作或保藏的海参",
        "customs_unit": "035",
        "model": "HZY-RTE-810",
        "origin_city": "dalian",
        "net_weight_g": 500,
        "gross_weight_g": 800,
        "price_fen": 39800,
        "tiers": [[20, 36800], [100, 34500]],
        "moq": 2,
        "stock": 800,
        "featured": True,
        "text": {
            "zh": {
                "name": "大连獐子岛即食海参",
                "description": (
                    "选用獐子岛海域底播5年以上的刺参，经去内脏、低温蒸煮和定型处理，单只真空包装后速冻。解冻"
                    "即可食用，可凉拌、煮粥或与小米同炖，蛋白质含量高，营养丰富。"
                ),
                "specs": [
                    ["原料", "仿刺参（Apostichopus japonicus）"],
                    ["规格", "每500克 8–10 只"],
                    ["净含量", "500 g"],
                    ["储存条件", "-18 °C 以下冷冻"],
                    ["保质期", "18个月"],
                ],
            },
            "en": {
                "name": "Dalian Ready-to-Eat Sea Cucumber",
                "description": (
                    "Made from Japanese spiky sea cucumbers ranched for five years or more on the seabed "
                    "around Zhangzi Island. They are gutted, gently cooked at low temperature and shaped, "
                    "then individually vacuum-packed and frozen. Simply thaw and serve — dressed cold, in "
                    "congee or braised with millet — for a high-protein delicacy."
                ),
                "specs": [
                    ["Species", "Apostichopus japonicus"],
                    ["Grade / size", "8–10 pieces per 500 g"],
                    ["Net content", "500 g"],
                    ["Storage", "Frozen at −18 °C or below"],
                    ["Shelf life", "18 months"],
                ],
            },
            "ru": {
                "name": "Готовый к употреблению трепанг из Даляня",
                "description": (
                    "Изготавливается из дальневосточного трепанга, который не менее пяти лет выращивается на "
                    "донных участках у острова Чжанцзыдао. Трепанг потрошат, бережно проваривают при низкой "
                    "температуре, придают форму, упаковывают поштучно под вакуумом и замораживают. "
                    "Достаточно разморозить — и деликатес с высоким содержанием белка готов: в салате, "
                    "рисовой каше или тушёным с пшеном."
                ),
                "specs": [
                    ["Вид", "Дальневосточный трепанг (Apostichopus japonicus)"],
                    ["Калибр", "8–10 шт. на 500 г"],
                    ["Масса нетто", "500 г"],
                    ["Условия хранения", "При температуре не выше −18 °C"],
                    ["Срок годности", "18 месяцев"],
                ],
            },
            "ko": {
                "name": "다롄 즉석 해삼",
                "description": (
                    "장쯔다오 해역에서 5년 이상 바다목장 방식으로 키운 돌기해삼을 사용합니다. 내장을 제거하고"
                    " 저온에서 익힌 뒤 모양을 잡아 한 마리씩 진공 포장해 냉동했습니다. 해동만 하면 바로 먹을 "
                    "수 있어 무침, 죽, 좁쌀 찜 등으로 즐기는 고단백 별미입니다."
                ),
                "specs": [
                    ["원료", "돌기해삼 (Apostichopus japonicus)"],
                    ["규격", "500g당 8~10마리"],
                    ["내용량", "500 g"],
                    ["보관 방법", "−18°C 이하 냉동"],
                    ["유통기한", "18개월"],
                ],
            },
        },
    },
    {
        "sku": "HZ-AG-9302",
        "merchant": "dalian-haizhenyuan-seafood",
        "category": "seafood",
        "hs_code": "0308190000",
        "customs_name": "干海参",
        "customs_unit": "035",
        "model": "HZY-DRY-4050",
        "origin_city": "dalian",
        "net_weight_g": 500,
        "gross_weight_g": 1200,
        "price_fen": 268000,
        "tiers": [[10, 255000], [50, 242000]],
        "moq": 1,
        "stock": 300,
        "featured": False,
        "text": {
            "zh": {
                "name": "大连淡干海参",
                "description": (
                    "鲜参煮制后不加盐，以低温风干工艺干燥，含水量低于15%，泡发率可达8–10倍。刺挺壁厚，便于长"
                    "期保存和远途携带，是馈赠和宴席佳品。随附泡发说明。"
                ),
                "specs": [
                    ["原料", "仿刺参（Apostichopus japonicus）"],
                    ["规格", "每500克 40–50 头"],
                    ["水分", "≤ 15%"],
                    ["净含量", "500 g"],
                    ["包装", "礼盒装"],
                    ["保质期", "24个月"],
                ],
            },
            "en": {
                "name": "Dalian Salt-Free Dried Sea Cucumber",
                "description": (
                    "Fresh sea cucumbers are cooked without salt and slowly air-dried at low temperature to "
                    "below 15% moisture, rehydrating to 8–10 times their dried weight. With firm spikes and "
                    "thick walls they keep for a long time and travel well — a classic gift and banquet "
                    "delicacy. Soaking instructions included."
                ),
                "specs": [
                    ["Species", "Apostichopus japonicus"],
                    ["Grade / size", "40–50 pieces per 500 g"],
                    ["Moisture", "≤ 15%"],
                    ["Net content", "500 g"],
                    ["Packing", "Gift box"],
                    ["Shelf life", "24 months"],
                ],
            },
            "ru": {
                "name": "Сушёный несолёный трепанг из Даляня",
                "description": (
                    "Свежий трепанг отваривают без соли и медленно сушат потоком воздуха при низкой "
                    "температуре до влажности ниже 15%; при замачивании он увеличивается в 8–10 раз. Плотные "
                    "шипы и толстые стенки позволяют долго хранить и перевозить продукт — классический "
                    "подарок и украшение праздничного стола. В комплекте инструкция по замачиванию."
                ),
                "specs": [
                    ["Вид", "Дальневосточный трепанг (Apostichopus japonicus)"],
                    ["Калибр", "40–50 шт. на 500 г"],
                    ["Влажность", "≤ 15%"],
                    ["Масса нетто", "500 г"],
                    ["Упаковка", "Подарочная коробка"],
                    ["Срок годности", "24 месяца"],
                ],
            },
            "ko": {
                "name": "다롄 무염 건해삼",
                "description": (
                    "신선한 해삼을 소금 없이 삶은 뒤 저온 풍건 방식으로 수분 15% 미만까지 말려, 불리면 8~10배"
                    "로 불어납니다. 돌기가 단단하고 육질이 두꺼워 장기 보관과 장거리 휴대가 편리하며 선물과 "
                    "연회용으로 제격입니다. 불리는 방법 안내서가 동봉됩니다."
                ),
                "specs": [
                    ["원료", "돌기해삼 (Apostichopus japonicus)"],
                    ["규격", "500g당 40~50마리"],
                    ["수분", "≤ 15%"],
                    ["내용량", "500 g"],
                    ["포장", "선물 상자"],
                    ["유통기한", "24개월"],
                ],
            },
        },
    },
    {
        "sku": "LJ-AG-9401",
        "merchant": "dandong-lvjiang-foods",
        "category": "ginseng",
        "hs_code": "1211209299",
        "customs_name": "其他干的非野山参",
        "customs_unit": "035",
        "model": "LJ-GS-5Y",
        "origin_city": "kuandian",
        "net_weight_g": 500,
        "gross_weight_g": 900,
        "price_fen": 58000,
        "tiers": [[10, 54000], [50, 50000]],
        "moq": 1,
        "stock": 500,
        "featured": False,
        "text": {
            "zh": {
                "name": "宽甸园参（整枝干人参）",
                "description": (
                    "产自鸭绿江畔的宽甸山区，园参生长5–6年，经清洗、低温烘干制成生晒参，须根完整。人参皂苷含"
                    "量高，可切片泡茶、炖汤或泡酒。每批附产地证明及重金属、农残检测报告。"
                ),
                "specs": [
                    ["参龄", "5–6年"],
                    ["规格", "每500克 20–25 支"],
                    ["水分", "≤ 12%"],
                    ["总皂苷", "≥ 2.5%"],
                    ["净含量", "500 g"],
                    ["包装", "礼盒装"],
                ],
            },
            "en": {
                "name": "Kuandian Cultivated Ginseng, Whole Dried Roots",
                "description": (
                    "Grown for five to six years in the mountains of Kuandian on the Yalu River, the roots "
                    "are washed and dried at low temperature into white ginseng with the fine rootlets "
                    "intact. Rich in ginsenosides, they can be sliced for tea, simmered in soups or steeped "
                    "in spirits. Each lot comes with a certificate of origin and heavy-metal and pesticide "
                    "test reports."
                ),
                "specs": [
                    ["Root age", "5–6 years"],
                    ["Grade / size", "20–25 roots per 500 g"],
                    ["Moisture", "≤ 12%"],
                    ["Total ginsenosides", "≥ 2.5%"],
                    ["Net content", "500 g"],
                    ["Packing", "Gift box"],
                ],
            },
            "ru": {
                "name": "Сушёный культивированный женьшень из Куаньдяня, целые корни",
                "description": (
                    "Корни выращиваются пять-шесть лет в горах Куаньдяня на берегу Ялуцзяна, затем моются и "
                    "сушатся при низкой температуре с сохранением тонких корешков (белый женьшень). "
                    "Благодаря высокому содержанию гинзенозидов корни можно нарезать для чая, добавлять в "
                    "бульоны или настаивать на крепких напитках. К каждой партии прилагаются сертификат "
                    "происхождения и протоколы испытаний на тяжёлые металлы и пестициды."
                ),
                "specs": [
                    ["Возраст корня", "5–6 лет"],
                    ["Калибр", "20–25 корней на 500 г"],
                    ["Влажность", "≤ 12%"],
                    ["Сумма гинзенозидов", "≥ 2,5%"],
                    ["Масса нетто", "500 г"],
                    ["Упаковка", "Подарочная коробка"],
                ],
            },
            "ko": {
                "name": "콴뎬 재배 인삼 (통뿌리 백삼)",
                "description": (
                    "압록강변 콴뎬 산간 지역에서 5~6년 재배한 인삼을 세척 후 저온 건조해 잔뿌리까지 온전한 백"
                    "삼으로 만들었습니다. 진세노사이드 함량이 높아 얇게 썰어 차로 마시거나 삼계탕, 인삼주에 "
                    "활용할 수 있습니다. 로트마다 원산지 증명서와 중금속·잔류 농약 검사 성적서를 첨부합니다."
                ),
                "specs": [
                    ["재배 연수", "5~6년근"],
                    ["규격", "500g당 20~25뿌리"],
                    ["수분", "≤ 12%"],
                    ["총 진세노사이드", "≥ 2.5%"],
                    ["내용량", "500 g"],
                    ["포장", "선물 상자"],
                ],
            },
        },
    },
    {
        "sku": "LJ-AG-9402",
        "merchant": "dandong-lvjiang-foods",
        "category": "ginseng",
        "hs_code": "1211209299",
        "customs_name": "其他干的非野山参（红参片）",
        "customs_unit": "035",
        "model": "LJ-RGS-100",
        "origin_city": "kuandian",
        "net_weight_g": 100,
        "gross_weight_g": 260,
        "price_fen": 19800,
        "tiers": [[20, 17800], [100, 16200]],
        "moq": 2,
        "stock": 900,
        "featured": False,
        "text": {
            "zh": {
                "name": "宽甸红参片",
                "description": (
                    "鲜参按传统工艺反复蒸制、晾晒成红参，再横切成1.5毫米薄片，色泽棕红透亮，口感甘中带苦。可"
                    "直接含服或冲泡饮用，独立小袋包装，方便随身携带。"
                ),
                "specs": [
                    ["切片厚度", "1.5 mm"],
                    ["净含量", "100 g（5 g × 20袋）"],
                    ["参龄", "6年"],
                    ["保质期", "24个月"],
                    ["储存条件", "阴凉干燥处"],
                ],
            },
            "en": {
                "name": "Kuandian Red Ginseng Slices",
                "description": (
                    "Fresh roots are steamed and dried repeatedly in the traditional way to make red "
                    "ginseng, then cut crosswise into 1.5 mm slices with a translucent reddish-brown colour "
                    "and a bittersweet taste. Chew them directly or brew as tea; the individually sealed "
                    "sachets are easy to carry."
                ),
                "specs": [
                    ["Slice thickness", "1.5 mm"],
                    ["Net content", "100 g (20 sachets × 5 g)"],
                    ["Root age", "6 years"],
                    ["Shelf life", "24 months"],
                    ["Storage", "Cool, dry place"],
                ],
            },
            "ru": {
                "name": "Нарезанный красный женьшень из Куаньдяня",
                "description": (
                    "Свежие корни многократно пропаривают и высушивают по традиционной технологии, получая "
                    "красный женьшень, а затем нарезают поперёк на ломтики толщиной 1,5 мм полупрозрачного "
                    "красно-коричневого цвета с горьковато-сладким вкусом. Ломтики можно рассасывать или "
                    "заваривать как чай; индивидуальные саше удобно носить с собой."
                ),
                "specs": [
                    ["Толщина ломтиков", "1,5 мм"],
                    ["Масса нетто", "100 г (20 саше по 5 г)"],
                    ["Возраст корня", "6 лет"],
                    ["Срок годности", "24 месяца"],
                    ["Условия хранения", "В прохладном сухом месте"],
                ],
            },
            "ko": {
                "name": "콴뎬 홍삼 절편",
                "description": (
                    "신선한 인삼을 전통 방식으로 여러 번 찌고 말려 홍삼으로 만든 뒤 1.5mm 두께로 가로 썰어, "
                    "적갈색 빛이 투명하게 돌고 달면서도 쌉싸름한 맛이 납니다. 그대로 씹어 먹거나 차로 우려 마"
                    "실 수 있으며 개별 포장 스틱으로 휴대가 간편합니다."
                ),
                "specs": [
                    ["절편 두께", "1.5 mm"],
                    ["내용량", "100g (5g × 20포)"],
                    ["재배 연수", "6년근"],
                    ["유통기한", "24개월"],
                    ["보관 방법", "서늘하고 건조한 곳"],
                ],
            },
        },
    },
]
