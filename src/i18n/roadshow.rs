//! Texts of the roadshow mode: the start screen with the park's published
//! facts (PARK.md, 2022 figures), the preset gallery and the presentation
//! view, in both languages (one exhaustive match).

use crate::i18n::Lang;

/// A text of the roadshow mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoadshowText {
    Enter,
    Exit,
    Welcome,
    Identity,
    FactsHeading,
    FactsDated,
    FactCoreArea,
    FactFactories,
    FactSigned,
    FactDeposit,
    FactFinance,
    FactService,
    GalleryHeading,
    ReferenceHeading,
    EbikeName,
    EbikeNote,
    CableName,
    CableNote,
    BackToStart,
    NextChart,
    PreviousChart,
    FullScreen,
    ShowQr,
    HideQr,
    IdleLabel,
    IdleMinutes,
}

/// The text of `message` in `lang`.
pub fn roadshow_text(lang: Lang, message: RoadshowText) -> &'static str {
    use RoadshowText as T;
    let (zh, en) = match message {
        T::Enter => ("路演模式", "Roadshow mode"),
        T::Exit => ("退出路演模式", "Leave roadshow mode"),
        T::Welcome => ("欢迎投资永州经济技术开发区", "Invest in the Yongzhou Economic and Technological Development Zone"),
        T::Identity => (
            "国家级经济技术开发区（2022 年升级），地处湖南永州潇湘源头，面向粤港澳大湾区开放，湘南湘西承接产业转移示范区。",
            "A national-level development zone (upgraded in 2022) at the source of the Xiang river in Yongzhou, Hunan, open towards the Greater Bay Area; a national demonstration zone for taking on industrial transfer.",
        ),
        T::FactsHeading => ("园区概况", "The park in figures"),
        T::FactsDated => ("2022 年园区公布数据", "The park's published figures, 2022"),
        T::FactCoreArea => ("核心区 3500 亩，20 余个项目同时在建", "Core area 3,500 亩, 20+ projects under construction at once"),
        T::FactFactories => ("标准厂房在建 159 万 m²，2022 年底可交付 40 万 m²", "Standard factories: 1.59 million m² under construction, 400,000 m² deliverable by end-2022"),
        T::FactSigned => ("2022 年 1–9 月签约项目 58 个、293.6 亿元，其中 10 亿元以上 9 个", "Jan–Sep 2022: 58 projects signed, 29.36 bn CNY, 9 above 1 bn"),
        T::FactDeposit => ("实行履约保证金制度，已收取 6090 万元；合同依法执行", "Performance-guarantee deposits in force: 60.9 m CNY collected; contracts enforced"),
        T::FactFinance => ("1 亿元产业发展基金、1 亿元助保贷风险补偿金", "A 100 m CNY industrial fund and a 100 m CNY loan-guarantee risk pool"),
        T::FactService => ("每周一政企交流日；“四个一”帮扶；一站式服务", "A government–business exchange day every Monday; a helper team per firm; one-stop services"),
        T::GalleryHeading => ("选择产业园，开始测算", "Choose a park to start"),
        T::ReferenceHeading => ("园区参考项目（示例方案）", "Reference projects (example scenarios)"),
        T::EbikeName => ("电助力自行车项目", "Power-assisted e-bike plant"),
        T::EbikeNote => ("总投资 20 亿元，年产 50 万辆，年产值 8 亿元", "Total investment 2 bn CNY, 500,000 units and 800 m CNY output a year"),
        T::CableName => ("线缆企业扩产项目", "Cable maker's expansion"),
        T::CableNote => ("年产值 1 亿元，年纳税不少于 585 万元", "Output 100 m CNY a year, at least 5.85 m CNY of taxes a year"),
        T::BackToStart => ("返回首页", "Back to start"),
        T::NextChart => ("下一张图", "Next chart"),
        T::PreviousChart => ("上一张图", "Previous chart"),
        T::FullScreen => ("全屏", "Full screen"),
        T::ShowQr => ("扫码带走方案", "Take it away: QR code"),
        T::HideQr => ("关闭二维码", "Close the QR code"),
        T::IdleLabel => ("无操作自动返回首页", "Back to start when idle for"),
        T::IdleMinutes => ("分钟", "minutes"),
    };
    lang.pick(zh, en)
}
