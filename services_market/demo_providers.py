"""Demo content (data only): the marketplace's service providers, in Chinese, Russian, Korean and English."""

from __future__ import annotations

#: Service providers. ``uscc17`` is completed with its check character by the seeder.
PROVIDERS: list[dict] = [
    {
        "slug": "dalian-hanyi-language",
        "uscc17": "91210200MA0QH3Y7K",
        "city": "dalian",
        "locale": "zh",
        "contact": ("刘晓雯", "+86 411 8456 2201"),
        "categories": ["translation"],
        "languages": ["zh", "ru", "ko", "en", "ja"],
        "regions": ["russia", "central-asia", "korea", "japan", "cee"],
        "name": {
            "zh": "大连瀚译语言服务有限公司",
            "en": "Dalian Hanyi Language Services Co., Ltd.",
            "ru": "Языковая компания «Ханьи» (Далянь)",
            "ko": "다롄 한이 언어서비스 유한회사",
        },
        "description": {
            "zh": "成立于2009年，拥有40余名俄语、韩语、英语和日语专职译员，专注工业品和食品的出口资料翻译，"
            "熟悉Ozon、Wildberries和Coupang的商品页规范。",
            "en": "Founded in 2009, with more than 40 in-house translators for Russian, Korean, English and "
            "Japanese. We specialise in export documentation for industrial goods and food, and know the "
            "listing "
            "rules of Ozon, Wildberries and Coupang.",
            "ru": "Работаем с 2009 года: более 40 штатных переводчиков русского, корейского, английского и "
            "японского "
            "языков. Специализируемся на экспортной документации для промышленных товаров и продуктов "
            "питания, "
            "знаем требования к карточкам товаров на Ozon, Wildberries и Coupang.",
            "ko": "2009년 설립, 러시아어·한국어·영어·일본어 전속 번역사 40여 명이 근무합니다. 산업재와 식품의"
            " 수출 문서 "
            "번역을 전문으로 하며 Ozon, Wildberries, 쿠팡의 상품 페이지 규정에 정통합니다.",
        },
    },
    {
        "slug": "dalian-beilian-ecommerce",
        "uscc17": "91210200MA0RB5N2W",
        "city": "dalian",
        "locale": "zh",
        "contact": ("王磊", "+86 411 8273 5590"),
        "categories": ["store-operations", "promotion", "data-analysis"],
        "languages": ["zh", "ru", "ko", "en"],
        "regions": ["russia", "korea", "central-asia"],
        "name": {
            "zh": "大连北联跨境电商运营有限公司",
            "en": "Dalian Beilian Cross-border E-commerce Operations Co., Ltd.",
            "ru": "«Бэйлянь» — ведение магазинов на зарубежных маркетплейсах (Далянь)",
            "ko": "다롄 베이롄 크로스보더 전자상거래 운영 유한회사",
        },
        "description": {
            "zh": "团队在俄罗斯和韩国电商平台运营中国品牌店铺已有八年，提供开店、日常运营、广告投放和数据分析"
            "服务，"
            "每月向客户提交中文运营报告。",
            "en": "For eight years our team has run Chinese brands' stores on Russian and Korean "
            "marketplaces. We set "
            "up stores, run them day to day, manage advertising and analyse sales data, with a monthly "
            "report in "
            "Chinese.",
            "ru": "Восемь лет наша команда ведёт магазины китайских брендов на российских и корейских "
            "маркетплейсах: "
            "открываем магазины, занимаемся их ежедневной работой, рекламой и анализом продаж, каждый месяц "
            "присылаем отчёт на китайском языке.",
            "ko": "저희 팀은 8년 동안 러시아와 한국 오픈마켓에서 중국 브랜드 스토어를 운영해 왔습니다. 스토어"
            " 개설, 일상 운영, "
            "광고 집행, 판매 데이터 분석을 제공하며 매월 중국어 운영 보고서를 드립니다.",
        },
    },
    {
        "slug": "yingkou-liaohai-certification",
        "uscc17": "91210800MA0T2C6P4",
        "city": "yingkou",
        "locale": "zh",
        "contact": ("张海峰", "+86 417 2835 1167"),
        "categories": ["certification"],
        "languages": ["zh", "ru", "en", "ko"],
        "regions": ["russia", "central-asia", "cee", "eu", "korea"],
        "name": {
            "zh": "营口辽海认证技术服务有限公司",
            "en": "Yingkou Liaohai Certification Services Co., Ltd.",
            "ru": "«Ляохай» — сертификационные услуги (Инкоу)",
            "ko": "잉커우 랴오하이 인증기술서비스 유한회사",
        },
        "description": {
            "zh": "与欧亚经济联盟、欧盟和韩国的认证机构长期合作，为汽保设备、镁质耐火材料、钢材和食品出口企业"
            "办理EAC、CE"
            "和KC认证，并协助准备技术文件。",
            "en": "We work with certification bodies in the Eurasian Economic Union, the EU and Korea, "
            "obtaining EAC, "
            "CE and KC certification for exporters of garage equipment, magnesia refractories, steel and "
            "food, and "
            "help prepare the technical documentation.",
            "ru": "Сотрудничаем с органами по сертификации ЕАЭС, ЕС и Кореи: оформляем сертификаты и "
            "декларации EAC, "
            "маркировку CE и сертификацию KC для экспортёров гаражного оборудования, магнезиальных "
            "огнеупоров, "
            "стали и продуктов питания, помогаем подготовить техническую документацию.",
            "ko": "유라시아경제연합, EU, 한국의 인증기관과 협력하여 정비 장비, 마그네시아 내화물, 철강, 식품 "
            "수출기업의 "
            "EAC·CE·KC 인증을 대행하고 기술 문서 작성을 지원합니다.",
        },
    },
    {
        "slug": "dalian-gangtong-logistics",
        "uscc17": "91210200MA0N8G4D1",
        "city": "dalian",
        "locale": "ru",
        "contact": ("Елена Ковалёва", "+86 411 8790 3346"),
        "categories": ["logistics", "customs"],
        "languages": ["zh", "ru", "en"],
        "regions": ["russia", "central-asia", "cee", "eu"],
        "name": {
            "zh": "大连港通国际物流有限公司",
            "en": "Dalian Gangtong International Logistics Co., Ltd.",
            "ru": "«Гантун» — международная логистика (Далянь)",
            "ko": "다롄 강퉁 국제물류 유한회사",
        },
        "description": {
            "zh": "总部位于大连港，经营中欧班列和海运拼箱业务，在莫斯科和新西伯利亚设有海外仓，同时具备报关企"
            "业资质，"
            "可办理9610跨境电商出口申报和出口退税资料。",
            "en": "Based at the port of Dalian, we run China–Europe rail and LCL sea freight and operate "
            "overseas "
            "warehouses in Moscow and Novosibirsk. As a licensed customs broker we also handle 9610 "
            "cross-border "
            "e-commerce export declarations and export tax rebate paperwork.",
            "ru": "Мы базируемся в порту Далянь, организуем железнодорожные перевозки Китай — Европа и "
            "морские "
            "сборные грузы, располагаем складами в Москве и Новосибирске. Как таможенный представитель "
            "оформляем "
            "экспорт по схеме 9610 для трансграничной электронной торговли и документы на возврат "
            "экспортного НДС.",
            "ko": "다롄항에 본사를 두고 중국-유럽 화물열차와 해상 LCL 운송을 운영하며, 모스크바와 노보시비르"
            "스크에 해외 "
            "창고를 두고 있습니다. 관세사 자격도 보유하여 9610 크로스보더 전자상거래 수출 신고와 수출 부가세 "
            "환급 "
            "서류를 처리합니다.",
        },
    },
    {
        "slug": "liaoning-xinbaotong-risk",
        "uscc17": "91210200MA0U7J9E3",
        "city": "dalian",
        "locale": "zh",
        "contact": ("陈静", "+86 411 8366 7012"),
        "categories": ["credit-security", "finance-insurance"],
        "languages": ["zh", "en", "ru"],
        "regions": ["russia", "central-asia", "mongolia", "cee"],
        "name": {
            "zh": "辽宁信保通风险管理咨询有限公司",
            "en": "Liaoning Xinbaotong Risk Advisory Co., Ltd.",
            "ru": "«Синьбаотун» — управление рисками (Ляонин)",
            "ko": "랴오닝 신바오퉁 리스크관리 컨설팅 유한회사",
        },
        "description": {
            "zh": "为出口企业提供海外买家资信调查、出口信用保险投保和应收账款融资服务，与多家保险公司和银行合"
            "作，"
            "帮助中小企业在赊销时控制风险。",
            "en": "We provide credit checks on overseas buyers, export credit insurance and receivables "
            "financing for "
            "exporters, working with several insurers and banks to help small firms sell on open account "
            "without "
            "taking blind risks.",
            "ru": "Проверяем кредитоспособность зарубежных покупателей, оформляем страхование экспортных "
            "кредитов и "
            "финансирование под дебиторскую задолженность. Работаем с несколькими страховыми компаниями и "
            "банками "
            "и помогаем малым предприятиям продавать с отсрочкой платежа, не теряя контроля над рисками.",
            "ko": "수출기업을 위해 해외 바이어 신용 조사, 수출 신용보험 가입, 매출채권 금융을 제공합니다. 여"
            "러 보험사·은행과 "
            "협력하여 중소기업이 외상 거래를 하면서도 위험을 관리할 수 있도록 돕습니다.",
        },
    },
    {
        "slug": "dalian-haizheng-ip",
        "uscc17": "91210200MA0W1K5M8",
        "city": "dalian",
        "locale": "en",
        "contact": ("赵明远", "+86 411 8495 2038"),
        "categories": ["legal-ip"],
        "languages": ["zh", "en", "ru", "ko"],
        "regions": ["russia", "korea", "mongolia", "eu"],
        "name": {
            "zh": "大连海正知识产权代理有限公司",
            "en": "Dalian Haizheng IP Agency Co., Ltd.",
            "ru": "«Хайчжэн» — патентно-правовое агентство (Далянь)",
            "ko": "다롄 하이정 지식재산 대리 유한회사",
        },
        "description": {
            "zh": "由执业律师和专利代理师组成，办理俄罗斯、韩国、蒙古和欧盟的商标注册，审查外贸合同，处理跨境"
            "电商平台上的"
            "侵权投诉。",
            "en": "A team of practising lawyers and patent attorneys. We register trademarks in Russia, "
            "Korea, "
            "Mongolia and the EU, review foreign-trade contracts and handle infringement complaints on "
            "cross-border "
            "marketplaces.",
            "ru": "Команда практикующих юристов и патентных поверенных. Регистрируем товарные знаки в "
            "России, Корее, "
            "Монголии и ЕС, проверяем внешнеторговые контракты, работаем с жалобами о нарушении прав на "
            "трансграничных маркетплейсах.",
            "ko": "변호사와 변리사로 구성된 팀입니다. 러시아, 한국, 몽골, EU의 상표 등록, 무역 계약서 검토, "
            "크로스보더 "
            "오픈마켓의 침해 신고 대응을 제공합니다.",
        },
    },
    {
        "slug": "dandong-yalu-crossborder",
        "uscc17": "91210600MA0X4L2R6",
        "city": "dandong",
        "locale": "ko",
        "contact": ("김민지", "+86 415 3128 6640"),
        "categories": ["transaction-support", "promotion"],
        "languages": ["zh", "ko", "en", "mn"],
        "regions": ["korea", "mongolia"],
        "name": {
            "zh": "丹东鸭绿江跨境服务有限公司",
            "en": "Dandong Yalu River Cross-border Services Co., Ltd.",
            "ru": "«Ялуцзян» — услуги для трансграничной торговли (Даньдун)",
            "ko": "단둥 압록강 크로스보더 서비스 유한회사",
        },
        "description": {
            "zh": "立足丹东，服务对韩国和蒙古的跨境贸易：开立跨境收款账户、办理结汇，并为食品和农产品企业提供"
            "韩语直播带货和"
            "社交媒体推广。",
            "en": "Based in Dandong and focused on trade with Korea and Mongolia: we open cross-border "
            "collection "
            "accounts, handle foreign-exchange settlement, and run Korean live-stream selling and social "
            "media "
            "promotion for food and farm producers.",
            "ru": "Работаем в Даньдуне и специализируемся на торговле с Кореей и Монголией: открываем счета "
            "для приёма "
            "трансграничных платежей, проводим конвертацию выручки, организуем прямые эфиры с продажами на "
            "корейском языке и продвижение в соцсетях для производителей продуктов питания и "
            "сельхозпродукции.",
            "ko": "단둥을 기반으로 한국·몽골과의 무역을 지원합니다. 크로스보더 대금 수취 계좌 개설과 환전을 "
            "처리하고, 식품·"
            "농산물 기업을 위한 한국어 라이브 커머스와 SNS 홍보를 진행합니다.",
        },
    },
]
