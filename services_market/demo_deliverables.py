"""Demo content (data only): deliverables shared by the demo packages' tiers, in every language."""

from __future__ import annotations


def products(n: int) -> dict[str, str]:
    """Texts of up to ``n`` products."""
    return {
        "zh": f"最多{n}个产品的名称、描述和规格",
        "ru": f"Названия, описания и характеристики до {n} товаров",
        "ko": f"최대 {n}개 제품의 이름·설명·사양",
        "en": f"Names, descriptions and specifications of up to {n} products",
    }


def listed(n: int) -> dict[str, str]:
    """Listing of up to ``n`` products."""
    return {
        "zh": f"上架最多{n}个商品",
        "ru": f"Размещение до {n} товаров",
        "ko": f"최대 {n}개 상품 등록",
        "en": f"Listing of up to {n} products",
    }


def competitors(n: int) -> dict[str, str]:
    """A comparison of ``n`` competitors."""
    return {
        "zh": f"{n}家主要竞争对手对比表",
        "ru": f"Сравнительная таблица {n} основных конкурентов",
        "ko": f"주요 경쟁사 {n}곳 비교표",
        "en": f"Comparison of {n} main competitors",
    }


def rail(n: int) -> dict[str, str]:
    """``n`` cubic metres of rail freight to Moscow."""
    return {
        "zh": f"{n}立方米铁路头程（大连—莫斯科）",
        "ru": f"Доставка {n} м³ по железной дороге Далянь — Москва",
        "ko": f"다롄-모스크바 철도 1차 운송 {n}㎥",
        "en": f"Rail freight Dalian–Moscow, {n} m³",
    }


def fulfil(n: int) -> dict[str, str]:
    """Fulfilment of up to ``n`` orders."""
    return {
        "zh": f"最多{n}单一件代发",
        "ru": f"Отправка до {n} заказов покупателям",
        "ko": f"최대 {n}건 주문 발송",
        "en": f"Fulfilment of up to {n} orders",
    }


D: dict[str, dict[str, str]] = {
    "native": {
        "zh": "母语编辑审校",
        "ru": "Вычитка редактором — носителем языка",
        "ko": "원어민 편집자 감수",
        "en": "Proofreading by a native editor",
    },
    "glossary": {
        "zh": "行业术语表（Excel）",
        "ru": "Отраслевой глоссарий (Excel)",
        "ko": "업계 용어집(엑셀)",
        "en": "Industry glossary (Excel)",
    },
    "files": {
        "zh": "Word和Excel格式交付",
        "ru": "Файлы Word и Excel",
        "ko": "워드·엑셀 파일 제공",
        "en": "Word and Excel files",
    },
    "seo_ru": {
        "zh": "Ozon和Wildberries搜索关键词建议",
        "ru": "Подбор ключевых слов для поиска на Ozon и Wildberries",
        "ko": "Ozon·Wildberries 검색 키워드 제안",
        "en": "Search keywords for Ozon and Wildberries",
    },
    "keywords_ko": {
        "zh": "Coupang和Naver搜索关键词建议",
        "ru": "Ключевые слова для поиска на Coupang и Naver",
        "ko": "쿠팡·네이버 검색 키워드 제안",
        "en": "Search keywords for Coupang and Naver",
    },
    "kuajing_sheet": {
        "zh": "可直接导入Kuajing的Excel表格",
        "ru": "Таблица Excel для прямой загрузки в Kuajing",
        "ko": "Kuajing에 바로 가져올 수 있는 엑셀 표",
        "en": "Excel sheet ready to import into Kuajing",
    },
    "seller_reg": {
        "zh": "卖家账户注册与店铺资料",
        "ru": "Регистрация продавца и оформление магазина",
        "ko": "판매자 계정 등록 및 스토어 프로필",
        "en": "Seller registration and store profile",
    },
    "month_ops": {
        "zh": "一个月日常运营（订单、价格、买家问答）",
        "ru": "Месяц ведения магазина: заказы, цены, вопросы покупателей",
        "ko": "1개월 일상 운영(주문·가격·문의 응대)",
        "en": "One month of daily operations: orders, prices, buyer questions",
    },
    "monthly_report": {
        "zh": "中文月度运营报告",
        "ru": "Ежемесячный отчёт на китайском языке",
        "ko": "중국어 월간 운영 보고서",
        "en": "Monthly report in Chinese",
    },
    "ad_setup": {
        "zh": "广告账户开设与投放设置",
        "ru": "Создание рекламного кабинета и настройка кампаний",
        "ko": "광고 계정 개설 및 캠페인 설정",
        "en": "Ad account and campaign setup",
    },
    "ad_copy": {
        "zh": "10组俄语广告文案与素材",
        "ru": "10 объявлений с текстом и изображениями на русском языке",
        "ko": "러시아어 광고 문구·소재 10세트",
        "en": "10 Russian ads with copy and images",
    },
    "weekly_opt": {
        "zh": "一个月内每周优化出价",
        "ru": "Еженедельная оптимизация ставок в течение месяца",
        "ko": "1개월간 주간 입찰 최적화",
        "en": "Weekly bid optimisation for one month",
    },
    "ads_report": {
        "zh": "投放效果报告（点击、转化、花费）",
        "ru": "Отчёт об эффективности: клики, конверсии, расходы",
        "ko": "성과 보고서(클릭·전환·비용)",
        "en": "Performance report: clicks, conversions, spend",
    },
    "cat_report": {
        "zh": "品类分析报告（PDF，约20页）",
        "ru": "Отчёт по категории (PDF, около 20 страниц)",
        "ko": "카테고리 분석 보고서(PDF, 약 20쪽)",
        "en": "Category report (PDF, about 20 pages)",
    },
    "pricing_advice": {
        "zh": "定价与选品建议",
        "ru": "Рекомендации по ценам и ассортименту",
        "ko": "가격·상품 구성 제안",
        "en": "Pricing and product range advice",
    },
    "review_keywords": {
        "zh": "买家评价关键词分析",
        "ru": "Анализ ключевых слов в отзывах покупателей",
        "ko": "구매 후기 키워드 분석",
        "en": "Analysis of buyer review keywords",
    },
    "reg_check": {
        "zh": "适用技术法规与HS编码核查",
        "ru": "Проверка применимых техрегламентов и кода ТН ВЭД",
        "ko": "적용 기술 규정 및 HS 코드 확인",
        "en": "Check of the applicable regulations and HS code",
    },
    "eac_declaration": {
        "zh": "EAC合格声明（1年）",
        "ru": "Декларация о соответствии ЕАЭС (1 год)",
        "ko": "EAC 적합성 선언(1년)",
        "en": "EAC declaration of conformity (1 year)",
    },
    "eac_certificate": {
        "zh": "EAC合格证书（最长5年）",
        "ru": "Сертификат соответствия ЕАЭС (до 5 лет)",
        "ko": "EAC 적합성 인증서(최대 5년)",
        "en": "EAC certificate of conformity (up to 5 years)",
    },
    "tech_file_ru": {
        "zh": "俄语技术文件与使用说明书",
        "ru": "Техническая документация и руководство по эксплуатации на русском",
        "ko": "러시아어 기술 문서 및 사용 설명서",
        "en": "Russian technical file and user manual",
    },
    "eac_marking": {
        "zh": "EAC标识与俄语标签设计",
        "ru": "Макет маркировки EAC и этикетки на русском языке",
        "ko": "EAC 마크 및 러시아어 라벨 디자인",
        "en": "EAC marking and Russian label design",
    },
    "risk_assessment": {
        "zh": "风险评估报告",
        "ru": "Отчёт об оценке рисков",
        "ko": "위험성 평가 보고서",
        "en": "Risk assessment report",
    },
    "doc_ce": {
        "zh": "欧盟符合性声明（DoC）",
        "ru": "Декларация соответствия ЕС (DoC)",
        "ko": "EU 적합성 선언서(DoC)",
        "en": "EU declaration of conformity (DoC)",
    },
    "tech_file_en": {
        "zh": "英文技术文件",
        "ru": "Техническое досье на английском языке",
        "ko": "영문 기술 문서",
        "en": "Technical file in English",
    },
    "test_report": {
        "zh": "第三方检测报告",
        "ru": "Протокол испытаний независимой лаборатории",
        "ko": "제3자 시험 성적서",
        "en": "Third-party test report",
    },
    "kc_route": {
        "zh": "产品类别与认证方式确认",
        "ru": "Определение класса товара и схемы сертификации",
        "ko": "제품 분류 및 인증 방식 확인",
        "en": "Product class and certification route",
    },
    "kc_application": {
        "zh": "韩文申请资料",
        "ru": "Заявка и документы на корейском языке",
        "ko": "한국어 신청 서류",
        "en": "Application documents in Korean",
    },
    "kc_testing": {
        "zh": "韩国指定机构检测安排",
        "ru": "Организация испытаний в корейской лаборатории",
        "ko": "지정 시험기관 시험 주선",
        "en": "Testing at a designated Korean laboratory",
    },
    "kc_label": {
        "zh": "KC标识与韩文标签审核",
        "ru": "Проверка знака KC и этикетки на корейском языке",
        "ko": "KC 마크 및 한글 라벨 검토",
        "en": "Review of the KC mark and Korean label",
    },
    "storage_month": {
        "zh": "一个月仓储与库存报表",
        "ru": "Месяц хранения и отчёты об остатках",
        "ko": "1개월 보관 및 재고 보고",
        "en": "One month of storage with stock reports",
    },
    "marketplace_delivery": {
        "zh": "送货至Ozon或Wildberries仓库",
        "ru": "Поставка на склады Ozon или Wildberries",
        "ko": "Ozon·Wildberries 창고 납품",
        "en": "Delivery to Ozon or Wildberries warehouses",
    },
    "hs_check": {
        "zh": "最多50个商品的HS编码与申报要素核查",
        "ru": "Проверка кодов ТН ВЭД и элементов декларирования до 50 товаров",
        "ko": "최대 50개 상품의 HS 코드·신고 요소 점검",
        "en": "HS code and declaration check for up to 50 products",
    },
    "monthly_declaration": {
        "zh": "一个月的清单申报与汇总申报",
        "ru": "Декларирование перечней и сводная декларация за месяц",
        "ko": "1개월간 목록 신고 및 통합 신고",
        "en": "One month of list and summary declarations",
    },
    "rebate_docs": {
        "zh": "出口退税与结汇单证包",
        "ru": "Пакет документов для возврата НДС и валютного контроля",
        "ko": "수출 환급·외환 결제 서류 일체",
        "en": "Document pack for the VAT rebate and FX settlement",
    },
    "credit_basic": {
        "zh": "基础报告：注册信息与诉讼记录",
        "ru": "Базовый отчёт: регистрационные данные и судебные дела",
        "ko": "기본 보고서: 등기 정보 및 소송 기록",
        "en": "Basic report: registration data and litigation",
    },
    "credit_full": {
        "zh": "完整报告：股东、财务与付款记录",
        "ru": "Полный отчёт: учредители, финансы, платёжная дисциплина",
        "ko": "상세 보고서: 주주·재무·결제 이력",
        "en": "Full report: shareholders, finances and payment record",
    },
    "credit_limit": {
        "zh": "建议信用额度",
        "ru": "Рекомендуемый кредитный лимит",
        "ko": "권장 신용 한도",
        "en": "Recommended credit limit",
    },
    "monitoring_year": {
        "zh": "一年变动监控提醒",
        "ru": "Мониторинг изменений в течение года",
        "ko": "1년간 변동 모니터링 알림",
        "en": "One year of change monitoring alerts",
    },
    "insurance_compare": {
        "zh": "保险方案比较",
        "ru": "Сравнение страховых предложений",
        "ko": "보험 조건 비교",
        "en": "Comparison of insurance offers",
    },
    "insurance_application": {
        "zh": "投保材料准备",
        "ru": "Подготовка документов для страхования",
        "ko": "보험 가입 서류 준비",
        "en": "Preparation of the insurance application",
    },
    "financing_application": {
        "zh": "银行融资申请材料",
        "ru": "Пакет документов для банковского финансирования",
        "ko": "은행 금융 신청 서류",
        "en": "Bank financing application pack",
    },
    "tm_search": {
        "zh": "近似商标查询报告",
        "ru": "Отчёт о поиске сходных товарных знаков",
        "ko": "유사 상표 조사 보고서",
        "en": "Clearance search report",
    },
    "tm_filing_1": {
        "zh": "1个类别的申请提交与受理通知",
        "ru": "Подача заявки по одному классу и уведомление о приёме",
        "ko": "1개 류 출원 및 접수 통지",
        "en": "Filing in one class with the filing receipt",
    },
    "tm_filing_3": {
        "zh": "最多3个类别的申请提交",
        "ru": "Подача заявки по трём классам",
        "ko": "최대 3개 류 출원",
        "en": "Filing in up to three classes",
    },
    "tm_office_actions": {
        "zh": "审查意见答复直至注册",
        "ru": "Ответы на запросы экспертизы до регистрации",
        "ko": "등록 시까지 심사 의견 대응",
        "en": "Replies to office actions until registration",
    },
    "contract_10p": {
        "zh": "最多10页合同",
        "ru": "Контракт объёмом до 10 страниц",
        "ko": "최대 10쪽 계약서",
        "en": "Contract of up to 10 pages",
    },
    "contract_30p": {
        "zh": "最多30页合同",
        "ru": "Контракт объёмом до 30 страниц",
        "ko": "최대 30쪽 계약서",
        "en": "Contract of up to 30 pages",
    },
    "risk_memo": {
        "zh": "风险提示备忘录",
        "ru": "Меморандум о рисках",
        "ko": "위험 검토 메모",
        "en": "Risk memo",
    },
    "bilingual_markup": {
        "zh": "双语修订稿",
        "ru": "Двуязычная редакция с правками",
        "ko": "2개 국어 수정본",
        "en": "Bilingual marked-up version",
    },
    "account_opening": {
        "zh": "跨境收款账户开立",
        "ru": "Открытие счёта для трансграничных платежей",
        "ko": "크로스보더 수취 계좌 개설",
        "en": "Opening of a cross-border collection account",
    },
    "marketplace_binding": {
        "zh": "绑定最多3个电商平台",
        "ru": "Подключение до 3 маркетплейсов",
        "ko": "최대 3개 오픈마켓 연동",
        "en": "Connection of up to 3 marketplaces",
    },
    "fx_flow": {
        "zh": "结汇与退税对账流程说明",
        "ru": "Схема конвертации выручки и сверки для возврата НДС",
        "ko": "환전 및 환급 대사 절차 안내",
        "en": "FX settlement and rebate reconciliation guide",
    },
    "live_1": {
        "zh": "1场60分钟直播",
        "ru": "Один прямой эфир продолжительностью 60 минут",
        "ko": "60분 라이브 방송 1회",
        "en": "One 60-minute live show",
    },
    "live_3": {
        "zh": "3场60分钟直播",
        "ru": "Три прямых эфира по 60 минут",
        "ko": "60분 라이브 방송 3회",
        "en": "Three 60-minute live shows",
    },
    "live_6": {
        "zh": "6场60分钟直播",
        "ru": "Шесть прямых эфиров по 60 минут",
        "ko": "60분 라이브 방송 6회",
        "en": "Six 60-minute live shows",
    },
    "live_script": {
        "zh": "韩语直播脚本与样品拍摄",
        "ru": "Сценарий эфира на корейском языке и съёмка образцов",
        "ko": "한국어 방송 대본 및 샘플 촬영",
        "en": "Korean script and sample shooting",
    },
    "short_clips": {
        "zh": "10条短视频剪辑",
        "ru": "10 коротких видеороликов",
        "ko": "숏폼 영상 10편",
        "en": "10 short video clips",
    },
    "live_report": {
        "zh": "观看与销售数据报告",
        "ru": "Отчёт о просмотрах и продажах",
        "ko": "시청·판매 데이터 보고서",
        "en": "Viewing and sales report",
    },
}
