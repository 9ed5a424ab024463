"""Demo content (data only): service packages in every category, with tiers, in zh, ru, ko and en.

Each package: ``key`` (stable), ``provider`` (slug), ``category``, ``languages`` it is delivered in, ``text``
{lang: (title, description)} and ``tiers`` [(level, price in fen, delivery days, revisions, deliverables)].
"""

from __future__ import annotations

from services_market.demo_deliverables import D, competitors, fulfil, listed, products, rail

PACKAGES: list[dict] = [
    {
        "key": "ru-catalogue-translation",
        "provider": "dalian-hanyi-language",
        "category": "translation",
        "languages": ["zh", "ru"],
        "text": {
            "zh": (
                "产品目录俄语翻译（母语审校）",
                "将您的产品目录、详情页和规格参数从中文译成俄语，由俄语母语编辑审校，保持行业术语前后一致。适合准备入驻Ozon、"
                "Wildberries，或向俄罗斯、哈萨克斯坦批发客户报价的企业。",
            ),
            "ru": (
                "Перевод каталога продукции на русский язык с вычиткой носителем",
                "Переводим каталог, карточки товаров и технические характеристики с китайского на русский; "
                "каждый "
                "текст вычитывает редактор — носитель языка, отраслевая терминология остаётся единообразной. "
                "Подходит компаниям, которые выходят на Ozon или Wildberries или готовят предложения оптовым "
                "покупателям в России и Казахстане.",
            ),
            "ko": (
                "제품 카탈로그 러시아어 번역(원어민 감수)",
                "제품 카탈로그, 상세 페이지, 사양표를 중국어에서 러시아어로 번역하고, 러시아어 원어민 편집자"
                "가 모든 문장을 "
                "감수하여 업계 용어를 일관되게 유지합니다. Ozon·Wildberries 입점을 준비하거나 러시아·카자흐스"
                "탄 도매 "
                "바이어에게 견적을 내는 기업에 적합합니다.",
            ),
            "en": (
                "Product catalogue translation into Russian, proofread by a native speaker",
                "We translate your catalogue, product pages and specifications from Chinese into Russian; a "
                "native "
                "Russian editor proofreads every text and keeps the industry terms consistent. For companies "
                "preparing to sell on Ozon or Wildberries, or quoting to wholesale buyers in Russia and "
                "Kazakhstan.",
            ),
        },
        "tiers": [
            ("basic", 80000, 5, 1, [products(20), D["native"], D["files"]]),
            ("standard", 180000, 7, 2, [products(60), D["native"], D["glossary"], D["files"]]),
            ("premium", 380000, 12, 3, [products(150), D["native"], D["glossary"], D["seo_ru"], D["files"]]),
        ],
    },
    {
        "key": "ko-listing-localisation",
        "provider": "dalian-hanyi-language",
        "category": "translation",
        "languages": ["zh", "ko"],
        "text": {
            "zh": (
                "韩国电商商品页韩语本地化",
                "不只是翻译：我们按照Coupang、Naver智能商店和11街的页面习惯改写标题、卖点和详情页文字，并检查尺码、单位和"
                "认证信息的表述是否符合韩国消费者的阅读习惯。",
            ),
            "ru": (
                "Локализация карточек товаров на корейский язык для маркетплейсов Кореи",
                "Это не просто перевод: мы переписываем названия, преимущества и описания товаров так, как "
                "принято "
                "на Coupang, Naver Smart Store и 11st, и проверяем, чтобы размеры, единицы измерения и "
                "сведения о "
                "сертификации были понятны корейским покупателям.",
            ),
            "ko": (
                "한국 온라인몰 상품 페이지 한국어 현지화",
                "단순 번역이 아닙니다. 쿠팡, 네이버 스마트스토어, 11번가의 관행에 맞게 상품명, 셀링 포인트, "
                "상세 페이지 "
                "문구를 다시 쓰고, 사이즈·단위·인증 정보가 한국 소비자에게 자연스럽게 읽히는지 점검합니다.",
            ),
            "en": (
                "Korean localisation of product pages for Korean marketplaces",
                "More than translation: we rewrite titles, selling points and page copy the way Coupang, "
                "Naver "
                "Smart Store and 11st shoppers expect, and check that sizes, units and certification details "
                "read "
                "naturally to Korean buyers.",
            ),
        },
        "tiers": [
            ("basic", 60000, 4, 1, [products(10), D["native"], D["files"]]),
            ("standard", 150000, 7, 2, [products(40), D["native"], D["keywords_ko"], D["files"]]),
        ],
    },
    {
        "key": "three-language-pack",
        "provider": "dalian-hanyi-language",
        "category": "translation",
        "languages": ["zh", "ru", "ko", "en"],
        "text": {
            "zh": (
                "俄、韩、英三语详情页套餐",
                "一次提交，三种语言同时交付。适合在Kuajing平台上架新品的企业：我们按平台的字段格式交付名称、描述和规格，"
                "可通过表格一次导入。",
            ),
            "ru": (
                "Пакет карточек товаров на трёх языках: русском, корейском и английском",
                "Один заказ — три языка сразу. Для компаний, которые размещают новые товары на Kuajing: "
                "названия, "
                "описания и характеристики передаём в формате полей платформы, готовыми к загрузке одной "
                "таблицей.",
            ),
            "ko": (
                "러시아어·한국어·영어 3개 국어 상세 페이지 패키지",
                "한 번 의뢰로 세 개 언어를 함께 받으세요. Kuajing에 신제품을 등록하는 기업을 위해 제품명·설명"
                "·사양을 "
                "플랫폼 필드 형식에 맞춰 제공하므로 스프레드시트 한 번으로 가져올 수 있습니다.",
            ),
            "en": (
                "Three-language product page pack: Russian, Korean and English",
                "Submit once and receive all three languages together. Made for companies listing new "
                "products on "
                "Kuajing: we deliver names, descriptions and specifications in the platform's own field "
                "format, "
                "ready for a single spreadsheet import.",
            ),
        },
        "tiers": [
            ("basic", 150000, 7, 1, [products(10), D["kuajing_sheet"]]),
            ("standard", 320000, 10, 2, [products(30), D["kuajing_sheet"], D["native"]]),
            ("premium", 600000, 15, 2, [products(80), D["kuajing_sheet"], D["native"], D["glossary"]]),
        ],
    },
    {
        "key": "ozon-wb-store",
        "provider": "dalian-beilian-ecommerce",
        "category": "store-operations",
        "languages": ["zh", "ru"],
        "text": {
            "zh": (
                "Ozon / Wildberries 店铺开设与代运营",
                "我们为您完成卖家注册、店铺资料和商品上架，并负责日常订单处理、价格调整和买家问答。标准版和高级版包含一个月的"
                "代运营。",
            ),
            "ru": (
                "Открытие и ведение магазина на Ozon и Wildberries",
                "Регистрируем вас как продавца, оформляем профиль магазина и размещаем товары, затем "
                "ежедневно "
                "обрабатываем заказы, обновляем цены и отвечаем на вопросы покупателей. Тарифы «Стандарт» и "
                "«Премиум» включают месяц ведения магазина.",
            ),
            "ko": (
                "Ozon·Wildberries 스토어 개설 및 위탁 운영",
                "판매자 등록, 스토어 프로필 작성, 상품 등록을 대행하고, 이후 일상 주문 처리, 가격 조정, 구매"
                "자 문의 응대를 "
                "맡습니다. 스탠다드와 프리미엄 티어에는 한 달간의 스토어 운영이 포함됩니다.",
            ),
            "en": (
                "Ozon and Wildberries store setup and management",
                "We register you as a seller, complete the store profile and list your products, then handle "
                "daily "
                "orders, price updates and buyer questions. The standard and premium tiers include one month "
                "of "
                "store management.",
            ),
        },
        "tiers": [
            ("basic", 300000, 10, 1, [D["seller_reg"], listed(30)]),
            ("standard", 800000, 30, 2, [D["seller_reg"], listed(100), D["month_ops"]]),
            ("premium", 1500000, 30, 3, [D["seller_reg"], listed(300), D["month_ops"], D["monthly_report"]]),
        ],
    },
    {
        "key": "yandex-vk-ads",
        "provider": "dalian-beilian-ecommerce",
        "category": "promotion",
        "languages": ["zh", "ru"],
        "text": {
            "zh": (
                "Yandex与VK广告投放（俄罗斯市场）",
                "为您的品牌或平台店铺撰写俄语广告文案并制作素材，在Yandex搜索、Yandex广告网络和VK社交网络投放，并按周优化"
                "出价。广告费由您直接支付给平台，不包含在服务价格中。",
            ),
            "ru": (
                "Реклама в Яндексе и VK для российского рынка",
                "Пишем рекламные тексты на русском языке и готовим креативы для вашего бренда или магазина "
                "на "
                "маркетплейсе, запускаем их в поиске Яндекса, Рекламной сети Яндекса и VK, еженедельно "
                "оптимизируем "
                "ставки. Рекламный бюджет вы оплачиваете площадкам напрямую, в стоимость услуги он не "
                "входит.",
            ),
            "ko": (
                "러시아 시장용 얀덱스·VK 광고 집행",
                "브랜드 또는 오픈마켓 스토어를 위한 러시아어 광고 문구와 소재를 제작하여 얀덱스 검색, 얀덱스 "
                "광고 네트워크, "
                "VK에 집행하고 매주 입찰가를 최적화합니다. 광고비는 고객이 플랫폼에 직접 지불하며 서비스 가격"
                "에 포함되지 "
                "않습니다.",
            ),
            "en": (
                "Yandex and VK advertising for the Russian market",
                "We write Russian ad copy and prepare creatives for your brand or marketplace store, run "
                "them on "
                "Yandex search, the Yandex ad network and VK, and optimise bids every week. Ad spend is paid "
                "by you "
                "directly to the platforms and is not included in the price.",
            ),
        },
        "tiers": [
            ("basic", 250000, 7, 1, [D["ad_setup"], D["ad_copy"]]),
            ("standard", 600000, 30, 2, [D["ad_setup"], D["ad_copy"], D["weekly_opt"], D["ads_report"]]),
        ],
    },
    {
        "key": "korea-market-analysis",
        "provider": "dalian-beilian-ecommerce",
        "category": "data-analysis",
        "languages": ["zh", "ko"],
        "text": {
            "zh": (
                "韩国市场品类与竞品数据分析",
                "基于Coupang和Naver购物的公开数据，分析您所在品类的价格区间、热销款式、评价关键词和主要竞争对手，给出进入"
                "韩国市场的定价和选品建议。",
            ),
            "ru": (
                "Анализ категории и конкурентов на рынке Кореи",
                "На основе открытых данных Coupang и Naver Shopping анализируем ценовые диапазоны, самые "
                "продаваемые "
                "модели, ключевые слова в отзывах и основных конкурентов в вашей категории и даём "
                "рекомендации по "
                "ценам и ассортименту для выхода на корейский рынок.",
            ),
            "ko": (
                "한국 시장 카테고리·경쟁사 데이터 분석",
                "쿠팡과 네이버쇼핑의 공개 데이터를 바탕으로 해당 카테고리의 가격대, 인기 모델, 리뷰 키워드, "
                "주요 경쟁사를 "
                "분석하고, 한국 시장 진출을 위한 가격과 상품 구성을 제안합니다.",
            ),
            "en": (
                "Korean market category and competitor analysis",
                "Using public data from Coupang and Naver Shopping, we analyse price ranges, best-selling "
                "models, "
                "review keywords and the main competitors in your category, and recommend prices and a "
                "product "
                "range for entering Korea.",
            ),
        },
        "tiers": [
            ("basic", 200000, 7, 1, [D["cat_report"]]),
            ("standard", 450000, 10, 2, [D["cat_report"], competitors(10), D["pricing_advice"]]),
            (
                "premium",
                900000,
                15,
                2,
                [D["cat_report"], competitors(20), D["pricing_advice"], D["review_keywords"]],
            ),
        ],
    },
    {
        "key": "eac-certification",
        "provider": "yingkou-liaohai-certification",
        "category": "certification",
        "languages": ["zh", "ru", "en"],
        "text": {
            "zh": (
                "欧亚经济联盟EAC认证（俄罗斯、哈萨克斯坦等）",
                "根据产品适用的技术法规（如TR CU 010机械安全、TR CU 004低压设备）确定办理合格声明还是合格证书"
                "，准备俄语"
                "技术文件，安排检测并取得文件。证书在俄罗斯、白俄罗斯、哈萨克斯坦、吉尔吉斯斯坦和亚美尼亚通用。",
            ),
            "ru": (
                "Сертификация EAC для ЕАЭС (Россия, Казахстан и другие страны)",
                "Определяем, какие технические регламенты распространяются на ваш товар (например, ТР ТС 010 "
                "о "
                "безопасности машин или ТР ТС 004 о низковольтном оборудовании), выбираем между декларацией "
                "и "
                "сертификатом соответствия, готовим техническую документацию на русском языке, организуем "
                "испытания "
                "и получаем документ. Он действует в России, Беларуси, Казахстане, Киргизии и Армении.",
            ),
            "ko": (
                "유라시아경제연합 EAC 인증(러시아·카자흐스탄 등)",
                "제품에 적용되는 기술 규정(예: 기계 안전 TR CU 010, 저전압 장비 TR CU 004)을 확인하고, 적합성"
                " 선언과 "
                "적합성 인증서 중 필요한 것을 판단한 뒤 러시아어 기술 문서를 준비하고 시험을 진행하여 문서를 "
                "취득합니다. "
                "러시아, 벨라루스, 카자흐스탄, 키르기스스탄, 아르메니아에서 통용됩니다.",
            ),
            "en": (
                "EAC certification for the Eurasian Economic Union (Russia, Kazakhstan and others)",
                "We identify the technical regulations that apply to your product (for example TR CU 010 on "
                "machinery or TR CU 004 on low-voltage equipment), decide whether a declaration or a "
                "certificate of "
                "conformity is needed, prepare the Russian technical file, arrange testing and obtain the "
                "document. "
                "It is valid in Russia, Belarus, Kazakhstan, Kyrgyzstan and Armenia.",
            ),
        },
        "tiers": [
            ("basic", 350000, 15, 0, [D["reg_check"], D["eac_declaration"]]),
            ("standard", 900000, 30, 1, [D["reg_check"], D["eac_certificate"], D["tech_file_ru"]]),
            (
                "premium",
                1800000,
                45,
                2,
                [D["reg_check"], D["eac_certificate"], D["tech_file_ru"], D["eac_marking"]],
            ),
        ],
    },
    {
        "key": "ce-machinery",
        "provider": "yingkou-liaohai-certification",
        "category": "certification",
        "languages": ["zh", "en"],
        "text": {
            "zh": (
                "机械设备CE认证与技术文件",
                "适用于举升机、轮胎拆装机、平衡机等汽保设备。我们依据欧盟机械指令2006/42/EC及相关协调标准完成风险评估，"
                "编写技术文件和欧盟符合性声明，需要公告机构参与时协助联络。",
            ),
            "ru": (
                "Маркировка CE и техническое досье для оборудования",
                "Для автомобильных подъёмников, шиномонтажных и балансировочных станков и другого гаражного "
                "оборудования. Проводим оценку рисков по Директиве ЕС о машинах 2006/42/EC и "
                "гармонизированным "
                "стандартам, составляем техническое досье и декларацию соответствия ЕС, при необходимости "
                "взаимодействуем с нотифицированным органом.",
            ),
            "ko": (
                "기계 설비 CE 인증 및 기술 문서",
                "차량 리프트, 타이어 탈착기, 휠 밸런서 등 정비 장비에 적용됩니다. EU 기계 지침 2006/42/EC와 "
                "관련 조화 "
                "규격에 따라 위험성 평가를 수행하고 기술 문서와 EU 적합성 선언서를 작성하며, 인증기관"
                "(Notified Body)이 "
                "필요한 경우 연락을 지원합니다.",
            ),
            "en": (
                "CE marking and technical file for machinery",
                "For car lifts, tyre changers, wheel balancers and other garage equipment. We carry out the "
                "risk "
                "assessment under the Machinery Directive 2006/42/EC and the harmonised standards, write the "
                "technical file and the EU declaration of conformity, and liaise with a notified body when "
                "one is "
                "required.",
            ),
        },
        "tiers": [
            ("basic", 600000, 20, 1, [D["risk_assessment"], D["doc_ce"]]),
            (
                "standard",
                1200000,
                35,
                2,
                [D["risk_assessment"], D["tech_file_en"], D["doc_ce"], D["test_report"]],
            ),
        ],
    },
    {
        "key": "kc-certification",
        "provider": "yingkou-liaohai-certification",
        "category": "certification",
        "languages": ["zh", "ko"],
        "text": {
            "zh": (
                "韩国KC认证代办",
                "韩国对电器、儿童用品和部分生活用品实行KC认证。我们确认产品类别和认证方式，准备韩文申请资料，安排韩国指定"
                "机构检测，并指导KC标识的使用。",
            ),
            "ru": (
                "Оформление сертификации KC для Кореи",
                "В Корее сертификация KC обязательна для электротоваров, детских товаров и части товаров для "
                "дома. "
                "Определяем класс товара и схему сертификации, готовим заявку на корейском языке, организуем "
                "испытания в аккредитованной корейской лаборатории и консультируем по нанесению знака KC.",
            ),
            "ko": (
                "한국 KC 인증 대행",
                "한국은 전기용품, 어린이제품, 일부 생활용품에 KC 인증을 요구합니다. 제품 분류와 인증 방식을 "
                "확인하고 한국어 "
                "신청 서류를 준비하며, 지정 시험기관의 시험을 주선하고 KC 마크 표시 방법을 안내합니다.",
            ),
            "en": (
                "KC certification for Korea",
                "Korea requires KC certification for electrical products, children's products and some "
                "household "
                "goods. We confirm the product class and the certification route, prepare the application in "
                "Korean, arrange testing at a designated Korean laboratory and advise on using the KC mark.",
            ),
        },
        "tiers": [
            ("basic", 500000, 25, 1, [D["kc_route"], D["kc_application"]]),
            (
                "standard",
                1100000,
                40,
                2,
                [D["kc_route"], D["kc_application"], D["kc_testing"], D["kc_label"]],
            ),
        ],
    },
    {
        "key": "moscow-warehouse",
        "provider": "dalian-gangtong-logistics",
        "category": "logistics",
        "languages": ["zh", "ru"],
        "text": {
            "zh": (
                "莫斯科海外仓：铁路头程 + 仓储 + 一件代发",
                "货物在大连集货后经中欧班列运至莫斯科仓库，约18天到仓。入仓后我们负责上架和库存管理，并通过俄罗斯邮政或"
                "CDEK发出买家订单，或送至Ozon、Wildberries仓库。价格包含头程运费和一个月仓储。",
            ),
            "ru": (
                "Склад в Москве: доставка по железной дороге, хранение и отправка заказов",
                "Груз консолидируется в Даляне и идёт поездом Китай — Европа на наш склад в Москве примерно "
                "18 дней. "
                "Далее мы размещаем товар, ведём учёт остатков и отправляем заказы покупателей Почтой России "
                "или "
                "СДЭК либо поставляем на склады Ozon и Wildberries. В цену входят доставка и месяц хранения.",
            ),
            "ko": (
                "모스크바 해외 창고: 철도 1차 운송 + 보관 + 주문 발송",
                "다롄에서 화물을 모아 중국-유럽 화물열차로 약 18일 만에 모스크바 창고에 입고합니다. 입고 후 "
                "진열과 재고 "
                "관리를 맡고, 구매자 주문을 러시아 우체국이나 CDEK로 발송하거나 Ozon·Wildberries 창고로 납품"
                "합니다. "
                "가격에는 1차 운송비와 1개월 보관료가 포함됩니다.",
            ),
            "en": (
                "Moscow overseas warehouse: rail first leg, storage and order fulfilment",
                "Goods are consolidated in Dalian and travel by China–Europe rail to our Moscow warehouse in "
                "about "
                "18 days. We then shelve them, manage stock and ship buyers' orders by Russian Post or CDEK, "
                "or "
                "deliver to Ozon and Wildberries warehouses. The price covers the first leg and one month of "
                "storage.",
            ),
        },
        "tiers": [
            ("basic", 280000, 25, 0, [rail(1), D["storage_month"]]),
            ("standard", 520000, 25, 0, [rail(2), D["storage_month"], fulfil(200)]),
            ("premium", 980000, 25, 0, [rail(4), D["storage_month"], fulfil(500), D["marketplace_delivery"]]),
        ],
    },
    {
        "key": "customs-9610-rebate",
        "provider": "dalian-gangtong-logistics",
        "category": "customs",
        "languages": ["zh", "en", "ru"],
        "text": {
            "zh": (
                "9610跨境电商出口申报与退税资料整理",
                "按“清单核放、汇总申报”模式为您的跨境电商零售出口办理申报，核对商品编码和申报要素，每月汇总申报后整理出口"
                "退税和结汇所需的单证。",
            ),
            "ru": (
                "Таможенное оформление экспорта по схеме 9610 и документы для возврата НДС",
                "Оформляем ваш розничный трансграничный экспорт по схеме «выпуск по перечню, сводная "
                "декларация», "
                "проверяем коды ТН ВЭД и элементы декларирования, а после ежемесячной сводной декларации "
                "собираем "
                "документы для возврата НДС и валютного контроля.",
            ),
            "ko": (
                "9610 크로스보더 전자상거래 수출 신고 및 환급 서류 정리",
                "‘목록 통관·통합 신고’ 방식으로 크로스보더 소매 수출을 신고하고 HS 코드와 신고 요소를 점검하"
                "며, 매월 "
                "통합 신고 후 부가세 환급과 외환 결제에 필요한 서류를 정리합니다.",
            ),
            "en": (
                "9610 cross-border e-commerce export declaration and tax rebate paperwork",
                "We declare your cross-border retail exports under the “release per list, summary "
                "declaration” "
                "model, check HS codes and declaration elements, and after each monthly summary declaration "
                "assemble the documents you need for the VAT rebate and foreign-exchange settlement.",
            ),
        },
        "tiers": [
            ("basic", 120000, 5, 0, [D["hs_check"]]),
            ("standard", 300000, 30, 1, [D["hs_check"], D["monthly_declaration"], D["rebate_docs"]]),
        ],
    },
    {
        "key": "buyer-credit-report",
        "provider": "liaoning-xinbaotong-risk",
        "category": "credit-security",
        "languages": ["zh", "en", "ru"],
        "text": {
            "zh": (
                "海外买家资信调查报告",
                "在发货或赊销之前了解您的买家：注册信息、股东、经营年限、诉讼和破产记录、财务概况以及建议信用额度。覆盖俄罗斯、"
                "哈萨克斯坦、蒙古和中东欧国家。",
            ),
            "ru": (
                "Отчёт о кредитоспособности зарубежного покупателя",
                "Узнайте о покупателе всё до отгрузки или предоставления отсрочки: регистрационные данные, "
                "учредители, срок работы, судебные дела и сведения о банкротстве, финансовые показатели и "
                "рекомендуемый кредитный лимит. Россия, Казахстан, Монголия, страны Центральной и Восточной "
                "Европы.",
            ),
            "ko": (
                "해외 바이어 신용 조사 보고서",
                "선적이나 외상 거래 전에 바이어를 확인하세요. 등기 정보, 주주, 업력, 소송·파산 기록, 재무 요"
                "약, 권장 신용 "
                "한도를 제공합니다. 러시아, 카자흐스탄, 몽골, 중동부 유럽 국가를 대상으로 합니다.",
            ),
            "en": (
                "Overseas buyer credit report",
                "Know your buyer before you ship or grant credit: registration data, shareholders, years in "
                "business, litigation and insolvency records, financial summary and a recommended credit "
                "limit. "
                "Covers Russia, Kazakhstan, Mongolia and Central and Eastern Europe.",
            ),
        },
        "tiers": [
            ("basic", 60000, 5, 0, [D["credit_basic"]]),
            ("standard", 120000, 7, 0, [D["credit_full"], D["credit_limit"]]),
            ("premium", 300000, 10, 1, [D["credit_full"], D["credit_limit"], D["monitoring_year"]]),
        ],
    },
    {
        "key": "export-credit-insurance",
        "provider": "liaoning-xinbaotong-risk",
        "category": "finance-insurance",
        "languages": ["zh", "en"],
        "text": {
            "zh": (
                "出口信用保险投保与应收账款融资申请",
                "我们评估您的出口业务和买家结构，比较保险方案，协助填写投保材料；保单生效后，协助您以保单项下的应收账款向"
                "合作银行申请融资。",
            ),
            "ru": (
                "Страхование экспортных кредитов и финансирование под дебиторскую задолженность",
                "Анализируем ваш экспорт и структуру покупателей, сравниваем страховые предложения и "
                "помогаем "
                "заполнить заявку; после вступления полиса в силу помогаем получить в банках-партнёрах "
                "финансирование под застрахованную дебиторскую задолженность.",
            ),
            "ko": (
                "수출 신용보험 가입 및 매출채권 금융 신청",
                "수출 업무와 바이어 구성을 검토하고 보험 조건을 비교하며 가입 서류 작성을 지원합니다. 보험 효"
                "력 발생 후에는 "
                "보험이 적용된 매출채권을 근거로 협력 은행에 금융을 신청하도록 돕습니다.",
            ),
            "en": (
                "Export credit insurance and receivables financing application",
                "We review your export business and buyer mix, compare insurance offers and help you "
                "complete the "
                "application; once the policy is in force, we help you apply to partner banks for financing "
                "against the insured receivables.",
            ),
        },
        "tiers": [
            ("basic", 200000, 10, 1, [D["insurance_compare"], D["insurance_application"]]),
            (
                "standard",
                500000,
                30,
                1,
                [D["insurance_compare"], D["insurance_application"], D["financing_application"]],
            ),
        ],
    },
    {
        "key": "trademark-russia",
        "provider": "dalian-haizheng-ip",
        "category": "legal-ip",
        "languages": ["zh", "ru", "en"],
        "text": {
            "zh": (
                "俄罗斯商标注册（Rospatent）",
                "在Ozon和Wildberries开设品牌店通常需要俄罗斯商标。我们进行近似查询，确定尼斯分类，提交申请并答复审查意见，"
                "直至取得注册证书。官费已包含在价格中。",
            ),
            "ru": (
                "Регистрация товарного знака в России (Роспатент)",
                "Для открытия брендового магазина на Ozon и Wildberries обычно нужен товарный знак, "
                "зарегистрированный в России. Проводим поиск по сходным обозначениям, подбираем классы МКТУ, "
                "подаём "
                "заявку и отвечаем на запросы экспертизы до выдачи свидетельства. Пошлины включены в "
                "стоимость.",
            ),
            "ko": (
                "러시아 상표 등록(로스파텐트)",
                "Ozon·Wildberries에 브랜드 스토어를 열려면 보통 러시아 상표가 필요합니다. 유사 상표 조사, 니"
                "스 분류 선정, "
                "출원, 심사 의견 대응을 거쳐 등록증 발급까지 진행합니다. 관납료는 가격에 포함되어 있습니다.",
            ),
            "en": (
                "Trademark registration in Russia (Rospatent)",
                "A Russian trademark is usually needed to open a brand store on Ozon or Wildberries. We run "
                "a "
                "clearance search, choose the Nice classes, file the application and answer office actions "
                "until "
                "the registration certificate is issued. Official fees are included in the price.",
            ),
        },
        "tiers": [
            ("basic", 150000, 5, 0, [D["tm_search"]]),
            ("standard", 680000, 30, 1, [D["tm_search"], D["tm_filing_1"]]),
            ("premium", 1200000, 30, 2, [D["tm_search"], D["tm_filing_3"], D["tm_office_actions"]]),
        ],
    },
    {
        "key": "contract-review",
        "provider": "dalian-haizheng-ip",
        "category": "legal-ip",
        "languages": ["zh", "en", "ru", "ko"],
        "text": {
            "zh": (
                "外贸合同审查（中、英、俄、韩文）",
                "审查您与海外买家、经销商或物流商的合同，指出付款、交货条件、质量索赔、争议解决和适用法律方面的风险，并给出"
                "修改建议和双语修订稿。",
            ),
            "ru": (
                "Проверка внешнеторгового контракта (на китайском, английском, русском или корейском)",
                "Проверяем ваш контракт с зарубежным покупателем, дистрибьютором или логистической "
                "компанией, "
                "указываем риски в условиях оплаты и поставки, претензиях по качеству, порядке разрешения "
                "споров и "
                "применимом праве, предлагаем правки и готовим двуязычную редакцию.",
            ),
            "ko": (
                "무역 계약서 검토(중·영·러·한)",
                "해외 바이어, 대리점, 물류사와의 계약서를 검토하여 결제 조건, 인도 조건, 품질 클레임, 분쟁 해"
                "결, 준거법에 "
                "관한 위험을 짚어 드리고, 수정 제안과 2개 국어 수정본을 제공합니다.",
            ),
            "en": (
                "Foreign-trade contract review (Chinese, English, Russian, Korean)",
                "We review your contract with an overseas buyer, distributor or logistics company, point out "
                "the "
                "risks in payment terms, delivery terms, quality claims, dispute resolution and governing "
                "law, "
                "and return recommended changes with a bilingual marked-up version.",
            ),
        },
        "tiers": [
            ("basic", 100000, 3, 1, [D["contract_10p"], D["risk_memo"]]),
            ("standard", 250000, 5, 2, [D["contract_30p"], D["risk_memo"], D["bilingual_markup"]]),
        ],
    },
    {
        "key": "collection-account-fx",
        "provider": "dandong-yalu-crossborder",
        "category": "transaction-support",
        "languages": ["zh", "ko", "en"],
        "text": {
            "zh": (
                "跨境收款账户开立与结汇方案",
                "帮助您开立可接收美元、欧元、韩元和卢布的跨境收款账户，绑定电商平台，设计合规的结汇流程，确保收款与9610申报"
                "数据一致，便于办理出口退税。",
            ),
            "ru": (
                "Открытие счёта для трансграничных платежей и схема конвертации выручки",
                "Поможем открыть счёт для приёма платежей в долларах, евро, вонах и рублях, подключить его к "
                "маркетплейсам и выстроить законную схему конвертации выручки, чтобы поступления совпадали с "
                "данными деклараций 9610 и возврат экспортного НДС проходил без задержек.",
            ),
            "ko": (
                "크로스보더 대금 수취 계좌 개설 및 환전 방안",
                "달러, 유로, 원화, 루블을 받을 수 있는 크로스보더 대금 수취 계좌 개설과 오픈마켓 연동을 지원"
                "하고, 규정에 "
                "맞는 환전 절차를 설계하여 입금 내역이 9610 신고 데이터와 일치하도록 해 수출 환급이 원활하게 "
                "이루어지게 "
                "합니다.",
            ),
            "en": (
                "Cross-border collection account and FX settlement setup",
                "We help you open a cross-border collection account that receives USD, EUR, KRW and RUB, "
                "connect "
                "it to your marketplaces and design a compliant FX settlement flow, keeping receipts "
                "consistent "
                "with your 9610 declarations so that the export rebate goes smoothly.",
            ),
        },
        "tiers": [
            ("basic", 80000, 7, 0, [D["account_opening"]]),
            ("standard", 200000, 10, 1, [D["account_opening"], D["marketplace_binding"], D["fx_flow"]]),
        ],
    },
    {
        "key": "korean-live-commerce",
        "provider": "dandong-yalu-crossborder",
        "category": "promotion",
        "languages": ["zh", "ko"],
        "text": {
            "zh": (
                "韩语直播带货（草莓、人参、海参等农食产品）",
                "由韩国籍主播在Naver购物直播和Coupang Live为您的产品直播讲解，我们负责脚本、样品拍摄和直播后"
                "的短视频剪辑，"
                "并提供观看和销售数据。",
            ),
            "ru": (
                "Продажи в прямом эфире на корейском языке: клубника, женьшень, трепанг и другие продукты",
                "Ведущий — носитель корейского языка представляет ваши товары в прямом эфире на Naver "
                "Shopping Live "
                "и Coupang Live. Мы пишем сценарий, снимаем образцы, после эфира монтируем короткие ролики и "
                "присылаем данные о просмотрах и продажах.",
            ),
            "ko": (
                "한국어 라이브 커머스(딸기·인삼·해삼 등 농수산 식품)",
                "한국인 쇼호스트가 네이버 쇼핑라이브와 쿠팡 라이브에서 제품을 생방송으로 소개합니다. 대본 작"
                "성, 샘플 촬영, "
                "방송 후 숏폼 편집을 맡고 시청·판매 데이터를 제공합니다.",
            ),
            "en": (
                "Korean live-stream selling for food: strawberries, ginseng, sea cucumber and more",
                "A Korean host presents your products live on Naver Shopping Live and Coupang Live. We write "
                "the "
                "script, shoot the samples, edit short clips after the show and report viewing and sales "
                "figures.",
            ),
        },
        "tiers": [
            ("basic", 400000, 14, 1, [D["live_1"], D["live_script"]]),
            ("standard", 1000000, 21, 2, [D["live_3"], D["live_script"], D["short_clips"]]),
            ("premium", 1800000, 30, 2, [D["live_6"], D["live_script"], D["short_clips"], D["live_report"]]),
        ],
    },
]

#: Completed demo orders with their reviews:
#: (number, package key, tier, merchant slug, stars, language, text, reply).
REVIEWS: list[tuple] = [
    (
        "SV-DEMO-0001",
        "ru-catalogue-translation",
        "standard",
        "xingcheng-haiyun-swimwear",
        5,
        "zh",
        "译文专业，泳装面料和尺码术语都很准确，上架Ozon后买家的咨询明显减少。",
        "感谢信任，祝新款热销！",
    ),
    (
        "SV-DEMO-0002",
        "ru-catalogue-translation",
        "basic",
        "dalian-bohai-tool-steel",
        4,
        "zh",
        "钢号和热处理术语翻译规范，比约定提前一天交付。希望术语表能再细一些。",
        "",
    ),
    (
        "SV-DEMO-0003",
        "eac-certification",
        "standard",
        "yingkou-hengli-garage-equipment",
        5,
        "zh",
        "举升机的EAC证书一次通过，俄文说明书质量很高。",
        "谢谢！欢迎继续合作办理其他型号。",
    ),
    (
        "SV-DEMO-0004",
        "buyer-credit-report",
        "standard",
        "haicheng-huamei-refractories",
        5,
        "zh",
        "报告帮我们识别出一家涉及多起诉讼的买家，避免了一笔坏账。",
        "",
    ),
    (
        "SV-DEMO-0005",
        "ko-listing-localisation",
        "standard",
        "dalian-haizhenyuan-seafood",
        5,
        "en",
        "Clear, natural Korean copy for our dried sea cucumber. Our first Coupang orders came within two "
        "weeks.",
        "Thank you — good luck with the autumn season!",
    ),
    (
        "SV-DEMO-0006",
        "moscow-warehouse",
        "standard",
        "dashiqiao-jinyuan-magnesium",
        4,
        "zh",
        "头程时效稳定，库存报表清楚，旺季出库稍慢。",
        "旺季已增加人手，感谢反馈。",
    ),
]
