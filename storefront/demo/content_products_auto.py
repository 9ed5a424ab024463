"""Demo products: Yingkou garage (auto-maintenance) equipment.

Pure data, merged into ``storefront.demo.content.PRODUCTS``.
"""

PRODUCTS = [
    {
        "sku": "HL-LF-5001",
        "merchant": "yingkou-hengli-garage-equipment",
        "category": "car-lifts",
        "hs_code": "8425410000",
        "customs_name": "车库用固定式汽车举升机",
        "customs_unit": "001",
        "model": "HL-240C",
        "origin_city": "yingkou",
        "net_weight_g": 620000,
        "gross_weight_g": 680000,
        "price_fen": 1280000,
        "tiers": [[5, 1190000], [20, 1120000]],
        "moq": 1,
        "stock": 85,
        "featured": True,
        "text": {
            "zh": {
                "name": "4吨龙门式双柱举升机",
                "description": (
                    "龙门式顶部同步设计，地面无盖板，车辆进出和推拉工具车毫无阻碍。双液压缸配合钢丝绳同步，四"
                    "只三节伸缩托臂可举升轿车、SUV和轻型商用车。立柱由加厚钢板一次折弯成型，双侧配备自动机械"
                    "安全锁和电磁解锁装置。"
                ),
                "specs": [
                    ["额定载荷", "4000 kg"],
                    ["最大举升高度", "1900 mm"],
                    ["举升时间", "约 50 s"],
                    ["电源", "380 V 三相 / 220 V 单相可选"],
                    ["电机功率", "2.2 kW"],
                    ["认证", "CE"],
                ],
            },
            "en": {
                "name": "4-Ton Clear-Floor Two-Post Car Lift",
                "description": (
                    "Overhead synchronisation leaves the floor completely clear, so vehicles and tool carts "
                    "move freely between the posts. Twin hydraulic cylinders with cable equalisation and "
                    "four three-stage telescopic arms handle cars, SUVs and light commercial vehicles. The "
                    "columns are formed from thick steel plate, with automatic mechanical safety locks on "
                    "both sides and electromagnetic lock release."
                ),
                "specs": [
                    ["Lifting capacity", "4000 kg"],
                    ["Max. lifting height", "1900 mm"],
                    ["Lifting time", "approx. 50 s"],
                    ["Power supply", "380 V three-phase or 220 V single-phase"],
                    ["Motor power", "2.2 kW"],
                    ["Certification", "CE"],
                ],
            },
            "ru": {
                "name": "Двухстоечный автомобильный подъёмник 4 т с верхней синхронизацией",
                "description": (
                    "Этот двухстоечный автомобильный подъёмник с верхней синхронизацией оставляет пол "
                    "полностью свободным — автомобили и тележки с инструментом беспрепятственно проходят "
                    "между стойками. Два гидроцилиндра с тросовой синхронизацией и четыре трёхсекционные "
                    "телескопические лапы позволяют поднимать легковые автомобили, кроссоверы и лёгкий "
                    "коммерческий транспорт. Стойки выполнены из толстолистовой стали, на обеих установлены "
                    "автоматические механические замки с электромагнитной разблокировкой."
                ),
                "specs": [
                    ["Грузоподъёмность", "4000 кг"],
                    ["Макс. высота подъёма", "1900 мм"],
                    ["Время подъёма", "около 50 с"],
                    ["Электропитание", "380 В, 3 фазы или 220 В, 1 фаза"],
                    ["Мощность двигателя", "2,2 кВт"],
                    ["Сертификация", "CE"],
                ],
            },
            "ko": {
                "name": "4톤 문형 2주식 차량 리프트",
                "description": (
                    "상부 동기화 구조로 바닥에 덮개판이 없어 차량과 공구 카트가 기둥 사이를 자유롭게 오갈 수 "
                    "있습니다. 이중 유압 실린더와 와이어 로프 동기화, 3단 텔레스코픽 암 4개로 승용차, SUV, 경"
                    "상용차를 들어 올립니다. 기둥은 두꺼운 강판을 일체 절곡해 제작했으며 양쪽에 자동 기계식 "
                    "안전 잠금과 전자식 잠금 해제 장치를 갖췄습니다."
                ),
                "specs": [
                    ["정격 하중", "4000 kg"],
                    ["최대 상승 높이", "1900 mm"],
                    ["상승 시간", "약 50초"],
                    ["전원", "380V 3상 / 220V 단상 선택"],
                    ["모터 출력", "2.2 kW"],
                    ["인증", "CE"],
                ],
            },
        },
    },
    {
        "sku": "HL-LF-5002",
        "merchant": "yingkou-hengli-garage-equipment",
        "category": "car-lifts",
        "hs_code": "8425410000",
        "customs_name": "车库用固定式汽车举升机",
        "customs_unit": "001",
        "model": "HL-235B",
        "origin_city": "yingkou",
        "net_weight_g": 560000,
        "gross_weight_g": 610000,
        "price_fen": 890000,
        "tiers": [[5, 830000], [20, 780000]],
        "moq": 1,
        "stock": 140,
        "featured": False,
        "text": {
            "zh": {
                "name": "3.5吨底板式双柱举升机",
                "description": (
                    "液压油管和同步钢丝绳经地面盖板连接，对车间层高没有要求，低矮厂房也能安装。电动解锁，操作"
                    "简便，适合路边快修店和轮胎店。性价比高，是出口量最大的机型之一。"
                ),
                "specs": [
                    ["额定载荷", "3500 kg"],
                    ["最大举升高度", "1850 mm"],
                    ["立柱高度", "2830 mm"],
                    ["电源", "220 V 单相"],
                    ["电机功率", "2.2 kW"],
                    ["认证", "CE"],
                ],
            },
            "en": {
                "name": "3.5-Ton Baseplate Two-Post Lift",
                "description": (
                    "Hydraulic hoses and equalising cables run under a floor cover plate, so there is no "
                    "ceiling-height requirement — it fits even low workshops. Electric lock release keeps "
                    "operation simple for quick-service and tyre shops. Excellent value and one of our "
                    "best-selling export models."
                ),
                "specs": [
                    ["Lifting capacity", "3500 kg"],
                    ["Max. lifting height", "1850 mm"],
                    ["Column height", "2830 mm"],
                    ["Power supply", "220 V single-phase"],
                    ["Motor power", "2.2 kW"],
                    ["Certification", "CE"],
                ],
            },
            "ru": {
                "name": "Двухстоечный подъёмник 3,5 т с напольной синхронизацией",
                "description": (
                    "Гидравлические шланги и тросы синхронизации проходят под напольной крышкой, поэтому "
                    "требований к высоте потолка нет — подъёмник можно установить даже в низком помещении. "
                    "Электрическая разблокировка замков упрощает работу в экспресс-сервисах и шиномонтажных "
                    "мастерских. Выгодная цена сделала эту модель одной из самых продаваемых на экспорт."
                ),
                "specs": [
                    ["Грузоподъёмность", "3500 кг"],
                    ["Макс. высота подъёма", "1850 мм"],
                    ["Высота стоек", "2830 мм"],
                    ["Электропитание", "220 В, 1 фаза"],
                    ["Мощность двигателя", "2,2 кВт"],
                    ["Сертификация", "CE"],
                ],
            },
            "ko": {
                "name": "3.5톤 바닥판형 2주식 리프트",
                "description": (
                    "유압 호스와 동기화 와이어가 바닥 커버판 아래로 연결되어 천장 높이 제한이 없으므로 층고가"
                    " 낮은 정비소에도 설치할 수 있습니다. 전동 잠금 해제로 조작이 간편해 경정비점과 타이어 전"
                    "문점에 적합합니다. 가성비가 뛰어나 수출량이 가장 많은 모델 중 하나입니다."
                ),
                "specs": [
                    ["정격 하중", "3500 kg"],
                    ["최대 상승 높이", "1850 mm"],
                    ["기둥 높이", "2830 mm"],
                    ["전원", "220V 단상"],
                    ["모터 출력", "2.2 kW"],
                    ["인증", "CE"],
                ],
            },
        },
    },
    {
        "sku": "HL-LF-5003",
        "merchant": "yingkou-hengli-garage-equipment",
        "category": "car-lifts",
        "hs_code": "8425410000",
        "customs_name": "车库用固定式汽车举升机",
        "customs_unit": "001",
        "model": "HL-445A",
        "origin_city": "yingkou",
        "net_weight_g": 1250000,
        "gross_weight_g": 1380000,
        "price_fen": 2180000,
        "tiers": [[3, 2060000], [10, 1960000]],
        "moq": 1,
        "stock": 40,
        "featured": False,
        "text": {
            "zh": {
                "name": "4.5吨四柱定位举升机",
                "description": (
                    "平台内置前轮转角盘槽和后滑板，配合四轮定位仪使用，可在举升状态下完成定位调整。附带二次举"
                    "升小剪，可将车轮悬空进行刹车和轮胎作业。四柱钢丝绳结构稳定，也可兼作双层停车。"
                ),
                "specs": [
                    ["额定载荷", "4500 kg"],
                    ["最大举升高度", "1800 mm"],
                    ["平台长度", "5300 mm"],
                    ["电源", "380 V 三相"],
                    ["认证", "CE"],
                ],
            },
            "en": {
                "name": "4.5-Ton Four-Post Alignment Lift",
                "description": (
                    "The runways have built-in recesses for turntables and rear slip plates, so alignment "
                    "can be adjusted with the vehicle raised. An integrated rolling jack lifts the wheels "
                    "free for brake and tyre work. The stable four-post cable design can double as two-level "
                    "parking."
                ),
                "specs": [
                    ["Lifting capacity", "4500 kg"],
                    ["Max. lifting height", "1800 mm"],
                    ["Runway length", "5300 mm"],
                    ["Power supply", "380 V three-phase"],
                    ["Certification", "CE"],
                ],
            },
            "ru": {
                "name": "Четырёхстоечный подъёмник 4,5 т для развал-схождения",
                "description": (
                    "В платформах предусмотрены ниши под поворотные круги и задние сдвижные пластины, "
                    "поэтому регулировку развала-схождения можно выполнять на поднятом автомобиле. "
                    "Встроенная траверса вывешивает колёса для работ с тормозами и шинами. Устойчивая "
                    "четырёхстоечная тросовая конструкция подходит и для двухуровневой парковки."
                ),
                "specs": [
                    ["Грузоподъёмность", "4500 кг"],
                    ["Макс. высота подъёма", "1800 мм"],
                    ["Длина платформ", "5300 мм"],
                    ["Электропитание", "380 В, 3 фазы"],
                    ["Сертификация", "CE"],
                ],
            },
            "ko": {
                "name": "4.5톤 4주식 얼라인먼트 리프트",
                "description": (
                    "런웨이에 턴테이블과 후륜 슬립 플레이트 홈이 내장되어 차량을 들어 올린 상태에서 얼라인먼"
                    "트를 조정할 수 있습니다. 보조 잭이 포함되어 바퀴를 띄운 채 브레이크·타이어 작업이 가능합"
                    "니다. 안정적인 4주 와이어 구조로 2단 주차용으로도 활용할 수 있습니다."
                ),
                "specs": [
                    ["정격 하중", "4500 kg"],
                    ["최대 상승 높이", "1800 mm"],
                    ["런웨이 길이", "5300 mm"],
                    ["전원", "380V 3상"],
                    ["인증", "CE"],
                ],
            },
        },
    },
    {
        "sku": "HL-LF-5004",
        "merchant": "yingkou-hengli-garage-equipment",
        "category": "car-lifts",
        "hs_code": "8425410000",
        "customs_name": "车库用固定式汽车举升机",
        "customs_unit": "001",
        "model": "HL-S30U",
        "origin_city": "yingkou",
        "net_weight_g": 480000,
        "gross_weight_g": 540000,
        "price_fen": 1080000,
        "tiers": [[3, 1020000], [10, 960000]],
        "moq": 1,
        "stock": 60,
        "featured": False,
        "text": {
            "zh": {
                "name": "3吨超薄剪式举升机",
                "description": (
                    "收缩高度仅105毫米，无需挖坑即可直接安装在地面上，低底盘跑车也能轻松驶入。双油缸同步，配"
                    "合气动安全锁，举升平稳可靠。适合汽车美容店、轮胎店和小型维修站。"
                ),
                "specs": [
                    ["额定载荷", "3000 kg"],
                    ["最低高度", "105 mm"],
                    ["最大举升高度", "1000 mm"],
                    ["电源", "220 V 单相"],
                    ["气源", "0.6–0.8 MPa"],
                ],
            },
            "en": {
                "name": "3-Ton Ultra-Thin Scissor Lift",
                "description": (
                    "At just 105 mm collapsed it sits directly on the floor without a pit, and even low "
                    "sports cars drive on easily. Twin synchronised cylinders and pneumatic safety locks "
                    "ensure smooth, reliable lifting. Ideal for detailing studios, tyre shops and small "
                    "service stations."
                ),
                "specs": [
                    ["Lifting capacity", "3000 kg"],
                    ["Min. height", "105 mm"],
                    ["Max. lifting height", "1000 mm"],
                    ["Power supply", "220 V single-phase"],
                    ["Air supply", "0.6–0.8 MPa"],
                ],
            },
            "ru": {
                "name": "Сверхнизкий ножничный подъёмник 3 т",
                "description": (
                    "В сложенном состоянии высота всего 105 мм — подъёмник устанавливается прямо на пол без "
                    "приямка, и на него легко заезжают даже низкие спорткары. Два синхронизированных "
                    "гидроцилиндра и пневматические страховочные замки обеспечивают плавный и надёжный "
                    "подъём. Идеален для детейлинг-центров, шиномонтажей и небольших СТО."
                ),
                "specs": [
                    ["Грузоподъёмность", "3000 кг"],
                    ["Мин. высота", "105 мм"],
                    ["Макс. высота подъёма", "1000 мм"],
                    ["Электропитание", "220 В, 1 фаза"],
                    ["Пневмопитание", "0,6–0,8 МПа"],
                ],
            },
            "ko": {
                "name": "3톤 초박형 시저 리프트",
                "description": (
                    "접었을 때 높이가 105mm에 불과해 피트 공사 없이 바닥에 바로 설치할 수 있고, 차고가 낮은 "
                    "스포츠카도 쉽게 올라갑니다. 동기화된 이중 실린더와 공압식 안전 잠금으로 부드럽고 안정적"
                    "으로 상승합니다. 디테일링 숍, 타이어 전문점, 소형 정비소에 적합합니다."
                ),
                "specs": [
                    ["정격 하중", "3000 kg"],
                    ["최저 높이", "105 mm"],
                    ["최대 상승 높이", "1000 mm"],
                    ["전원", "220V 단상"],
                    ["공기 공급", "0.6–0.8 MPa"],
                ],
            },
        },
    },
    {
        "sku": "RK-TC-6001",
        "merchant": "yingkou-ruike-auto-service",
        "category": "tyre-service",
        "hs_code": "8479899990",
        "customs_name": "轮胎拆装机",
        "customs_unit": "001",
        "model": "RK-T624",
        "origin_city": "yingkou",
        "net_weight_g": 195000,
        "gross_weight_g": 230000,
        "price_fen": 520000,
        "tiers": [[5, 480000], [20, 450000]],
        "moq": 1,
        "stock": 120,
        "featured": False,
        "text": {
            "zh": {
                "name": "摆臂式轮胎拆装机",
                "description": (
                    "经典摆臂结构，夹持范围10至24英寸，适合轿车和SUV轮胎。大力压胎铲可轻松分离顽固胎边，立柱"
                    "和拆装头采用耐磨合金钢。配备充气表和脚踏控制，操作直观，是轮胎店的入门首选。"
                ),
                "specs": [
                    ["轮辋夹持范围", "外夹 10–21″ / 内夹 12–24″"],
                    ["最大车轮直径", "1000 mm"],
                    ["压胎力", "约 25 kN"],
                    ["工作气压", "0.8–1.0 MPa"],
                    ["电源", "220 V / 380 V 可选"],
                    ["电机功率", "0.75 kW"],
                ],
            },
            "en": {
                "name": "Swing-Arm Tyre Changer",
                "description": (
                    "A classic swing-arm design clamps 10–24\" rims for car and SUV tyres. A powerful bead "
                    "breaker parts even stubborn beads, and the column and mount/demount head are made of "
                    "wear-resistant alloy steel. With an inflation gauge and pedal controls it is intuitive "
                    "to use — the go-to entry model for tyre shops."
                ),
                "specs": [
                    ["Rim clamping range", "Outside 10–21″ / inside 12–24″"],
                    ["Max. wheel diameter", "1000 mm"],
                    ["Bead breaker force", "approx. 25 kN"],
                    ["Working air pressure", "0.8–1.0 MPa"],
                    ["Power supply", "220 V or 380 V"],
                    ["Motor power", "0.75 kW"],
                ],
            },
            "ru": {
                "name": "Шиномонтажный станок с поворотной стойкой",
                "description": (
                    "Классическая конструкция с поворотной стойкой и зажимом дисков 10–24″ для шин легковых "
                    "автомобилей и кроссоверов. Мощная отжимная лопатка легко срывает даже прикипевший борт, "
                    "а стойка и монтажная головка выполнены из износостойкой легированной стали. Манометр "
                    "для накачки и педальное управление делают работу интуитивной — оптимальная стартовая "
                    "модель для шиномонтажа."
                ),
                "specs": [
                    ["Диапазон зажима дисков", "Снаружи 10–21″ / изнутри 12–24″"],
                    ["Макс. диаметр колеса", "1000 мм"],
                    ["Усилие отжима борта", "около 25 кН"],
                    ["Рабочее давление воздуха", "0,8–1,0 МПа"],
                    ["Электропитание", "220 В или 380 В"],
                    ["Мощность двигателя", "0,75 кВт"],
                ],
            },
            "ko": {
                "name": "스윙암식 타이어 탈착기",
                "description": (
                    "클래식 스윙암 구조로 10~24인치 림을 고정해 승용차·SUV 타이어를 작업합니다. 강력한 비드 "
                    "브레이커가 잘 떨어지지 않는 비드도 쉽게 분리하며, 기둥과 탈착 헤드는 내마모 합금강으로 "
                    "제작했습니다. 공기압 게이지와 페달 조작으로 사용이 직관적이어서 타이어 전문점의 입문용으"
                    "로 인기가 높습니다."
                ),
                "specs": [
                    ["림 클램핑 범위", "외측 10~21″ / 내측 12~24″"],
                    ["최대 휠 직경", "1000 mm"],
                    ["비드 브레이커 힘", "약 25kN"],
                    ["작동 공기압", "0.8–1.0 MPa"],
                    ["전원", "220V / 380V 선택"],
                    ["모터 출력", "0.75 kW"],
                ],
            },
        },
    },
    {
        "sku": "RK-TC-6002",
        "merchant": "yingkou-ruike-auto-service",
        "category": "tyre-service",
        "hs_code": "8479899990",
        "customs_name": "轮胎拆装机",
        "customs_unit": "001",
        "model": "RK-T626H",
        "origin_city": "yingkou",
        "net_weight_g": 330000,
        "gross_weight_g": 380000,
        "price_fen": 1150000,
        "tiers": [[3, 1080000], [10, 1020000]],
        "moq": 1,
        "stock": 55,
        "featured": False,
        "text": {
            "zh": {
                "name": "后倾式轮胎拆装机（双辅助臂）",
                "description": (
                    "立柱气动后倾，拆装头自动定位，配合左右双辅助臂，可安全处理低扁平比轮胎、缺气保用轮胎和大"
                    "尺寸铝合金轮毂。夹持范围12至26英寸，塑料保护套防止刮伤轮辋。适合4S店和高端轮胎中心。"
                ),
                "specs": [
                    ["轮辋夹持范围", "外夹 12–24″ / 内夹 14–26″"],
                    ["最大车轮直径", "1100 mm"],
                    ["工作气压", "0.8–1.0 MPa"],
                    ["辅助臂", "左右双辅助臂"],
                    ["电机功率", "1.1 kW"],
                ],
            },
            "en": {
                "name": "Tilt-Back Tyre Changer with Dual Assist Arms",
                "description": (
                    "The column tilts back pneumatically and the head positions itself automatically; with "
                    "left and right assist arms, low-profile and run-flat tyres and large alloy wheels are "
                    "handled safely. The clamping range is 12–26\" and plastic protectors prevent rim "
                    "scratches. Built for dealerships and premium tyre centres."
                ),
                "specs": [
                    ["Rim clamping range", "Outside 12–24″ / inside 14–26″"],
                    ["Max. wheel diameter", "1100 mm"],
                    ["Working air pressure", "0.8–1.0 MPa"],
                    ["Assist arms", "Dual, left and right"],
                    ["Motor power", "1.1 kW"],
                ],
            },
            "ko": {
                "name": "틸트백 타이어 탈착기 (더블 보조 암)",
                "description": (
                    "기둥이 공압으로 뒤로 젖혀지고 탈착 헤드가 자동으로 위치를 잡으며, 좌우 더블 보조 암으로 "
                    "저편평비·런플랫 타이어와 대구경 알로이 휠도 안전하게 작업합니다. 클램핑 범위는 12~26인치"
                    "이며 플라스틱 보호 캡이 림 긁힘을 막아 줍니다. 딜러 정비센터와 프리미엄 타이어 센터에 적"
                    "합합니다."
                ),
                "specs": [
                    ["림 클램핑 범위", "외측 12~24″ / 내측 14~26″"],
                    ["최대 휠 직경", "1100 mm"],
                    ["작동 공기압", "0.8–1.0 MPa"],
                    ["보조 암", "좌우 더블"],
                    ["모터 출력", "1.1 kW"],
                ],
            },
        },
    },
    {
        "sku": "RK-TC-6003",
        "merchant": "yingkou-ruike-auto-service",
        "category": "tyre-service",
        "hs_code": "8479899990",
        "customs_name": "轮胎拆装机（卡车用）",
        "customs_unit": "001",
        "model": "RK-TT26",
        "origin_city": "yingkou",
        "net_weight_g": 520000,
        "gross_weight_g": 600000,
        "price_fen": 1980000,
        "tiers": [[3, 1880000], [10, 1790000]],
        "moq": 1,
        "stock": 25,
        "featured": False,
        "text": {
            "zh": {
                "name": "14–26英寸卡车轮胎拆装机",
                "description": (
                    "四爪液压卡盘夹紧，可拆装14至26英寸的卡车、客车和工程车轮胎，最大车轮直径1600毫米。无线遥"
                    "控手柄让操作者在车轮四周自由走动，单人即可完成拆装。加强型电机和液压泵站适合车队和重型轮"
                    "胎服务站。"
                ),
                "specs": [
                    ["轮辋夹持范围", "14–26″"],
                    ["最大车轮直径", "1600 mm"],
                    ["最大车轮重量", "1200 kg"],
                    ["电源", "380 V 三相"],
                    ["电机功率", "2.2 kW + 1.5 kW"],
                ],
            },
            "en": {
                "name": "14–26\" Truck Tyre Changer",
                "description": (
                    "A four-jaw hydraulic chuck handles 14–26\" truck, bus and construction-vehicle wheels "
                    "up to 1,600 mm in diameter. A wireless remote lets the operator move freely around the "
                    "wheel, so one person can do the whole job. A heavy-duty motor and hydraulic power pack "
                    "suit fleets and heavy-tyre service stations."
                ),
                "specs": [
                    ["Rim clamping range", "14–26″"],
                    ["Max. wheel diameter", "1600 mm"],
                    ["Max. wheel weight", "1200 kg"],
                    ["Power supply", "380 V three-phase"],
                    ["Motor power", "2.2 kW + 1.5 kW"],
                ],
            },
            "ru": {
                "name": "Шиномонтажный станок для грузовых колёс 14–26″",
                "description": (
                    "Четырёхкулачковый гидравлический патрон принимает колёса грузовиков, автобусов и "
                    "спецтехники 14–26″ диаметром до 1600 мм. Беспроводной пульт позволяет свободно "
                    "перемещаться вокруг колеса, поэтому монтаж выполняет один человек. Усиленные "
                    "электродвигатель и гидростанция рассчитаны на автопарки и станции обслуживания "
                    "крупногабаритных шин."
                ),
                "specs": [
                    ["Диапазон зажима дисков", "14–26″"],
                    ["Макс. диаметр колеса", "1600 мм"],
                    ["Макс. масса колеса", "1200 кг"],
                    ["Электропитание", "380 В, 3 фазы"],
                    ["Мощность двигателя", "2,2 кВт + 1,5 кВт"],
                ],
            },
            "ko": {
                "name": "14~26인치 트럭 타이어 탈착기",
                "description": (
                    "4조 유압 척으로 직경 최대 1,600mm의 14~26인치 트럭·버스·건설차량 휠을 작업합니다. 무선 "
                    "리모컨으로 작업자가 휠 주위를 자유롭게 움직일 수 있어 한 사람이 전체 작업을 마칠 수 있습"
                    "니다. 강화형 모터와 유압 파워팩을 갖춰 운송 회사와 대형 타이어 정비소에 적합합니다."
                ),
                "specs": [
                    ["림 클램핑 범위", "14~26″"],
                    ["최대 휠 직경", "1600 mm"],
                    ["최대 휠 중량", "1200 kg"],
                    ["전원", "380V 3상"],
                    ["모터 출력", "2.2 kW + 1.5 kW"],
                ],
            },
        },
    },
    {
        "sku": "RK-WB-6101",
        "merchant": "yingkou-ruike-auto-service",
        "category": "tyre-service",
        "hs_code": "9031809090",
        "customs_name": "车轮动平衡机",
        "customs_unit": "001",
        "model": "RK-B95",
        "origin_city": "yingkou",
        "net_weight_g": 120000,
        "gross_weight_g": 148000,
        "price_fen": 460000,
        "tiers": [[5, 425000], [20, 398000]],
        "moq": 1,
        "stock": 150,
        "featured": False,
        "text": {
            "zh": {
                "name": "全自动车轮动平衡机",
                "description": (
                    "自动测量轮辋距离和直径，内置多种铝合金轮毂平衡模式，并具备隐藏贴片和配重分配功能。主轴采"
                    "用精密轴承，单次测量约7秒，平衡精度±1克。自动刹车和护罩联锁保证操作安全。"
                ),
                "specs": [
                    ["轮辋夹持范围", "10–24″"],
                    ["最大车轮重量", "65 kg"],
                    ["平衡精度", "±1 g"],
                    ["测量时间", "约 7 s"],
                    ["电源", "220 V 单相"],
                ],
            },
            "en": {
                "name": "Automatic Wheel Balancer",
                "description": (
                    "Automatic measurement of rim distance and diameter, multiple alloy-wheel modes, "
                    "hidden-weight placement and split-weight functions come as standard. A "
                    "precision-bearing shaft measures in about 7 seconds with ±1 g accuracy. Automatic "
                    "braking and a hood interlock keep the operator safe."
                ),
                "specs": [
                    ["Rim clamping range", "10–24″"],
                    ["Max. wheel weight", "65 kg"],
                    ["Balancing accuracy", "±1 g"],
                    ["Measuring time", "approx. 7 s"],
                    ["Power supply", "220 V single-phase"],
                ],
            },
            "ru": {
                "name": "Автоматический балансировочный станок для колёс",
                "description": (
                    "Станок автоматически измеряет вылет и диаметр диска, поддерживает несколько режимов для "
                    "литых дисков, функции скрытой установки и разделения грузов. Вал на прецизионных "
                    "подшипниках выполняет измерение примерно за 7 секунд с точностью ±1 г. Автоматический "
                    "тормоз и блокировка защитного кожуха обеспечивают безопасность оператора."
                ),
                "specs": [
                    ["Диапазон зажима дисков", "10–24″"],
                    ["Макс. масса колеса", "65 кг"],
                    ["Точность балансировки", "±1 г"],
                    ["Время измерения", "около 7 с"],
                    ["Электропитание", "220 В, 1 фаза"],
                ],
            },
            "ko": {
                "name": "자동 휠 밸런서",
                "description": (
                    "림 거리와 직경을 자동 측정하고, 여러 알로이 휠 모드와 히든 웨이트·분할 웨이트 기능을 기"
                    "본 제공합니다. 정밀 베어링 샤프트로 약 7초 만에 측정하며 정확도는 ±1g입니다. 자동 브레이"
                    "크와 커버 인터록으로 작업자의 안전을 지킵니다."
                ),
                "specs": [
                    ["림 클램핑 범위", "10~24″"],
                    ["최대 휠 중량", "65 kg"],
                    ["밸런싱 정확도", "±1g"],
                    ["측정 시간", "약 7초"],
                    ["전원", "220V 단상"],
                ],
            },
        },
    },
    {
        "sku": "RK-WB-6102",
        "merchant": "yingkou-ruike-auto-service",
        "category": "tyre-service",
        "hs_code": "9031809090",
        "customs_name": "车轮动平衡机（卡车用）",
        "customs_unit": "001",
        "model": "RK-B200T",
        "origin_city": "yingkou",
        "net_weight_g": 260000,
        "gross_weight_g": 300000,
        "price_fen": 1280000,
        "tiers": [[3, 1200000], [10, 1130000]],
        "moq": 1,
        "stock": 30,
        "featured": False,
        "text": {
            "zh": {
                "name": "卡车车轮动平衡机",
                "description": (
                    "适用于卡车、客车和轻卡车轮，最大车轮重量200千克。气动升降装置将车轮轻松抬上主轴，减少人"
                    "工搬运。配备轿车轮适配器，一机两用。"
                ),
                "specs": [
                    ["轮辋夹持范围", "10–26″"],
                    ["最大车轮重量", "200 kg"],
                    ["平衡精度", "±10 g（卡车）/ ±1 g（轿车）"],
                    ["电源", "380 V 三相 / 220 V 单相可选"],
                ],
            },
            "en": {
                "name": "Truck Wheel Balancer",
                "description": (
                    "Balances truck, bus and light-truck wheels weighing up to 200 kg. A pneumatic wheel "
                    "lift raises the wheel onto the shaft and saves heavy manual handling. Adapters for "
                    "passenger-car wheels make it a two-in-one machine."
                ),
                "specs": [
                    ["Rim clamping range", "10–26″"],
                    ["Max. wheel weight", "200 kg"],
                    ["Balancing accuracy", "±10 g truck / ±1 g car"],
                    ["Power supply", "380 V three-phase or 220 V single-phase"],
                ],
            },
            "ru": {
                "name": "Балансировочный станок для грузовых колёс",
                "description": (
                    "Балансирует колёса грузовиков, автобусов и малотоннажных машин массой до 200 кг. "
                    "Пневматический подъёмник поднимает колесо на вал и избавляет от тяжёлой ручной работы. "
                    "С переходниками станок подходит и для колёс легковых автомобилей."
                ),
                "specs": [
                    ["Диапазон зажима дисков", "10–26″"],
                    ["Макс. масса колеса", "200 кг"],
                    ["Точность балансировки", "±10 г (грузовые) / ±1 г (легковые)"],
                    ["Электропитание", "380 В, 3 фазы или 220 В, 1 фаза"],
                ],
            },
            "ko": {
                "name": "트럭 휠 밸런서",
                "description": (
                    "최대 200kg의 트럭, 버스, 소형 트럭 휠을 밸런싱합니다. 공압식 휠 리프트가 휠을 샤프트까지"
                    " 들어 올려 무거운 수작업을 줄여 줍니다. 승용차 휠용 어댑터가 있어 한 대를 두 가지 용도로"
                    " 쓸 수 있습니다."
                ),
                "specs": [
                    ["림 클램핑 범위", "10~26″"],
                    ["최대 휠 중량", "200 kg"],
                    ["밸런싱 정확도", "±10g (트럭) / ±1g (승용차)"],
                    ["전원", "380V 3상 / 220V 단상 선택"],
                ],
            },
        },
    },
    {
        "sku": "RK-WA-6201",
        "merchant": "yingkou-ruike-auto-service",
        "category": "wheel-alignment",
        "hs_code": "9031499090",
        "customs_name": "四轮定位仪",
        "customs_unit": "001",
        "model": "RK-A3D-X7",
        "origin_city": "yingkou",
        "net_weight_g": 260000,
        "gross_weight_g": 330000,
        "price_fen": 2380000,
        "tiers": [[3, 2250000], [10, 2150000]],
        "moq": 1,
        "stock": 35,
        "featured": True,
        "text": {
            "zh": {
                "name": "3D四轮定位仪",
                "description": (
                    "采用双高清工业相机和反光靶板，三维成像测量前束、外倾、主销后倾和主销内倾等全部定位参数。"
                    "推车补偿只需前后移动车辆约30厘米，整车定位检测约3分钟即可完成。内置4万余款车型原厂数据，"
                    "支持在线升级。"
                ),
                "specs": [
                    ["测量精度", "前束 ±0.02°，外倾 ±0.02°"],
                    ["车型数据库", "4万余款车型"],
                    ["软件语言", "12种，含中、英、俄、韩文"],
                    ["电源", "220 V 单相"],
                ],
            },
            "en": {
                "name": "3D Wheel Aligner",
                "description": (
                    "Twin high-definition industrial cameras read reflective targets to measure toe, camber, "
                    "caster, SAI and every other alignment angle in 3D. Rolling compensation needs only "
                    "about 30 cm of vehicle movement, and a complete check takes around three minutes. The "
                    "database holds OEM specifications for more than 40,000 models, with online updates."
                ),
                "specs": [
                    ["Measuring accuracy", "Toe ±0.02°, camber ±0.02°"],
                    ["Vehicle database", "40,000+ models"],
                    ["Software languages", "12, incl. Chinese, English, Russian, Korean"],
                    ["Power supply", "220 V single-phase"],
                ],
            },
            "ru": {
                "name": "3D-стенд развал-схождения",
                "description": (
                    "Две промышленные HD-камеры считывают светоотражающие мишени и измеряют в 3D схождение, "
                    "развал, продольный и поперечный наклон оси поворота и все остальные параметры. Для "
                    "компенсации биения достаточно прокатить автомобиль примерно на 30 см, а полная проверка "
                    "занимает около трёх минут. База содержит заводские данные более чем для 40 000 моделей "
                    "и обновляется через интернет."
                ),
                "specs": [
                    ["Точность измерения", "Схождение ±0,02°, развал ±0,02°"],
                    ["База автомобилей", "Более 40 000 моделей"],
                    ["Языки интерфейса", "12, включая китайский, английский, русский, корейский"],
                    ["Электропитание", "220 В, 1 фаза"],
                ],
            },
            "ko": {
                "name": "3D 휠 얼라이너",
                "description": (
                    "고해상도 산업용 카메라 2대가 반사 타깃을 읽어 토, 캠버, 캐스터, 킹핀 경사각 등 모든 얼라"
                    "인먼트 값을 3D로 측정합니다. 차량을 약 30cm만 밀고 당기면 런아웃 보정이 끝나며, 전체 측"
                    "정은 3분 정도면 완료됩니다. 4만 개 이상 차종의 제조사 기준값이 내장되어 있고 온라인 업데"
                    "이트를 지원합니다."
                ),
                "specs": [
                    ["측정 정확도", "토 ±0.02°, 캠버 ±0.02°"],
                    ["차종 데이터베이스", "4만여 차종"],
                    ["소프트웨어 언어", "12개 (중국어·영어·러시아어·한국어 포함)"],
                    ["전원", "220V 단상"],
                ],
            },
        },
    },
    {
        "sku": "RK-HT-6202",
        "merchant": "yingkou-ruike-auto-service",
        "category": "wheel-alignment",
        "hs_code": "9031499090",
        "customs_name": "前照灯检测仪",
        "customs_unit": "001",
        "model": "RK-HL90",
        "origin_city": "yingkou",
        "net_weight_g": 85000,
        "gross_weight_g": 110000,
        "price_fen": 1650000,
        "tiers": [[3, 1560000], [10, 1490000]],
        "moq": 1,
        "stock": 20,
        "featured": False,
        "text": {
            "zh": {
                "name": "全自动前照灯检测仪",
                "description": (
                    "CCD图像传感器自动寻找光轴，测量远光和近光的发光强度及照射偏移量，符合GB 7258机动车安全技"
                    "术检验要求。伺服电机驱动测量箱沿立柱自动升降，适合机动车检测站和维修企业。检测数据可通过"
                    "串口或网口上传。"
                ),
                "specs": [
                    ["发光强度范围", "0–120000 cd"],
                    ["灯高范围", "350–1300 mm"],
                    ["测量距离", "1 m"],
                    ["电源", "220 V 单相"],
                ],
            },
            "en": {
                "name": "Automatic Headlight Tester",
                "description": (
                    "A CCD image sensor locates the beam axis automatically and measures luminous intensity "
                    "and aim offset for high and low beams, meeting the GB 7258 vehicle safety inspection "
                    "requirements. A servo motor drives the measuring head up and down the column, suiting "
                    "inspection stations and repair shops. Results upload over serial or Ethernet."
                ),
                "specs": [
                    ["Intensity range", "0–120,000 cd"],
                    ["Lamp height range", "350–1300 mm"],
                    ["Test distance", "1 m"],
                    ["Power supply", "220 V single-phase"],
                ],
            },
            "ru": {
                "name": "Автоматический прибор проверки фар",
                "description": (
                    "ПЗС-сенсор автоматически находит оптическую ось и измеряет силу света и отклонение "
                    "дальнего и ближнего света в соответствии с требованиями GB 7258 к техосмотру. "
                    "Серводвигатель перемещает измерительный блок по стойке — решение для пунктов техосмотра "
                    "и СТО. Результаты передаются через последовательный порт или Ethernet."
                ),
                "specs": [
                    ["Диапазон силы света", "0–120 000 кд"],
                    ["Диапазон высоты фар", "350–1300 мм"],
                    ["Расстояние измерения", "1 м"],
                    ["Электропитание", "220 В, 1 фаза"],
                ],
            },
            "ko": {
                "name": "자동 전조등 시험기",
                "description": (
                    "CCD 이미지 센서가 광축을 자동으로 찾아 상·하향등의 광도와 조사 편차를 측정하며, GB 7258 "
                    "자동차 안전 검사 기준을 충족합니다. 서보 모터가 측정부를 기둥을 따라 자동으로 올리고 내"
                    "려 검사소와 정비업체에 적합합니다. 측정 데이터는 시리얼 또는 이더넷으로 전송됩니다."
                ),
                "specs": [
                    ["광도 범위", "0~120,000cd"],
                    ["전조등 높이 범위", "350–1300 mm"],
                    ["측정 거리", "1m"],
                    ["전원", "220V 단상"],
                ],
            },
        },
    },
    {
        "sku": "HL-JK-5101",
        "merchant": "yingkou-hengli-garage-equipment",
        "category": "garage-tools",
        "hs_code": "8425421000",
        "customs_name": "液压千斤顶（卧式）",
        "customs_unit": "001",
        "model": "HL-J3LP",
        "origin_city": "yingkou",
        "net_weight_g": 36000,
        "gross_weight_g": 40000,
        "price_fen": 68000,
        "tiers": [[20, 59000], [100, 52000]],
        "moq": 5,
        "stock": 600,
        "featured": False,
        "text": {
            "zh": {
                "name": "3吨低位卧式千斤顶",
                "description": (
                    "最低高度仅75毫米，可伸入跑车和低底盘轿车底部。双泵快速举升，踩压数次即可触及支撑点。底盘"
                    "为加厚钢板焊接，带过载保护阀和万向后轮。"
                ),
                "specs": [
                    ["额定载荷", "3000 kg"],
                    ["最低高度", "75 mm"],
                    ["最大举升高度", "500 mm"],
                    ["自重", "36 kg"],
                    ["认证", "CE"],
                ],
            },
            "en": {
                "name": "3-Ton Low-Profile Trolley Jack",
                "description": (
                    "At just 75 mm minimum height it slides under sports cars and lowered saloons. A "
                    "dual-pump quick-lift system reaches the jacking point in a few strokes. The welded "
                    "thick-steel chassis has an overload valve and swivel rear casters."
                ),
                "specs": [
                    ["Lifting capacity", "3000 kg"],
                    ["Min. height", "75 mm"],
                    ["Max. lifting height", "500 mm"],
                    ["Net weight", "36 kg"],
                    ["Certification", "CE"],
                ],
            },
            "ru": {
                "name": "Подкатной домкрат 3 т низкого профиля",
                "description": (
                    "Минимальная высота подхвата — всего 75 мм, поэтому домкрат легко подкатывается под "
                    "спорткары и заниженные седаны. Двухплунжерный насос быстрого подъёма выводит опору к "
                    "точке подхвата за несколько качков. Сварная рама из толстой стали оснащена клапаном "
                    "защиты от перегрузки и поворотными задними колёсами."
                ),
                "specs": [
                    ["Грузоподъёмность", "3000 кг"],
                    ["Мин. высота", "75 мм"],
                    ["Макс. высота подъёма", "500 мм"],
                    ["Масса", "36 кг"],
                    ["Сертификация", "CE"],
                ],
            },
            "ko": {
                "name": "3톤 로우 프로파일 플로어 잭",
                "description": (
                    "최저 높이가 75mm에 불과해 스포츠카와 차고가 낮은 세단 아래로도 쉽게 들어갑니다. 이중 펌"
                    "프 퀵리프트로 몇 번의 펌핑만으로 잭 포인트에 닿습니다. 두꺼운 강판 용접 프레임에 과부하 "
                    "방지 밸브와 회전형 뒷바퀴를 갖췄습니다."
                ),
                "specs": [
                    ["정격 하중", "3000 kg"],
                    ["최저 높이", "75 mm"],
                    ["최대 상승 높이", "500 mm"],
                    ["자체 중량", "36 kg"],
                    ["인증", "CE"],
                ],
            },
        },
    },
    {
        "sku": "HL-JK-5102",
        "merchant": "yingkou-hengli-garage-equipment",
        "category": "garage-tools",
        "hs_code": "8425421000",
        "customs_name": "液压千斤顶（变速箱顶）",
        "customs_unit": "001",
        "model": "HL-TJ05",
        "origin_city": "yingkou",
        "net_weight_g": 48000,
        "gross_weight_g": 55000,
        "price_fen": 98000,
        "tiers": [[10, 88000], [50, 79000]],
        "moq": 2,
        "stock": 260,
        "featured": False,
        "text": {
            "zh": {
                "name": "0.5吨液压变速箱千斤顶",
                "description": (
                    "配合举升机使用，用于拆装变速箱、分动器和后桥总成。托盘可前后左右倾斜，四只可调托爪配安全"
                    "链牢固固定总成。脚踏泵和快速下降阀操作轻便。"
                ),
                "specs": [
                    ["额定载荷", "500 kg"],
                    ["举升范围", "1120–1900 mm"],
                    ["托盘倾角", "前后 ±30°，左右 ±10°"],
                    ["自重", "48 kg"],
                ],
            },
            "en": {
                "name": "0.5-Ton Hydraulic Transmission Jack",
                "description": (
                    "Used under a vehicle lift to remove and install gearboxes, transfer cases and rear axle "
                    "assemblies. The saddle tilts forwards, backwards and sideways, and four adjustable "
                    "claws with a safety chain hold the unit securely. A foot pump and quick-release valve "
                    "make operation easy."
                ),
                "specs": [
                    ["Lifting capacity", "500 kg"],
                    ["Lifting range", "1120–1900 mm"],
                    ["Saddle tilt", "±30° fore/aft, ±10° sideways"],
                    ["Net weight", "48 kg"],
                ],
            },
            "ru": {
                "name": "Гидравлическая трансмиссионная стойка 0,5 т",
                "description": (
                    "Используется вместе с подъёмником для снятия и установки коробок передач, раздаточных "
                    "коробок и задних мостов. Опорная площадка наклоняется вперёд, назад и вбок, а четыре "
                    "регулируемых захвата и страховочная цепь надёжно фиксируют агрегат. Ножной насос и "
                    "клапан быстрого опускания облегчают работу."
                ),
                "specs": [
                    ["Грузоподъёмность", "500 кг"],
                    ["Диапазон подъёма", "1120–1900 мм"],
                    ["Наклон площадки", "±30° вперёд/назад, ±10° вбок"],
                    ["Масса", "48 кг"],
                ],
            },
            "ko": {
                "name": "0.5톤 유압 트랜스미션 잭",
                "description": (
                    "리프트와 함께 사용해 변속기, 트랜스퍼 케이스, 리어 액슬 어셈블리를 탈착합니다. 받침대는 "
                    "앞뒤·좌우로 기울일 수 있고, 조절식 고정 발톱 4개와 안전 체인으로 부품을 단단히 고정합니"
                    "다. 풋 펌프와 급하강 밸브로 조작이 간편합니다."
                ),
                "specs": [
                    ["정격 하중", "500 kg"],
                    ["상승 범위", "1120–1900 mm"],
                    ["받침대 경사각", "전후 ±30°, 좌우 ±10°"],
                    ["자체 중량", "48 kg"],
                ],
            },
        },
    },
]
